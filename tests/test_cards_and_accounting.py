"""Wardrobe cards, style notes, token accounting, feedback and stats, end to end."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable

from storage.keys import ChatScope, MemberScope
from tests.fakes.openai_api import FakeOpenAIServer
from tests.fakes.telegram_api import FakeTelegramServer
from tests.fakes.updates import UpdateFactory
from tests.harness import Worker
from tests.scenario_kit import REPLY, album, attached_pictures, bot_texts, images_in

CHAT = 8001
ADMIN = 4242
StartWorker = Callable[..., Awaitable[Worker]]


async def test_one_vision_call_per_album_makes_cards_used_by_later_turns(
    worker: Worker, telegram: FakeTelegramServer, model: FakeOpenAIServer, updates: UpdateFactory
) -> None:
    await worker.send(*album(telegram, updates, CHAT, "출근룩 추천해줘"), gap=0.02)
    await worker.idle()
    [analysis] = model.analysis_requests
    assert images_in(analysis) == 4
    assert analysis["response_format"]["type"] == "json_schema"
    cards = await worker.services.store.cards(MemberScope(ChatScope(CHAT)))
    assert sorted(cards) == [1, 2, 3, 4] and cards[1].kind == "full_body"

    await worker.send(updates.text(CHAT, "비 오는 날이면?"))
    await worker.idle()
    follow_up = model.requests[-1]
    assert attached_pictures(follow_up) == []
    assert "[3] bottom: item 3 bottom" in follow_up["messages"][0]["content"]

    await worker.send(updates.text(CHAT, "[3] 색이 셔츠랑 어울려?"))
    await worker.idle()
    assert attached_pictures(model.requests[-1]) == [3], "a question about looks gets the picture"


async def test_servers_without_structured_output_still_get_cards(
    worker: Worker, telegram: FakeTelegramServer, model: FakeOpenAIServer, updates: UpdateFactory
) -> None:
    model.supports_json_schema = False
    card = {"number": 1, "kind": "item", "name": "베이지 트렌치코트", "category": "outer",
            "colors": ["beige"], "pattern": "", "material": "cotton gabardine"}  # fmt: skip
    model.script_analysis(f"Here you go:\n```json\n{json.dumps({'cards': [card]})}\n```")
    await worker.send(updates.photo(CHAT, "coat-file", "coat-uniq"))
    telegram.add_file(_jpeg(), file_id="coat-file_s800", file_unique_id="coat-uniq_s800")
    await worker.idle()
    assert len(model.analysis_requests) == 2
    assert "response_format" not in model.analysis_requests[1]
    cards = await worker.services.store.cards(MemberScope(ChatScope(CHAT)))
    assert cards[1].name == "베이지 트렌치코트" and cards[1].category == "outer"


async def test_failed_analysis_leaves_the_pictures_in_later_turns(
    worker: Worker, telegram: FakeTelegramServer, model: FakeOpenAIServer, updates: UpdateFactory
) -> None:
    model.script_analysis(status=500)
    await worker.send(*album(telegram, updates, CHAT, "출근룩"), gap=0.02)
    await worker.idle()
    assert await worker.services.store.cards(MemberScope(ChatScope(CHAT))) == {}
    await worker.send(updates.text(CHAT, "비 오는 날이면?"))
    await worker.idle()
    assert attached_pictures(model.requests[-1]) == [1, 2, 3, 4]


async def test_style_notes_are_kept_shown_used_and_cleared(
    worker: Worker, telegram: FakeTelegramServer, model: FakeOpenAIServer, updates: UpdateFactory
) -> None:
    await worker.send(updates.text(CHAT, "/style 치마 X, 미니멀"))
    await worker.idle()
    await worker.send(updates.text(CHAT, "/style"))
    await worker.idle()
    assert "치마 X, 미니멀" in bot_texts(telegram, CHAT)[-1]
    await worker.send(updates.text(CHAT, "출근룩?"))
    await worker.idle()
    assert "치마 X, 미니멀" in model.requests[-1]["messages"][0]["content"]
    await worker.send(updates.text(CHAT, "/style clear"))
    await worker.send(updates.text(CHAT + 1, "/style", language_code="en"))
    await worker.idle()
    assert await worker.services.store.style(MemberScope(ChatScope(CHAT))) is None
    assert bot_texts(telegram, CHAT + 1)[-1].startswith("No style notes yet")


async def test_usage_counts_answer_and_analysis_tokens_with_configured_prices(
    start_worker: StartWorker,
    telegram: FakeTelegramServer,
    model: FakeOpenAIServer,
    updates: UpdateFactory,
) -> None:
    worker = await start_worker(model_prices={"gpt-4.1-mini": (1000.0, 2000.0)})
    model.script(
        REPLY, usage={"prompt_tokens": 1000, "completion_tokens": 200, "total_tokens": 1200}
    )
    await worker.send(*album(telegram, updates, CHAT, "출근룩", language_code="en"), gap=0.02)
    await worker.idle()
    usage = await worker.services.ledger.month_usage(MemberScope(ChatScope(CHAT)))
    analysis_prompt = usage.prompt_tokens - 1000
    assert analysis_prompt > 0, "the wardrobe analysis is billed to the chat too"
    assert usage.completion_tokens == 200 + 60
    assert usage.answers == 1
    assert abs(usage.cost_usd - (usage.prompt_tokens * 1000 + 260 * 2000) / 1e6) < 1e-6
    await worker.send(updates.text(CHAT, "/usage", language_code="en"))
    await worker.idle()
    text = bot_texts(telegram, CHAT)[-1]
    assert f"{usage.prompt_tokens:,} input tokens" in text and "1 answers" in text


async def test_feedback_buttons_store_votes_and_stats_show_them_to_admins(
    start_worker: StartWorker,
    telegram: FakeTelegramServer,
    model: FakeOpenAIServer,
    updates: UpdateFactory,
) -> None:
    worker = await start_worker(admin_user_ids=[ADMIN])
    model.script(REPLY)
    await worker.send(updates.text(CHAT, "출근룩?"))
    await worker.idle()
    answer = telegram.messages(CHAT)[-1]
    up, down = answer.reply_markup["inline_keyboard"][0]
    shown = updates.bot_message(CHAT, answer.message_id, answer.text)

    await worker.send(updates.callback_query(CHAT, up["callback_data"], message=shown))
    await worker.idle()
    assert telegram.calls_to("answerCallbackQuery")[-1].params["text"] == "의견 고마워요!"
    assert telegram.messages(CHAT)[-1].reply_markup["inline_keyboard"][0][0]["text"] == "👍 ✓"
    [stats_a, _] = await worker.services.ledger.variant_stats()
    assert (stats_a.answers, stats_a.up, stats_a.down) == (1, 1, 0)

    await worker.send(updates.callback_query(CHAT, down["callback_data"], message=shown))
    await worker.idle()
    [stats_a, _] = await worker.services.ledger.variant_stats()
    assert (stats_a.up, stats_a.down) == (0, 1), "a changed vote moves, it does not add"

    await worker.send(updates.text(CHAT, "/stats", language_code="en"))
    await worker.send(updates.text(ADMIN, "/stats", language_code="en"))
    await worker.idle()
    assert bot_texts(telegram, CHAT)[-1] == "This command is for admins."
    report = bot_texts(telegram, ADMIN)[-1]
    assert "Variant A: 1 answers, 0% 👍 of 1" in report
    assert "First text ms p50/p90/p99" in report and "Variant B: no answers" in report


async def test_variant_b_share_routes_chats_and_is_recorded(
    start_worker: StartWorker,
    telegram: FakeTelegramServer,
    model: FakeOpenAIServer,
    updates: UpdateFactory,
) -> None:
    worker = await start_worker(prompt_variant_b_share=1.0)
    await worker.send(updates.text(CHAT, "출근룩?"))
    await worker.idle()
    assert "Variant B" in model.requests[-1]["messages"][0]["content"]
    stats = {s.variant: s.answers for s in await worker.services.ledger.variant_stats()}
    assert stats == {"A": 0, "B": 1}


def _jpeg() -> bytes:
    from tests.scenario_kit import jpeg

    return jpeg(600, 800)


async def test_board_shows_cited_items_and_lists_missing_ones_as_text(
    worker: Worker, telegram: FakeTelegramServer, model: FakeOpenAIServer, updates: UpdateFactory
) -> None:
    from io import BytesIO

    from PIL import Image

    model.script("**코디**\n- [3] 하의\n- [2] 상의\n➕ 베이지 트렌치코트\n\n**대안**\n1. a\n2. b")
    await worker.send(*album(telegram, updates, CHAT, "출근룩"), gap=0.02)
    await worker.idle()
    [board] = telegram.calls_to("sendPhoto")
    assert board.params["caption"] == "➕ 베이지 트렌치코트"
    with Image.open(BytesIO(next(iter(board.params["_files"].values())))) as image:
        assert image.size == (1080, 1080)


async def test_no_board_without_cited_clothes_and_a_failed_board_loses_nothing(
    worker: Worker, telegram: FakeTelegramServer, model: FakeOpenAIServer, updates: UpdateFactory
) -> None:
    await worker.send(*album(telegram, updates, CHAT, ""), gap=0.02)
    await worker.idle()
    model.script("오늘은 편하게 입으세요.")
    await worker.send(updates.text(CHAT, "아무거나?"))
    await worker.idle()
    assert telegram.calls_to("sendPhoto") == []

    telegram.inject_error("sendPhoto", description="Bad Request: PHOTO_INVALID_DIMENSIONS")
    model.script(REPLY)
    await worker.send(updates.text(CHAT, "출근룩?"))
    await worker.idle()
    assert bot_texts(telegram, CHAT)[-1].startswith("코디 추천")
    assert len(await worker.services.store.history(MemberScope(ChatScope(CHAT)))) == 4
