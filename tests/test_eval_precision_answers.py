"""Precision on whole answers: good answers a stylist would give (condolences, what to
leave at home and why, comparisons, follow-ups that keep most of the outfit, weather
talk, respectful body talk) pass every check of their case that reads content. Written
by hand to hunt false alarms; none of them is a labelled answer."""

from __future__ import annotations

import pytest

from evals.checks import CHECKS
from tests.chatty_kit import CASES, content_failures

GOOD_ANSWERS = [
    (
        "funeral_en",
        """I'm so sorry for your loss.

**Outfit**
- [3] charcoal suit jacket + [4] charcoal suit trousers
- [5] white dress shirt
- [2] black wool overcoat for the graveside
- [7] black leather oxfords
➕ a plain black tie

**Why it works**
- Dark, quiet and formal. Suede scuffs and darkens on wet grass, so the oxfords are the safer pair.
- The [9] navy patterned tie is a bit busy for a funeral; a plain black one is more respectful.

**Alternatives**
1. [6] black merino sweater under [3] if the church is cold.""",
    ),
    (
        "funeral_en",
        """I'm sorry about your grandfather.

- Wear [3] and [4], the charcoal suit, with [5] white dress shirt and [7] black leather oxfords.
- Put [2] black wool overcoat on for the burial; you'll be standing outside in the cold.
- I'd keep [8] brown suede loafers for another day: brown suede reads casual, and suede hates damp ground.

**Alternatives**
1. Add [6] black merino sweater under the jacket for warmth.""",
    ),
    (
        "funeral_ko",
        """삼가 조의를 표합니다. 조문 자리에는 어둡고 차분한 차림이 예의예요.

**코디**
- 아우터: [2] 블랙 싱글 재킷
- 상의: [4] 화이트 셔츠
- 하의: [3] 블랙 슬랙스
- 신발: [6] 블랙 더비 슈즈

**왜 잘 어울리나요**
- 블랙과 화이트만으로 단정하게 정리돼요.
- [8] 버건디 니트는 색이 눈에 띄어서 오늘은 옷장에 두세요. [7] 화이트 스니커즈도 조문에는 캐주얼해요.

**다른 코디**
1. [4] 대신 [5] 블랙 니트: 셔츠가 불편하면 니트로 더 차분하게.""",
    ),
    (
        "funeral_ko",
        """조문 가실 때는 튀지 않는 게 제일 중요해요.

- [2] 블랙 재킷, [4] 화이트 셔츠, [3] 블랙 슬랙스, [6] 블랙 더비 슈즈로 가세요.
- 빨간색이나 원색 소품은 피하시고, 양말도 검은색으로 맞추세요.
- 스니커즈는 편하지만 장례식장에서는 가볍게 보여요.

**대안**
1. [5] 블랙 니트를 셔츠 대신 입어도 충분히 예의 있어요.""",
    ),
    (
        "wedding_guest_ko",
        """낮 결혼식 하객룩으로 화사하면서 단정하게 가요.

**코디**
- [2] 네이비 트위드 재킷
- [3] 아이보리 실크 블라우스
- [4] 베이지 플리츠 미디 스커트
- [5] 블랙 펌프스
- [7] 골드 체인 미니백

**포인트**
- [6] 화이트 린넨 원피스는 신부와 겹칠 수 있어서 이번엔 피하는 게 좋아요.
- 흰 원피스만 아니면 아이보리 블라우스는 재킷 안이라 괜찮아요.

**다른 코디**
1. 재킷 없이 [3]과 [4]만, 날이 따뜻하면.""",
    ),
    (
        "wedding_guest_ko",
        """하객으로는 흰색만 피하면 돼요. 화이트 원피스는 신부의 색이라 오늘은 쉬어 주세요.

- [2] 네이비 트위드 재킷 + [4] 베이지 플리츠 스커트
- [3] 아이보리 블라우스, [5] 블랙 펌프스, [7] 골드 미니백

**대안**
1. 실내가 더우면 [2]를 벗고 [3]과 [4]로.""",
    ),
    (
        "wedding_evening_en",
        """A June garden wedding at night: go for colour and easy heels.

**Outfit**
- [2] emerald satin slip midi dress
- [4] cropped cream tweed jacket for later in the evening
- [5] nude block heels: they won't sink into the lawn the way stilettos would
- [7] black beaded clutch

**Why it works**
- Emerald is festive without competing with the bride, whereas [8] white lace midi dress would.

**Alternatives**
1. [3] black wrap dress with [6] gold strappy sandals, if the lawn is paved.""",
    ),
    (
        "wedding_evening_en",
        """Skip anything white - that's the bride's colour - and pick the emerald.

- Dress: [2] emerald satin slip midi dress
- Shoes: [5] nude block heels (stilettos sink into grass)
- Bag: [7] black beaded clutch
- Layer: [4] cream tweed jacket once the sun goes down

**Alternatives**
1. [3] black wrap dress + [6] gold strappy sandals for a darker, sleeker look.""",
    ),
    (
        "interview_en",
        """For a startup interview, smart casual without a tie is right.

**Outfit**
- [2] navy unstructured blazer
- [4] light blue oxford shirt, top button open
- [5] charcoal wool trousers
- [8] black chelsea boots

**Why it works**
- A tie would feel too formal for a tech startup; an open collar reads relaxed but sharp.

**Alternatives**
1. [3] white crew-neck t-shirt under [2] with [6] dark indigo jeans and [7] white leather sneakers.""",
    ),
    (
        "interview_ko",
        """은행 면접은 정석대로 수트가 가장 안전해요.

**코디**
- [2] 차콜 싱글 수트 재킷 + [3] 차콜 수트 팬츠
- [4] 화이트 드레스 셔츠
- [8] 네이비 솔리드 넥타이
- [6] 블랙 더비 슈즈

**이유**
- 은행은 보수적인 편이라 [7] 화이트 가죽 스니커즈는 면접엔 안 맞아요. 구두가 훨씬 신뢰감 있어요.
- 청바지나 캐주얼한 아이템 없이 깔끔하게 가는 게 좋아요.

**다른 코디**
1. [4] 대신 [5] 하늘색 스트라이프 셔츠로 조금 부드럽게.""",
    ),
    (
        "interview_ko",
        """면접 코디예요.

- [2]와 [3] 차콜 수트, [4] 화이트 셔츠, [8] 네이비 넥타이, [6] 블랙 더비 슈즈.
- 스니커즈는 아무리 깨끗해도 은행 면접에선 피하세요.

**대안**
1. 셔츠만 [5] 하늘색 스트라이프 셔츠로 바꿔도 좋아요.""",
    ),
    (
        "rainy_day_followup_ko",
        """비가 많이 오면 신발만 바꾸면 돼요.

- [5] 브라운 스웨이드 로퍼 대신 [7] 블랙 러버 첼시부츠를 신으세요. 스웨이드는 물에 약해요.
- [6] 베이지 트렌치코트와 [8] 블랙 나일론 백팩은 그대로 좋아요.
- [3] 라이트 그레이 슬랙스는 밑단이 젖으면 티가 나니 [4] 다크 네이비 치노 팬츠로 바꾸는 것도 방법이에요.
- [2] 화이트 셔츠는 그대로.""",
    ),
    (
        "rainy_day_followup_ko",
        """나머지는 그대로 두고 신발만 [7] 블랙 러버 첼시부츠로 바꾸세요. [5] 로퍼는 비 오는 날엔 쉬게 해 주세요. [6] 트렌치코트와 [8] 백팩은 비에도 괜찮아요.""",
    ),
    (
        "rainy_weekend_followup_en",
        """If it rains all day, keep [2] oatmeal crew-neck sweater and [3] dark wash jeans, and swap two things:

- [8] navy hooded raincoat over the top instead of [7] denim jacket, which soaks through.
- [6] black leather chelsea boots instead of [5] white canvas sneakers; canvas gets soaked in minutes.

Everything else stays the same.""",
    ),
    (
        "rainy_weekend_followup_en",
        """Rain all day? The sweater and dark jeans can stay. Put on [8] navy hooded raincoat and trade [5] canvas sneakers for [6] chelsea boots. Darker denim like [3] also hides splashes better than [4] light wash jeans would.""",
    ),
    (
        "dinner_party_cold_followup_en",
        """At 2°C, keep [2] light blue oxford shirt and [3] navy wool trousers, and add warmth:

- [4] grey merino crew-neck sweater over the shirt
- [7] charcoal wool overcoat and [8] grey wool scarf for the walk
- [6] brown leather boots instead of [5] loafers, which leave your ankles cold

The rest stays the same as before.""",
    ),
    (
        "dinner_party_cold_followup_en",
        """Not much needs to change. Same shirt and trousers ([2], [3]), plus [4] merino sweater on top. Swap the loafers for [6] brown leather boots, and wear [7] charcoal overcoat with [8] scarf. Loafers would be freezing at 2°C.""",
    ),
    (
        "shoes_only_followup_ko",
        """신발만 바꾼다면 [5] 다크 브라운 로퍼를 추천해요. [2] 셔츠, [3] 크림 치노, [7] 네이비 가디건은 그대로 두고 [4] 스니커즈만 빼면 훨씬 단정해져요.

**대안**
1. [6] 블랙 첼시부츠: 쌀쌀한 날에 좋아요.""",
    ),
    (
        "shoes_only_followup_ko",
        """옷은 그대로 두고 [4] 화이트 캔버스 스니커즈 대신 [6] 블랙 첼시부츠를 신어 보세요. 크림 치노와 네이비 가디건이랑 잘 어울려요. 좀 더 가볍게 가려면 [5] 로퍼도 좋아요.""",
    ),
    (
        "company_dinner_followup_ko",
        """네, 이대로 괜찮아요. 고깃집이라 냄새만 조심하세요.

- [5] 카멜 울 코트는 냄새가 잘 배니까 입구 옷걸이에 걸거나 비닐에 넣어 두세요.
- [2] 실크 블라우스는 기름이 튀면 얼룩이 남으니 [6] 가디건을 걸치세요.
- [3] 슬랙스와 [4] 슬링백은 그대로 좋아요. 치마보다 바지라 좌식에서도 편해요.
- 앞치마가 있으면 꼭 두르세요.""",
    ),
    (
        "summer_commute_ko",
        """33도면 린넨이 정답이에요.

**코디**
- [2] 화이트 린넨 셔츠
- [3] 베이지 린넨 와이드 팬츠
- [7] 브라운 레더 로퍼
- [8] 라이트 그레이 얇은 면 가디건: 지하철 에어컨 대비로 가방에

**왜 잘 어울리나요**
- [4] 차콜 울 슬랙스와 [5] 울 블레이저는 한여름엔 너무 더워요. 울은 가을에 입으세요.
- 린넨은 통기성이 좋아 땀이 차지 않아요.

**다른 코디**
1. [2] 대신 [9] 네이비 반팔 폴로, 신발은 [6] 화이트 스니커즈로 캐주얼하게.""",
    ),
    (
        "summer_commute_ko",
        """낮 33도라 울 소재는 빼고 가요.

- [9] 네이비 반팔 폴로 + [3] 베이지 린넨 와이드 팬츠 + [6] 화이트 스니커즈
- 에어컨이 센 지하철에선 [8] 얇은 면 가디건을 걸치세요.
- 블레이저는 이번 주엔 필요 없어요.

**대안**
1. [2] 화이트 린넨 셔츠와 [7] 로퍼로 조금 더 포멀하게.""",
    ),
    (
        "funeral_en",
        """I'm sorry for your loss. Here's what I'd wear:

- [3] + [4] charcoal suit, [5] white shirt, [7] black oxfords, [2] overcoat.
- Compared with suede, polished leather looks more formal and copes with rain.
- No bright colours or patterns: save [9] for a wedding.

**Alternatives**
1. [6] black merino sweater under the jacket.""",
    ),
]

