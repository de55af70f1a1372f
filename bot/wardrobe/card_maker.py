"""One vision call per album: stored photos in, wardrobe cards out."""

from __future__ import annotations

import base64
import logging
from collections.abc import Sequence
from functools import cache
from importlib import resources
from typing import Any

from bot.model.client import ModelClient, ModelError, Usage
from prompts.cards import analysis_schema, parse_cards
from prompts.language import Lang
from prompts.texts import LANGUAGE_NAMES, ROLE_LABELS
from storage.records import StoredPhoto, WardrobeCard

log = logging.getLogger(__name__)


@cache
def analysis_instructions() -> str:
    return resources.files("prompts").joinpath("analysis.md").read_text(encoding="utf-8")


def analysis_messages(photos: Sequence[StoredPhoto], lang: Lang) -> list[dict[str, Any]]:
    parts: list[dict[str, Any]] = []
    for photo in photos:
        guess = ROLE_LABELS.get(photo.meta.role, photo.meta.role)
        parts.append({"type": "text", "text": f"Photo [{photo.meta.number}] (sent as: {guess})"})
        url = "data:image/jpeg;base64," + base64.b64encode(photo.jpeg).decode("ascii")
        # The analysis is the one time the model looks closely; later turns use the cards.
        parts.append({"type": "image_url", "image_url": {"url": url, "detail": "auto"}})
    system = analysis_instructions().replace("{language}", LANGUAGE_NAMES[lang])
    return [{"role": "system", "content": system}, {"role": "user", "content": parts}]


async def make_cards(
    model: ModelClient, photos: Sequence[StoredPhoto], lang: Lang
) -> tuple[list[WardrobeCard], Usage | None]:
    """Cards for `photos`; none when the model cannot help (turns then send the images)."""
    if not photos:
        return [], None
    messages = analysis_messages(photos, lang)
    numbers = [photo.meta.number for photo in photos]
    try:
        reply, usage = await model.complete_json(messages, analysis_schema())
    except ModelError as exc:
        log.warning("Wardrobe analysis failed (%s); answers will use the photos", exc.kind)
        return [], None
    cards = parse_cards(reply, numbers)
    if len(cards) < len(numbers):
        log.warning("Wardrobe analysis covered %d of %d photos", len(cards), len(numbers))
    return cards, usage
