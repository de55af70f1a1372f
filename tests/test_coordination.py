"""Redis coordination between workers, driven directly: two clients stand for two workers."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import pytest

from storage import keys
from storage.connection import RedisClient, connect
from storage.coordination import ChatQueue, RedisAlbums, UpdateLog
from storage.keys import ChatScope
from tests.conftest import ON_BOTH_REDIS

pytestmark = ON_BOTH_REDIS
SCOPE = ChatScope(9001)


@pytest.fixture
async def second_redis(redis_url: str) -> AsyncIterator[RedisClient]:
    client = connect(redis_url, max_connections=16)
    yield client
    await client.aclose()


@pytest.fixture
async def warm(redis: RedisClient, second_redis: RedisClient) -> None:
    """Both workers' clients connected (a cluster client's first command looks up the
    nodes), as in a running worker, so that only the test decides who comes first."""
    await asyncio.gather(redis.ping(), second_redis.ping())


async def until(happened: Callable[[], Awaitable[bool]]) -> None:
    """Wait for something to be visible in Redis (the order of events, without sleeps)."""
    # The event happens in Redis, where no asyncio.Event can see it: look again shortly.
    while not await happened():  # noqa: ASYNC110
        await asyncio.sleep(0.002)


async def test_an_update_id_is_taken_once_across_workers(
    redis: RedisClient, second_redis: RedisClient
) -> None:
    one, two = UpdateLog(redis), UpdateLog(second_redis)
    results = await asyncio.gather(one.first_time(77), two.first_time(77), one.first_time(78))
    assert sorted(results[:2]) == [False, True] and results[2] is True


async def test_album_parts_on_two_workers_become_one_album(
    redis: RedisClient, second_redis: RedisClient, warm: None
) -> None:
    workers = [RedisAlbums(redis, 0.1), RedisAlbums(second_redis, 0.1)]
    gathered = keys.album(SCOPE, "g1")

    async def deliver(n: int) -> list[dict[str, int]] | None:
        # Parts arrive one after another, alternating workers.
        await until(lambda: _equals(redis.llen(gathered), n))
        return await workers[n % 2].collect(SCOPE, "g1", {"part": n})

    results = await asyncio.gather(*(deliver(n) for n in range(4)))
    albums = [r for r in results if r is not None]
    assert albums == [[{"part": 0}, {"part": 1}, {"part": 2}, {"part": 3}]]


async def test_a_late_part_becomes_its_own_turn_not_lost(redis: RedisClient) -> None:
    albums = RedisAlbums(redis, 0.05)
    assert await albums.collect(SCOPE, "g2", {"part": 0}) == [{"part": 0}]
    assert await albums.collect(SCOPE, "g2", {"part": 1}) == [{"part": 1}]


async def test_turns_of_a_chat_run_one_at_a_time_in_order(
    redis: RedisClient, second_redis: RedisClient, warm: None
) -> None:
    queues = [ChatQueue(redis, poll_seconds=0.005), ChatQueue(second_redis, poll_seconds=0.005)]
    running: list[int] = []
    order: list[int] = []
    queue = keys.chat_queue(SCOPE)

    async def tickets_taken() -> int:
        return int(await redis.hget(queue, "next") or 0)

    async def turn(n: int) -> None:
        # The order in which turns reach Redis is their order: turn n asks after n others.
        await until(lambda: _equals(tickets_taken(), n))
        async with queues[n % 2].hold(SCOPE):
            running.append(n)
            assert len(running) == 1, "two turns of one chat at once"
            order.append(n)
            await asyncio.sleep(0.02)
            running.remove(n)

    await asyncio.gather(*(turn(n) for n in range(6)))
    assert order == list(range(6))


async def test_other_chats_do_not_wait(redis: RedisClient) -> None:
    queue = ChatQueue(redis, poll_seconds=0.005)
    async with queue.hold(SCOPE):
        async with asyncio.timeout(1):
            async with queue.hold(ChatScope(9002)):
                pass


async def test_a_crashed_worker_blocks_the_chat_only_until_its_lease_ends(
    redis: RedisClient,
) -> None:
    queue = ChatQueue(redis, lease_seconds=0.3, stall_seconds=0.2, poll_seconds=0.01)
    crashed = ChatQueue(redis, lease_seconds=0.3, stall_seconds=0.2)
    holder = crashed.hold(SCOPE)
    await holder.__aenter__()  # a worker takes the chat ...
    crashed._keep_lease = None  # type: ignore[assignment]
    for task in asyncio.all_tasks():
        if "_keep_lease" in repr(task.get_coro()):
            task.cancel()  # ... and dies: nobody renews or releases its lease
    loop = asyncio.get_running_loop()
    started = loop.time()
    async with asyncio.timeout(3):
        async with queue.hold(SCOPE):
            waited = loop.time() - started
    assert 0.3 <= waited < 2.0
    await holder.__aexit__(None, None, None)  # the dead worker's release finds nothing to free


async def _equals(value: Awaitable[Any], expected: int) -> bool:
    return int(await value) == expected
