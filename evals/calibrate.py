"""How far to trust the judge: run it on labelled answers and compare with the labels.

Single mode: the judge grades each answer (``prompts/judge.md``, three criteria 1-5);
the judge calls an answer bad when any criterion is at or below ``bad_at_or_below``.
Printed: agreement with the labels, Cohen's kappa (agreement beyond what two raters
with the same label rates would reach by chance), the confusion matrix, and how many
bad answers of each flaw kind the judge noticed.

Pairwise mode: for each case, every good answer is paired with every bad one and judged
in both orders; printed: how often the consistent verdict picks the good answer, and
how often the verdict depends on the order.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from bot.model.client import ModelClient, ModelError
from evals.judge import CRITERIA, judge_messages, judge_schema, parse_judgement
from evals.judge_pairwise import PairVerdict, judge_pair
from evals.labelled import LabelledAnswer


@dataclass(frozen=True)
class Graded:
    key: str
    label: str
    flaw: str | None
    scores: dict[str, int] = field(default_factory=dict)
    error: str | None = None
    judged: str | None = None  # "good" / "bad" by the judge, None on error


def cohen_kappa(pairs: Sequence[tuple[str, str]]) -> float | None:
    """Kappa of (label, judgement) pairs; None when chance agreement is already total."""
    if not pairs:
        return None
    n = len(pairs)
    observed = sum(a == b for a, b in pairs) / n
    classes = {c for pair in pairs for c in pair}
    expected = sum(
        (sum(a == c for a, _ in pairs) / n) * (sum(b == c for _, b in pairs) / n) for c in classes
    )
    if expected >= 1.0:
        return None
    return (observed - expected) / (1.0 - expected)


async def grade_answers(
    judge: ModelClient,
    answers: Sequence[LabelledAnswer],
    *,
    bad_at_or_below: int = 3,
    concurrency: int = 4,
    call_seconds: float = 120.0,
) -> list[Graded]:
    slots = asyncio.Semaphore(max(1, concurrency))

    async def one(answer: LabelledAnswer) -> Graded:
        async with slots:
            try:
                async with asyncio.timeout(call_seconds):
                    text, _ = await judge.complete_json(
                        judge_messages(answer.case, answer.text), judge_schema()
                    )
                scores = {k: s.score for k, s in parse_judgement(text).items()}
            except (ModelError, ValueError, TimeoutError) as exc:
                return Graded(answer.key, answer.label, answer.flaw, error=str(exc) or "timeout")
        judged = "bad" if min(scores.values()) <= bad_at_or_below else "good"
        return Graded(answer.key, answer.label, answer.flaw, scores, judged=judged)

    return list(await asyncio.gather(*(one(a) for a in answers)))


def calibration(graded: Sequence[Graded]) -> dict[str, Any]:
    judged = [g for g in graded if g.judged is not None]
    pairs = [(g.label, g.judged or "") for g in judged]
    confusion = {
        f"{label}->{verdict}": sum(p == (label, verdict) for p in pairs)
        for label in ("good", "bad")
        for verdict in ("good", "bad")
    }
    by_flaw: dict[str, list[int]] = {}
    for g in judged:
        if g.label == "bad" and g.flaw:
            caught, total = by_flaw.setdefault(g.flaw, [0, 0])
            by_flaw[g.flaw] = [caught + (g.judged == "bad"), total + 1]
    return {
        "answers": len(graded),
        "judged": len(judged),
        "errors": len(graded) - len(judged),
        "agreement": (sum(a == b for a, b in pairs) / len(pairs)) if pairs else None,
        "kappa": cohen_kappa(pairs),
        "confusion": confusion,
        "by_flaw": {flaw: tuple(v) for flaw, v in by_flaw.items()},
        "disagreements": [g.key for g in judged if g.judged != g.label],
        "mean_scores": {
            label: {
                c: round(sum(g.scores[c] for g in judged if g.label == label) / n, 2)
                for c in CRITERIA
            }
            for label in ("good", "bad")
            if (n := sum(g.label == label for g in judged))
        },
    }


def _percent(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.0%}"


def format_calibration(result: dict[str, Any], judge_model: str, threshold: int) -> str:
    kappa = result["kappa"]
    c = result["confusion"]
    lines = [
        f"judge {judge_model} on {result['answers']} labelled answers "
        f"(bad when any criterion <= {threshold}; {result['errors']} judge errors)",
        f"agreement with the labels: {_percent(result['agreement'])}",
        f"Cohen's kappa: {'n/a' if kappa is None else f'{kappa:.2f}'}",
        "               judged good  judged bad",
        f"labelled good  {c['good->good']:>11}  {c['good->bad']:>10}",
        f"labelled bad   {c['bad->good']:>11}  {c['bad->bad']:>10}",
    ]
    for label, means in result["mean_scores"].items():
        lines.append(
            f"mean scores of {label} answers: " + ", ".join(f"{k} {v}" for k, v in means.items())
        )
    for flaw, (caught, total) in result["by_flaw"].items():
        lines.append(f"  {flaw}: judged bad {caught}/{total}")
    lines.extend(f"  disagrees: {key}" for key in result["disagreements"])
    return "\n".join(lines)


async def judge_pairs(
    judge: ModelClient,
    answers: Sequence[LabelledAnswer],
    *,
    concurrency: int = 4,
    call_seconds: float = 120.0,
) -> list[PairVerdict]:
    """Every (good, bad) pair of answers to the same case, each judged in both orders."""
    slots = asyncio.Semaphore(max(1, concurrency))
    pairs = [
        (good, bad)
        for good in answers
        if good.label == "good"
        for bad in answers
        if bad.label == "bad" and bad.scenario == good.scenario
    ]

    async def one(good: LabelledAnswer, bad: LabelledAnswer) -> PairVerdict:
        async with slots:
            return await judge_pair(
                judge, good.case, (good.text, bad.text), (good.key, bad.key), call_seconds
            )

    return list(await asyncio.gather(*(one(g, b) for g, b in pairs)))


def format_pair_calibration(verdicts: Sequence[PairVerdict], judge_model: str) -> str:
    total = len(verdicts)
    right = sum(v.verdict == "A" for v in verdicts)  # the good answer is always variant A
    wrong = sum(v.verdict == "B" for v in verdicts)
    ties = sum(v.verdict == "tie" for v in verdicts)
    flips = sum(v.verdict == "inconsistent" for v in verdicts)
    errors = sum(v.verdict == "error" for v in verdicts)
    decided = right + wrong
    lines = [
        f"judge {judge_model}, pairwise on {total} (good, bad) pairs, both orders each:",
        f"picks the good answer: {right}/{total} ({_percent(right / total if total else None)}); "
        f"of consistent picks: {_percent(right / decided if decided else None)}",
        f"picks the bad answer: {wrong}, tie: {ties}, order-dependent: {flips}, errors: {errors}",
    ]
    lines.extend(
        f"  prefers the bad one: {v.variants[1]} over {v.variants[0]}"
        for v in verdicts
        if v.verdict == "B"
    )
    return "\n".join(lines)
