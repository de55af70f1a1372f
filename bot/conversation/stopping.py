"""Answers being streamed right now, so /stop, the ⏹ button or a shutdown can end them."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Hashable, Iterator
from typing import Literal

StopReason = Literal["user", "shutdown"]


class StopSignal(asyncio.Event):
    """An event that also says why the answer has to stop."""

    reason: StopReason = "user"


class RunningAnswers:
    def __init__(self) -> None:
        self._stops: dict[Hashable, StopSignal] = {}
        self._idle = asyncio.Event()
        self._idle.set()

    @contextlib.contextmanager
    def track(self, key: Hashable) -> Iterator[StopSignal]:
        stop = StopSignal()
        self._stops[key] = stop
        self._idle.clear()
        try:
            yield stop
        finally:
            if self._stops.get(key) is stop:
                del self._stops[key]
            if not self._stops:
                self._idle.set()

    def stop(self, key: Hashable, reason: StopReason = "user") -> bool:
        """Ask the chat's running answer to stop; False when none is running."""
        stop = self._stops.get(key)
        if stop is None or stop.is_set():
            return False
        stop.reason = reason
        stop.set()
        return True

    def stop_all(self, reason: StopReason) -> int:
        return sum(self.stop(key, reason) for key in list(self._stops))

    async def wait_idle(self, timeout: float) -> bool:  # noqa: ASYNC109
        """True when no answer is streaming any more, False if `timeout` passed first."""
        try:
            async with asyncio.timeout(timeout):
                await self._idle.wait()
        except TimeoutError:
            return False
        return True

    def __len__(self) -> int:
        return len(self._stops)
