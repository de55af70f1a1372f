"""Streaming against the fake Bot API: 429s, rejected formatting, long answers, drafts, /stop."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable

import pytest

from bot.conversation.stylist import CUT_OFF_MARK, STOPPED_MARK
from storage.keys import ChatScope, MemberScope
from tests.fakes.openai_api import FakeOpenAIServer
from tests.fakes.telegram_api import FakeTelegramServer
from tests.fakes.updates import UpdateFactory
from tests.harness import Worker
from tests.scenario_kit import REPLY, bot_texts, rendered

CHAT = 6001
GROUP = -100600

StartWorker = Callable[..., Awaitable[Worker]]


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


async def test_retry_after_pauses_edits_and_the_answer_still_completes(
    worker: Worker, telegram: FakeTelegramServer, model: FakeOpenAIServer, updates: UpdateFactory
) -> None:
    telegram.inject_error("editMessageText", error_code=429, retry_after=1)
    model.script(REPLY, chunk_size=3, interval=0.01)
    await worker.send(updates.text(CHAT, "추천해줘"))
    await worker.idle()
    assert bot_texts(telegram, CHAT) == [rendered(REPLY)]
    edits = telegram.calls_to("editMessageText")
    rejected = next(call for call in edits if not call.ok)
    later = [call.at for call in edits if call.at > rejected.at]
    assert later and min(later) - rejected.at >= 1.0, "no edit during the 429 pause"


@pytest.mark.parametrize(
    ("methods", "description"),
    [
        # Rejected formatting: the message goes out as plain text, never silence.
        (("sendMessage", "editMessageText"), "Bad Request: can't parse entities: bad tag"),
        # Unchanged content (Telegram says so only when nothing changed): the stream goes on.
        (("editMessageText",), "Bad Request: message is not modified"),
    ],
)
async def test_telegram_bad_requests_never_lose_the_answer(
    worker: Worker,
    telegram: FakeTelegramServer,
    model: FakeOpenAIServer,
    updates: UpdateFactory,
    methods: tuple[str, ...],
    description: str,
) -> None:
    for method in methods:
        telegram.inject_error(method, description=description)
    model.script(REPLY, chunk_size=4, interval=0.01)
    await worker.send(updates.text(CHAT, "추천해줘"))
    await worker.idle()
    assert bot_texts(telegram, CHAT) == [rendered(REPLY)]


async def test_reply_over_10000_characters_continues_across_messages(
    worker: Worker, telegram: FakeTelegramServer, model: FakeOpenAIServer, updates: UpdateFactory
) -> None:
    paragraphs = [
        f"**{n}. 코디** 👗 " + "화이트 셔츠에 네이비 슬랙스, 브라운 로퍼로 마무리해요. " * 6
        for n in range(55)
    ]
    reply = "\n\n".join(paragraphs)
    assert len(reply) > 10_000
    model.script(reply, chunk_size=60)
    await worker.send(updates.text(CHAT, "코디 잔뜩 알려줘"))
    await worker.idle()
    messages = telegram.messages(CHAT)
    assert len(messages) >= 3
    assert all(len(m.text.encode("utf-16-le")) // 2 <= 4096 for m in messages)
    assert squeeze("".join(m.text for m in messages)) == squeeze(rendered(reply))
    assert all(m.reply_markup is None for m in messages[:-1]), "no ⏹ left on finished messages"
    buttons = messages[-1].reply_markup["inline_keyboard"][0]
    assert [b["text"] for b in buttons] == ["👍", "👎"], "feedback on the last message only"
    assert telegram.limit_violations(min_interval_private=0.05) == []


async def test_broken_model_stream_keeps_the_partial_answer_marked_as_cut_off(
    worker: Worker, telegram: FakeTelegramServer, model: FakeOpenAIServer, updates: UpdateFactory
) -> None:
    model.script(REPLY, chunk_size=5, break_after=60)
    await worker.send(updates.text(CHAT, "추천해줘"))
    await worker.idle()
    [shown] = bot_texts(telegram, CHAT)
    assert squeeze(rendered(REPLY[:60])) in squeeze(shown)
    assert "끊겼어요" in shown
    history = await worker.services.store.history(MemberScope(ChatScope(CHAT)))
    assert history[-1].content.startswith(CUT_OFF_MARK)


async def test_stalled_model_stream_times_out_with_a_note(
    start_worker: StartWorker,
    telegram: FakeTelegramServer,
    model: FakeOpenAIServer,
    updates: UpdateFactory,
) -> None:
    worker = await start_worker(openai_timeout=0.5)
    model.script(REPLY, chunk_size=5, hang_after=40)
    await worker.send(updates.text(CHAT, "what should I wear?", language_code="en"))
    await worker.idle()
    [shown] = bot_texts(telegram, CHAT)
    assert shown.endswith("The answer was cut off. Send the question again to retry.")


async def test_model_error_before_the_first_token_is_a_short_message(
    worker: Worker, telegram: FakeTelegramServer, model: FakeOpenAIServer, updates: UpdateFactory
) -> None:
    model.script("", status=429)
    await worker.send(updates.text(CHAT, "what now?", language_code="en"))
    await worker.idle()
    assert bot_texts(telegram, CHAT) == ["I'm a bit busy right now. Please ask again in a moment."]


async def slow_answer_started(
    worker: Worker, telegram: FakeTelegramServer, model: FakeOpenAIServer, updates: UpdateFactory
) -> None:
    model.script(REPLY * 3, chunk_size=4, interval=0.02)
    await worker.send(updates.text(CHAT, "추천해줘"))
    await telegram.wait_for(lambda s: bool(s.messages(CHAT)) and s.messages(CHAT)[0].edits >= 1)


async def test_stop_command_ends_the_answer_and_keeps_the_partial_text(
    worker: Worker, telegram: FakeTelegramServer, model: FakeOpenAIServer, updates: UpdateFactory
) -> None:
    await slow_answer_started(worker, telegram, model, updates)
    assert telegram.messages(CHAT)[0].reply_markup is not None, "⏹ while streaming"
    await worker.send(updates.text(CHAT, "/stop"))
    await worker.idle()
    [answer] = telegram.messages(CHAT)
    assert answer.text.endswith("⏹ 답변을 멈췄어요.")
    assert answer.reply_markup is None
    assert len(answer.text) < len(rendered(REPLY * 3))
    history = await worker.services.store.history(MemberScope(ChatScope(CHAT)))
    assert history[-1].content.startswith(STOPPED_MARK)


async def test_stop_button_ends_the_answer(
    worker: Worker, telegram: FakeTelegramServer, model: FakeOpenAIServer, updates: UpdateFactory
) -> None:
    await slow_answer_started(worker, telegram, model, updates)
    shown = telegram.messages(CHAT)[0]
    button = shown.reply_markup["inline_keyboard"][0][0]
    press = updates.callback_query(
        CHAT,
        button["callback_data"],
        message=updates.bot_message(CHAT, shown.message_id, shown.text),
    )
    await worker.send(press)
    await worker.idle()
    assert telegram.messages(CHAT)[0].text.endswith("⏹ 답변을 멈췄어요.")
    assert telegram.calls_to("answerCallbackQuery")[0].params.get("text") == "멈췄어요"


async def test_stop_with_nothing_running_says_so(
    worker: Worker, telegram: FakeTelegramServer, updates: UpdateFactory
) -> None:
    await worker.send(updates.text(CHAT, "/stop", language_code="en"))
    await worker.idle()
    assert bot_texts(telegram, CHAT) == ["Nothing is being answered right now."]


async def test_draft_mode_streams_drafts_then_persists_the_answer(
    start_worker: StartWorker,
    telegram: FakeTelegramServer,
    model: FakeOpenAIServer,
    updates: UpdateFactory,
) -> None:
    worker = await start_worker(stream_mode="draft")
    model.script(REPLY, chunk_size=4, interval=0.01)
    await worker.send(updates.text(CHAT, "추천해줘"))
    await worker.idle()
    drafts = telegram.calls_to("sendMessageDraft")
    assert len(drafts) >= 2
    assert len({call.params["draft_id"] for call in drafts}) == 1
    assert telegram.calls_to("editMessageText") == []
    assert bot_texts(telegram, CHAT) == [rendered(REPLY)]


async def test_draft_failure_falls_back_to_editing(
    start_worker: StartWorker,
    telegram: FakeTelegramServer,
    model: FakeOpenAIServer,
    updates: UpdateFactory,
) -> None:
    worker = await start_worker(stream_mode="draft")
    telegram.inject_error("sendMessageDraft", description="Bad Request: TEXTDRAFT_PEER_INVALID")
    model.script(REPLY, chunk_size=4, interval=0.01)
    await worker.send(updates.text(CHAT, "추천해줘"))
    await worker.idle()
    assert len(telegram.calls_to("sendMessageDraft")) == 1
    assert telegram.calls_to("editMessageText")
    assert bot_texts(telegram, CHAT) == [rendered(REPLY)]


async def test_groups_always_edit_in_place_and_reply_to_the_question(
    start_worker: StartWorker,
    telegram: FakeTelegramServer,
    model: FakeOpenAIServer,
    updates: UpdateFactory,
) -> None:
    worker = await start_worker(stream_mode="draft")
    model.script(REPLY, chunk_size=4, interval=0.01)
    question = updates.text(GROUP, f"@{telegram.bot_username} 추천해줘")
    await worker.send(question)
    await worker.idle()
    assert telegram.calls_to("sendMessageDraft") == []
    [first] = telegram.calls_to("sendMessage")
    assert first.params["reply_parameters"]["message_id"] == question["message"]["message_id"]
    assert bot_texts(telegram, GROUP) == [rendered(REPLY)]
    assert telegram.limit_violations(per_minute_group=20) == []


async def test_a_paused_chat_does_not_slow_another_chat(
    worker: Worker, telegram: FakeTelegramServer, model: FakeOpenAIServer, updates: UpdateFactory
) -> None:
    other = CHAT + 1
    model.script(REPLY, chunk_size=3, interval=0.01)
    model.script(REPLY, chunk_size=3, interval=0.01)
    await worker.send(updates.text(CHAT, "추천해줘"))
    await telegram.wait_for_call("sendMessage")
    # The first chat's next edit is told to wait 2 s; the second chat must not wait with it.
    telegram.inject_error("editMessageText", error_code=429, retry_after=2)
    await telegram.wait_for(lambda s: any(not c.ok for c in s.calls_to("editMessageText")))
    await worker.send(updates.text(other, "추천해줘"))
    await worker.idle()
    assert bot_texts(telegram, CHAT) == bot_texts(telegram, other) == [rendered(REPLY)]

    def finished_at(chat: int) -> float:
        return max(c.at for c in telegram.calls if c.params.get("chat_id") == chat)

    assert finished_at(other) < finished_at(CHAT)


async def test_a_failing_model_falls_back_to_the_configured_one(
    start_worker: StartWorker,
    telegram: FakeTelegramServer,
    model: FakeOpenAIServer,
    updates: UpdateFactory,
) -> None:
    worker = await start_worker(openai_fallback_model="gpt-4o-mini")
    model.script("", status=503)
    model.script(REPLY)
    await worker.send(updates.text(CHAT, "추천해줘"))
    await worker.idle()
    assert [r["model"] for r in model.requests] == ["gpt-4.1-mini", "gpt-4o-mini"]
    assert bot_texts(telegram, CHAT) == [rendered(REPLY)]
    [stats] = [s for s in await worker.services.ledger.variant_stats() if s.answers]
    assert stats.answers == 1


async def test_model_retries_with_backoff_before_giving_up(
    start_worker: StartWorker,
    telegram: FakeTelegramServer,
    model: FakeOpenAIServer,
    updates: UpdateFactory,
) -> None:
    worker = await start_worker(openai_max_retries=2)
    model.script("", status=429)
    model.script("", status=500)
    model.script(REPLY)
    await worker.send(updates.text(CHAT, "추천해줘"))
    await worker.idle(timeout=20)
    assert len(model.requests) == 3, "two retries, then the answer"
    assert bot_texts(telegram, CHAT) == [rendered(REPLY)]


async def test_partial_updates_never_show_markdown_markers(
    worker: Worker, telegram: FakeTelegramServer, model: FakeOpenAIServer, updates: UpdateFactory
) -> None:
    # "**" arrives first and the bold span closes only later: the first message must
    # not be literal asterisks, and each partial update shows the span already bold.
    reply = "**네이비 블레이저**에 흰 셔츠, `로퍼` 추천해요."
    model.script(reply, chunk_size=2, interval=0.02)
    await worker.send(updates.text(CHAT, "추천해줘"))
    await worker.idle()
    sends = [c for c in telegram.calls if c.method in ("sendMessage", "editMessageText")]
    assert sends[0].method == "sendMessage"
    assert all("*" not in c.params["text"] and "`" not in c.params["text"] for c in sends)
    first = sends[0].params
    assert first["text"].strip() and first["entities"][0]["type"] == "bold"
    assert bot_texts(telegram, CHAT) == [rendered(reply)]


async def test_an_answer_that_arrives_whole_records_its_first_text_time(
    worker: Worker, telegram: FakeTelegramServer, model: FakeOpenAIServer, updates: UpdateFactory
) -> None:
    # Too short for a first phrase and over in one chunk: nothing is shown before the
    # final message, which is then the first text the user sees.
    model.script("좋아요!", chunk_size=100)
    await worker.send(updates.text(CHAT, "이거 괜찮아?"))
    await worker.idle()
    assert bot_texts(telegram, CHAT) == ["좋아요!"]
    assert await worker.services.ledger.latencies("first_text")
    # The buttons on the final message name the answer that was recorded.
    [up, _] = telegram.messages(CHAT)[-1].reply_markup["inline_keyboard"][0]
    answer_id = up["callback_data"].split(":")[1]
    assert await worker.services.ledger.answer_facts(answer_id) is not None
