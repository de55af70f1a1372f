"""Wardrobe cards: what one vision call learns about each photo, reused every turn.

A card is plain data (`storage.records.WardrobeCard`, JSON in Redis). The model fills them through a JSON
schema (structured output); servers without structured output get the same
instructions and `parse_cards` digs the JSON out of free text.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

from storage.records import CATEGORIES, WardrobeCard


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
