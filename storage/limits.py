"""Abuse and cost limits, counted in Redis so every worker sees the same numbers.

Fixed windows (a minute, an hour, a UTC day): simple, one INCR per check, and
"come back in N seconds" is the time to the window's end.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Literal

from redis.asyncio import Redis

from storage import keys

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
    def __init__(self, redis: Redis, settings: LimitSettings) -> None:
        self._redis = redis
        self._settings = settings

    async def _count(self, key: str, amount: int, ttl: int) -> int:
        async with self._redis.pipeline(transaction=True) as pipe:
            pipe.incrby(key, amount)
            pipe.expire(key, ttl)
            total, _ = await pipe.execute()
        return int(total)

    async def take_turn(
        self, user_id: int, chat_id: int, now: float | None = None
    ) -> LimitHit | None:
        """Count a turn (a question or an album); the hit says which limit and for how long."""
        now = time.time() if now is None else now
        window, left = _window(60, now)
        day, day_left = _window(86400, now)
        user_key = keys.user_counter(user_id, "turns", window)
        chat_key = keys.chat_counter(chat_id, "turns", window)
        # One round trip for all three counters; they sit on different cluster slots,
        # so this is a plain pipeline, not a transaction.
        async with self._redis.pipeline(transaction=False) as pipe:
            pipe.incr(user_key)
            pipe.expire(user_key, 120)
            pipe.incr(chat_key)
            pipe.expire(chat_key, 120)
            pipe.get(keys.user_counter(user_id, "tokens", day))
            per_user, _, per_chat, _, tokens = await pipe.execute()
        if int(per_user) > self._settings.turns_per_minute_user:
            return LimitHit("turns_user", left)
        if int(per_chat) > self._settings.turns_per_minute_chat:
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
