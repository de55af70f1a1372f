"""Answers being streamed right now, so /stop or the ⏹ button can end one."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Hashable, Iterator


class RunningAnswers:
    def __init__(self) -> None:
        self._stops: dict[Hashable, asyncio.Event] = {}

    @contextlib.contextmanager
    def track(self, key: Hashable) -> Iterator[asyncio.Event]:
        stop = asyncio.Event()
        self._stops[key] = stop
        try:
            yield stop
        finally:
            if self._stops.get(key) is stop:
                del self._stops[key]

    def stop(self, key: Hashable) -> bool:
        """Ask the chat's running answer to stop; False when none is running."""
        stop = self._stops.get(key)
        if stop is None or stop.is_set():
            return False
        stop.set()
        return True

    def __len__(self) -> int:
        return len(self._stops)
