"""A caption-less photo (or album) and the question typed after it make one turn."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from tests.conftest import ON_BOTH_REDIS
from tests.fakes.openai_api import FakeOpenAIServer
from tests.fakes.telegram_api import FakeTelegramServer
from tests.fakes.updates import UpdateFactory
from tests.harness import Worker
from tests.scenario_kit import REPLY, album, attached_pictures, bot_texts, photo_update, rendered

CHAT = 6101
SAVED_KO = "사진을 저장했어요"
pytestmark = ON_BOTH_REDIS


async def test_a_photo_then_a_question_is_one_answer_and_no_ack(
    worker: Worker, telegram: FakeTelegramServer, model: FakeOpenAIServer, updates: UpdateFactory
) -> None:
    model.script(REPLY)
    photo = photo_update(telegram, updates, CHAT, "coat", width=1280, height=1280)
    await worker.send(photo, updates.text(CHAT, "이 코트로 출근룩 추천해줘"), gap=0.05)
    await worker.idle()
    assert bot_texts(telegram, CHAT) == [rendered(REPLY)], "no 'photos saved' message"
    assert len(model.requests) == 1
    # The photo is new to this turn: its picture goes with the question.
    assert attached_pictures(model.requests[0]) == [1]
    assert (
        "New photos in this message: [1]" in model.requests[0]["messages"][-1]["content"][0]["text"]
    )


async def test_a_question_during_an_album_waits_for_all_of_it(
    worker: Worker, telegram: FakeTelegramServer, model: FakeOpenAIServer, updates: UpdateFactory
) -> None:
    model.script(REPLY)
    parts = album(telegram, updates, CHAT, "")
    telegram.download_delay = 0.2  # the question arrives while the photos still download
    await worker.send(*parts, gap=0.02)
    await worker.send(updates.text(CHAT, "주말 코디 추천해줘"))
    await worker.idle()
    assert bot_texts(telegram, CHAT) == [rendered(REPLY)]
    [request] = model.requests
    assert attached_pictures(request) == [1, 2, 3, 4]


async def test_photos_with_no_question_are_confirmed_after_the_wait(
    worker: Worker, telegram: FakeTelegramServer, model: FakeOpenAIServer, updates: UpdateFactory
) -> None:
    await worker.send(*album(telegram, updates, CHAT, ""), gap=0.02)
    await worker.idle()
    [saved] = bot_texts(telegram, CHAT)
    assert saved.startswith(SAVED_KO) and "전신 1장, 옷 3장" in saved
    assert model.requests == [], "no answer without a question or an occasion"
    # A question later is its own turn, with the photos already stored.
    model.script(REPLY)
    await worker.send(updates.text(CHAT, "출근룩은?"))
    await worker.idle()
    assert bot_texts(telegram, CHAT)[-1] == rendered(REPLY)
    assert "New photos" not in str(model.requests[0]["messages"][-1]["content"])


async def test_with_an_occasion_set_lone_photos_are_answered_after_the_wait(
    worker: Worker, telegram: FakeTelegramServer, model: FakeOpenAIServer, updates: UpdateFactory
) -> None:
    await worker.send(updates.text(CHAT, "/tpo 결혼식 하객"))
    await worker.idle()
    model.script(REPLY)
    await worker.send(photo_update(telegram, updates, CHAT, "dress", width=1280, height=1280))
    await worker.idle()
    assert bot_texts(telegram, CHAT)[-1] == rendered(REPLY)
    assert not any(SAVED_KO in text for text in bot_texts(telegram, CHAT))
    assert attached_pictures(model.requests[0]) == [1]


async def test_the_photo_and_its_question_may_reach_different_workers(
    start_worker: Callable[..., Awaitable[Worker]],
    telegram: FakeTelegramServer,
    model: FakeOpenAIServer,
    updates: UpdateFactory,
) -> None:
    one, two = await start_worker(), await start_worker()
    model.script(REPLY)
    telegram.download_delay = 0.2
    await one.send(photo_update(telegram, updates, CHAT, "bag", width=1280, height=1280))
    await two.send(updates.text(CHAT, "이 가방 어울려?"))
    await one.idle()
    await two.idle()
    assert bot_texts(telegram, CHAT) == [rendered(REPLY)]
    assert attached_pictures(model.requests[0]) == [1]
