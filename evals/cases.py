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
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, get_args

from evals.case import LANGS, CaseContext, Category, Lang
from evals.checks import CHECKS
from storage.records import CATEGORIES as CARD_CATEGORIES
from storage.records import HistoryMessage, WardrobeCard

CASES_DIR = Path(__file__).with_name("cases")

_CASE_FIELDS = frozenset(
    {"id", "description", "lang", "occasion", "style", "cards", "images", "history",
     "question", "checks", "rubric"}
)  # fmt: skip
_CHECK_FIELDS = frozenset(
    {"occasion_keywords", "max_chars", "expect_alternatives", "skip", "occasion", "item_numbers"}
)
_CARD_FIELDS = frozenset(WardrobeCard.__dataclass_fields__)
_ROLES = ("user", "assistant")
_CHECK_CATEGORIES = frozenset(get_args(Category))


class CaseError(ValueError):
    """A case file that does not describe a usable case; the message names the file."""


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
        return tuple(name for name in CHECKS if name not in self.skip_checks)


def item_numbers_from_cards(cards: Sequence[WardrobeCard]) -> dict[int, Category]:
    """What each photo number is, as the checks see it."""
    numbers: dict[int, Category] = {}
    for card in cards:
        category = "full_body" if card.kind == "full_body" else card.category
        if category not in _CHECK_CATEGORIES:
            raise ValueError(f"card [{card.number}] has no usable category")
        numbers[card.number] = category  # type: ignore[assignment]
    return numbers


def _card(raw: Any, where: str) -> WardrobeCard:
    if not isinstance(raw, dict):
        raise CaseError(f"{where}: every card must be an object")
    unknown = set(raw) - _CARD_FIELDS
    if unknown:
        raise CaseError(f"{where}: unknown card fields {sorted(unknown)}")
    number = raw.get("number")
    if not isinstance(number, int) or isinstance(number, bool) or number < 1:
        raise CaseError(f"{where}: card number must be a positive integer, got {number!r}")
    kind = raw.get("kind")
    if kind == "item":
        if raw.get("category") not in CARD_CATEGORIES:
            raise CaseError(
                f"{where}: item [{number}] needs a category in {list(CARD_CATEGORIES)}, "
                f"got {raw.get('category')!r}"
            )
        if not str(raw.get("name") or "").strip():
            raise CaseError(f"{where}: item [{number}] needs a name")
    elif kind == "full_body":
        if raw.get("category") is not None:
            raise CaseError(f"{where}: full-body card [{number}] cannot have a category")
    else:
        raise CaseError(f"{where}: card [{number}] kind must be 'full_body' or 'item'")
    if not isinstance(raw.get("colors", []), list):
        raise CaseError(f"{where}: card [{number}] colors must be a list")
    return WardrobeCard.from_dict(raw)


def _history(raw: Any, where: str) -> tuple[HistoryMessage, ...]:
    if not isinstance(raw, list):
        raise CaseError(f"{where}: history must be a list")
    messages = []
    for i, message in enumerate(raw):
        if not isinstance(message, dict) or set(message) != {"role", "content"}:
            raise CaseError(f"{where}: history[{i}] must be {{role, content}}")
        if message["role"] not in _ROLES:
            raise CaseError(f"{where}: history[{i}] role must be one of {list(_ROLES)}")
        content = message["content"]
        if not isinstance(content, str) or not content.strip():
            raise CaseError(f"{where}: history[{i}] content must be non-empty text")
        messages.append(HistoryMessage(message["role"], content, at=0.0))
    if messages and messages[0].role != "user":
        raise CaseError(f"{where}: history must start with the user's message")
    if messages and messages[-1].role != "assistant":
        raise CaseError(f"{where}: history must end with an answer; the question comes next")
    return tuple(messages)


def _optional_text(data: Mapping[str, Any], key: str, where: str) -> str | None:
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise CaseError(f"{where}: {key} must be text or null")
    return value.strip() or None


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
    cards = tuple(_card(raw, where) for raw in raw_cards)
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
    occasion = _optional_text(data, "occasion", where)
    derived = item_numbers_from_cards(cards)
    if "item_numbers" in checks:
        written = {int(n): category for n, category in dict(checks["item_numbers"]).items()}
        if written != derived:
            raise CaseError(
                f"{where}: checks.item_numbers {written} do not match the cards {derived}"
            )
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
    except (KeyError, TypeError, ValueError) as exc:
        raise CaseError(f"{where}: {exc}") from exc

    rubric = data.get("rubric") or ""
    if not isinstance(rubric, str):
        raise CaseError(f"{where}: rubric must be text")
    return EvalCase(
        id=case_id,
        description=str(data.get("description") or ""),
        lang=lang,
        occasion=occasion,
        style=_optional_text(data, "style", where),
        cards=cards,
        history=_history(data.get("history") or [], where),
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
