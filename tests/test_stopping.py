"""Stopping an answer from any worker: two RunningAnswers on two clients stand for two workers."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest

from bot.conversation.stopping import RunningAnswers
from storage import keys
from storage.answer_stops import AnswerStops
from storage.connection import RedisClient, connect
from storage.keys import ChatScope
from tests.conftest import ON_BOTH_REDIS

pytestmark = ON_BOTH_REDIS
SCOPE = ChatScope(9101, thread_id=7)


@pytest.fixture
async def second_redis(redis_url: str) -> AsyncIterator[RedisClient]:
    client = connect(redis_url, max_connections=8)
    yield client
    await client.aclose()


async def registered(redis: RedisClient, scope: ChatScope) -> None:
    # The registration happens in Redis, where no asyncio.Event can see it: look again shortly.
    while not await redis.exists(keys.streaming(scope)):  # noqa: ASYNC110
        await asyncio.sleep(0.005)


async def test_a_stop_asked_on_another_worker_ends_the_answer(
    redis: RedisClient, second_redis: RedisClient
) -> None:
    streaming = RunningAnswers(AnswerStops(redis), poll_seconds=0.01)
    other = RunningAnswers(AnswerStops(second_redis), poll_seconds=0.01)
    assert not await other.request_stop(SCOPE), "nothing streams anywhere yet"
    async with streaming.track(SCOPE) as stop:
        await asyncio.wait_for(registered(redis, SCOPE), 5)
        assert not await other.request_stop(ChatScope(9101)), "another topic streams nothing"
        assert await other.request_stop(SCOPE)
        await asyncio.wait_for(stop.wait(), 5)
        assert stop.reason == "user"
    assert not await redis.exists(keys.streaming(SCOPE)), "unregistered when it ends"
    assert not await other.request_stop(SCOPE), "nothing to stop once it ended"


async def test_a_local_stop_needs_no_redis_and_a_stale_flag_stops_no_later_answer(
    redis: RedisClient,
) -> None:
    stops = AnswerStops(redis)
    assert not await stops.request(SCOPE)
    await stops.begin(SCOPE, "first")
    assert not await stops.poll(SCOPE, "first")
    assert not await stops.poll(SCOPE, "first", refresh=True)
    assert await stops.request(SCOPE)
    assert await stops.poll(SCOPE, "first") and await stops.poll(SCOPE, "first", refresh=True)
    assert await stops.request(SCOPE), "asked twice: still stopping"
    # The first answer's worker died before unregistering: the next answer starts clean.
    await stops.begin(SCOPE, "second")
    assert not await stops.poll(SCOPE, "second")
    await redis.delete(keys.streaming(SCOPE))  # expired during an outage: made again
    assert not await stops.poll(SCOPE, "second", refresh=True)
    assert await redis.get(keys.streaming(SCOPE)) == b"second"
    await stops.end(SCOPE, "first")
    assert await redis.exists(keys.streaming(SCOPE)), "another answer's end leaves it"

    running = RunningAnswers(stops, poll_seconds=0.01)
    async with running.track(ChatScope(9102)) as stop:
        assert await running.request_stop(ChatScope(9102))
        assert stop.is_set() and stop.reason == "user"


async def test_a_leaving_worker_starts_no_answer(redis: RedisClient) -> None:
    running = RunningAnswers(AnswerStops(redis), poll_seconds=0.01)
    running.refuse_new("shutdown")
    async with running.track(SCOPE) as stop:
        assert stop.is_set() and stop.reason == "shutdown"
        assert not await redis.exists(keys.streaming(SCOPE)), "never offered to other workers"
    assert await running.wait_idle(1)
