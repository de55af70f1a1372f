"""What tokens cost. Prices are configuration (MODEL_PRICES); these are the defaults."""

from __future__ import annotations

from collections.abc import Mapping

# USD per 1M tokens: (input, output). From OpenAI's pricing page; keep in sync.
DEFAULT_PRICES: dict[str, tuple[float, float]] = {
    "gpt-4.1-mini": (0.40, 1.60),
    "gpt-4.1-nano": (0.10, 0.40),
    "gpt-4.1": (2.00, 8.00),
    "gpt-4o-mini": (0.15, 0.60),
    "gpt-4o": (2.50, 10.00),
    "gpt-5-mini": (0.25, 2.00),
    "gpt-5-nano": (0.05, 0.40),
    "gpt-5": (1.25, 10.00),
}


def price_of(model: str, prices: Mapping[str, tuple[float, float]]) -> tuple[float, float]:
    """Longest matching prefix wins ("gpt-4o-mini-2024-07-18" → gpt-4o-mini); unknown → free."""
    name = model.lower().rsplit("/", 1)[-1]
    matches = [prefix for prefix in prices if name.startswith(prefix.lower())]
    return prices[max(matches, key=len)] if matches else (0.0, 0.0)


def cost_usd(
    model: str,
    prompt_tokens: int,
    completion_tokens: int,
    prices: Mapping[str, tuple[float, float]],
) -> float:
    input_price, output_price = price_of(model, prices)
    return (prompt_tokens * input_price + completion_tokens * output_price) / 1_000_000
