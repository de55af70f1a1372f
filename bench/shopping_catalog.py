"""A deterministic product catalog of a few hundred items, named the way Korean and
international shops name them, with each product's true kind, colour and material kept
apart from the file (the ranker only ever sees the file).

Shop wording is not Coordi's vocabulary: shade names ("oatmeal", "midnight", "중청"),
shop-specific kinds ("Mac Coat", "버킷햇", "호보백") and mixed Korean/English titles are
all here, so the benchmark measures what a real catalog would get.
"""

from __future__ import annotations

import csv
import random
from dataclasses import dataclass
from pathlib import Path

# truth kind -> (category, English names, Korean names, colours, materials (None: unnamed))
KINDS: dict[str, tuple[str, list[str], list[str], list[str], list[str | None]]] = {
    "trench coat": ("outer", ["Trench Coat", "Belted Trench Coat", "Double-Breasted Trench",
                    "Gabardine Trench Coat", "Mac Coat"], ["트렌치코트", "트렌치 코트",
                    "더블 트렌치코트", "바바리 코트"], ["beige", "camel", "khaki", "navy", "black"],
                    [None, "cotton"]),
    "wool coat": ("outer", ["Wool Coat", "Long Wool Coat", "Single Coat", "Overcoat",
                  "Balmacaan Coat"], ["울 코트", "롱 코트", "싱글 코트", "핸드메이드 코트"],
                  ["camel", "charcoal", "black", "beige", "navy", "gray"], ["wool", "cashmere"]),
    "blazer": ("outer", ["Blazer", "Tailored Blazer", "Single-Breasted Blazer"],
               ["블레이저", "테일러드 자켓", "싱글 블레이저"],
               ["navy", "black", "beige", "gray", "ivory"], [None, "wool", "linen"]),
    "denim jacket": ("outer", ["Denim Jacket", "Trucker Jacket", "Jean Jacket"],
                     ["청자켓", "데님 자켓"], ["blue", "sky blue", "black"], ["denim"]),
    "leather jacket": ("outer", ["Leather Jacket", "Biker Jacket", "Rider Jacket"],
                       ["가죽 자켓", "라이더 자켓"], ["black", "brown"], ["leather"]),
    "cardigan": ("outer", ["Cardigan", "Knit Cardigan", "V-Neck Cardigan"],
                 ["가디건", "니트 가디건", "브이넥 가디건"],
                 ["ivory", "gray", "navy", "beige", "pink", "green"], [None, "wool", "cashmere"]),
    "puffer": ("outer", ["Puffer Jacket", "Down Jacket", "Short Padded Jacket"],
               ["숏패딩", "롱패딩", "덕다운 점퍼"], ["black", "ivory", "navy", "khaki"], [None]),
    "windbreaker": ("outer", ["Windbreaker", "Rain Jacket", "Waterproof Shell Jacket"],
                    ["바람막이", "방수 자켓", "고어텍스 자켓"], ["black", "navy", "khaki", "yellow"],
                    [None, "waterproof"]),
    "shirt": ("top", ["Oxford Shirt", "Button-Down Shirt", "Poplin Shirt", "Linen Shirt"],
              ["옥스포드 셔츠", "코튼 셔츠", "린넨 셔츠", "스트라이프 셔츠"],
              ["white", "sky blue", "navy", "ivory", "pink"], [None, "cotton", "linen"]),
    "blouse": ("top", ["Silk Blouse", "Ruffle Blouse", "Satin Blouse"],
               ["블라우스", "새틴 블라우스", "리본 블라우스"],
               ["ivory", "white", "pink", "black", "navy"], [None, "silk"]),
    "t-shirt": ("top", ["Crew Neck T-Shirt", "Basic Tee", "Pocket Tee"],
                ["반팔 티셔츠", "무지 티셔츠", "라운드 반팔티"], ["white", "black", "gray", "navy"],
                [None, "cotton"]),
    "knit": ("top", ["Crew Neck Sweater", "Cable Knit Sweater", "Merino Jumper"],
             ["라운드 니트", "꽈배기 니트", "캐시미어 니트"],
             ["ivory", "gray", "navy", "beige", "brown", "green", "burgundy"],
             [None, "wool", "cashmere"]),
    "turtleneck": ("top", ["Turtleneck", "Roll Neck Sweater", "Ribbed Turtleneck"],
                   ["터틀넥", "폴라 니트", "골지 터틀넥"], ["black", "ivory", "gray", "camel"],
                   [None, "wool"]),
    "sweatshirt": ("top", ["Sweatshirt", "Hoodie"], ["맨투맨", "후드티"],
                   ["gray", "navy", "black"], [None, "cotton"]),
    "slacks": ("bottom", ["Wide Slacks", "Tailored Trousers", "Pleated Trousers"],
               ["와이드 슬랙스", "세미와이드 슬랙스", "핀턱 슬랙스"],
               ["black", "gray", "navy", "beige", "charcoal", "ivory"], [None, "wool"]),
    "jeans": ("bottom", ["Straight Jeans", "Wide Leg Jeans", "Slim Jeans"],
              ["일자 청바지", "와이드 데님 팬츠", "데님 팬츠"], ["blue", "sky blue", "black"],
              ["denim"]),
    "chinos": ("bottom", ["Chino Pants", "Cotton Chinos"], ["치노 팬츠", "면바지"],
               ["beige", "khaki", "navy", "ivory"], ["cotton"]),
    "skirt": ("bottom", ["Pleated Skirt", "A-Line Skirt", "Midi Skirt"],
              ["플리츠 스커트", "A라인 스커트", "롱스커트", "미디 치마"],
              ["black", "beige", "navy", "ivory", "gray"], [None, "wool"]),
    "dress": ("dress", ["Midi Dress", "Shirt Dress", "Slip Dress", "Knit Dress", "Wrap Dress"],
              ["롱 원피스", "셔츠 원피스", "니트 원피스", "랩 원피스", "트렌치 원피스"],
              ["black", "navy", "ivory", "beige", "pink", "green"], [None, "silk"]),
    "loafers": ("shoes", ["Penny Loafers", "Horsebit Loafers", "Loafers"],
                ["페니 로퍼", "로퍼", "홀스빗 로퍼"], ["black", "brown", "burgundy"],
                ["leather", "suede"]),
    "sneakers": ("shoes", ["Leather Sneakers", "Canvas Sneakers", "Court Sneakers",
                 "Running Shoes"], ["스니커즈", "캔버스 운동화", "가죽 스니커즈"],
                 ["white", "black", "gray", "navy", "ivory"], [None, "leather", "canvas"]),
    "chelsea boots": ("shoes", ["Chelsea Boots"], ["첼시 부츠", "첼시부츠"], ["black", "brown"],
                      ["leather", "suede"]),
    "ankle boots": ("shoes", ["Ankle Boots", "Heeled Ankle Boots"], ["앵클 부츠", "미들힐 앵클부츠"],
                    ["black", "brown", "beige"], [None, "leather", "suede"]),
    "rain boots": ("shoes", ["Rain Boots", "Wellington Boots"], ["레인부츠", "장화"],
                   ["black", "khaki", "navy"], ["waterproof"]),
    "heels": ("shoes", ["Pointed Pumps", "Slingback Heels", "Block Heel Pumps"],
              ["펌프스", "슬링백 힐", "미들힐 펌프스"], ["black", "beige", "ivory", "red"],
              [None, "leather"]),
    "derby": ("shoes", ["Derby Shoes", "Oxford Shoes"], ["더비 슈즈", "옥스포드 구두"],
              ["black", "brown"], ["leather"]),
    "flats": ("shoes", ["Ballet Flats", "Mary Jane Flats"], ["플랫슈즈", "메리제인 플랫"],
              ["black", "ivory", "beige"], [None, "leather"]),
    "tote": ("bag", ["Leather Tote Bag", "Canvas Tote", "Shopper Bag"],
             ["토트백", "캔버스 에코백", "쇼퍼백"], ["black", "brown", "beige", "ivory", "navy"],
             [None, "leather", "canvas"]),
    "crossbody": ("bag", ["Crossbody Bag", "Mini Crossbody Bag"], ["크로스백", "미니 크로스백"],
                  ["black", "brown", "ivory"], [None, "leather"]),
    "shoulder bag": ("bag", ["Shoulder Bag", "Hobo Bag"], ["숄더백", "호보백"],
                     ["black", "brown", "beige"], [None, "leather"]),
    "backpack": ("bag", ["Backpack"], ["백팩"], ["black", "navy", "gray"], [None]),
    "belt": ("accessory", ["Leather Belt", "Reversible Belt"], ["가죽 벨트", "벨트"],
             ["black", "brown"], ["leather"]),
    "scarf": ("accessory", ["Cashmere Scarf", "Wool Muffler", "Silk Scarf"],
              ["캐시미어 머플러", "울 목도리", "실크 스카프"],
              ["gray", "camel", "navy", "burgundy", "ivory"], ["cashmere", "wool", "silk"]),
    "cap": ("accessory", ["Ball Cap", "Baseball Cap"], ["볼캡", "야구모자"],
            ["black", "navy", "beige", "ivory"], [None]),
    "beanie": ("accessory", ["Wool Beanie", "Knit Beanie"], ["비니", "니트 비니"],
               ["black", "gray", "ivory", "navy"], [None, "wool"]),
    "bucket hat": ("accessory", ["Bucket Hat"], ["버킷햇"], ["beige", "black", "khaki"], [None]),
    "earrings": ("accessory", ["Gold Hoop Earrings", "Pearl Drop Earrings"],
                 ["골드 링 귀걸이", "진주 귀걸이"], ["gold", "silver"], [None]),
    "necklace": ("accessory", ["Chain Necklace", "Pendant Necklace"],
                 ["체인 목걸이", "펜던트 목걸이"], ["gold", "silver"], [None]),
    "umbrella": ("accessory", ["Compact Umbrella", "Long Umbrella"], ["3단 우산", "장우산"],
                 ["black", "navy", "beige"], [None]),
}  # fmt: skip
SHADES = {
    "beige": ["beige", "oatmeal", "sand", "베이지"], "camel": ["camel", "tan", "카멜"],
    "ivory": ["ivory", "cream", "아이보리", "크림"], "gray": ["gray", "grey", "melange gray", "그레이"],
    "charcoal": ["charcoal", "차콜"], "navy": ["navy", "midnight", "네이비"],
    "blue": ["blue", "mid blue", "중청"], "sky blue": ["light blue", "연청", "하늘색"],
    "black": ["black", "블랙", "jet black"], "white": ["white", "optic white", "화이트"],
    "brown": ["brown", "chocolate", "다크브라운"], "khaki": ["khaki", "olive", "카키"],
    "burgundy": ["burgundy", "wine", "버건디"], "pink": ["pink", "dusty pink", "핑크"],
    "green": ["green", "forest green", "그린"], "red": ["red", "레드"],
    "yellow": ["yellow", "옐로우"], "gold": ["gold", "골드"], "silver": ["silver", "실버"],
}  # fmt: skip
MATERIAL_WORDS = {"cotton": ("Cotton", "코튼"), "wool": ("Wool", "울"),
                  "cashmere": ("Cashmere", "캐시미어"), "linen": ("Linen", "린넨"),
                  "leather": ("Leather", "가죽"), "suede": ("Suede", "스웨이드"),
                  "silk": ("Silk", "실크"), "canvas": ("Canvas", "캔버스"),
                  "denim": ("Denim", "데님"), "waterproof": ("Waterproof", "방수")}  # fmt: skip
