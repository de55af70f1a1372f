"""Start-up failures speak one line: `python -m bot` (and `chat`) as operators run them."""

from __future__ import annotations

import asyncio
import os
import socket
import sys
from pathlib import Path

import pytest

from bot.model.client import ModelClient, ModelError
from bot.settings import Settings
from bot.terminal_chat import model_problem
from tests.conftest import TOKEN
from tests.fakes.openai_api import FakeOpenAIServer
from tests.fakes.telegram_api import FakeTelegramServer

pytestmark = pytest.mark.timeout(90)
SECRET = TOKEN.split(":")[1]


def closed_port() -> int:
    """A port nothing listens on (bound a moment ago, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def run_bot(env: dict[str, str], cwd: Path, *args: str) -> tuple[int, str]:
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", *args, env=env, cwd=cwd,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    # "Within a few seconds": the bound is the assertion (a start-up hanging on fails here).
    out, err = await asyncio.wait_for(process.communicate(), 20)
    return process.returncode or 0, out.decode() + err.decode()


@pytest.fixture
def base_env(
    telegram: FakeTelegramServer, model: FakeOpenAIServer, redis_url: str, tmp_path: Path
) -> dict[str, str]:
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_BASE_URL": telegram.base_url,
        "TELEGRAM_BASE_FILE_URL": telegram.base_file_url,
        "OPENAI_BASE_URL": model.base_url,
        "OPENAI_API_KEY": "sk-startup-test",
        "OPENAI_MAX_RETRIES": "0",
        "REDIS_URL": redis_url,
        "LOG_FORMAT": "text",
    }


def assert_one_clean_line(output: str, line: str) -> None:
    assert line in output.splitlines(), output
    assert "Traceback" not in output and SECRET not in output, output


async def test_the_worker_names_what_it_could_not_reach_and_exits(
    base_env: dict[str, str], tmp_path: Path
) -> None:
    port = closed_port()
    cases = {  # what is wrong -> (the environment, the line, the exit status)
        "telegram down": (
            {"TELEGRAM_BASE_URL": f"http://127.0.0.1:{port}/bot"},
            f"cannot reach Telegram at http://127.0.0.1:{port}/bot: connection refused",
            1,
        ),
        "token refused": (
            {"TELEGRAM_BOT_TOKEN": "123456:not-the-right-one"},
            "Telegram rejected TELEGRAM_BOT_TOKEN (401)",
            2,
        ),
        "redis down": (
            {"REDIS_URL": f"redis://coordi:pa55word@127.0.0.1:{port}/0"},
            f"cannot reach Redis at 127.0.0.1:{port} (REDIS_URL): connection refused",
            1,
        ),
    }
    # The three processes at once: each is mostly Python starting up.
    results = await asyncio.gather(
        *(run_bot({**base_env, **env}, tmp_path) for env, _, _ in cases.values())
    )
    for (case, (_, line, status)), (code, output) in zip(cases.items(), results, strict=True):
        assert code == status, (case, output)
        assert_one_clean_line(output, f"Start-up failed: {line}")
        assert "not-the-right-one" not in output and "pa55word" not in output, case


async def test_the_terminal_chat_says_the_model_key_is_missing(
    base_env: dict[str, str], tmp_path: Path
) -> None:
    env = {k: v for k, v in base_env.items() if k not in ("OPENAI_API_KEY", "OPENAI_BASE_URL")}
    code, output = await run_bot(env, tmp_path, "chat", "출근룩 추천해줘")
    assert code == 2, output
    assert_one_clean_line(
        output,
        "Configuration error: OPENAI_API_KEY is required for OpenAI's API "
        "(or set OPENAI_BASE_URL to another OpenAI-compatible server)",
    )


async def test_the_terminal_chat_says_the_model_cannot_be_reached(
    base_env: dict[str, str], tmp_path: Path
) -> None:
    base = f"http://127.0.0.1:{closed_port()}/v1"
    code, output = await run_bot({**base_env, "OPENAI_BASE_URL": base}, tmp_path, "chat", "hi")
    assert code == 1, output
    assert_one_clean_line(
        output, f"Model failed: cannot reach the model at {base}: connection refused"
    )
    assert "timeout" not in output.lower(), "a refused connection is no timeout"


async def test_a_refused_model_key_is_named() -> None:
    async with FakeOpenAIServer(api_key="sk-right") as server:
        client = ModelClient(
            api_key="sk-wrong", base_url=server.base_url, model="gpt-4.1-mini", timeout=5,
            max_retries=0, max_tokens=100,
        )  # fmt: skip
        try:
            with pytest.raises(ModelError) as failed:
                async for _ in client.stream([{"role": "user", "content": "hi"}]):
                    pass
        finally:
            await client.close()
    settings = Settings(  # type: ignore[call-arg]
        _env_file=None, telegram_bot_token=TOKEN, openai_base_url=server.base_url
    )
    assert failed.value.kind == "unauthorized"
    assert model_problem(failed.value, settings) == (
        f"the model server at {server.base_url} refused OPENAI_API_KEY (401)"
    )
