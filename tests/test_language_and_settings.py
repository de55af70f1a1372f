from __future__ import annotations

import subprocess
import sys

import pytest

from prompts.language import detect_language


@pytest.mark.parametrize(
    ("text", "code", "expected"),
    [
        ("출근용 데일리룩 추천해줘", "en", "ko"),
        ("what should I wear to a wedding?", "ko", "en"),
        ("나이키 sneakers랑 어울려?", "en", "ko"),
        ("👍", "ko", "ko"),
        ("", "en-US", "en"),
        (None, None, "en"),
        ("@coordi_bot 비 오는 날이면?", "en", "ko"),
    ],
)
def test_language_from_text_then_app_language(
    text: str | None, code: str | None, expected: str
) -> None:
    assert detect_language(text, code) == expected


def run_bot(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot"],
        env={"PATH": "/usr/bin:/bin", **env},
        capture_output=True,
        text=True,
        timeout=30,
        cwd="/",
    )


@pytest.mark.parametrize(
    ("env", "named"),
    [
        ({}, "TELEGRAM_BOT_TOKEN is required"),
        ({"TELEGRAM_BOT_TOKEN": "nonsense"}, "TELEGRAM_BOT_TOKEN"),
        ({"TELEGRAM_BOT_TOKEN": "1:a", "PORT": "http"}, "PORT"),
        ({"TELEGRAM_BOT_TOKEN": "1:a", "WEBHOOK_URL": "https://x.example/h"}, "WEBHOOK_SECRET"),
    ],
)
def test_bad_configuration_stops_with_one_line_and_exit_code_2(
    env: dict[str, str], named: str
) -> None:
    result = run_bot(env)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and named in lines[0]
    assert "Traceback" not in result.stderr
    assert "nonsense" not in result.stderr  # the token's value never reaches the output
