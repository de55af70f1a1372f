"""Offline estimates of how many input tokens a prompt costs: images and text.

Pure functions, no network: used to budget a request before it is sent.
Formulas follow OpenAI's "Images and vision" guide (section "Calculating costs").
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

Detail = Literal["low", "high", "auto"]


@dataclass(frozen=True)
class TileCost:
    """Older scheme: fixed base plus a price per 512-px tile (detail: high)."""

    base: int
    per_tile: int


@dataclass(frozen=True)
class PatchCost:
    """Newer scheme: one token per 32x32 patch (max 1536 patches) times a model multiplier."""

    multiplier: float


# CONFIGURATION, not logic: keep in sync with OpenAI's vision guide / pricing page.
# Keys are model-name prefixes; the longest matching prefix wins, so dated snapshots
# ("gpt-4o-mini-2024-07-18") and mini/nano variants ("gpt-4.1-mini" vs "gpt-4.1") resolve right.
MODEL_IMAGE_COSTS: dict[str, TileCost | PatchCost] = {
    "gpt-4o": TileCost(base=85, per_tile=170),
    "chatgpt-4o": TileCost(base=85, per_tile=170),
    "gpt-4o-mini": TileCost(base=2833, per_tile=5667),
    "gpt-4.1": TileCost(base=85, per_tile=170),
    "gpt-4.1-mini": PatchCost(multiplier=1.62),
    "gpt-4.1-nano": PatchCost(multiplier=2.46),
    "gpt-4.5": TileCost(base=85, per_tile=170),
    "o1": TileCost(base=75, per_tile=150),
    "o3": TileCost(base=75, per_tile=150),
    "o4-mini": PatchCost(multiplier=1.72),
    # The guide lists GPT-5 at 70/140, not gpt-4o's 85/170.
    "gpt-5": TileCost(base=70, per_tile=140),
    "gpt-5-mini": PatchCost(multiplier=1.62),
    "gpt-5-nano": PatchCost(multiplier=2.46),
}

# Unknown models (e.g. a local Ollama llava/qwen-vl) have no published price; the gpt-4o tile
# formula is a reasonable, documented order-of-magnitude estimate for budgeting.
DEFAULT_IMAGE_COST = MODEL_IMAGE_COSTS["gpt-4o"]

TILE_SIZE = 512
TILE_FIT_BOX = 2048
TILE_SHORT_SIDE = 768
# Assumption (OpenAI does not document how "auto" decides): treat anything larger than
# 512x512 as "high", anything that fits in 512x512 as "low".
AUTO_LOW_MAX_SIDE = 512

PATCH_SIZE = 32
MAX_PATCHES = 1536
# Float noise must not push an exact multiple of 32 (e.g. 1056.0000001) into one more patch.
_EPS = 1e-9


def model_image_cost(model: str) -> TileCost | PatchCost:
    """Cost scheme for a model name; tolerates "openai/gpt-4o"-style provider prefixes and case."""
    name = model.strip().lower().rsplit("/", 1)[-1]
    matches = [prefix for prefix in MODEL_IMAGE_COSTS if name.startswith(prefix)]
    if not matches:
        return DEFAULT_IMAGE_COST
    return MODEL_IMAGE_COSTS[max(matches, key=len)]


def image_tokens(model: str, width: int, height: int, detail: Detail = "auto") -> int:
    """Input tokens one width x height image costs with `model` (patch models ignore detail)."""
    if width < 1 or height < 1:
        raise ValueError(f"image size must be positive, got {width}x{height}")
    cost = model_image_cost(model)
    if isinstance(cost, PatchCost):
        # Rounded up: this feeds budget checks, where under-counting is the costly mistake.
        return math.ceil(patch_count(width, height) * cost.multiplier - _EPS)
    if detail == "auto":
        detail = "low" if max(width, height) <= AUTO_LOW_MAX_SIDE else "high"
    if detail == "low":
        return cost.base
    return cost.base + cost.per_tile * tile_count(width, height)


def tile_count(width: int, height: int) -> int:
    """512-px tiles for detail=high: fit in 2048x2048, then shortest side down to 768."""
    w, h = float(width), float(height)
    if max(w, h) > TILE_FIT_BOX:
        scale = TILE_FIT_BOX / max(w, h)
        w, h = w * scale, h * scale
    if min(w, h) > TILE_SHORT_SIDE:
        scale = TILE_SHORT_SIDE / min(w, h)
        w, h = w * scale, h * scale
    return _ceil_div(w, TILE_SIZE) * _ceil_div(h, TILE_SIZE)


def patch_count(width: int, height: int) -> int:
    """32-px patches after OpenAI's downscale to at most 1536 patches."""
    raw = _ceil_div(width, PATCH_SIZE) * _ceil_div(height, PATCH_SIZE)
    if raw <= MAX_PATCHES:
        return raw
    # Shrink to the patch budget by area, then shrink a bit more so the tighter side
    # fits a whole number of patches (the guide's two-step formula).
    r = math.sqrt(PATCH_SIZE**2 * MAX_PATCHES / (width * height))
    pw, ph = width * r / PATCH_SIZE, height * r / PATCH_SIZE
    # (A side thinner than one patch has nothing to snap; skipping it avoids scaling to zero.)
    r *= min((math.floor(p) / p for p in (pw, ph) if p >= 1), default=1.0)
    patches = _ceil_div(width * r, PATCH_SIZE) * _ceil_div(height * r, PATCH_SIZE)
    return min(patches, MAX_PATCHES)


def _ceil_div(length: float, unit: int) -> int:
    return max(1, math.ceil(length / unit - _EPS))


# o200k (gpt-4o/4.1/5) packs English at ~4 chars/token but Korean at only ~1-1.5 syllables per
# token. Counting every Hangul syllable (and any other non-ASCII char) as a full token
# overestimates a little, which is the safe side for a budget.
ASCII_CHARS_PER_TOKEN = 4
HANGUL_TOKENS_PER_CHAR = 1.0
OTHER_NON_ASCII_TOKENS_PER_CHAR = 1.0


def text_tokens_estimate(text: str) -> int:
    """Fast offline token estimate (tiktoken would download its vocabulary at run time)."""
    if not text:
        return 0
    ascii_chars = hangul = other = 0
    for ch in text:
        code = ord(ch)
        if code < 0x80:
            ascii_chars += 1
        elif 0xAC00 <= code <= 0xD7A3 or 0x1100 <= code <= 0x11FF or 0x3130 <= code <= 0x318F:
            hangul += 1  # precomposed syllables and (compatibility) jamo
        else:
            other += 1
    estimate = (
        math.ceil(ascii_chars / ASCII_CHARS_PER_TOKEN)
        + hangul * HANGUL_TOKENS_PER_CHAR
        + other * OTHER_NON_ASCII_TOKENS_PER_CHAR
    )
    return max(1, math.ceil(estimate))
