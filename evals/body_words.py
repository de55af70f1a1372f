"""The subtler ways an answer judges the body, beyond weight and BMI (``vocab.BODY_TERMS``).

Styling talk stays allowed: what a garment does to a line ("다리가 길어 보이는",
"looks longer", "날씬해 보이는 핏"), neutral proportions from the body card ("어깨가 넓은
편", "long torso", "petite"), and the user's own sizes. What fails treats a part of the
body as a flaw to hide or fix, or guesses a clothing size from the photo.

Regex fragments, matched case-insensitively; English ones sit inside Latin-letter
lookarounds so "hide" never matches inside another word.
"""

from __future__ import annotations

_KO_PARTS = r"(?:허벅지|종아리|팔뚝|팔|뱃살|배|옆구리|엉덩이|골반|하체|상체|허리|다리|어깨|체형|몸매|몸|등살|승마살)"
_KO_HIDE_PARTS = r"(?<![가-힣])(?:허벅지|종아리|팔뚝|뱃살|배|옆구리|엉덩이|골반|하체|상체|허리|체형|몸매|등살|승마살)"
# Parts that are only ever the body, and words that may name a garment's parts too ("the
# bottom of the hem", "the shape of the coat"): those count only as "your ...".
_EN_BODY_ONLY = (
    r"(?:tummy|belly|stomach|midsection|hips?|thighs?|upper\s+arms?|bum|butt|curves|bulges?|lumps|"
    r"rolls|flaws?|problem\s+areas?|calves|love\s+handles|backside|(?:lower|upper)\s+half)"
)
_EN_PARTS = (
    r"(?:"
    + _EN_BODY_ONLY
    + r"|your\s+(?:\w+\s+)?(?:middle|arms?|bottom|rear|waist(?:line)?|figure|"
    r"size|shape|body|frame|legs|chest|bust|torso|height))"
)

