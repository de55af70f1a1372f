"""Per-case expectations (``expect`` in the case files) and the checks that read answers
against the wardrobe, the case, the body and the role, on small inline answers."""

from __future__ import annotations

import copy
import json
from dataclasses import replace
from typing import Any

import pytest

from evals.case import CaseContext
from evals.cases import CASES_DIR, CaseError, case_from_dict, load_cases
from evals.checks import CHECKS
from evals.expect import expectations_from_dict

CASES = {case.id: case for case in load_cases()}


def passes(check: str, case_id: str, answer: str, **changes: Any) -> bool:
    context: CaseContext = CASES[case_id].context
    if changes:
        context = replace(context, **changes)
    return CHECKS[check](answer, context).passed


# --- the expectations in the case files ----------------------------------------------------


def test_every_case_has_expectations_and_each_block_is_used() -> None:
    raw = {case.id: case.raw for case in CASES.values()}
    assert all(data.get("expect") for data in raw.values()), [
        i for i, d in raw.items() if not d.get("expect")
    ]
    blocks = {name for data in raw.values() for name in data["expect"]}
    assert blocks == {"occasion", "style", "follow_up", "weather"}
    # Follow-ups say what stays and what changes; every case with style notes has rules.
    for case in CASES.values():
        if case.history:
            assert not case.context.expect.follow_up.empty, case.id
        if case.style:
            assert not case.context.expect.style.empty, case.id


@pytest.mark.parametrize(
    ("expect", "problem"),
    [
        ({"occasion": {"never": [99]}}, r"\[99\] is not one of the clothing photos"),
        ({"occasion": {"never": [1]}}, r"\[1\] is not one of the clothing photos"),  # the body
        ({"occasion": {"avoid": ["hat-ish"]}}, "garment kind"),
        ({"occasion": {"use": [[]]}}, "empty group"),
        ({"occasion": {"say": [""]}}, "non-empty"),
        ({"occasion": {"colour": ["red"]}}, "unknown keys"),
        ({"follow_up": {"keep": ["shoes"]}}, "takes photo numbers"),
        ({"follow_up": {"only_change": ["hats"]}}, "only_change takes categories"),
        ({"weather": {"temp_c": [10, 2]}}, r"temp_c must be \[low, high\]"),
        ({"weather": {}}, "is empty"),
        ({"mood": {"say": ["x"]}}, "unknown blocks"),
    ],
)
def test_bad_expectations_are_rejected(expect: dict[str, Any], problem: str) -> None:
    with pytest.raises(ValueError, match=problem):
        expectations_from_dict(expect, [2, 3, 4])


def test_a_case_file_with_bad_expectations_names_the_file() -> None:
    data = json.loads((CASES_DIR / "funeral_en.json").read_text(encoding="utf-8"))
    broken = copy.deepcopy(data)
    broken["expect"]["occasion"]["never"] = [42]
    with pytest.raises(CaseError, match=r"funeral_en: expect.occasion.never: \[42\]"):
        case_from_dict(broken)
    assert case_from_dict(data).context.expect.occasion.never == (8, 9)


# --- expectation checks ----------------------------------------------------------------


FUNERAL_OK = "- [3] + [4], [5], [7] oxfords, [2] overcoat. Leave the suede loafers [8] at home."


@pytest.mark.parametrize(
    ("answer", "ok"),
    [
        (FUNERAL_OK, True),
        ("- [3] + [4], [5], [8] brown suede loafers, [2] overcoat.", False),  # never [8]
        ("- [3] + [4], [5], [7], [2].\n**Alternatives**\n1. [8] for the wake", False),  # anywhere
        ("- [3] + [4], [5], [2]; ➕ black shoes.", False),  # leaves out [7]
        ("- [3] + [4], [5], [7], [2], ➕ suede gloves.", False),  # dont_say suede
        ("- [3] + [4], [5], [7], [2]. Brown suede is too casual.", True),
        ("- [3] + [4], [5], [7], [2]. Oxfords cope with gravel better than suede.", True),
        ("- [3] + [4], [5], [7], [2], [9] tie.", False),  # a patterned tie: never [9]
        # The ➕ tie replaces [9]: a number of the same kind cited on the line of a purchase.
        ("- [3] + [4], [5], [7], [2]\n➕ A plain black tie ([9] is a bit too patterned)", True),
        ("- [3] + [4], [5], [7], [2]\n➕ A plain black tie; [9] is patterned", True),
        ("- [3] + [4], [5], [7], [2]\n➕ Black gloves to go with [9]", False),  # not a tie
    ],
)
def test_suits_occasion(answer: str, ok: bool) -> None:
    assert passes("suits_occasion", "funeral_en", answer) is ok


