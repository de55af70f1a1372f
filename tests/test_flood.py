"""Every Bot API call of every kind leaves through the one door, within Telegram's limits.

Two `python -m bot` worker processes on one Redis, a fake Bot API that answers 429
to any call over its limits (tightened here so that a short flood presses on them).
"""

from __future__ import annotations

import asyncio
import os
from collections import Counter
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest

from tests.conftest import ON_BOTH_REDIS, TEST_CHAT_INTERVAL, TEST_LIMITS, TOKEN
from tests.fakes.openai_api import FakeOpenAIServer
from tests.fakes.telegram_api import FakeTelegramServer
from tests.fakes.tg_limits import Limits
from tests.fakes.updates import UpdateFactory
from tests.harness import WEBHOOK_SECRET
from tests.scenario_kit import REPLY, album, bot_texts, rendered
from tests.test_workers import WorkerProcess

pytestmark = [pytest.mark.timeout(120), ON_BOTH_REDIS]

# Telegram's limits, tighter: 14 calls a second for the bot, 10 a minute per group.
FLOOD_LIMITS = Limits(per_second=14, chat_interval=TEST_LIMITS.chat_interval, group_per_minute=10)
PRIVATE = [9700 + n for n in range(8)]
GROUP, ALBUM_CHAT = -9700, 9790
HELP_KO = "안녕하세요, 스타일리스트"


@pytest.fixture
async def flooded(tmp_path: Path, redis_url: str) -> AsyncIterator[tuple[FakeTelegramServer, FakeOpenAIServer,
                                                         list[WorkerProcess], UpdateFactory]]:  # fmt: skip
    async with (
        FakeTelegramServer(token=TOKEN, limits=FLOOD_LIMITS) as telegram,
        FakeOpenAIServer() as model,
        aiohttp.ClientSession() as session,
    ):
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
            "ALBUM_QUIET_SECONDS": "0.2",
            "EDIT_INTERVAL_PRIVATE": "0.1",
            "EDIT_INTERVAL_GROUP": "0.3",
            # The bot's side of the tightened limits: 10 calls in any second (against 14),
            # a minute per group of 10.
            "TELEGRAM_RATE_PER_SECOND": "10",
            "TELEGRAM_CHAT_INTERVAL": str(TEST_CHAT_INTERVAL),
            "TELEGRAM_GROUP_PER_MINUTE": "10",
            "PHOTO_QUESTION_WAIT_SECONDS": "0.2",
            "TURNS_PER_MINUTE_CHAT": "100",
        }
        workers = [WorkerProcess(env, tmp_path, f"flood{n}") for n in range(2)]
        await asyncio.gather(*(w.start(session) for w in workers))
        updates = UpdateFactory(bot_username=telegram.bot_username, bot_id=telegram.bot_id)
        try:
            yield telegram, model, workers, updates
        finally:
            for worker in workers:
                await worker.stop()


async def test_a_flood_of_every_kind_of_reply_stays_within_the_limits_and_all_arrive(
    flooded: tuple[FakeTelegramServer, FakeOpenAIServer, list[WorkerProcess], UpdateFactory],
) -> None:
    telegram, model, workers, updates = flooded
    for _ in range(len(PRIVATE) + 3 + 1):
        model.script(REPLY, chunk_size=6, interval=0.01)
    flood = []
    for chat in PRIVATE:
        flood += [
            updates.text(chat, "/help"),
            updates.document(
                chat, f"pdf{chat}", f"pdf{chat}u", mime_type="application/pdf", file_name="look.pdf"
            ),
            updates.text(chat, "출근룩 추천해줘"),
            updates.callback_query(chat, "stop"),
            updates.text(chat, "/style 미니멀"),
        ]
    flood += [updates.text(GROUP, f"@{telegram.bot_username} 뭐 입을까? {n}") for n in range(3)]
    flood.append(updates.text(GROUP, "/help"))
    flood += album(telegram, updates, ALBUM_CHAT, "주말 코디 추천해줘")
    async with aiohttp.ClientSession() as session:
        statuses = await asyncio.gather(
            *(workers[n % 2].post(session, update) for n, update in enumerate(flood))
        )
    assert set(statuses) == {200}

    answer = rendered(REPLY)

    def everything_arrived(s: FakeTelegramServer) -> bool:
        private = all(
            Counter(text[:6] for text in bot_texts(s, chat))
            == Counter([HELP_KO[:6], "이미지 파일만"[:6], answer[:6], "스타일 메모를"[:6]])
            for chat in PRIVATE
        )
        group = bot_texts(s, GROUP).count(answer) == 3
        return private and group and answer in bot_texts(s, ALBUM_CHAT)

    await telegram.wait_for(everything_arrived, timeout=90)
    await telegram.wait_for(
        lambda s: (
            len(s.calls_to("answerCallbackQuery")) == len(PRIVATE)
            and len(s.calls_to("sendPhoto")) == 1
        ),
        timeout=30,
    )
    assert telegram.limits.refused == [], "no call went over Telegram's limits"
    assert all(call.ok for call in telegram.calls), telegram.summary()
