"""Several `python -m bot` webhook workers on one real Redis, as operators run them."""

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
from tests.conftest import TEST_CHAT_INTERVAL, TEST_GROUP_PER_MINUTE, TOKEN
from tests.fakes.openai_api import FakeOpenAIServer
from tests.fakes.telegram_api import FakeTelegramServer
from tests.fakes.updates import UpdateFactory
from tests.harness import WEBHOOK_SECRET
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
    telegram: FakeTelegramServer, model: FakeOpenAIServer, tmp_path: Path
) -> AsyncIterator[Callable[..., Any]]:
    redis = EmbeddedRedis(tmp_path / "redis")
    redis.start()
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
                "REDIS_URL": redis.url,
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
            redis.stop()


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


async def test_sigterm_during_a_stream_finalises_the_answer_with_a_note(
    cluster: Callable[..., Any],
    telegram: FakeTelegramServer,
    model: FakeOpenAIServer,
    updates: UpdateFactory,
) -> None:
    (worker,), session, _ = await cluster(count=1, SHUTDOWN_GRACE_SECONDS="0.5")
    model.script(REPLY * 4, chunk_size=4, interval=0.02)
    await worker.post(session, updates.text(CHAT, "추천해줘"))
    await telegram.wait_for(
        lambda s: bool(s.messages(CHAT)) and s.messages(CHAT)[0].edits >= 1, timeout=30
    )
    assert await worker.stop() == 0
    [answer] = telegram.messages(CHAT)
    assert answer.text.endswith(
        "서버 재시작으로 답변이 여기서 끊겼어요. 같은 질문을 다시 보내 주세요."
    )
    assert answer.reply_markup is None, "no ⏹ left on a message nobody can stop any more"