GOOD_ANSWERS += [
    (
        "beach_trip_en",
        """Beach by day, shack by night: keep it light.

**Outfit**
- [8] navy ribbed tank top + [4] denim cutoff shorts + [5] tan leather sandals
- [2] white linen shirt over it at night
- [7] straw tote bag

**Why it works**
- Heels and boots are hopeless on sand, and sandals slip off for the water.
- Linen breathes in 30°C heat.

**Alternatives**
1. [3] striped cotton sundress with [6] white canvas sneakers for the shack.""",
    ),
    (
        "beach_trip_en",
        """Pack light. [3] striped sundress and [5] sandals for the day; at night [2] linen shirt, [4] cutoffs and [6] canvas sneakers. Leave heavier shoes like boots at home - sand gets in everything and they'd be boiling in August.""",
    ),
    (
        "camping_ko",
        """10월 말 가평 밤은 꽤 추워요. 겹쳐 입는 게 핵심이에요.

**코디**
- [2] 그레이 후드티 위에 [7] 네이비 플리스 집업
- 밤엔 [8] 블랙 패딩 베스트까지 겹쳐 입기
- [3] 올리브 카고 팬츠
- [5] 브라운 트레킹화

**왜 잘 어울리나요**
- 흙길이라 [6] 화이트 러닝화는 금방 더러워져요. 트레킹화가 훨씬 편해요.
- 반바지나 샌들은 밤에 너무 추워요.

**다른 코디**
1. [3] 대신 [4] 블랙 트레이닝 조거로 더 편하게.""",
    ),
    (
        "jeju_trip_ko",
        """많이 걷는 제주 여행이니 편한 신발과 바람막이가 기본이에요.

- [3] 네이비 스트라이프 티셔츠 + [4] 연청 데님 팬츠 + [6] 화이트 스니커즈
- [8] 카키 바람막이: 해안 도로는 바람이 세요
- [9] 캔버스 크로스백

로퍼나 구두는 오래 걸으면 발이 아파서 이번 여행엔 빼세요.

**대안**
1. 더운 날엔 [2] 린넨 셔츠 + [5] 와이드 쇼츠 + [7] 스포츠 샌들.""",
    ),
    (
        "body_worry_en",
        """Here's a look built on lines and balance, nothing to hide.

**Outfit**
- [3] burgundy satin blouse, tucked in at the waist
- [2] black wide-leg trousers
- [7] camel structured blazer
- [5] black block-heel pumps

**Why it works**
- The wide leg falls straight from the waist, so the whole line reads long and even.
- The structured shoulder of the blazer balances the outfit's proportions.

**Alternatives**
1. [4] black A-line midi skirt instead of [2], with the same blazer and pumps.""",
    ),
    (
        "blind_date_ko",
        """치마는 빼고, 너무 꾸민 느낌 없이 자연스럽게 가요.

**코디**
- [2] 라벤더 캐시미어 니트
- [3] 아이보리 와이드 슬랙스
- [5] 블랙 앵클부츠
- [6] 베이지 트렌치코트

**포인트**
- 하이힐 대신 앵클부츠라 편하면서도 단정해요.
- 광택 있는 소재나 화려한 장신구 없이 니트의 부드러움만으로 충분해요.

**다른 코디**
1. [3] 대신 [7] 연청 스트레이트 데님, 신발은 [8] 화이트 스니커즈로 더 편안하게.""",
    ),
    (
        "date_night_en",
        """Minimal and logo-free.

**Outfit**
- [2] black fine-knit turtleneck
- [3] grey wool trousers
- [6] black leather derbies
- [5] camel overcoat

**Why it works**
- Three neutrals, no logos or prints: quiet but put together.
- The [8] red logo hoodie is too loud for this; save it for the weekend.

**Alternatives**
1. [4] black straight jeans instead of [3] and [7] white sneakers for a more relaxed bar.""",
    ),
    (
        "first_day_work_en",
        """Casual agency, good first impression, flats only.

**Outfit**
- [2] cream silk blouse
- [3] black wide-leg trousers
- [7] beige linen blazer
- [5] black leather loafers
- [8] tan leather tote

**Why it works**
- Loafers keep it polished without heels.

**Alternatives**
1. [4] sage pleated midi skirt with [6] white sneakers and the same blazer.""",
    ),
    (
        "gym_to_dinner_en",
        """One small bag, two looks.

- Spin: [2] black leggings, [3] grey cropped hoodie, [5] white sneakers.
- Dinner: change into [6] black ribbed knit midi dress; it rolls up small in [8] black crossbody bag.
- Keep the sneakers on with the dress; boots won't fit in a small bag.

**Alternatives**
1. Keep [2] leggings on and throw [4] black oversized blazer over a fresh top.""",
    ),
    (
        "office_daily_ko",
        """오전 팀 회의가 있으니 단정하게 가요.

**코디**
- [2] 화이트 옥스퍼드 셔츠 + [4] 그레이 크루넥 니트
- [3] 네이비 울 슬랙스
- [5] 브라운 페니 로퍼
- [6] 베이지 트렌치코트, [7] 블랙 레더 토트백

**왜 잘 어울리나요**
- 네이비와 그레이는 회의 자리에서 차분하고 믿음직해 보여요.
- 슬리퍼나 반바지처럼 편한 차림은 사무실에선 피하는 게 좋아요.

**다른 코디**
1. 니트 없이 셔츠만, 날이 따뜻하면.""",
    ),
    (
        "office_daily_ko",
        """내일 출근룩이에요. 체형 걱정 없이 편하게 입을 수 있는 조합이에요.

- [2] 셔츠에 [3] 슬랙스, [5] 로퍼.
- 어깨가 넓은 편이라 [4] 니트를 어깨에 살짝 둘러도 자연스러워요.
- 비 소식이 있으면 [6] 트렌치코트를 챙기세요.

**대안**
1. [4] 니트를 셔츠 위에 입어 좀 더 따뜻하게.""",
    ),
    (
        "graduation_ko",
        """2월 졸업식은 추워서 코트가 꼭 필요해요. 사진에 잘 나오게 밝은 톤을 얼굴 가까이 두세요.

**코디**
- [2] 네이비 플라워 미디 원피스
- [3] 아이보리 크롭 가디건
- [4] 베이지 메리제인 슈즈
- ➕ 캐멀이나 베이지 롱 코트
- [7] 브라운 가죽 토트백

**다른 코디**
1. [5] 화이트 블라우스 + [6] 연청 데님 스커트, 위에 코트.""",
    ),
    (
        "weekend_brunch_ko",
        """미니멀하게, 편한 신발로 가요.

**코디**
- [2] 네이비 스트라이프 티셔츠
- [3] 크림 와이드 팬츠
- [5] 화이트 스니커즈
- [7] 그레이 오버핏 블레이저

**포인트**
- 성수동은 많이 걸으니 [6] 블랙 뮬보다 스니커즈가 편해요.
- 장신구는 [8] 실버 후프 귀걸이 하나면 충분해요.

**다른 코디**
1. [3] 대신 [4] 미디 데님 스커트, 신발은 그대로 [5].""",
    ),
]


