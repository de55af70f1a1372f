"""Downloads stop at the cap, whatever Telegram says (or does not say) about a file's size."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from telegram import Bot

from bot.wardrobe.download import TELEGRAM_DOWNLOAD_LIMIT, DownloadFailed, FileDownloads, TooLarge
from storage.keys import ChatScope
from tests.conftest import TOKEN
from tests.fakes.openai_api import FakeOpenAIServer
from tests.fakes.telegram_api import FakeTelegramServer
from tests.fakes.updates import UpdateFactory
from tests.harness import Worker
from tests.scenario_kit import bot_texts, jpeg

CHAT = 7101
MB = 1024 * 1024
# What the kernel's socket buffers on both ends may hold beyond what the client read.
BUFFERED = 16 * MB


@pytest.fixture
async def bot(telegram: FakeTelegramServer) -> AsyncIterator[Bot]:
    async with Bot(
        TOKEN, base_url=telegram.base_url, base_file_url=telegram.base_file_url
    ) as client:
        yield client


@pytest.fixture
async def downloads() -> AsyncIterator[FileDownloads]:
    client = FileDownloads()
    yield client
    await client.close()


def local_bot_api(telegram: FakeTelegramServer) -> None:
    """A local Bot API server hands bots files up to 2 GB."""
    telegram.max_get_file_size = 2000 * MB


async def test_a_file_of_unstated_size_past_the_cap_is_dropped_while_it_streams(
    worker: Worker, telegram: FakeTelegramServer, model: FakeOpenAIServer, updates: UpdateFactory
) -> None:
    local_bot_api(telegram)
    size = 1024 * MB  # a gigabyte, streamed without a Content-Length
    file_id, unique_id = telegram.add_file(
        jpeg(64, 64), report_size=False, body_bytes=size, chunked=True
    )
    document = updates.document(
        CHAT, file_id, unique_id, file_size=None, file_name="huge.jpg", caption="이건 어때?"
    )
    assert "file_size" not in document["message"]["document"]
    await worker.send(document)
    await worker.idle()
    assert bot_texts(telegram, CHAT) == ["파일이 너무 커요 (최대 20MB). 사진으로 보내 주세요."]
    [(path, sent)] = telegram.download_sent.items()
    assert path not in telegram.downloads_finished, "the download was not read to the end"
    assert sent < TELEGRAM_DOWNLOAD_LIMIT + BUFFERED, f"{sent / MB:.0f} MB went out"
    assert await worker.services.store.photo_metas(ChatScope(CHAT)) == []
    assert model.requests == [], "no model call for a refused file"


async def test_a_stated_content_length_past_the_cap_is_refused_unread(
    bot: Bot, downloads: FileDownloads, telegram: FakeTelegramServer
) -> None:
    local_bot_api(telegram)
    file_id, _ = telegram.add_file(jpeg(64, 64), report_size=False, body_bytes=200 * MB)
    with pytest.raises(TooLarge):
        await downloads.fetch(bot, file_id)
    [sent] = telegram.download_sent.values()
    assert sent < TELEGRAM_DOWNLOAD_LIMIT, "the body was not read"


async def test_a_size_stated_by_get_file_is_refused_before_downloading(
    bot: Bot, downloads: FileDownloads, telegram: FakeTelegramServer
) -> None:
    local_bot_api(telegram)
    stated, _ = telegram.add_file(jpeg(64, 64), body_bytes=30 * MB)
    with pytest.raises(TooLarge):
        await downloads.fetch(bot, stated)
    telegram.max_get_file_size = 20 * MB  # Telegram's own servers: "file is too big"
    with pytest.raises(TooLarge):
        await downloads.fetch(bot, stated)
    assert telegram.calls_to("downloadFile") == []


async def test_a_file_under_the_cap_arrives_whole_and_a_failure_names_no_url(
    bot: Bot, downloads: FileDownloads, telegram: FakeTelegramServer
) -> None:
    content = jpeg(640, 480)
    file_id, _ = telegram.add_file(content, file_path="photos/파일 1.jpg")
    assert await downloads.fetch(bot, file_id) == content
    telegram.inject_error("downloadFile", error_code=404, description="Not Found")
    with pytest.raises(DownloadFailed) as failed:
        await downloads.fetch(bot, file_id)
    assert str(failed.value) == "HTTP 404"
    assert TOKEN.split(":")[1] not in repr(failed.value)
