"""The Telegram door: one limiter for every Bot API call, its priorities and its shared budget."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from redis.asyncio import Redis
from redis.asyncio.retry import Retry
from redis.backoff import NoBackoff
from telegram.error import RetryAfter

from bot.telegram.call_kinds import Deferred, Priority
from bot.telegram.door import TelegramDoor
from storage.connection import RedisClient
from storage.local_bucket import LocalBudget
from storage.telegram_budget import TelegramBudget
from tests.conftest import ON_BOTH_REDIS
from tests.fake_clock import FakeClock
from tests.fakes.openai_api import FakeOpenAIServer
from tests.fakes.telegram_api import FakeTelegramServer
from tests.fakes.tg_limits import COUNTED_METHODS
from tests.fakes.updates import UpdateFactory
from tests.harness import Worker
from tests.scenario_kit import REPLY, bot_texts, rendered


def local_door(clock: FakeClock, **budget: Any) -> TelegramDoor:
    values: dict[str, Any] = {"per_second": 3, "jitter": 0.0, "chat_interval": 1.0, **budget}
    return TelegramDoor(
        LocalBudget(clock=clock, **values), clock=clock, sleep=clock.sleep, jitter=lambda: 1.0
    )


class Calls:
    """Callbacks the door lets through, with the virtual time they went out at."""

    def __init__(self, clock: FakeClock) -> None:
        self.clock = clock
        self.sent: list[tuple[str, float]] = []
        self.refusals: dict[str, list[int]] = {}  # name -> retry_after of each refusal

    def make(self, name: str) -> Any:
        async def call() -> bool:
            refusals = self.refusals.get(name)
            if refusals:
                raise RetryAfter(refusals.pop(0))
            self.sent.append((name, self.clock.now))
            return True

        return call


async def through(
    door: TelegramDoor, calls: Calls, name: str, endpoint: str, chat: int | None, priority: Any
) -> Any:
    data = {} if chat is None else {"chat_id": chat}
    return await door.process_request(calls.make(name), (), {}, endpoint, data, priority)


async def test_when_the_budget_is_short_calls_leave_in_priority_order() -> None:
    clock = FakeClock()
    door, calls = local_door(clock, per_second=3), Calls(clock)

    async def scene() -> None:
        for chat in (11, 12, 13):  # the second is full
            await through(door, calls, f"earlier {chat}", "sendMessage", chat, Priority.FIRST)
        waiting = [
            asyncio.create_task(through(door, calls, name, endpoint, chat, priority))
            for name, endpoint, chat, priority in [
                ("board", "sendPhoto", 2, None),
                ("final edit", "editMessageText", 3, Priority.REPLY),
                ("reply", "sendMessage", 4, None),
                ("first message", "sendMessage", 5, Priority.FIRST),
            ]
        ]
        await asyncio.sleep(0)
        with pytest.raises(Deferred) as deferred:
            await through(door, calls, "partial edit", "editMessageText", 6, Priority.PARTIAL)
        assert deferred.value.retry_in == 1.0, "asked again later, carrying more text"
        await asyncio.gather(*waiting)

    await clock.run(scene())
    assert calls.sent == [
        ("earlier 11", 0.0),
        ("earlier 12", 0.0),
        ("earlier 13", 0.0),
        # Three calls in any one second: the first message may take the last slot, the
        # others leave one free for it (and a board after a reply waits for its turn).
        ("first message", 1.0),
        ("final edit", 1.0),
        ("reply", 2.0),
        ("board", 2.0),
    ]


class HeldBudget(LocalBudget):
    """A budget whose answer can be held, as a Redis round trip is in flight."""

    def __init__(self, **values: Any) -> None:
        super().__init__(**values)
        self.hold: asyncio.Event | None = None
        self.entered = asyncio.Event()

    async def take(self, ticket: str, *, reserve: int, cost: int = 1, now_ms: int = -1) -> float:
        if self.hold is not None:
            self.entered.set()
            await self.hold.wait()
        return await super().take(ticket, reserve=reserve, cost=cost, now_ms=now_ms)


async def test_a_call_that_arrives_while_the_budget_is_asked_is_not_lost() -> None:
    # The queue's head asks Redis for a slot; meanwhile a call that goes before it joins the
    # queue. The head's slot must go to the head, and the newcomer must still be served.
    clock = FakeClock()
    budget = HeldBudget(clock=clock, per_second=28, jitter=0.0, chat_interval=1.0)
    door, calls = TelegramDoor(budget, clock=clock, sleep=clock.sleep), Calls(clock)

    async def scene() -> None:
        budget.hold = asyncio.Event()
        board = asyncio.create_task(through(door, calls, "board", "sendPhoto", 2, None))
        await budget.entered.wait()
        first = asyncio.create_task(
            through(door, calls, "first message", "sendMessage", 5, Priority.FIRST)
        )
        await asyncio.sleep(0)
        held, budget.hold = budget.hold, None
        held.set()
        await clock.sleep(5.0)
        assert board.done() and first.done(), "neither call is left waiting forever"

    await clock.run(scene())
    assert sorted(name for name, _ in calls.sent) == ["board", "first message"]


async def test_a_chat_gets_one_change_a_second_and_a_group_its_minute() -> None:
    clock = FakeClock()
    door, calls = local_door(clock, per_second=100, group_per_minute=5), Calls(clock)

    async def private() -> None:
        for n in range(3):
            await through(door, calls, f"private {n}", "sendMessage", 7, None)

    async def group() -> None:
        for n in range(6):
            await through(door, calls, f"group {n}", "editMessageText", -7, None)

    async def scene() -> None:
        await asyncio.gather(private(), group())

    await clock.run(scene())
    times = dict(calls.sent)
    assert [times[f"private {n}"] for n in range(3)] == [0.0, 1.0, 2.0]
    assert [times[f"group {n}"] for n in range(6)] == [0.0, 1.0, 2.0, 3.0, 4.0, 60.0]


async def test_a_429_is_waited_out_and_the_call_goes_again() -> None:
    clock = FakeClock()
    door, calls = local_door(clock, per_second=100), Calls(clock)
    calls.refusals["reply"] = [3, 2]

    async def scene() -> None:
        assert await through(door, calls, "reply", "sendMessage", 8, None) is True

    await clock.run(scene())
    assert calls.sent == [("reply", 5.0)]


async def test_a_429_on_a_partial_edit_defers_it_and_pauses_the_chat() -> None:
    clock = FakeClock()
    door, calls = local_door(clock, per_second=100), Calls(clock)
    calls.refusals["partial"] = [4]

    async def scene() -> None:
        with pytest.raises(Deferred) as deferred:
            await through(door, calls, "partial", "editMessageText", 9, Priority.PARTIAL)
        assert deferred.value.retry_in == 4
        await through(door, calls, "typing", "sendChatAction", 9, None)
        await through(door, calls, "callback answer", "answerCallbackQuery", None, None)

    await clock.run(scene())
    assert calls.sent == [("typing", 4.0), ("callback answer", 4.0)]


async def test_a_429_without_a_chat_pauses_the_whole_bot() -> None:
    clock = FakeClock()
    door, calls = local_door(clock, per_second=100), Calls(clock)
    calls.refusals["menu"] = [2]

    async def scene() -> None:
        await through(door, calls, "menu", "setMyCommands", None, None)
        await through(door, calls, "message", "sendMessage", 10, None)

    await clock.run(scene())
    assert calls.sent == [("menu", 2.0), ("message", 2.0)]


# The shared budget in Redis: the same rules across workers, on Redis' clock or ours.


@ON_BOTH_REDIS
async def test_the_shared_second_serves_tiers(redis: RedisClient) -> None:
    budget = TelegramBudget(redis, per_second=4, jitter=0.0)
    at = 1_000_000
    # Four calls in any one second. A partial edit must leave two slots free...
    assert await budget.take("a", reserve=2, now_ms=at) == 0.0
    assert await budget.take("b", reserve=2, now_ms=at + 100) == 0.0
    assert await budget.take("c", reserve=2, now_ms=at + 200) == 0.8, "until a's second ends"
    # ...a final edit one, and a first message may take the last.
    assert await budget.take("d", reserve=1, now_ms=at + 200) == 0.0
    assert await budget.take("e", reserve=1, now_ms=at + 300) == 0.7
    assert await budget.take("f", reserve=0, now_ms=at + 300) == 0.0
    assert await budget.take("g", reserve=0, now_ms=at + 999) == 0.001
    assert await budget.take("g", reserve=0, now_ms=at + 1000) == 0.0, "a's second is over"
    # A call that could not be used gives its slot back.
    await budget.refund("g")
    assert await budget.take("h", reserve=0, now_ms=at + 1000) == 0.0
    # An album of five photos, more than the second holds, goes once the second is empty.
    assert await budget.take("album", reserve=0, cost=5, now_ms=at + 1500) == 0.5
    assert await budget.take("album", reserve=0, cost=5, now_ms=at + 2000) == 0.0


@ON_BOTH_REDIS
async def test_a_slot_is_free_again_a_second_and_the_jitter_later(redis: RedisClient) -> None:
    # A call granted at the end of one second but slow on its way must not land in the
    # next second's count at Telegram: the window is a second plus the jitter.
    budget = TelegramBudget(redis, per_second=1, jitter=0.15)
    at = 2_000_000
    assert await budget.take("a", reserve=0, now_ms=at) == 0.0
    assert await budget.take("b", reserve=0, now_ms=at + 1000) == 0.15
    assert await budget.take("b", reserve=0, now_ms=at + 1150) == 0.0


@ON_BOTH_REDIS
async def test_the_shared_chat_gate_spaces_changes_and_counts_a_group_minute(
    redis: RedisClient,
) -> None:
    budget = TelegramBudget(redis, per_second=100, chat_interval=1.0, group_per_minute=5)
    at = 5_000_000
    assert await budget.gate_chat(1, group=False, now_ms=at) == 0.0
    assert await budget.gate_chat(1, group=False, now_ms=at + 400) == pytest.approx(0.6)
    assert await budget.gate_chat(2, group=False, now_ms=at + 400) == 0.0, "other chats go"
    assert await budget.gate_chat(1, group=False, now_ms=at + 1000) == 0.0
    for n in range(3):  # optional calls leave two of the minute's five
        assert await budget.gate_chat(-1, group=True, spare=2, now_ms=at + n * 1000) == 0.0
    assert await budget.gate_chat(-1, group=True, spare=2, now_ms=at + 3000) == 57.0
    assert await budget.gate_chat(-1, group=True, now_ms=at + 3000) == 0.0
    assert await budget.gate_chat(-1, group=True, now_ms=at + 4000) == 0.0
    assert await budget.gate_chat(-1, group=True, now_ms=at + 5000) == 55.0
    assert await budget.gate_chat(-1, group=True, now_ms=at + 60_000) == 0.0


@ON_BOTH_REDIS
async def test_shared_pauses_hold_for_every_worker(redis: RedisClient) -> None:
    one = TelegramBudget(redis, per_second=100)
    other = TelegramBudget(redis, per_second=100)
    at = 9_000_000
    await one.pause_chat(42, 3.0, now_ms=at)
    assert await other.chat_paused_for(42, now_ms=at + 500) == 2.5
    assert await other.gate_chat(42, group=False, now_ms=at + 500) == 2.5
    assert await other.gate_chat(43, group=False, now_ms=at + 500) == 0.0
    await one.pause_all(2.0, now_ms=at)
    assert await other.take("x", reserve=0, now_ms=at + 500) == 1.5
    assert await other.take("y", reserve=0, now_ms=at + 2000) == 0.0


async def test_without_redis_the_worker_keeps_the_rules_alone(
    caplog: pytest.LogCaptureFixture,
) -> None:
    # Nothing listens on port 1: every Redis call fails at once.
    unreachable = Redis(host="127.0.0.1", port=1, retry=Retry(NoBackoff(), 0))
    budget = TelegramBudget(unreachable, per_second=2, chat_interval=1.0)
    try:
        assert await budget.take("a", reserve=0) == 0.0
        assert await budget.take("b", reserve=1) > 0, "a partial edit leaves the last slot"
        assert await budget.take("c", reserve=0) == 0.0
        assert await budget.gate_chat(1, group=False) == 0.0
        assert await budget.gate_chat(1, group=False) > 0.5, "still one change a second"
        await budget.pause_chat(2, 5.0)
        assert await budget.chat_paused_for(2) > 4.0
    finally:
        await unreachable.aclose()
    assert caplog.text.count("pacing this worker alone") == 1


# Through the real application: a 429 on a plain reply costs a wait, never the reply.


async def test_a_429_on_a_plain_reply_is_waited_out_and_the_reply_arrives(
    worker: Worker, telegram: FakeTelegramServer, updates: UpdateFactory
) -> None:
    telegram.inject_error("sendMessage", error_code=429, retry_after=1)
    await worker.send(updates.text(7301, "/help"))
    await worker.idle()
    refused, delivered = telegram.calls_to("sendMessage")
    assert not refused.ok and delivered.ok
    assert delivered.at - refused.at >= 1.0, "nothing went to the chat during the pause"
    assert bot_texts(telegram, 7301)[0].startswith("안녕하세요, 스타일리스트")
    assert len(bot_texts(telegram, 7301)) == 1, "no error message: the update did not fail"


async def test_a_429_on_a_callback_answer_is_waited_out(
    worker: Worker, telegram: FakeTelegramServer, updates: UpdateFactory
) -> None:
    telegram.inject_error("answerCallbackQuery", error_code=429, retry_after=1)
    await worker.send(updates.callback_query(7302, "stop"))
    await worker.idle()
    refused, answered = telegram.calls_to("answerCallbackQuery")
    assert not refused.ok and answered.ok and answered.params["text"] == "진행 중인 답변이 없어요."


def busiest_second(telegram: FakeTelegramServer) -> int:
    times = sorted(c.at for c in telegram.calls if c.method in COUNTED_METHODS)
    return max(
        (sum(1 for t in times[i:] if t - start < 1.0) for i, start in enumerate(times)), default=0
    )


@ON_BOTH_REDIS
async def test_two_workers_share_one_budget(
    start_worker: Callable[..., Awaitable[Worker]],
    telegram: FakeTelegramServer,
    model: FakeOpenAIServer,
    updates: UpdateFactory,
) -> None:
    # 5 calls in any second for the whole bot: each worker alone would allow that much,
    # so together they could double it if the budget were not shared.
    workers = [await start_worker(telegram_rate_per_second=5) for _ in range(2)]
    chats = [7101 + n for n in range(6)]
    for _ in chats:
        model.script(REPLY, chunk_size=4, interval=0.01)
    await asyncio.gather(
        *(workers[n % 2].send(updates.text(chat, "추천해줘")) for n, chat in enumerate(chats))
    )
    await asyncio.gather(*(w.idle(timeout=20) for w in workers))
    assert all(bot_texts(telegram, chat) == [rendered(REPLY)] for chat in chats)
    assert busiest_second(telegram) <= 5
    assert telegram.limits.refused == []