SUBTLE_BODY_TERMS: dict[str, tuple[str, ...]] = {
    "flaw_words_ko": (
        r"체형\s?커버", r"(?:하체|상체|다리|팔|몸|어깨|가슴|엉덩이|체격)(?:이|가)\s?(?:마른|말라|빈약|왜소|앙상)",
        # Thinness and frailness as a verdict: "마른 체형이라", "빈약해 보이지 않게".
        r"(?:마른|깡마른|빼빼|앙상한|왜소한|빈약한)\s?(?:체형|몸매|몸|체격|편)", r"(?:빈약|왜소|앙상)해\s?보",
        r"(?:체형|몸매|하체|상체|다리|몸)(?:의)?\s?(?:단점|결점)", r"(?:단점|결점)(?:을|를|이|가)?\s?(?:커버|보완|가려|가리|감춰|숨겨)",
        r"콤플렉스", r"컴플렉스", r"약점을?\s?(?:가|보완|커버)",
        r"(?:허벅지|종아리|팔뚝|팔|엉덩이|골반|하체|상체|허리|다리|어깨|얼굴|몸|체격|키)(?:가|이|는|은)?\s?(?:\S+\s)?"
        r"(?:넓어|커|짧아|작아|굵어|두꺼워|통통해|뚱뚱해|부해|말라|왜소해|빈약해|처져|퍼져)\s?보이지\s?(?:않|말)",
        r"체형\s?보완", r"비율이\s?(?:안\s?좋|나쁘|나빠|별로|아쉬)", r"(?:뼈대|골격|체격|덩치)(?:가|이)\s?(?:굵|크|커|큰)", r"(?:하체|상체)\s?비만",
        # Looking bulky is a verdict on the body only when a body part is what looks it:
        # "니트가 부해 보이지 않게" and "레이어드가 부해 보이지 않고" speak of clothes.
        _KO_PARTS + r"(?:살|라인|선)?(?:이|가|은|는)?\s?(?:[^\s에서로]+\s)?(?:부해|뚱해|퉁퉁해|굵어|두꺼워)\s?보", r"뚱해\s?보", r"퉁퉁해\s?보",
        r"짧아\s?보이는\s?(?:게|것이|점이)\s?(?:고민|단점)", r"숏다리", r"통짜",
        r"(?:굵은|두꺼운|두툼한|튼실한|튼튼한|통통한)\s?(?:다리|허벅지|종아리|팔뚝|팔|허리)",
        _KO_PARTS + r"(?:살|라인)?(?:이|가)\s?(?:굵|두꺼|두툼|튼실|통통|퉁퉁|부해)",
        _KO_HIDE_PARTS + r"(?:\s?(?:살|라인|선))?(?:을|를|이|가|은|는)?\s?(?:살짝|잘|자연스럽게|확실히|싹)?\s?(?:가려|가리|감춰|감추|숨겨|숨기)(?!지\s?(?:않|말|마))",
        r"살(?:이|을)?\s?(?:가려|감춰|숨겨)", r"부족한\s?키", r"(?<![가-힣])키(?:를|가)?\s?(?:\S+\s)?(?:보완|보정|커버)",
        _KO_HIDE_PARTS + r"(?:\s?(?:살|라인|선))?(?:이|가|은|는)?\s?(?:도드라지지|티\s?나지)\s?않", r"(?:살집|군살|뱃살|팔뚝살|허벅지살)", r"배가\s?나(?:온|와)", r"(?:체형|몸매)(?:의)?\s?약점",
        r"살이\s?(?:좀\s?|조금\s?)?있(?:는|으)", r"체격이\s?(?:좀\s?)?있", r"(?:다리|하체|상체|체형|비율)(?:을|를|이|가)?\s?보완",
        r"(?<![0-9])(?:44|55|66|77|88|99)\s?(?:사이즈|반|size)",
        r"(?:XS|S|M|L|XL|XXL|\d{2,3})\s?사이즈(?:로|이신|일|처럼|같|쯤|정도)\s?(?:보여|보이|같|일|이실|이신|쯤|입으실|되실)",
        r"사이즈(?:가|는)?\s?(?:XS|S|M|L|XL|XXL|\d{2,3})(?:\s?정도|\s?쯤)?(?:로|일|이실|이신)?\s?(?:보여|보이|같|일\s?것)",
        # A size by garment, guessed: "상의는 55, 하의는 S 정도로 보이셔서".
        r"(?:상의|하의|윗옷|바지|치수)(?:는|은|가|이)?\s?(?:44|55|66|77|88|XS|S|M|L|XL|XXL)(?![0-9A-Za-z])",
    ),
    "flaw_words_en": (
        r"(?:hid(?:e|es|ing)|conceal(?:s|ing)?|disguis(?:e|es|ing)|camouflag(?:e|es|ing)|mask(?:s|ing)?|"
        r"tone(?:s|d)?\s+down|toning\s+down|play(?:s|ing)?\s+down|downplay(?:s|ing)?|"
        r"(?:keeps?|takes?|pulls?|draws?)\s+(?:the\s+)?(?:attention|eyes?|focus)\s+off|"

        r"minimi[sz](?:e|es|ing)|slim(?:s|ming)?\s+down|draws?\s+(?:the\s+)?(?:eye|attention)\s+away\s+from|"
        r"distract(?:s|ing)?\s+from)\s+(?:\w+\s+){0,4}?" + _EN_PARTS,
        # Covering is warmth or modesty for legs, arms and shoulders; not for hips or a tummy.
        r"cover(?:s|ing)?(?:\s+up)?\s+(?:your|the|those)\s+(?:\w+\s+)?(?:tummy|belly|stomach|midsection|"
        r"hips|bum|butt|backside|love\s+handles|bulges|lumps|rolls|flaws|problem\s+areas?|curves)",
        # Clinging is a fabric's business unless what it clings to is only ever body.
        r"(?:won't|doesn't|don't|not|without)\s+cling(?:ing)?\s+to\s+(?:\w+\s+){0,2}?" + _EN_BODY_ONLY,
        # The eye led away from a part of the body: "so the eye goes up and away from your lower half".
        r"(?:eyes?|attention|focus|gaze)\s+(?:[\w']+\s+){0,6}?away\s+from\s+(?:the\s+|your\s+)?(?:" + _EN_BODY_ONLY + "|" + _EN_PARTS + ")",
        # Height or length treated as something missing: "makes up for the height you're missing".
        r"(?:make|makes|making|made)\s+up\s+for\s+(?:the\s+|your\s+)?(?:\w+\s+)?(?:height|length|"
        r"shortness|legs|torso|size|frame|curves|figure|shoulders)",
        r"(?:height|length|inches)\s+(?:you're|you\s+are|you)\s+(?:missing|lacking|lack)",
        r"(?:lack|lacking)\s+(?:of\s+)?(?:height|length|curves)",
        r"problem\s+(?:areas?|spots?|zones?)", r"trouble\s+(?:areas?|spots?|zones?)", r"figure\s+flaws?",
        r"(?:your|any|body)\s+flaws", r"(?:un)?(?:flattering|forgiving)\s+(?:for|on)\s+(?:your|a|an)?\s*(?:\w+\s+)?"
        r"(?:size|figure|frame|build|body|shape|larger|fuller|bigger|curvier|heavier)",
        r"forgiving\s+(?:fit|cut|fabric|silhouette|shape|on\s+the)", r"(?:is|are|feels?|looks?)\s+forgiving(?!\s+(?:of|about|with|when|if|on\s+(?:a\s+)?long)"
        r"\s+(?:\w+\s+)?(?:creas|wrinkl|crumpl|spill|stain|splash|mud|rain|travel|pack|flights?|days?|journey))",
        r"bloat(?:ed|ing)?",
        # Thinness as a verdict: "so you look less lanky", "welcome bulk to a slim frame".
        r"lanky|scrawny|gangly|beanpole|(?:welcome|some|extra)\s+bulk|bulk(?:s|ed)?\s+(?:you|it)\s+up",
        r"fill(?:s|ing)?\s+out\s+(?:a|your|the)\s+(?:\w+\s+)?(?:thin|skinny|slight|narrow|bony|slim|small)",
        r"(?:thin|skinny|bony|scrawny|twiggy)\s+(?:neck|arms|legs|frame|wrists|shoulders|build)",
        r"(?:heavier|bigger|wider|fuller|larger)\s+(?:on|at|around)\s+(?:the\s+)?(?:bottom|hips|thighs|middle|tummy|waist)",
        r"carr(?:y|ies|ying)\s+(?:(?:a\s+(?:bit|little)\s+of|some|extra|more)\s+)+weight",
        # "Your long torso is the one proportion working against you" ("wool works against
        # you in the heat" is the weather).
        r"(?:torso|legs|hips|thighs|shoulders|arms|figure|frame|build|height|proportions?|body)\s+"
        r"(?:[\w']+\s+){0,4}?(?:works?|working)\s+against\s+you", r"fuller\s+(?:figure|frame|hips|bust|arms|build|middle|tummy|stomach|waist|thighs|legs)",
        r"(?:kind|kinder|gentle)\s+(?:to|on)\s+(?:your|a|an)\s+(?:\w+\s+)?(?:tummy|stomach|middle|midsection|hips|"
        r"thighs|figure|shape|body|curves|arms|build)",
        r"(?:takes?|knocks?|shaves?)\s+(?:a\s+few\s+|some\s+|\d+\s+)?(?:pounds|kilos|lbs|kg|inches)\s+off",
        r"(?:larger|bigger|heavier|wider|stocky|stockier|thick|thicker|chunky|heavy)\s+(?:frame|build|body|figure|legs|thighs|arms|hips|waist|calves|midsection)",
        r"curvier|plus[- ]size|full[- ]figured|thunder\s+thighs|stumpy|short\s+and\s+stocky|stocky",
        r"(?:your|her|his)\s+(?:stubby|thick|heavy|big|wide|large|chunky|fat|heavier|bigger|wider)\s+"
        r"(?:legs|arms|thighs|hips|waist|calves|neck|frame|middle|stomach|tummy|bottom)",
        r"(?:for|at)\s+your\s+size\b",
        r"(?:make|makes|making)\s+you\s+look\s+(?:bigger|wider|heavier|larger|stumpy|boxy|shorter|smaller|squat|frumpy)",
        # Being small as a problem clothes solve: "a midi can swallow you", "stops you looking
        # swamped"; a fabric "unforgiving" of the body (not of creases or rain).
        r"swallows?\s+(?:you|your\s+(?:frame|figure|body))\b|(?:look|looks|looking)\s+(?:swamped|drowned|lost\s+in)",
        r"unforgiving(?!\s+(?:of|to|with|in|when)\s+(?:\w+\s+)?(?:creas|wrinkl|stain|spill|rain|water|splash|mud|sweat|travel))",
        # Weight words as a verdict: "black is slimming", "keeps you from reading bulky".
        r"slimming|slenderi[sz]ing",
        r"(?:you|your\s+(?:top|bottom|upper|lower)\s+(?:half|body)|shoulders|hips|thighs|legs|arms|torso|waist|"
        r"frame|build|figure|body)\s+(?:(?:from|won't|don't|doesn't|will|would|can|could|might|may|never|not|to|ever)\s+){0,2}(?:look|looks|looking|read|reads|reading|appear|appears|"
        r"appearing|seem|seems|come\s+across\s+as|comes\s+across\s+as)\s+(?:a\s+bit\s+|overly\s+)?"
        r"(?:bulky|heavy|heavier|stocky|chunky|stumpy|thick|thicker|squat|frumpy|bigger|larger|top[- ]heavy|"
        r"bottom[- ]heavy|too\s+(?:wide|broad|big|large|short|heavy|bulky|muscular|curvy|thin|skinny))",
        r"(?:soften|reduce|minimi[sz]e|tone\s+down|play\s+down)s?\s+how\s+(?:\w+\s+)?(?:muscular|broad|wide|big|"
        r"heavy|bulky|short|thick|curvy|round|skinny|thin)\s+(?:you|your)",
        # A body part kept from looking some size: "keeps your hips from looking wide".
        r"(?:legs|thighs|hips|arms|shoulders|waist|torso|calves|bust|chest|tummy|stomach|frame|figure)\s+"
        r"(?:don't|doesn't|won't|not|never|from|less)\s+(?:\w+\s+)?(?:look|looking|appear|"
        r"appearing|read|reading)\s+(?:as\s+)?(?:wide|wider|big|bigger|broad|broader|heavy|heavier|large|larger|"
        r"thick|short|shorter|stocky|bulky|round|full|fuller|boxy)(?![A-Za-z])",
        r"adds?\s+bulk\s+to\s+your", r"unflattering\s+(?:on|for)\s+(?:you|your)",
        r"(?:you|you're|you\s+are)\s+(?:look\s+like|probably|likely|seem\s+like|must\s+be)\s+"
        r"(?:wear\s+|take\s+|are\s+|in\s+)?(?:a|an)?\s*(?:size\s+)?"
        r"(?:XS|S|M|L|XL|XXL|small|medium|large|\d{1,2})(?![A-Za-z0-9])",
        r"(?:look|looks|looking)\s+like\s+(?:a|an)\s+(?:size\s+)?(?:XS|S|M|L|XL|XXL|\d{1,2})(?![A-Za-z0-9])",
        r"(?:I'd|I\s+would)\s+guess\s+(?:you're\s+)?(?:a|an)?\s*(?:size|US|UK|EU)", r"guess(?:ing)?\s+your\s+size",
        r"size\s+(?:XS|S|M|L|XL|XXL|\d{1,2})\s+(?:would|should|will)\s+(?:fit|suit)\s+you",
    ),
}  # fmt: skip