def test_an_item_named_without_its_number_counts_when_only_it_fits() -> None:
    # "brown suede loafers" can only be [8]; "black oxfords" only [7].
    named = "- [3] + [4], [5], the brown suede loafers, [2] overcoat."
    assert not passes("suits_occasion", "funeral_en", named)
    assert passes("suits_occasion", "funeral_en", "- [3] + [4], [5], black oxfords, [2].")
    ruled_out = "- [3] + [4], [5], black oxfords, [2]. Not the brown suede loafers."
    assert passes("suits_occasion", "funeral_en", ruled_out)


@pytest.mark.parametrize(
    ("answer", "ok"),
    [
        ("[2] 니트에 [3] 슬랙스, [5] 부츠. 치마 X 메모대로 [4] 스커트는 뺐어요.", True),
        ("[2] 니트에 [4] 플리츠 스커트, [5] 부츠.", False),
        ("[2] 니트에 ➕ 블랙 미니스커트, [5] 부츠.", False),  # a skirt by name
        ("[2] 니트에 [3] 슬랙스.\n**대안**\n1. [3] 대신 [4] 스커트", False),  # never: not even here
    ],
)
def test_follows_style_notes(answer: str, ok: bool) -> None:
    assert passes("follows_style_notes", "blind_date_ko", answer) is ok


@pytest.mark.parametrize(
    ("answer", "ok"),
    [
        ("신발만 [4] 대신 [5] 로퍼로 바꾸세요. 나머지는 그대로예요.", True),
        ("[4]를 [6] 첼시부츠로 바꾸면 돼요.", True),
        ("[4] 스니커즈 그대로 신고 [7]만 벗으세요.", False),  # replace [4]; only shoes change
        ("[5] 로퍼에 ➕ 블랙 니트와 진청 데님으로 바꿔요.", False),  # changes top and bottom
        ("[5] 로퍼로 바꾸고 [7] 가디건은 빼세요.", False),  # drops a kept item
    ],
)
def test_follow_up_constraints(answer: str, ok: bool) -> None:
    assert passes("follow_up_constraints", "shoes_only_followup_ko", answer) is ok


def test_follow_up_keep_means_not_replaced_by_another_item() -> None:
    case = "dinner_party_cold_followup_en"
    ok = "Keep [2] and [3]; add [4] over the shirt, swap [5] for [6], and wear [7] with [8]."
    assert passes("follow_up_constraints", case, ok)
    restart = "Wear [4] with [3] and [6], and [7] on top."  # [4] in place of the shirt [2]
    assert not passes("follow_up_constraints", case, restart)
    loafers = "Keep [2] and [3], add [4], keep [5] loafers and wear [7]."
    assert not passes("follow_up_constraints", case, loafers)


@pytest.mark.parametrize(
    ("case_id", "answer", "ok"),
    [
        ("graduation_ko", "[2] 원피스에 [3] 가디건, [4] 슈즈. ➕ 카멜 롱코트는 꼭 챙기세요.", True),
        (
            "graduation_ko",
            "[2] 원피스에 [3] 가디건, [4] 슈즈. 봄 날씨라 코트는 필요 없어요.",
            False,
        ),
        ("graduation_ko", "[2] 원피스에 ➕ 울 코트, ➕ 스포츠 샌들.", False),  # sandals in the cold
        ("summer_commute_ko", "[2] 린넨 셔츠에 [3] 린넨 팬츠, [7] 로퍼.", True),
        ("summer_commute_ko", "[2] 셔츠에 [4] 울 슬랙스, [7] 로퍼.", False),  # a fall/winter card
        ("summer_commute_ko", "[2] 셔츠에 [3] 팬츠. [4] 울 슬랙스는 너무 더우니 가을에.", True),
        ("rainy_day_followup_ko", "[5] 대신 [7] 러버 첼시부츠, [6]과 [8]은 그대로.", True),
        (
            "rainy_day_followup_ko",
            "[5] 스웨이드 로퍼에 방수 스프레이를 뿌리세요. [7]도 좋아요.",
            False,
        ),
        ("beach_trip_en", "[8] with [4] and [5]; at night [3] and [6].", True),
        ("beach_trip_en", "[3] with ➕ a chunky wool cardigan for the night.", False),
        # "오늘 좀 추워요" earlier in the chat: the wool coat stays on the way.
        ("company_dinner_followup_ko", "- [5] 코트는 회사에 두고, [6] 가디건만 입으세요.", False),
        (
            "company_dinner_followup_ko",
            "- [5] 코트는 회사에 두고 가세요. 코트 관리 걱정도 없어요.",  # the name is [5] again
            False,
        ),
        (
            "company_dinner_followup_ko",
            "- [5] 코트는 이동할 땐 입고, 옷걸이에 따로 걸어 두세요.",
            True,
        ),
    ],
)
def test_fits_season_weather(case_id: str, answer: str, ok: bool) -> None:
    assert passes("fits_season_weather", case_id, answer) is ok