STYLE_TAGS = ["오피스룩", "데일리룩", "하객룩", "데이트룩", "간절기", "봄", "가을", "겨울",
              "미니멀", "casual", "office", "weekend", "basic", "출근룩"]  # fmt: skip
PRICES = {"outer": (69, 329), "top": (19, 129), "bottom": (29, 139), "dress": (49, 199),
          "shoes": (49, 259), "bag": (39, 289), "accessory": (9, 129)}  # fmt: skip
PER_KIND = 10


@dataclass(frozen=True)
class Truth:
    kind: str
    color: str
    material: str | None  # "pearl" for pearl jewellery


def generate(seed: int = 15) -> tuple[list[dict[str, str]], dict[str, Truth]]:
    """Catalog rows (the file's fields) and each product's truth, by id."""
    rng = random.Random(seed)
    rows: list[dict[str, str]] = []
    truth: dict[str, Truth] = {}
    for kind, (category, en_names, ko_names, colors, materials) in KINDS.items():
        for n in range(PER_KIND):
            # Every colour a shop carries of a kind appears, some twice.
            color, material = colors[n % len(colors)], rng.choice(materials)
            korean = rng.random() < 0.45
            name = rng.choice(ko_names if korean else en_names)
            # A name that says its material ("Silk Scarf", "면바지") is made of it.
            material = _named_material(name) or material
            shade = rng.choice([s for s in SHADES[color] if korean == _is_korean(s)]
                               or SHADES[color])  # fmt: skip
            parts = [shade if rng.random() < 0.75 else ""]
            material_word = MATERIAL_WORDS[material][korean] if material in MATERIAL_WORDS else ""
            if material and material_word.lower() not in name.lower() and rng.random() < 0.5:
                parts.append(material_word)
            parts.append(name)
            title = " ".join(p for p in parts if p)
            if not korean:
                title = title[0].upper() + title[1:]
            tags = rng.sample(STYLE_TAGS, rng.randint(1, 3))
            # The kind in the other language, as shops often add (not one naming another
            # material: a wool muffler is not tagged "Silk Scarf").
            others = [o for o in (en_names if korean else ko_names)
                      if _named_material(o) in (None, material)]  # fmt: skip
            if others and rng.random() < 0.5:
                tags.insert(0, rng.choice(others))
            if material in MATERIAL_WORDS and rng.random() < 0.4:
                tags.append(MATERIAL_WORDS[material][not korean])
            low, high = PRICES[category]
            product_id = f"{kind.replace(' ', '-')}-{n + 1}"
            rows.append({
                "id": product_id, "title": title, "category": category,
                "colors": rng.choice(SHADES[color]), "price": f"{rng.randint(low, high) * 1000}",
                "currency": "KRW", "url": f"https://shop.example/p/{product_id}",
                "image_url": f"https://shop.example/img/{product_id}.jpg", "tags": ";".join(tags),
            })  # fmt: skip
            truth[product_id] = Truth(kind, color, material)
    return rows, truth


def _named_material(name: str) -> str | None:
    lowered = name.lower()
    for material, words in MATERIAL_WORDS.items():
        if any(word.lower() in lowered for word in words):
            return material
    if "pearl" in lowered or "진주" in name:
        return "pearl"
    if "면" in name:
        return "cotton"
    if "gore" in lowered or "고어텍스" in name or "rain jacket" in lowered:
        return "waterproof"
    return None


def _is_korean(text: str) -> bool:
    return any("가" <= c <= "힣" for c in text)


def write_csv(path: Path, rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
