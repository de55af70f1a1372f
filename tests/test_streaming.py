"""The stream controller, driven with a fake clock and a scripted token stream."""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import AsyncIterator
from typing import TypeVar

import pytest

from bot.telegram.streaming import RetryLater, StreamController
from tests.fake_clock import FakeClock

T = TypeVar("T")


class RecordingSink:
    def __init__(self, clock: FakeClock, *, call_time: float = 0.0) -> None:
        self.clock = clock
        self.call_time = call_time
        self.shown: list[tuple[float, str]] = []
        self.finished: list[tuple[float, str, str | None]] = []
        self.calls = 0
        self.retry_after: dict[int, float] = {}  # call number -> RetryLater seconds
        self.rejected_at: list[float] = []

    async def _call(self) -> None:
        self.calls += 1
        if self.call_time:
            await self.clock.sleep(self.call_time)
        if self.calls in self.retry_after:
            self.rejected_at.append(self.clock.now)
            raise RetryLater(self.retry_after[self.calls])

    async def show(self, text: str) -> bool:
        await self._call()
        self.shown.append((self.clock.now, text))
        return True

    async def finish(self, text: str, *, note: str | None = None) -> None:
        await self._call()
        self.finished.append((self.clock.now, text, note))


async def tokens(
    clock: FakeClock, pieces: list[str], *, first_delay: float, gap: float
) -> AsyncIterator[str]:
    await clock.sleep(first_delay)
    for index, piece in enumerate(pieces):
        if index:
            await clock.sleep(gap)
        yield piece


def update_times(sink: RecordingSink) -> list[float]:
    return [at for at, _ in sink.shown] + [at for at, _, _ in sink.finished]


async def test_first_message_goes_out_with_the_first_phrase() -> None:
    clock = FakeClock()
    sink = RecordingSink(clock)
    controller = StreamController(sink, 1.0, clock=clock, sleep=clock.sleep)
    await clock.run(
        controller.run(tokens(clock, ["안녕", "하세요"] * 50, first_delay=0.3, gap=1 / 60))
    )
    # Not the lone first token: a dozen characters, five tokens later.
    assert sink.shown[0][0] == pytest.approx(0.3 + 4 / 60)
    assert sink.shown[0][1] == "안녕하세요안녕하세요안녕"


async def test_a_slow_stream_shows_what_it_has_a_moment_after_the_first_token() -> None:
    clock = FakeClock()
    sink = RecordingSink(clock)
    controller = StreamController(sink, 1.0, clock=clock, sleep=clock.sleep, first_wait=0.25)
    pieces = ["**오늘", "은**", " 셔츠", "에", " 슬랙스", "를", " 추천해요", "."]
    await clock.run(controller.run(tokens(clock, pieces, first_delay=0.5, gap=0.2)))
    # Markers are not characters the user reads; 0.25 s after the first token it goes anyway.
    assert sink.shown[0] == (pytest.approx(0.75), "**오늘은**")


async def test_a_line_break_is_a_first_phrase() -> None:
    clock = FakeClock()
    sink = RecordingSink(clock)
    controller = StreamController(sink, 1.0, clock=clock, sleep=clock.sleep)
    await clock.run(
        controller.run(tokens(clock, ["**코디**", "\n", "- 상의"], first_delay=0.1, gap=0.05))
    )
    assert sink.shown[0] == (pytest.approx(0.15), "**코디**\n")


async def test_a_short_answer_that_ends_before_a_phrase_arrives_whole() -> None:
    clock = FakeClock()
    sink = RecordingSink(clock)
    controller = StreamController(sink, 1.0, clock=clock, sleep=clock.sleep)
    await clock.run(controller.run(tokens(clock, ["좋아요", "!"], first_delay=0.2, gap=0.05)))
    await clock.run(controller.finish())
    assert sink.shown == []
    assert sink.finished == [(pytest.approx(0.25), "좋아요!", None)]
    assert controller.first_shown_at == pytest.approx(0.25), "the final text is the first text"


async def test_updates_are_spaced_by_the_interval_and_never_repeat() -> None:
    clock = FakeClock()
    sink = RecordingSink(clock)
    controller = StreamController(sink, 1.0, clock=clock, sleep=clock.sleep)
    pieces = [f"w{i} " for i in range(300)]
    await clock.run(controller.run(tokens(clock, pieces, first_delay=0.3, gap=1 / 60)))
    await clock.run(controller.finish())
    times = update_times(sink)
    assert len(times) >= 4
    assert all(b - a >= 1.0 - 1e-9 for a, b in itertools.pairwise(times))
    texts = [text for _, text in sink.shown]
    assert len(texts) == len(set(texts))
    assert sink.finished[-1][1] == "".join(pieces)


async def test_retry_after_pauses_updates_and_the_final_text_still_arrives() -> None:
    clock = FakeClock()
    sink = RecordingSink(clock)
    sink.retry_after = {2: 5.0}  # the second update is told to wait 5 s
    controller = StreamController(sink, 1.0, clock=clock, sleep=clock.sleep)
    pieces = [f"t{i} " for i in range(240)]
    await clock.run(controller.run(tokens(clock, pieces, first_delay=0.1, gap=1 / 60)))
    await clock.run(controller.finish())
    assert sink.finished[-1][1] == "".join(pieces)
    [rejected_at] = sink.rejected_at
    later = [t for t in update_times(sink) if t > rejected_at]
    assert later and min(later) >= rejected_at + 5.0


async def test_final_update_waits_for_the_interval() -> None:
    clock = FakeClock()
    sink = RecordingSink(clock)
    controller = StreamController(sink, 1.0, clock=clock, sleep=clock.sleep)
    pieces = ["A first phrase. ", "b"]
    await clock.run(controller.run(tokens(clock, pieces, first_delay=0.0, gap=0.1)))
    await clock.run(controller.finish())
    assert sink.finished[0][0] - sink.shown[0][0] >= 1.0


async def test_slow_sink_never_slows_reading_the_model() -> None:
    clock = FakeClock()
    sink = RecordingSink(clock, call_time=0.0)
    controller = StreamController(sink, 1.0, clock=clock, sleep=clock.sleep)
    release = asyncio.Event()

    async def stalled_show(text: str) -> None:
        await release.wait()
        sink.shown.append((clock.now, text))

    sink.show = stalled_show  # type: ignore[method-assign]

    async def stream() -> AsyncIterator[str]:
        for index in range(100):
            if index == 99:
                release.set()
            yield f"{index} "
            await asyncio.sleep(0)

    text = await clock.run(controller.run(stream()))
    assert text.endswith("99 ")
    await clock.run(controller.finish())
    assert sink.finished[-1][1] == text


async def test_stream_error_keeps_the_text_so_far() -> None:
    clock = FakeClock()
    sink = RecordingSink(clock)
    controller = StreamController(sink, 1.0, clock=clock, sleep=clock.sleep)

    async def broken() -> AsyncIterator[str]:
        yield "part one "
        yield "part two"
        raise ConnectionError("dropped")

    with pytest.raises(ConnectionError):
        await clock.run(controller.run(broken()))
    await clock.run(controller.finish(note="cut off"))
    assert sink.finished == [(sink.finished[0][0], "part one part two", "cut off")]
