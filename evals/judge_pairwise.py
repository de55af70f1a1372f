"""Pairwise judging: which of two answers to one case is better, asked in both orders.

Judges favour the answer they read first (or second) often enough that one ordering
says little. Each pair is judged twice, once as (A, B) and once as (B, A); the verdict
counts only when both orders agree: "A", "B" or "tie" when they do, "inconsistent"
when the choice followed the position instead of the answer.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from bot.model.client import ModelClient, ModelError
from evals.cases import EvalCase
from evals.judge import case_text, json_object, judge_instructions

Choice = Literal["1", "2", "tie"]
Verdict = Literal["A", "B", "tie", "inconsistent", "error"]


def pairwise_schema() -> dict[str, Any]:
    return {
        "name": "pairwise_choice",
        "strict": True,
        "schema": {
            "type": "object",
            "additionalProperties": False,
            "required": ["reason", "better"],
            "properties": {
                "reason": {"type": "string"},
                "better": {"type": "string", "enum": ["1", "2", "tie"]},
            },
        },
    }


def pairwise_messages(case: EvalCase, first: str, second: str) -> list[dict[str, Any]]:
    parts = [
        *case_text(case),
        f"Answer 1:\n<<<\n{first}\n>>>",
        f"Answer 2:\n<<<\n{second}\n>>>",
    ]
    return [
        {"role": "system", "content": judge_instructions("pairwise")},
        {"role": "user", "content": "\n\n".join(parts)},
    ]


def parse_choice(text: str) -> tuple[Choice, str]:
    """The judge's pick ("1", "2" or "tie") and reason, or ValueError."""
    data = json_object(text)
    better = str(data.get("better", "")).strip().lower().removeprefix("answer").strip()
    if better not in ("1", "2", "tie"):
        raise ValueError(f"'better' must be '1', '2' or 'tie', got {data.get('better')!r}")
    return better, str(data.get("reason") or "").strip()  # type: ignore[return-value]


@dataclass(frozen=True)
class Order:
    shown: tuple[str, str]  # the variants shown as Answer 1 and Answer 2
    choice: Choice | None
    reason: str = ""
    error: str | None = None

    @property
    def winner(self) -> str | None:
        """The variant chosen ("A"/"B"), "tie", or None when the call failed."""
        if self.choice is None:
            return None
        if self.choice == "tie":
            return "tie"
        return self.shown[int(self.choice) - 1]


@dataclass(frozen=True)
class PairVerdict:
    case_id: str
    variants: tuple[str, str]
    orders: tuple[Order, Order]

    @property
    def verdict(self) -> Verdict:
        first, second = (order.winner for order in self.orders)
        if first is None or second is None:
            return "error"
        if first != second:
            return "inconsistent"
        if first == "tie":
            return "tie"
        return "A" if first == self.variants[0] else "B"

    @property
    def winner(self) -> str | None:
        """The winning variant's name when both orders agree on one, else None."""
        if self.verdict in ("A", "B"):
            return self.variants[0 if self.verdict == "A" else 1]
        return None

    def to_dict(self) -> dict[str, Any]:
        return {
            "case_id": self.case_id,
            "variants": list(self.variants),
            "verdict": self.verdict,
            "winner": self.winner,
            "orders": [
                {
                    "shown": list(o.shown),
                    "choice": o.choice,
                    "winner": o.winner,
                    "reason": o.reason,
                    "error": o.error,
                }
                for o in self.orders
            ],
        }


async def _ask(
    judge: ModelClient,
    case: EvalCase,
    first: str,
    second: str,
    shown: tuple[str, str],
    call_seconds: float,
) -> Order:
    try:
        async with asyncio.timeout(call_seconds):
            text, _ = await judge.complete_json(
                pairwise_messages(case, first, second), pairwise_schema()
            )
    except ModelError as exc:
        return Order(shown, None, error=f"judge call failed: {exc}")
    except TimeoutError:
        return Order(shown, None, error=f"judge call timed out after {call_seconds:g}s")
    try:
        choice, reason = parse_choice(text)
    except ValueError as exc:
        return Order(shown, None, error=str(exc))
    return Order(shown, choice, reason)


async def judge_pair(
    judge: ModelClient,
    case: EvalCase,
    answers: tuple[str, str],
    variants: tuple[str, str] = ("A", "B"),
    call_seconds: float = 120.0,
) -> PairVerdict:
    """Both orders, one after the other (the second call must not see the first)."""
    a, b = answers
    first = await _ask(judge, case, a, b, variants, call_seconds)
    second = await _ask(judge, case, b, a, (variants[1], variants[0]), call_seconds)
    return PairVerdict(case.id, variants, (first, second))


def tally(verdicts: Sequence[PairVerdict]) -> dict[str, int]:
    counts = {"A": 0, "B": 0, "tie": 0, "inconsistent": 0, "error": 0}
    for v in verdicts:
        counts[v.verdict] += 1
    return counts


def format_pairwise(verdicts: Sequence[PairVerdict]) -> str:
    if not verdicts:
        return "pairwise: no case answered by both variants"
    a, b = verdicts[0].variants
    lines = [f"pairwise, {a} vs {b} (a verdict counts only when both orders agree):"]
    for v in verdicts:
        picks = ", ".join(f"{o.shown[0]} first: {o.winner or 'error'}" for o in v.orders)
        lines.append(f"  {v.case_id}: {v.winner or v.verdict} ({picks})")
    counts = tally(verdicts)
    lines.append(
        f"  {a} better: {counts['A']}, {b} better: {counts['B']}, tie: {counts['tie']}, "
        f"order-dependent (not counted): {counts['inconsistent']}, errors: {counts['error']}"
    )
    return "\n".join(lines)
