"""A worker's own Telegram budget: what the shared one in Redis falls back to.

The same rules as `storage.telegram_budget` (a token bucket served in tiers, one
change a second per chat, a minute's calls per group, 429 pauses), kept in this
process's memory. It serves when Redis fails, so the bot keeps answering within
the limits as far as one worker can tell, and it runs on an injectable clock, so
the door's priorities can be driven step by step in tests.
"""

from __future__ import annotations

import time
from collections import defaultdict, deque
from collections.abc import Callable


class TelegramPacer:
    """A token bucket: `rate` calls a second, bursts up to `burst`."""

    def __init__(
        self,
        rate: float,
        burst: float | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._rate = rate
        self._burst = burst if burst is not None else rate
        self._tokens = self._burst
        self._clock = clock
        self._updated = clock()

    def _refill(self) -> None:
        now = self._clock()
        self._tokens = min(self._burst, self._tokens + (now - self._updated) * self._rate)
        self._updated = now

    def try_acquire(self, *, reserve: float = 0.0, cost: int = 1) -> bool:
        """Take `cost` tokens only if `reserve` would be left for other calls (asking never
        more than the burst: a call costing more runs the bucket into debt)."""
        self._refill()
        if self._tokens >= min(self._burst, cost + reserve):
            self._tokens -= cost
            return True
        return False

    def wait_for(self, *, reserve: float = 0.0, cost: int = 1) -> float:
        """Seconds until `try_acquire` would succeed."""
        self._refill()
        return max(0.0, (min(self._burst, cost + reserve) - self._tokens) / self._rate)

    def refund(self, cost: int = 1) -> None:
        self._tokens = min(self._burst, self._tokens + cost)


class LocalBudget:
    """`TelegramBudget`'s interface over this process's memory (`now_ms` is ignored:
    the budget reads its own clock)."""

    def __init__(
        self,
        *,
        rate: float,
        burst: float,
        chat_interval: float = 1.0,
        group_per_minute: int = 20,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.rate = rate
        self.burst = burst
        self.chat_interval_ms = max(1, round(chat_interval * 1000))
        self.group_per_minute = group_per_minute
        self._clock = clock
        self._bucket = TelegramPacer(rate, burst, clock=clock)
        self._next: dict[int, float] = {}
        self._log: dict[int, deque[float]] = defaultdict(deque)
        self._chat_pause: dict[int, float] = {}
        self._pause = 0.0

    async def take(self, *, reserve: float, cost: int = 1, now_ms: int = -1) -> float:
        if (paused := self._pause - self._clock()) > 0:
            return paused
        if self._bucket.try_acquire(reserve=reserve, cost=cost):
            return 0.0
        return max(0.001, self._bucket.wait_for(reserve=reserve, cost=cost))

    async def refund(self, cost: int = 1) -> None:
        self._bucket.refund(cost)

    async def gate_chat(
        self, chat_id: int, *, group: bool, spare: int = 0, now_ms: int = -1
    ) -> float:
        now = self._clock()
        wait = max(self._chat_pause.get(chat_id, 0.0), self._next.get(chat_id, 0.0)) - now
        if wait > 0:
            return wait
        if group:
            log = self._log[chat_id]
            while log and now - log[0] >= 60.0:
                log.popleft()
            free = self.group_per_minute - spare
            if len(log) >= free:
                return max(0.001, log[len(log) - free] + 60.0 - now)
            log.append(now)
        self._next[chat_id] = now + self.chat_interval_ms / 1000
        return 0.0

    async def pause_chat(self, chat_id: int, seconds: float, *, now_ms: int = -1) -> None:
        until = self._clock() + seconds
        self._chat_pause[chat_id] = max(self._chat_pause.get(chat_id, 0.0), until)

    async def pause_all(self, seconds: float, *, now_ms: int = -1) -> None:
        self._pause = max(self._pause, self._clock() + seconds)

    async def chat_paused_for(self, chat_id: int, *, now_ms: int = -1) -> float:
        return max(0.0, self._chat_pause.get(chat_id, 0.0) - self._clock())
