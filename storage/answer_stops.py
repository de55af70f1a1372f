"""Which answer is streaming in a chat, on whatever worker, and a /stop asked for it anywhere.

A chat's turns run one at a time (`ChatQueue`), so a scope streams at most one answer. Its
worker keeps a small hash in the chat's slot, `{c:<chat id>}…:streaming`: the answer's token
and a stop flag, with a short expiry that the worker's poll slides. A `/stop` (or ⏹) on any
worker sets the flag if the hash exists, and says "nothing to stop" if not; the streaming
worker sees the flag at its next poll, about twice a second.

A key per chat, polled, rather than pub/sub: one key in the chat's slot runs unchanged on a
Redis Cluster (sharded pub/sub needs Redis 7 and a subscription per node, and redis-py's asyncio
cluster client has no pub/sub); a flag waits to be read, while a message published while a
subscriber reconnects (a failover, a blip) is lost; and the same key answers "is anything
streaming?". The cost is one short script per streaming answer per poll.
"""

from __future__ import annotations

from storage import keys
from storage.connection import RedisClient
from storage.keys import ChatScope

# ARGV: token, ttl_ms. Registers the answer (again, if the key expired during an outage) and
# returns 1 when a stop was asked for it.
_POLL = """
if redis.call('HGET', KEYS[1], 'answer') ~= ARGV[1] then
  redis.call('HSET', KEYS[1], 'answer', ARGV[1], 'stop', '0')
end
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return tonumber(redis.call('HGET', KEYS[1], 'stop'))
"""

_REQUEST = """
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('HSET', KEYS[1], 'stop', '1')
return 1
"""

_END = """
if redis.call('HGET', KEYS[1], 'answer') == ARGV[1] then redis.call('DEL', KEYS[1]) end
return 1
"""


class AnswerStops:
    """The shared half of `bot.conversation.stopping.RunningAnswers`."""

    def __init__(self, redis: RedisClient, *, ttl_seconds: float = 5.0) -> None:
        self._ttl_ms = int(ttl_seconds * 1000)
        self._poll = redis.register_script(_POLL)
        self._request = redis.register_script(_REQUEST)
        self._end = redis.register_script(_END)

    async def poll(self, scope: ChatScope, token: str) -> bool:
        """Keep the answer registered; True once any worker asked it to stop."""
        return bool(await self._poll(keys=[keys.streaming(scope)], args=[token, self._ttl_ms]))

    async def request(self, scope: ChatScope) -> bool:
        """Ask the scope's streaming answer to stop; False when none is streaming anywhere."""
        return bool(await self._request(keys=[keys.streaming(scope)]))

    async def end(self, scope: ChatScope, token: str) -> None:
        await self._end(keys=[keys.streaming(scope)], args=[token])