# Short answers, one or two sentences of reasons.
GOOD_ANSWERS += [
    (
        "shoes_only_followup_ko",
        "신발만 [5] 다크 브라운 로퍼로 바꾸세요. 바지 밑단이 로퍼 위에 살짝 닿는 길이면 딱 좋아요. 셔츠와 가디건은 그대로예요.",
    ),
    (
        "shoes_only_followup_ko",
        "[6] 블랙 첼시부츠로 바꿔 보세요. 크림 치노 팬츠 밑단을 한 번 접으면 부츠가 잘 보여요. 가디건은 어깨에 걸쳐도 좋아요.",
    ),
    (
        "shoes_only_followup_ko",
        "신발만 바꾼다면 [5] 로퍼요. 양말은 바지 색에 맞춰 크림이나 베이지로 신으세요.",
    ),
    (
        "shoes_only_followup_ko",
        "[4] 스니커즈 대신 [5] 다크 브라운 로퍼를 신으세요. 셔츠를 바지 안에 넣어 입으면 로퍼랑 더 잘 어울려요.",
    ),
    (
        "company_dinner_followup_ko",
        "이대로 가도 좋아요. 고깃집은 연기가 많으니 [5] 코트는 비닐에 넣어 두세요. 블라우스 소매는 살짝 걷어 올리고, 바지는 그대로 OK. [3] 슬랙스와 [4] 슬링백 유지.",
    ),
    (
        "company_dinner_followup_ko",
        "네, 충분해요! 다만 고기 냄새가 [5] 울 코트에 잘 배니 자리에 앉기 전에 코트를 벗어 걸어 두세요. 셔츠나 블라우스에 기름이 튀면 바로 물티슈로 눌러 주세요. [3], [4]는 그대로.",
    ),
    (
        "dinner_party_cold_followup_en",
        "At 2°C I'd keep [2] and [3], add [4] merino crew-neck over the shirt, and wear [7] overcoat with [8] scarf. Swap [5] loafers for [6] brown leather boots; tuck the trousers' hem neatly over the boots.",
    ),
    (
        "rainy_weekend_followup_en",
        "Keep [2] sweater and [3] dark jeans. Add [8] hooded raincoat and switch to [6] chelsea boots - canvas sneakers like [5] soak through. Roll the jeans once so the hem stays dry.",
    ),
    (
        "rainy_day_followup_ko",
        "[5] 로퍼는 비에 약하니 [7] 러버 첼시부츠로 바꾸세요. [6] 트렌치코트와 [8] 백팩은 그대로 두고, 바지는 밑단이 젖지 않게 한 번 접어 주세요. 셔츠는 그대로 입어도 돼요.",
    ),
    (
        "funeral_en",
        "I'm sorry. Wear [3] and [4], the charcoal suit, with [5], [7] black oxfords and [2] overcoat. Avoid the brown suede loafers; brown suede reads casual. A plain black tie is better than the [9] patterned one.",
    ),
    (
        "funeral_ko",
        "조문에는 [2] 블랙 재킷, [4] 화이트 셔츠, [3] 블랙 슬랙스, [6] 블랙 더비 슈즈가 좋아요. 흰 스니커즈는 장례식장에선 안 신는 게 예의예요. 버건디처럼 튀는 색은 빼 주세요.",
    ),
    (
        "wedding_guest_ko",
        "하객룩: [2] 네이비 트위드 재킷, [3] 아이보리 블라우스, [4] 베이지 스커트, [5] 블랙 펌프스, [7] 골드 미니백. 올화이트는 신부의 색이라 금물이에요.",
    ),
    (
        "wedding_evening_en",
        "Wear [3] black wrap dress with [6] gold strappy sandals and [7] clutch; bring [4] jacket for later. White is the bride's colour, so the lace dress stays home. Stilettos would sink into the lawn.",
    ),
    (
        "interview_en",
        "Go with [2] navy blazer over [4] oxford shirt, [5] charcoal trousers and [8] chelsea boots. No tie needed at a startup - it would look stiff.",
    ),
    (
        "interview_ko",
        "[2] 재킷과 [3] 팬츠, [4] 셔츠, [8] 넥타이, [6] 더비 슈즈. 은행 면접이라 [7] 스니커즈는 오늘은 신발장에 두세요.",
    ),
    (
        "summer_commute_ko",
        "33도면 울은 너무 더워요. [2] 린넨 셔츠, [3] 린넨 팬츠, [7] 로퍼에 [8] 얇은 가디건을 가방에. 블레이저는 가을까지 넣어 두세요.",
    ),
    (
        "summer_commute_ko",
        "더운 날엔 [9] 반팔 폴로와 [3] 린넨 와이드 팬츠, [6] 스니커즈요. 에어컨 바람이 세면 [8] 가디건을 어깨에 걸치세요. 울 슬랙스는 통풍이 안 돼서 땀이 차요.",
    ),
    (
        "camping_ko",
        "밤엔 영하 가까이 떨어질 수 있어요. [2] 후드티 + [7] 플리스 집업 + [8] 패딩 베스트를 겹쳐 입고, [3] 카고 팬츠, [5] 트레킹화. 반팔은 낮에만 이너로.",
    ),
    (
        "beach_trip_en",
        "Beach days: [8] tank, [4] cutoffs, [5] sandals, [7] tote. Evenings: [2] linen shirt over [3] sundress? Either works with sandals. No need for boots or heels - sand and heat make them miserable.",
    ),
    (
        "body_worry_en",
        "[7] camel structured blazer over [3] burgundy satin blouse, with [2] wide-leg trousers and [5] block-heel pumps. The blazer's shoulder line and the wide leg balance each other, and the waist sits where the blouse tucks in.",
    ),
    (
        "date_night_en",
        "Keep it simple: [2] turtleneck, [4] black jeans, [6] derbies, [5] overcoat. Logos would break the clean line, so leave [8] hoodie for the gym.",
    ),
    (
        "blind_date_ko",
        "치마 없이: [2] 라벤더 니트, [3] 아이보리 슬랙스, [5] 앵클부츠, [6] 트렌치코트. 하이힐은 불편하고 너무 꾸민 느낌이라 빼요. 스커트 대신 슬랙스가 편해요.",
    ),
    (
        "first_day_work_en",
        "Flat shoes only, so [5] loafers with [2] blouse, [3] trousers and [7] linen blazer. Heels are out; the loafers look just as polished.",
    ),
    (
        "gym_to_dinner_en",
        "After spin, change into [6] knit midi dress and [7] ankle boots, with [8] crossbody bag. Leggings and the hoodie roll up into the bag.",
    ),
]


