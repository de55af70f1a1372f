"""Chatty good answers to follow-ups and weather questions (what changes and what stays,
"replacing [7]", "Trade the denim jacket for [8]", "➕ 카멜 롱코트: 가디건만으론 추워요",
what was kept out and why, optional extras): each must pass every content check of its
case; then near misses that must still fail."""

from __future__ import annotations

import pytest

from evals.checks import CHECKS
from tests.chatty_kit import CASES, content_failures

GOOD = [
    (
        "camping_ko",
        """가평 10월 말 밤은 5도 안팎까지 내려가요. 낮엔 가볍게, 밤엔 겹겹이!

**낮**
- [2] 그레이 후드티, [3] 올리브 카고 팬츠, [5] 브라운 트레킹화, [9] 버킷햇

**밤**
- 후드티 위에 [7] 네이비 플리스 집업, 그 위에 [8] 블랙 패딩 베스트

**팁**
- [6] 화이트 러닝화는 흙에 금방 더러워지니 집에 두고 오세요.
- 혹시 많이 추우면 담요나 핫팩도 챙기세요.

**다른 코디**
1. 낮에 걷는 일정이 없으면 [4] 조거로 편하게.""",
    ),
    (
        "company_dinner_followup_ko",
        """고깃집 회식이면 냄새만 신경 쓰시면 돼요!

**이렇게 바꿔요**
- 상의: [2] 아이보리 실크 블라우스 위에 [6] 그레이 니트 가디건 (블라우스에 고기 냄새와 기름이 덜 배요)
- 하의: [3] 블랙 와이드 슬랙스 그대로
- 신발: [4] 블랙 슬링백 그대로
- 아우터: [5] 카멜 울 코트 - 오늘 추우니 오가는 길엔 입고, 자리에서는 벗어서 비닐 커버나 옷걸이에

**팁**
- 실크는 냄새가 잘 배니 끝나고 바로 환기시켜 주세요.
- 혹시 좌식이면 와이드 슬랙스라 편하게 앉으실 수 있어요.""",
    ),
    (
        "company_dinner_followup_ko",
        """그대로 가셔도 괜찮은데, 코트가 울이라 냄새가 밸 수 있어요. [5] 코트는 입고 가서 가게 입구 옷걸이에 걸어 두시고, 블라우스 위에는 [6] 가디건을 걸쳐 기름 튀는 걸 막아 주세요. [3] 슬랙스와 [4] 슬링백은 그대로 두세요.""",
    ),
    (
        "dinner_party_cold_followup_en",
        """2°C calls for a few warm additions, but the base stays.

**What changes**
- Add: [4] grey merino crew-neck over [2]
- Add: [7] charcoal wool overcoat
- Add: [8] grey wool scarf
- Swap: [5] brown leather loafers → [6] brown leather boots

**What stays**
- [2] light blue oxford shirt and [3] navy wool trousers

**Why**
- Loafers leave your ankles bare in the cold; the boots keep the same brown leather look.
- If the host keeps the flat warm, take the sweater off and you're back to the original look.""",
    ),
    (
        "dinner_party_cold_followup_en",
        """I'd keep [2] and [3], add [4] on top and [7] for the walk, and wear [6] boots instead of the loafers - loafers at 2°C are a recipe for cold feet. The scarf [8] is a nice extra if it's windy.""",
    ),
    (
        "funeral_en",
        """I'm so sorry. Here's what I'd wear - simple and warm.

**Outfit**
- Suit: [3] charcoal suit jacket + [4] charcoal suit trousers
- Shirt: [5] white dress shirt
- Shoes: [7] black leather oxfords
- Coat: [2] black wool overcoat (keep it on at the graveside)
➕ Plain black tie
➕ Black leather gloves, if you have time to pick some up

**Why it works**
- A dark suit and white shirt are the standard for a church service.
- I've kept the brown suede loafers and the patterned navy tie out: suede and pattern both read more relaxed than the day calls for.
- Leather soles handle wet grass far better than suede.

**Alternatives**
1. If you'd rather skip the tie, [6] black merino sweater under [3] is respectful too.""",
    ),
    (
        "graduation_ko",
        """졸업 축하해요! 🎓

**코디**
- 상의: [5] 화이트 블라우스
- 하의: [6] 연청 데님 스커트
- 아우터: [3] 아이보리 크롭 가디건
- 신발: [4] 베이지 메리제인 슈즈
- 가방: [7] 브라운 가죽 토트백
➕ 카멜 롱코트: 2월 야외 촬영엔 가디건만으론 추워요

**왜 잘 어울리나요**
- 흰 블라우스가 사진에서 얼굴을 밝혀 주고, 데님이 너무 딱딱하지 않게 풀어 줘요.
- 혹시 더 격식 있게 하고 싶으면 [2] 원피스로 바꾸세요.

**다른 코디**
1. [2] 네이비 플라워 원피스 + [3] 가디건 + 코트.""",
    ),
    (
        "rainy_day_followup_ko",
        """비 오는 출근길이면 신발이 제일 먼저예요.

- 신발: [7] 블랙 러버 첼시부츠 (스웨이드 [5]는 물에 닿으면 얼룩져요)
- 하의: [3] 라이트 그레이 울 슬랙스는 밑단이 젖기 쉬워서 [4] 다크 네이비 치노로
- 아우터: [6] 베이지 트렌치코트 그대로 - 생활 방수라 비 오는 날에 딱이에요
- 가방: [8] 블랙 나일론 백팩 그대로
- 상의: [2] 화이트 셔츠 그대로

➕ 우산은 장우산으로 챙기시면 좋아요.""",
    ),
    (
        "rainy_day_followup_ko",
        """[5] 로퍼만 [7] 러버 첼시부츠로 바꾸시면 돼요. 트렌치와 백팩은 비에도 괜찮으니 그대로 두시고, 바지는 밝은 울이라 걱정되면 [4] 치노로 바꾸셔도 좋아요.""",
    ),
    (
        "rainy_weekend_followup_en",
        """Oh no, rain! Good news: you only need two swaps.

**Updated outfit**
- Top: [2] oatmeal crew-neck sweater (stays)
- Bottom: [3] dark wash jeans (stays - dark denim won't show splashes)
- Outer: [8] navy hooded raincoat, replacing [7]
- Shoes: [6] black leather chelsea boots, replacing [5]

**Why**
- Canvas sneakers would be soaked within the hour, and a denim jacket gets heavy and cold when wet.
- If it's only light drizzle in the afternoon, you could carry [7] in a tote - but honestly the raincoat is enough.

Optional: a compact umbrella for the café queue ☕""",
    ),
    (
        "rainy_weekend_followup_en",
        """Keep the sweater and dark jeans. Trade the denim jacket for [8] (hood up, hands free at the stalls) and the white canvas sneakers for [6] black leather chelsea boots. Light wash jeans [4] would show every splash, so I'd stick with [3].""",
    ),
    (
        "shoes_only_followup_ko",
        """신발만 바꾸신다면 두 가지 추천해요!

1. [5] 다크 브라운 로퍼 - 크림 치노와 블루 셔츠에 제일 잘 어울리고, 전시 보며 오래 걸어도 편해요.
2. [6] 블랙 첼시부츠 - 날이 쌀쌀하면 이쪽. 조금 더 시크해 보여요.

나머지 [2] 셔츠, [3] 치노, [7] 가디건은 그대로예요. 화이트 캔버스 스니커즈보다 한층 차려입은 느낌이 나요.""",
    ),
    (
        "shoes_only_followup_ko",
        """**신발만 변경**
- 신발: [5] 다크 브라운 로퍼 (스니커즈 대신)
- 상의·하의·아우터: 이전 그대로 ([2], [3], [7])

양말은 크림이나 네이비로 맞추면 깔끔해요.""",
    ),
    (
        "summer_commute_ko",
        """33도 출근길, 시원하게 가 봐요!

**출근룩**
- 상의: [9] 네이비 반팔 폴로
- 하의: [3] 베이지 린넨 와이드 팬츠
- 신발: [6] 화이트 스니커즈
- 가방 속: [8] 라이트 그레이 얇은 면 가디건 (지하철 에어컨이 세면 걸치기)

**왜 잘 어울리나요**
- 반팔 폴로와 린넨 팬츠는 땀이 차지 않고 금방 말라요.
- 울 블레이저나 울 슬랙스는 보기엔 단정해도 이 날씨엔 너무 더워요.
- 혹시 미팅이 있으면 폴로 대신 [2] 린넨 셔츠로 바꾸세요.

**다른 코디**
1. [2] 린넨 셔츠 + [3] 팬츠 + [7] 로퍼.""",
    ),
    (
        "wedding_evening_en",
        """Ooh, a garden wedding in June! Here's my pick:

**Outfit**
- Dress: [2] emerald satin slip midi dress
- Shoes: [5] nude block heels
- Bag: [7] black beaded clutch
- Cover-up: [4] cropped cream tweed jacket (for after sunset)

**Why it works**
- Emerald satin is cocktail-level without trying too hard.
- Block heels stay on top of the lawn; pointy stilettos would sink with every step.
- White lace ([8]) is beautiful but it's the bride's territory, so save it for another summer event.
- No tights needed - June evenings are mild.

**Alternatives**
1. [3] black wrap dress with [6] gold strappy sandals if the reception is on a deck.""",
    ),
]


@pytest.mark.parametrize(("case_id", "answer"), GOOD)
def test_a_chatty_follow_up_or_weather_answer_passes(case_id: str, answer: str) -> None:
    assert content_failures(case_id, answer) == []


@pytest.mark.parametrize(
    ("case_id", "answer", "check"),
    [
        (
            "rainy_weekend_followup_en",
            "Swap [7] for [8] and keep [5] white canvas sneakers on.",
            "follow_up_constraints",
        ),
        (
            "rainy_weekend_followup_en",
            "Put [8] on, and keep [5] white canvas sneakers out of the puddles.",
            "follow_up_constraints",
        ),
        (
            "funeral_en",
            "Wear [3], [4], [5], [2]; I've kept [8] brown suede loafers on for comfort.",
            "suits_occasion",
        ),
        (
            "graduation_ko",
            "[2] 원피스, [3] 가디건, [4] 메리제인: 2월이지만 코트 없이도 충분해요.",
            "fits_season_weather",
        ),
    ],
)
def test_a_near_miss_still_fails(case_id: str, answer: str, check: str) -> None:
    assert not CHECKS[check](answer, CASES[case_id].context).passed
