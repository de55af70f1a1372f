"""Builds the Chat Completions messages for one turn. No Telegram, no Redis.

The wardrobe reaches the model as cards (text) in the system prompt, which
stays the same from turn to turn, so providers with prefix caching bill it at
the cached rate. Pictures are attached to the current question only where
they add something: photos without a card, photos arriving this turn, and
photos a question about looks is about. A request over the token budget loses
its oldest history first, then the pictures the cards already describe.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from bot.language import Lang
from prompts.cards import WardrobeCard
from prompts.citations import cited_numbers
from prompts.request_tokens import request_tokens
from prompts.text_tokens import count_text_tokens
from prompts.texts import DEFAULT_QUESTION, LANGUAGE_NAMES, ROLE_LABELS
from storage.chat_store import HistoryMessage, StoredPhoto

Message = dict[str, Any]
VARIANT_FILES = {"A": "system.md", "B": "system.b.md"}
# A question about how something looks needs the picture, not only its card.
_VISUAL = re.compile(
    r"색|컬러|무늬|패턴|디테일|사진\s?(속|에서|보고|봐)|보여|봐\s?줘|핏이|소재|질감|"
    r"colou?r|pattern|detail|\bphotos?\b|picture|look at|\bsee\b|texture|fabric|\bfit\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class TurnInput:
    lang: Lang
    question: str | None
    photos: Sequence[StoredPhoto]
    history: Sequence[HistoryMessage]
    occasion: str | None = None
    new_photo_numbers: Sequence[int] = ()
    cards: Mapping[int, WardrobeCard] = field(default_factory=dict)
    style: str | None = None
    variant: str = "A"


@dataclass(frozen=True)
class PromptLimits:
    model: str
    detail: str = "low"
    history_token_budget: int = 3000
    max_prompt_tokens: int = 12000


@dataclass(frozen=True)
class BuiltPrompt:
    messages: list[Message]
    estimated_tokens: int
    images: tuple[int, ...]
    dropped_messages: int = 0


@cache
def system_template(variant: str = "A") -> str:
    if variant not in VARIANT_FILES:
        raise ValueError(f"unknown prompt variant {variant!r}; known: {sorted(VARIANT_FILES)}")
    return resources.files("prompts").joinpath(VARIANT_FILES[variant]).read_text(encoding="utf-8")


def wardrobe_lines(photos: Sequence[StoredPhoto], cards: Mapping[int, WardrobeCard]) -> list[str]:
    lines = []
    for photo in photos:
        card = cards.get(photo.meta.number)
        if card is not None:
            lines.append(card.describe())
        else:
            label = ROLE_LABELS.get(photo.meta.role, photo.meta.role)
            lines.append(f"[{photo.meta.number}] {label} (picture attached to the question)")
    stored = {photo.meta.number for photo in photos}
    # Cards alone (evaluation cases) describe items without stored pictures.
    lines += [cards[n].describe() for n in sorted(cards) if n not in stored]
    return lines


def system_prompt(turn: TurnInput) -> str:
    text = system_template(turn.variant).replace("{language}", LANGUAGE_NAMES[turn.lang])
    if turn.occasion:
        text += f"\n\nThe occasion (TPO) the user set for this chat: {turn.occasion}. Use it unless the question names another."
    if turn.style:
        text += f"\n\nThe user's style notes and constraints (always respect them): {turn.style}"
    lines = wardrobe_lines(turn.photos, turn.cards)
    if lines:
        text += "\n\nThe user's wardrobe (cite items by these numbers):\n" + "\n".join(lines)
    else:
        text += "\n\nThe user has not sent any photos yet."
    return text


def pictures_needed(turn: TurnInput) -> tuple[int, ...]:
    numbers = [photo.meta.number for photo in turn.photos]
    wanted = {n for n in numbers if n not in turn.cards}
    wanted |= set(turn.new_photo_numbers) & set(numbers)
    question = turn.question or ""
    if _VISUAL.search(question):
        cited = cited_numbers(question) | {int(n) for n in re.findall(r"(\d+)\s?번", question)}
        wanted |= (cited & set(numbers)) or set(numbers)
    return tuple(n for n in numbers if n in wanted)


def trim_history(history: Sequence[HistoryMessage], token_budget: int) -> list[HistoryMessage]:
    """Keep the newest messages that fit the budget; a reply never loses its question."""
    kept: list[HistoryMessage] = []
    used = 0
    for message in reversed(history):
        cost = count_text_tokens(message.content) + 4
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


def question_message(turn: TurnInput, pictures: Sequence[int], detail: str) -> Message:
    text = question_text(turn)
    if not pictures:
        return {"role": "user", "content": text}
    parts: list[dict[str, Any]] = [{"type": "text", "text": text}]
    by_number = {photo.meta.number: photo for photo in turn.photos}
    for number in pictures:
        photo = by_number[number]
        parts.append({"type": "text", "text": f"[{number}]"})
        url = "data:image/jpeg;base64," + base64.b64encode(photo.jpeg).decode("ascii")
        parts.append({"type": "image_url", "image_url": {"url": url, "detail": detail}})
    return {"role": "user", "content": parts}


def build_prompt(turn: TurnInput, limits: PromptLimits) -> BuiltPrompt:
    system = {"role": "system", "content": system_prompt(turn)}
    history = trim_history(turn.history, limits.history_token_budget)
    pictures = list(pictures_needed(turn))
    dropped = len(turn.history) - len(history)
    while True:
        messages = [system]
        messages += [{"role": m.role, "content": m.content} for m in history]
        messages.append(question_message(turn, pictures, limits.detail))
        estimate = request_tokens(messages, limits.model)
        if estimate <= limits.max_prompt_tokens:
            break
        if history:  # oldest turn first: a question with its answers
            history.pop(0)
            dropped += 1
            while history and history[0].role == "assistant":
                history.pop(0)
                dropped += 1
        elif described := [n for n in pictures if n in turn.cards]:
            pictures.remove(described[0])  # the card still tells the model about it
        else:
            break  # nothing left to trim; send as it is
    return BuiltPrompt(messages, estimate, tuple(pictures), dropped)


def build_messages(turn: TurnInput, *, detail: str, history_token_budget: int) -> list[Message]:
    """Messages without a total budget (benchmarks and simple callers)."""
    limits = PromptLimits(
        model="gpt-4o", detail=detail, history_token_budget=history_token_budget,
        max_prompt_tokens=10**9,
    )  # fmt: skip
    return build_prompt(turn, limits).messages
