from __future__ import annotations

import base64

from prompts.builder import TurnInput, build_messages, trim_history
from storage.chat_store import HistoryMessage, PhotoMeta, StoredPhoto


def photo(number: int, role: str = "clothing") -> StoredPhoto:
    meta = PhotoMeta(f"u{number}", number, role, 384, 512, 0.0)  # type: ignore[arg-type]
    return StoredPhoto(meta, b"\xff\xd8jpeg" + bytes([number]))


def test_photos_are_labelled_by_number_and_sent_as_stored_thumbnails() -> None:
    turn = TurnInput(
        lang="ko",
        question="출근용 데일리룩 추천해줘",
        photos=[photo(1, "full_body"), photo(2)],
        history=[],
        occasion="결혼식 하객",
        new_photo_numbers=(1, 2),
    )
    messages = build_messages(turn, detail="low", history_token_budget=1000)
    system = messages[0]["content"]
    assert "Korean" in system and "결혼식 하객" in system
    wardrobe = messages[1]["content"]
    labels = [part["text"] for part in wardrobe if part["type"] == "text"]
    assert "[1] full-body photo of the user" in labels
    assert "[2] clothing item the user owns" in labels
    images = [part["image_url"] for part in wardrobe if part["type"] == "image_url"]
    assert images[1]["detail"] == "low"
    assert base64.b64decode(images[1]["url"].split(",", 1)[1]) == photo(2).jpeg
    assert messages[-1]["content"].startswith("출근용 데일리룩 추천해줘")
    assert "[1], [2]" in messages[-1]["content"]


def test_history_follows_the_wardrobe_and_the_question_comes_last() -> None:
    history = [HistoryMessage("user", "출근룩?"), HistoryMessage("assistant", "[2] 슬랙스")]
    turn = TurnInput(lang="ko", question="비 오는 날이면?", photos=[photo(1)], history=history)
    messages = build_messages(turn, detail="low", history_token_budget=1000)
    roles = [m["role"] for m in messages]
    assert roles == ["system", "user", "assistant", "user", "assistant", "user"]
    assert messages[3]["content"] == "출근룩?"
    assert messages[-1]["content"] == "비 오는 날이면?"


def test_no_photos_no_wardrobe_message_and_english_default_question() -> None:
    turn = TurnInput(lang="en", question=None, photos=[], history=[])
    messages = build_messages(turn, detail="low", history_token_budget=1000)
    assert [m["role"] for m in messages] == ["system", "user"]
    assert "English" in messages[0]["content"]
    assert "outfit" in messages[-1]["content"].lower()


def test_old_history_falls_off_the_token_budget_oldest_first() -> None:
    history = []
    for n in range(10):
        history.append(HistoryMessage("user", f"question {n} " + "x" * 400))
        history.append(HistoryMessage("assistant", f"answer {n} " + "y" * 400))
    kept = trim_history(history, token_budget=500)
    assert kept, "the newest turn must fit"
    assert kept[-1].content.startswith("answer 9")
    assert kept[0].role == "user"
    assert not any(m.content.startswith("question 0") for m in kept)