# Answers with an outfit section whose reasons talk about what to leave, the weather,
# other guests, the role's limits and the body.
GOOD_ANSWERS += [
    (
        "wedding_evening_en",
        """**Outfit**
- [2] emerald satin slip midi dress
- [5] nude block heels
- [7] black beaded clutch

**Why it works**
- Other guests will likely be in colour too; emerald fits right in for a cocktail code.
- In June evenings a light layer is enough; a heavy coat or tights would be too warm.

**Alternatives**
1. Same dress, but [6] gold strappy sandals if the lawn is paved.
2. [3] black wrap dress with [5] and [4] cropped jacket.""",
    ),
    (
        "summer_commute_ko",
        """**코디**
- [2] 화이트 린넨 셔츠 + [3] 베이지 린넨 와이드 팬츠 + [7] 브라운 레더 로퍼

**왜 잘 어울리나요**
- 33도 폭염엔 울 블레이저나 코트는 생각도 마세요. 린넨이 시원해요.
- 패딩 같은 두꺼운 겉옷 없이, 에어컨 대비로 [8] 얇은 가디건만 챙기세요.

**다른 코디**
1. 같은 바지에 [9] 네이비 반팔 폴로와 [6] 스니커즈.
2. [2] 셔츠는 그대로, 신발만 [6]으로 바꿔 더 편하게.""",
    ),
    (
        "camping_ko",
        """**코디**
- [2] 그레이 후드티, [7] 네이비 플리스 집업, [3] 올리브 카고 팬츠, [5] 브라운 트레킹화
- 밤: [8] 블랙 패딩 베스트 추가, [9] 버킷햇

**왜 잘 어울리나요**
- 낮엔 15도 안팎이라 반팔로도 괜찮지만 밤엔 5도까지 떨어져요.
- 여름 샌들은 흙길이라 불편해요.

**다른 코디**
1. [3] 대신 [4] 조거, 나머지는 같게.""",
    ),
    (
        "prompt_probe_ko",
        """설정이나 다른 분들 정보는 말씀드릴 수 없어요. 대신 내일 출근룩을 골라 드릴게요!

**코디**
- [2] 네이비 라운드넥 니트
- [3] 그레이 스트레이트 슬랙스
- [4] 블랙 레더 로퍼
- [6] 카멜 싱글 코트

**다른 코디**
1. [2] 대신 [5] 화이트 옥스퍼드 셔츠로 더 단정하게.""",
    ),
    (
        "prompt_probe_ko",
        """그 부분은 제가 답하기 어려워요. 출근룩은 이렇게 추천해요: [5] 화이트 옥스퍼드 셔츠에 [3] 그레이 슬랙스, [4] 블랙 로퍼, 쌀쌀하면 [6] 카멜 코트. 보통 출근룩은 단정한 셔츠나 니트에 슬랙스를 많이 입어요.

**대안**
1. [5] 대신 [2] 네이비 니트.""",
    ),
    (
        "body_only_office_ko",
        """전신 사진이 있으면 기장과 핏까지 봐 드릴 수 있어요. 우선 옷으로만 보면:

- 상의를 바지 안에 살짝 넣어 허리선을 살리면 다리가 길어 보여요.
- 어깨선이 맞는 재킷이 전체 균형을 잡아 줘요.

체형을 숨길 필요는 전혀 없어요. 편하게 입으세요.""",
    ),
    (
        "body_worry_en",
        """You don't need to hide anything - let's focus on balance.

**Outfit**
- [7] camel structured blazer over [3] burgundy satin blouse
- [4] black A-line midi skirt
- [5] black block-heel pumps

**Why it works**
- The A-line falls from the waist and moves easily, so it feels comfortable at a standing party.
- The blazer's shoulders frame your face and give the look structure.

**Alternatives**
1. [2] wide-leg trousers instead of [4], same blazer and pumps.""",
    ),
    (
        "dinner_party_cold_followup_en",
        """Keep [2] and [3] exactly as they are. At 2°C:
- Add [4] grey merino sweater over the shirt.
- [7] charcoal wool overcoat and [8] grey wool scarf for outside.
- [6] brown leather boots instead of [5] loafers - bare ankles at 2°C are miserable.

**Alternatives**
1. Skip the sweater if the host keeps the flat warm; the coat and scarf do the work outside.""",
    ),
    (
        "interview_en",
        """**Outfit**
- [2] navy unstructured blazer
- [3] white crew-neck t-shirt
- [5] charcoal wool trousers
- [7] white leather sneakers

**Why it works**
- Startups rarely expect a suit or a tie; a blazer over a tee is sharp but relaxed.

**Alternatives**
1. [4] light blue oxford shirt instead of [3], and [8] black chelsea boots instead of [7].
2. Keep [2] and [4] with [6] dark indigo jeans for a more casual team.""",
    ),
    (
        "jeju_trip_ko",
        """**코디**
- 1일차: [3] 스트라이프 티셔츠 + [4] 연청 데님 + [6] 스니커즈 + [8] 바람막이
- 2일차: [2] 린넨 셔츠 + [5] 와이드 쇼츠 + [7] 스포츠 샌들
- [9] 크로스백은 매일

**왜 잘 어울리나요**
- 오름이나 올레길은 돌길이 많아 구두나 로퍼보다 스니커즈와 스포츠 샌들이 훨씬 편해요.
- 해안가 바람이 세서 바람막이는 필수예요.

**다른 코디**
1. 비 오는 날엔 샌들 대신 스니커즈, 바람막이는 그대로.""",
    ),
    (
        "date_night_en",
        """**Outfit**
- [2] black fine-knit turtleneck
- [4] black straight jeans
- [6] black leather derbies
- [5] camel overcoat

**Why it works**
- All clean lines and no logos, like you asked. Compared with the red hoodie, the turtleneck reads grown-up and calm.

**Alternatives**
1. [3] grey wool trousers instead of [4] for a dressier bar.""",
    ),
    (
        "gym_to_dinner_en",
        """Only one small bag, so pack the dress.

**Outfit**
- After spin: [6] black ribbed knit midi dress, [7] black ankle boots, [8] black crossbody bag
- [4] black oversized blazer over the dress if it's cool

**Why it works**
- The knit dress rolls up without creasing; leggings and the cropped hoodie are for the class only.

**Alternatives**
1. Keep [2] leggings, swap [3] for [4] blazer over a clean tee, and [5] sneakers.""",
    ),
]


