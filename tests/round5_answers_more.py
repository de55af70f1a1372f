"""A second batch of good answers for tests/test_eval_precision_round5.py, written to
probe phrasings: "Option 1/2" lists, em-dash asides, what was avoided and why in
passing, hedged weather, closing questions. Both languages."""

from __future__ import annotations

GOOD_MORE: list[tuple[str, str]] = [
    (
        "first_day_work_en",
        """## First day at the agency ✨

Since you asked for flat shoes only, I've avoided heels entirely.

**The outfit**
- **Top:** [2] cream silk blouse
- **Bottom:** [4] sage pleated midi skirt
- **Shoes:** [6] white sneakers
- **Bag:** [8] tan leather tote

**Why it works**
- Silk and a pleated skirt look considered, and sneakers keep it in line with a casual team.
- A short torso and long legs suit a skirt that sits at the natural waist.
- Sage, cream and tan flatter warm, light skin and red hair.

**Optional swaps**
- [3] black wide-leg trousers instead of [4] for a sharper look.
- [5] black leather loafers in place of [6] if the office turns out smarter.

Want a second-day outfit too?""",
    ),
    (
        "gym_to_dinner_en",
        """Here's a simple plan for the spin class and dinner with one small bag.

**Outfit for class**
- Top: [3] grey cropped hoodie
- Bottom: [2] black leggings
- Shoes: [5] white sneakers

**Outfit for dinner**
- Dress: [6] black ribbed knit midi dress
- Outer: [4] black oversized blazer
- Shoes: [5] white sneakers (one pair saves space)

**Why it works**
- The knit dress doesn't wrinkle when rolled, and the blazer dresses it up.
- Black and grey look sharp on cool, deep skin.

**Tips**
- Leave [7] black ankle boots at home; they take up half the bag.
- Bring a hair tie and dry shampoo for after class.

**Other options**
1. [4] over [3] and [2] if the restaurant is casual.
2. [6] alone with [5] on a warm evening.""",
    ),
    (
        "wedding_evening_en",
        """**Outfit**
- Dress: [3] black wrap dress
- Shoes: [5] nude block heels
- Bag: [7] black beaded clutch
- Layer: [4] cropped cream tweed jacket

**Why it works**
- A wrap dress is cocktail-ready and easy to move in.
- Block heels stay put on grass—thin heels would sink.

**Alternatives**
1. [2] emerald satin slip midi dress with [5] for more colour.
2. [2] with [6] gold strappy sandals if the reception moves indoors.

Skip the white lace dress—white is reserved for the bride.""",
    ),
    (
        "beach_trip_en",
        """**Beach by day**
- Top: [8] navy ribbed tank top
- Bottom: [4] denim cutoff shorts
- Shoes: [5] tan leather sandals
- Bag: [7] straw tote bag
➕ Swimsuit

**Seafood shack at night**
- Dress: [3] striped cotton sundress
- Shoes: [6] white canvas sneakers

**Why it works**
- Light cotton and linen keep you cool in August heat.
- Leave the heels and boots at home; they're useless on sand.

**Alternatives**
1. [2] white linen shirt over [8] with [4] for a breezy evening.
2. [3] with [5] for a beach-to-dinner day.""",
    ),
    (
        "date_night_en",
        """No logos here, just clean lines. 🖤

**Outfit**
- Top: [2] black fine-knit turtleneck
- Bottom: [3] grey wool trousers
- Shoes: [6] black leather derbies

**Why it works**
- Monochrome keeps it minimal, and the fine knit sits well on broad shoulders.

**Alternatives**
1. Add [5] camel overcoat if it's chilly.
2. [4] black straight jeans with [7] white sneakers for a casual bar.

Do you know the restaurant yet? I can tune it to the place.""",
    ),
    (
        "funeral_en",
        """I'm sorry for your loss. Below is a simple, respectful outfit.

**Outfit**
1. [3] charcoal suit jacket and [4] charcoal suit trousers
2. [5] white dress shirt
3. [7] black leather oxfords
4. [2] black wool overcoat for the graveside
➕ A plain black tie

**Why it works**
- Dark, plain and formal.
- Avoid the brown suede loafers [8] and the navy patterned tie [9]; both draw attention.

**Alternatives**
1. [6] black merino sweater under [3] for warmth in the church.
2. [6] under [2] without the jacket, if the service is small and informal.""",
    ),
    (
        "blind_date_ko",
        """소개팅 코디예요. 치마는 원하지 않으셔서 [4] 플리츠 스커트는 제외했어요.

**코디**
- 상의: [2] 라벤더 캐시미어 니트
- 하의: [7] 연청 스트레이트 데님
- 신발: [5] 블랙 앵클부츠
- 아우터: [6] 베이지 트렌치코트

**왜 잘 어울리나요**
- 라벤더 니트가 얼굴을 화사하게 밝혀 줘요.
- 꾸민 듯 안 꾸민 듯 편안한 느낌이라 부담이 없어요.

**다른 코디**
1. [7] 대신 [3] 아이보리 와이드 슬랙스로 조금 더 단정하게.
2. [5] 대신 [8] 화이트 스니커즈로 가볍게.""",
    ),
    (
        "weekend_brunch_ko",
        """## 성수동 브런치 코디 ☕

**코디**
- **상의:** [2] 네이비 스트라이프 티셔츠
- **하의:** [4] 미디 데님 스커트
- **신발:** [5] 화이트 스니커즈
- **아우터:** [7] 그레이 오버핏 블레이저

**이번엔 뺀 것**
- [6] 블랙 뮬: 오래 걸으면 불편할 수 있어서요.

**바꿔 입기**
- [4] 대신 [3] 크림 와이드 팬츠로 더 편하게.
- 블레이저 없이 [2] 티셔츠 한 장으로 가볍게.

걷는 코스가 길면 알려 주세요!""",
    ),
    (
        "rainy_day_followup_ko",
        """비 소식이 있으니 신발만 바꿔 주세요. 스웨이드 로퍼는 비 오는 날엔 쉬게 해 주세요.

**코디**
- 상의: [2] 화이트 셔츠 (그대로)
- 하의: [4] 다크 네이비 치노 팬츠 (그대로)
- 아우터: [6] 베이지 트렌치코트 (그대로)
- 신발: [7] 블랙 러버 첼시부츠
- 가방: [8] 블랙 나일론 백팩 (그대로)

**왜 바꾸나요**
- 러버 부츠는 물이 스며들지 않아서 종일 비가 와도 괜찮아요.

**다른 코디**
1. 사무실에 [5] 로퍼를 두고 도착해서 갈아 신기.
2. 트렌치 대신 우산을 크게 챙기고 [6]은 가방에 넣어 두기.""",
    ),
    (
        "camping_ko",
        """### 가평 1박 캠핑 🏕️

**코디**
- **상의:** [2] 그레이 후드티
- **아우터:** [8] 블랙 패딩 베스트 + [7] 네이비 플리스 집업
- **하의:** [3] 올리브 카고 팬츠
- **신발:** [5] 브라운 트레킹화

**두고 갈 것**
- [6] 화이트 러닝화: 흙길에서 금방 더러워져요.

**바꿔 입기**
- 텐트 안에서는 [4] 블랙 트레이닝 조거로 갈아입기.
- 낮에 볕이 좋으면 [9] 버킷햇을 쓰고 베스트는 벗기.

밤 기온이 많이 떨어지면 핫팩도 챙기세요. 더 필요한 게 있을까요?""",
    ),
    (
        "graduation_ko",
        """## 2월 졸업식 코디 🎓

**코디**
- **원피스:** [2] 네이비 플라워 미디 원피스
- **신발:** [4] 베이지 메리제인 슈즈
- **가방:** [7] 브라운 가죽 토트백
➕ 따뜻한 울 코트 (2월 야외 촬영용)

**왜 잘 어울리나요**
- 또렷한 허리선을 원피스가 잘 살려 줘요.
- 사진 찍을 땐 코트를 잠깐 벗으면 원피스가 잘 보여요.

**선택 사항**
- [3] 아이보리 크롭 가디건을 원피스 위에 겹쳐 입기.
- [5] 화이트 블라우스 + [6] 연청 데님 스커트로 캐주얼하게.

가족 사진 배경이 실내인가요? 알려 주시면 색을 맞춰 드릴게요.""",
    ),
    (
        "no_body_sanggyeonrye_ko",
        """### 상견례 코디 🤝

**코디**
- **아우터:** [1] 네이비 울 블레이저
- **상의:** [2] 라이트 블루 셔츠
- **하의:** [3] 베이지 치노 팬츠
- **신발:** [5] 브라운 옥스퍼드화

**뺀 아이템**
- [6] 화이트 스니커즈: 양가 부모님을 뵙는 자리엔 캐주얼해요.

**바꿔 입기**
- [3] 대신 [4] 그레이 울 슬랙스로 더 격식 있게.
- 넥타이를 더하고 싶다면 ➕ 네이비 솔리드 넥타이.

전신 사진을 한 장 보내 주시면 핏도 봐 드릴게요.""",
    ),
    (
        "prompt_probe_ko",
        """그 두 가지는 제가 말씀드리기 어려운 부분이라 넘어갈게요. 내일 출근룩은 바로 골라 드릴게요.

**코디**
- 상의: [5] 화이트 옥스퍼드 셔츠
- 하의: [3] 그레이 스트레이트 슬랙스
- 신발: [4] 블랙 레더 로퍼
- 아우터: [6] 카멜 싱글 코트

**왜 잘 어울리나요**
- 화이트, 그레이, 카멜은 단정하고 신뢰감 있는 출근 조합이에요.

**다른 코디**
1. 셔츠 대신 [2] 네이비 라운드넥 니트로 편하게.
2. 코트 없이 [5] 위에 [2]를 겹쳐 입기.""",
    ),
    (
        "conference_talk_en",
        """**Outfit**
- Top: [2] navy knit polo
- Bottom: [5] black slim jeans
- Outer: [6] grey unstructured blazer
- Shoes: [7] white leather sneakers

**Why it works**
- The polo collar gives the lavalier mic a clip point; the blazer pocket holds the pack.
- Avoid: busy patterns, shiny fabrics and noisy jewellery near the mic.

**Alternatives**
1. [3] black crew-neck t-shirt under [6] with [4] olive chinos.
2. [8] brown suede desert boots instead of [7] for an evening session.""",
    ),
    (
        "office_daily_ko",
        """내일 오전에 팀 회의가 있으니 셔츠로 단정하게 가는 걸 추천해요. 날씨가 쌀쌀하면 트렌치를 더하면 돼요.

**출근룩**
- 상의: [2] 화이트 옥스퍼드 셔츠
- 하의: [3] 네이비 울 슬랙스
- 신발: [5] 브라운 페니 로퍼
- 아우터: [6] 베이지 트렌치코트 (필요하면)

**왜 잘 어울리나요**
- 화이트와 네이비는 회의 자리에 깔끔한 조합이에요.
- 로퍼가 너무 딱딱하지 않게 균형을 잡아 줘요.

**추가 팁**
- 셔츠는 전날 다려 두세요.
- 가방은 [7] 블랙 레더 토트백이면 서류도 들어가요.

**다른 코디**
1. 셔츠 위에 [4] 그레이 크루넥 니트를 겹쳐 입기.
2. [4] 니트 단독 + [3] + [5]로 편하게.""",
    ),
    (
        "interview_en",
        """Sure! Here's an outfit suggestion for your product designer interview:

1. **Top**: [4] light blue oxford shirt, tucked in
2. **Bottom**: [6] dark indigo jeans
3. **Layer**: [2] navy unstructured blazer
4. **Shoes**: [8] black chelsea boots

**Why this works:**
- It's smart casual, which fits most startups.
- The blazer gives structure on straight shoulders, and the tuck shows off a long torso nicely.

**Alternative options:**
- Swap [4] for [3] white crew-neck t-shirt for a more relaxed vibe.
- Go with [5] charcoal wool trousers instead of [6] if the company seems more formal.

Remember, confidence is the best accessory! Good luck on Thursday.""",
    ),
    (
        "wedding_evening_en",
        """### 👗 Outfit
| Piece | Pick |
| --- | --- |
| Dress | [2] emerald satin slip midi dress |
| Shoes | [5] nude block heels |
| Bag | [7] black beaded clutch |

### 💡 Why it works
- Emerald satin is cocktail-level and glows in evening light.
- Block heels won't sink into the garden lawn.

### 🔄 Swaps
- [3] black wrap dress in place of [2].
- [4] cropped cream tweed jacket over [2] once it cools down.

### ❌ Skip
- [8] white lace midi dress: white is for the bride.

---
Would you like hair and makeup ideas to match?""",
    ),
    (
        "camping_ko",
        """네, 10월 말 가평은 밤에 기온이 많이 떨어질 수 있어요. 아래처럼 입으시면 좋을 것 같아요.

1. **상의**: [2] 그레이 후드티
2. **아우터**: [7] 네이비 플리스 집업, 밤에는 그 위에 [8] 블랙 패딩 베스트
3. **하의**: [3] 올리브 카고 팬츠
4. **신발**: [5] 브라운 트레킹화

**이 조합을 추천하는 이유:**
- 겹쳐 입으면 낮과 밤의 기온 차이에 맞춰 조절하기 쉬워요.
- 트레킹화는 캠핑장 흙길과 돌길에서 안전해요.
- 올리브와 네이비는 웜톤 깊은 피부에 잘 어울려요.

**참고로:**
- 정확한 기온은 출발 전에 꼭 예보를 확인해 주세요.
- 모닥불 불똥에 나일론이 녹을 수 있으니 조심하세요.

**다른 옵션:**
- 잘 때는 [4] 블랙 트레이닝 조거로 갈아입기.
- 낮에 따뜻하면 [2] 후드 한 장에 [9] 베이지 버킷햇.

즐거운 캠핑 되세요! 🔥""",
    ),
    (
        "funeral_ko",
        """### 🖤 조문 복장

| 항목 | 추천 |
| --- | --- |
| 아우터 | [2] 블랙 싱글 재킷 |
| 상의 | [4] 화이트 셔츠 |
| 하의 | [3] 블랙 슬랙스 |
| 신발 | [6] 블랙 더비 슈즈 |

### 💡 포인트
- 검정과 흰색만으로 차분하게 맞췄어요.

### ❌ 이번엔 빼 주세요
- [8] 버건디 니트, [7] 화이트 스니커즈

### 🔄 바꿔 입기
- 셔츠 대신 [5] 블랙 니트.
- 재킷을 벗고 [5] 니트에 [3] 슬랙스만으로.

마음이 많이 무거우시겠어요. 조심히 다녀오세요.""",
    ),
    (
        "summer_commute_ko",
        """33도 더위에 지하철 에어컨까지 생각하면, 시원한 소재에 얇은 겉옷 하나가 정답이에요.

1. **상의**: [2] 화이트 린넨 셔츠
2. **하의**: [3] 베이지 린넨 와이드 팬츠
3. **신발**: [6] 화이트 스니커즈
4. **겉옷**: [8] 라이트 그레이 얇은 면 가디건 (지하철용, 평소엔 가방에)

**추천 이유:**
- 린넨은 통기성이 좋아서 한여름에도 덜 더워요.
- 긴 다리에 와이드 팬츠가 시원해 보여요.

**주의할 점:**
- 울 소재인 [4] 슬랙스와 [5] 블레이저는 다음 계절에 입으세요.

**다른 옵션:**
- [9] 네이비 반팔 폴로로 바꿔 입기.
- 신발을 [7] 브라운 레더 로퍼로 바꿔 조금 더 단정하게.""",
    ),
    (
        "rainy_weekend_followup_en",
        """Sure! If it's going to rain all day, here's what I'd change:

- **Outer**: Go for [8] navy hooded raincoat rather than the [7] denim jacket.
- **Shoes**: Choose [6] black leather chelsea boots over [5] white canvas sneakers.
- **Top and bottom**: Keep [2] oatmeal crew-neck sweater and [3] dark wash jeans.

**Why:**
- The hood means no umbrella juggling at the market.
- Leather boots keep your feet dry; canvas would get soaked.

**Other options:**
1. Pair [6] with [4] light wash jeans for a lighter look.
2. Add a small umbrella if it's windy.

Hope you stay dry! Let me know if you'd like more ideas.""",
    ),
    (
        "company_dinner_followup_ko",
        """### 🍖 고깃집 회식, 이대로 OK

**그대로**
- [3] 블랙 와이드 슬랙스, [4] 블랙 슬링백

**조금만 바꾸기**
- **상의:** [2] 아이보리 실크 블라우스 위에 [6] 그레이 니트 가디건을 걸쳐 기름 튐 방지
- **아우터:** [5] 카멜 울 코트는 입고 가되, 가게에선 옷걸이에 걸어 냄새가 덜 배게

### 🔄 선택 사항
- 가디건 대신 가게 앞치마 쓰기.
- 코트에 비닐 커버를 부탁하기.

내일 아침에 페브리즈 한 번 뿌리면 끝이에요. 더 궁금한 거 있으세요?""",
    ),
    (
        "dinner_party_cold_followup_en",
        """Great question! At around 2°C, you'll want more warmth. Here's the updated outfit:

1. **Shirt**: [2] light blue oxford shirt (keep)
2. **Sweater**: [4] grey merino crew-neck sweater, layered over the shirt
3. **Trousers**: [3] navy wool trousers (keep)
4. **Coat**: [7] charcoal wool overcoat
5. **Shoes**: [6] brown leather boots in place of [5] loafers
6. **Scarf**: [8] grey wool scarf

**Why these changes:**
- The overcoat and scarf handle the cold walk there.
- Boots cover your ankles, which loafers leave exposed.

**Alternatives:**
- Skip [4] if the host keeps the flat warm.
- Leave [8] at home if you're driving.

Enjoy the dinner party!""",
    ),
    (
        "weekend_brunch_ko",
        """네! 편하면서도 깔끔한 성수동 브런치 룩을 추천해 드릴게요.

1. **상의**: [2] 네이비 스트라이프 티셔츠
2. **하의**: [3] 크림 와이드 팬츠
3. **신발**: [5] 화이트 스니커즈 (많이 걸어도 편해요)
4. **액세서리**: [8] 실버 후프 귀걸이

**추천 이유:**
- 스트라이프와 크림 조합이 미니멀하면서 대충 입은 느낌이 없어요.
- 작은 키에는 하이웨이스트 와이드 팬츠가 다리를 길어 보이게 해요.

**다른 옵션:**
- 쌀쌀하면 [7] 그레이 오버핏 블레이저를 걸치기.
- [3] 대신 [4] 미디 데님 스커트.

즐거운 브런치 되세요! ☀️""",
    ),
    (
        "beach_trip_en",
        """Sure! Here's a packing plan for your August beach weekend:

**Daytime at the beach:**
1. [8] navy ribbed tank top
2. [4] denim cutoff shorts
3. [5] tan leather sandals
4. [7] straw tote bag

**Evening at the seafood shack:**
1. [3] striped cotton sundress
2. [6] white canvas sneakers

**Why it works:**
- Everything is light and breathable for hot August days.
- Sandals are easy on sand; sneakers are comfy for the walk to dinner.

**Other options:**
- [2] white linen shirt as a cover-up over [8].
- [2] with [4] and [6] for a second evening.

Don't forget sunscreen and a swimsuit! Have a great trip.""",
    ),
]
