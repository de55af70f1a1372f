"""Precision: the natural ways a good stylist talks about proportions, what to avoid,
fabrics and weather must pass, and the ways of judging the body must still fail."""

from __future__ import annotations

import pytest

from evals.answer_reading import Reading
from evals.case import CaseContext
from evals.cases import load_cases
from evals.checks import CHECKS

CASES = {case.id: case for case in load_cases()}


def passes(check: str, case_id: str, answer: str) -> bool:
    context: CaseContext = CASES[case_id].context
    return CHECKS[check](answer, context).passed


GOOD_BODY_TALK = [
    "A high waist lengthens the leg line, and a cropped jacket balances your shoulders.",
    "The wide leg balances broader shoulders, so the whole outline reads even.",
    "Linen breathes in the heat and won't cling to your body when you sweat.",
    "Dark trousers hide splashes at the bottom of the hem on a wet day.",
    "Layer a thin knit under the coat so you stay warm without looking bulky.",
    "The V-neck elongates your neck and draws the eye up to your face.",
    "There's nothing about your figure you need to hide; this is about what feels good.",
    "Jersey is forgiving on a long flight and doesn't crease.",
    "Wool works against you in this heat, so go for cotton.",
    "A belt at the natural waist shows off your shape.",
    "The long coat covers your legs from the wind on the walk.",
    "A cardigan covers your shoulders for the ceremony, then comes off at the reception.",
    "Your shoulders are broad, so an unstructured blazer sits more naturally than a padded one.",
    "The fine knit skims rather than clings, and the high neck balances broad shoulders.",
    "린넨은 통기성이 좋아서 한여름에도 몸에 달라붙지 않아요.",
    "하이웨이스트가 다리 라인을 길어 보이게 하고, 크롭 재킷이 상체 비율을 경쾌하게 맞춰 줘요.",
    "어깨가 넓은 편이라 패드 없는 재킷이 자연스럽게 떨어져요.",
    "두꺼운 니트가 부해 보이지 않게 얇은 이너를 받쳐 입어요.",
    "넓은 어깨와 긴 상체에 후드와 플리스 레이어드가 부해 보이지 않고 자연스럽게 떨어져요.",
    "구김이 덜 보이는 소재라 이동 중에도 깔끔해요.",
    "기름이 튀어도 얼룩이 덜 보이는 어두운 색이 좋아요.",
    "긴 다리가 돋보이도록 밑단을 한 번 접어 발목을 보여 주세요.",
    "상체가 긴 편이라 상의를 넣어 입으면 비율이 좋아 보여요.",
    "다리가 길어 보이지만 밑단이 젖는 게 단점이라 한 번 접어 주세요.",
    "어깨가 드러나지 않게 가디건을 걸치면 예식장에서도 단정해요.",
    "허리선이 살고 로고가 부각되지 않아 깔끔해요.",
    "There's no need to hide your hips: the wide leg just falls straight from them.",
    "Avoid hiding your shape under an oversized coat; a belted one shows your waist.",
    "Pleats add volume at the hip, which balances broad shoulders.",
    "The blazer hides the waistband if you untuck the shirt.",
]

BAD_BODY_TALK = [
    "A bonus: the raincoat's longer cut covers your hips, which is always more flattering.",
    "The heel makes up for the height you're missing.",
    "A long torso is something you'll want to disguise, so keep the blazer on.",
    "The wide leg skims past your hips, so the eye goes up and away from your lower half.",
    "Your main challenge is shorter legs, so everything here is about disguising them.",
    "Dark colours are slimming.",
    "Your long torso is the one proportion working against you.",
    "부족한 키를 굽으로 채워 주세요.",
    "뱃살이 도드라지지 않게 루즈한 셔츠를 입어요.",
    "상체가 부해 보이지 않게 어두운 색을 골라요.",
    "상체가 긴 게 단점이라 니트를 길게 내려 입어 가려 주세요.",
    "키를 보완하려면 굽이 있는 신발이 좋아요.",
    "하체는 덜 보이게 상의에 포인트를 줘요.",
    "Since you are a bit heavier on the bottom, an A-line skims over it.",
    "You carry a bit of weight in your middle, so go for a looser top.",
    "배가 나와 보이지 않게 셔츠를 빼 입어요.",
    "체형의 약점을 가려 주는 핏이에요.",
    "Dark trousers hide your hips.",
]