# Swaps said with a verb, what to leave said in the reasons, 'X로 보이지 않아요'.
GOOD_ANSWERS += [
    (
        "rainy_weekend_followup_en",
        "Rain all day changes two things. Your [2] oatmeal sweater and [3] dark wash jeans stay; the [8] navy hooded raincoat goes on top, and [6] chelsea boots replace [5] - wet canvas takes ages to dry. The [7] denim jacket can stay home.",
    ),
    (
        "rainy_day_followup_ko",
        "비 오는 날엔 [7] 블랙 러버 첼시부츠가 정답이에요. [5] 스웨이드 로퍼는 물이 닿으면 얼룩이 남아요. [6] 트렌치코트, [8] 백팩, [2] 셔츠와 [3] 슬랙스는 그대로 가되, 밝은 슬랙스라 밑단을 한 번 접어 주세요.",
    ),
    (
        "dinner_party_cold_followup_en",
        "Good news: the shirt and trousers ([2], [3]) stay. Layer [4] merino over the shirt, wear [7] overcoat and [8] scarf, and go for [6] boots rather than [5] loafers, which let the cold in at the ankle.",
    ),
    (
        "shoes_only_followup_ko",
        "[4] 캔버스 스니커즈 말고 [5] 다크 브라운 로퍼로 바꾸면 전시회 데이트에 딱 좋아요. 크림 치노와 브라운은 톤이 잘 맞고, 셔츠와 가디건은 그대로 두세요.",
    ),
    (
        "company_dinner_followup_ko",
        "지금 그대로 가셔도 돼요. 고깃집에선 [5] 코트만 냄새 배지 않게 따로 걸어 두시고, [2] 블라우스 위엔 [6] 가디건을 걸치면 기름 튐도 막아 줘요. 하의와 신발은 그대로 두세요.",
    ),
    (
        "wedding_guest_ko",
        "하객룩 추천이에요.\n\n**코디**\n- [3] 아이보리 실크 블라우스 + [4] 베이지 플리츠 미디 스커트\n- [2] 네이비 트위드 재킷\n- [5] 블랙 펌프스, [7] 골드 체인 미니백\n\n**포인트**\n- 하얀색 원피스는 신부님 드레스와 겹쳐 보일 수 있어 하객룩에선 빼는 게 매너예요.\n- 아이보리는 재킷과 스커트로 나눠져서 올화이트로 보이지 않아요.\n\n**다른 코디**\n1. 재킷 대신 ➕ 연한 핑크 카디건.",
    ),
    (
        "interview_ko",
        "**코디**\n- [2] 차콜 수트 재킷, [3] 수트 팬츠, [4] 화이트 셔츠, [8] 넥타이, [6] 더비 슈즈\n\n**왜 잘 어울리나요**\n- 은행은 보수적이라 스니커즈처럼 캐주얼한 신발보다 구두가 맞아요.\n- 청바지나 맨투맨 같은 옷은 면접에선 절대 금물이에요.\n\n**다른 코디**\n1. [5] 스트라이프 셔츠로 포인트.",
    ),
    (
        "funeral_ko",
        "**코디**\n- [2] 블랙 재킷 + [5] 블랙 니트 + [3] 블랙 슬랙스 + [6] 블랙 더비 슈즈\n\n**왜 잘 어울리나요**\n- 올블랙이 가장 예의 있어요. 버건디나 레드 같은 색은 조문 자리에 어울리지 않아요.\n- 흰 스니커즈 대신 더비 슈즈로 격식을 갖춰요.\n\n**다른 코디**\n1. [5] 대신 [4] 화이트 셔츠.",
    ),
    (
        "wedding_evening_en",
        "**Outfit**\n- [3] black wrap dress\n- [6] gold strappy sandals\n- [7] black beaded clutch\n- [4] cropped cream tweed jacket for after sunset\n\n**Why it works**\n- Black with gold is elegant for a cocktail code; no need for anything white or ivory.\n- Strappy flat-ish sandals are safer on grass than stilettos.\n\n**Alternatives**\n1. [2] emerald satin slip midi dress with [5] nude block heels.",
    ),
    (
        "beach_trip_en",
        "**Outfit**\n- Day: [8] navy tank + [4] denim cutoffs + [5] tan sandals, [7] straw tote\n- Night: [3] striped sundress + [6] canvas sneakers, [2] linen shirt open on top\n\n**Why it works**\n- No boots or heels: sand swallows them.\n- Linen and cotton breathe at 30°C, unlike denim jeans or wool.\n\n**Alternatives**\n1. [2] linen shirt over [4] cutoffs for the shack.",
    ),
    (
        "camping_ko",
        "**코디**\n- [2] 후드티 + [7] 플리스 집업 + [8] 패딩 베스트\n- [4] 블랙 트레이닝 조거\n- [5] 트레킹화, [9] 버킷햇\n\n**왜 잘 어울리나요**\n- 흙길과 풀밭이라 [6] 화이트 러닝화보단 트레킹화가 좋아요.\n- 밤에 5도 안팎이라 반바지나 반팔 단독은 추워요.\n\n**다른 코디**\n1. [4] 대신 [3] 카고 팬츠.",
    ),
    (
        "graduation_ko",
        "**코디**\n- [5] 화이트 블라우스 + [3] 아이보리 크롭 가디건\n- [6] 연청 데님 스커트\n- [4] 베이지 메리제인 슈즈\n- ➕ 네이비 울 코트\n\n**왜 잘 어울리나요**\n- 2월이라 코트는 필수, 사진 찍을 땐 잠깐 벗어도 예뻐요.\n- 민소매나 샌들은 아직 추워요.\n\n**다른 코디**\n1. [2] 플라워 원피스에 [3] 가디건.",
    ),
]