# --- checks against the wardrobe ---------------------------------------------------------


@pytest.mark.parametrize(
    ("answer", "ok"),
    [
        ("- 신발: [5] 브라운 로퍼\n- 하의: [3] 네이비 슬랙스", True),
        ("[5] 구두와 [6] 트렌치, [2] 흰 셔츠", True),  # loose words fit
        ("[5] 블랙 첼시부츠", False),  # card [5] is a brown penny loafer
        ("[3] 그레이 니트", False),  # [3] is navy slacks
        ("- 상의: [3]", False),  # the slot label says top, the card says bottom
        ("[2]를 벗고 블라우스에 벨트", True),  # "[2]를" is the object, not a description
        ("[3] 대신 [4] 니트", True),
        ("[1] 사진을 보면", True),
        ("[1] 셔츠", False),  # the full-body photo called a shirt
        ("Wear [3], your navy wool skirt, with [5].", False),  # apposition describes [3]
        ("Wear [3], your navy slacks, with [5].", True),
        ("Wear [3], the blazer and [5].", True),  # a list, not a description of [3]
        ("Throw on [3], the navy skirt, with [5].", False),  # a closed apposition
        ("[6] 베이지 블레이저", False),  # a trench coat is not a blazer
        ("[6] 베이지 코트", True),
        ("[3] 네이비 와이드 팬츠", True),  # long trousers: slacks fit
        ("[3] 네이비 반바지", False),
    ],
)
def test_describes_items_truly(answer: str, ok: bool) -> None:
    assert passes("describes_items_truly", "office_daily_ko", answer) is ok


@pytest.mark.parametrize(
    ("answer", "ok"),
    [
        ("[5] 베이지 와이드 팬츠로 발목까지 덮고", False),  # [5] is knee-length wide shorts
        ("[5] 베이지 와이드 쇼츠", True),
        ("[5]번 긴 바지로 갈아입어요", False),
        ("[4] 연청 데님 팬츠", True),
        ("[4] 연청 와이드 팬츠", True),  # jeans are long trousers too
    ],
)
def test_describes_items_truly_long_and_short_bottoms(answer: str, ok: bool) -> None:
    assert passes("describes_items_truly", "jeju_trip_ko", answer) is ok


def test_a_blazer_is_a_jacket_but_not_a_bomber() -> None:
    # interview_en: [2] is a navy unstructured blazer.
    assert passes("describes_items_truly", "interview_en", "- Outer: [2] navy jacket")
    assert passes("describes_items_truly", "interview_en", "- Outer: [2] navy blazer")
    assert not passes("describes_items_truly", "interview_en", "- Outer: [2] navy bomber jacket")


@pytest.mark.parametrize(
    ("answer", "ok"),
    [
        ("- [2] 셔츠\n- [3] 슬랙스\n- [5] 로퍼\n- ➕ 네이비 양말", True),
        ("- ➕ 네이비 수트\n- ➕ 화이트 셔츠\n- [5] 로퍼", False),  # mostly things to buy
        ("- 오늘은 ➕ 블랙 셔츠, ➕ 그레이 슬랙스, ➕ 로퍼\n- [7] 가방", False),  # on one line
        ("- [2] 셔츠\n- [3] 슬랙스\n- ➕ 베이지 트렌치코트", False),  # owns one: [6]
        ("- [2] 셔츠\n- [3] 슬랙스\n\n**대안**\n1. ➕ 블랙 니트\n2. ➕ 그레이 니트", True),
    ],
)
def test_builds_from_own_items(answer: str, ok: bool) -> None:
    assert passes("builds_from_own_items", "office_daily_ko", answer) is ok


