"""One vision call per album: stored photos in, wardrobe cards out."""

from __future__ import annotations

import asyncio
import base64
import logging
from collections.abc import Awaitable, Callable, Sequence
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
    model: ModelClient,
    load: Callable[[], Awaitable[Sequence[StoredPhoto]]],
    lang: Lang,
    *,
    pause: Callable[[float], Awaitable[object]] = asyncio.sleep,
) -> tuple[list[WardrobeCard], Usage | None, list[StoredPhoto]]:
    """Cards for the photos `load` gives, and the photos they were made from; none when the
    model cannot help (turns then send the images).

    Every request, the retries of a busy server and the plain-JSON try of a server without
    structured output included, reads the photos again first: a photo removed while an
    earlier try failed is never sent again.
    """
    structured, retries = True, model.max_retries
    while True:
        photos = list(await load())
        if not photos:
            return [], None, []
        schema = analysis_schema() if structured else None
        try:
            reply, usage = await model.complete_json(
                analysis_messages(photos, lang), schema, resend=False
            )
        except ModelError as exc:
            if exc.kind == "bad_request" and structured:
                log.info("Structured output refused by the server; asking for plain JSON")
                structured = False
                continue
            if exc.kind == "bad_request" or retries <= 0:
                log.warning("Wardrobe analysis failed (%s); answers will use the photos", exc.kind)
                return [], None, photos
            # The SDK's own schedule (0.5 s, doubling), which `resend=False` turned off.
            await pause(min(8.0, 0.5 * 2 ** (model.max_retries - retries)))
            retries -= 1
            continue
        numbers = [photo.meta.number for photo in photos]
        cards = parse_cards(reply, numbers)
        if len(cards) < len(numbers):
            log.warning("Wardrobe analysis covered %d of %d photos", len(cards), len(numbers))
        return cards, usage, photos
