"""What a check needs to know about one evaluation case, and what it reports back."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, get_args

from evals.expect import Expectations
from storage.records import WardrobeCard

Lang = Literal["ko", "en"]
Category = Literal["full_body", "top", "bottom", "outer", "dress", "shoes", "bag", "accessory"]

LANGS: frozenset[str] = frozenset(get_args(Lang))
CATEGORIES: frozenset[str] = frozenset(get_args(Category))


@dataclass(frozen=True)
class CaseContext:
    """The wardrobe and request an answer was written for.

    ``item_numbers`` maps the photo number the bot shows the model ([1], [2], ...)
    to what the photo is; the full-body photo is numbered like any other photo.
    """

    lang: Lang
    item_numbers: dict[int, Category]
    occasion: str | None
    # Any one of these counts as mentioning the occasion: answers paraphrase
    # ("하객룩" for "결혼식 하객"), so the raw occasion string alone is too strict.
    occasion_keywords: tuple[str, ...] = ()
    max_chars: int = 2500
    expect_alternatives: bool = True
    # What the checks read the answer against: the cards (names, colours, seasons), the
    # style notes, the answer a follow-up follows, and the case's expectations.
    cards: tuple[WardrobeCard, ...] = ()
    style: str | None = None
    previous_answer: str | None = None
    expect: Expectations = field(default_factory=Expectations)

    @property
    def clothing_numbers(self) -> frozenset[int]:
        return frozenset(n for n, cat in self.item_numbers.items() if cat != "full_body")

    @property
    def cards_by_number(self) -> dict[int, WardrobeCard]:
        return {card.number: card for card in self.cards}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CaseContext:
        """Build from JSON, where object keys are strings; reject typos loudly."""
        known = {
            "lang",
            "item_numbers",
            "occasion",
            "occasion_keywords",
            "max_chars",
            "expect_alternatives",
        }
        unknown = set(data) - known
        if unknown:
            raise ValueError(f"unknown case fields: {sorted(unknown)}")
        lang = data["lang"]
        if lang not in LANGS:
            raise ValueError(f"lang must be one of {sorted(LANGS)}, got {lang!r}")
        items: dict[int, Category] = {}
        for key, category in dict(data["item_numbers"]).items():
            if category not in CATEGORIES:
                raise ValueError(f"item [{key}] has unknown category {category!r}")
            items[int(key)] = category
        occasion = data.get("occasion")
        if occasion is not None and not isinstance(occasion, str):
            raise ValueError("occasion must be a string or null")
        max_chars = int(data.get("max_chars", 2500))
        if max_chars <= 0:
            raise ValueError("max_chars must be positive")
        return cls(
            lang=lang,
            item_numbers=items,
            occasion=occasion,
            occasion_keywords=tuple(str(k) for k in data.get("occasion_keywords", ())),
            max_chars=max_chars,
            expect_alternatives=bool(data.get("expect_alternatives", True)),
        )


@dataclass(frozen=True)
class CheckResult:
    """One check's verdict; ``reason`` is written for a human reading a failed eval run."""

    name: str
    passed: bool
    reason: str