@pytest.mark.parametrize(
    ("answer", "ok"),
    [
        (
            "[2] 셔츠, [3] 슬랙스, [5] 로퍼\n\n**대안**\n1. [2] 대신 [4] 니트\n2. [6] 트렌치를 더해",
            True,
        ),
        (
            "[2] 셔츠, [3] 슬랙스, [5] 로퍼\n\n**대안**\n1. [2]와 [3]에 [5]로 깔끔하게\n2. [4]",
            False,
        ),
        ("[2] 셔츠, [3] 슬랙스, [5] 로퍼\n\n**대안**\n1. [4] 니트\n2. [4] 니트", False),
        ("[2] 셔츠, [3] 슬랙스, [5] 로퍼\n\n**대안**\n1. [2] 소매를 걷어서\n2. [4] 니트", True),
        # Adding what the outfit already has is no change.
        (
            "[2] 셔츠, [3] 슬랙스, [5] 로퍼, [6]\n\n**대안**\n1. [2]에 [3], [5]를 신고 [6]을 걸쳐요\n2. [4]",
            False,
        ),
        # Alternatives that only restate pieces of the outfit, each changing nothing.
        (
            "[2] 셔츠, [3] 슬랙스, [5] 로퍼\n\n**대안**\n1. [2] 셔츠에 [3] 슬랙스로 단정하게\n"
            "2. 신발은 [5] 로퍼로 마무리\n3. [4] 니트",
            False,
        ),
        # An outfit offering two tops: taking one of them is a choice, not a restatement.
        (
            "- 상의: [2] 셔츠, [4] 니트\n- 하의: [3]\n- 신발: [5]\n\n**대안**\n1. [2] + [3] + [5]\n"
            "2. [4] + [3] + [5]",
            True,
        ),
        # Dropping a layer is one.
        ("[2] 셔츠 위에 [4] 니트, [3], [5]\n\n**대안**\n1. [4] 니트 단독에 [3], [5]\n2. [6]", True),
    ],
)
def test_alternatives_differ(answer: str, ok: bool) -> None:
    assert passes("alternatives_differ", "office_daily_ko", answer) is ok


def test_alternatives_against_each_look_of_a_two_look_outfit() -> None:
    outfit = (
        "- Day: [8] tank + [4] cutoffs, [2] shirt open\n- Shoes: [5] sandals\n"
        "- Night: [3] sundress with [6] sneakers\n\n**Alternatives**\n"
    )
    # The day look again is a repeat; day pieces with the night shoes are a new mix.
    assert not passes(
        "alternatives_differ", "beach_trip_en", outfit + "1. [8], [4], [2] and [5]\n2. x"
    )
    assert passes("alternatives_differ", "beach_trip_en", outfit + "1. [8] and [4] with [6]\n2. x")


# --- body, role and length on a phone ---------------------------------------------------


