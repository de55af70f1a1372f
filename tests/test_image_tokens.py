"""Tests for prompts.image_tokens against the worked examples in OpenAI's vision guide."""

from __future__ import annotations

import math

import pytest

from prompts.image_tokens import (
    MAX_PATCHES,
    MODEL_IMAGE_COSTS,
    PatchCost,
    TileCost,
    image_tokens,
    model_image_cost,
    patch_count,
    text_tokens_estimate,
    tile_count,
)

# --- tile-based models ----------------------------------------------------------------------


def test_gpt4o_guide_examples() -> None:
    assert image_tokens("gpt-4o", 1024, 1024, "high") == 765  # 768x768 -> 4 tiles
    assert image_tokens("gpt-4o", 2048, 4096, "high") == 1105  # 768x1536 -> 6 tiles
    assert image_tokens("gpt-4o", 4096, 8192, "low") == 85
    assert image_tokens("gpt-4o", 1024, 1024, "low") == 85


def test_gpt4o_mini_uses_its_own_rates() -> None:
    assert image_tokens("gpt-4o-mini", 1024, 1024, "high") == 2833 + 4 * 5667
    assert image_tokens("gpt-4o-mini", 1024, 1024, "low") == 2833


def test_gpt41_full_is_tile_based() -> None:
    assert image_tokens("gpt-4.1", 1024, 1024, "high") == 765


def test_gpt5_full_is_tile_based_with_gpt5_rates() -> None:
    assert image_tokens("gpt-5", 1024, 1024, "high") == 70 + 4 * 140
    assert image_tokens("gpt-5-2025-08-07", 100, 100, "low") == 70


def test_tile_count_small_image_not_upscaled() -> None:
    assert tile_count(300, 200) == 1
    assert tile_count(512, 513) == 2


def test_auto_detail_threshold() -> None:
    assert image_tokens("gpt-4o", 512, 512, "auto") == 85
    assert image_tokens("gpt-4o", 513, 300, "auto") == image_tokens("gpt-4o", 513, 300, "high")
    assert image_tokens("gpt-4o", 1024, 1024) == 765  # default detail is auto


# --- patch-based models ---------------------------------------------------------------------


def test_gpt41_mini_1024_square() -> None:
    assert patch_count(1024, 1024) == 1024
    assert image_tokens("gpt-4.1-mini", 1024, 1024) == 1659  # ceil(1024 * 1.62 = 1658.88)


def test_patch_models_ignore_detail() -> None:
    assert image_tokens("gpt-4.1-mini", 1024, 1024, "low") == 1659
    assert image_tokens("gpt-4.1-mini", 1024, 1024, "high") == 1659


def test_gpt41_mini_large_image_downscaled_to_patch_cap() -> None:
    assert patch_count(1800, 2400) == 1452  # the guide's worked example: 33 x 44 patches
    tokens = image_tokens("gpt-4.1-mini", 1800, 2400)
    assert tokens == 2353  # ceil(1452 * 1.62)
    assert tokens <= MAX_PATCHES * 1.62


@pytest.mark.parametrize("size", [(4000, 1474), (10_000, 10_000), (60_000, 20), (1, 100_000)])
def test_patch_count_never_exceeds_cap(size: tuple[int, int]) -> None:
    assert 1 <= patch_count(*size) <= MAX_PATCHES


@pytest.mark.parametrize(
    ("model", "multiplier"),
    [
        ("gpt-4.1-nano", 2.46),
        ("o4-mini", 1.72),
        ("gpt-5-mini", 1.62),
        ("gpt-5-nano", 2.46),
    ],
)
def test_patch_multipliers(model: str, multiplier: float) -> None:
    assert model_image_cost(model) == PatchCost(multiplier)
    assert image_tokens(model, 64, 64) == math.ceil(4 * multiplier)  # 2x2 patches


# --- model matching -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("model", "expected"),
    [
        ("gpt-4o-mini-2024-07-18", MODEL_IMAGE_COSTS["gpt-4o-mini"]),
        ("gpt-4o-2024-11-20", MODEL_IMAGE_COSTS["gpt-4o"]),
        ("gpt-4.1-mini-2025-04-14", MODEL_IMAGE_COSTS["gpt-4.1-mini"]),
        ("gpt-4.1-2025-04-14", MODEL_IMAGE_COSTS["gpt-4.1"]),
        ("gpt-5-nano-2025-08-07", MODEL_IMAGE_COSTS["gpt-5-nano"]),
        ("openai/GPT-4o-mini", MODEL_IMAGE_COSTS["gpt-4o-mini"]),
    ],
)
def test_longest_prefix_wins(model: str, expected: TileCost | PatchCost) -> None:
    assert model_image_cost(model) == expected


@pytest.mark.parametrize("model", ["llava:13b", "qwen2.5vl:7b", "", "gemma3"])
def test_unknown_model_falls_back_to_gpt4o(model: str) -> None:
    assert model_image_cost(model) == TileCost(85, 170)
    assert image_tokens(model, 1024, 1024, "high") == 765
    assert image_tokens(model, 1024, 1024, "low") == 85


def test_invalid_size() -> None:
    with pytest.raises(ValueError):
        image_tokens("gpt-4o", 0, 100)


# --- text estimate --------------------------------------------------------------------------


def test_text_tokens_empty_is_zero() -> None:
    assert text_tokens_estimate("") == 0


@pytest.mark.parametrize("text", ["a", " ", "\n", "가", "é", "👗"])
def test_text_tokens_never_zero_for_non_empty(text: str) -> None:
    assert text_tokens_estimate(text) >= 1


def test_text_tokens_english_about_four_chars_per_token() -> None:
    text = "Pair the navy blazer with light chinos and white sneakers. " * 10
    assert text_tokens_estimate(text) == pytest.approx(len(text) / 4, abs=1)


def test_korean_costs_more_per_char_than_english() -> None:
    korean = "네이비 블레이저에 밝은 치노 팬츠와 흰 스니커즈를 매치해 보세요."
    english = "Pair the navy blazer with light chinos and white sneakers, try it."
    ko_rate = text_tokens_estimate(korean) / len(korean)
    en_rate = text_tokens_estimate(english) / len(english)
    assert ko_rate > 2 * en_rate
    # Conservative: at least one token per Hangul syllable.
    syllables = sum("가" <= ch <= "힣" for ch in korean)
    assert text_tokens_estimate(korean) >= syllables
