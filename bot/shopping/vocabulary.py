"""Korean and English words for colours, kinds of item and materials, mapped to one concept
each, so "베이지 트렌치코트" and "Beige Trench Coat" meet, and a ➕ line's category, colour
and kind can be told apart from the rest of its words.

Korean forms match inside words (Korean attaches particles and suffixes: "베이지색의"), with
spaces ignored ("트렌치 코트"); English forms match whole words, plural or not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

COLORS: dict[str, tuple[str, ...]] = {
    "black": ("black", "블랙", "검정", "검은", "까만", "흑색"),
    "white": ("white", "off white", "화이트", "흰", "하얀", "백색"),
    "ivory": ("ivory", "cream", "ecru", "아이보리", "크림", "에크루"),
    "beige": ("beige", "sand", "베이지", "샌드"),
    "camel": ("camel", "카멜"),
    "brown": ("brown", "chocolate", "브라운", "갈색", "초콜릿", "모카"),
    "gray": ("gray", "grey", "그레이", "회색", "멜란지"),
    "charcoal": ("charcoal", "차콜"),
    "navy": ("navy", "네이비", "남색"),
    "blue": ("blue", "블루", "파란", "파랑", "청색"),
    "sky blue": ("sky blue", "light blue", "하늘색", "스카이블루", "연청"),
    "green": ("green", "그린", "초록", "녹색"),
    "khaki": ("khaki", "olive", "카키", "올리브"),
    "red": ("red", "레드", "빨간", "빨강", "적색"),
    "burgundy": ("burgundy", "wine", "maroon", "버건디", "와인"),
    "pink": ("pink", "핑크", "분홍"),
    "purple": ("purple", "lavender", "퍼플", "보라", "라벤더"),
    "yellow": ("yellow", "mustard", "옐로", "노란", "노랑", "머스타드"),
    "orange": ("orange", "오렌지", "주황"),
    "silver": ("silver", "실버", "은색"),
    "gold": ("gold", "골드", "금색"),
}

# Kind of item -> (category, surface forms). A kind "under" another (trench coat under
# coat) names the parent too: a line asking for a coat accepts a trench coat, not the reverse.
KINDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "coat": ("outer", ("coat", "overcoat", "코트")),
    "trench coat": ("outer", ("trench", "trench coat", "트렌치", "바바리")),
    "jacket": ("outer", ("jacket", "자켓", "재킷")),
    "blazer": ("outer", ("blazer", "suit jacket", "블레이저", "테일러드")),
    "cardigan": ("outer", ("cardigan", "가디건", "카디건")),
    "puffer": (
        "outer",
        ("puffer", "down jacket", "padded", "패딩", "덕다운", "구스다운", "다운점퍼"),
    ),
    "windbreaker": ("outer", ("windbreaker", "anorak", "바람막이", "아노락")),
    "raincoat": ("outer", ("raincoat", "rain jacket", "레인코트", "우비")),
    "shirt": ("top", ("shirt", "button down", "셔츠", "남방")),
    "blouse": ("top", ("blouse", "블라우스")),
    "t-shirt": ("top", ("t-shirt", "tshirt", "tee", "티셔츠", "반팔티", "반팔 티")),
    "knit": ("top", ("knit", "sweater", "jumper", "pullover", "니트", "스웨터")),
    "turtleneck": ("top", ("turtleneck", "roll neck", "터틀넥", "폴라")),
    "sweatshirt": ("top", ("sweatshirt", "맨투맨", "스웻셔츠")),
    "hoodie": ("top", ("hoodie", "hooded", "후드티", "후디")),
    "polo": ("top", ("polo", "폴로", "카라티")),
    "pants": ("bottom", ("pants", "trousers", "바지", "팬츠")),
    "slacks": ("bottom", ("slacks", "dress pants", "tailored trousers", "슬랙스")),
    "jeans": ("bottom", ("jeans", "청바지", "데님팬츠", "데님 팬츠")),
    "chinos": ("bottom", ("chinos", "chino", "치노")),
    "skirt": ("bottom", ("skirt", "스커트", "치마")),
    "shorts": ("bottom", ("shorts", "반바지", "쇼츠")),
    "dress": ("dress", ("dress", "원피스", "드레스")),
    "loafers": ("shoes", ("loafer", "로퍼")),
    "sneakers": ("shoes", ("sneaker", "trainer", "스니커즈", "운동화")),
    "boots": ("shoes", ("boot", "부츠", "워커")),
    "chelsea boots": ("shoes", ("chelsea", "첼시")),
    "rain boots": ("shoes", ("rain boot", "wellington", "레인부츠", "장화")),
    "heels": ("shoes", ("heel", "pump", "stiletto", "힐", "펌프스")),
    "flats": ("shoes", ("flat", "ballet flat", "플랫")),
    "sandals": ("shoes", ("sandal", "샌들")),
    "dress shoes": ("shoes", ("dress shoe", "derby", "oxford shoe", "구두", "더비")),
    "mules": ("shoes", ("mule", "뮬", "블로퍼")),
    "bag": ("bag", ("bag", "purse", "handbag", "가방", "핸드백")),
    "tote bag": ("bag", ("tote", "토트")),
    "crossbody bag": ("bag", ("crossbody", "cross bag", "크로스백")),
    "shoulder bag": ("bag", ("shoulder bag", "숄더백")),
    "backpack": ("bag", ("backpack", "rucksack", "백팩")),
    "clutch": ("bag", ("clutch", "클러치")),
    "belt": ("accessory", ("belt", "벨트")),
    "scarf": ("accessory", ("scarf", "muffler", "스카프", "머플러", "목도리")),
    "hat": ("accessory", ("hat", "cap", "beanie", "beret", "모자", "볼캡", "비니", "베레모")),
    "earrings": ("accessory", ("earring", "귀걸이", "이어링")),
    "necklace": ("accessory", ("necklace", "목걸이")),
    "watch": ("accessory", ("watch", "시계")),
    "sunglasses": ("accessory", ("sunglasses", "선글라스")),
    "umbrella": ("accessory", ("umbrella", "우산")),
    "tie": ("accessory", ("tie", "necktie", "넥타이")),
}
PARENTS = {
    "trench coat": "coat",
    "raincoat": "coat",
    "chelsea boots": "boots",
    "rain boots": "boots",
    "tote bag": "bag",
    "crossbody bag": "bag",
    "shoulder bag": "bag",
    "backpack": "bag",
    "clutch": "bag",
    "blazer": "jacket",
    "jeans": "pants",
    "slacks": "pants",
    "chinos": "pants",
}
MATERIALS: dict[str, tuple[str, ...]] = {
    "leather": ("leather", "가죽", "레더"),
    "suede": ("suede", "스웨이드"),
    "wool": ("wool", "울", "모직"),
    "cashmere": ("cashmere", "캐시미어"),
    "linen": ("linen", "린넨", "리넨"),
    "denim": ("denim", "데님", "청자켓", "청바지"),
    "silk": ("silk", "satin", "실크", "새틴"),
    "cotton": ("cotton", "코튼"),
    "waterproof": ("waterproof", "water resistant", "gore-tex", "방수", "발수", "고어텍스"),
    "canvas": ("canvas", "캔버스"),
}
# A line that names only the category ("➕ 가벼운 아우터") asks for any item of it.
CATEGORY_WORDS: dict[str, tuple[str, ...]] = {
    "top": ("top", "상의"),
    "bottom": ("bottom", "하의"),
    "outer": ("outer", "outerwear", "아우터", "겉옷"),
    "dress": ("원피스",),
    "shoes": ("shoes", "footwear", "신발", "슈즈"),
    "bag": ("가방",),
    "accessory": ("accessory", "accessories", "jewelry", "액세서리", "악세서리", "주얼리"),
}


@dataclass(frozen=True)
class Concepts:
    colors: frozenset[str]
    kinds: frozenset[str]  # the head kind of the line and its parent ("trench coat", "coat")
    materials: frozenset[str]
    categories: frozenset[str]  # named outright or implied by the kind

    @property
    def leaf_kinds(self) -> frozenset[str]:
        """The most specific kinds named: "trench coat" rather than "coat"."""
        parents = {PARENTS[k] for k in self.kinds if k in PARENTS}
        return frozenset(k for k in self.kinds if k not in parents)

    def tokens(self) -> list[str]:
        return ([f"~color:{c}" for c in sorted(self.colors)]
                + [f"~kind:{k}" for k in sorted(self.kinds)]
                + [f"~material:{m}" for m in sorted(self.materials)])  # fmt: skip


def english_words(text: str) -> list[str]:
    """Lower-case Latin words, singular: "Sneakers" -> "sneaker"."""
    words = re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)*", text.lower())
    return [w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w for w in words]


@cache
def _pattern(form: str) -> tuple[bool, re.Pattern[str]]:
    """(is Korean, pattern). Korean: inside words, spaces optional; a one-syllable form
    ("울", wool) only at the start of a word, so "겨울" and "어울리는" are not wool."""
    if re.search(r"[가-힣]", form):
        chars = [re.escape(c) for c in form.replace(" ", "")]
        start = r"(?<![가-힣])" if len(chars) == 1 else ""
        return True, re.compile(start + r"\s?".join(chars))
    words = english_words(form)
    return False, re.compile(r"(?<![a-z0-9-])" + " ".join(map(re.escape, words)) + r"(?![a-z0-9-])")


Match = tuple[str, int, int, bool]  # name, start, end, in the Korean text


def _matches(table: dict[str, tuple[str, ...]], latin: str, hangul: str) -> list[Match]:
    found: list[Match] = []
    for name, forms in table.items():
        for form in forms:
            korean, pattern = _pattern(form)
            for m in pattern.finditer(hangul if korean else latin):
                found.append((name, m.start(), m.end(), korean))
    # A form inside a longer one of another name is not meant: "dress" in "dress shoes",
    # "셔츠" in "스웻셔츠", "blue" in "light blue".
    return [a for a in found if not any(
        b[0] != a[0] and b[3] == a[3] and b[1] <= a[1] and a[2] <= b[2] and b[2] - b[1] > a[2] - a[1]
        for b in found)]  # fmt: skip


def concepts_in(text: str) -> Concepts:
    latin = " ".join(english_words(text))
    hangul = re.sub(r"\s+", " ", text.lower())
    kind_forms = {kind: forms for kind, (_, forms) in KINDS.items()}
    kinds_found = _matches(kind_forms, latin, hangul)
    leaves = [m for m in kinds_found if m[0] not in {PARENTS.get(k[0]) for k in kinds_found}]
    kinds: set[str] = set()
    if leaves:
        # Compounds put the head last in both languages: "셔츠 원피스", "sweater dress".
        head = max(leaves, key=lambda m: (m[2], m[2] - m[1]))[0]
        kinds = {head} | ({PARENTS[head]} if head in PARENTS else set())
    categories = {m[0] for m in _matches(CATEGORY_WORDS, latin, hangul)}
    categories |= {KINDS[k][0] for k in kinds}
    return Concepts(
        frozenset(m[0] for m in _matches(COLORS, latin, hangul)),
        frozenset(kinds),
        frozenset(m[0] for m in _matches(MATERIALS, latin, hangul)),
        frozenset(categories),
    )
