"""Precision round 5: whole good answers in the styles of the next writers, a locally
served open-weights model (plain, wordy, extra tips and caveats) and a polished
commercial model (markdown-rich, says what it left out and why, optional swaps, a
closing question). Each must pass every check of its case. Written by hand for this
round; none is a labelled answer. The bad answers at the end must still fail."""

from __future__ import annotations

import pytest

from evals.cases import load_cases
from evals.checks import CHECKS, applicable_checks
from tests.round5_answers_en import BAD_EN, GOOD_EN
from tests.round5_answers_ko import BAD_KO, GOOD_KO

CASES = {case.id: case for case in load_cases()}
GOOD_ANSWERS = GOOD_EN + GOOD_KO
BAD_ANSWERS = BAD_EN + BAD_KO


def test_there_are_enough_answers_in_both_languages_and_styles() -> None:
    langs = {CASES[case_id].context.lang for case_id, _ in GOOD_ANSWERS}
    assert len(GOOD_ANSWERS) >= 40 and langs == {"en", "ko"}
    assert len({case_id for case_id, _ in GOOD_ANSWERS}) >= 20


@pytest.mark.parametrize(("case_id", "answer"), GOOD_ANSWERS)
def test_a_good_answer_passes_every_check(case_id: str, answer: str) -> None:
    context = CASES[case_id].context
    failed = [
        f"{name}: {result.reason}"
        for name in applicable_checks(context)
        if not (result := CHECKS[name](answer, context)).passed
    ]
    assert not failed, failed


@pytest.mark.parametrize(("case_id", "answer", "check"), BAD_ANSWERS)
def test_a_bad_answer_in_the_same_styles_still_fails(case_id: str, answer: str, check: str) -> None:
    context = CASES[case_id].context
    assert check in applicable_checks(context)
    assert not CHECKS[check](answer, context).passed
