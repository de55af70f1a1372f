"""What several workers behind one webhook URL must agree on, kept in Redis.

- `UpdateLog`: an update id seen before is not processed again.
- `RedisAlbums`: the parts of an album may reach different workers; exactly
  one of them gets the whole album.
- `ChatQueue`: a chat's turns run one at a time, in the order they asked, with
  a lease so a crashed worker does not block the chat for long.
Scripts run atomically in Redis; all keys of a chat share its hash tag.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import secrets
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

from storage import keys
from storage.connection import RedisClient
from storage.keys import ChatScope

log = logging.getLogger(__name__)

# Take the whole album if no part came after ours: atomic, so a late part
# starts a new list instead of being lost between read and delete.
_TAKE_ALBUM = """
if redis.call('LLEN', KEYS[1]) ~= tonumber(ARGV[1]) then return nil end
local parts = redis.call('LRANGE', KEYS[1], 0, -1)
redis.call('DEL', KEYS[1])
return parts
"""

# The chat's queue is one hash (next ticket, ticket being served, since when the
# queue has had no lease holder), so its parts expire together; the lease is a key
# of its own with a TTL.
_TAKE_TICKET = """
local ticket = redis.call('HINCRBY', KEYS[1], 'next', 1)
if ticket == 1 then redis.call('HSET', KEYS[1], 'serving', 1) end
redis.call('EXPIRE', KEYS[1], 3600)
return ticket
"""

# ARGV: ticket, lease_ms, stall_ms. Returns 1 (yours now), 0 (wait), -1 (skipped: take another).
_ACQUIRE = """
local ticket = tonumber(ARGV[1])
local serving = tonumber(redis.call('HGET', KEYS[1], 'serving') or '0')
if serving == 0 then return -1 end
if serving == ticket then
  redis.call('SET', KEYS[2], ticket, 'PX', ARGV[2])
  redis.call('HDEL', KEYS[1], 'stall')
  return 1
end
if serving > ticket then return -1 end
if redis.call('EXISTS', KEYS[2]) == 1 then redis.call('HDEL', KEYS[1], 'stall'); return 0 end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local since = tonumber(redis.call('HGET', KEYS[1], 'stall') or '0')
if since == 0 then redis.call('HSET', KEYS[1], 'stall', now); return 0 end
if now - since >= tonumber(ARGV[3]) then
  -- The turn being served has held no lease for too long: its worker died. Skip it.
  redis.call('HINCRBY', KEYS[1], 'serving', 1)
  redis.call('HDEL', KEYS[1], 'stall')
end
return 0
"""

_RELEASE = """
if tonumber(redis.call('HGET', KEYS[1], 'serving') or '0') == tonumber(ARGV[1]) then
  redis.call('HINCRBY', KEYS[1], 'serving', 1)
  redis.call('EXPIRE', KEYS[1], 3600)
end
if redis.call('GET', KEYS[2]) == ARGV[1] then redis.call('DEL', KEYS[2]) end
return 1
"""

_REFRESH = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0
"""


class UpdateLog:
    def __init__(self, redis: RedisClient, *, remember_seconds: int = 24 * 3600) -> None:
        self._redis = redis
        self._ttl = remember_seconds

    async def first_time(self, update_id: int) -> bool:
        """True once per update id, across all workers (Telegram retries and duplicates)."""
        key, mark = keys.seen_update(update_id), secrets.token_hex(8)
        if await self._redis.set(key, mark, nx=True, ex=self._ttl):
            return True
        # The client sends a command again when its connection broke before the answer
        # came (a failover, a restart): if that first send had taken the id, the mark is
        # ours and the update is still to be processed, not a duplicate to drop.
        return bool(await self._redis.get(key) == mark.encode())


class RedisAlbums:
    """Album parts gathered in Redis; the newest part after a quiet window takes them all."""

    def __init__(
        self,
        redis: RedisClient,
        quiet_seconds: float,
        *,
        sleep: Callable[[float], Awaitable[object]] = asyncio.sleep,
    ) -> None:
        self._redis = redis
        self._quiet = quiet_seconds
        self._sleep = sleep
        self._take = redis.register_script(_TAKE_ALBUM)

    async def collect(
        self, scope: ChatScope, group_id: str, part: dict[str, Any]
    ) -> list[dict[str, Any]] | None:
        key = keys.album(scope, group_id)
        async with self._redis.pipeline(transaction=False) as pipe:
            pipe.rpush(key, json.dumps(part, ensure_ascii=False))
            pipe.expire(key, 600)
            count, _ = await pipe.execute()
        await self._sleep(self._quiet)
        raw = await self._take(keys=[key], args=[count])
        if raw is None:
            return None  # a later part arrived (here or on another worker) and will deliver
        return [json.loads(item) for item in raw]


class ChatQueue:
    """A fair (first come, first served) lock per chat across workers."""

    def __init__(
        self,
        redis: RedisClient,
        *,
        lease_seconds: float = 30.0,
        stall_seconds: float = 3.0,
        poll_seconds: float = 0.03,
    ) -> None:
        self._redis = redis
        self._lease_ms = int(lease_seconds * 1000)
        self._stall_ms = int(stall_seconds * 1000)
        self._poll = poll_seconds
        self._take = redis.register_script(_TAKE_TICKET)
        self._acquire = redis.register_script(_ACQUIRE)
        self._release = redis.register_script(_RELEASE)
        self._refresh = redis.register_script(_REFRESH)

    @contextlib.asynccontextmanager
    async def hold(self, scope: ChatScope) -> AsyncIterator[None]:
        queue, lease = keys.chat_queue(scope), keys.chat_lease(scope)
        ticket = await self._take_ticket(queue)
        while True:
            state = await self._acquire(
                keys=[queue, lease], args=[ticket, self._lease_ms, self._stall_ms]
            )
            if state == 1:
                break
            if state == -1:
                log.warning("A turn waited past a stalled lease; queueing it again")
                ticket = await self._take_ticket(queue)
            await asyncio.sleep(self._poll)
        keeper = asyncio.create_task(self._keep_lease(lease, ticket))
        try:
            yield
        finally:
            # asyncio.wait, not `await keeper`: it neither raises the keeper's own
            # CancelledError nor swallows a cancellation meant for this task. The cancel is
            # repeated because one reaching the keeper inside a Redis command can be lost
            # (see bot.tasks.cancel_and_wait, which storage does not import).
            while not keeper.done():
                keeper.cancel()
                await asyncio.wait({keeper}, timeout=0.5)
            await self._release(keys=[queue, lease], args=[ticket])

    async def _take_ticket(self, queue: str) -> int:
        return int(await self._take(keys=[queue]))

    async def _keep_lease(self, lease: str, ticket: int) -> None:
        while True:
            await asyncio.sleep(self._lease_ms / 3000)
            with contextlib.suppress(Exception):  # a blip must not end the turn; the lease is long
                await self._refresh(keys=[lease], args=[ticket, self._lease_ms])
