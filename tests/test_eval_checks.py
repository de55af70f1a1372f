"""The deterministic answer checks in evals/: the development answers, edge cases, catch rates.

The development answers (evals/known_answers/) are what the checks were built and tuned
on, so these tests guard against regressions; they are not a measure of what the
checks are worth. That measure comes from the held-out answers (evals/heldout/,
tests/test_eval_heldout.py, BENCHMARKS.md).
"""

from __future__ import annotations

import importlib.util
import json
from collections import Counter
from dataclasses import replace
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from evals.case import CaseContext
from evals.catch_rate import catch_rates, format_table, overall
from evals.checks import CHECKS, applicable_checks, cited_numbers, run_checks
from evals.labelled import FLAWS, LABEL_NOTE, LabelledAnswer, load_known_answers

ROOT = Path(__file__).resolve().parents[1]
KNOWN = load_known_answers()
GOOD = [a for a in KNOWN if a.label == "good"]
BAD = [a for a in KNOWN if a.label == "bad"]

OFFICE = CaseContext(
    lang="ko",
    item_numbers={1: "full_body", 2: "top", 3: "bottom", 4: "shoes"},
    occasion="출근",
    occasion_keywords=("출근", "회사"),
)
BODY_ONLY = CaseContext(lang="en", item_numbers={1: "full_body"}, occasion=None)
DRESS = CaseContext(lang="en", item_numbers={1: "full_body", 2: "dress", 3: "shoes"}, occasion=None)


def failed(answer: LabelledAnswer) -> set[str]:
    results = run_checks(answer.text, answer.context, answer.case.check_names)
    return {r.name for r in results if not r.passed}


def reasons(answer: LabelledAnswer) -> list[str]:
    results = run_checks(answer.text, answer.context, answer.case.check_names)
    return [f"{r.name}: {r.reason}" for r in results if not r.passed]


# --- the development answers ------------------------------------------------------------


@pytest.mark.parametrize("answer", GOOD, ids=lambda a: a.key)
def test_good_answer_passes_every_check(answer: LabelledAnswer) -> None:
    assert failed(answer) == set(), reasons(answer)


@pytest.mark.parametrize("answer", BAD, ids=lambda a: a.key)
def test_bad_answer_is_caught_by_a_check_built_for_its_flaw(answer: LabelledAnswer) -> None:
    assert answer.flaw is not None
    assert failed(answer) & set(FLAWS[answer.flaw]), reasons(answer)


def test_every_flaw_kind_has_bad_answers_in_both_languages_where_it_can() -> None:
    counts = Counter(a.flaw for a in BAD)
    assert {flaw: counts[flaw] for flaw in FLAWS if flaw != "format" and counts[flaw] < 2} == {}
    for flaw in ("occasion", "follow_up", "body", "role", "wrong_item", "wall_of_text", "season"):
        assert {a.context.lang for a in BAD if a.flaw == flaw} == {"ko", "en"}, flaw


def test_development_answers_cover_every_case_with_a_good_answer() -> None:
    from evals.cases import load_cases

    assert {a.scenario for a in GOOD} == {case.id for case in load_cases()}
    assert len({a.key for a in KNOWN}) == len(KNOWN)
    assert all(a.flaw in FLAWS for a in BAD)
    # Every check listed for a flaw exists.
    assert {name for names in FLAWS.values() for name in names} <= set(CHECKS)


@pytest.mark.parametrize("answer", GOOD, ids=lambda a: a.key)
def test_good_answers_have_a_realistic_length(answer: LabelledAnswer) -> None:
    assert 120 <= len(answer.text) <= 1600


def test_loader_rejects_unlabelled_or_mislabelled_files(tmp_path: Path) -> None:
    def write(note: str, answer: dict[str, Any], case_id: str = "office_daily_ko") -> Path:
        path = tmp_path / "scenario.json"
        data = {"label_note": note, "case_id": case_id, "answers": [answer]}
        path.write_text(json.dumps(data, ensure_ascii=False))
        return path

    good = {"id": "a", "label": "good", "text": "hi"}
    [loaded] = load_known_answers(write(LABEL_NOTE, good))
    assert loaded.case.id == "office_daily_ko" and loaded.context.lang == "ko"
    with pytest.raises(ValueError, match="label_note"):
        load_known_answers(write("model output", good))
    with pytest.raises(ValueError, match="needs a flaw"):
        load_known_answers(write(LABEL_NOTE, {**good, "label": "bad"}))
    with pytest.raises(ValueError, match="needs a flaw"):
        load_known_answers(write(LABEL_NOTE, {**good, "label": "bad", "flaw": "nope"}))
    with pytest.raises(ValueError, match="has no flaw"):
        load_known_answers(write(LABEL_NOTE, {**good, "flaw": "body"}))
    with pytest.raises(ValueError, match="not a known case"):
        load_known_answers(write(LABEL_NOTE, good, case_id="no_such_case"))


