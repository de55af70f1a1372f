"""Builds the Chat Completions messages for one turn. No Telegram, no Redis.

The wardrobe reaches the model as cards (text) in the system prompt, which
stays the same from turn to turn, so providers with prefix caching bill it at
the cached rate. Pictures are attached to the current question only where
they add something: photos without a card, photos arriving this turn, and
photos a question about looks is about. A request over the token budget loses
its oldest history first, then the pictures the cards already describe.

Only stored photos reach the model: a card without its photo is not listed, and a history
turn citing a photo no longer stored is left out, so a removed photo leaves no trace.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from prompts.image_tokens import image_tokens
from prompts.language import Lang
from prompts.request_tokens import MESSAGE_OVERHEAD
from prompts.text_tokens import count_text_tokens
from prompts.texts import DEFAULT_QUESTION, LANGUAGE_NAMES, ROLE_LABELS
from storage.citations import cited_numbers, drop_turns_citing
from storage.records import HistoryMessage, StoredPhoto, WardrobeCard

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
    # One line of forecast for the occasion's day at the user's city, or None (unknown).
    weather: str | None = None


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
    """One line per stored photo: its card, or its label while it has none. A card without
    a stored photo is never listed: its photo was removed (evaluation cases store a
    stand-in picture for every card, see evals/requests.py)."""
    lines = []
    for photo in photos:
        card = cards.get(photo.meta.number)
        if card is not None:
            lines.append(card.describe())
        else:
            label = ROLE_LABELS.get(photo.meta.role, photo.meta.role)
            lines.append(f"[{photo.meta.number}] {label} (picture attached to the question)")
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
    if turn.weather:
        # Last, so the wardrobe part above stays a cacheable prefix when the forecast changes.
        text += f"\n\n{turn.weather}"
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


def _message_cost(text: str) -> int:
    return count_text_tokens(text) + MESSAGE_OVERHEAD


def _newest_within(costs: Sequence[int], roles: Sequence[str], token_budget: int) -> int:
    """Index of the first history message to keep: the newest that fit, starting at a question."""
    start, used = len(costs), 0
    while start > 0 and used + costs[start - 1] <= token_budget:
        start -= 1
        used += costs[start]
    while start < len(costs) and roles[start] == "assistant":
        start += 1  # a reply never loses its question
    return start


def trim_history(history: Sequence[HistoryMessage], token_budget: int) -> list[HistoryMessage]:
    """Keep the newest messages that fit the budget; a reply never loses its question."""
    costs = [_message_cost(m.content) for m in history]
    return list(history[_newest_within(costs, [m.role for m in history], token_budget) :])


def without_removed_photos(
    history: Sequence[HistoryMessage], stored: set[int]
) -> list[HistoryMessage]:
    """History without the turns that cite a photo no longer stored (forgotten, evicted),
    so nothing said about a removed photo reaches the model."""
    cited = {n for message in history for n in cited_numbers(message.content)}
    gone = cited - stored
    return drop_turns_citing(list(history), gone) if gone else list(history)


def question_text(turn: TurnInput) -> str:
    question = (turn.question or "").strip() or DEFAULT_QUESTION[turn.lang]
    if turn.new_photo_numbers:
        numbers = ", ".join(f"[{n}]" for n in turn.new_photo_numbers)
        question += f"\n(New photos in this message: {numbers})"
    return question


def picture_parts(photo: StoredPhoto, detail: str) -> list[dict[str, Any]]:
    url = "data:image/jpeg;base64," + base64.b64encode(photo.jpeg).decode("ascii")
    return [
        {"type": "text", "text": f"[{photo.meta.number}]"},
        {"type": "image_url", "image_url": {"url": url, "detail": detail}},
    ]


def build_prompt(turn: TurnInput, limits: PromptLimits) -> BuiltPrompt:
    """Messages within the budget. Every part is measured once (pictures from their stored
    size, not by decoding them), and trimming only subtracts."""
    system = system_prompt(turn)
    question = question_text(turn)
    by_number = {photo.meta.number: photo for photo in turn.photos}
    picture_cost = {
        n: count_text_tokens(f"[{n}]")
        + image_tokens(limits.model, by_number[n].meta.width, by_number[n].meta.height,
                       limits.detail)  # type: ignore[arg-type]
        for n in pictures_needed(turn)
    }  # fmt: skip
    history = without_removed_photos(turn.history, set(by_number))
    costs = [_message_cost(m.content) for m in history]
    roles = [m.role for m in history]
    first = _newest_within(costs, roles, limits.history_token_budget)
    fixed = _message_cost(system) + _message_cost(question)
    pictures = list(picture_cost)
    estimate = fixed + sum(costs[first:]) + sum(picture_cost.values())
    while estimate > limits.max_prompt_tokens:
        if first < len(history):  # oldest turn first: a question with its answers
            estimate -= costs[first]
            first += 1
            while first < len(history) and roles[first] == "assistant":
                estimate -= costs[first]
                first += 1
        elif described := [n for n in pictures if n in turn.cards]:
            pictures.remove(described[0])  # the card still tells the model about it
            estimate -= picture_cost[described[0]]
        else:
            break  # nothing left to trim; send as it is
    messages: list[Message] = [{"role": "system", "content": system}]
    messages += [{"role": m.role, "content": m.content} for m in history[first:]]
    if pictures:
        parts: list[dict[str, Any]] = [{"type": "text", "text": question}]
        for number in pictures:
            parts += picture_parts(by_number[number], limits.detail)
        messages.append({"role": "user", "content": parts})
    else:
        messages.append({"role": "user", "content": question})
    return BuiltPrompt(
        messages, estimate, tuple(pictures), first + len(turn.history) - len(history)
    )
