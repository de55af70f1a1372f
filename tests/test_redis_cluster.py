"""Coordi on a Redis Cluster: found out from REDIS_URL, kept to one slot per operation, and
carrying on through a failover (a master killed while two conversations stream)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Iterator
from pathlib import Path

import aiohttp
import pytest
import redis
from redis.asyncio import Redis
from redis.exceptions import AuthenticationError, ClusterCrossSlotError, RedisClusterException

from bot.settings import Settings
from storage import keys
from storage.cluster_client import FailoverCluster
from storage.connection import connect, detect
from storage.keys import ChatScope, MemberScope
from tests.fakes.openai_api import FakeOpenAIServer
from tests.fakes.telegram_api import FakeTelegramServer
from tests.fakes.updates import UpdateFactory
from tests.harness import Worker
from tests.redis_cluster import LocalCluster
from tests.scenario_kit import bot_texts, rendered

pytestmark = pytest.mark.timeout(90)


async def test_the_kind_of_server_is_found_out_not_configured(
    redis_server: str, redis_cluster: LocalCluster, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="storage.connection")
    single = connect(redis_server, max_connections=2)
    on_cluster = connect(redis_cluster.url, max_connections=2)
    try:
        assert type(single) is Redis and isinstance(on_cluster, FailoverCluster)
        await on_cluster.set("coordi:{c:1}:probe", b"x")
        assert await on_cluster.get("coordi:{c:1}:probe") == b"x"
    finally:
        await single.aclose()
        await on_cluster.aclose()
    assert "a single redis 6.2" in caplog.text and "using the plain client" in caplog.text
    assert "redis 6.2.14 in cluster mode; using the cluster client" in caplog.text
    # Any node will do, master or replica.
    assert all(detect(redis_cluster.node_url(port)).cluster for port in redis_cluster.ports)
    # The URL's ACL user is what logs in: the nodes refuse anyone else.
    with pytest.raises(AuthenticationError):
        detect(f"redis://127.0.0.1:{redis_cluster.ports[0]}")


def test_a_user_refused_info_is_still_told_apart(
    redis_server: str, redis_cluster: LocalCluster
) -> None:
    # Managed services may keep INFO from the application's ACL user.
    rule = ["on", ">limited-secret", "~*", "&*", "+@all", "-info"]
    with redis.Redis.from_url(redis_server) as single:
        single.execute_command("ACL SETUSER", "limited", *rule)
    for port in redis_cluster.ports:
        redis_cluster.client(port).execute_command("ACL SETUSER", "limited", *rule)
    host = redis_server.removeprefix("redis://").split("/")[0]
    assert not detect(f"redis://limited:limited-secret@{host}").cluster
    port = redis_cluster.ports[0]
    assert detect(f"redis://limited:limited-secret@127.0.0.1:{port}").cluster


async def test_the_cluster_refuses_an_operation_across_slots(redis_cluster: LocalCluster) -> None:
    # So the storage tests that run on the cluster fail when an operation spans slots.
    client = connect(redis_cluster.url, max_connections=4)
    one, other = keys.history(MemberScope(ChatScope(1))), keys.history(MemberScope(ChatScope(2)))
    assert client.keyslot(one) != client.keyslot(other)
    try:
        script = client.register_script("return redis.call('LLEN', KEYS[1])")
        # Refused by the client or, if it lets it through, by the server (CROSSSLOT).
        with pytest.raises((RedisClusterException, ClusterCrossSlotError)):
            await script(keys=[one, other])
        with pytest.raises(RedisClusterException, match="spans 2 cluster slots"):
            async with client.pipeline(transaction=False) as pipe:
                pipe.llen(one)
                pipe.llen(other)
                await pipe.execute()
        with pytest.raises(RedisClusterException, match="no MULTI/EXEC"):
            client.pipeline(transaction=True)
        async with client.pipeline(transaction=False) as pipe:
            pipe.rpush(one, b"a")
            pipe.llen(keys.occasion(ChatScope(1)))  # the same chat: the same slot
            assert await pipe.execute() == [1, 0]
    finally:
        await client.aclose()


@pytest.fixture
def own_cluster(tmp_path: Path) -> Iterator[LocalCluster]:
    """A cluster of this test's own: it loses a master for good. A master silent for 1 s
    counts as failed, so the failover takes about 2 s."""
    cluster = LocalCluster(tmp_path / "own-cluster", node_timeout_ms=1000)
    cluster.start()
    try:
        yield cluster
    finally:
        cluster.stop()


async def test_a_master_killed_mid_answer_loses_nothing_and_answers_nothing_twice(
    own_cluster: LocalCluster,
    settings_for: Callable[..., Settings],
    telegram: FakeTelegramServer,
    model: FakeOpenAIServer,
    updates: UpdateFactory,
) -> None:
    # Two chats served by the master that will die.
    first = 8101
    doomed = own_cluster.master_of(keys.chat_queue(ChatScope(first)))
    second = next(
        chat
        for chat in range(first + 1, first + 500)
        if own_cluster.master_of(keys.chat_queue(ChatScope(chat))) == doomed
    )
    workers = [Worker(settings_for(), own_cluster.url) for _ in range(2)]
    for worker in workers:
        await worker.start()
    reply = "코디: " + "네이비 슬랙스에 흰 셔츠. " * 8
    follow_up = "비 오는 날에는 [1] 트렌치코트를 더하세요."
    for _ in range(2):
        model.script(reply, chunk_size=6, interval=0.03)
    model.script(follow_up)
    try:
        async with aiohttp.ClientSession() as session:

            async def ready() -> int:
                async with session.get(workers[0].url + "/healthz") as response:
                    return response.status

            assert await ready() == 200
            await workers[0].send(updates.text(first, "출근룩 추천해줘"))
            await workers[1].send(updates.text(second, "데이트룩 추천해줘"))
            await model.wait_for_requests(2, timeout=20)  # both answers are streaming

            own_cluster.kill(doomed)
            assert await ready() == 503, "a slot has no master until its replica takes over"
            # Telegram delivers the next update again until it gets a 200.
            question = updates.text(first, "비 오는 날이면?")
            while await workers[1].post(question) != 200:  # noqa: ASYNC110 (Telegram's resend)
                await asyncio.sleep(0.1)

            expected = {
                first: [rendered(reply), rendered(follow_up)],
                second: [rendered(reply)],
            }
            await telegram.wait_for(
                lambda s: all(bot_texts(s, chat) == texts for chat, texts in expected.items()),
                timeout=40,
            )
            # Ready again once the replica is promoted and the map refreshed (polled, as
            # an orchestrator does).
            while await ready() != 200:  # noqa: ASYNC110
                await asyncio.sleep(0.05)
        await asyncio.gather(*(worker.idle(timeout=20) for worker in workers))
    finally:
        for worker in workers:
            await worker.stop()
    assert doomed not in own_cluster.master_ports(), "a replica serves the slots now"
    assert len(model.requests) == 3, "no turn ran twice"
    assert sorted(c.params["chat_id"] for c in telegram.calls_to("sendMessage")) == sorted(
        [first, first, second]
    )
    assert model.requests[2]["messages"][-1]["content"] == "비 오는 날이면?"
    history = [m["content"] for m in model.requests[2]["messages"][1:-1]]
    assert "출근룩 추천해줘" in history[0], "the turn before the failover was kept"
