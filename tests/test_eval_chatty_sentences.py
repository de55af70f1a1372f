"""One sentence of a good answer at a time, in the ways models turn an item down or
hedge ("I'd steer clear of", "give it a miss", "keep [8] for the gym", "Heels aren't
necessary", "좀 아쉬워요", "튈 수 있어요", "NG", "자제해 주세요", "조문용으로는
캐주얼해요"), each added to an outfit that meets the case; then sentences close to them
that recommend the item and must still fail. The concise style too: "No [8]/[9].", "❌ [8]",
"[8] — no", "Stilettos: no.", "[8]? No", "[7]·[8]은 제외", "흰 원피스 NO", "[5] > stilettos"."""

from __future__ import annotations

import pytest

from evals.checks import CHECKS
from tests.chatty_kit import CASES

# An outfit that meets each case, and the reasons heading the sentence goes under; where
# the case's rule is read in the outfit only (``avoid``, the weather), the sentence is a
# line of the outfit itself.
OUTFIT = {
    "beach_trip_en": "**Outfit**\n- [8] tank, [4] cutoffs, [5] sandals, [3] sundress at night with [6] sneakers\n- ",
    "blind_date_ko": "**코디**\n- [2] 니트, [3] 슬랙스, [5] 앵클부츠, [6] 트렌치코트\n\n**포인트**\n- ",
    "camping_ko": "**코디**\n- [2] 후드티, [3] 카고 팬츠, [5] 트레킹화, [7] 플리스, [8] 패딩 베스트\n- ",
    "date_night_en": "**Outfit**\n- [2] turtleneck, [3] trousers, [6] derbies, [5] coat\n\n**Why it works**\n- ",
    "first_day_work_en": "**Outfit**\n- [2] blouse, [3] trousers, [5] loafers\n\n**Why it works**\n- ",
    "funeral_en": "**Outfit**\n- [3] charcoal suit jacket, [4] trousers, [5] white shirt, [7] black oxfords, [2] overcoat\n➕ plain black tie\n\n**Why it works**\n- ",
    "funeral_ko": "**코디**\n- [2] 재킷, [4] 셔츠, [3] 슬랙스, [6] 더비 슈즈\n\n**왜 잘 어울리나요**\n- ",
    "interview_en": "**Outfit**\n- [2] blazer, [4] oxford shirt, [5] trousers, [8] boots\n- ",
    "interview_ko": "**코디**\n- [2] 재킷, [3] 팬츠, [4] 셔츠, [8] 넥타이, [6] 더비 슈즈\n- ",
    "jeju_trip_ko": "**코디**\n- [8] 바람막이, [3] 티셔츠, [4] 데님, [6] 스니커즈, [7] 샌들\n- ",
    "no_body_sanggyeonrye_ko": "전신 사진을 보내 주시면 더 정확해요.\n\n**코디**\n- [1] 블레이저, [2] 셔츠, [4] 슬랙스, [5] 옥스퍼드화\n- ",
    "summer_commute_ko": "**코디**\n- [2] 린넨 셔츠, [3] 린넨 팬츠, [7] 로퍼, [8] 가디건\n- ",
    "wedding_evening_en": "**Outfit**\n- [2] emerald satin slip midi dress, [5] nude block heels, [7] clutch\n\n**Why it works**\n- ",
    "wedding_guest_ko": "**코디**\n- [2] 재킷, [3] 블라우스, [4] 스커트, [5] 펌프스\n\n**포인트**\n- ",
    "weekend_brunch_ko": "**코디**\n- [2] 티셔츠, [3] 팬츠, [5] 스니커즈, [7] 블레이저\n\n**포인트**\n- ",
}
# The check the sentence is about (suits_occasion unless named), and fits_season_weather
# too where the case has a weather rule the sentence might trip.
CHECK = {
    "summer_commute_ko": "fits_season_weather",
    "camping_ko": "suits_occasion",
    "date_night_en": "follows_style_notes",
    "first_day_work_en": "follows_style_notes",
    "weekend_brunch_ko": "follows_style_notes",
    "blind_date_ko": "follows_style_notes",
}
WEATHER = {"summer_commute_ko", "funeral_en", "wedding_evening_en", "beach_trip_en", "camping_ko"}

