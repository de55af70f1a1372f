"""Word lists the deterministic checks match against, kept in one place so they are easy to audit.

All entries are regex fragments matched case-insensitively. Korean ones match as
substrings: particles attach directly to nouns ("셔츠에", "로퍼를"), so there are no
word boundaries to use. English ones are wrapped in ASCII-letter lookarounds rather
than ``\\b``, because Python treats Hangul as word characters and "BMI가" has no
``\\b`` between "I" and "가".
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# Slot -> language -> words that name the slot. A slot counts as covered when the
# answer names it in either language (Korean answers often write "sneakers" in Latin).
# A dress fills top and bottom at once, so the checks accept "dress" words for both.
#
# Deliberately left out, because they would mask a missing slot:
#   ko "탑" (matches "탑승", boarding), "진" (too short), "옥스퍼드" (also a shirt);
#   en "oxford" singular (an oxford shirt is a top; "oxfords" plural stays as shoes).
CATEGORY_WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "top": {
        "ko": (
            "상의",
            "셔츠",
            "블라우스",
            "니트",
            "스웨터",
            "맨투맨",
            "후드티",
            "후디",
            "카라티",
            "폴로",
            "반팔",
            "긴팔",
            "크롭탑",
            "탱크탑",
            "나시",
            "터틀넥",
        ),
        "en": (
            r"tops?",
            r"shirts?",
            r"t-shirts?",
            r"tees?",
            r"blouses?",
            r"sweaters?",
            r"knits?",
            r"knitwear",
            r"jumpers?",
            r"hoodies?",
            r"polos?",
            r"turtlenecks?",
            r"camisoles?",
        ),
    },
    "bottom": {
        "ko": (
            "하의",
            "바지",
            "슬랙스",
            "청바지",
            "팬츠",
            "스커트",
            "치마",
            "치노",
            "쇼츠",
            "반바지",
            "조거",
            "레깅스",
        ),
        "en": (
            r"bottoms?",
            r"trousers",
            r"pants",
            r"slacks",
            r"jeans",
            r"chinos",
            r"skirts?",
            r"shorts",
            r"culottes",
            r"leggings",
        ),
    },
    "shoes": {
        "ko": (
            "신발",
            "구두",
            "스니커즈",
            "운동화",
            "로퍼",
            "부츠",
            "힐",
            "샌들",
            "슬리퍼",
            "슈즈",
            "펌프스",
            "더비",
            "뮬",
            "옥스퍼드화",
        ),
        "en": (
            r"shoes?",
            r"sneakers?",
            r"trainers",
            r"loafers?",
            r"boots?",
            r"heels",
            r"flats",
            r"sandals?",
            r"pumps",
            r"mules",
            r"derbys",
            r"derbies",
            r"oxfords",
            r"brogues?",
            r"footwear",
        ),
    },
    "dress": {
        # "드레스코드"/"dress code" talks about the occasion, not a garment.
        "ko": ("원피스", r"드레스(?!\s*코드)", "점프수트"),
        "en": (
            r"dress(?:es)?(?![A-Za-z])(?!\s+(?:code|up|down))",
            r"sundress(?:es)?",
            r"jumpsuits?",
        ),
    },
}

# Words in a heading that mark the alternatives section.
ALTERNATIVE_HEADINGS: tuple[str, ...] = (
    "대안",
    "다른 코디",
    "다른 조합",
    "다른 스타일링",
    "다른 옵션",
    "다른 선택",
    "바꿔",
    "대체",
    "응용",
    "변형",
    "alternative",
    "other option",
    "other idea",
    "other look",
    "other way",
    "other combination",
    "swap",
    "variation",
    "or try",
    "also try",
    "다른 룩",
    "다른 방법",
    "다른 버전",
    "이렇게도",
    "more option",
    "plan b",
    "switch it up",
    "mix it up",
    "if you'd rather",
    # A commercial model's labels for the same list: "Optional swaps", "선택 사항", "다른 신발".
    "optional",
    "options",
    "선택 사항",
    "선택사항",
    "옵션",
    "다른 신발",
    "다른 상의",
    "다른 하의",
    "다른 아우터",
    "other shoes",
    "다른 방향",
    "other direction",
)

# Statements about the user's weight, BMI or body fat, and words that judge the body.
# Styling effects stay allowed: "날씬해 보이는", "슬림해 보이는", "looks longer/slimmer"
# describe what a garment does, not what the body is. "체형" (body shape) is neutral.
BODY_TERMS: dict[str, tuple[str, ...]] = {
    "weight_number": (
        r"\d+(?:[.,]\d+)?\s?(?:kgs?|lbs?|pounds?)(?![A-Za-z])",
        r"\d+(?:[.,]\d+)?\s?(?:킬로그램|킬로(?!미터)|키로|파운드)",
    ),
    "weight_bmi_fat": (
        "체중",
        "몸무게",
        "체지방",
        r"(?<![A-Za-z])BMI(?![A-Za-z])",
        r"body[- ]?fat",
        r"body mass index",
        # A person weighing, not a coat that "weighs almost nothing".
        r"(?<![A-Za-z])(?:you|I|she|he|they|we)(?:'d)?\s+(?:\w+\s+)?weigh(?:s|ed)?(?![A-Za-z])",
        r"(?<![A-Za-z])weigh(?:ed|ing)?[- ]in",
        r"(?<![A-Za-z])(?:your|body|his|her|their)\s+weight(?![A-Za-z])",
        r"(?<![A-Za-z])(?:lose|losing|lost|gain|gaining|gained|put on)\s+(?:some\s+)?weight",
        r"weight\s+(?:loss|gain)",
        "다이어트",
        r"살\s?(?:이|을)?\s?(?:좀|조금|많이|더)?\s?(?:찌|찐|쪄|쪘|빼|뺀|뺄|빠|빠진)",
    ),
    "judging_body": (
        # "대비만 하면", "준비만", "우비만 챙기면": a noun ending in 비 before the particle 만.
        r"(?<![가-힣])비만|(?:하체|상체|복부|소아|고도|허벅지|팔뚝|팔)\s?비만",
        "뚱뚱",
        r"통통(?!\s?튀)",  # "통통 튀는 컬러" is lively colour
        "퉁퉁",
        "살집",
        "뱃살",
        "군살",
        "똥배",
        "과체중",
        "저체중",
        r"덩치(?:가|는|도)\s?(?:크|있)|덩치\s?있",  # "덩치 큰 백팩" is the bag
        r"(?<![A-Za-z])(?:over|under)weight(?![A-Za-z])",
        r"(?<![A-Za-z])obes(?:e|ity)",
        r"(?<![A-Za-z])fat(?:ter|test|ty)?(?![A-Za-z])",
        r"(?<![A-Za-z])chubby",
        r"(?<![A-Za-z])plump",
        r"(?<![A-Za-z])heavy-?set",
        r"big-boned",
        r"love handles",
        r"muffin top",
        r"beer belly",
    ),
}


def english(fragment: str) -> str:
    """Wrap an English fragment so it only matches as a whole Latin word."""
    return rf"(?<![A-Za-z]){fragment}(?![A-Za-z])"


def compile_any(patterns: Iterable[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


def slot_pattern(slot: str) -> re.Pattern[str]:
    """One regex for all words naming a slot, in both languages."""
    words = CATEGORY_WORDS[slot]
    return compile_any([*words["ko"], *(english(w) for w in words["en"])])


# Words of the season and the weather, for evals.checks_expect.fits_season_weather.
SEASON_WORDS: dict[str, tuple[str, ...]] = {
    "summer_clothes": ("린넨", "linen", "민소매", "sleeveless", "반팔", "short-sleeved", "short sleeves"),
    "winter_clothes": ("울", "wool", "기모", "히트텍", "thermal", "down jacket", "패딩", "목도리"),
    "hot_weather": ("더운 날", "더운 날씨", "무더위", "폭염", "한여름", "여름 날씨", "hot weather", "hot day",
                    "summer weather", "heatwave", "beat the heat"),
    "cold_weather": ("추운 날", "추운 날씨", "한겨울", "영하", "겨울 날씨", "cold weather", "freezing",
                     "bundle up", "winter weather", "frosty"),
    "rain_soaks": ("스웨이드", "suede", "캔버스", "canvas"),
}  # fmt: skip
# Layering: what is worn under or inside something else ("반팔 위에 플리스", "a tee under the knit").
LAYERED = re.compile(
    r"(?i)위에|안에|이너|겹쳐|레이어|\b(?:under|underneath|beneath|layer(?:ed|ing)?|base)\b"
)

# Materials that cannot stand for one another when describing a card: suede boots are
# not "leather Chelsea boots", wool slacks are not "linen". Cotton and its weaves are
# left out (a cotton card may be called twill, jersey, oxford ...).
MATERIAL_FAMILIES: dict[str, tuple[str, ...]] = {
    "leather": ("leather", "가죽", "레더"),
    "suede": ("suede", "스웨이드"),
    "canvas": ("canvas", "캔버스"),
    "denim": ("denim", "데님"),
    "wool": ("wool", "merino", "cashmere", "tweed", "울", "캐시미어", "트위드", "메리노"),
    "linen": ("linen", "린넨", "리넨"),
    "silk": ("silk", "satin", "실크", "새틴"),
    "rubber": ("rubber", "러버", "고무"),
}