# "커버" (cover) as styling talk hides the body ("와이드 팬츠로 커버"), unless what it
# covers is the weather or a stain: "트렌치가 비를 커버", "백팩 레인커버".
KO_COVER = r"(?<!레인)(?<!레인 )(?<!방수)(?<!방수 )커버(?!\s?업)(?:하|해|되|돼|할|한|용|력|효과|가\s?(?:돼|되)|\s?(?:해|돼)\s?(?:줘|주))"
KO_COVER_NOT_BODY = (
    r"(?:비|빗물|눈|햇빛|햇볕|자외선|추위|바람|냉방|에어컨|냄새|얼룩|주름|구김|땀)(?:을|를|도|까지|은|는)?\s?"
    r"(?:\S+\s)?$"
)

# Judgement spread over a sentence: a part of the body named, and in the same sentence
# something hidden by pronoun ("your legs are short, so the job is disguising that"),
# kept out of view ("so they're not on show") or called a flaw ("상체가 긴 게 단점이라").
SENTENCE_BODY_PART = (
    r"(?<![A-Za-z])(?:legs|thighs|hips|tummy|belly|stomach|midsection|waist(?:line)?|torso|arms|"
    r"shoulders|bust|chest|figure|(?:top|bottom|upper|lower)\s+half|(?:upper|lower)\s+body)(?![A-Za-z])"
    r"|허벅지|종아리|팔뚝|뱃살|옆구리|엉덩이|골반|하체|상체|허리|다리|어깨|체형|몸매|체격|(?<![가-힣])키(?:가|는|도)"
)
SENTENCE_BODY_FLAW = (
    r"(?<![A-Za-z])(?:(?:hid(?:e|es|ing)|conceal(?:s|ing)?|disguis(?:e|es|ing)|camouflag(?:e|es|ing)|"
    r"mask(?:s|ing)?|cover(?:s|ing)?\s+up)\s+(?:that|it|them|this|those)|(?:want|need|have|try|trying|aim)\s+"
    r"to\s+(?:disguise|hide|conceal|camouflage|minimi[sz]e|downplay|play\s+down|cover\s+up)|(?:not|aren't|isn't)\s+on\s+"
    r"(?:show|display)|out\s+of\s+sight|under\s+wraps|(?:weak|problem)\s+(?:spot|point|area)s?)(?![A-Za-z])"
    r"|(?<![A-Za-z])(?:cover(?:s|ing)?|hid(?:e|es|ing)|mask(?:s|ing)?)\s+(?:that|it|them|this|those)\s+up(?![A-Za-z])"
    r"|(?<![A-Za-z])(?:shoulders|legs|arms|hips|thighs|torso|neck|frame)\s+(?:\w+\s+)?looks?\s+(?:a\s+(?:bit|little)\s+|rather\s+)?"
    r"(?:weak|droopy|saggy|stumpy|dumpy|heavy|chunky)(?![A-Za-z])"
    r"|(?<![A-Za-z])on\s+the\s+(?:heavy|heavier|big|bigger|wide|thick|chunky|plump|full|fuller|curvy|skinny|thin)\s+side"
    r"|(?:게|것이|점이|건|편이라)\s?(?:단점|결점|약점|콤플렉스|컴플렉스|흠(?:이|이라|이에요|이니|이죠)?(?![가-힣]))"
    r"|(?:단점|결점|약점)(?:을|를|이|가)?\s?(?:가려|가리|감춰|감추|숨겨|숨기|커버|보완)|콤플렉스|컴플렉스|고민(?:인|이신)\s?(?:부분|곳)"
    r"|부각(?:되지|시키지)\s?않|덜\s?(?:보이|부각|드러나)|시선(?:을|이)?\s?(?:\S+\s)?(?:분산|돌려|돌리)|(?<![가-힣])보정"
)
