"""Telegram's limits, shared by every worker through Redis.

Telegram counts per bot, not per worker process, so the state lives in Redis:
- one log of the bot's calls of the last second (about 30 messages a second),
  served in tiers: a call of a higher tier may take slots a lower tier has to
  leave free. A sliding window, not a token bucket: a quiet bot may send 28
  first messages at once, and no window holds more than 28 calls. The window is
  a second plus `jitter` (0.15 s): a call granted at the end of one window and
  delayed on its way must still not land in the next second's count;
- per chat: when the next change may go (about one a second), a log of the
  last minute's calls in groups (about 20 a minute), and a 429 pause;
- a bot-wide pause, for a 429 that is not about one chat.

Each script touches the keys of one hash-tag slot only (the log and the
bot-wide pause share `{telegram}`, a chat's keys share `{c:<chat id>}`), so the
same calls run on a single Redis and on a Redis Cluster; that is why taking a
slot and reserving the chat are two round trips, not one script.

Times are milliseconds from the caller's clock, or Redis' own `TIME` when the
caller passes none (production: every worker then reads the same clock). If
Redis fails, the worker falls back to a bucket of its own rather than stop.
"""

from __future__ import annotations

import logging
import math
from typing import Protocol

from redis.exceptions import RedisError

from storage import keys
from storage.connection import RedisClient
from storage.local_bucket import LocalBudget

log = logging.getLogger(__name__)

_NOW = """
local now = tonumber(ARGV[1])
if now < 0 then
  local t = redis.call('TIME')
  now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end
"""

# KEYS: the bot's call log (a sorted set of the last window's calls), bot-wide pause.
# ARGV: now, calls allowed in a window, slots to leave for other tiers, cost, ticket, window.
# Returns 0 when the call was logged, else milliseconds to wait.
_TAKE = (
    _NOW
    + """
local pause = tonumber(redis.call('GET', KEYS[2]) or '0')
if pause > now then return pause - now end
local limit, reserve = tonumber(ARGV[2]), tonumber(ARGV[3])
-- An album longer than the second counts as the whole second.
local cost = math.min(tonumber(ARGV[4]), limit)
local window = tonumber(ARGV[6])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local count = redis.call('ZCARD', KEYS[1])
-- A call costing more than the free slots (a long album) goes once the window is empty.
local room = math.max(limit - reserve, cost)
if count + cost <= room then
  for i = 1, cost do redis.call('ZADD', KEYS[1], now, ARGV[5] .. ':' .. i) end
  redis.call('PEXPIRE', KEYS[1], window + 1000)
  return 0
end
local at = count + cost - room - 1
local freeing = redis.call('ZRANGE', KEYS[1], at, at, 'WITHSCORES')
return math.max(1, tonumber(freeing[2]) + window - now)
"""
)

# KEYS: the chat's hash (next, pause), the chat's call log (groups).
# ARGV: now, interval, group limit (0: not a group), window, slots left for others, member.
# Returns 0 when the chat's turn was taken, else milliseconds to wait.
_GATE = (
    _NOW
    + """
local pause = tonumber(redis.call('HGET', KEYS[1], 'pause') or '0')
if pause > now then return pause - now end
local nxt = tonumber(redis.call('HGET', KEYS[1], 'next') or '0')
if nxt > now then return nxt - now end
local limit, window = tonumber(ARGV[3]), tonumber(ARGV[4])
if limit > 0 then
  redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now - window)
  local free = limit - tonumber(ARGV[5])
  local count = redis.call('ZCARD', KEYS[2])
  if count >= free then
    local freeing = redis.call('ZRANGE', KEYS[2], count - free, count - free, 'WITHSCORES')
    return math.max(1, tonumber(freeing[2]) + window - now)
  end
  redis.call('ZADD', KEYS[2], now, ARGV[6])
  redis.call('PEXPIRE', KEYS[2], window)
end
redis.call('HSET', KEYS[1], 'next', now + tonumber(ARGV[2]))
redis.call('PEXPIRE', KEYS[1], math.max(tonumber(ARGV[2]), pause - now) + 1000)
return 0
"""
)

# KEYS: the chat's hash. ARGV: now, pause ms.
_PAUSE_CHAT = (
    _NOW
    + """
local until_ms = now + tonumber(ARGV[2])
local pause = tonumber(redis.call('HGET', KEYS[1], 'pause') or '0')
if until_ms > pause then redis.call('HSET', KEYS[1], 'pause', until_ms) end
if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[2]) + 1000 then
  redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[2]) + 1000)
end
return until_ms
"""
)

# KEYS: bot-wide pause. ARGV: now, pause ms.
_PAUSE_ALL = (
    _NOW
    + """
local until_ms = now + tonumber(ARGV[2])
if until_ms > tonumber(redis.call('GET', KEYS[1]) or '0') then
  redis.call('SET', KEYS[1], until_ms, 'PX', tonumber(ARGV[2]) + 1000)
end
return until_ms
"""
)

# KEYS: the chat's hash. ARGV: now. Milliseconds left of the chat's pause.
_PAUSED = (
    _NOW
    + """
local chat = tonumber(redis.call('HGET', KEYS[1], 'pause') or '0')
return math.max(0, chat - now)
"""
)


