from __future__ import annotations

from storage.local_bucket import TelegramPacer


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_optional_calls_leave_a_reserve_for_mandatory_ones() -> None:
    clock = Clock()
    pacer = TelegramPacer(rate=10, burst=3, clock=clock)
    assert pacer.try_acquire(reserve=1)
    assert pacer.try_acquire(reserve=1)
    assert not pacer.try_acquire(reserve=1), "the last token is kept for a first or final message"
    assert pacer.try_acquire(reserve=0)
    assert not pacer.try_acquire()
    clock.now += 0.15
    assert pacer.try_acquire()


async def test_acquire_waits_for_a_token() -> None:
    pacer = TelegramPacer(rate=200, burst=1)
    await pacer.acquire()
    assert not pacer.try_acquire()
    await pacer.acquire()  # returns after ~5 ms instead of failing