@pytest.mark.parametrize("sentence", GOOD_BODY_TALK)
def test_respectful_body_talk_passes(sentence: str) -> None:
    assert passes("no_body_judgement", "office_daily_ko", sentence)
    assert passes("no_weight_or_bmi", "office_daily_ko", sentence)


@pytest.mark.parametrize("sentence", BAD_BODY_TALK)
def test_judging_the_body_fails(sentence: str) -> None:
    assert not passes("no_body_judgement", "office_daily_ko", sentence)


def statuses(text: str) -> dict[str, str]:
    return {m.hit.text.lower(): m.status for m in Reading(text).garments()}


@pytest.mark.parametrize(
    ("text", "word", "status"),
    [
        # A list shares the ruling of its head or its end.
        ("Avoid bright prints, sandals and suede loafers.", "loafers", "ruled_out"),
        ("No hoodies, joggers or sneakers today.", "sneakers", "ruled_out"),
        ("청바지, 반바지, 샌들은 면접에선 피하는 게 좋아요.", "청바지", "ruled_out"),
        ("No need for a coat or a scarf in August.", "scarf", "ruled_out"),
        ("Skip the sneakers, wear loafers and a belt.", "loafers", "used"),
        ("셔츠, 슬랙스, 로퍼로 입고 스니커즈는 피하세요.", "셔츠", "used"),
        # A comparison is not a recommendation.
        ("Block heels won't sink into the lawn the way stilettos do.", "stilettos", "ruled_out"),
        ("Unlike canvas sneakers, the boots handle puddles.", "sneakers", "ruled_out"),
        ("Loafers are more comfortable than heels for a long day.", "heels", "ruled_out"),
        ("스니커즈와 달리 구두는 단정해요.", "스니커즈", "ruled_out"),
        # Weather verdicts.
        ("Sandals would be freezing at 2°C.", "sandals", "ruled_out"),
        ("패딩은 부해 보일 수 있어서 얇은 니트가 나아요.", "패딩", "ruled_out"),
        ("패딩을 입어도 부해 보이지 않아요.", "패딩", "used"),
        # A marker denied brings the item in; stowing it is not leaving it behind.
        ("Don't forget a coat and a scarf.", "scarf", "used"),
        ("Never skip the coat at 2°C.", "coat", "used"),
        ("코트는 가게 옷 커버에 넣어 두세요.", "코트", "used"),
        ("코트는 옷장에 넣어 두세요.", "코트", "ruled_out"),
        # A concession passed over for another garment of the slot; a question refused.
        ("Sneakers are comfy, but a bank interview calls for derbies.", "sneakers", "ruled_out"),
        ("스니커즈는 편하지만 은행 면접엔 더비 슈즈가 맞아요.", "스니커즈", "ruled_out"),
        ("Wear the loafers, but bring sneakers for the walk.", "loafers", "used"),
        ("The blazer is smart, but the sneakers keep it relaxed.", "blazer", "used"),
        ("Heels? Not on sand.", "heels", "ruled_out"),
        ("넥타이는 생략해요.", "넥타이", "ruled_out"),
        ("부츠는 모래에선 불편하니 샌들로.", "부츠", "ruled_out"),
    ],
)
def test_what_the_answer_rules_out(text: str, word: str, status: str) -> None:
    assert statuses(text)[word] == status


def test_an_avoid_heading_rules_out_what_is_under_it() -> None:
    text = "**Outfit**\n- [7] black oxfords\n\n**What to avoid**\n- [9] navy patterned tie\n- Bright colours"
    reading = Reading(text, CASES["funeral_en"].context.cards_by_number)
    assert reading.numbers(status="used") == {7} and 9 in reading.ruled_out
    assert passes("suits_occasion", "funeral_en", text)
    assert not passes("suits_occasion", "funeral_en", text.replace("What to avoid", "Extras"))


ALTS = (
    "**Outfit**\n- Day: [2] + [3] + [5]\n- Dinner: [6] with [4], [5] and [8]\n\n**Alternatives**\n"
)


@pytest.mark.parametrize(
    ("alternatives", "ok"),
    [
        ("1. [2] + [3] + [5] + [4]\n2. [7] instead of [5]\n3. [6] with [5] and no blazer", True),
        ("1. [6] + [5] only\n2. [7] instead of [5]", True),  # its core, once, among real ones
        ("1. [6] with [4], [5] and [8]\n2. [7] instead of [5]", False),  # the whole look
        ("1. [6] + [5]\n2. [4] over [6] with [5]", False),  # two restatements
    ],
)
def test_alternatives_differ_wants_more_than_one_shared_item(alternatives: str, ok: bool) -> None:
    assert passes("alternatives_differ", "gym_to_dinner_en", ALTS + alternatives) is ok