class Budget(Protocol):
    """What the Telegram door (`bot.telegram.door`) needs of a budget."""

    per_second: int
    chat_interval_ms: int

    async def take(
        self, ticket: str, *, reserve: int, cost: int = 1, now_ms: int = -1
    ) -> float: ...
    async def refund(self, ticket: str, cost: int = 1) -> None: ...
    async def gate_chat(
        self, chat_id: int, *, group: bool, spare: int = 0, now_ms: int = -1
    ) -> float: ...
    async def pause_chat(self, chat_id: int, seconds: float, *, now_ms: int = -1) -> None: ...
    async def pause_all(self, seconds: float, *, now_ms: int = -1) -> None: ...
    async def chat_paused_for(self, chat_id: int, *, now_ms: int = -1) -> float: ...


class TelegramBudget:
    """The shared state behind the Telegram door (`bot.telegram.door`)."""

    def __init__(
        self,
        redis: RedisClient,
        *,
        per_second: int,
        jitter: float = 0.15,
        chat_interval: float = 1.0,
        group_per_minute: int = 20,
    ) -> None:
        self._redis = redis
        self.per_second = per_second
        self.window_ms = 1000 + round(jitter * 1000)
        self.chat_interval_ms = max(1, round(chat_interval * 1000))
        self.group_per_minute = group_per_minute
        self._take = redis.register_script(_TAKE)
        self._gate = redis.register_script(_GATE)
        self._pause_chat = redis.register_script(_PAUSE_CHAT)
        self._pause_all = redis.register_script(_PAUSE_ALL)
        self._paused = redis.register_script(_PAUSED)
        # Without Redis: the same rules in this worker's memory, one warning per outage.
        self._local = LocalBudget(
            per_second=per_second,
            jitter=jitter,
            chat_interval=chat_interval,
            group_per_minute=group_per_minute,
        )
        self._redis_down = False
        self._member = 0

    def _fallback(self, exc: RedisError) -> LocalBudget:
        if not self._redis_down:
            self._redis_down = True
            log.warning("Shared Telegram budget unavailable (%s); pacing this worker alone", exc)
        return self._local

    def _back(self) -> None:
        if self._redis_down:
            self._redis_down = False
            log.info("Shared Telegram budget available again")

    async def take(self, ticket: str, *, reserve: int, cost: int = 1, now_ms: int = -1) -> float:
        """Log a call of `cost` messages if `reserve` of the second's slots stay free for the
        tiers above; 0.0 when logged, else seconds to wait. `ticket` names the call (unique)."""
        try:
            wait_ms = await self._take(
                keys=[keys.TELEGRAM_LOG, keys.TELEGRAM_PAUSE],
                args=[now_ms, self.per_second, reserve, cost, ticket, self.window_ms],
            )
        except RedisError as exc:
            return await self._fallback(exc).take(ticket, reserve=reserve, cost=cost)
        self._back()
        return int(wait_ms) / 1000

    async def refund(self, ticket: str, cost: int = 1) -> None:
        """Give back the slots a call took but could not use (its chat was not free)."""
        members = [f"{ticket}:{n}" for n in range(1, min(cost, self.per_second) + 1)]
        try:
            await self._redis.zrem(keys.TELEGRAM_LOG, *members)
        except RedisError as exc:
            await self._fallback(exc).refund(ticket, cost)

    async def gate_chat(
        self, chat_id: int, *, group: bool, spare: int = 0, now_ms: int = -1
    ) -> float:
        """Take the chat's next change; 0.0 when taken, else seconds to wait.

        `spare`: in groups, how many of the minute's calls must stay free for others
        (optional calls leave room for the ones that must go out).
        """
        self._member += 1
        try:
            wait_ms = await self._gate(
                keys=[keys.telegram_chat(chat_id), keys.telegram_chat_log(chat_id)],
                args=[
                    now_ms,
                    self.chat_interval_ms,
                    self.group_per_minute if group else 0,
                    60_000,
                    spare,
                    f"{id(self)}:{self._member}",
                ],
            )
        except RedisError as exc:
            return await self._fallback(exc).gate_chat(chat_id, group=group, spare=spare)
        return int(wait_ms) / 1000

    async def pause_chat(self, chat_id: int, seconds: float, *, now_ms: int = -1) -> None:
        try:
            await self._pause_chat(keys=[keys.telegram_chat(chat_id)], args=[now_ms, _ms(seconds)])
        except RedisError as exc:
            await self._fallback(exc).pause_chat(chat_id, seconds)

    async def pause_all(self, seconds: float, *, now_ms: int = -1) -> None:
        try:
            await self._pause_all(keys=[keys.TELEGRAM_PAUSE], args=[now_ms, _ms(seconds)])
        except RedisError as exc:
            await self._fallback(exc).pause_all(seconds)

    async def chat_paused_for(self, chat_id: int, *, now_ms: int = -1) -> float:
        """Seconds left of the chat's 429 pause (0.0 when none or Redis is down)."""
        try:
            left = await self._paused(keys=[keys.telegram_chat(chat_id)], args=[now_ms])
        except RedisError as exc:
            return await self._fallback(exc).chat_paused_for(chat_id)
        return int(left) / 1000


def _ms(seconds: float) -> int:
    return max(1, math.ceil(seconds * 1000))
