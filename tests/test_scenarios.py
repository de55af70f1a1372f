"""End to end: webhook POSTs in, real PTB + openai clients, fake servers, real Redis."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

import pytest

from storage.keys import ChatScope, MemberScope
from tests.conftest import TOKEN
from tests.fakes.openai_api import FakeOpenAIServer
from tests.fakes.telegram_api import FakeTelegramServer
from tests.fakes.updates import DEFAULT_GROUP_USER_ID, UpdateFactory
from tests.harness import Worker
from tests.scenario_kit import (
    REPLY,
    album,
    all_text,
    attached_pictures,
    bot_texts,
    images_in,
    photo_update,
    rendered,
    wardrobe_numbers,
)

CHAT = 5001
GROUP = -100777


async def test_album_of_four_gets_exactly_one_streamed_answer(
    worker: Worker, telegram: FakeTelegramServer, model: FakeOpenAIServer, updates: UpdateFactory
) -> None:
    model.script(REPLY, chunk_size=6, interval=0.01)
    await worker.send(*album(telegram, updates, CHAT, "출근용 데일리룩 추천해줘"), gap=0.03)
    await worker.idle()

    assert len(model.requests) == 1
    request = model.requests[0]
    assert images_in(request) == 4
    assert request["stream"] is True
    assert "출근용 데일리룩 추천해줘" in all_text(request)
    assert "Korean" in request["messages"][0]["content"]

    sent = telegram.calls_to("sendMessage")
    assert len(sent) == 1, "one answer message, edited in place"
    assert len(telegram.calls_to("editMessageText")) >= 1
    assert bot_texts(telegram, CHAT) == [rendered(REPLY)]
    final = telegram.messages(CHAT)[0]
    assert any(entity["type"] == "bold" for entity in final.entities)
    assert telegram.calls_to("sendChatAction")[0].params["action"] == "typing"
    # The outfit board: one picture of the cited items beside the full-body photo.
    [board] = telegram.calls_to("sendPhoto")
    assert board.params["chat_id"] == CHAT and board.params["_files"]
    # The model gets the small stored thumbnails, never the originals.
    downloads = [c.params["file_path"] for c in telegram.calls_to("downloadFile")]
    assert len(downloads) == 4
    # The smallest Telegram size that still covers 512 px, not the 1280-px original.
    assert all(c.params["file_id"].endswith("_s800") for c in telegram.calls_to("getFile"))
    photos = await worker.services.store.photos(MemberScope(ChatScope(CHAT)))
    assert [p.meta.role for p in photos] == ["full_body", "clothing", "clothing", "clothing"]
    assert max(photos[0].meta.width, photos[0].meta.height) == 512
    assert all(max(p.meta.width, p.meta.height) == 384 for p in photos[1:])


async def test_follow_ups_use_stored_photos_and_history_across_a_restart(
    worker: Worker, telegram: FakeTelegramServer, model: FakeOpenAIServer, updates: UpdateFactory
) -> None:
    await worker.send(*album(telegram, updates, CHAT, "출근용 데일리룩 추천해줘"), gap=0.02)
    await worker.idle()
    model.script("비 오는 날엔 [3] 슬랙스 대신 어두운 데님이 좋아요.")
    await worker.send(updates.text(CHAT, "비 오는 날이면?"))
    await worker.idle()

    await worker.restart()
    await worker.send(updates.text(CHAT, "신발만 바꾸면?"))
    await worker.idle()

    assert len(model.requests) == 3
    last = model.requests[2]
    assert wardrobe_numbers(last) == {1, 2, 3, 4}, "no re-upload needed, even after a restart"
    assert attached_pictures(last) == [], "follow-ups use the wardrobe cards, not the pictures"
    assert "item 3 bottom" in last["messages"][0]["content"]
    text = all_text(last)
    assert "출근용 데일리룩 추천해줘" in text and "비 오는 날이면?" in text
    assert "어두운 데님" in text, "the previous answer is in the history"
    assert last["messages"][-1]["content"] == "신발만 바꾸면?"
    assert len(telegram.calls_to("downloadFile")) == 4


async def test_occasion_from_tpo_goes_into_later_requests(
    worker: Worker, telegram: FakeTelegramServer, model: FakeOpenAIServer, updates: UpdateFactory
) -> None:
    await worker.send(updates.text(CHAT, "/tpo 결혼식 하객"))
    await worker.idle()
    assert "결혼식 하객" in bot_texts(telegram, CHAT)[-1]
    await worker.send(updates.text(CHAT, "뭐 입을까?"))
    await worker.idle()
    assert "결혼식 하객" in model.requests[0]["messages"][0]["content"]


async def test_bare_tpo_offers_buttons_and_a_press_stores_the_occasion(
    worker: Worker, telegram: FakeTelegramServer, model: FakeOpenAIServer, updates: UpdateFactory
) -> None:
    await worker.send(updates.text(CHAT, "/tpo"))
    await worker.idle()
    offer = telegram.messages(CHAT)[-1]
    buttons = [b for row in offer.reply_markup["inline_keyboard"] for b in row]
    wedding = next(b for b in buttons if b["callback_data"] == "tpo:wedding")
    assert wedding["text"] == "결혼식 하객"

    bot_message = updates.bot_message(CHAT, offer.message_id, offer.text)
    await worker.send(updates.callback_query(CHAT, "tpo:wedding", message=bot_message))
    await worker.idle()
    assert telegram.calls_to("answerCallbackQuery")
    assert await worker.services.store.occasion(ChatScope(CHAT)) == "결혼식 하객"


async def test_group_answers_only_when_addressed(
    worker: Worker, telegram: FakeTelegramServer, model: FakeOpenAIServer, updates: UpdateFactory
) -> None:
    await worker.send(updates.text(GROUP, "오늘 뭐 입지?"))
    await worker.send(photo_update(telegram, updates, GROUP, "stray"))
    await worker.idle()
    assert model.requests == []
    assert telegram.messages(GROUP) == []
    sender = MemberScope(ChatScope(GROUP), DEFAULT_GROUP_USER_ID)
    assert await worker.services.store.photos(sender) == []

    await worker.send(updates.text(GROUP, f"@{telegram.bot_username} 오늘 뭐 입지?"))
    await worker.idle()
    assert len(model.requests) == 1
    assert model.requests[0]["messages"][-1]["content"] == "오늘 뭐 입지?"
    answer = telegram.messages(GROUP)[-1]

    reply = updates.bot_message(GROUP, answer.message_id, answer.text)
    await worker.send(updates.text(GROUP, "신발은?", reply_to=reply))
    await worker.idle()
    assert len(model.requests) == 2

    await worker.send(updates.text(GROUP, f"/tpo@{telegram.bot_username} 면접"))
    await worker.send(updates.text(GROUP, "/tpo@some_other_bot 파티"))
    await worker.idle()
    assert await worker.services.store.occasion(ChatScope(GROUP)) == "면접"


async def test_forum_topics_keep_separate_state(
    worker: Worker, telegram: FakeTelegramServer, updates: UpdateFactory
) -> None:
    await worker.send(updates.text(GROUP, f"/tpo@{telegram.bot_username} 여행", thread_id=11))
    await worker.idle()
    store = worker.services.store
    assert await store.occasion(ChatScope(GROUP, 11)) == "여행"
    assert await store.occasion(ChatScope(GROUP)) is None
    assert telegram.calls_to("sendMessage")[-1].params["message_thread_id"] == 11


async def test_reset_forgets_photos_history_and_occasion(
    worker: Worker, telegram: FakeTelegramServer, model: FakeOpenAIServer, updates: UpdateFactory
) -> None:
    await worker.send(updates.text(CHAT, "/tpo 데이트"))
    await worker.send(*album(telegram, updates, CHAT, "추천해줘"), gap=0.02)
    await worker.idle()
    await worker.send(updates.text(CHAT, "/reset"))
    await worker.idle()
    assert "4" in bot_texts(telegram, CHAT)[-1]
    await worker.send(updates.text(CHAT, "뭐 입을까?"))
    await worker.idle()
    last = model.requests[-1]
    assert images_in(last) == 0
    assert "데이트" not in all_text(last) and "추천해줘" not in all_text(last)


async def test_same_photo_sent_twice_is_stored_and_downloaded_once(
    worker: Worker, telegram: FakeTelegramServer, model: FakeOpenAIServer, updates: UpdateFactory
) -> None:
    first = photo_update(telegram, updates, CHAT, "shirt", width=1280, height=1280)
    await worker.send(first)
    await worker.idle()
    again = updates.photo(CHAT, "shirt-file", "shirt-uniq", width=1280, height=1280)
    await worker.send(again)
    await worker.idle()
    assert len(await worker.services.store.photos(MemberScope(ChatScope(CHAT)))) == 1
    assert len(telegram.calls_to("downloadFile")) == 1
    assert model.requests == [], "no caption and no occasion: acknowledged, not answered"
    assert "저장" in bot_texts(telegram, CHAT)[0]


async def test_single_photo_with_caption_and_image_document_work(
    worker: Worker, telegram: FakeTelegramServer, model: FakeOpenAIServer, updates: UpdateFactory
) -> None:
    from tests.scenario_kit import jpeg

    await worker.send(
        photo_update(telegram, updates, CHAT, "me", width=900, height=1600, caption="전신 사진이야")
    )
    await worker.idle()
    assert len(model.requests) == 1
    file_id, unique_id = telegram.add_file(jpeg(1000, 1000))
    await worker.send(updates.document(CHAT, file_id, unique_id, caption="what about this jacket?"))
    await worker.idle()
    assert len(model.requests) == 2
    assert wardrobe_numbers(model.requests[1]) == {1, 2}
    assert attached_pictures(model.requests[1]) == [2], "the new photo is shown on its turn"
    assert "English" in model.requests[1]["messages"][0]["content"]
    roles = [p.meta.role for p in await worker.services.store.photos(MemberScope(ChatScope(CHAT)))]
    assert roles == ["full_body", "clothing"]


async def test_webhook_with_a_wrong_secret_is_refused_and_not_processed(
    worker: Worker, telegram: FakeTelegramServer, model: FakeOpenAIServer, updates: UpdateFactory
) -> None:
    telegram.clear_calls()
    assert await worker.post(updates.text(CHAT, "hello"), secret="wrong") == 403
    assert await worker.post(updates.text(CHAT, "hello"), secret=None) == 403
    await worker.idle()
    assert telegram.calls == [] and model.requests == []


async def test_command_menu_is_registered_in_korean_and_english(
    worker: Worker, telegram: FakeTelegramServer
) -> None:
    calls = telegram.calls_to("setMyCommands")
    by_language = {call.params.get("language_code"): call.params["commands"] for call in calls}
    assert set(by_language) == {None, "ko"}
    assert {c["command"] for c in by_language["ko"]} >= {"start", "help", "tpo", "reset"}
    assert any("상황" in c["description"] for c in by_language["ko"])


async def test_help_answers_in_the_users_language(
    worker: Worker, telegram: FakeTelegramServer, updates: UpdateFactory
) -> None:
    await worker.send(updates.text(CHAT, "/start", language_code="ko"))
    await worker.send(updates.text(CHAT + 1, "/help", language_code="en"))
    await worker.idle()
    assert "전신 사진" in bot_texts(telegram, CHAT)[0]
    assert "full-body photo" in bot_texts(telegram, CHAT + 1)[0]


async def test_model_error_gives_a_friendly_message_and_keeps_everything(
    start_worker: Callable[..., Awaitable[Worker]],
    telegram: FakeTelegramServer,
    model: FakeOpenAIServer,
    updates: UpdateFactory,
) -> None:
    worker = await start_worker()
    await worker.send(*album(telegram, updates, CHAT, "추천해줘"), gap=0.02)
    await worker.idle()
    model.script("", status=500)
    await worker.send(updates.text(CHAT, "비 오는 날이면?"))
    await worker.idle()
    message = bot_texts(telegram, CHAT)[-1]
    assert "잠시 후" in message and "500" not in message
    store = worker.services.store
    assert len(await store.photos(MemberScope(ChatScope(CHAT)))) == 4
    assert [m.role for m in await store.history(MemberScope(ChatScope(CHAT)))] == [
        "user",
        "assistant",
    ]


async def test_a_reply_longer_than_one_message_continues_in_a_new_one(
    worker: Worker, telegram: FakeTelegramServer, model: FakeOpenAIServer, updates: UpdateFactory
) -> None:
    paragraphs = [f"**{n}번째 코디** " + "네이비 슬랙스와 화이트 셔츠. " * 12 for n in range(40)]
    reply = "\n\n".join(paragraphs)
    model.script(reply, chunk_size=400)
    await worker.send(updates.text(CHAT, "코디 40개 알려줘"))
    await worker.idle()
    texts = bot_texts(telegram, CHAT)
    assert len(texts) >= 3
    assert all(len(t.encode("utf-16-le")) // 2 <= 4096 for t in texts)
    joined = "\n\n".join(texts)
    assert joined == rendered(reply)


async def test_an_empty_model_answer_gets_a_friendly_message(
    worker: Worker, telegram: FakeTelegramServer, model: FakeOpenAIServer, updates: UpdateFactory
) -> None:
    model.script("")
    await worker.send(updates.text(CHAT, "what should I wear?", language_code="en"))
    await worker.idle()
    assert bot_texts(telegram, CHAT) == ["I can't answer right now. Please try again in a moment."]
    assert await worker.services.store.history(MemberScope(ChatScope(CHAT))) == []


async def test_logs_hold_no_token_file_ids_or_photo_bytes(
    worker: Worker,
    telegram: FakeTelegramServer,
    updates: UpdateFactory,
    caplog: pytest.LogCaptureFixture,
) -> None:
    from bot.logs import configure_logging

    configure_logging("DEBUG")
    caplog.set_level(logging.DEBUG)
    telegram.inject_error("getFile", error_code=400, description="Bad Request: wrong file_id")
    await worker.send(*album(telegram, updates, CHAT, "출근룩"), gap=0.02)
    await worker.idle()
    text = caplog.text
    assert "downloadFile" not in text
    for secret in (TOKEN, TOKEN.split(":")[1], "-file", "photos/file_"):
        assert secret not in text
    assert "Photo download failed" in text
