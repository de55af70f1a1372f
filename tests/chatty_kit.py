"""What the chatty-answer test modules share: the check run on a good answer, with the
form checks left out (see tests/test_eval_precision_answers.py for why)."""

from __future__ import annotations

from evals.cases import load_cases
from evals.checks import CHECKS, applicable_checks

CASES = {case.id: case for case in load_cases()}
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
