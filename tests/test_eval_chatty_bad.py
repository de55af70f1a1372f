"""Bad answers near the rules the fourth tuning round added, which must still fail, and
for the reason named: a Korean 고 that joins descriptions of a worn item ("밝고 따뜻해서
잘 어울려요"), a purchase beside an own card the outfit still wears, slot labels that
are not avoid labels, an opening "swaps" heading over the outfit, "대비만" beside a real
body word, and
alternatives that name the outfit's pieces again in words only."""

from __future__ import annotations

import pytest

from evals.checks import CHECKS
from tests.chatty_kit import CASES

BAD = [
    (
        "beach_trip_en",
        "**Outfit**\n- [8] navy ribbed tank, [4] cutoffs, [5] tan sandals, [7] straw tote\n\n"
        "**Alternatives**\n1. Navy tank and denim cutoffs with the tan sandals.\n"
        "2. The tank with the cutoffs and the straw tote, sandals on.",
        "alternatives_differ",
        "repeats the outfit",
    ),
    (
        "office_daily_ko",
        "**코디**\n- [2] 화이트 셔츠, [3] 네이비 슬랙스, [5] 페니 로퍼, [7] 토트백\n\n"
        "**다른 코디**\n1. 흰 셔츠에 네이비 슬랙스, 브라운 로퍼.\n2. 옥스퍼드 셔츠와 울 슬랙스에 로퍼, 토트백.",
        "alternatives_differ",
        "repeats the outfit",
    ),
    (
        "funeral_en",
        "**Outfit**\n- [3] and [4] charcoal suit, [5] white shirt, [9] navy patterned tie, [7] oxfords\n➕ Plain black tie as a spare\n\n**Why it works**\n- The [9] tie adds a little life to the charcoal.",
        "suits_occasion",
        "recommends [9]",
    ),
    (
        "funeral_ko",
        "[2] 재킷, [3] 슬랙스, [6] 더비에 [8] 버건디 니트는 밝고 따뜻해서 잘 어울려요.",
        "suits_occasion",
        "recommends [8]",
    ),
    (
        "funeral_ko",
        "[2] 재킷에 [8] 버건디 니트를 입고 [6] 더비, 스니커즈는 빼세요.",
        "suits_occasion",
        "recommends [8]",
    ),
    (
        "wedding_evening_en",
        "- Dress: [8] white lace midi dress\n- Shoes: [5] nude block heels\n- Bag: [7] black beaded clutch",
        "suits_occasion",
        "recommends [8]",
    ),
    (
        "interview_ko",
        "[2] 재킷, [3] 팬츠에 [7] 스니커즈는 편하고 깔끔해서 면접에도 좋아요.",
        "suits_occasion",
        "uses [7]",
    ),
    (
        "date_night_en",
        "[8] red logo hoodie is great for a relaxed date, not too dressy, with [4] jeans and [7] sneakers.",
        "follows_style_notes",
        "recommends [8]",
    ),
    (
        "first_day_work_en",
        "Heels would look polished on day one, so wear them with [2] and [3].",
        "follows_style_notes",
        "'Heels'",
    ),
    (
        "summer_commute_ko",
        "[4] 차콜 울 슬랙스에 [5] 울 블레이저로 입으세요. 에어컨 대비만 하면 돼요.",
        "fits_season_weather",
        "[4]",
    ),
    (
        "body_worry_en",
        "Hips and thighs look heavy, so [2] wide-leg trousers hide them.",
        "no_body_judgement",
        "heavy",
    ),
    (
        "summer_commute_ko",
        "하체비만이 고민이시니 [3] 와이드 팬츠가 좋아요.",
        "no_weight_or_bmi",
        "하체비만",
    ),
    (
        "rainy_weekend_followup_en",
        "Small swaps:\n- Keep [5] white canvas sneakers, they dry fast.\n- [8] raincoat over [2] and [3].",
        "follow_up_constraints",
        "keeps [5]",
    ),
    (
        "shoes_only_followup_ko",
        "**신발 바꿔 보기**\n- 신발: [5] 다크 브라운 로퍼\n- 하의: [3] 대신 진청 데님 팬츠",
        "follow_up_constraints",
        "drops [3]",
    ),
]


@pytest.mark.parametrize(("case_id", "answer", "check", "reason"), BAD)
def test_a_bad_answer_near_a_new_rule_still_fails(
    case_id: str, answer: str, check: str, reason: str
) -> None:
    result = CHECKS[check](answer, CASES[case_id].context)
    assert not result.passed
    assert reason in result.reason


@pytest.mark.parametrize(
    ("sentence", "passed"),
    [
        ("어깨가 좁아서 좀 초라해 보이는 게 단점이니, 셔츠로 가려 주세요.", False),
        ("어깨가 좁은 게 단점이에요.", False),
        ("다리가 길어 보이지만 밑단이 젖는 게 단점이에요.", True),
        ("하체가 길어 보이는 게 이 바지의 장점이에요.", True),
        ("린넨은 구김이 잘 가는 게 단점이지만 시원해요.", True),
        ("다리가 길어 보이는데 바지 밑단이 끌리는 게 단점이에요.", True),
    ],
)
def test_a_body_part_then_a_predicate_made_a_flaw_is_judged(sentence: str, passed: bool) -> None:
    # The word before "게 단점" is the predicate made a noun ("좁은 게"), not a new subject.
    context = CASES["summer_commute_ko"].context
    assert CHECKS["no_body_judgement"](sentence, context).passed is passed


@pytest.mark.parametrize(
    ("case_id", "answer", "passed"),
    [
        ("gym_to_dinner_en", "[6] black ribbed knit top, tucked into [2]", False),
        ("gym_to_dinner_en", "[6] black knit dress over [2] leggings", True),
        ("office_daily_ko", "- 레이어: [6] 베이지 니트 베스트", False),
        ("office_daily_ko", "- [4] 그레이 니트 상의", True),
        ("office_daily_ko", "- [6] 베이지 트렌치 아우터", True),
        ("rainy_day_followup_ko", "- [8] 블랙 장우산 꼭 챙기세요", False),
        ("rainy_day_followup_ko", "- [8]에 접이식 우산을 꽂아 두세요", True),
        ("rainy_day_followup_ko", "[8] 블랙 백팩과 우산", True),
        ("rainy_weekend_followup_en", "[8] with an umbrella for backup", True),
        ("interview_en", "[6] dark indigo denim bottoms", True),
    ],
)
def test_a_head_noun_names_what_a_citation_is(case_id: str, answer: str, passed: bool) -> None:
    # After material words a category word is the head noun ("knit top" is a top); a
    # sweater vest is a top layer, not a coat; an umbrella is no backpack.
    context = CASES[case_id].context
    assert CHECKS["describes_items_truly"](answer, context).passed is passed
