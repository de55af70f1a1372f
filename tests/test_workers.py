"""Several `python -m bot` webhook workers on one real Redis, as operators run them.

The tests marked ON_BOTH_REDIS run twice: on a single Redis and with REDIS_URL pointing
at one node of a 6-node Redis Cluster (nothing else changes for the workers).
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import socket
import sys
from collections.abc import AsyncIterator, Callable
from contextlib import AsyncExitStack
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from bot.embedded_redis import EmbeddedRedis
from bot.logs import chat_hash
from storage import keys
from storage.connection import connect
from storage.keys import ChatScope
from tests.conftest import ON_BOTH_REDIS, TEST_CHAT_INTERVAL, TEST_GROUP_PER_MINUTE, TOKEN
from tests.fakes.openai_api import FakeOpenAIServer
from tests.fakes.telegram_api import FakeTelegramServer
from tests.fakes.updates import UpdateFactory
from tests.harness import WEBHOOK_SECRET
from tests.redis_cluster import LocalCluster
from tests.scenario_kit import REPLY, album, bot_texts, rendered, wardrobe_numbers

pytestmark = pytest.mark.timeout(120)
CHAT = 9301


class WorkerProcess:
    def __init__(self, env: dict[str, str], cwd: Path, name: str) -> None:
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = int(sock.getsockname()[1])
        self.env = {**env, "PORT": str(self.port)}
        self.log = cwd / f"{name}.log"
        self.cwd = cwd
        self.process: asyncio.subprocess.Process | None = None
        self.url = f"http://127.0.0.1:{self.port}"

    async def start(self, session: aiohttp.ClientSession) -> None:
        with self.log.open("wb") as out:
            self.process = await asyncio.create_subprocess_exec(
                sys.executable, "-m", "bot", env=self.env, cwd=self.cwd, stdout=out, stderr=out
            )
        for _ in range(400):
            try:
                async with session.get(self.url + "/healthz") as response:
                    if response.status == 200:
                        return
            except aiohttp.ClientConnectionError:
                pass
            await asyncio.sleep(0.05)
        raise AssertionError(self.log.read_text())

    async def post(self, session: aiohttp.ClientSession, update: dict[str, Any]) -> int:
        headers = {"X-Telegram-Bot-Api-Secret-Token": WEBHOOK_SECRET}
        async with session.post(self.url + "/hook", json=update, headers=headers) as response:
            return response.status

    async def stop(self) -> int:
        assert self.process is not None
        if self.process.returncode is None:
            self.process.send_signal(signal.SIGTERM)
        return await asyncio.wait_for(self.process.wait(), 60)

    def log_lines(self) -> list[dict[str, Any]]:
        return [
            json.loads(line) for line in self.log.read_text().splitlines() if line.startswith("{")
        ]


@pytest.fixture
async def cluster(
    telegram: FakeTelegramServer,
    model: FakeOpenAIServer,
    tmp_path: Path,
    redis_kind: str,
    request: pytest.FixtureRequest,
) -> AsyncIterator[Callable[..., Any]]:
    # A single Redis of the test's own (one test stops and restarts it), or the session's
    # Redis Cluster, flushed.
    redis = EmbeddedRedis(tmp_path / "redis")
    if redis_kind == "cluster":
        redis_cluster: LocalCluster = request.getfixturevalue("redis_cluster")
        redis_cluster.flush()
        redis_url = redis_cluster.url
    else:
        redis.start()
        redis_url = redis.url
    async with AsyncExitStack() as stack:
        session = await stack.enter_async_context(aiohttp.ClientSession())
        workers: list[WorkerProcess] = []

        async def start(
            count: int = 2, **extra: str
        ) -> tuple[list[WorkerProcess], aiohttp.ClientSession, EmbeddedRedis]:
            env = {
                "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
                "TELEGRAM_BOT_TOKEN": TOKEN,
                "TELEGRAM_BASE_URL": telegram.base_url,
                "TELEGRAM_BASE_FILE_URL": telegram.base_file_url,
                "OPENAI_BASE_URL": model.base_url,
                "OPENAI_API_KEY": "sk-test",
                "OPENAI_MAX_RETRIES": "0",
                "REDIS_URL": redis_url,
                "WEBHOOK_URL": "https://coordi.example/hook",
                "WEBHOOK_SECRET": WEBHOOK_SECRET,
                "ALBUM_QUIET_SECONDS": "0.3",
                "EDIT_INTERVAL_PRIVATE": "0.1",
                # The fake Bot API's limits, scaled down as in every test (conftest).
                "TELEGRAM_CHAT_INTERVAL": str(TEST_CHAT_INTERVAL),
                "TELEGRAM_GROUP_PER_MINUTE": str(TEST_GROUP_PER_MINUTE),
                "PHOTO_QUESTION_WAIT_SECONDS": "0.3",
                **extra,
            }
            new = [WorkerProcess(env, tmp_path, f"worker{len(workers) + n}") for n in range(count)]
            await asyncio.gather(*(worker.start(session) for worker in new))
            workers.extend(new)
            return new, session, redis

        try:
            yield start
        finally:
            for worker in workers:
                await worker.stop()
            redis.stop()  # nothing to stop when the workers used the cluster


@ON_BOTH_REDIS
async def test_album_parts_spread_over_two_workers_get_one_answer(
    cluster: Callable[..., Any],
    telegram: FakeTelegramServer,
    model: FakeOpenAIServer,
    updates: UpdateFactory,
) -> None:
    (one, two), session, _ = await cluster()
    model.script(REPLY)
    for index, part in enumerate(album(telegram, updates, CHAT, "출근룩 추천해줘")):
        assert await (one, two)[index % 2].post(session, part) == 200
        await asyncio.sleep(0.03)
    await telegram.wait_for(lambda s: rendered(REPLY) in bot_texts(s, CHAT), timeout=30)
    await asyncio.sleep(0.5)  # room for a wrong second answer to show up
    assert len(model.requests) == 1 and len(model.analysis_requests) == 1
    assert bot_texts(telegram, CHAT) == [rendered(REPLY)]
    assert len(telegram.calls_to("downloadFile")) == 4


@ON_BOTH_REDIS
async def test_the_same_update_to_both_workers_is_answered_once(
    cluster: Callable[..., Any],
    telegram: FakeTelegramServer,
    model: FakeOpenAIServer,
    updates: UpdateFactory,
) -> None:
    (one, two), session, _ = await cluster()
    update = updates.text(CHAT, "출근룩?")
    assert await asyncio.gather(one.post(session, update), two.post(session, update)) == [200, 200]
    await telegram.wait_for(lambda s: bool(bot_texts(s, CHAT)), timeout=30)
    await asyncio.sleep(0.5)
    assert len(model.requests) == 1
    assert len(telegram.calls_to("sendMessage")) == 1
    # Logs are JSON lines carrying the update id and a hash of the chat, never the chat id.
    lines = one.log_lines() + two.log_lines()
    answer_logs = [line for line in lines if line.get("message") == "Answer complete"]
    assert answer_logs and answer_logs[0]["update_id"] == update["update_id"]
    assert answer_logs[0]["chat"] == chat_hash(CHAT) and str(CHAT) not in json.dumps(lines)
    assert answer_logs[0]["first_text_ms"] is not None


@ON_BOTH_REDIS
async def test_one_chats_turns_run_one_at_a_time_in_order_across_workers(
    cluster: Callable[..., Any],
    telegram: FakeTelegramServer,
    model: FakeOpenAIServer,
    updates: UpdateFactory,
) -> None:
    (one, two), session, _ = await cluster()
    env_url = one.env["REDIS_URL"]
    replies = [f"{n}번째 답변: " + "셔츠와 슬랙스. " * 12 for n in range(3)]
    for reply in replies:
        model.script(reply, chunk_size=8, interval=0.02)
    redis = connect(env_url, max_connections=4)
    queue = keys.chat_queue(ChatScope(CHAT))

    async def tickets_taken(n: int) -> None:
        # The event (a turn took its place in the chat's queue) is in Redis: look shortly.
        while int(await redis.hget(queue, "next") or 0) < n:  # noqa: ASYNC110
            await asyncio.sleep(0.01)

    try:
        # Each question reaches the chat's queue before the next one is sent, alternating
        # workers, while the first answer is still streaming.
        for n, worker in enumerate((one, two, one)):
            assert await worker.post(session, updates.text(CHAT, f"질문 {n}")) == 200
            await asyncio.wait_for(tickets_taken(n + 1), 20)
        answers = [rendered(reply) for reply in replies]
        await telegram.wait_for(lambda s: bot_texts(s, CHAT) == answers, timeout=30)
    finally:
        await redis.aclose()
    asked = [request["messages"][-1]["content"] for request in model.requests]
    assert asked == ["질문 0", "질문 1", "질문 2"]
    finished = [
        max(c.at for c in telegram.calls if c.params.get("text") == rendered(reply))
        for reply in replies
    ]
    for n in (1, 2):
        assert finished[n - 1] < model.received_at[n], "a turn began before the last one ended"


async def test_a_redis_outage_gets_503s_and_loses_nothing(
    cluster: Callable[..., Any],
    telegram: FakeTelegramServer,
    model: FakeOpenAIServer,
    updates: UpdateFactory,
) -> None:
    (worker,), session, redis = await cluster(count=1)
    for part in album(telegram, updates, CHAT, ""):
        await worker.post(session, part)
    await telegram.wait_for(lambda s: bool(bot_texts(s, CHAT)), timeout=30)

    redis.stop()
    question = updates.text(CHAT, "비 오는 날이면?")
    assert await worker.post(session, question) == 503, "not acknowledged, so Telegram retries"
    async with session.get(worker.url + "/healthz") as response:
        assert response.status == 503
    redis.start()  # same port and data folder
    for _ in range(100):  # Telegram retries until it gets a 200
        if await worker.post(session, question) == 200:
            break
        await asyncio.sleep(0.1)
    await telegram.wait_for(
        lambda s: len(model.requests) == 1 and len(bot_texts(s, CHAT)) == 2, timeout=30
    )
    assert wardrobe_numbers(model.requests[0]) == {1, 2, 3, 4}, "the photos survived the outage"


async def test_sigterm_at_default_settings_ends_within_dockers_10_s_with_the_answer_marked(
    cluster: Callable[..., Any],
    telegram: FakeTelegramServer,
    model: FakeOpenAIServer,
    updates: UpdateFactory,
) -> None:
    # Telegram's pacing as in production (one change a second per chat, edits a second apart)
    # and the default SHUTDOWN_GRACE_SECONDS.
    (worker,), session, _ = await cluster(
        count=1, EDIT_INTERVAL_PRIVATE="1.0", TELEGRAM_CHAT_INTERVAL="1.0"
    )
    assert worker.process is not None
    model.script(REPLY * 40, chunk_size=4, interval=0.02)  # about 40 s to stream in full
    await worker.post(session, updates.text(CHAT, "추천해줘"))
    await telegram.wait_for(
        lambda s: bool(s.messages(CHAT)) and s.messages(CHAT)[0].edits >= 1, timeout=30
    )
    worker.process.send_signal(signal.SIGTERM)
    # Docker kills the container 10 s after SIGTERM: the worker must be gone by then.
    exited = asyncio.ensure_future(asyncio.wait_for(worker.process.wait(), 10))

    async def draining() -> None:
        while True:
            async with session.get(worker.url + "/healthz") as response:
                if response.status == 503:
                    return
            await asyncio.sleep(0.05)

    await asyncio.wait_for(draining(), 5)
    # An update that reaches a stopping worker is refused, so Telegram sends it again.
    assert await worker.post(session, updates.text(CHAT, "하나 더")) == 503
    assert await exited == 0
    [answer] = telegram.messages(CHAT)
    assert answer.text.endswith(
        "서버 재시작으로 답변이 여기서 끊겼어요. 같은 질문을 다시 보내 주세요."
    )
    assert answer.reply_markup is None, "no ⏹ left on a message nobody can stop any more"
    assert len(model.requests) == 1, "the refused update was not handled"
    assert len(answer.text) < len(rendered(REPLY * 40))


@ON_BOTH_REDIS
async def test_a_stop_delivered_to_the_other_worker_ends_the_stream(
    cluster: Callable[..., Any],
    telegram: FakeTelegramServer,
    model: FakeOpenAIServer,
    updates: UpdateFactory,
) -> None:
    (streaming, other), session, _ = await cluster()
    reply = REPLY * 6
    for n, how in enumerate(("command", "button")):
        # An answer streams on one worker; /stop, then the ⏹ press, reaches the other.
        model.script(reply, chunk_size=4, interval=0.03)  # about 10 s to stream in full
        assert await streaming.post(session, updates.text(CHAT, f"추천해줘 {n}")) == 200
        await telegram.wait_for(
            lambda s, n=n: len(s.messages(CHAT)) > n and s.messages(CHAT)[n].edits >= 1, 30
        )
        shown = telegram.messages(CHAT)[n]
        if how == "button":
            [[button]] = shown.reply_markup["inline_keyboard"]
            message = updates.bot_message(CHAT, shown.message_id, shown.text)
            stop = updates.callback_query(CHAT, button["callback_data"], message=message)
        else:
            stop = updates.text(CHAT, "/stop")
        assert await other.post(session, stop) == 200
        # The stream ends within a poll of the shared flag, far sooner than its ~10 s.
        await telegram.wait_for(
            lambda s, n=n: s.messages(CHAT)[n].text.endswith("⏹ 답변을 멈췄어요."), 5
        )
        answers = telegram.messages(CHAT)
        assert len(answers) == n + 1, "no 'nothing to stop' from the other worker"
        assert answers[n].reply_markup is None
        assert len(answers[n].text) < len(rendered(reply))
        assert model.chunks_sent[n] < -(-len(reply) // 4), "the model's stream was cut"
    [pressed] = telegram.calls_to("answerCallbackQuery")
    assert pressed.params.get("text") == "멈췄어요", "the presser hears it was stopped"
