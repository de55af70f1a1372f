"""Validating the parts of a case file: cards, history, optional text."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, get_args

from evals.case import Category
from storage.records import CATEGORIES as CARD_CATEGORIES
from storage.records import HistoryMessage, WardrobeCard

_CARD_FIELDS = frozenset(WardrobeCard.__dataclass_fields__)
_ROLES = ("user", "assistant")
_CHECK_CATEGORIES = frozenset(get_args(Category))


class CaseError(ValueError):
    """A case file that does not describe a usable case; the message names the file."""


def item_numbers_from_cards(cards: Sequence[WardrobeCard]) -> dict[int, Category]:
    """What each photo number is, as the checks see it."""
    numbers: dict[int, Category] = {}
    for card in cards:
        category = "full_body" if card.kind == "full_body" else card.category
        if category not in _CHECK_CATEGORIES:
            raise ValueError(f"card [{card.number}] has no usable category")
        numbers[card.number] = category  # type: ignore[assignment]
    return numbers


def card_from_dict(raw: Any, where: str) -> WardrobeCard:
    if not isinstance(raw, dict):
        raise CaseError(f"{where}: every card must be an object")
    unknown = set(raw) - _CARD_FIELDS
    if unknown:
        raise CaseError(f"{where}: unknown card fields {sorted(unknown)}")
    number = raw.get("number")
    if not isinstance(number, int) or isinstance(number, bool) or number < 1:
        raise CaseError(f"{where}: card number must be a positive integer, got {number!r}")
    kind = raw.get("kind")
    if kind == "item":
        if raw.get("category") not in CARD_CATEGORIES:
            raise CaseError(
                f"{where}: item [{number}] needs a category in {list(CARD_CATEGORIES)}, "
                f"got {raw.get('category')!r}"
            )
        if not str(raw.get("name") or "").strip():
            raise CaseError(f"{where}: item [{number}] needs a name")
    elif kind == "full_body":
        if raw.get("category") is not None:
            raise CaseError(f"{where}: full-body card [{number}] cannot have a category")
    else:
        raise CaseError(f"{where}: card [{number}] kind must be 'full_body' or 'item'")
    if not isinstance(raw.get("colors", []), list):
        raise CaseError(f"{where}: card [{number}] colors must be a list")
    return WardrobeCard.from_dict(raw)


def history_from_list(raw: Any, where: str) -> tuple[HistoryMessage, ...]:
    if not isinstance(raw, list):
        raise CaseError(f"{where}: history must be a list")
    messages = []
    for i, message in enumerate(raw):
        if not isinstance(message, dict) or set(message) != {"role", "content"}:
            raise CaseError(f"{where}: history[{i}] must be {{role, content}}")
        if message["role"] not in _ROLES:
            raise CaseError(f"{where}: history[{i}] role must be one of {list(_ROLES)}")
        content = message["content"]
        if not isinstance(content, str) or not content.strip():
            raise CaseError(f"{where}: history[{i}] content must be non-empty text")
        messages.append(HistoryMessage(message["role"], content, at=0.0))
    if messages and messages[0].role != "user":
        raise CaseError(f"{where}: history must start with the user's message")
    if messages and messages[-1].role != "assistant":
        raise CaseError(f"{where}: history must end with an answer; the question comes next")
    return tuple(messages)


def optional_text(data: Mapping[str, Any], key: str, where: str) -> str | None:
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise CaseError(f"{where}: {key} must be text or null")
    return value.strip() or None
