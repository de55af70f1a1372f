"""The eval cases in evals/cases/: they load, are varied, and reach the model as in production."""

from __future__ import annotations

import copy
import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from evals.case import CaseContext
from evals.cases import CASES_DIR, CaseError, EvalCase, case_from_dict, load_case, load_cases
from evals.checks import CHECKS, applicable_checks
from evals.requests import build_request, stored_photos
from storage.citations import cited_numbers
from tests.image_files import encode, photo_like

CASES = load_cases()
BY_ID = {case.id: case for case in CASES}
MODEL = "gpt-4.1-mini"


def test_at_least_twenty_cases_with_unique_ids_matching_their_files() -> None:
    assert len(CASES) >= 20
    assert len(BY_ID) == len(CASES)
    assert {path.stem for path in CASES_DIR.glob("*.json")} == set(BY_ID)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_item_numbers_are_the_cards(case: EvalCase) -> None:
    expected = {
        card.number: "full_body" if card.kind == "full_body" else card.category
        for card in case.cards
    }
    assert case.context.item_numbers == expected
    assert case.context.lang == case.lang
    # A report keeps the raw JSON; rebuilding from it gives the same checks.
    assert case_from_dict(case.raw).context == case.context


def test_cases_are_varied() -> None:
    assert {case.lang for case in CASES} == {"ko", "en"}
    assert sum(case.lang == "ko" for case in CASES) >= 8
    assert sum(case.lang == "en" for case in CASES) >= 8
    occasions = {case.context.occasion for case in CASES if case.context.occasion}
    assert len(occasions) >= 15, occasions
    assert sum(bool(case.history) for case in CASES) >= 4, "follow-ups with history"
    body_only = [c for c in CASES if set(c.context.item_numbers.values()) == {"full_body"}]
    assert len(body_only) >= 2
    assert sum("dress" in c.context.item_numbers.values() for c in CASES) >= 3
    assert sum(bool(c.style) for c in CASES) >= 3, "style notes"
    assert any("full_body" not in c.context.item_numbers.values() for c in CASES)
    assert any(c.question.strip() == "신발만 바꾸면?" for c in CASES)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_case_text_cites_only_its_own_items(case: EvalCase) -> None:
    numbers = set(case.context.item_numbers)
    for message in case.history:
        assert cited_numbers(message.content) <= numbers, message.content
    assert cited_numbers(case.rubric) <= numbers
    assert cited_numbers(case.question) <= numbers
    assert set(case.skip_checks) <= set(CHECKS)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
@pytest.mark.parametrize("variant", ["A", "B"])
def test_cards_reach_the_model_as_production_wardrobe_lines(case: EvalCase, variant: str) -> None:
    built = build_request(case, variant, MODEL)
    system = built.messages[0]["content"]
    for card in case.cards:
        assert card.describe() in system
    assert ("Variant B" in system) == (variant == "B")
    if case.occasion:
        assert case.occasion in system
    if case.style:
        assert case.style in system
    # Cards alone: no placeholder picture may reach the model.
    assert built.images == ()
    assert built.dropped_messages == 0
    assert [m["content"] for m in built.messages[1:-1]] == [m.content for m in case.history]
    assert built.messages[-1] == {"role": "user", "content": case.question}


# --- the loader rejects broken cases ------------------------------------------------------

VALID: dict[str, Any] = {
    "id": "tiny_case",
    "lang": "en",
    "occasion": "interview",
    "cards": [
        {"number": 1, "kind": "full_body", "silhouette": "tall"},
        {"number": 2, "kind": "item", "name": "white shirt", "category": "top"},
        {"number": 3, "kind": "item", "name": "black shoes", "category": "shoes"},
    ],
    "history": [],
    "question": "What should I wear?",
    "checks": {"occasion_keywords": ["interview"], "max_chars": 1000},
}


def test_a_minimal_case_loads_with_defaults() -> None:
    case = case_from_dict(VALID)
    assert replace(case.context, cards=()) == CaseContext(
        lang="en",
        item_numbers={1: "full_body", 2: "top", 3: "shoes"},
        occasion="interview",
        occasion_keywords=("interview",),
        max_chars=1000,
    )
    assert case.context.cards == case.cards and case.context.previous_answer is None
    # Without an expect block, only the checks that need no expectations run.
    assert case.check_names == applicable_checks(case.context)
    assert "suits_occasion" not in case.check_names and "stays_in_role" in case.check_names


