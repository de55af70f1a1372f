"""`python -m bot` as operators run it: a real process, polling or webhook."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import sys
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path

import aiohttp
import pytest

from tests.conftest import TOKEN
from tests.fakes.openai_api import FakeOpenAIServer
from tests.fakes.telegram_api import FakeTelegramServer
from tests.fakes.updates import UpdateFactory
from tests.harness import WEBHOOK_SECRET
from tests.scenario_kit import rendered

pytestmark = pytest.mark.timeout(90)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def bot_env(
    telegram: FakeTelegramServer, model: FakeOpenAIServer, tmp_path: Path
) -> dict[str, str]:
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_BASE_URL": telegram.base_url,
        "TELEGRAM_BASE_FILE_URL": telegram.base_file_url,
        "OPENAI_BASE_URL": model.base_url,
        "OPENAI_API_KEY": "sk-process-test",
        "REDIS_DATA_DIR": str(tmp_path / "redis"),
        "LOG_LEVEL": "INFO",
    }


@asynccontextmanager
async def running_bot(env: dict[str, str], cwd: Path) -> AsyncIterator[Callable[[], str]]:
    log_path = cwd / "bot.log"
    with log_path.open("wb") as log_file:
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", env=env, cwd=cwd, stdout=log_file, stderr=log_file
        )
        try:
            yield lambda: log_path.read_text()
        finally:
            if process.returncode is None:
                process.send_signal(signal.SIGTERM)
            code = await asyncio.wait_for(process.wait(), 30)
    assert code == 0, log_path.read_text()


async def test_polling_worker_with_embedded_redis_answers_and_stops_cleanly(
    bot_env: dict[str, str], telegram: FakeTelegramServer, updates: UpdateFactory, tmp_path: Path
) -> None:
    async with running_bot(bot_env, tmp_path) as read_log:
        telegram.queue_update(updates.text(5001, "/start"))
        await telegram.wait_for_call("sendMessage", timeout=30)
        assert "Coordi" in telegram.messages(5001)[0].text
    log = read_log()
    assert "embedded redis-server" in log
    assert "long polling" in log
    assert TOKEN not in log and TOKEN.split(":")[1] not in log
    assert (tmp_path / "redis" / "appendonly.aof").exists() or any((tmp_path / "redis").iterdir())


async def test_webhook_worker_serves_updates_and_readiness(
    bot_env: dict[str, str],
    telegram: FakeTelegramServer,
    model: FakeOpenAIServer,
    updates: UpdateFactory,
    tmp_path: Path,
) -> None:
    port = free_port()
    env = {
        **bot_env,
        "WEBHOOK_URL": "https://coordi.example/hook",
        "WEBHOOK_SECRET": WEBHOOK_SECRET,
        "PORT": str(port),
    }
    base = f"http://127.0.0.1:{port}"
    async with running_bot(env, tmp_path) as read_log, aiohttp.ClientSession() as session:
        for _ in range(300):  # the worker needs a moment to bind its port
            try:
                async with session.get(f"{base}/healthz") as response:
                    assert response.status == 200
                    assert (await response.json()) == {"ready": True}
                    break
            except aiohttp.ClientConnectionError:
                await asyncio.sleep(0.05)
        else:
            pytest.fail(read_log())
        headers = {"X-Telegram-Bot-Api-Secret-Token": WEBHOOK_SECRET}
        async with session.post(
            f"{base}/hook", json=updates.text(5001, "출근룩?"), headers=headers
        ) as response:
            assert response.status == 200
        await model.wait_for_requests(1, timeout=20)
        answer = rendered(model.default_reply)
        await telegram.wait_for(lambda s: s.messages(5001)[-1].text == answer, timeout=20)
        async with session.post(
            f"{base}/hook", json=updates.text(5001, "x"), headers={}
        ) as response:
            assert response.status == 403
    assert "Serving the webhook" in read_log()


async def test_set_webhook_registers_url_secret_and_allowed_updates(
    bot_env: dict[str, str], telegram: FakeTelegramServer, tmp_path: Path
) -> None:
    env = {
        **bot_env,
        "WEBHOOK_URL": "https://coordi.example/hook",
        "WEBHOOK_SECRET": WEBHOOK_SECRET,
    }
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "set-webhook", env=env, cwd=tmp_path
    )
    assert await asyncio.wait_for(process.wait(), 30) == 0
    [call] = telegram.calls_to("setWebhook")
    assert call.params["url"] == "https://coordi.example/hook"
    assert call.params["secret_token"] == WEBHOOK_SECRET
    assert call.params["allowed_updates"] == ["message", "callback_query"]


async def test_terminal_chat_runs_the_same_pipeline(
    bot_env: dict[str, str], model: FakeOpenAIServer, redis_url: str, tmp_path: Path
) -> None:
    from tests.image_files import encode, photo_like

    body, shirt = tmp_path / "body.jpg", tmp_path / "shirt.jpg"
    body.write_bytes(encode(photo_like((900, 1600)), "JPEG"))
    shirt.write_bytes(encode(photo_like((1200, 1200)), "JPEG"))
    env = {key: value for key, value in bot_env.items() if key != "TELEGRAM_BOT_TOKEN"}
    env["REDIS_URL"] = redis_url

    async def chat(*args: str) -> tuple[int, str, str]:
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", "chat", *args, env=env, cwd=tmp_path,
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
        )  # fmt: skip
        out, err = await asyncio.wait_for(process.communicate(), 60)
        return process.returncode or 0, out.decode(), err.decode()

    model.script("**출근룩**: [2] 셔츠에 슬랙스.")
    code, out, err = await chat(
        "--reset", "--photo", str(body), "--photo", str(shirt), "출근룩 추천해줘"
    )
    assert code == 0, err
    assert "[stored photos [1, 2], 2 described]" in out
    assert "**출근룩**: [2] 셔츠에 슬랙스." in out
    assert "complete:" in err and "pictures [1, 2]" in err
    assert len(model.analysis_requests) == 1

    code, out, err = await chat("신발만 바꾸면?")
    assert code == 0, err
    follow_up = model.requests[-1]
    assert follow_up["messages"][-1]["content"] == "신발만 바꾸면?"
    assert any(m["content"] == "출근룩 추천해줘\n(New photos in this message: [1], [2])"
               for m in follow_up["messages"][1:-1])  # fmt: skip
    assert "pictures []" in err
