"""Telegram's limits, shared by every worker through Redis.

One token bucket for the whole bot (Telegram counts per bot, not per worker
process), and per-chat pauses: when Telegram answers 429 for a chat, every
worker waits `retry_after` before writing there again. If Redis fails, the
worker falls back to its own bucket rather than stop answering.

Calls are served in three tiers, so that under load the budget goes where the
user waits: an answer's first message may take the last token; other calls
that must go out (final edits, boards) leave a quarter of the burst for first
messages; partial edits, which can be skipped, leave half of it.
"""

from __future__ import annotations

import asyncio
import logging
import random

from redis.asyncio import Redis
from redis.exceptions import RedisError

from storage import keys
from storage.local_bucket import TelegramPacer

log = logging.getLogger(__name__)

# A refused optional update (a partial edit) asks again after about this long. Under
# load hundreds of answers compete for ~20 calls a second; asking again every
# 1/rate seconds cost each of them a render and two Redis round trips 20 times a
# second for nothing. Jitter keeps them from asking all at once.
REFUSED_RETRY_SECONDS = (0.5, 1.5)

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
        # Calls of this worker that must go out queue here, first come first served, so
        # only one per tier asks Redis at a time instead of all of them polling at once.
        self._first_queue = asyncio.Lock()
        self._other_queue = asyncio.Lock()

    async def take(self, *, first: bool = False) -> None:
        """Wait until a call that must go out may go out; `first` for an answer's first message."""
        queue, reserve = (self._first_queue, 0.0) if first else (self._other_queue, self._burst / 4)
        async with queue:
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
                    await self._local.acquire()
                    return
                if wait_ms == 0:
                    return
                await asyncio.sleep(wait_ms / 1000)

    async def try_optional(self, chat_id: int) -> float:
        """For an update that may be skipped (a partial edit): 0 when it may go out now,
        else seconds to wait before offering the next one. One round trip: the chat's
        pause and a token together.
        """
        reserve = self._burst / 2
        try:
            async with self._redis.pipeline(transaction=False) as pipe:
                pipe.pttl(keys.chat_pause(chat_id))
                await self._take(
                    keys=[keys.TELEGRAM_BUCKET],
                    args=[self._rate, self._burst, reserve],
                    client=pipe,
                )
                paused_ms, wait_ms = await pipe.execute()
        except RedisError as exc:
            log.warning("Shared Telegram budget unavailable (%s); pacing this worker alone", exc)
            if self._local.try_acquire(reserve=reserve):
                return 0.0
            return random.uniform(*REFUSED_RETRY_SECONDS)
        if paused_ms and paused_ms > 0:
            # Another worker (or an earlier call) was told to wait for this chat.
            return float(paused_ms) / 1000
        return 0.0 if int(wait_ms) == 0 else random.uniform(*REFUSED_RETRY_SECONDS)

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
