"""Shopping links end to end: a real worker with a catalog (or Tavily), the fake Bot API and
OpenAI servers, real Redis. The links ride on the outfit board, or on one short message."""

from __future__ import annotations

import asyncio
import logging
import os
import sys
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import TOKEN
from tests.fakes.openai_api import FakeOpenAIServer
from tests.fakes.tavily_api import FakeTavily
from tests.fakes.telegram_api import FakeTelegramServer
from tests.fakes.updates import UpdateFactory
from tests.harness import Worker
from tests.scenario_kit import REPLY, album
from tests.test_shopping import HEADER, ROWS

CHAT = 8001
WITH_MISSING = REPLY.replace("- 신발: [4] 로퍼\n", "- 신발: [4] 로퍼\n➕ 베이지 트렌치코트\n")


def buttons(markup: dict[str, Any] | None) -> list[dict[str, Any]]:
    assert markup is not None, "no keyboard"
    return [button for row in markup["inline_keyboard"] for button in row]


@pytest.fixture
def catalog(tmp_path: Path) -> Path:
    path = tmp_path / "catalog.csv"
    path.write_text(HEADER + "\n".join(ROWS) + "\n", encoding="utf-8")
    return path


async def test_a_missing_trench_coat_gets_the_catalogs_coat_as_a_button_on_the_board(
    start_worker: Callable[..., Awaitable[Worker]],
    telegram: FakeTelegramServer,
    model: FakeOpenAIServer,
    updates: UpdateFactory,
    catalog: Path,
) -> None:
    worker = await start_worker(catalog_path=str(catalog))
    model.script(WITH_MISSING)
    await worker.send(*album(telegram, updates, CHAT, "출근룩 추천해줘"), gap=0.02)
    await worker.idle()
    [board] = [m for m in telegram.messages(CHAT) if m.kind == "photo"]
    assert board.text == "➕ 베이지 트렌치코트"
    # Only the beige trench coat: not the navy one, the beige blazer, dress or belt.
    assert buttons(board.reply_markup) == [
        {"text": "🛍 Classic Beige Trench Coat · 129,000원", "url": "https://shop.example/t1"}
    ]
    assert len(telegram.calls_to("sendPhoto")) == 1
    assert len(telegram.calls_to("sendMessage")) == 1, "no extra message for the links"


async def test_without_a_board_one_short_message_carries_the_links(
    start_worker: Callable[..., Awaitable[Worker]],
    telegram: FakeTelegramServer,
    model: FakeOpenAIServer,
    updates: UpdateFactory,
    catalog: Path,
) -> None:
    worker = await start_worker(catalog_path=str(catalog))
    model.script("하객룩이면 이렇게 입어 보세요.\n\n➕ 화이트 스니커즈\n➕ 보라색 패딩\n")
    await worker.send(updates.text(CHAT, "뭐 입을까?"))
    await worker.idle()
    assert telegram.calls_to("sendPhoto") == []
    links = telegram.messages(CHAT)[-1]
    assert links.text.startswith("➕ 화이트 스니커즈 / 보라색 패딩")
    # The purple puffer matched nothing, so it brings nothing.
    assert sorted(b["url"] for b in buttons(links.reply_markup)) == [
        "https://shop.example/s1",
        "https://shop.example/s2",
    ]


async def test_an_answer_without_missing_items_sends_no_links(
    start_worker: Callable[..., Awaitable[Worker]],
    telegram: FakeTelegramServer,
    model: FakeOpenAIServer,
    updates: UpdateFactory,
    catalog: Path,
) -> None:
    worker = await start_worker(catalog_path=str(catalog))
    model.script("[2] 셔츠와 [3] 슬랙스면 충분해요.")
    await worker.send(updates.text(CHAT, "뭐 입을까?"))
    await worker.idle()
    assert len(telegram.messages(CHAT)) == 1


