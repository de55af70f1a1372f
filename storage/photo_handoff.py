"""Photos sent without a caption, handed over to the question that usually follows.

People send a photo (or an album) and type the question a moment later. Answering
that as two turns costs a "photos saved" message the user did not need and a
second answer; so the photo turn leaves its photo numbers here, and a text from
the same user within a few seconds takes them and answers once. Only when no
question comes does the photo turn confirm what it saved.

The parts may reach different workers, so the hand-over lives in Redis: one JSON
record per user and chat (in the chat's hash-tag slot), `incoming` while photos
are still being downloaded, then `ready` with their numbers; every change is one
atomic script on that one key.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Awaitable, Callable

from storage import keys
from storage.connection import RedisClient
from storage.keys import ChatScope

MAX_POLL_SECONDS = 0.3

# A new photo: mark the record incoming (keeping numbers already waiting). ARGV: ttl ms.
_EXPECT = """
local raw = redis.call('GET', KEYS[1])
local record = raw and cjson.decode(raw) or {numbers = {}, owner = ''}
record.state = 'incoming'
redis.call('SET', KEYS[1], cjson.encode(record), 'PX', ARGV[1])
return 1
"""

# The photo turn's numbers are stored: ready, owned by this turn. ARGV: numbers JSON, owner, ttl.
_OFFER = """
local raw = redis.call('GET', KEYS[1])
local record = raw and cjson.decode(raw) or {numbers = {}}
for _, n in ipairs(cjson.decode(ARGV[1])) do table.insert(record.numbers, n) end
record.state, record.owner = 'ready', ARGV[2]
redis.call('SET', KEYS[1], cjson.encode(record), 'PX', ARGV[3])
return 1
"""

# A question takes ready numbers; 'wait' while photos are still incoming; nil when none.
_CLAIM = """
local raw = redis.call('GET', KEYS[1])
if not raw then return nil end
local record = cjson.decode(raw)
if record.state ~= 'ready' then return 'wait' end
redis.call('DEL', KEYS[1])
return raw
"""

# No question came: the owning photo turn takes its numbers back. ARGV: owner.
_TAKE_BACK = """
local raw = redis.call('GET', KEYS[1])
if not raw then return nil end
local record = cjson.decode(raw)
if record.state ~= 'ready' or record.owner ~= ARGV[1] then return nil end
redis.call('DEL', KEYS[1])
return raw
"""


class PhotoHandoff:
    def __init__(
        self,
        redis: RedisClient,
        *,
        wait_seconds: float,
        poll_seconds: float = 0.05,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[object]] = asyncio.sleep,
    ) -> None:
        self.wait_seconds = wait_seconds
        self._redis = redis
        self._poll = poll_seconds
        self._clock = clock
        self._sleep = sleep
        # An incoming record outlives a crashed photo turn by this much, no more.
        self._incoming_ms = 30_000
        self._ready_ms = round((wait_seconds + 30) * 1000)
        self._expect = redis.register_script(_EXPECT)
        self._offer = redis.register_script(_OFFER)
        self._claim = redis.register_script(_CLAIM)
        self._take_back = redis.register_script(_TAKE_BACK)

    async def expect(self, scope: ChatScope, user_id: int) -> None:
        """A caption-less photo arrived: a question that comes now waits for its intake."""
        await self._expect(keys=[keys.pending_photos(scope, user_id)], args=[self._incoming_ms])

    async def offer(
        self, scope: ChatScope, user_id: int, numbers: tuple[int, ...], owner: str
    ) -> None:
        await self._offer(
            keys=[keys.pending_photos(scope, user_id)],
            args=[json.dumps(list(numbers)), owner, self._ready_ms],
        )

    async def claim(
        self, scope: ChatScope, user_id: int, *, patience: float = 15.0
    ) -> tuple[int, ...]:
        """For a question: the numbers of photos sent just before it (waiting for an intake
        still running, up to `patience` seconds); () when there are none."""
        key = keys.pending_photos(scope, user_id)
        deadline = self._clock() + patience
        pause = self._poll
        while True:
            raw = await self._claim(keys=[key])
            if raw is None:
                return ()
            if raw not in (b"wait", "wait"):
                return _numbers(raw)
            if self._clock() >= deadline:
                return ()
            await self._sleep(pause)
            # Hundreds of questions can wait for their photos at once (a burst of albums):
            # asking Redis 20 times a second each was most of a busy worker's CPU.
            pause = min(pause * 1.5, MAX_POLL_SECONDS)

    async def unclaimed(self, scope: ChatScope, user_id: int, owner: str) -> tuple[int, ...] | None:
        """After the wait: this turn's numbers when no question took them, else None."""
        key = keys.pending_photos(scope, user_id)
        deadline = self._clock() + self.wait_seconds
        while self._clock() < deadline:
            if not await self._redis.exists(key):
                return None  # a question took them (or a later photo turn owns them)
            await self._sleep(min(MAX_POLL_SECONDS, max(0.0, deadline - self._clock())))
        raw = await self._take_back(keys=[key], args=[owner])
        return None if raw is None else _numbers(raw)


def _numbers(raw: bytes | str) -> tuple[int, ...]:
    return tuple(dict.fromkeys(int(n) for n in json.loads(raw)["numbers"]))
