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


def test_a_refund_gives_back_a_token_up_to_the_burst() -> None:
    clock = Clock()
    pacer = TelegramPacer(rate=1, burst=2, clock=clock)
    assert pacer.try_acquire(cost=2)
    assert not pacer.try_acquire()
    pacer.refund()
    assert pacer.try_acquire()
    pacer.refund(5)
    assert pacer.try_acquire(cost=2)
    assert not pacer.try_acquire()