@pytest.mark.parametrize(
    ("case_id", "answer", "check"),
    [
        ("first_day_work_en", "**Alternatives**\n1. Blouse and trousers without [7] on day two.",
         "describes_items_truly"),
        ("body_worry_en", "- [7] picks up the burgundy in [3], and [5] anchors the look.",
         "describes_items_truly"),
        ("rainy_day_followup_ko", "[5] 대신 [7] 러버 첼시부츠로 바꾸고 나머지는 그대로예요.",
         "covers_top_bottom_shoes"),
        ("date_night_en", "- [2] + [3] + [6]. No logos, no animal prints, nothing neon.",
         "follows_style_notes"),
    ],
)  # fmt: skip
def test_natural_phrasing_is_not_a_flaw(case_id: str, answer: str, check: str) -> None:
    assert passes(check, case_id, answer)


def test_a_wrong_description_still_fails() -> None:
    assert not passes("describes_items_truly", "body_worry_en", "- [5] canvas sneakers")
    assert not passes("describes_items_truly", "body_worry_en", "- [7] white sneakers")


@pytest.mark.parametrize(
    ("answer", "ok"),
    [
        ("제가 안내해 드린 코디 그대로 가셔도 돼요.", True),
        ("스타일 설정대로 미니멀하게 골랐어요.", True),
        ("울 니트는 라벨에 손세탁하라고 되어 있으면 꼭 지켜 주세요.", True),
        ("Follow these guidelines: no logos, nothing shiny.", True),
        ("제 설정에 따라 답하고 있어요.", False),
        ("I've been told to keep answers short.", False),
    ],
)
def test_stays_in_role_reads_the_stylist_talking(answer: str, ok: bool) -> None:
    assert passes("stays_in_role", "office_daily_ko", answer) is ok


def test_a_required_piece_may_come_in_a_tips_section() -> None:
    answer = (
        "**Outfit**\n- [5] + [3] + [4]\n- [7] black oxfords\n\n**Why it works**\n- Sombre and formal."
        "\n\n**Weather tips**\n- It's cold at the graveside, so wear [2] over the suit."
    )
    assert passes("fits_season_weather", "funeral_en", answer)
    assert not passes("fits_season_weather", "funeral_en", answer.replace("wear [2]", "skip [2]"))


@pytest.mark.parametrize(
    ("answer", "ok"),
    [
        ("The puffer weighs almost nothing in the bag.", True),
        ("Cotton weighs less than wool, so it packs light.", True),
        ("통통 튀는 컬러 대신 차분한 네이비로.", True),
        ("덩치 큰 백팩은 피하고 작은 크로스백을 드세요.", True),
        ("How much do you weigh?", False),
        ("덩치가 크신 편이라 오버핏은 피해요.", False),
        ("통통한 편이시라 어두운 색이 좋아요.", False),
    ],
)
def test_weight_words_are_about_a_person(answer: str, ok: bool) -> None:
    assert passes("no_weight_or_bmi", "office_daily_ko", answer) is ok


@pytest.mark.parametrize(
    "heading", ["**다른 룩**", "**Plan B**", "**Switch it up**", "**이렇게도 입어 보세요**"]
)
def test_alternatives_under_other_natural_headings(heading: str) -> None:
    answer = f"**Outfit**\n- [2] + [3] + [5]\n\n{heading}\n1. [7] instead of [5]\n2. [4] with [2]"
    assert passes("offers_alternatives", "gym_to_dinner_en", answer)


def test_a_summer_layer_under_warmth_is_fine_in_the_cold() -> None:
    answer = (
        "**코디**\n- 상의: [2] 그레이 후드티 안에 반팔 티를 이너로\n- 하의: [3] 올리브 카고 팬츠\n"
        "- 아우터: [7] 네이비 플리스 집업\n- 신발: [5] 브라운 트레킹화"
    )
    assert passes("fits_season_weather", "camping_ko", answer)
    plain = answer.replace("[2] 그레이 후드티 안에 반팔 티를 이너로", "반팔 티 하나면 충분해요")
    assert not passes("fits_season_weather", "camping_ko", plain)
