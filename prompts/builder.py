"""Builds the Chat Completions messages for one turn. No Telegram, no Redis."""

from __future__ import annotations

import base64
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from bot.language import Lang
from prompts.image_tokens import text_tokens_estimate
from prompts.texts import DEFAULT_QUESTION, LANGUAGE_NAMES, ROLE_LABELS
from storage.chat_store import HistoryMessage, StoredPhoto

Message = dict[str, Any]


@dataclass(frozen=True)
class TurnInput:
    lang: Lang
    question: str | None
    photos: Sequence[StoredPhoto]
    history: Sequence[HistoryMessage]
    occasion: str | None = None
    new_photo_numbers: Sequence[int] = ()


@cache
def system_template() -> str:
    return resources.files("prompts").joinpath("system.md").read_text(encoding="utf-8")


def system_prompt(lang: Lang, occasion: str | None) -> str:
    text = system_template().replace("{language}", LANGUAGE_NAMES[lang])
    if occasion:
        text += f"\nThe occasion (TPO) the user set for this chat: {occasion}. Use it unless the question names another."
    return text


def wardrobe_message(photos: Sequence[StoredPhoto], detail: str) -> Message | None:
    """One user message with every stored photo, labelled by its number.

    It comes right after the system prompt and changes only when photos change,
    so providers with prefix caching bill it at the cached rate on follow-ups.
    """
    if not photos:
        return None
    parts: list[dict[str, Any]] = [{"type": "text", "text": "My wardrobe photos:"}]
    for photo in photos:
        label = ROLE_LABELS.get(photo.meta.role, photo.meta.role)
        parts.append({"type": "text", "text": f"[{photo.meta.number}] {label}"})
        data_url = "data:image/jpeg;base64," + base64.b64encode(photo.jpeg).decode("ascii")
        parts.append({"type": "image_url", "image_url": {"url": data_url, "detail": detail}})
    return {"role": "user", "content": parts}


def trim_history(history: Sequence[HistoryMessage], token_budget: int) -> list[HistoryMessage]:
    """Keep the newest messages that fit the budget; a reply never loses its question."""
    kept: list[HistoryMessage] = []
    used = 0
    for message in reversed(history):
        cost = text_tokens_estimate(message.content) + 4
        if used + cost > token_budget:
            break
        kept.append(message)
        used += cost
    kept.reverse()
    while kept and kept[0].role == "assistant":
        kept.pop(0)
    return kept


def question_text(turn: TurnInput) -> str:
    question = (turn.question or "").strip() or DEFAULT_QUESTION[turn.lang]
    if turn.new_photo_numbers:
        numbers = ", ".join(f"[{n}]" for n in turn.new_photo_numbers)
        question += f"\n(New photos in this message: {numbers})"
    return question


def build_messages(turn: TurnInput, *, detail: str, history_token_budget: int) -> list[Message]:
    messages: list[Message] = [
        {"role": "system", "content": system_prompt(turn.lang, turn.occasion)}
    ]
    wardrobe = wardrobe_message(turn.photos, detail)
    if wardrobe is not None:
        messages.append(wardrobe)
        messages.append({"role": "assistant", "content": "Got it."})
    for past in trim_history(turn.history, history_token_budget):
        messages.append({"role": past.role, "content": past.content})
    messages.append({"role": "user", "content": question_text(turn)})
    return messages
