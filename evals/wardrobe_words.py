"""What kind of garment and which colour a phrase names, in Korean and English.

Used to read "[6] white sneakers" against card [6], and to find garments an answer
recommends without citing them ("➕ 블랙 스커트"). Every kind belongs to one card
category. Kinds in one ``_CLOSE`` group describe the same thing loosely (a blazer is
a jacket, strappy heels are sandals), and the generic words of a category (신발,
shoes, 바지, pants, 아우터) fit every kind in it, so only a real contradiction counts.

Left out on purpose: "옥스퍼드"/"oxford" alone (a shirt cloth and a shoe), "데님"/"denim"
alone (jeans, a jacket or a skirt), "진" (too short), "탑" (also "탑승").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from evals.matching import Terms

# kind -> (category, words). Words are matching terms (see evals.matching).
KINDS: dict[str, tuple[str, tuple[str, ...]]] = {
    # tops
    "shirt": ("top", ("셔츠", "남방", "shirt", "button-down", "button-up", "oxford shirt",
                      "옥스퍼드 셔츠", "dress shirt", "드레스 셔츠")),
    "blouse": ("top", ("블라우스", "blouse")),
    "tshirt": ("top", ("티셔츠", "반팔티", "긴팔티", "t-shirt", "tee", "crew-neck tee", "crewneck tee")),
    "tank": ("top", ("탱크탑", "나시", "민소매", "tank top", "tank", "camisole", "cami", "sleeveless top")),
    "knit": ("top", ("니트", "스웨터", "sweater", "jumper", "pullover", "knit", "knitwear")),
    "sweatshirt": ("top", ("맨투맨", "스웻셔츠", "sweatshirt")),
    "hoodie": ("top", ("후드티", "후디", "후드", "hoodie")),
    "polo": ("top", ("폴로", "카라티", "polo")),
    "turtleneck": ("top", ("터틀넥", "폴라", "turtleneck", "roll-neck", "rollneck")),
    # bottoms
    "trousers": ("bottom", ("슬랙스", "slacks", "suit trousers", "dress trousers", "수트 팬츠", "정장 바지")),
    # Words for long trousers of no particular cloth: anything but shorts or a skirt.
    "long_pants": ("bottom", ("와이드 팬츠", "긴바지", "긴 바지", "롱팬츠", "trousers", "pants", "wide-leg trousers",
                              "wide-leg pants", "full-length trousers")),
    "jeans": ("bottom", ("청바지", "데님 팬츠", "데님 바지", "진청 데님", "연청 데님", "흑청 데님",
                         "스트레이트 데님", "와이드 데님", "슬림 데님", "부츠컷 데님", "스키니 데님",
                         "jeans", "denim pants")),
    "chinos": ("bottom", ("치노", "chinos", "chino")),
    "skirt": ("bottom", ("스커트", "치마", "skirt")),
    "shorts": ("bottom", ("쇼츠", "반바지", "숏팬츠", "shorts", "cutoffs", "cut-offs")),
    "leggings": ("bottom", ("레깅스", "leggings")),
    "joggers": ("bottom", ("조거", "트레이닝 팬츠", "트레이닝 바지", "joggers", "sweatpants", "track pants")),
    "cargo": ("bottom", ("카고", "cargo pants", "cargos")),
    # dresses
    "dress": ("dress", ("원피스", "드레스", "점프수트", "dress", "sundress", "slip dress",
                        "wrap dress", "jumpsuit")),
    # outerwear
    "jacket": ("outer", ("재킷", "자켓", "jacket")),
    "overshirt": ("outer", ("오버셔츠", "셔켓", "셔츠 재킷", "overshirt", "shacket", "shirt jacket")),
    # Tailored, not a casual jacket: a blazer called a bomber is another garment.
    "blazer": ("outer", ("블레이저", "수트 재킷", "정장 재킷", "blazer", "sport coat", "sports coat",
                         "suit coat", "suit jacket")),
    "bomber": ("outer", ("봄버", "보머", "항공 점퍼", "블루종", "bomber", "bomber jacket", "flight jacket")),
    "coat": ("outer", ("코트", "트렌치", "오버코트", "coat", "overcoat", "trench", "topcoat")),
    "cardigan": ("outer", ("가디건", "카디건", "cardigan")),
    "fleece": ("outer", ("플리스", "후리스", "fleece")),
    # Not "베스트" alone: it also means "best" ("베스트 조합").
    "vest": ("outer", ("패딩 베스트", "다운 베스트", "조끼", "vest", "gilet")),
    # A sweater vest is a knit worn as a top layer: close to a knit, never to a coat.
    "sweater_vest": ("top", ("니트 베스트", "니트 조끼", "스웨터 베스트", "sweater vest", "knit vest", "sweater-vest")),
    "padding": ("outer", ("패딩", "다운 재킷", "푸퍼", "puffer", "down jacket", "parka")),
    "windbreaker": ("outer", ("바람막이", "윈드브레이커", "windbreaker", "shell jacket")),
    "raincoat": ("outer", ("레인코트", "우비", "비옷", "raincoat", "rain jacket", "rain shell", "mac")),
    "denim_jacket": ("outer", ("청자켓", "청재킷", "데님 재킷", "데님 자켓", "denim jacket", "jean jacket")),
    # shoes
    "sneakers": ("shoes", ("스니커즈", "운동화", "러닝화", "sneakers", "trainers", "running shoes",
                           "canvas shoes", "plimsolls")),
    "loafers": ("shoes", ("로퍼", "loafers", "penny loafers")),
    "boots": ("shoes", ("부츠", "워커", "첼시", "boots", "chelsea boots", "ankle boots",
                        "desert boots", "booties", "chelseas")),
    "dress_shoes": ("shoes", ("옥스퍼드화", "더비", "더비 슈즈", "브로그", "oxfords", "derbies",
                              "derby shoes", "derby", "brogues", "dress shoes")),
    "heels": ("shoes", ("힐", "하이힐", "블록힐", "킬힐", "펌프스", "슬링백", "heels", "high heels",
                        "pumps", "slingbacks", "stilettos", "block heels", "kitten heels", "wedges")),
    "sandals": ("shoes", ("샌들", "sandals", "strappy sandals", "slides", "flip-flops")),
    "mules": ("shoes", ("뮬", "블로퍼", "mules")),
    "mary_janes": ("shoes", ("메리제인", "mary janes", "mary jane")),
    "flats": ("shoes", ("플랫슈즈", "플랫", "flats", "ballet flats")),
    "trekking": ("shoes", ("트레킹화", "등산화", "hiking boots", "hiking shoes", "trekking shoes",
                           "trail shoes")),
    "rain_boots": ("shoes", ("레인부츠", "장화", "rain boots", "wellies", "wellingtons", "rubber boots")),
    # bags and accessories
    "tote": ("bag", ("토트", "토트백", "tote")),
    "clutch": ("bag", ("클러치", "clutch")),
    "backpack": ("bag", ("백팩", "배낭", "backpack", "rucksack")),
    "crossbody": ("bag", ("크로스백", "crossbody", "cross-body")),
    "shoulder_bag": ("bag", ("숄더백", "미니백", "체인백", "shoulder bag", "mini bag")),
    "tie": ("accessory", ("넥타이", "necktie", "tie")),
    "scarf": ("accessory", ("스카프", "머플러", "목도리", "scarf")),
    "hat": ("accessory", ("모자", "버킷햇", "비니", "캡", "hat", "bucket hat", "beanie", "cap")),
    "earrings": ("accessory", ("귀걸이", "earrings", "hoops")),  # not "이어링": in "레이어링"
    "necklace": ("accessory", ("목걸이", "necklace")),
    "belt": ("accessory", ("벨트", "belt")),
    "umbrella": ("accessory", ("우산", "장우산", "양우산", "umbrella")),  # carried, not a bag
}  # fmt: skip

# Words that name a category without saying which kind: they fit every kind in it.
GENERIC: dict[str, tuple[str, ...]] = {
    "top": ("상의", "top"),
    "bottom": ("하의", "바지", "팬츠", "bottoms"),
    "dress": (),
    "outer": ("아우터", "겉옷", "외투", "outerwear", "layer"),
    "shoes": ("신발", "슈즈", "구두", "shoes", "footwear"),
    "bag": ("가방", "백", "bag", "handbag"),
    "accessory": ("액세서리", "소품", "accessory", "accessories", "jewellery", "jewelry"),
}

# Kinds that describe one garment loosely.
_CLOSE: tuple[frozenset[str], ...] = (
    frozenset({"knit", "turtleneck", "polo", "cardigan", "vest", "sweatshirt", "sweater_vest"}),
    frozenset({"shirt", "blouse"}),
    frozenset({"overshirt", "shirt"}),  # a shirt worn open is an overshirt, and
    frozenset({"overshirt", "jacket"}),  # an overshirt a light jacket; a shirt is no jacket
    frozenset({"tshirt", "tank"}),
    frozenset({"hoodie", "sweatshirt"}),
    frozenset({"trousers", "chinos"}),
    # Jeans are denim: "pants" may mean them, slacks and chinos may not.
    frozenset({"long_pants", "trousers", "chinos", "joggers", "cargo", "leggings"}),
    frozenset({"long_pants", "jeans"}),
    frozenset({"blazer", "jacket"}),
    frozenset({"jeans", "denim_jacket"}),
    frozenset(
        {
            "jacket",
            "coat",
            "windbreaker",
            "raincoat",
            "denim_jacket",
            "padding",
            "fleece",
            "vest",
            "bomber",
        }
    ),
    frozenset({"boots", "trekking", "rain_boots"}),
    frozenset({"sneakers", "trekking"}),
    frozenset({"heels", "sandals", "mules", "mary_janes", "flats"}),
    frozenset({"loafers", "dress_shoes", "mules", "flats"}),
    frozenset({"tote", "shoulder_bag", "crossbody", "clutch"}),
    frozenset({"scarf", "tie"}),
)

# Categories whose items are easily called by each other's words.
CLOSE_CATEGORIES: tuple[frozenset[str], ...] = (
    frozenset({"top", "outer"}),
    frozenset({"top", "dress"}),
    frozenset({"bottom", "dress"}),
    frozenset({"bag", "accessory"}),
)

CATEGORY_OF_KIND: dict[str, str] = {kind: category for kind, (category, _) in KINDS.items()}

# Phrases that contain a garment word but name no garment; matched so they hide it.
NOT_GARMENTS: tuple[str, ...] = (
    "dress code", "dress up", "dress down", "dressed up", "드레스코드", "드레스 코드", "드레스업",
    "플랫폼", "타이트", "tie it together", "ties the look", "ties it together", "ties everything",
    # things, places and food, not clothes: an apron, a shoe cabinet, clams, a coat rack
    "앞치마", "신발장", "바지락", "coat check", "coat rack", "coat hanger", "coatroom", "코트룸",
)  # fmt: skip


def categories_close(a: str, b: str) -> bool:
    return a == b or any({a, b} <= group for group in CLOSE_CATEGORIES)


def kinds_close(a: str, b: str) -> bool:
    return a == b or any({a, b} <= group for group in _CLOSE)


@cache
def _kind_terms() -> tuple[Terms, dict[str, str]]:
    owner: dict[str, str] = {}
    for kind, (_, words) in KINDS.items():
        for word in words:
            owner.setdefault(word, kind)
    for category, words in GENERIC.items():
        for word in words:
            owner.setdefault(word, f"generic:{category}")
    for phrase in NOT_GARMENTS:
        owner.setdefault(phrase, "none")
    return Terms(owner), owner


@dataclass(frozen=True)
class KindHit:
    kind: str  # a KINDS key, or "generic:<category>"
    start: int
    end: int
    text: str

    @property
    def category(self) -> str:
        if self.kind.startswith("generic:"):
            return self.kind.split(":", 1)[1]
        return CATEGORY_OF_KIND[self.kind]

    @property
    def generic(self) -> bool:
        return self.kind.startswith("generic:")


def garment_hits(text: str) -> list[KindHit]:
    """Every garment word in the text, longest match first, in order."""
    return list(_garment_hits(text))


@lru_cache(maxsize=4096)
def _garment_hits(text: str) -> tuple[KindHit, ...]:
    # Cached: the checks read the same answer (and the same card names) many times over.
    terms, owner = _kind_terms()
    hits = (KindHit(owner[h.term], h.start, h.end, h.text) for h in terms.finditer(text))
    return tuple(hit for hit in hits if hit.kind != "none")


def kinds_in(text: str) -> set[str]:
    """Specific kinds named in the text (generic words left out)."""
    return {hit.kind for hit in garment_hits(text) if not hit.generic}


# --- colours ----------------------------------------------------------------------------

# colour word -> families it may mean. Neighbouring shades share a family, so "cream"
# for an ivory blouse or "charcoal" for dark grey is never a contradiction.
COLOURS: dict[str, frozenset[str]] = {}


def _colour(families: str, *words: str) -> None:
    for word in words:
        COLOURS[word] = frozenset(families.split())


_colour(
    "white", "white", "화이트", "흰", "흰색", "하얀", "하얀색", "백색", "off-white", "오프화이트"
)
_colour("white beige", "ivory", "아이보리", "cream", "크림", "oatmeal", "오트밀", "ecru", "natural")
_colour("black", "black", "블랙", "검정", "검정색", "검은", "검은색", "까만", "까만색")
_colour("grey", "grey", "gray", "그레이", "회색", "light grey", "라이트 그레이")
_colour("grey black", "charcoal", "차콜", "dark grey", "다크 그레이")
_colour("navy", "navy", "네이비", "남색", "dark navy", "다크 네이비", "midnight blue")
_colour("blue navy", "indigo", "인디고", "진청", "dark wash", "dark blue")
_colour("blue", "blue", "블루", "파란", "파란색", "light blue", "라이트 블루", "sky blue", "하늘색",
        "연청", "light wash", "mid blue", "denim blue")  # fmt: skip
_colour("beige", "beige", "베이지", "sand", "샌드", "stone", "nude", "누드")
_colour("beige brown", "tan", "탄", "camel", "카멜")
_colour("brown", "brown", "브라운", "갈색", "밤색", "chocolate", "초콜릿", "cognac", "dark brown",
        "다크 브라운")  # fmt: skip
_colour("green beige", "khaki", "카키")
_colour("green", "green", "그린", "초록", "초록색", "olive", "올리브", "sage", "세이지", "emerald",
        "에메랄드", "forest green")  # fmt: skip
_colour("red", "red", "레드", "빨간", "빨간색", "burgundy", "버건디", "wine", "와인", "maroon")
_colour("pink", "pink", "핑크", "분홍", "분홍색", "blush")
_colour("purple", "lavender", "라벤더", "purple", "퍼플", "보라", "보라색", "lilac", "라일락")
_colour("yellow", "yellow", "옐로", "노란", "노란색", "mustard", "머스타드")
_colour("orange", "orange", "오렌지", "주황")
_colour("gold yellow", "gold", "골드", "금색")
_colour("silver grey", "silver", "실버", "은색")


@cache
def _colour_terms() -> Terms:
    return Terms(COLOURS)


def colour_families(text: str) -> set[str]:
    """Every colour family the text names (a word may mean several)."""
    families: set[str] = set()
    for hit in _colour_terms().finditer(text):
        families |= COLOURS[hit.term]
    return families


def colour_hits(text: str) -> list[tuple[int, int, frozenset[str]]]:
    return [(h.start, h.end, COLOURS[h.term]) for h in _colour_terms().finditer(text)]


# Words that end a garment's description next to a cited number: "[3] black trousers
# with [5]", "trousers without [7]" (evals.checks_wardrobe).
STOP_EN = frozenset(
    "with and or over under for instead in on to from than as plus is are will would can "
    "could gives adds keeps makes because so but which that if when while then also here "
    "there it they this these those by at into without minus except not no skip ditch drop "
    "like of about after before between beside besides unlike rather against through around "
    "toward towards near behind".split()
)
_VERB_FORM = re.compile(r"[a-z]{3,}s(?<!ss)(?<!as)(?<!us)")


def reads_as_verb(token: str) -> bool:
    """A word after a number that reads as a verb ("[7] picks up the burgundy") starts
    what the item does, not a description of it; garment and colour words never do."""
    return bool(_VERB_FORM.fullmatch(token)) and not (kinds_in(token) or colour_families(token))