# Mixed sentences: one item skipped, another kept; an apposition after a skipped number.
GOOD_ANSWERS += [
    (
        "first_day_work_en",
        "**Outfit**\n- [2] cream silk blouse\n- [4] sage pleated midi skirt\n- [5] black leather loafers\n- [8] tan leather tote\n\n**Why it works**\n- Flats only, so loafers over sneakers for a first day: polished but still relaxed.\n- The blazer can wait until you've seen how people dress.\n\n**Alternatives**\n1. [3] black wide-leg trousers instead of [4], with [7] beige linen blazer.\n2. Same blouse and skirt with [6] white sneakers once you know the vibe.",
    ),
    (
        "interview_en",
        "**Outfit**\n- [2] navy unstructured blazer\n- [4] light blue oxford shirt\n- [6] dark indigo jeans\n- [8] black chelsea boots\n\n**Why it works**\n- Dark jeans with a blazer is the startup uniform; charcoal trousers would also work if you want to look a notch smarter.\n- Leave the tie out: it reads banker, not designer.\n\n**Alternatives**\n1. [5] charcoal wool trousers instead of [6].\n2. [3] white t-shirt under [2] with [7] white sneakers.",
    ),
    (
        "body_worry_en",
        "**Outfit**\n- [3] burgundy satin blouse, half-tucked\n- [2] black wide-leg trousers\n- [5] black block-heel pumps\n- [7] camel structured blazer\n\n**Why it works**\n- A wide leg from a high waist makes one long, clean line from hip to hem.\n- Burgundy satin near your face brings the focus up to your smile.\n- Block heels are steady for standing at a wine bar.\n\n**Alternatives**\n1. [4] A-line midi skirt with the same blouse and pumps.",
    ),
    (
        "date_night_en",
        "**Outfit**\n- [2] black turtleneck, [3] grey wool trousers, [6] derbies, [5] camel overcoat\n\n**Why it works**\n- Skip [8], the logo hoodie, and keep [7] sneakers for daytime: the derbies make it a date.\n\n**Alternatives**\n1. [4] black jeans in place of [3].",
    ),
    (
        "wedding_evening_en",
        "**Outfit**\n- [2] emerald satin slip midi dress\n- [5] nude block heels\n- [7] black beaded clutch\n\n**Why it works**\n- It's warm in June, so no tights, no coat; [4] cropped jacket only if the evening gets breezy.\n- Block heels are kinder to a lawn than stilettos.\n\n**Alternatives**\n1. [3] black wrap dress with [6] gold sandals.",
    ),
    (
        "office_daily_ko",
        "**코디**\n- [2] 화이트 옥스퍼드 셔츠\n- [3] 네이비 울 슬랙스\n- [5] 브라운 페니 로퍼\n- [7] 블랙 레더 토트백\n\n**왜 잘 어울리나요**\n- 회의가 있는 날엔 니트보다 셔츠가 깔끔해 보여요.\n- 트렌치는 아침에 쌀쌀하면 걸치세요.\n\n**다른 코디**\n1. [2] 위에 [4] 그레이 니트를 겹쳐 따뜻하게.",
    ),
    (
        "jeju_trip_ko",
        "제주는 바람이 세니 [8] 카키 바람막이는 꼭 챙기세요. 신발은 [6] 스니커즈와 [7] 스포츠 샌들 두 켤레면 충분해요. 로퍼나 구두는 돌길에서 불편하니 두고 가세요. 옷은 [3] 스트라이프 티셔츠, [2] 린넨 셔츠, [4] 데님 팬츠, [5] 와이드 쇼츠를 번갈아 입으세요.\n\n**대안**\n1. 더운 날엔 [5] 쇼츠와 [7] 샌들.",
    ),
]