async def test_a_bad_catalog_row_is_reported_and_skipped_at_start(
    start_worker: Callable[..., Awaitable[Worker]],
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    path = tmp_path / "shop.csv"
    bad = "h1,Wool Hat,hat,gray,29000,KRW,https://shop.example/h1,,"
    path.write_text(HEADER + "\n".join([ROWS[0], bad, ROWS[5]]) + "\n", encoding="utf-8")
    with caplog.at_level(logging.INFO, logger="bot.services"):
        worker = await start_worker(catalog_path=str(path))
    messages = [r.getMessage() for r in caplog.records if r.name == "bot.services"]
    assert (
        "Catalog row skipped: shop.csv line 3: category 'hat' is not one of top, bottom,"
        " outer, dress, shoes, bag, accessory"
    ) in messages
    assert "Catalog shop.csv: 2 products loaded, 1 bad row skipped" in messages
    shopping = worker.services.shopping
    assert shopping is not None
    assert [link.title for link in await shopping.links_for(["베이지 트렌치코트"])] == [
        "Classic Beige Trench Coat"
    ]


@pytest.fixture
async def tavily() -> AsyncIterator[FakeTavily]:
    async with FakeTavily() as server:
        server.add_page(
            "베이지 트렌치코트 - 클래식 더블 버튼",
            "https://store.example/trench-beige",
            "베이지 트렌치코트 구매, 무료 배송",
        )
        server.add_page(
            "네이비 트렌치코트 세일", "https://store.example/trench-navy", "트렌치코트 구매"
        )
        server.add_page(
            "주말 베이지 코디 모음", "https://blog.example/beige", "베이지 니트 구매 후기"
        )
        yield server


async def test_tavily_links_ride_on_the_board_when_there_is_no_catalog(
    start_worker: Callable[..., Awaitable[Worker]],
    telegram: FakeTelegramServer,
    model: FakeOpenAIServer,
    updates: UpdateFactory,
    tavily: FakeTavily,
) -> None:
    worker = await start_worker(
        search_provider="tavily", tavily_api_key=tavily.api_key, tavily_base_url=tavily.base_url
    )
    model.script(WITH_MISSING)
    await worker.send(*album(telegram, updates, CHAT, "출근룩 추천해줘"), gap=0.02)
    await worker.idle()
    [request] = tavily.requests
    assert request["query"] == "베이지 트렌치코트 구매" and request["max_results"] == 5
    [board] = [m for m in telegram.messages(CHAT) if m.kind == "photo"]
    # The navy coat (colour) and the knit blog (kind) are dropped though the search found them.
    assert buttons(board.reply_markup) == [
        {
            "text": "🛍 베이지 트렌치코트 - 클래식 더블 버튼",
            "url": "https://store.example/trench-beige",
        }
    ]


async def test_a_refused_search_costs_only_the_links(
    start_worker: Callable[..., Awaitable[Worker]],
    telegram: FakeTelegramServer,
    model: FakeOpenAIServer,
    updates: UpdateFactory,
    tavily: FakeTavily,
) -> None:
    worker = await start_worker(
        search_provider="tavily", tavily_api_key="tvly-wrong", tavily_base_url=tavily.base_url
    )
    model.script(WITH_MISSING)
    await worker.send(*album(telegram, updates, CHAT, "출근룩 추천해줘"), gap=0.02)
    await worker.idle()
    assert len(tavily.requests) == 1  # answered 401
    [board] = [m for m in telegram.messages(CHAT) if m.kind == "photo"]
    assert board.text == "➕ 베이지 트렌치코트" and board.reply_markup is None


async def test_a_catalog_that_cannot_be_read_stops_the_start_with_one_line(
    telegram: FakeTelegramServer, tmp_path: Path
) -> None:
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_BASE_URL": telegram.base_url,
        "TELEGRAM_BASE_FILE_URL": telegram.base_file_url,
        "OPENAI_API_KEY": "sk-test",  # without one the start stops at the key, before the catalog
        "REDIS_DATA_DIR": str(tmp_path / "redis"),
        "CATALOG_PATH": str(tmp_path / "missing.csv"),
        "LOG_FORMAT": "text",
    }
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", env=env, cwd=tmp_path, stderr=asyncio.subprocess.PIPE
    )
    _, err = await asyncio.wait_for(process.communicate(), 30)
    assert process.returncode == 2
    assert err.decode().strip().splitlines()[-1] == (
        f"Configuration error: CATALOG_PATH {tmp_path / 'missing.csv'}: cannot be read"
        " (FileNotFoundError)"
    )
