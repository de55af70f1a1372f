"""Wardrobe cards: what one vision call learns about each photo, reused every turn.

A card is plain data (JSON in Redis). The model fills them through a JSON
schema (structured output); servers without structured output get the same
instructions and `parse_cards` digs the JSON out of free text.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

CATEGORIES = ("top", "bottom", "outer", "dress", "shoes", "bag", "accessory")
Category = Literal["top", "bottom", "outer", "dress", "shoes", "bag", "accessory"]


@dataclass(frozen=True)
class WardrobeCard:
    number: int
    kind: Literal["full_body", "item"]
    name: str = ""  # short display name in the user's language, e.g. "네이비 슬랙스"
    category: Category | None = None
    colors: tuple[str, ...] = ()
    pattern: str = ""
    material: str = ""
    fit: str = ""
    formality: str = ""
    season: str = ""
    # Full-body profile: respectful, no weight or BMI.
    silhouette: str = ""
    color_tone: str = ""
    current_style: str = ""
    notes: str = field(default="")

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> WardrobeCard:
        known = {name: data[name] for name in cls.__dataclass_fields__ if name in data}
        known["colors"] = tuple(str(c) for c in known.get("colors") or ())
        if known.get("category") not in CATEGORIES:
            known["category"] = None
        for name, value in list(known.items()):
            if name not in ("number", "colors", "category") and value is None:
                known[name] = ""
        return cls(**known)

    def describe(self) -> str:
        """One line for the prompt: everything the model needs instead of the picture."""
        if self.kind == "full_body":
            parts = [f"silhouette and proportions: {self.silhouette}", f"colour tone: {self.color_tone}",
                     f"current style: {self.current_style}"]  # fmt: skip
            return f"[{self.number}] full-body photo of the user: " + "; ".join(
                p for p in parts if not p.endswith(": ")
            )
        details = [
            ", ".join(self.colors),
            self.pattern,
            self.material,
            self.fit and f"fit {self.fit}",
            self.formality and f"formality {self.formality}",
            self.season and f"season {self.season}",
        ]
        head = f"[{self.number}] {self.category or 'item'}: {self.name}".rstrip(": ")
        return head + "".join(f"; {d}" for d in details if d)


def analysis_schema() -> dict[str, Any]:
    """JSON schema for structured output (strict mode: every field required)."""
    text = {"type": "string"}
    card = {
        "type": "object",
        "additionalProperties": False,
        "required": [
            "number",
            "kind",
            "name",
            "category",
            "colors",
            "pattern",
            "material",
            "fit",
            "formality",
            "season",
            "silhouette",
            "color_tone",
            "current_style",
        ],
        "properties": {
            "number": {"type": "integer"},
            "kind": {"type": "string", "enum": ["full_body", "item"]},
            "name": text,
            "category": {"type": ["string", "null"], "enum": [*CATEGORIES, None]},
            "colors": {"type": "array", "items": text},
            "pattern": text,
            "material": text,
            "fit": text,
            "formality": text,
            "season": text,
            "silhouette": text,
            "color_tone": text,
            "current_style": text,
        },
    }
    return {
        "name": "wardrobe_cards",
        "strict": True,
        "schema": {
            "type": "object",
            "additionalProperties": False,
            "required": ["cards"],
            "properties": {"cards": {"type": "array", "items": card}},
        },
    }


_JSON_OBJECT = re.compile(r"\{.*\}", re.DOTALL)


def parse_cards(text: str, numbers: Iterable[int]) -> list[WardrobeCard]:
    """Cards from a model reply: strict JSON, JSON in a code fence, or JSON inside prose.

    Cards for numbers that were not asked about are dropped.
    """
    wanted = set(numbers)
    candidates = [text]
    fenced = re.findall(r"```(?:json)?\s*(.*?)```", text, re.DOTALL)
    candidates += fenced
    match = _JSON_OBJECT.search(text)
    if match:
        candidates.append(match.group(0))
    for candidate in candidates:
        try:
            data = json.loads(candidate)
        except ValueError:
            continue
        raw_cards = data.get("cards") if isinstance(data, dict) else data
        if not isinstance(raw_cards, list):
            continue
        cards = []
        for raw in raw_cards:
            if (
                isinstance(raw, dict)
                and raw.get("number") in wanted
                and raw.get("kind") in ("full_body", "item")
            ):
                try:
                    cards.append(WardrobeCard.from_dict(raw))
                except (TypeError, ValueError):
                    continue
        return cards
    return []
