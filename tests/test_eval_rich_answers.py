"""Rich good answers, in the style of an independent writer: they discuss proportions,
what to avoid, fabrics and weather, and every deterministic check must pass them."""

from __future__ import annotations

import pytest

from evals.cases import load_cases
from evals.checks import CHECKS

CASES = {case.id: case for case in load_cases()}

RICH_GOOD = [
    (
        "funeral_en",
        """I'm sorry for your loss. Here's a respectful, warm look.

**Outfit**
- Top: [5] white dress shirt
- Suit: [3] charcoal suit jacket + [4] charcoal suit trousers
- Shoes: [7] black leather oxfords
- Coat: [2] black wool overcoat for the graveside
➕ a plain black tie

**Why it works**
- Charcoal and black read sombre and formal; the overcoat keeps you warm outside at 5°C.
- The jacket's shoulders sit cleanly and the trousers break just on the shoe, a tidy line.

**What to avoid**
- [8] brown suede loafers: suede is too casual and marks in the wet.
- [9] navy patterned tie: a pattern draws attention; plain is kinder today.
- Bright colours, florals or anything shiny.

**Alternatives**
1. [6] black merino sweater under [3] instead of the shirt if it's very cold.
2. Skip the jacket and wear [6] with [4] and [2] if the service is informal.""",
    ),
    (
        "wedding_guest_ko",
        """축하할 자리에 단정하고 화사하게 가 볼게요 💐

**코디**
- 아우터: [2] 네이비 트위드 재킷
- 상의: [3] 아이보리 실크 블라우스
- 하의: [4] 베이지 플리츠 미디 스커트
- 신발: [5] 블랙 펌프스
- 가방: [7] 골드 체인 미니백

**왜 잘 어울리나요**
- 미디 기장 플리츠가 걸을 때 자연스럽게 흔들리고, 트위드 재킷이 어깨선을 단정하게 잡아 줘요.
- 하이웨이스트 스커트라 다리 라인이 길어 보이고, 상체와 하체 비율이 균형 있게 맞아요.
- 5월 낮엔 따뜻하지만 예식장 에어컨이 셀 수 있으니 재킷을 챙기세요.

**피하면 좋은 것**
- [6] 화이트 린넨 원피스: 흰색은 신부의 색이라 하객룩으론 피해요.
- 올화이트, 순백에 가까운 조합도 피하세요.

**다른 코디**
1. 재킷 없이 [3] 블라우스에 [4] 스커트, [5] 펌프스로 가볍게.
2. ➕ 연한 하늘색 원피스에 [2] 재킷과 [7] 미니백.""",
    ),
    (
        "summer_commute_ko",
        """33도 출근길, 시원하게 입어 볼게요 ☀️

**코디**
- 상의: [2] 화이트 린넨 셔츠
- 하의: [3] 베이지 린넨 와이드 팬츠
- 신발: [7] 브라운 레더 로퍼
- 가방 속: [8] 라이트 그레이 얇은 면 가디건 (사무실 냉방용)

**왜 잘 어울리나요**
- 린넨은 바람이 잘 통해 땀이 차지 않고, 와이드 핏이라 몸에 붙지 않아 시원해요.
- [4] 울 슬랙스와 [5] 울 블레이저는 한여름엔 너무 더우니 가을까지 아껴 두세요.
- 와이드 팬츠가 허리부터 곧게 떨어져 다리 라인이 길어 보여요.
- 린넨은 구김이 가는 게 단점이지만 출근길 정도는 자연스러워요.

**다른 코디**
1. [9] 네이비 반팔 폴로에 [3] 팬츠, [6] 스니커즈로 더 캐주얼하게.
2. [2] 셔츠를 [9] 폴로로 바꾸고 로퍼 그대로.""",
    ),
    (
        "beach_trip_en",
        """Sun, sand and a shack dinner: easy!

**Outfit**
- Day: [3] striped cotton sundress with [5] tan leather sandals and [7] straw tote
- Evening: [2] white linen shirt over [8] navy ribbed tank with [4] denim cutoff shorts, [5] sandals

**Why it works**
- Cotton and linen breathe in 32°C heat; skip anything heavy like wool or denim jackets.
- Heels and boots sink into sand, so sandals all day.
- The sundress's waist seam sits at your natural waist and balances your proportions nicely.

**Alternatives**
1. [6] white canvas sneakers instead of [5] for the walk to dinner.
2. [2] open over [3] as a cover-up at the beach.""",
    ),
    (
        "rainy_weekend_followup_en",
        """Rain all day calls for two swaps; the rest stays.

- Swap [5] white canvas sneakers for [6] black leather chelsea boots: canvas soaks through in puddles, leather doesn't.
- Swap [7] denim jacket for [8] navy hooded raincoat: denim gets heavy and cold when wet.
- Keep [2] and [3] as they are. Dark wash hides splashes at the hem better than light wash [4].

**Why it works:** the raincoat's hood means no umbrella juggling at the market, and the boots' slim shape keeps the straight-leg line clean over the jeans.""",
    ),
    (
        "rainy_day_followup_ko",
        """비가 많이 오면 신발만 바꾸면 돼요 ☔

- [5] 브라운 스웨이드 로퍼 대신 [7] 블랙 러버 첼시부츠: 스웨이드는 물에 닿으면 얼룩이 남아요.
- [6] 트렌치코트와 [8] 나일론 백팩은 그대로. 트렌치는 생활 방수가 되고 백팩도 젖어도 금방 말라요.
- [3] 울 슬랙스는 밑단이 젖기 쉬우니 한 번 접어 입거나, [4] 치노로 바꿔도 좋아요.
- 밝은 그레이는 빗물 자국이 잘 보이는 게 단점이라, 어두운 치노가 더 편할 수 있어요.""",
    ),
    (
        "interview_en",
        """Good luck! A startup interview wants smart, not stiff.

**Outfit**
- Outer: [2] navy unstructured blazer
- Top: [4] light blue oxford shirt, top button open
- Bottom: [5] charcoal wool trousers
- Shoes: [8] black chelsea boots

**Why it works**
- The unstructured blazer sits softly on your shoulders, and the trousers' straight leg keeps a long, clean line.
- Skip the tie: at a design startup it reads corporate. No tie, no suit, and nothing too shiny.
- Navy, light blue and charcoal suit cool, fair skin.
- Wool trousers handle a cool morning; if it's warm, the blazer comes off easily.

**Alternatives**
1. [3] white crew-neck t-shirt instead of [4] under [2] for a design-studio feel.
2. [6] dark indigo jeans instead of [5] if the team dresses down.
3. [7] white leather sneakers rather than [8] on a dry day.""",
    ),
    (
        "date_night_en",
        """A clean, minimal date look 🖤

**Outfit**
- Top: [2] black fine-knit turtleneck
- Bottom: [3] grey wool trousers
- Shoes: [6] black leather derbies
- Outer: [5] camel overcoat

**Why it works**
- The fine knit skims rather than clings, and the high neck lengthens your neck and balances broad shoulders.
- Leave the red logo hoodie [8] for the weekend: logos and loud prints fight a minimal look.
- Black, grey and camel are calm together; no logos, no animal prints, nothing neon.
- Wool trousers and the overcoat keep you warm on a cold walk to the restaurant.

**Alternatives**
1. [4] black straight jeans instead of [3] for a more relaxed bar.
2. [7] white sneakers rather than [6] if you'll walk a lot.""",
    ),
    (
        "camping_ko",
        """10월 말 가평 캠핑, 밤 추위 대비가 핵심이에요 🏕️

**코디**
- 상의: [2] 그레이 후드티
- 하의: [3] 올리브 카고 팬츠
- 아우터: [7] 네이비 플리스 집업, 밤엔 위에 [8] 블랙 패딩 베스트
- 신발: [5] 브라운 트레킹화
➕ 울 양말과 비니

**왜 잘 어울리나요**
- 얇은 옷을 여러 겹 입으면 두꺼운 한 벌보다 따뜻하고 체온 조절이 쉬워요.
- 면 소재는 땀이 마르지 않아 밤에 추우니, 플리스와 패딩 베스트로 보온하세요.
- [6] 화이트 러닝화는 흙길에서 금방 더러워지니 이번엔 빼 두세요.
- 카고 팬츠가 허리부터 여유 있게 떨어져서 쪼그려 앉아도 편하고, 긴 상체와 균형이 맞아요.

**다른 코디**
1. 잘 때는 [4] 블랙 트레이닝 조거로 갈아입기.
2. 낮에 따뜻하면 [7]을 벗고 [2] 위에 [8]만.""",
    ),
    (
        "graduation_ko",
        """졸업 축하드려요! 🎓 사진도 예쁘고 따뜻하게.

**코디**
- 원피스: [2] 네이비 플라워 미디 원피스
- 아우터: [3] 아이보리 크롭 가디건
- 신발: [4] 베이지 메리제인 슈즈
- 가방: [7] 브라운 가죽 토트백
➕ 베이지 롱 울 코트
➕ 기모 스타킹

**왜 잘 어울리나요**
- 크롭 가디건이 허리선을 높여 줘서 미디 원피스와 비율이 경쾌해요.
- 2월엔 가디건만으론 추우니 코트를 꼭 걸치고, 촬영할 때만 잠깐 벗으세요.
- [6] 데님 스커트는 졸업식 사진엔 너무 캐주얼해서 이번엔 피해요.
- 네이비와 아이보리가 사진에서 얼굴을 화사하게 밝혀 줘요.

**다른 코디**
1. [5] 화이트 블라우스에 [6] 데님 스커트, ➕ 코트로 캐주얼하게.
2. [2] 원피스에 [3] 대신 코트만 걸치기.""",
    ),
    (
        "first_day_work_en",
        """Congrats on the new job! Flat shoes all the way.

**Outfit**
- Top: [2] cream silk blouse, tucked
- Bottom: [3] black wide-leg trousers
- Outer: [7] beige linen blazer
- Shoes: [5] black leather loafers
- Bag: [8] tan leather tote

**Why it works**
- A tucked blouse marks the waist, and wide legs from a high rise make a long, easy line.
- No heels, as you asked: loafers are smarter than sneakers for day one, and you can walk all day.
- Avoid anything too formal like a full suit; a casual agency reads that as stiff.
- Silk can show sweat in a warm office, so the open blazer helps; linen breathes.

**Alternatives**
1. [4] sage pleated midi skirt instead of [3], with [2] and [5].
2. [6] white sneakers instead of [5] from day two.""",
    ),
    (
        "body_worry_en",
        """Let's build an office party look you'll feel great in.

**Outfit**
- Top: [3] burgundy satin blouse
- Bottom: [2] black wide-leg trousers
- Outer: [7] camel structured blazer
- Shoes: [5] black block-heel pumps

**Why it works**
- A high waist on the wide leg lengthens the leg line, and the blazer's structured shoulders balance the volume below.
- Tucking the blouse defines your waist; the satin's drape moves rather than clings.
- Nothing here is about hiding anything: it's proportion and colour.
- Burgundy and camel are warm, rich colours for medium skin and dark hair.

**Alternatives**
1. [4] black A-line midi skirt instead of [2]: the A-line balances the shoulders of [7].
2. [6] white sneakers rather than [5] for a casual crowd.""",
    ),
]


@pytest.mark.parametrize(("case_id", "answer"), RICH_GOOD, ids=[c for c, _ in RICH_GOOD])
def test_a_rich_good_answer_passes_every_check(case_id: str, answer: str) -> None:
    context = CASES[case_id].context
    failed = [(n, r.reason) for n, c in CHECKS.items() if not (r := c(answer, context)).passed]
    assert failed == []
