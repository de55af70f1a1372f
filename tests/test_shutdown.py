"""Shutting down in time: the plan, the door's deadline, and the drain of a real worker.

The process-level test (SIGTERM at default settings, out within Docker's 10 s) is in
tests/test_workers.py; these drive the parts directly, with the plan's times shortened.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

import pytest
from telegram.error import RetryAfter

from bot.lifecycle.shutdown import InFlightUpdates, ShutdownPlan, bounded, drain
from bot.telegram.call_kinds import Deferred, Priority
from storage.connection import RedisClient
from storage.coordination import ChatQueue
from storage.keys import ChatScope
from tests.fake_clock import FakeClock
from tests.fakes.openai_api import FakeOpenAIServer
from tests.fakes.telegram_api import FakeTelegramServer
from tests.fakes.updates import UpdateFactory
from tests.harness import Worker
from tests.scenario_kit import REPLY, bot_texts, rendered
from tests.test_telegram_door import Calls, local_door, through

CHAT = 6601
NOTE = "서버 재시작으로 답변이 여기서 끊겼어요. 같은 질문을 다시 보내 주세요."
StartWorker = Callable[..., Awaitable[Worker]]


def test_the_default_grace_fits_dockers_ten_seconds_with_room_to_spare() -> None:
    plan = ShutdownPlan.within(8.0)
    assert plan.answers + plan.finalise + plan.close == pytest.approx(8.0)
    assert plan.answers == pytest.approx(4.0) and plan.finalise >= 3.0
    short = ShutdownPlan.within(2.0)  # the least the setting takes: cut at once
    assert short.answers == 0.0 and short.finalise + short.close == pytest.approx(2.0)


async def test_a_leaving_door_lets_a_waiting_final_edit_go_at_its_deadline() -> None:
    clock = FakeClock()
    door = local_door(clock, per_second=100, group_per_minute=5)
    calls = Calls(clock)

    async def scene() -> None:
        for n in range(5):  # the group's minute is used up: the next change waits ~60 s
            await through(door, calls, f"edit {n}", "editMessageText", -7, None)
        door.leave_by(1.5)
        final = asyncio.create_task(
            through(door, calls, "final edit", "editMessageText", -7, Priority.REPLY)
        )
        await clock.sleep(2.0)
        assert final.done()
        with pytest.raises(Deferred):  # past the deadline optional calls never go
            await through(door, calls, "partial", "editMessageText", 8, Priority.PARTIAL)

    await clock.run(scene())
    assert dict(calls.sent)["final edit"] == 5.5, "at the deadline, not a minute later"


async def test_a_leaving_door_neither_waits_for_the_bucket_nor_for_a_long_429() -> None:
    clock = FakeClock()
    # One call in any ten seconds: after the first, the bot's budget is spent for 10 s.
    door, calls = local_door(clock, per_second=1, jitter=9.0), Calls(clock)
    calls.refusals["reply"] = [30]

    async def scene() -> None:
        await through(door, calls, "first", "sendMessage", 1, Priority.FIRST)  # bucket empty
        door.leave_by(1.0)
        await through(door, calls, "final edit", "editMessageText", 2, Priority.REPLY)
        with pytest.raises(RetryAfter):  # asked to wait 30 s with a second left: give up
            await through(door, calls, "reply", "sendMessage", 3, Priority.REPLY)

    await clock.run(scene())
    assert calls.sent == [("first", 0.0), ("final edit", 1.0)]


async def test_a_closing_step_that_hangs_is_left_behind() -> None:
    hang = asyncio.Event()
    assert not await asyncio.wait_for(bounded(hang.wait(), 0.05, "a hanging client"), 5)
    assert await bounded(asyncio.sleep(0), 1.0, "a quick client")


async def test_an_answer_that_ends_in_time_is_left_to_finish(
    worker: Worker, telegram: FakeTelegramServer, model: FakeOpenAIServer, updates: UpdateFactory
) -> None:
    model.script(REPLY, chunk_size=8, interval=0.02)
    await worker.send(updates.text(CHAT, "추천해줘"))
    await telegram.wait_for(lambda s: bool(s.messages(CHAT)))
    services = worker.services
    plan = ShutdownPlan(answers=30.0, finalise=3.0, close=0.5)
    await asyncio.wait_for(drain(services.running, services.door, services.in_flight, plan), 30)
    [answer] = telegram.messages(CHAT)
    assert answer.text == rendered(REPLY), "finished, not cut"
    assert [b["text"] for b in answer.reply_markup["inline_keyboard"][0]] == ["👍", "👎"]


async def test_the_cut_marks_the_answer_and_tells_the_next_question_to_come_back(
    worker: Worker, telegram: FakeTelegramServer, model: FakeOpenAIServer, updates: UpdateFactory
) -> None:
    model.script(REPLY * 20, chunk_size=4, interval=0.02)
    await worker.send(updates.text(CHAT, "추천해줘"), updates.text(CHAT, "신발은?"))
    await telegram.wait_for(lambda s: bool(s.messages(CHAT)) and s.messages(CHAT)[0].edits >= 1)
    services = worker.services
    assert len(services.in_flight) == 2, "the second question waits for the chat's turn"
    plan = ShutdownPlan(answers=0.1, finalise=2.0, close=0.5)
    await asyncio.wait_for(drain(services.running, services.door, services.in_flight, plan), 10)
    first, second = bot_texts(telegram, CHAT)
    assert first.endswith(NOTE)
    assert second == "서버를 재시작하는 중이에요. 잠시 후 같은 질문을 다시 보내 주세요."
    assert len(model.requests) == 1, "no model call for an answer that could not finish"


async def test_an_update_still_waiting_at_the_end_is_cancelled(
    worker: Worker, redis: RedisClient, updates: UpdateFactory, telegram: FakeTelegramServer
) -> None:
    # Another worker holds the chat's turn (its answer streams on): ours would wait for it.
    held, release = asyncio.Event(), asyncio.Event()

    async def other_worker() -> None:
        async with ChatQueue(redis).hold(ChatScope(CHAT)):
            held.set()
            await release.wait()

    holder = asyncio.create_task(other_worker())
    await asyncio.wait_for(held.wait(), 5)
    try:
        await worker.send(updates.text(CHAT, "추천해줘"))
        services = worker.services
        plan = ShutdownPlan(answers=0.1, finalise=1.0, close=0.5)
        in_flight: InFlightUpdates = services.in_flight
        await asyncio.wait_for(drain(services.running, services.door, in_flight, plan), 5)
        assert len(in_flight) == 0, "nothing left running past the plan"
        assert bot_texts(telegram, CHAT) == []
    finally:
        release.set()
        await holder
