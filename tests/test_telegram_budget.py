"""The Telegram budget is shared by every worker through Redis, and degrades alone without it."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

import pytest
from redis.asyncio import Redis
from redis.asyncio.retry import Retry
from redis.backoff import NoBackoff

from storage.telegram_budget import REFUSED_RETRY_SECONDS, TelegramBudget
from tests.conftest import ON_BOTH_REDIS
from tests.fakes.openai_api import FakeOpenAIServer
from tests.fakes.telegram_api import SENDING_METHODS, FakeTelegramServer
from tests.fakes.updates import UpdateFactory
from tests.harness import Worker
from tests.scenario_kit import REPLY, bot_texts, rendered

pytestmark = ON_BOTH_REDIS
# try_optional pipelines a chat's pause with the bot's bucket: two cluster slots.
BUDGET_SPANS_SLOTS = "telegram budget rewritten in issue 11"
StartWorker = Callable[..., Awaitable[Worker]]


def busiest_second(telegram: FakeTelegramServer) -> int:
    times = sorted(c.at for c in telegram.calls if c.method in SENDING_METHODS)
    return max(
        (sum(1 for t in times[i:] if t - start < 1.0) for i, start in enumerate(times)), default=0
    )


async def test_two_workers_share_one_budget(
    start_worker: StartWorker,
    telegram: FakeTelegramServer,
    model: FakeOpenAIServer,
    updates: UpdateFactory,
) -> None:
    # 5 calls a second with a burst of 2 for the whole bot: each worker alone would
    # allow that much, so together they could double it if the budget were not shared.
    workers = [await start_worker(telegram_rate_per_second=5, telegram_burst=2) for _ in range(2)]
    chats = [7101 + n for n in range(6)]
    for _ in chats:
        model.script(REPLY, chunk_size=4, interval=0.01)
    await asyncio.gather(
        *(workers[n % 2].send(updates.text(chat, "추천해줘")) for n, chat in enumerate(chats))
    )
    await asyncio.gather(*(w.idle(timeout=20) for w in workers))
    assert all(bot_texts(telegram, chat) == [rendered(REPLY)] for chat in chats)
    # A bucket of 2 refilled at 5/s lets at most 7 calls through in any second.
    assert busiest_second(telegram) <= 7
    assert telegram.limit_violations(min_interval_private=0.05) == []


@ON_BOTH_REDIS(cluster_xfail=BUDGET_SPANS_SLOTS)
async def test_a_partial_edit_is_refused_with_a_backoff_and_leaves_a_token(redis: Redis) -> None:
    budget = TelegramBudget(redis, rate=1, burst=2)
    assert await budget.try_optional(1) == 0.0
    # One token left: kept for a call that must go out.
    wait = await budget.try_optional(1)
    assert REFUSED_RETRY_SECONDS[0] <= wait <= REFUSED_RETRY_SECONDS[1]
    await asyncio.wait_for(budget.take(first=True), timeout=0.5)


@ON_BOTH_REDIS(cluster_xfail=BUDGET_SPANS_SLOTS)
async def test_first_messages_get_the_last_tokens(redis: Redis) -> None:
    # Hardly any refill: what the bucket holds is all there is.
    budget = TelegramBudget(redis, rate=0.001, burst=4)
    assert [await budget.try_optional(1) == 0.0 for _ in range(3)] == [True, True, False]
    await asyncio.wait_for(budget.take(), timeout=0.5)  # a final edit: 2 -> 1 token
    with pytest.raises(TimeoutError):
        await asyncio.wait_for(budget.take(), timeout=0.2)  # the last token is not for it
    await asyncio.wait_for(budget.take(first=True), timeout=0.5)  # but for a first message


@ON_BOTH_REDIS(cluster_xfail=BUDGET_SPANS_SLOTS)
async def test_a_paused_chat_reports_its_pause(redis: Redis) -> None:
    budget = TelegramBudget(redis, rate=100, burst=10)
    await budget.pause_chat(42, 3.0)
    assert 2.5 < await budget.try_optional(42) <= 3.0
    assert await budget.try_optional(43) == 0.0
    assert 2.5 < await budget.chat_paused_for(42) <= 3.0


async def test_without_redis_the_worker_paces_itself(caplog) -> None:  # type: ignore[no-untyped-def]
    # Nothing listens on port 1: every Redis call fails at once.
    unreachable = Redis(host="127.0.0.1", port=1, retry=Retry(NoBackoff(), 0))
    budget = TelegramBudget(unreachable, rate=1, burst=2)
    try:
        assert await budget.try_optional(1) == 0.0
        assert await budget.try_optional(1) > 0, "the local bucket keeps its last token"
        await asyncio.wait_for(budget.take(first=True), timeout=0.5)
        assert await budget.chat_paused_for(1) == 0.0
    finally:
        await unreachable.aclose()
    assert "pacing this worker alone" in caplog.text