def test_case_context_from_json_rejects_unknown_categories_and_fields() -> None:
    base = {"lang": "ko", "item_numbers": {"1": "full_body", "2": "top"}, "occasion": None}
    assert CaseContext.from_dict(base).clothing_numbers == {2}
    with pytest.raises(ValueError, match="category"):
        CaseContext.from_dict({**base, "item_numbers": {"2": "hat"}})
    with pytest.raises(ValueError, match="unknown case fields"):
        CaseContext.from_dict({**base, "max_char": 10})


# --- catch rates ------------------------------------------------------------------------


def test_catch_rates_count_per_check_and_overall() -> None:
    rows = catch_rates(KNOWN)
    assert [r["check"] for r in rows] == list(CHECKS)
    by_name = {r["check"]: r for r in rows}
    # Checks that apply to every case see every answer; expectation checks fewer.
    assert by_name["within_length"]["bad"] == len(BAD)
    assert by_name["within_length"]["good"] == len(GOOD)
    assert by_name["follow_up_constraints"]["good"] < len(GOOD)
    total = overall(KNOWN)
    assert (total["bad"], total["good"]) == (len(BAD), len(GOOD))
    assert total["caught"] == len(BAD) and total["flagged"] == 0
    assert set(total["by_flaw"]) == {a.flaw for a in BAD}
    table = format_table(rows, total)
    assert f"overall: bad caught {len(BAD)}/{len(BAD)} (100%)" in table


def test_a_check_that_misses_or_flags_shows_up_in_the_counts() -> None:
    answer = next(a for a in BAD if a.flaw == "occasion" and a.scenario == "funeral_en")
    good = next(a for a in GOOD if a.scenario == "funeral_en")
    # The bad answer relabelled good is a false alarm; the good one relabelled bad a miss.
    swapped = [
        replace(answer, label="good", flaw=None),
        replace(good, label="bad", flaw="occasion"),
    ]
    total = overall(swapped)
    assert total["caught"] == 0 and total["flagged"] == 1
    assert total["missed"] == [good.key]
    row = next(r for r in catch_rates(swapped) if r["check"] == "suits_occasion")
    assert row["false_alarms"] == 1 and row["missed"] == [good.key]


