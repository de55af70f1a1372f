"""Turns a stream of model tokens into a few, well-spaced message updates.

Telegram-free: the controller talks to a `StreamSink` (Telegram messages, a
terminal, a test double), reads time from an injectable clock and waits with
an injectable sleep, so tests can drive it with a fake clock.

The first update waits for a first phrase (about a dozen visible characters, or
a line break) or a short moment after the first token, whichever comes first:
a lone first token ("A", "오늘") followed by a whole interval of silence reads
worse than "typing…" for a tenth of a second longer.
"""

from __future__ import annotations

import asyncio
import re
import time
from collections.abc import AsyncIterable, Awaitable, Callable
from typing import Protocol

from bot.tasks import wait_ignoring_cancel

FIRST_PHRASE_CHARS = 12
FIRST_PHRASE_WAIT = 0.25  # seconds after the first token
# Markdown markers are not what the user reads (the spaces between words are).
_MARKERS = re.compile(r"[*_~`|#>]+")


def has_first_phrase(text: str) -> bool:
    """Enough of the answer to be worth a message: a dozen characters, or a finished line."""
    started = text.lstrip()  # a line break before any text finishes no line
    return "\n" in started or len(_MARKERS.sub("", started).strip()) >= FIRST_PHRASE_CHARS


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

    The first text goes out as soon as it holds a first phrase, or `first_wait`
    after the first token. Reading the model never waits for the sink: a slow
    Telegram call only makes the next update larger.
    """

    def __init__(
        self,
        sink: StreamSink,
        interval: float,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[object]] = asyncio.sleep,
        first_wait: float = FIRST_PHRASE_WAIT,
    ) -> None:
        self._sink = sink
        self._interval = interval
        self._clock = clock
        self._sleep = sleep
        self._first_wait = first_wait
        self._first_token_at: float | None = None
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
                if self._first_token_at is None and self._text.strip():
                    self._first_token_at = self._clock()
                self._changed.set()
        finally:
            await self._stop_flusher(flusher)
        return self._text

    async def finish(self, *, note: str | None = None, at_once: bool = False) -> None:
        """Deliver the final text once the interval since the last update has passed.

        The final text must arrive, so the sink waits out the receiver's limits itself
        (Telegram's door does); only optional updates are ever refused. `at_once` skips
        the interval, which only spaces updates out (a worker shutting down has no time).
        """
        wait = self._next_allowed - self._clock()
        if wait > 0 and not at_once:
            await self._sleep(wait)
        await self._sink.finish(self._text, note=note)
        if self.first_shown_at is None and self._text.strip():
            self.first_shown_at = self._clock()  # an answer that arrived whole, in one message

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
            if self.first_shown_at is None and not has_first_phrase(self._text):
                left = (self._first_token_at or self._clock()) + self._first_wait - self._clock()
                if left > 0:
                    await self._more_text_or(left)
                    self._changed.set()  # look again: more text came, or the moment is up
                    continue
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

    async def _more_text_or(self, seconds: float) -> None:
        """Wait for the next chunk, or `seconds`, whichever comes first."""
        napping = asyncio.ensure_future(self._sleep(seconds))
        more = asyncio.ensure_future(self._changed.wait())
        try:
            await asyncio.wait({napping, more}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for task in (napping, more):
                task.cancel()
            # Waiting on cancelled tasks returns at once and never swallows our own cancel.
            await asyncio.wait({napping, more})
