"""Telegram's limits, shared by every worker through Redis.

One token bucket for the whole bot (Telegram counts per bot, not per worker
process), and per-chat pauses: when Telegram answers 429 for a chat, every
worker waits `retry_after` before writing there again. If Redis fails, the
worker falls back to its own bucket rather than stop answering.
"""

from __future__ import annotations

import asyncio
import logging

from redis.asyncio import Redis
from redis.exceptions import RedisError

from bot.pacing import TelegramPacer
from storage import keys

log = logging.getLogger(__name__)

# ARGV: rate per second, burst, reserve. Returns 0 when a token was taken, else ms to wait.
_TAKE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
local rate, burst, reserve = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local state = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
local tokens = tonumber(state[1]) or burst
local ts = tonumber(state[2]) or now
tokens = math.min(burst, tokens + (now - ts) * rate)
local wait = 0
if tokens - 1 >= reserve then tokens = tokens - 1 else wait = math.ceil((1 + reserve - tokens) / rate * 1000) end
redis.call('HSET', KEYS[1], 'tokens', tokens, 'ts', now)
redis.call('EXPIRE', KEYS[1], 60)
return wait
"""


class TelegramBudget:
    def __init__(self, redis: Redis, rate: float, burst: float) -> None:
        self._redis = redis
        self._rate = rate
        self._burst = burst
        self._take = redis.register_script(_TAKE)
        self._local = TelegramPacer(rate, burst)
        self._mandatory = asyncio.Lock()

    @property
    def seconds_per_call(self) -> float:
        return 1 / self._rate

    async def take(self, *, optional: bool) -> bool:
        """A call may go out now. Optional calls leave one token for mandatory ones and
        return False instead of waiting; mandatory calls wait their turn."""
        if optional:
            return await self._take_once(reserve=1)
        # Mandatory calls of this worker queue up here, first come first served, so only
        # one of them at a time asks Redis instead of all of them polling at once.
        async with self._mandatory:
            return await self._take_once(reserve=0)

    async def _take_once(self, *, reserve: int) -> bool:
        optional = reserve > 0
        while True:
            try:
                wait_ms = int(
                    await self._take(
                        keys=[keys.TELEGRAM_BUCKET], args=[self._rate, self._burst, reserve]
                    )
                )
            except RedisError as exc:
                log.warning(
                    "Shared Telegram budget unavailable (%s); pacing this worker alone", exc
                )
                if optional:
                    return self._local.try_acquire(reserve=1)
                await self._local.acquire()
                return True
            if wait_ms == 0:
                return True
            if optional:
                return False
            await asyncio.sleep(wait_ms / 1000)

    async def pause_chat(self, chat_id: int, seconds: float) -> None:
        try:
            await self._redis.set(keys.chat_pause(chat_id), 1, px=max(1, int(seconds * 1000)))
        except RedisError:
            pass  # the stream controller still honours the pause locally

    async def chat_paused_for(self, chat_id: int) -> float:
        try:
            remaining = await self._redis.pttl(keys.chat_pause(chat_id))
        except RedisError:
            return 0.0
        return remaining / 1000 if remaining and remaining > 0 else 0.0