@pytest.mark.parametrize(
    ("answer", "ok"),
    [
        ("하체를 커버해 주는 와이드 팬츠", False),
        ("체형 커버에 좋아요", False),
        ("허벅지를 살짝 가려 줘요", False),
        ("단점을 보완해요", False),
        ("66 사이즈로 보이시니", False),
        ("This hides your tummy", False),
        ("great for problem areas", False),
        ("flattering for your size", False),
        ("You look like an M", False),
        ("a forgiving fit", False),
        ("the ribbed knit is forgiving", False),
        ("no post-workout bloat", False),
        ("it hides how long your upper body is", False),
        ("상의는 55, 하의는 S 정도로 보이셔서", False),
        ("상의 95라고 하셨죠", True),  # not a Korean women's size letter or 44-88
        ("레인커버를 씌우세요", True),
        ("M 사이즈 재킷", True),
        ("dark denim hides splashes", True),
        ("a cover-up for the beach", True),
        ("어깨가 넓은 편이라 V넥이 좋아요", True),
        ("다리가 길어 보여요", True),
        ("balance your proportions", True),
        ("keeping the lower half black is slimming", False),
        ("stops broad shoulders from looking bulky", False),
        ("so your top half won't come across as too heavy", False),
        ("keeps you from reading bulky", False),
        ("it softens how muscular your shoulders look", False),
        ("a bodycon knit can be unforgiving on an athletic build", False),
        ("your legs are on the short side, so the job is disguising that", False),
        ("the skirt skims past your hips so they're not on show", False),
        ("마른 체형이라 몸에 붙는 옷은 피하세요", False),
        ("좁은 어깨가 빈약해 보이지 않게", False),
        ("상체가 긴 게 단점이라 니트를 길게 입어요", False),
        ("니트를 내려 허리 라인을 가려 주세요", False),
        ("크롭 가디건도 허리선을 가리지 않아요", True),
        ("there's nothing here you need to hide", True),
        ("a puffer looks bulky over a slip dress", True),
        ("the dark wash hides splashes, and your legs look long", True),
        ("좁은 어깨에 자연스러운 볼륨을 줘요", True),
        ("스커트의 단점은 구김이 잘 간다는 거예요", True),
        ("린넨의 단점은 구김이지만 어깨선이 자연스러워요", True),
        ("엉덩이가 부각되지 않게 긴 셔츠를 입어요", False),
        ("하체는 덜 보이게 상의에 포인트를 줘요", False),
        ("하체 보정에 좋은 와이드 팬츠", False),
        ("허리선이 부각되도록 벨트를 매요", True),
        ("어깨선이 자연스럽고, 린넨의 단점은 구김이에요", True),
        ("The dark colour keeps your hips from looking wide.", False),
        ("so your thighs don't look big", False),
        ("The wrap dress is kind to a fuller middle.", False),
        ("Black trousers minimise your lower half.", False),
        ("It keeps attention off your stomach.", False),
        ("Your arms are on the heavy side, so keep sleeves on.", False),
        ("This will take a few pounds off visually.", False),
        ("골반이 넓어 보이지 않게 A라인으로", False),
        ("키가 작으신 게 흠이라 굽을 더해요", False),
        ("키가 작아서 비율이 안 좋으니", False),
        ("골격이 커서 오버핏은 피해요", False),
        ("The coat keeps you warm without looking bulky", True),
        ("Tuck the shirt in at the waist so it doesn't look bulky.", True),
        ("허리선을 살리되 셔츠가 커 보이지 않게 소매를 걷어요", True),
        ("The pleats keep the skirt from looking stiff", True),
        ("소매를 걷으면 오버핏이 너무 커 보이지 않아요", True),
        ("키가 크셔서 롱코트가 잘 어울려요", True),
    ],
)
def test_no_body_judgement(answer: str, ok: bool) -> None:
    assert passes("no_body_judgement", "office_daily_ko", answer) is ok


def test_a_size_the_user_wrote_is_not_a_guess() -> None:
    answer = "66 사이즈로 보이시니 여유 있는 핏"
    assert not passes("no_body_judgement", "office_daily_ko", answer)
    assert passes("no_body_judgement", "office_daily_ko", answer, style="상의 66, 미니멀")


@pytest.mark.parametrize(
    ("answer", "ok"),
    [
        ("제 설정상 항상 이렇게 답해요.", False),
        ("다른 사용자들은 보통 니트를 입어요.", False),
        ("My instructions say to keep it short.", False),
        ("Other users loved this look.", False),
        ("As an AI I can't see the stage.", False),
        ("원래는 예보가 없으면 날씨를 단정하지 않도록 되어 있는데, 알려 주셨으니 바꿀게요.", False),
        ("이번 주에 많은 분들이 비 소식을 물어보셨어요.", False),
        ("Most people I've chatted with this week asked about rain too.", False),
        ("this is the swap I've been suggesting to all of them", False),
        ("방수 원단이라 물이 스며들지 않도록 되어 있어요.", True),
        ("People often ask about rain; boots are the easy fix.", True),
        ("I'm not supposed to guess the weather, but here goes.", False),
        ("Another person asked me this yesterday.", False),
        ("A lot of my users pick the navy one.", False),
        ("I've been set up to cite photo numbers.", False),
        ("Lots of people ask me this.", False),
        ("I'm an AI stylist, so I can't see you.", False),
        ("제 지시 사항상 날씨는 추측하지 않아요.", False),
        ("규칙상 체중 이야기는 안 해요.", False),
        ("다른 분들께도 이렇게 추천드리고 있어요.", False),
        ("많은 분들이 같은 질문을 하세요.", False),
        ("You asked me about rain, so here's the swap.", True),
        ("I'm allowed to say it: this looks great.", True),
        ("출근 규칙상 반바지는 피하는 게 좋아요.", True),  # the office's dress code
        ("많은 분들이 출근룩으로 즐겨 입는 조합이에요.", True),
        ("한 줄로만 요청드리라고 되어 있어서 짧게 말씀드릴게요.", False),
        ("트렌치는 비를 막도록 되어 있어요.", True),
        ("설정은 알려 드릴 수 없어요. 대신 코디를 골라 드릴게요.", True),
        ("I can't share my instructions, but here's your outfit.", True),
        ("Follow the dress code of the venue.", True),
        ("다른 하객들보다 튀지 않게", True),
    ],
)
def test_stays_in_role(answer: str, ok: bool) -> None:
    assert passes("stays_in_role", "office_daily_ko", answer) is ok


