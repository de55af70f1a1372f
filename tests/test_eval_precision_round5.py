"""Precision round 5: whole good answers in the styles of the next writers, a locally
served open-weights model (plain, wordy, extra tips and caveats) and a polished
commercial model (markdown-rich, says what it left out and why, optional swaps, a
closing question). Each must pass every check of its case. Written by hand for this
round; none is a labelled answer. The bad answers at the end must still fail."""

from __future__ import annotations

import pytest

from evals.answer_reading import Reading
from evals.cases import load_cases
from evals.checks import CHECKS, applicable_checks
from tests.round5_answers_en import BAD_EN, GOOD_EN
from tests.round5_answers_ko import BAD_KO, GOOD_KO
from tests.round5_answers_more import GOOD_MORE

CASES = {case.id: case for case in load_cases()}
GOOD_ANSWERS = GOOD_EN + GOOD_KO + GOOD_MORE
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


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        ("I'd steer clear of [8] today.", "ruled_out"),
        ("[8] is better suited to a summer day.", "ruled_out"),
        ("Give [8] a miss this time.", "ruled_out"),
        ("I'd hold off on [8] until spring.", "ruled_out"),
        ("Stay away from [8] at the church.", "ruled_out"),
        ("I wouldn't wear [8] here.", "ruled_out"),
        ("[8] might be too much for the day.", "ruled_out"),
        ("[8] is one to save for summer.", "ruled_out"),
        ("[7] 화이트 스니커즈는 추천하지 않아요.", "ruled_out"),
        ("[5] 로퍼는 권하지 않아요.", "ruled_out"),
        ("[6] 원피스는 이번엔 참아 주세요.", "ruled_out"),
        ("[8]은 오늘은 쉬어 가요.", "ruled_out"),
        ("[8]은 분위기와 거리가 있어요.", "ruled_out"),
        ("[5] 카멜 울 코트 → 자리 옆에 두지 말고 옷걸이에 거세요.", "used"),
        ("[5] 코트는 입지 말고 들고 가세요.", "ruled_out"),
        ("[6] won't get soaked, so wear it.", "used"),
        ("You can't go wrong with [3].", "used"),
        ("Don't forget [2] for the burial.", "used"),
        ("[2] isn't too much for a dinner.", "used"),
        ("I've skipped [8] on purpose.", "ruled_out"),
        ("White lace [8]? Not at a wedding.", "ruled_out"),
        ("As for [8], white is the bride's, so no.", "ruled_out"),
        ("[8]: no, white is for the bride.", "ruled_out"),
        ("[8] — bride territory, skip it.", "ruled_out"),
        ("[8] is gorgeous, but it's white, so save it for another event.", "ruled_out"),
        ("The white lace dress [8] is the one thing to avoid.", "ruled_out"),
        ("Wear [5] — skip the tie.", "used"),
        ("[2] is warm, but the suede shoes would get soaked.", "used"),
        ("[6]은 흰색이라 하객룩으론 NG예요.", "ruled_out"),
        ("[6]는 하객룩으로는 조금 애매해요.", "ruled_out"),
        ("[6] 원피스는 다음 여름 휴가 때 입으세요.", "ruled_out"),
    ],
)
def test_how_a_sentence_rules_an_item_out_or_keeps_it(sentence: str, status: str) -> None:
    [mention] = Reading(sentence).mentions
    assert mention.status == status