TURNED_DOWN = [
    ("funeral_en", "No [8]/[9]."),
    ("funeral_en", "❌ [8], [9]"),
    ("funeral_en", "[8] ✗ (suede), [9] ✗ (pattern)"),
    ("funeral_en", "Outfit uses [7] (not [8])."),
    ("funeral_en", "[8] — no: suede on wet grass."),
    ("funeral_en", "Not [8] or [9]."),
    ("funeral_en", "Skip: [8] brown suede loafers, [9] patterned tie."),
    ("funeral_en", "[9] stays home."),
    ("funeral_en", "[8] and [9] can stay in the wardrobe."),
    ("funeral_en", "Brown suede [8]: no."),
    ("funeral_en", "Avoid [8] (suede) and [9] (pattern)."),
    ("funeral_en", "[8]? No - suede."),
    ("funeral_en", "Instead of [9], a plain black tie."),
    ("funeral_en", "[9] is too busy; [8] too casual."),
    ("funeral_en", "Leaving out: [8], [9]."),
    ("funeral_en", "[7] not [8]."),
    ("funeral_en", "[7] beats [8] on wet grass."),
    ("funeral_en", "[7] rather than [8] - suede marks."),
    ("funeral_ko", "[7] ✗, [8] ✗"),
    ("funeral_ko", "[7]·[8]은 제외."),
    ("funeral_ko", "[7]/[8] 빼기"),
    ("funeral_ko", "제외: [7] 스니커즈, [8] 버건디 니트"),
    ("funeral_ko", "[8] 버건디 니트 → 이번엔 X"),
    ("funeral_ko", "[7] 스니커즈 (X)"),
    ("funeral_ko", "[7] 대신 [6]."),
    ("funeral_ko", "[8]은 노노."),
    ("funeral_ko", "[7] 스니커즈는 패스, [8] 니트도 패스."),
    ("funeral_ko", "[8] 버건디 니트, [7] 흰 스니커즈는 오늘 안 입어요."),
    ("funeral_ko", "[8] 버건디 니트·[7] 스니커즈 모두 NO"),
    ("funeral_ko", "[7]보다 [6]이 맞아요."),
    (
        "wedding_evening_en",
        "[8] white lace — save for someone else's big day? No: white is for the bride only.",
    ),
    ("wedding_evening_en", "Skip [8] (white)."),
    ("wedding_evening_en", "No white ([8])."),
    ("wedding_evening_en", "[5] block heels > stilettos on grass."),
    ("wedding_evening_en", "Stilettos: no. Lawn."),
    ("wedding_evening_en", "Heels that won't sink: [5]."),
    ("date_night_en", "[8] hoodie: weekend only."),
    ("date_night_en", "No [8]."),
    ("date_night_en", "[8] is off-brief (logo)."),
    ("wedding_guest_ko", "[6] 화이트 원피스 ✗ (신부 색)"),
    ("wedding_guest_ko", "흰 원피스 NO"),
    ("wedding_guest_ko", "[6]은 이번엔 안 입는 걸로."),
    ("interview_ko", "[7] ✗"),
    ("interview_ko", "스니커즈 X, [6] 더비 O"),
    ("jeju_trip_ko", "로퍼/구두 X"),
    ("jeju_trip_ko", "힐 금지!"),
    ("blind_date_ko", "치마 X (메모대로)"),
    ("blind_date_ko", "[4] 스커트는 빼고"),
    ("weekend_brunch_ko", "[6] 뮬 대신 [5] 스니커즈"),
    ("weekend_brunch_ko", "힐은 NO"),
    ("first_day_work_en", "Heels: no (as asked)."),
    ("first_day_work_en", "Flats only - no heels."),
    ("funeral_en", "[7] oxfords: skip the loafers."),
    ("funeral_en", "I'd steer clear of the [8] brown suede loafers; suede scuffs on wet grass."),
    ("funeral_en", "The [9] patterned tie is a no-go for a funeral."),
    ("funeral_en", "Give the [8] loafers a miss this time."),
    ("funeral_en", "Hold off on [9]: a plain tie is more respectful."),
    ("funeral_en", "[8] brown suede loafers can wait for another day."),
    ("funeral_en", "[9] feels more office party than funeral."),
    ("funeral_en", "Leave [8] in the closet."),
    ("funeral_en", "[9]? I'd pass."),
    ("funeral_en", "The patterned tie [9] would be too much here."),
    ("funeral_en", "Brown suede loafers [8] look relaxed - lovely on a weekend, wrong for Monday."),
    ("funeral_en", "Swap out the [9] tie: its pattern distracts."),
    ("funeral_en", "[8] suede loafers are comfortable, but black leather oxfords are more formal."),
    ("funeral_en", "Suede would soak up the damp at the graveside, so the oxfords are safer."),
    ("funeral_en", "Don't wear [9]; its pattern is too loud."),
    ("funeral_en", "Pastels, florals or anything colourful would feel out of place."),
    ("funeral_en", "You won't need anything bright or colourful."),
    ("funeral_en", "Avoid burgundy or a red tie."),
    ("funeral_en", "Keep colours muted: no burgundy, no pastels."),
    ("funeral_en", "I've left out the [9] navy patterned tie on purpose."),
    ("funeral_en", "Save [8] for a spring brunch."),
    ("funeral_en", "[8] brown suede loafers - not today."),
    ("funeral_en", "Rather than [9], buy a plain black tie."),
    (
        "wedding_evening_en",
        "The [8] white lace midi dress is gorgeous but could upstage the bride.",
    ),
    ("wedding_evening_en", "Stilettos are a bad idea on grass."),
    ("wedding_evening_en", "Leave stilettos at home; the lawn will swallow them."),
    ("wedding_evening_en", "[8] is the one piece I'd avoid: white is the bride's."),
    ("wedding_evening_en", "I wouldn't wear [8] - it's white."),
    ("wedding_evening_en", "No need for tights or a scarf in June."),
    ("wedding_evening_en", "It's June, so a wool coat or boots would be too warm."),
    ("wedding_evening_en", "Skip tights - it'll be warm."),
    ("wedding_evening_en", "An all-white look is reserved for the bride."),
    ("wedding_evening_en", "White dress? Definitely not at a wedding."),
    ("date_night_en", "Keep [8] for the gym; a logo hoodie is too casual for cocktails."),
    ("date_night_en", "No logos, no neon, nothing loud."),
    ("date_night_en", "The red logo hoodie [8] doesn't fit the minimal brief."),
    ("date_night_en", "I left the logo hoodie out since you want it minimal."),
    ("date_night_en", "Leopard or animal print would be too loud here."),
    ("first_day_work_en", "Heels aren't necessary; loafers look just as polished."),
    ("first_day_work_en", "You asked for flats, so no heels."),
    ("first_day_work_en", "Skip the heels - flats all day."),
    ("first_day_work_en", "Heels are out, as you said."),
    ("first_day_work_en", "Unlike heels, loafers let you walk to lunch."),
    ("interview_en", "A tie would feel stiff at a startup, so leave it off."),
    ("interview_en", "No tie needed."),
    ("interview_en", "Ties read too corporate for a design team."),
    ("beach_trip_en", "Heels sink into sand, and boots are far too hot."),
    ("beach_trip_en", "Boots? Too warm for August."),
    ("beach_trip_en", "Leave heels and boots behind."),
    ("funeral_ko", "[8] 버건디 니트는 다음에 입으세요."),
    ("funeral_ko", "[7] 화이트 스니커즈는 조문 자리엔 좀 아쉬워요."),
    ("funeral_ko", "[8] 버건디 니트는 색이 튈 수 있어요."),
    ("funeral_ko", "[8] 니트보다는 [5] 블랙 니트가 차분해요."),
    ("funeral_ko", "[7] 말고 [6] 더비 슈즈로 신으세요."),
    ("funeral_ko", "[7] 스니커즈는 NG예요."),
    ("funeral_ko", "[8] 버건디는 자제해 주세요."),
    ("funeral_ko", "[7] 스니커즈는 가볍게 느껴질 수 있어요."),
    ("funeral_ko", "[8]는 예쁘지만 오늘은 아니에요."),
    ("funeral_ko", "[7] 흰 스니커즈는 조문엔 안 맞아요."),
    ("funeral_ko", "[8] 버건디 니트는 색감이 있어서 조문 분위기와는 거리가 있어요."),
    ("funeral_ko", "버건디나 레드처럼 밝은 색은 삼가세요."),
    ("funeral_ko", "원색이나 꽃무늬는 빼고 검정으로 통일하세요."),
    ("funeral_ko", "스니커즈는 편해도 조문 자리에는 실례가 될 수 있어요."),
    ("funeral_ko", "[7] 화이트 스니커즈는 깔끔하긴 하지만 조문용으로는 캐주얼해요."),
    ("funeral_ko", "[8] 버건디 니트와 [7] 스니커즈는 이번엔 제외했어요."),
    ("funeral_ko", "밝은 색 니트([8])는 조문에 맞지 않아요."),
    ("funeral_ko", "스니커즈 대신 [6] 더비 슈즈를 신으세요."),
    ("funeral_ko", "화려한 액세서리나 레오파드 무늬 가방은 두고 가세요."),
    ("interview_ko", "[7] 스니커즈는 출근용으로 아껴 두세요."),
    ("interview_ko", "[7] 스니커즈는 면접 복장으로는 조금 아쉬워요."),
    ("interview_ko", "스니커즈보다는 [6] 더비 슈즈가 정석이에요."),
    ("interview_ko", "청바지나 후드는 당연히 안 되고요."),
    ("interview_ko", "[7] 가죽 스니커즈도 깔끔하지만, 은행이라면 구두가 안전해요."),
    ("interview_ko", "반바지, 샌들, 트레이닝복은 말할 것도 없이 제외예요."),
    ("wedding_guest_ko", "[6] 화이트 린넨 원피스는 신부님과 겹치니 다음 기회에."),
    ("wedding_guest_ko", "흰 원피스는 하객 매너상 피해 주세요."),
    ("wedding_guest_ko", "[6] 원피스는 예쁘지만 흰색이라 결혼식엔 NG."),
    ("wedding_guest_ko", "올화이트는 신부만의 색이니 삼가 주세요."),
    ("wedding_guest_ko", "화이트 원피스만 아니면 다 괜찮아요."),
    ("wedding_guest_ko", "[6] 대신 [4] 스커트로 가세요."),
    ("jeju_trip_ko", "로퍼는 돌길에서 미끄러울 수 있어요."),
    ("jeju_trip_ko", "굽 있는 신발은 걷기 힘들어서 비추예요."),
    ("jeju_trip_ko", "힐은 오름에서 위험해요."),
    ("weekend_brunch_ko", "[6] 뮬은 오래 걸으면 발이 아파서 이번엔 스니커즈로 갈게요."),
    ("weekend_brunch_ko", "레오파드나 로고 같은 튀는 무늬는 없이 깔끔하게."),
    ("weekend_brunch_ko", "힐은 성수동 골목길엔 불편해요."),
    ("weekend_brunch_ko", "레이어드 목걸이 대신 [8] 귀걸이 하나만."),
    ("blind_date_ko", "[4] 스커트는 치마라서 뺐어요."),
    ("blind_date_ko", "하이힐이나 새틴 소재는 너무 꾸민 느낌이라 피했어요."),
    ("blind_date_ko", "치마는 원하지 않으셔서 [3] 슬랙스로 했어요."),
    ("blind_date_ko", "스틸레토 말고 [5] 앵클부츠로 편하게."),
    ("blind_date_ko", "[4] 플리츠 스커트는 이번 코디에서 제외했어요."),
    ("summer_commute_ko", "[5] 네이비 울 블레이저는 33도엔 무리예요."),
    ("summer_commute_ko", "울 슬랙스는 한여름엔 너무 덥죠."),
    ("summer_commute_ko", "울 소재는 땀이 차서 비추예요."),
    ("no_body_sanggyeonrye_ko", "[6] 스니커즈는 상견례엔 캐주얼해서 제외했어요."),
    ("no_body_sanggyeonrye_ko", "스니커즈는 편하지만 어른들 앞에선 가벼워 보여요."),
    ("no_body_sanggyeonrye_ko", "청바지나 반팔 티는 상견례와 안 어울려요."),
    ("camping_ko", "[6] 화이트 러닝화는 흙에 금방 더러워져요."),
    ("camping_ko", "트레이닝 조거보다 카고 팬츠가 주머니가 많아 편해요."),
]