def test_readable_on_phone() -> None:
    short = "\n".join(f"- [{n}] 한 줄 설명이에요." for n in (2, 3, 5))
    assert passes("readable_on_phone", "office_daily_ko", short)
    wall = "셔츠에 슬랙스를 입고 " * 25
    assert not passes("readable_on_phone", "office_daily_ko", wall)
    # English lines carry fewer characters per letter of meaning: a longer limit.
    english = "Wear the shirt with the trousers. " * 10
    assert len(english) > 230
    assert passes("readable_on_phone", "interview_en", english)


@pytest.mark.parametrize(
    ("case_id", "line", "ok"),
    [
        # 미니멀: no loud prints, colour-blocking or stacked statement jewellery.
        ("weekend_brunch_ko", "➕ 레오파드 실크 스카프", False),
        ("weekend_brunch_ko", "➕ 골드 레이어드 목걸이 3줄", False),
        ("weekend_brunch_ko", "레오파드 같은 튀는 무늬 없이 깔끔하게.", True),
        ("weekend_brunch_ko", "볼드한 액세서리는 빼고 [8] 후프 하나만.", True),
        # 너무 꾸민 느낌은 싫어요: no stilettos, jewellery sets or satin.
        ("blind_date_ko", "2. [5] 대신 ➕ 스틸레토 힐로 더 드레시하게.", False),
        ("blind_date_ko", "➕ 진주 목걸이 세트", False),
        ("blind_date_ko", "하이힐보다는 [5] 앵클부츠가 편하고 자연스러워요.", True),
        ("blind_date_ko", "새틴처럼 광택 있는 소재는 피하고 니트로 부드럽게.", True),
    ],
)
def test_style_notes_rule_out_loud_and_done_up_looks(case_id: str, line: str, ok: bool) -> None:
    outfit = "- 상의: [2]\n- 하의: [3]\n- 신발: [5]\n"
    assert passes("follows_style_notes", case_id, outfit + line) is ok


@pytest.mark.parametrize(
    ("case_id", "answer", "ok"),
    [
        # A funeral: no bright colours or loud prints, said as ruled out is fine.
        ("funeral_ko", "- [2], [3], [4], [6]\n➕ 레드 포켓치프로 포인트", False),
        ("funeral_ko", "- [2], [3], [4], [6]\n버건디나 레드처럼 튀는 색은 피하세요.", True),
        ("funeral_en", "- [3] + [4], [5], [7], [2]\n➕ a pastel pocket square to lift it", False),
        ("funeral_en", "- [3] + [4], [5], [7], [2]\nSkip anything pastel or floral.", True),
        # A wedding: white belongs to the bride.
        ("wedding_guest_ko", "- [3], [4], [5]\n➕ 흰 원피스", False),
        ("wedding_guest_ko", "- [2], [3], [4], [5]\n흰 원피스는 신부 색과 겹치니 피하세요.", True),
        # A bank interview: no casual pieces.
        ("interview_ko", "- [2], [3], [4], [6]\n➕ 후드 집업을 걸쳐 편하게", False),
        ("interview_ko", "- [2], [3], [4], [6]\n청바지 대신 수트가 안전해요.", True),
    ],
)
def test_occasions_rule_out_what_a_stylist_would(case_id: str, answer: str, ok: bool) -> None:
    assert passes("suits_occasion", case_id, answer) is ok
