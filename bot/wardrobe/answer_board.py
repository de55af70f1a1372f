"""The outfit board that follows an answer: the cited items beside the full-body photo."""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from bot.wardrobe.outfit_board import BoardItem, cited_items_in_order, compose_board_async
from storage.records import StoredPhoto, WardrobeCard

log = logging.getLogger(__name__)

# The system prompt asks for a line starting with ➕ for what the user should get.
_MISSING = re.compile(r"^\s*(?:[-*]\s*)?➕\s*(.+)$", re.MULTILINE)
CATEGORY_NAMES = {
    "ko": {"top": "상의", "bottom": "하의", "outer": "아우터", "dress": "원피스", "shoes": "신발",
           "bag": "가방", "accessory": "액세서리"},
    "en": {},
}  # fmt: skip


@dataclass(frozen=True)
class Board:
    jpeg: bytes
    caption: str | None


def label_of(card: WardrobeCard | None, lang: str) -> str:
    if card is None:
        return ""
    category = CATEGORY_NAMES.get(lang, {}).get(card.category or "", card.category or "")
    return " · ".join(part for part in (category, card.name) if part)


def missing_lines(answer: str) -> list[str]:
    """The items the answer suggests the user does not own (its ➕ lines), marker removed."""
    return [line for match in _MISSING.findall(answer) if (line := match.strip(" *_"))]


def missing_items(answer: str) -> str | None:
    """Items the answer suggests the user does not own: listed as text, never drawn."""
    lines = missing_lines(answer)
    return "➕ " + " / ".join(lines) if lines else None


async def board_for_answer(
    answer: str, photos: Sequence[StoredPhoto], cards: Mapping[int, WardrobeCard], lang: str
) -> Board | None:
    """None when the answer cites none of the user's clothes."""
    by_number = {photo.meta.number: photo for photo in photos}
    items = [n for n in by_number if by_number[n].meta.role == "clothing"]
    cited = cited_items_in_order(answer, items)
    if not cited:
        return None
    body = next((p for p in photos if p.meta.role == "full_body"), None)
    try:
        jpeg = await compose_board_async(
            [BoardItem(n, by_number[n].jpeg, label_of(cards.get(n), lang)) for n in cited],
            full_body=BoardItem(body.meta.number, body.jpeg) if body else None,
        )
    except ValueError:
        log.warning("No outfit board: none of the cited photos could be drawn")
        return None
    return Board(jpeg, missing_items(answer))
