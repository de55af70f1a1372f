"""Accounting and abuse counters, driven directly, on the single Redis and on the cluster.

Their keys sit on several slots (a chat's usage, a user's counters, the statistics):
on the cluster every operation must keep to one of them, or the cluster refuses it.
"""

from __future__ import annotations

import pytest

from storage.connection import RedisClient
from storage.keys import ChatScope, MemberScope
from storage.ledger import AnswerRecord, Ledger
from storage.limits import LimitHit, Limits, LimitSettings
from tests.conftest import ON_BOTH_REDIS

pytestmark = ON_BOTH_REDIS
NOW = 1_800_000_030.0  # 30 s into a minute


def answer(variant: str = "A", first_text_ms: float | None = 420.0) -> AnswerRecord:
    return AnswerRecord(variant, "gpt-4.1-mini", 1000, 200, 0.0007, first_text_ms, 2100.0, "ok")


async def test_usage_adds_up_per_chat(redis: RedisClient) -> None:
    ledger = Ledger(redis)
    for _ in range(2):
        await ledger.add_usage(MemberScope(ChatScope(5)), 1000, 200, 0.0007, answers=1)
    await ledger.add_usage(MemberScope(ChatScope(6)), 10, 2, 0.00001)
    usage = await ledger.month_usage(MemberScope(ChatScope(5)))
    assert (usage.prompt_tokens, usage.completion_tokens, usage.answers) == (2000, 400, 2)
    assert usage.cost_usd == pytest.approx(0.0014)


async def test_answers_votes_and_statistics(redis: RedisClient) -> None:
    ledger = Ledger(redis)
    first = await ledger.record_answer(answer())
    second = await ledger.record_answer(answer(first_text_ms=None))
    await ledger.record_answer(answer("B"))
    assert await ledger.vote(first, "up")
    assert await ledger.vote(second, "up")
    assert await ledger.vote(second, "down"), "a changed vote moves the count"
    assert await ledger.vote(second, "down"), "the same vote again counts once"
    assert not await ledger.vote("no-such-answer", "up")
    stats = {s.variant: s for s in await ledger.variant_stats()}
    assert (stats["A"].answers, stats["A"].up, stats["A"].down) == (2, 1, 1)
    assert (stats["B"].answers, stats["B"].up, stats["B"].prompt_tokens) == (1, 0, 1000)
    assert await ledger.latencies("first_text") == [420.0, 420.0]
    assert await ledger.latencies("total") == [2100.0] * 3


async def test_turn_limits_count_per_user_and_per_chat(redis: RedisClient) -> None:
    limits = Limits(redis, LimitSettings(turns_per_minute_user=2, turns_per_minute_chat=3))
    assert await limits.take_turn(1, -100, now=NOW) is None
    assert await limits.take_turn(1, -100, now=NOW) is None
    assert await limits.take_turn(1, -100, now=NOW) == LimitHit("turns_user", 31)
    assert await limits.take_turn(2, -100, now=NOW) == LimitHit("turns_chat", 31)
    assert await limits.take_turn(2, -200, now=NOW) is None, "other chats count apart"
    assert await limits.take_turn(1, -100, now=NOW + 60) is None, "a new minute"


async def test_photo_and_token_budgets(redis: RedisClient) -> None:
    limits = Limits(redis, LimitSettings(photos_per_hour_user=5, daily_tokens_user=1000))
    assert await limits.take_photos(1, 4, now=NOW) is None
    hit = await limits.take_photos(1, 2, now=NOW)
    assert hit is not None and hit.name == "photos"
    await limits.spend_tokens(1, 1000, now=NOW)
    hit = await limits.take_turn(1, 1, now=NOW)
    assert hit is not None and hit.name == "tokens"
    assert await limits.take_turn(2, 2, now=NOW) is None
