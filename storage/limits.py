"""Abuse and cost limits, counted in Redis so every worker sees the same numbers.

Fixed windows (a minute, an hour, a UTC day): simple, one INCR per check, and
"come back in N seconds" is the time to the window's end.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass
from typing import Literal

from storage import keys
from storage.connection import RedisClient

LimitName = Literal["turns_user", "turns_chat", "photos", "tokens"]


@dataclass(frozen=True)
class LimitHit:
    name: LimitName
    retry_after: int  # seconds until the window ends


@dataclass(frozen=True)
class LimitSettings:
    turns_per_minute_user: int = 10
    turns_per_minute_chat: int = 20
    photos_per_hour_user: int = 60
    daily_tokens_user: int = 300_000


def _window(seconds: int, now: float) -> tuple[str, int]:
    index = int(now // seconds)
    return str(index), int((index + 1) * seconds - now) + 1


class Limits:
    def __init__(self, redis: RedisClient, settings: LimitSettings) -> None:
        self._redis = redis
        self._settings = settings

    async def _count(self, key: str, amount: int, ttl: int) -> int:
        async with self._redis.pipeline(transaction=False) as pipe:
            pipe.incrby(key, amount)
            pipe.expire(key, ttl)
            total, _ = await pipe.execute()
        return int(total)

    async def _count_user_turn(self, turns_key: str, tokens_key: str) -> tuple[int, bytes | None]:
        async with self._redis.pipeline(transaction=False) as pipe:
            pipe.incr(turns_key)
            pipe.expire(turns_key, 120)
            pipe.get(tokens_key)
            turns, _, tokens = await pipe.execute()
        return int(turns), tokens

    async def take_turn(
        self, user_id: int, chat_id: int, now: float | None = None
    ) -> LimitHit | None:
        """Count a turn (a question or an album); the hit says which limit and for how long."""
        now = time.time() if now is None else now
        window, left = _window(60, now)
        day, day_left = _window(86400, now)
        user_key = keys.user_counter(user_id, "turns", window)
        chat_key = keys.chat_counter(chat_id, "turns", window)
        # The user's counters share the user's slot, the chat's counter the chat's: two
        # one-slot pipelines at the same time, so no operation spans cluster slots (and a
        # retry after a failover repeats only its own slot's work), in one round trip's time.
        per_user_and_tokens, per_chat = await asyncio.gather(
            self._count_user_turn(user_key, keys.user_counter(user_id, "tokens", day)),
            self._count(chat_key, 1, 120),
        )
        per_user, tokens = per_user_and_tokens
        if per_user > self._settings.turns_per_minute_user:
            return LimitHit("turns_user", left)
        if per_chat > self._settings.turns_per_minute_chat:
            return LimitHit("turns_chat", left)
        if tokens is not None and int(tokens) >= self._settings.daily_tokens_user:
            return LimitHit("tokens", day_left)
        return None

    async def take_photos(
        self, user_id: int, count: int, now: float | None = None
    ) -> LimitHit | None:
        now = time.time() if now is None else now
        window, left = _window(3600, now)
        total = await self._count(keys.user_counter(user_id, "photos", window), count, 7200)
        if total > self._settings.photos_per_hour_user:
            return LimitHit("photos", left)
        return None

    async def spend_tokens(self, user_id: int, tokens: int, now: float | None = None) -> None:
        now = time.time() if now is None else now
        window, _ = _window(86400, now)
        await self._count(keys.user_counter(user_id, "tokens", window), tokens, 2 * 86400)
