"""Which answer is streaming in a chat, on whatever worker, and a /stop asked for it anywhere.

A chat's turns run one at a time (`ChatQueue`), so a scope streams at most one answer. Its
worker keeps one small key in the chat's slot, `{c:<chat id>}…:streaming`: the answer's
token, or `stop:<token>` once a stop was asked, with a short expiry the worker slides. A `/stop` (or ⏹) on any
worker sets the flag if the key exists, and says "nothing to stop" if not; the streaming
worker sees the flag at its next poll, about twice a second.

A key per chat, polled, rather than pub/sub: one key in the chat's slot runs unchanged on a
Redis Cluster (sharded pub/sub needs Redis 7 and a subscription per node, and redis-py's asyncio
cluster client has no pub/sub); a flag waits to be read, while a message published while a
subscriber reconnects (a failover, a blip) is lost; and the same key answers "is anything
streaming?". The cost: a GET per streaming answer per poll, and every fourth poll a short script that
slides the expiry instead.
"""

from __future__ import annotations

from storage import keys
from storage.connection import RedisClient
from storage.keys import ChatScope

STOP = "stop:"

# ARGV: token, ttl_ms. Slides the expiry of our registration (making it again if it expired
# during an outage); 1 when a stop was asked for it.
_REFRESH = """
local v = redis.call('GET', KEYS[1])
if v == 'stop:' .. ARGV[1] then return 1 end
if v == ARGV[1] then redis.call('PEXPIRE', KEYS[1], ARGV[2])
else redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) end
return 0
"""

# 1 when an answer is streaming (now asked to stop), 0 when none is.
_REQUEST = """
local v = redis.call('GET', KEYS[1])
if not v then return 0 end
if string.sub(v, 1, 5) ~= 'stop:' then
  local ttl = redis.call('PTTL', KEYS[1])
  redis.call('SET', KEYS[1], 'stop:' .. v, 'PX', ttl > 0 and ttl or 5000)
end
return 1
"""

_END = """
local v = redis.call('GET', KEYS[1])
if v == ARGV[1] or v == 'stop:' .. ARGV[1] then redis.call('DEL', KEYS[1]) end
return 1
"""


class AnswerStops:
    """The shared half of `bot.conversation.stopping.RunningAnswers`."""

    def __init__(self, redis: RedisClient, *, ttl_seconds: float = 5.0) -> None:
        self._redis = redis
        self._ttl_ms = int(ttl_seconds * 1000)
        self._refresh = redis.register_script(_REFRESH)
        self._request = redis.register_script(_REQUEST)
        self._end = redis.register_script(_END)

    async def begin(self, scope: ChatScope, token: str) -> None:
        """Register the answer streaming now in the scope."""
        await self._redis.set(keys.streaming(scope), token, px=self._ttl_ms)

    async def poll(self, scope: ChatScope, token: str, *, refresh: bool = False) -> bool:
        """True once any worker asked the answer to stop; `refresh` also slides its expiry
        (do it a few times per expiry: a registration not refreshed expires)."""
        if refresh:
            return bool(
                await self._refresh(keys=[keys.streaming(scope)], args=[token, self._ttl_ms])
            )
        value = await self._redis.get(keys.streaming(scope))
        return value in (f"{STOP}{token}", f"{STOP}{token}".encode())

    async def request(self, scope: ChatScope) -> bool:
        """Ask the scope's streaming answer to stop; False when none is streaming anywhere."""
        return bool(await self._request(keys=[keys.streaming(scope)]))

    async def end(self, scope: ChatScope, token: str) -> None:
        await self._end(keys=[keys.streaming(scope)], args=[token])