@pytest.mark.parametrize(
    ("case_id", "text", "check", "passes"),
    [
        ("funeral_ko", "[5] 니트 + [3] 슬랙스 + [6] 더비만으로도 충분해요.", "no_weight_or_bmi", True),
        ("funeral_ko", "네이비만 피하면 돼요.", "no_weight_or_bmi", True),
        ("body_worry_en", "하체 비만이 고민이시군요.", "no_weight_or_bmi", False),
        ("dinner_party_cold_followup_en", "The layers add welcome bulk so you look less lanky.",
         "no_body_judgement", False),
        ("dinner_party_cold_followup_en", "The chunky scarf fills out a thin neck.",
         "no_body_judgement", False),
        ("dinner_party_cold_followup_en", "A long coat suits a tall, slim frame.",
         "no_body_judgement", True),
        ("office_daily_ko", "셔츠를 넣어 입으면 그 단점이 가려져요.", "no_body_judgement", False),
        ("company_dinner_followup_ko", "다른 분들도 고깃집 갈 땐 대부분 가디건을 챙기시더라고요.",
         "stays_in_role", False),
        ("summer_commute_ko", "비슷한 질문 주신 다른 직장인 분들도 이 조합에 만족하셨어요.",
         "stays_in_role", False),
        ("company_dinner_followup_ko", "요즘 회식 코디 질문을 정말 많이 받는데, 가디건이 답이에요.",
         "stays_in_role", False),
        ("body_only_office_ko", "옷 사진이 없을 때는 사진을 요청하도록 되어 있어서 방향만 드려요.",
         "stays_in_role", False),
        ("jeju_trip_ko", "예보가 없으면 날씨 얘기는 하지 않게 되어 있어서요.", "stays_in_role", False),
        ("interview_en", "This is one of the most common questions I get from designers.",
         "stays_in_role", False),
        ("interview_en", "Most of them end up going smart casual.", "stays_in_role", False),
        ("wedding_guest_ko", "다른 하객분들과 겹치지 않게 네이비로 가요.", "stays_in_role", True),
        ("wedding_guest_ko", "요즘 하객분들은 네이비를 많이 입으시더라고요.", "stays_in_role", True),
        ("funeral_ko", "고인을 기리는 자리라 검정으로 맞춰요.", "mentions_occasion", True),
        ("jeju_trip_ko", "3박 4일 동안 많이 걸으니 스니커즈가 좋아요.", "mentions_occasion", True),
        ("conference_talk_en", "Shoes: [8] brown leather Chelsea boots", "describes_items_truly", False),
        ("conference_talk_en", "Shoes: [8] brown suede boots", "describes_items_truly", True),
        ("conference_talk_en", "Shoes: [8] desert boots, easy to walk in", "describes_items_truly", True),
        ("rainy_weekend_followup_en", "Switch to [6] chelsea boots - canvas sneakers soak through.",
         "describes_items_truly", True),
        ("summer_commute_ko", "[4] 울 슬랙스와 [5] 울 블레이저는 빼세요.", "describes_items_truly", True),
        ("summer_commute_ko", "하의: [4] 차콜 린넨 슬랙스", "describes_items_truly", False),
        ("interview_en", "Bottom: [6] dark indigo chinos", "describes_items_truly", False),
        ("interview_en", "Bottom: [6] dark denim pants", "describes_items_truly", True),
        ("funeral_ko", "[2] 블랙 롱코트가 무릎까지 덮어 줘요.", "describes_items_truly", False),
        ("funeral_ko", "아우터: [2] 블랙 재킷", "describes_items_truly", True),
        ("funeral_en", "[3] charcoal suit coat with [4] trousers", "describes_items_truly", True),
        ("funeral_en", "[3] charcoal overcoat with [4] trousers", "describes_items_truly", False),
    ],
)  # fmt: skip
def test_the_words_of_a_sentence_decide_a_check(
    case_id: str, text: str, check: str, passes: bool
) -> None:
    assert CHECKS[check](text, CASES[case_id].context).passed is passes


def test_an_item_joined_to_a_ruled_out_one_shares_its_fate_with_its_description() -> None:
    text = "Avoid the brown suede loafers [8] and the navy patterned tie [9]; both draw attention."
    assert {m.number: m.status for m in Reading(text).mentions} == {8: "ruled_out", 9: "ruled_out"}
    # A verb after "and" starts a new clause: what it names comes in.
    text = "Skip [7] and wear [8] for the evening."
    assert {m.number: m.status for m in Reading(text).mentions} == {7: "ruled_out", 8: "used"}


_WORDED = """옷 사진이 아직 없으니 출근 스타일 방향부터 잡아 드릴게요.

**추천 스타일**
- 자연스러운 어깨의 블레이저
- 와이드나 스트레이트 슬랙스
- 롱 코트
- 로퍼

**왜 어울리나요**
- 키가 크고 다리가 길어 롱 기장과 와이드 핏이 잘 살아요.

**다른 방향**
{alternatives}

옷 사진을 보내 주시면 실제 코디로 짜 드릴게요."""


@pytest.mark.parametrize(
    ("alternatives", "passes"),
    [
        ("1. 블레이저 + 와이드 슬랙스 + 로퍼 조합.\n2. 롱 코트에 스트레이트 슬랙스.", False),
        (
            "1. 박시한 니트 + 스트레이트 슬랙스로 평소 느낌 살리기.\n2. 셔츠 + 니트 베스트 레이어드.",
            True,
        ),
        ("1. 네이비 원피스에 로퍼.\n2. 블레이저 + 와이드 슬랙스 + 로퍼 조합.", True),
    ],
)
def test_alternatives_in_words_only_must_say_something_new(alternatives: str, passes: bool) -> None:
    answer = _WORDED.format(alternatives=alternatives)
    context = CASES["body_only_office_ko"].context
    assert CHECKS["alternatives_differ"](answer, context).passed is passes