def _results(case_id: str, sentence: str) -> list[tuple[str, bool, str]]:
    context = CASES[case_id].context
    names = {CHECK.get(case_id, "suits_occasion")} | (
        {"fits_season_weather"} if case_id in WEATHER else set()
    )
    answer = OUTFIT[case_id] + sentence
    return [(n, (r := CHECKS[n](answer, context)).passed, r.reason) for n in sorted(names)]


@pytest.mark.parametrize(("case_id", "sentence"), TURNED_DOWN)
def test_an_item_turned_down_is_not_recommended(case_id: str, sentence: str) -> None:
    assert [r for r in _results(case_id, sentence) if not r[1]] == []


RECOMMENDED = [
    ("jeju_trip_ko", "로퍼는 미끄러운 돌길에도 든든해요."),
    ("funeral_en", "[8] loafers: no scuffing worries if you stay on the path."),
    ("funeral_en", "[8] - no problem on dry paths."),
    ("date_night_en", "[8] hoodie - not too casual for a bar."),
    ("interview_ko", "[7] 가죽 스니커즈도 깔끔하지만, 추우면 구두가 나아요."),
    ("beach_trip_en", "Boots? Yes, for the shack at night."),
    ("jeju_trip_ko", "로퍼는 미끄럽지 않아서 돌길에도 좋아요."),
    ("summer_commute_ko", "[4] 울 슬랙스도 생각보다 안 덥죠."),
    ("interview_en", "A tie would look sharp, so wear one with [4]."),
    ("funeral_en", "You can't go wrong with [8] brown suede loafers."),
    ("funeral_en", "[8] brown suede loafers are smart, but oxfords are warmer if it rains."),
    ("funeral_en", "Keep [8] for the service: loafers are smart."),
    ("funeral_ko", "[7] 스니커즈면 아쉬울 게 없어요."),
    ("funeral_ko", "[8] 버건디 니트는 차분해서 조문에도 괜찮아요."),
    ("funeral_ko", "두 분 자제분들 앞이니 [7] 스니커즈로 편하게 가세요."),
    ("wedding_guest_ko", "[6] 원피스는 깔끔해서 결혼식에도 OK."),
    ("wedding_evening_en", "Stilettos are a great idea for the evening."),
    ("first_day_work_en", "Heels are essential for a polished first day."),
    ("funeral_ko", "[7] 스니커즈는 깔끔해서 조문용으로도 좋아요."),
]


@pytest.mark.parametrize(("case_id", "sentence"), RECOMMENDED)
def test_the_same_item_recommended_still_fails(case_id: str, sentence: str) -> None:
    check = CHECK.get(case_id, "suits_occasion")
    assert not CHECKS[check](OUTFIT[case_id] + sentence, CASES[case_id].context).passed
