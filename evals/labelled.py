"""Answers labelled good or bad, for measuring the checks and the judge.

One file per case, ``<dir>/<case id>.json``::

    {
      "label_note": "hand-written, not model output",
      "case_id": "funeral_en",                     # a case in evals/cases/
      "answers": [
        {"id": "good-1", "label": "good", "text": "..."},
        {"id": "bad-suede", "label": "bad", "flaw": "occasion", "text": "..."}
      ]
    }

A bad answer names its one substantive flaw (``FLAWS``). ``evals/known_answers/`` is
the development set the checks were built and tuned on; ``evals/heldout/`` was written
by someone who never saw the checks, and is what their catch rates are quoted from.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from evals.case import CaseContext
from evals.cases import CASES_DIR, EvalCase, load_cases

DEFAULT_DIR = Path(__file__).with_name("known_answers")
LABEL_NOTE = "hand-written, not model output"

Label = Literal["good", "bad"]

# The kinds of flaw, and the checks built to catch each. Any check may catch any flaw;
# this says which ones should, so a bad answer caught only by accident shows up.
FLAWS: dict[str, tuple[str, ...]] = {
    "occasion": ("suits_occasion",),
    "follow_up": ("follow_up_constraints", "fits_season_weather"),
    "style_notes": ("follows_style_notes",),
    "season": ("fits_season_weather", "suits_occasion"),
    "body": ("no_weight_or_bmi", "no_body_judgement"),
    "role": ("stays_in_role",),
    "wrong_item": ("describes_items_truly",),
    "not_own_items": ("builds_from_own_items", "cites_existing_items"),
    "repeats": ("alternatives_differ",),
    "wall_of_text": ("readable_on_phone", "within_length"),
    "format": (
        "cites_existing_items",
        "covers_top_bottom_shoes",
        "offers_alternatives",
        "answers_in_user_language",
        "mentions_occasion",
        "within_length",
    ),
}


@dataclass(frozen=True)
class LabelledAnswer:
    scenario: str  # the case id
    id: str
    label: Label
    flaw: str | None
    text: str
    case: EvalCase
    note: str = ""

    @property
    def key(self) -> str:
        return f"{self.scenario}/{self.id}"

    @property
    def context(self) -> CaseContext:
        return self.case.context


def _answer(case: EvalCase, raw: dict[str, Any], where: str) -> LabelledAnswer:
    where = f"{where}/{raw.get('id', '?')}"
    label = raw.get("label")
    if label not in ("good", "bad"):
        raise ValueError(f"{where}: label must be 'good' or 'bad', got {label!r}")
    flaw = raw.get("flaw")
    if label == "bad" and flaw not in FLAWS:
        raise ValueError(f"{where}: a bad answer needs a flaw from {sorted(FLAWS)}, got {flaw!r}")
    if label == "good" and flaw is not None:
        raise ValueError(f"{where}: a good answer has no flaw")
    text = raw.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ValueError(f"{where}: text must be non-empty")
    return LabelledAnswer(
        case.id, str(raw["id"]), label, flaw, text, case, str(raw.get("note", ""))
    )


def load_file(path: Path, cases: dict[str, EvalCase]) -> list[LabelledAnswer]:
    data = json.loads(path.read_text(encoding="utf-8"))
    # The note keeps anyone from mistaking these for recorded model output.
    if data.get("label_note") != LABEL_NOTE:
        raise ValueError(f"{path.name}: label_note must be {LABEL_NOTE!r}")
    case_id = data.get("case_id")
    if case_id not in cases:
        raise ValueError(f"{path.name}: case_id {case_id!r} is not a known case")
    answers = [_answer(cases[case_id], raw, path.name) for raw in data["answers"]]
    ids = [a.id for a in answers]
    if len(ids) != len(set(ids)):
        raise ValueError(f"{path.name}: answer ids repeat")
    return answers


def load_known_answers(
    path: Path | str = DEFAULT_DIR, cases_dir: Path | str = CASES_DIR
) -> list[LabelledAnswer]:
    """All labelled answers in a directory of files (or one file), in a stable order:
    by file name, then as written."""
    path = Path(path)
    files = [path] if path.is_file() else sorted(path.glob("*.json"))
    if not files:
        raise FileNotFoundError(f"no labelled answers under {path}")
    cases = {case.id: case for case in load_cases(cases_dir)}
    return [answer for file in files for answer in load_file(file, cases)]
