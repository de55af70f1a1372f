"""Pacing of Telegram calls across all chats of a worker.

Telegram allows a bot roughly 30 messages a second in total. Streamed partial
edits are optional (the next one carries the same text and more), so they only
go out when the budget has room; first messages and final edits wait for it.
"""

from __future__ import annotations

import asyncio
import time
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
        self._lock = asyncio.Lock()

    def _refill(self) -> None:
        now = self._clock()
        self._tokens = min(self._burst, self._tokens + (now - self._updated) * self._rate)
        self._updated = now

    def try_acquire(self, *, reserve: float = 0.0) -> bool:
        """Take a token only if more than `reserve` would be left for mandatory calls."""
        self._refill()
        if self._tokens - 1 >= reserve:
            self._tokens -= 1
            return True
        return False

    async def acquire(self) -> None:
        async with self._lock:  # waiters are served in order
            while True:
                self._refill()
                if self._tokens >= 1:
                    self._tokens -= 1
                    return
                await asyncio.sleep((1 - self._tokens) / self._rate)