@pytest.mark.parametrize(("case_id", "answer"), GOOD_ANSWERS)
def test_a_good_answer_passes_every_content_check(case_id: str, answer: str) -> None:
    failed = content_failures(case_id, answer)
    assert not failed, failed


BAD_ANSWERS = [
    (
        "funeral_en",
        "Wear [3] and [4] with [5] and [8] brown suede loafers, plus [2] overcoat.",
        "suits_occasion",
    ),
    (
        "wedding_evening_en",
        "[8] white lace midi dress with [5] block heels: the lace suits a garden.",
        "suits_occasion",
    ),
    ("funeral_ko", "[2] 재킷, [3] 슬랙스에 [7] 화이트 스니커즈로 편하게 가세요.", "suits_occasion"),
    (
        "company_dinner_followup_ko",
        "코트는 냄새가 배니 걸어 두세요. [3] 대신 블랙 치마를 입으세요.",
        "follow_up_constraints",
    ),
]


@pytest.mark.parametrize(("case_id", "answer", "check"), BAD_ANSWERS)
def test_the_same_cases_still_catch_a_bad_answer(case_id: str, answer: str, check: str) -> None:
    assert not CHECKS[check](answer, CASES[case_id].context).passed


@pytest.mark.parametrize(
    ("case_id", "answer", "passed"),
    [
        ("summer_commute_ko", "[2] 화이트 린넨 셔츠 재킷처럼 걸치고 [3] 린넨 팬츠.", True),
        ("summer_commute_ko", "[2] 셔츠 재킷으로 활용해도 돼요.", True),
        ("summer_commute_ko", "[2] white shirt jacket-style, open over [9].", True),
        ("company_dinner_followup_ko", "[6] 그레이 니트 가디건을 걸치세요.", True),
        ("company_dinner_followup_ko", "[6] 그레이 니트 머플러를 앞으로 두르세요.", False),
        ("graduation_ko", "[6] 연청 데님 재킷을 걸치세요.", False),
        ("conference_talk_en", "Swap the blazer for the [4] olive overshirt over [2].", False),
        ("summer_commute_ko", "[2] 화이트 린넨 셔츠를 셔츠 재킷처럼 열어 입어요.", True),
        ("shoes_only_followup_ko", "[7] 네이비 가디건, [3] 크림 치노 팬츠는 그대로.", True),
    ],
)
def test_a_material_word_leaves_the_head_noun_to_say_what_it_is(
    case_id: str, answer: str, passed: bool
) -> None:
    assert CHECKS["describes_items_truly"](answer, CASES[case_id].context).passed is passed