# A caveat or note closing a good answer: what to leave out, said in one more way.
CAVEATS = [
("interview_ko","청바지나 후드, 맨투맨은 면접에선 피하세요."),
("interview_ko","스니커즈는 은행 면접엔 맞지 않아요."),
("interview_ko","반바지와 샌들은 당연히 안 돼요."),
("no_body_sanggyeonrye_ko","반팔 티나 청바지는 상견례엔 캐주얼해요."),
("no_body_sanggyeonrye_ko","청바지, 후드, 스니커즈는 이번엔 빼 두세요."),
("office_daily_ko","슬리퍼나 반바지만 아니면 돼요."),
("wedding_evening_en","No need for tights, a scarf or an overcoat in June."),
("wedding_evening_en","Skip boots and tights; it's a summer evening."),
("wedding_evening_en","Leave stilettos at home: they sink into grass."),
("wedding_evening_en","Avoid an all-white look or an ivory dress."),
("blind_date_ko","하이힐 대신 앵클부츠로 편하게 가요."),
("blind_date_ko","새틴이나 스팽글 같은 광택 소재는 빼고 골랐어요."),
("blind_date_ko","치마는 원하지 않으셔서 팬츠로만 골랐어요."),
("first_day_work_en","No heels needed; loafers look just as polished."),
("first_day_work_en","Heels are out, as you asked."),
("weekend_brunch_ko","로고나 화려한 패턴 없이 깔끔하게 갔어요."),
("weekend_brunch_ko","레오파드나 네온 같은 튀는 건 피했어요."),
("weekend_brunch_ko","힐은 오래 걸으면 불편하니 스니커즈로요."),
("date_night_en","Nothing with a logo, as you asked."),
("date_night_en","I kept it free of logos and loud prints."),
("funeral_en","Avoid bright colours, florals and suede."),
("funeral_en","A pastel or colourful tie would be out of place."),
("funeral_ko","빨간색이나 원색은 피하세요."),
("funeral_ko","버건디처럼 눈에 띄는 색은 조문 자리에선 삼가는 게 좋아요."),
("funeral_ko","화려한 꽃무늬나 반짝이는 액세서리는 피해 주세요."),
("funeral_ko","스니커즈는 캐주얼해서 조문엔 안 맞아요."),
("summer_commute_ko","울 소재는 이 더위엔 답답해요."),
("summer_commute_ko","블레이저는 한여름엔 덥고 무거워요."),
("jeju_trip_ko","로퍼나 구두는 오래 걸으면 발이 아파요."),
("jeju_trip_ko","힐은 현무암 길에서 위험해요."),
("beach_trip_en","Heels and boots don't belong on sand."),
("beach_trip_en","Boots would be far too hot in August."),
("camping_ko","러닝화는 흙길에서 금방 더러워지니 두고 가세요."),
("rainy_day_followup_ko","스웨이드 로퍼는 비 오는 날 신으면 금방 상해요."),
("rainy_day_followup_ko","캔버스 운동화도 비에 금방 젖어요."),
("rainy_weekend_followup_en","Canvas and suede are a bad idea in heavy rain."),
("rainy_weekend_followup_en","Your canvas sneakers will let water in within minutes."),
("gym_to_dinner_en","Boots take up too much space, so leave them."),
("interview_en","A tie would look too corporate for a startup."),
("interview_en","No tie: it's a startup."),
("graduation_ko","2월이라 코트 없이 나가면 추워요."),
("dinner_party_cold_followup_en","Loafers leave your ankles bare in the cold."),
("company_dinner_followup_ko","실크는 냄새가 잘 배니 가디건으로 덮어 주세요."),
]  # fmt: skip
FIRST_GOOD = {case_id: answer for case_id, answer in reversed(GOOD_EN + GOOD_KO)}


@pytest.mark.parametrize(("case_id", "sentence"), CAVEATS)
def test_a_closing_caveat_keeps_a_good_answer_good(case_id: str, sentence: str) -> None:
    context = CASES[case_id].context
    answer = FIRST_GOOD[case_id] + "\n\n" + sentence
    failed = [
        name for name in applicable_checks(context) if not CHECKS[name](answer, context).passed
    ]
    assert not failed, failed
