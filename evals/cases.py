"""Evaluation cases: a wardrobe, an occasion, the conversation so far and the question.

One case per file, ``evals/cases/<id>.json``::

    {
      "id": "office_daily_ko",                 # must equal the file name
      "description": "what the case is about, for a human",
      "lang": "ko",                             # "ko" or "en": the language to answer in
      "occasion": "출근",                        # the chat's occasion (TPO) or null
      "style": "치마 X",                         # optional style notes / constraints
      "cards": [ {WardrobeCard fields}, ... ],  # the wardrobe, numbered like the bot numbers photos
      "images": {"2": "images/slacks.jpg"},     # optional committed photos for some cards
      "history": [{"role": "user", "content": "..."}, {"role": "assistant", ...}],
      "question": "내일 출근룩 추천해줘",
      "checks": {                               # CaseContext fields the cards do not decide
        "occasion_keywords": ["출근", "회사"],
        "max_chars": 2500,
        "expect_alternatives": true,
        "skip": ["covers_top_bottom_shoes"],    # checks that do not apply to this case
        "occasion": "면접"                       # only when the question, not the chat, names it
      },
      "rubric": "what a good answer does here, for the model judge"   # optional
    }

``item_numbers`` for the checks comes from the cards (an item's category, or
``full_body``); a file may spell it out under ``checks`` too, but then it must
match the cards. Cards alone are enough: the runner gives the builder a tiny
placeholder picture per card, so the wardrobe reaches the model as card lines
exactly as in production.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from evals.case import LANGS, CaseContext, Lang
from evals.case_fields import (
    CaseError,
    card_from_dict,
    history_from_list,
    item_numbers_from_cards,
    optional_text,
)
from evals.checks import CHECKS, applicable_checks
from evals.expect import expectations_from_dict
from storage.records import HistoryMessage, WardrobeCard

__all__ = ["CASES_DIR", "CaseError", "EvalCase", "case_from_dict", "load_case", "load_cases"]

CASES_DIR = Path(__file__).with_name("cases")

_CASE_FIELDS = frozenset(
    {"id", "description", "lang", "occasion", "style", "cards", "images", "history",
     "question", "checks", "expect", "rubric", "feedback"}
)  # fmt: skip
_CHECK_FIELDS = frozenset(
    {"occasion_keywords", "max_chars", "expect_alternatives", "skip", "occasion", "item_numbers"}
)


@dataclass(frozen=True)
class EvalCase:
    id: str
    description: str
    lang: Lang
    occasion: str | None
    style: str | None
    cards: tuple[WardrobeCard, ...]
    history: tuple[HistoryMessage, ...]
    question: str
    context: CaseContext
    skip_checks: tuple[str, ...] = ()
    rubric: str = ""
    # Photo number -> path (relative to the case file) of a committed photo, and its bytes
    # when the case was loaded from files (a report's copy of a case carries no images).
    image_paths: Mapping[int, str] = field(default_factory=dict)
    images: Mapping[int, bytes] = field(default_factory=dict, repr=False)
    # The JSON as written: reports keep it, so `recheck` works without the case files.
    raw: Mapping[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @property
    def cards_by_number(self) -> dict[int, WardrobeCard]:
        return {card.number: card for card in self.cards}

    @property
    def check_names(self) -> tuple[str, ...]:
        """The deterministic checks that apply to this case, in registry order."""
        return applicable_checks(self.context, self.skip_checks)


def case_from_dict(
    data: Mapping[str, Any], *, base_dir: Path | None = None, where: str | None = None
) -> EvalCase:
    """Validate one case. ``base_dir`` is where image paths are read from; without it
    (a case copied into a report) images are named but not loaded."""
    where = where or str(data.get("id", "?"))
    if not isinstance(data, Mapping):
        raise CaseError(f"{where}: a case must be a JSON object")
    unknown = set(data) - _CASE_FIELDS
    if unknown:
        raise CaseError(f"{where}: unknown fields {sorted(unknown)}")
    for key in ("id", "lang", "cards", "question"):
        if key not in data:
            raise CaseError(f"{where}: missing {key!r}")
    case_id = data["id"]
    if not isinstance(case_id, str) or not case_id or not case_id.replace("_", "").isalnum():
        raise CaseError(f"{where}: id must be letters, digits and underscores")
    lang = data["lang"]
    if lang not in LANGS:
        raise CaseError(f"{where}: lang must be one of {sorted(LANGS)}, got {lang!r}")
    question = data["question"]
    if not isinstance(question, str) or not question.strip():
        raise CaseError(f"{where}: question must be non-empty text")

    raw_cards = data["cards"]
    if not isinstance(raw_cards, list):
        raise CaseError(f"{where}: cards must be a list")
    cards = tuple(card_from_dict(raw, where) for raw in raw_cards)
    numbers = [card.number for card in cards]
    if len(numbers) != len(set(numbers)):
        raise CaseError(f"{where}: card numbers repeat: {numbers}")
    if sum(card.kind == "full_body" for card in cards) > 1:
        raise CaseError(f"{where}: at most one full-body card")
    cards = tuple(sorted(cards, key=lambda card: card.number))

    image_paths: dict[int, str] = {}
    images: dict[int, bytes] = {}
    for key, path in dict(data.get("images") or {}).items():
        number = int(key)
        if number not in numbers:
            raise CaseError(f"{where}: image for [{number}], which has no card")
        image_paths[number] = str(path)
        if base_dir is not None:
            file = base_dir / str(path)
            if not file.is_file():
                raise CaseError(f"{where}: image {path} not found under {base_dir}")
            images[number] = file.read_bytes()

    checks = data.get("checks") or {}
    if not isinstance(checks, Mapping):
        raise CaseError(f"{where}: checks must be an object")
    unknown = set(checks) - _CHECK_FIELDS
    if unknown:
        raise CaseError(f"{where}: unknown checks fields {sorted(unknown)}")
    skip = tuple(str(name) for name in checks.get("skip", ()))
    if set(skip) - set(CHECKS):
        raise CaseError(f"{where}: skip names unknown checks {sorted(set(skip) - set(CHECKS))}")
    occasion = optional_text(data, "occasion", where)
    derived = item_numbers_from_cards(cards)
    if "item_numbers" in checks:
        written = {int(n): category for n, category in dict(checks["item_numbers"]).items()}
        if written != derived:
            raise CaseError(
                f"{where}: checks.item_numbers {written} do not match the cards {derived}"
            )
    history = history_from_list(data.get("history") or [], where)
    style = optional_text(data, "style", where)
    try:
        context = CaseContext.from_dict(
            {
                "lang": lang,
                "item_numbers": {str(n): category for n, category in derived.items()},
                "occasion": checks.get("occasion", occasion),
                "occasion_keywords": list(checks.get("occasion_keywords", ())),
                "max_chars": checks.get("max_chars", 2500),
                "expect_alternatives": checks.get("expect_alternatives", True),
            }
        )
        expect = expectations_from_dict(
            data.get("expect"), [c.number for c in cards if c.kind == "item"]
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise CaseError(f"{where}: {exc}") from exc
    answers = [m.content for m in history if m.role == "assistant"]
    context = replace(
        context,
        cards=cards,
        style=style,
        previous_answer=answers[-1] if answers else None,
        expect=expect,
    )
    feedback = data.get("feedback")
    if feedback is not None and not isinstance(feedback, Mapping):
        raise CaseError(f"{where}: feedback must be an object")

    rubric = data.get("rubric") or ""
    if not isinstance(rubric, str):
        raise CaseError(f"{where}: rubric must be text")
    return EvalCase(
        id=case_id,
        description=str(data.get("description") or ""),
        lang=lang,
        occasion=occasion,
        style=style,
        cards=cards,
        history=history,
        question=question.strip(),
        context=context,
        skip_checks=skip,
        rubric=rubric.strip(),
        image_paths=image_paths,
        images=images,
        raw=json.loads(json.dumps(data, ensure_ascii=False)),
    )


def load_case(path: Path) -> EvalCase:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except ValueError as exc:
        raise CaseError(f"{path.name}: not valid JSON: {exc}") from exc
    case = case_from_dict(data, base_dir=path.parent, where=path.name)
    if case.id != path.stem:
        raise CaseError(f"{path.name}: id {case.id!r} must equal the file name")
    return case


def load_cases(path: Path | str = CASES_DIR, ids: Sequence[str] | None = None) -> list[EvalCase]:
    """Every case in a directory (or one file), sorted by id; ``ids`` picks some, in that order."""
    path = Path(path)
    files = [path] if path.is_file() else sorted(path.glob("*.json"))
    if not files:
        raise FileNotFoundError(f"no eval cases under {path}")
    cases = [load_case(file) for file in files]
    by_id = {case.id: case for case in cases}
    if len(by_id) != len(cases):
        raise CaseError("case ids repeat")
    if ids is None:
        return cases
    missing = [case_id for case_id in ids if case_id not in by_id]
    if missing:
        raise CaseError(f"unknown case ids: {missing}; known: {sorted(by_id)}")
    return [by_id[case_id] for case_id in dict.fromkeys(ids)]
