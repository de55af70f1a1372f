"""What the hand-written precision tests share: the check run on a good answer, with the
form checks left out."""

from __future__ import annotations

from evals.cases import load_cases
from evals.checks import CHECKS, applicable_checks

CASES = {case.id: case for case in load_cases()}
# Form checks (citations, slots, length, layout) are not what these answers test; the
# held-out sets measure them (tests/test_eval_precision_round5.py runs them too).
FORM = {
    "cites_existing_items",
    "covers_top_bottom_shoes",
    "offers_alternatives",
    "within_length",
    "readable_on_phone",
    "mentions_occasion",
}


def content_failures(case_id: str, answer: str) -> list[str]:
    context = CASES[case_id].context
    return [
        f"{name}: {result.reason}"
        for name in applicable_checks(context)
        if name not in FORM and not (result := CHECKS[name](answer, context)).passed
    ]
