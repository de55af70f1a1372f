"""What the bot would send for an eval case: stored photos stand-ins and the built request.

Every request is built by the production builder (``prompts.builder.build_prompt``)
with the production system prompt of each variant.
"""

from __future__ import annotations

import io
from functools import cache

from PIL import Image

from evals.cases import EvalCase
from prompts.builder import BuiltPrompt, PromptLimits, TurnInput, build_prompt
from storage.records import PhotoMeta, StoredPhoto

# Stored thumbnail sizes in production (IMAGE_LONG_SIDE / CLOTHING_LONG_SIDE defaults).
_BODY_SIZE, _CLOTHING_SIZE = (384, 512), (288, 384)


@cache
def placeholder_jpeg(size: tuple[int, int]) -> bytes:
    """A plain grey picture standing in for a photo that only exists as a card."""
    buffer = io.BytesIO()
    Image.new("RGB", size, (128, 128, 128)).save(buffer, "JPEG", quality=30)
    return buffer.getvalue()


def stored_photos(case: EvalCase) -> list[StoredPhoto]:
    """One stored photo per card, as the bot keeps them: the committed photo when the
    case has one, else a placeholder. The builder lists the wardrobe from the cards and
    attaches no picture for a photo that has a card unless the question asks about looks."""
    photos = []
    for card in case.cards:
        role = "full_body" if card.kind == "full_body" else "clothing"
        jpeg = case.images.get(card.number)
        if jpeg is not None:
            with Image.open(io.BytesIO(jpeg)) as image:
                width, height = image.size
        else:
            width, height = _BODY_SIZE if role == "full_body" else _CLOTHING_SIZE
            jpeg = placeholder_jpeg((width, height))
        meta = PhotoMeta(f"eval-{case.id}-{card.number}", card.number, role, width, height, 0.0)  # type: ignore[arg-type]
        photos.append(StoredPhoto(meta, jpeg))
    return photos


def turn_input(case: EvalCase, variant: str) -> TurnInput:
    return TurnInput(
        lang=case.lang,
        question=case.question,
        photos=stored_photos(case),
        history=list(case.history),
        occasion=case.occasion,
        cards=case.cards_by_number,
        style=case.style,
        variant=variant,
    )


def build_request(case: EvalCase, variant: str, model: str) -> BuiltPrompt:
    """Exactly what the bot would send for this turn (default production limits)."""
    return build_prompt(turn_input(case, variant), PromptLimits(model=model))
