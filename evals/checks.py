"""Deterministic checks on one model answer: the registry.

Each check is a plain function ``(answer, case) -> CheckResult``. They are cheap, need
no model and never flake, so they run on every answer. They come in four kinds:

- form (``checks_format``): citations, slots, alternatives, language, occasion, length;
- the wardrobe (``checks_wardrobe``): items described as their cards say, an outfit of
  the user's own clothes, alternatives that differ from it;
- the case's expectations (``checks_expect``): occasion, style notes, follow-up,
  season and weather, each from the case file's ``expect`` block;
- manner (``checks_body``, ``checks_manner``): weight and subtler body judgement,
  staying in role, paragraphs a phone can show.

Whether the outfit is actually good is left to the model judge (``evals.judge``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from evals.case import CaseContext, CheckResult
from evals.checks_body import no_body_judgement, no_weight_or_bmi
from evals.checks_descriptions import describes_items_truly
from evals.checks_expect import (
    fits_season_weather,
    follow_up_constraints,
    follows_style_notes,
    suits_occasion,
)
from evals.checks_format import (
    answers_in_user_language,
    cited_numbers,
    cites_existing_items,
    covers_top_bottom_shoes,
    mentions_occasion,
    offers_alternatives,
    within_length,
)
from evals.checks_manner import readable_on_phone, stays_in_role
from evals.checks_wardrobe import alternatives_differ, builds_from_own_items

__all__ = [
    "CHECKS",
    "CaseContext",
    "Check",
    "CheckResult",
    "applicable_checks",
    "cited_numbers",
    "run_checks",
]

Check = Callable[[str, CaseContext], CheckResult]

CHECKS: dict[str, Check] = {
    "cites_existing_items": cites_existing_items,
    "covers_top_bottom_shoes": covers_top_bottom_shoes,
    "offers_alternatives": offers_alternatives,
    "answers_in_user_language": answers_in_user_language,
    "mentions_occasion": mentions_occasion,
    "no_weight_or_bmi": no_weight_or_bmi,
    "within_length": within_length,
    "describes_items_truly": describes_items_truly,
    "builds_from_own_items": builds_from_own_items,
    "alternatives_differ": alternatives_differ,
    "suits_occasion": suits_occasion,
    "follows_style_notes": follows_style_notes,
    "follow_up_constraints": follow_up_constraints,
    "fits_season_weather": fits_season_weather,
    "no_body_judgement": no_body_judgement,
    "stays_in_role": stays_in_role,
    "readable_on_phone": readable_on_phone,
}

# Checks that only mean something when the case says what to expect.
_EXPECTATION_BLOCKS = {
    "suits_occasion": "occasion",
    "follows_style_notes": "style",
    "follow_up_constraints": "follow_up",
    "fits_season_weather": "weather",
}


def applicable_checks(case: CaseContext, skip: Iterable[str] = ()) -> tuple[str, ...]:
    """The checks that apply to a case, in registry order: all but the skipped ones and
    the expectation checks whose block the case does not have."""
    skipped = set(skip)
    return tuple(
        name
        for name in CHECKS
        if name not in skipped
        and (
            name not in _EXPECTATION_BLOCKS
            or not case.expect.block(_EXPECTATION_BLOCKS[name]).empty
        )
    )


def run_checks(
    answer: str, case: CaseContext, names: Iterable[str] | None = None
) -> list[CheckResult]:
    """Run the checks that apply to the case (or the named ones), in registry order."""
    wanted = set(applicable_checks(case) if names is None else names)
    unknown = wanted - set(CHECKS)
    if unknown:
        raise KeyError(f"unknown checks: {sorted(unknown)}")
    return [check(answer, case) for name, check in CHECKS.items() if name in wanted]
