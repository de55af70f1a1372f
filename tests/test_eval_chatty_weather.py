"""Weather talk in the outfit itself, as chatty answers put it ("It's a warm June night, so
no tights, no coat, no scarf", "울 소재는 빼요", "반팔만 입으면 밤에 떨어요", "Suede is a no
in the rain"): the clothes it turns down are not worn. Then sentences that do wear them."""

from __future__ import annotations

import pytest

from evals.checks import CHECKS
from tests.chatty_kit import CASES

# An outfit that meets each case's weather rule; the sentence is its next line.
OUTFIT = {
    "beach_trip_en": "**Outfit**\n- [8] tank, [4] cutoffs, [5] sandals, [3] sundress at night with [6] sneakers\n\n**Why it works**\n- ",
    "camping_ko": "**코디**\n- [2] 후드티, [3] 카고 팬츠, [5] 트레킹화, [7] 플리스, [8] 패딩 베스트\n- ",
    "dinner_party_cold_followup_en": "- Keep [2] and [3], add [4] and [7]; [6] boots instead of [5].\n- ",
    "funeral_en": "**Outfit**\n- [3] charcoal suit jacket, [4] trousers, [5] white shirt, [7] black oxfords, [2] overcoat\n➕ plain black tie\n- ",
    "graduation_ko": "**코디**\n- [2] 원피스, [3] 가디건, [4] 메리제인, ➕ 울 롱코트\n- ",
    "rainy_day_followup_ko": "- [5] 대신 [7] 러버 첼시부츠, [6] 트렌치와 [8] 백팩은 그대로.\n- ",
    "rainy_weekend_followup_en": "- Keep [2] and [3]; [8] raincoat instead of [7]; [6] boots instead of [5].\n- ",
    "summer_commute_ko": "**코디**\n- [2] 린넨 셔츠, [3] 린넨 팬츠, [7] 로퍼, [8] 가디건\n\n**포인트**\n- ",
    "wedding_evening_en": "**Outfit**\n- [2] emerald satin slip midi dress, [5] nude block heels, [7] clutch\n- ",
}

TURNED_DOWN = [
    ("wedding_evening_en", "It's a warm June night, so no tights, no coat, no scarf."),
    ("wedding_evening_en", "Bare legs are fine in June; tights would be too warm."),
    ("wedding_evening_en", "Leave the boots and wool coat for autumn."),
    ("wedding_evening_en", "A wool coat would be overkill in June."),
    (
        "wedding_evening_en",
        "If the evening turns cool, [4] cropped jacket is plenty - no overcoat needed.",
    ),
    ("wedding_evening_en", "You won't need a scarf or tights."),
    ("wedding_evening_en", "Skip the tights and boots."),
    ("funeral_en", "It's cold, so keep the overcoat on; linen or sandals would be freezing."),
    ("funeral_en", "No summer fabrics like linen today."),
    ("beach_trip_en", "August is hot: boots and wool would be sweltering."),
    ("beach_trip_en", "No need for a jacket or boots in this heat."),
    ("summer_commute_ko", "울 블레이저나 울 슬랙스는 여름엔 패스."),
    ("summer_commute_ko", "니트나 코트는 33도엔 필요 없어요."),
    ("summer_commute_ko", "가디건은 에어컨용으로만, 울 소재는 빼요."),
    ("summer_commute_ko", "[5] 블레이저는 더워서 가을에 입으세요."),
    ("summer_commute_ko", "패딩이나 부츠는 당연히 넣어 두시고요."),
    ("graduation_ko", "반팔이나 샌들은 2월엔 추워요."),
    ("graduation_ko", "린넨처럼 얇은 소재는 피하세요."),
    ("camping_ko", "반바지나 샌들은 밤에 추워서 안 돼요."),
    ("camping_ko", "반팔만 입으면 밤에 떨어요."),
    ("rainy_weekend_followup_en", "Canvas and suede both soak through, so leave them."),
    ("rainy_weekend_followup_en", "Suede is a no in the rain."),
    ("rainy_weekend_followup_en", "Canvas sneakers stay home today."),
    ("rainy_day_followup_ko", "캔버스나 스웨이드 신발은 비에 약해요."),
    ("rainy_day_followup_ko", "스웨이드는 비 오는 날엔 금물이에요."),
    ("dinner_party_cold_followup_en", "At 2°C, sandals or linen would be freezing."),
    ("dinner_party_cold_followup_en", "No need for anything summery."),
]


@pytest.mark.parametrize(("case_id", "sentence"), TURNED_DOWN)
def test_weather_talk_turning_clothes_down_passes(case_id: str, sentence: str) -> None:
    result = CHECKS["fits_season_weather"](OUTFIT[case_id] + sentence, CASES[case_id].context)
    assert result.passed, result.reason


@pytest.mark.parametrize(
    ("case_id", "sentence"),
    [
        ("wedding_evening_en", "It's warm, but bring tights for the evening."),
        ("camping_ko", "밤에도 반팔에 반바지로 가볍게 가세요."),
        ("rainy_day_followup_ko", "[5] 스웨이드 로퍼도 그대로 신으세요."),
        ("summer_commute_ko", "[5] 울 블레이저를 걸치세요."),
        ("graduation_ko", "얇은 린넨 원피스로 가볍게 가세요."),
        ("camping_ko", "반팔 티 하나면 덜덜 떨 일은 없어요."),
    ],
)
def test_weather_talk_wearing_them_fails(case_id: str, sentence: str) -> None:
    assert not CHECKS["fits_season_weather"](
        OUTFIT[case_id] + sentence, CASES[case_id].context
    ).passed