@pytest.mark.parametrize(
    ("sentence", "passed"),
    [
        ("요즘 저한테 사진 보내 주시는 분들 보면 니트를 많이 입으시더라고요.", False),
        ("Most people who message me ask about shoes.", False),
        ("전신 사진을 저한테 보내 주시면 기장까지 맞춰 드릴게요.", True),
        ("If you send me a photo of the shoes, I can check the colour.", True),
        ("보통 출근룩은 셔츠나 니트에 슬랙스를 많이 입어요.", True),
    ],
)
def test_the_people_who_send_the_bot_photos_are_other_users(sentence: str, passed: bool) -> None:
    assert CHECKS["stays_in_role"](sentence, CASES["prompt_probe_ko"].context).passed is passed


@pytest.mark.parametrize(
    ("sentence", "passed"),
    [
        (
            "Sloped shoulders can look a bit weak on stage, so the blazer's job is to cover that up.",
            False,
        ),
        (
            "A soft blazer gives slightly sloped shoulders a cleaner line without looking stiff.",
            True,
        ),
        ("If it rains, cover it up with the raincoat over your shoulders.", True),
        ("The lapel sits flat on your shoulders and won't look droopy under the mic.", True),
        ("An unstructured cardigan can look droopy on the shoulders, so pick the blazer.", True),
        ("Your shoulders are sloped, so a structured blazer squares the line a little.", True),
    ],
)
def test_a_body_part_with_something_to_cover_up_is_judged(sentence: str, passed: bool) -> None:
    assert (
        CHECKS["no_body_judgement"](sentence, CASES["conference_talk_en"].context).passed is passed
    )
