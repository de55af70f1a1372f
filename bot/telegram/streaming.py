"""Turns a stream of model tokens into a few, well-spaced message updates.

Telegram-free: the controller talks to a `StreamSink` (Telegram messages, a
terminal, a test double), reads time from an injectable clock and waits with
an injectable sleep, so tests can drive it with a fake clock.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterable, Awaitable, Callable
from typing import Protocol

from bot.tasks import wait_ignoring_cancel


class RetryLater(Exception):
    """Raised by a sink when the receiver asks us to wait (Telegram's 429)."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"retry after {seconds}s")
        self.seconds = seconds


class StreamSink(Protocol):
    async def show(self, text: str) -> bool:
        """Show the answer so far (may be called many times).

        False when nothing visible could be shown yet (the text so far is only
        Markdown markers); the controller then waits for more text.
        """

    async def finish(self, text: str, *, note: str | None = None) -> None:
        """Show the complete answer, optionally with a note appended (cut off, stopped)."""


class StreamController:
    """Pushes the growing text to the sink at most once per `interval`.

    The first text goes out as soon as it arrives. Reading the model never
    waits for the sink: a slow Telegram call only makes the next update larger.
    """

    def __init__(
        self,
        sink: StreamSink,
        interval: float,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[object]] = asyncio.sleep,
        max_finish_attempts: int = 10,
    ) -> None:
        self._sink = sink
        self._interval = interval
        self._clock = clock
        self._sleep = sleep
        self._max_finish_attempts = max_finish_attempts
        self._text = ""
        self._shown = ""
        self._next_allowed = float("-inf")
        self._changed = asyncio.Event()
        self._showing = False
        self._stopping = False
        self.first_shown_at: float | None = None

    @property
    def text(self) -> str:
        return self._text

    async def run(self, chunks: AsyncIterable[str]) -> str:
        """Consume the stream and deliver the final text; returns that text.

        If the stream raises, the text so far is still delivered by the caller
        via `finish(note=...)`; the exception propagates after the flusher stops.
        """
        flusher = asyncio.create_task(self._flush_loop())
        try:
            async for piece in chunks:
                self._text += piece
                self._changed.set()
        finally:
            await self._stop_flusher(flusher)
        return self._text

    async def finish(self, *, note: str | None = None) -> None:
        """Deliver the final text, waiting out the interval and any RetryLater."""
        for _ in range(self._max_finish_attempts):
            wait = self._next_allowed - self._clock()
            if wait > 0:
                await self._sleep(wait)
            try:
                await self._sink.finish(self._text, note=note)
            except RetryLater as exc:
                self._next_allowed = self._clock() + exc.seconds
                continue
            return
        raise RuntimeError("could not deliver the final answer")

    async def _stop_flusher(self, flusher: asyncio.Task[None]) -> None:
        self._stopping = True
        if self._showing:
            # Let an in-flight update complete so the message state stays known.
            self._changed.set()
        else:
            flusher.cancel()
        await wait_ignoring_cancel(flusher)

    async def _flush_loop(self) -> None:
        while not self._stopping:
            await self._changed.wait()
            self._changed.clear()
            wait = self._next_allowed - self._clock()
            if wait > 0:
                await self._sleep(wait)
            text = self._text
            if self._stopping or not text.strip() or text == self._shown:
                continue
            self._showing = True
            try:
                visible = await self._sink.show(text)
            except RetryLater as exc:
                self._next_allowed = self._clock() + exc.seconds
                self._changed.set()
                continue
            finally:
                self._showing = False
            self._shown = text
            if not visible:
                continue
            now = self._clock()
            if self.first_shown_at is None:
                self.first_shown_at = now
            self._next_allowed = now + self._interval
            if self._text != text:
                self._changed.set()