def test_checks_can_name_another_occasion_and_skip_checks() -> None:
    data = copy.deepcopy(VALID)
    data["checks"] |= {"occasion": "rainy day", "skip": ["offers_alternatives"]}
    case = case_from_dict(data)
    assert case.occasion == "interview" and case.context.occasion == "rainy day"
    assert "offers_alternatives" not in case.check_names


def _broken(change: str) -> dict[str, Any]:
    data = copy.deepcopy(VALID)
    if change == "item_numbers":
        data["checks"]["item_numbers"] = {"1": "full_body", "2": "bottom", "3": "shoes"}
    elif change == "duplicate_number":
        data["cards"][2]["number"] = 2
    elif change == "unknown_field":
        data["occassion"] = "typo"
    elif change == "unknown_card_field":
        data["cards"][1]["colour"] = ["white"]
    elif change == "item_without_category":
        del data["cards"][1]["category"]
    elif change == "body_with_category":
        data["cards"][0]["category"] = "top"
    elif change == "two_bodies":
        data["cards"][1] = {"number": 2, "kind": "full_body"}
    elif change == "unknown_skip":
        data["checks"]["skip"] = ["mentions_the_weather"]
    elif change == "history_ends_with_user":
        data["history"] = [{"role": "user", "content": "hi"}]
    elif change == "history_role":
        data["history"] = [{"role": "system", "content": "hi"}]
    elif change == "lang":
        data["lang"] = "ja"
    elif change == "empty_question":
        data["question"] = "  "
    elif change == "image_without_card":
        data["images"] = {"7": "images/x.jpg"}
    elif change == "max_chars":
        data["checks"]["max_chars"] = 0
    return data


@pytest.mark.parametrize(
    "change",
    [
        "item_numbers", "duplicate_number", "unknown_field", "unknown_card_field",
        "item_without_category", "body_with_category", "two_bodies", "unknown_skip",
        "history_ends_with_user", "history_role", "lang", "empty_question",
        "image_without_card", "max_chars",
    ],
)  # fmt: skip
def test_broken_cases_are_rejected_with_the_case_named(change: str) -> None:
    with pytest.raises(CaseError, match="tiny_case"):
        case_from_dict(_broken(change))


def test_file_name_must_be_the_id_and_unknown_ids_are_named(tmp_path: Path) -> None:
    (tmp_path / "other_name.json").write_text(json.dumps(VALID), encoding="utf-8")
    with pytest.raises(CaseError, match="must equal the file name"):
        load_cases(tmp_path)
    with pytest.raises(CaseError, match="unknown case ids"):
        load_cases(CASES_DIR, ["office_daily_ko", "no_such_case"])
    picked = load_cases(CASES_DIR, ["interview_en", "office_daily_ko"])
    assert [c.id for c in picked] == ["interview_en", "office_daily_ko"]


def test_a_committed_photo_is_stored_and_attached_when_the_question_is_about_looks(
    tmp_path: Path,
) -> None:
    jpeg = encode(photo_like((300, 400)), "JPEG")
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "shirt.jpg").write_bytes(jpeg)
    data = copy.deepcopy(VALID) | {"images": {"2": "images/shirt.jpg"}}
    path = tmp_path / "tiny_case.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    case = load_case(path)
    photos = {p.meta.number: p for p in stored_photos(case)}
    assert photos[2].jpeg == jpeg and (photos[2].meta.width, photos[2].meta.height) == (300, 400)
    assert photos[1].meta.role == "full_body" and photos[3].meta.role == "clothing"
    assert build_request(case, "A", MODEL).images == ()
    looks = EvalCase(**{**case.__dict__, "question": "Does the colour of [2] work?"})
    assert build_request(looks, "A", MODEL).images == (2,)
    with pytest.raises(CaseError, match="not found"):
        load_case(_write(tmp_path, data | {"images": {"2": "images/missing.jpg"}}))


def _write(directory: Path, data: dict[str, Any]) -> Path:
    path = directory / f"{data['id']}.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path