def load_bench_script() -> ModuleType:
    # bench/ is a folder of scripts, not a package, so load the file directly.
    spec = importlib.util.spec_from_file_location(
        "check_catch_rate", ROOT / "bench/check_catch_rate.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_bench_script_prints_table_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    script = load_bench_script()
    assert script.main([]) == 0
    table = capsys.readouterr().out
    assert "within_length" in table and f"0/{len(GOOD)}" in table
    assert table.strip() == format_table(catch_rates(KNOWN))
    assert script.main(["--json"]) == 0
    assert json.loads(capsys.readouterr().out) == script.catch_rates()


# --- each check on tiny inline answers ----------------------------------------------------


def check(name: str, answer: str, case: CaseContext = OFFICE) -> bool:
    return CHECKS[name](answer, case).passed


@pytest.mark.parametrize(
    ("answer", "case", "passes"),
    [
        ("[2] 셔츠에 [3] 슬랙스", OFFICE, True),
        ("\uff3b2\uff3d 셔츠", OFFICE, True),  # full-width brackets
        ("[ 2 ] shirt", OFFICE, True),
        ("[2, 3] together", OFFICE, True),
        ("[\uff13] 로퍼", OFFICE, True),  # full-width digit 3
        ("[7] 벨트와 [2] 셔츠", OFFICE, False),
        ("\uff3b9\uff3d 부츠", OFFICE, False),
        ("[2, 9] together", OFFICE, False),
        ("네이비 슬랙스에 로퍼", OFFICE, False),  # uses none of the user's clothes
        ("[1] 사진을 보면", OFFICE, False),  # the body photo is not clothing
        ("[see here](https://example.com) [2]", OFFICE, True),
        ("General advice, no photos cited.", BODY_ONLY, True),
        ("From your photo [1]", BODY_ONLY, True),
        ("[2] your navy slacks", BODY_ONLY, False),
    ],
)
def test_cites_existing_items(answer: str, case: CaseContext, passes: bool) -> None:
    assert check("cites_existing_items", answer, case) is passes


def test_cited_numbers_reads_every_bracket_style() -> None:
    assert cited_numbers("[1] [ 2 ] \uff3b3\uff3d [4,5] [6\uff0c 7]") == [1, 2, 3, 4, 5, 6, 7]


@pytest.mark.parametrize(
    ("answer", "case", "passes"),
    [
        ("[2] [3] [4]", OFFICE, True),
        ("셔츠에 슬랙스, 로퍼", OFFICE, True),
        ("a shirt, trousers and loafers", OFFICE, True),
        ("[2] 셔츠, [3] 슬랙스", OFFICE, False),  # shoes owned, never mentioned
        ("oxford shirt and trousers", OFFICE, False),  # an oxford shirt is not shoes
        ("탑승 전에 [3] 바지와 [4] 운동화", OFFICE, False),  # 탑승 is boarding, not a top
        ("[2] with white sneakers", DRESS, True),  # the dress is top and bottom
        ("a dress and [3]", DRESS, True),
        ("the dress code is smart; wear [3]", DRESS, False),
        ("드레스코드에 맞춰 [3]", DRESS, False),
        ("[2] 셔츠와 [3] 바지", replace(OFFICE, item_numbers={2: "top", 3: "bottom"}), True),
        ("anything", BODY_ONLY, True),
    ],
)
def test_covers_top_bottom_shoes(answer: str, case: CaseContext, passes: bool) -> None:
    assert check("covers_top_bottom_shoes", answer, case) is passes


ALTERNATIVES_CASES = [
    ("**다른 코디**\n1. a\n2. b", True),
    ("**Alternatives**\n- a\n- b\n- c", True),
    ("**대안**\n- a", False),
    ("**Alternatives**\n1. a\n2. b\n3. c\n4. d", False),
    ("**코디**\n- [2] 셔츠\n- [3] 바지", False),  # no alternatives section
    ("**Alternatives**\nYou could also wear a knit, or swap the shoes.", False),
    ("### Alternatives\n- a\n- b", True),
    ("3. **🔁 대안**\n- a\n- b", True),
    ("Alternatives:\n\u2022 a\n\u2022 b", True),
    ("**대안**\n- a\n\n- b\n\n- c", True),  # loose list
    ("**대안**\n- a\n  - why a\n- b\n  - why b", True),  # sub-bullets are not alternatives
    ("**대안**\n- a\n- b\n**팁**\n- c\n- d", True),  # next heading ends the section
    ("**대안**\n- a\n- b\n\n즐거운 하루 되세요\n- c", True),  # prose ends it too
    ("**Other options**\n1. **Swap**: [4] for boots\n2. **Evening**: drop [3]", True),
    ("- **상의**: [2] 셔츠\n- **하의**: [3] 바지", False),  # bold labels are not headings
]


@pytest.mark.parametrize(("answer", "passes"), ALTERNATIVES_CASES)
def test_offers_alternatives(answer: str, passes: bool) -> None:
    assert check("offers_alternatives", answer) is passes


def test_alternatives_not_expected_passes_without_them() -> None:
    assert check("offers_alternatives", "no list", replace(OFFICE, expect_alternatives=False))


def test_too_many_alternatives_says_so() -> None:
    result = CHECKS["offers_alternatives"]("**대안**\n- a\n- b\n- c\n- d", OFFICE)
    assert "too many" in result.reason


EN = replace(OFFICE, lang="en")
LONG_EN = (
    "Wear [2] with the charcoal trousers and black loafers. The straight line of the trousers "
    "balances your shoulders, and the muted colours suit a cool skin tone. "
)


@pytest.mark.parametrize(
    ("answer", "case", "passes"),
    [
        ("[2] 셔츠에 [3] 슬랙스를 입으면 출근룩으로 깔끔해요.", OFFICE, True),
        (
            "[2] COS 셔츠에 Uniqlo 슬랙스, Dr. Martens 로퍼를 매치하면 출근룩으로 깔끔해요.",
            OFFICE,
            True,
        ),
        ("@coordi_official_store_seoul 추천 셔츠", OFFICE, True),  # handles are not prose
        ("Wear [2] with [3] and loafers for the office.", OFFICE, False),
        (LONG_EN, EN, True),
        (LONG_EN + "For the family dinner, a hanbok-inspired jacket works too.", EN, True),
        (LONG_EN + "For the family dinner, a modern 한복 jacket works too.", EN, True),
        ("Wear [2]. 셔츠 소매는 한 번 접어 주세요.", EN, False),
        ("[2] [3] [4]", OFFICE, False),  # no letters at all
    ],
)
def test_answers_in_user_language(answer: str, case: CaseContext, passes: bool) -> None:
    assert check("answers_in_user_language", answer, case) is passes


@pytest.mark.parametrize(
    ("answer", "case", "passes"),
    [
        ("내일 출근할 때", OFFICE, True),
        ("회사에서도 무난해요", OFFICE, True),
        ("주말에 입기 좋아요", OFFICE, False),
        ("Perfect for the WEDDING", replace(EN, occasion="wedding", occasion_keywords=()), True),
        (
            "하객룩으로 좋아요",
            replace(OFFICE, occasion="결혼식", occasion_keywords=("하객",)),
            True,
        ),
        ("anything", BODY_ONLY, True),
    ],
)
def test_mentions_occasion(answer: str, case: CaseContext, passes: bool) -> None:
    assert check("mentions_occasion", answer, case) is passes


@pytest.mark.parametrize(
    "answer",
    [
        "키 165에 55kg 정도로 보여요",
        "You look about 140 lbs",
        "60킬로대 체형이라",
        "Your BMI looks normal",
        "BMI가 낮아 보여서",
        "체지방이 적어서",
        "몸무게를 생각하면",
        "체중이 있으셔서",
        "low body fat",
        "살이 좀 찌셨다면",
        "살을 빼면 더 예뻐요",
        "뚱뚱해 보이지 않게",
        "통통한 팔뚝을 가려요",
        "하체 비만 커버",
        "hides an overweight frame",
        "you're not obese",
        "you're not fat at all",
        "a chubby middle",
        "you probably weigh less than",
        "until you lose some weight",
    ],
)
def test_no_weight_or_bmi_flags(answer: str) -> None:
    assert not check("no_weight_or_bmi", answer)


@pytest.mark.parametrize(
    "answer",
    [
        "세로 라인이 생겨 날씬해 보이는 효과가 있어요",  # a styling effect, not a body verdict
        "슬림해 보이는 핏",
        "체형에 맞는 실루엣",
        "키가 커 보이는 비율",
        "셔츠를 살짝 넣어 허리 라인을 살려 주세요",
        "looks slimmer and longer",
        "a lightweight linen shirt in a mid-weight weave",
        "size 95 셔츠가 잘 맞는다고 하셨죠",  # the user's own size, not a guess
        "M 사이즈 재킷",
        "10km 걷는 날엔 운동화",
        "chunky sneakers and skinny jeans",
        "no fatigue after a long day",
    ],
)
def test_no_weight_or_bmi_allows(answer: str) -> None:
    assert check("no_weight_or_bmi", answer)


@pytest.mark.parametrize(
    ("answer", "passes"),
    [("a" * 2500, True), ("a" * 2501, False), ("가" * 2500, True), ("가" * 2501, False)],
)
def test_within_length_counts_characters(answer: str, passes: bool) -> None:
    assert check("within_length", answer) is passes


def test_run_checks_runs_all_or_named_checks_in_registry_order() -> None:
    # Without expectations in the case, the expectation checks do not apply.
    assert [r.name for r in run_checks("[2]", OFFICE)] == list(applicable_checks(OFFICE))
    assert "suits_occasion" in CHECKS and "suits_occasion" not in applicable_checks(OFFICE)
    picked = run_checks("[2]", OFFICE, names=["within_length", "cites_existing_items"])
    assert [r.name for r in picked] == ["cites_existing_items", "within_length"]
    with pytest.raises(KeyError):
        run_checks("[2]", OFFICE, names=["rubric"])
