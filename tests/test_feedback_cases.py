"""👎 answers kept for 30 days without photos or ids, then turned into draft eval cases;
end to end: a worker over HTTP, the fake Bot API and OpenAI servers, the embedded Redis."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.telegram.replies import HELP
from evals.cases import load_case
from evals.cli import amain
from storage import keys
from storage.connection import RedisClient
from storage.downvotes import DOWNVOTE_TTL, DownvoteLog, find_rated_turn
from storage.keys import ChatScope, MemberScope
from storage.records import HistoryMessage, WardrobeCard
from tests.conftest import ON_BOTH_REDIS
from tests.fakes.openai_api import FakeOpenAIServer
from tests.fakes.telegram_api import FakeTelegramServer
from tests.fakes.updates import UpdateFactory
from tests.harness import Worker
from tests.scenario_kit import REPLY, bot_texts, jpeg

CHAT = 80123
FOLLOW_UP = "비 오는 날이면 [4] 대신 레인부츠를 신으세요.\n[2], [3]은 그대로 두세요."
CARDS = [
    WardrobeCard(1, "full_body", "전신 사진", silhouette="long legs", color_tone="warm"),
    WardrobeCard(2, "item", "화이트 셔츠", "top", ("white",)),
    WardrobeCard(3, "item", "네이비 슬랙스", "bottom", ("navy",)),
    WardrobeCard(4, "item", "브라운 로퍼", "shoes", ("brown",)),
]

pytestmark = ON_BOTH_REDIS


async def ask_and_rate(
    worker: Worker, telegram: FakeTelegramServer, updates: UpdateFactory, question: str, vote: str
) -> str:
    """Ask, then press 👍 or 👎 under the answer; returns the answer id."""
    await worker.send(updates.text(CHAT, question))
    await worker.idle()
    # The answer, not the outfit board that may follow it.
    answer = [m for m in telegram.messages(CHAT) if m.kind == "text"][-1]
    buttons = answer.reply_markup["inline_keyboard"][0]
    data = buttons[0 if vote == "up" else 1]["callback_data"]
    shown = updates.bot_message(CHAT, answer.message_id, answer.text)
    await worker.send(updates.callback_query(CHAT, data, message=shown))
    await worker.idle()
    return str(data.split(":")[1])


async def test_a_downvoted_follow_up_is_kept_then_becomes_a_draft_case(
    worker: Worker,
    telegram: FakeTelegramServer,
    model: FakeOpenAIServer,
    updates: UpdateFactory,
    redis: RedisClient,
    redis_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    scope, store = MemberScope(ChatScope(CHAT)), worker.services.store
    for card in CARDS:
        role = "full_body" if card.kind == "full_body" else "clothing"
        await store.add_photo(scope, f"photo-{card.number}", jpeg(288, 384), role, 288, 384)
    await store.set_cards(scope, CARDS, await store.photo_metas(scope))
    await worker.send(updates.text(CHAT, "/tpo 출근"), updates.text(CHAT, "/style 미니멀"))
    await worker.idle()
    model.script(REPLY)
    model.script(FOLLOW_UP)
    await ask_and_rate(worker, telegram, updates, "출근룩 추천해줘", "up")
    answer_id = await ask_and_rate(worker, telegram, updates, "비 오는 날이면?", "down")

    # Only the 👎 is kept, under its own key, for 30 days.
    assert await redis.zrange(keys.DOWNVOTED, 0, -1) == [answer_id.encode()]
    ttl = await redis.ttl(keys.downvoted(answer_id))
    assert DOWNVOTE_TTL - 60 < ttl <= DOWNVOTE_TTL
    raw = (await redis.get(keys.downvoted(answer_id))).decode()
    record = json.loads(raw)
    assert record["question"] == "비 오는 날이면?" and record["answer"] == FOLLOW_UP
    assert record["previous"] == [["user", "출근룩 추천해줘"], ["assistant", REPLY]]
    assert record["occasion"] == "출근" and record["style"] == "미니멀"
    assert [c["name"] for c in record["cards"]] == [c.name for c in CARDS]
    assert record["variant"] == "A" and record["model"] == "gpt-4.1-mini"
    # Never an id of the chat or the user, never a photo.
    assert str(CHAT) not in raw and "photo" not in raw.replace("사진", "")
    assert all(str(CHAT) not in k.decode() for k in await redis.keys(f"{keys.STATS}:downvoted*"))

    # The draft: a valid case with the rated turn and the answer that got 👎.
    out = tmp_path / "drafts"
    monkeypatch.setenv("REDIS_URL", redis_url)
    assert await amain(["from-feedback", "--out", str(out)]) == 0
    [path] = sorted(out.glob("*.json"))
    assert f"1 draft case(s) written to {out}" in capsys.readouterr().out
    case = load_case(path)
    assert case.question == "비 오는 날이면?" and case.lang == "ko" and case.occasion == "출근"
    assert [m.role for m in case.history] == ["user", "assistant"]
    assert case.style == "미니멀" and [c.number for c in case.cards] == [1, 2, 3, 4]
    draft = json.loads(path.read_text(encoding="utf-8"))
    assert draft["feedback"]["answer"] == FOLLOW_UP and "TODO" in draft["description"]
    assert str(CHAT) not in path.read_text(encoding="utf-8")
    # A second run leaves the draft (and a person's edits to it) alone.
    assert await amain(["from-feedback", "--out", str(out)]) == 0
    assert "0 draft case(s)" in capsys.readouterr().out


async def test_a_changed_vote_takes_the_record_back_and_forgotten_turns_are_not_kept(
    worker: Worker,
    telegram: FakeTelegramServer,
    model: FakeOpenAIServer,
    updates: UpdateFactory,
    redis: RedisClient,
) -> None:
    answer_id = await ask_and_rate(worker, telegram, updates, "출근룩?", "down")
    assert await redis.exists(keys.downvoted(answer_id))
    answer = telegram.messages(CHAT)[-1]
    up = answer.reply_markup["inline_keyboard"][0][0]["callback_data"]
    shown = updates.bot_message(CHAT, answer.message_id, answer.text)
    await worker.send(updates.callback_query(CHAT, up, message=shown))
    await worker.idle()
    assert not await redis.exists(keys.downvoted(answer_id))
    assert await redis.zcard(keys.DOWNVOTED) == 0

    # After /reset the turn is gone from the chat, so a 👎 keeps nothing (the vote counts).
    await worker.send(updates.text(CHAT, "/reset"))
    await worker.idle()
    down = answer.reply_markup["inline_keyboard"][0][1]["callback_data"]
    await worker.send(updates.callback_query(CHAT, down, message=shown))
    await worker.idle()
    assert not await redis.exists(keys.downvoted(answer_id))
    [stats_a, _] = await worker.services.ledger.variant_stats()
    assert stats_a.down == 1


async def test_help_says_what_a_downvote_keeps(
    worker: Worker, telegram: FakeTelegramServer, updates: UpdateFactory
) -> None:
    assert "30일" in HELP["ko"] and "👎" in HELP["ko"]
    assert "30 days" in HELP["en"] and "never your photos" in HELP["en"]
    await worker.send(updates.text(CHAT, "/help", language_code="en"))
    await worker.idle()
    assert "rate 👎 are kept for 30 days" in bot_texts(telegram, CHAT)[-1]


def test_the_rated_turn_is_found_by_time_and_text() -> None:
    history = [
        HistoryMessage("user", "q1", at=100.0),
        HistoryMessage("assistant", "**첫 답**", at=101.0),
        HistoryMessage("user", "q2", at=200.0),
        HistoryMessage("assistant", "두 번째 답", at=201.5),
    ]
    assert find_rated_turn(history, 201, "두 번째 답") == 3
    assert find_rated_turn(history, 100, "첫 답") == 1  # Markdown aside
    assert find_rated_turn(history, 100, "다른 글") is None  # the shown text must match
    assert find_rated_turn(history, 500, None) is None  # no answer written near that time
    assert find_rated_turn(history, 200, None) == 3


async def test_expired_index_entries_are_skipped(redis: RedisClient) -> None:
    log = DownvoteLog(redis)
    await redis.zadd(keys.DOWNVOTED, {"gone": 1.0, "missing": 9e12})
    assert await log.recent() == []  # one too old, one whose record expired


async def test_from_feedback_needs_redis(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("REDIS_URL", raising=False)
    with pytest.raises(SystemExit) as exit_info:
        await amain(["from-feedback"])
    assert exit_info.value.code == 2
    assert "set REDIS_URL" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_info:
        await amain(["from-feedback", "--redis-url", "redis://127.0.0.1:1/0"])
    assert exit_info.value.code == 2
    assert "cannot read the kept" in capsys.readouterr().err
