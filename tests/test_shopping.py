"""The product file, its check, and which products a ➕ line gets (Telegram-free)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.__main__ import main
from bot.shopping.catalog import CatalogUnreadable, Product, load_catalog
from bot.shopping.links import CatalogSearch, ProductLink
from bot.shopping.ranking import CatalogIndex, item_phrase
from bot.shopping.vocabulary import concepts_in
from bot.telegram.product_buttons import button_text, product_keyboard

HEADER = "id,title,category,colors,price,currency,url,image_url,tags\n"
ROWS = [
    "t1,Classic Beige Trench Coat,outer,beige,129000,KRW,https://shop.example/t1,,트렌치코트;간절기",
    "t2,Navy Double Trench Coat,outer,navy,139000,KRW,https://shop.example/t2,,트렌치코트",
    "b1,베이지 싱글 블레이저,outer,베이지,99000,KRW,https://shop.example/b1,,자켓;오피스룩",
    "d1,Beige Trench Shirt Dress,dress,beige,89000,KRW,https://shop.example/d1,,트렌치 원피스",
    "a1,Trench Coat Belt,accessory,beige,19000,KRW,https://shop.example/a1,,벨트",
    "s1,White Leather Sneakers,shoes,white,79000,KRW,https://shop.example/s1,,스니커즈;가죽",
    "s2,캔버스 스니커즈 화이트,shoes,white,39000,KRW,https://shop.example/s2,,운동화",
    "l1,블랙 페니 로퍼,shoes,black,89000,KRW,https://shop.example/l1,,loafers;leather",
]


def write_catalog(tmp_path: Path, rows: list[str] = ROWS, name: str = "catalog.csv") -> Path:
    path = tmp_path / name
    path.write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def index(tmp_path: Path) -> CatalogIndex:
    return CatalogIndex(load_catalog(write_catalog(tmp_path)).products)


def ids(index: CatalogIndex, line: str) -> list[str]:
    return [match.product.id for match in index.search(line)]


def test_a_good_csv_loads_every_row_with_lists_split(tmp_path: Path) -> None:
    load = load_catalog(write_catalog(tmp_path))
    assert load.problems == ()
    assert len(load.products) == len(ROWS)
    coat = load.products[0]
    assert coat == Product("t1", "Classic Beige Trench Coat", "outer", ("beige",), 129000.0,
                           "KRW", "https://shop.example/t1", None, ("트렌치코트", "간절기"))  # fmt: skip


def test_bad_rows_are_reported_one_line_each_and_skipped(tmp_path: Path) -> None:
    rows = [
        ROWS[0],
        "x1,Wool Hat,hat,gray,29000,KRW,https://shop.example/x1,,",  # unknown category
        "x2,Scarf,accessory,gray,cheap,KRW,https://shop.example/x2,,",  # price
        "x3,Bag,bag,black,59000,KRW,shop.example/x3,,",  # not an address
        "x4,,top,white,19000,KRW,https://shop.example/x4,,",  # no title
        "t1,Duplicate,outer,beige,1,KRW,https://shop.example/dup,,",  # id seen before
        "x5,Belt,accessory,brown,10,₩,https://shop.example/x5,,",  # currency
        "x6,Tee,top,white,10,KRW,https://shop.example/x6,,tag,extra",  # too many fields
        ROWS[5],
    ]
    load = load_catalog(write_catalog(tmp_path, rows))
    assert [p.id for p in load.products] == ["t1", "s1"]
    assert len(load.problems) == 7
    assert load.problems[0] == (
        "catalog.csv line 3: category 'hat' is not one of top, bottom, outer, dress, shoes, bag, accessory"
    )
    joined = "\n".join(load.problems)
    for expected in ("line 4: price 'cheap'", "line 5: url 'shop.example/x3'",
                     "line 6: title is empty", "line 7: id 't1' appears earlier",
                     "line 8: currency '₩'", "line 9: 10 fields, the header has 9"):  # fmt: skip
        assert expected in joined
    assert load.summary == "2 products loaded, 7 bad rows skipped"


def test_json_lines_with_lists_or_semicolons_and_a_broken_line(tmp_path: Path) -> None:
    good = {"id": "j1", "title": "Beige Trench Coat", "category": "outer", "colors": ["beige"],
            "price": 99000, "currency": "KRW", "url": "https://shop.example/j1",
            "tags": "트렌치코트;봄"}  # fmt: skip
    path = tmp_path / "catalog.jsonl"
    path.write_text(json.dumps(good, ensure_ascii=False) + "\n{not json\n[1, 2]\n", "utf-8")
    load = load_catalog(path)
    assert [p.tags for p in load.products] == [("트렌치코트", "봄")]
    assert load.problems[0].startswith("catalog.jsonl line 2: not valid JSON")
    assert load.problems[1] == "catalog.jsonl line 3: not a JSON object"


def test_a_csv_without_the_header_is_unreadable_as_a_whole(tmp_path: Path) -> None:
    path = tmp_path / "catalog.csv"
    path.write_text("t1,Coat,outer,beige,1,KRW,https://shop.example/t1,,\n", "utf-8")
    with pytest.raises(CatalogUnreadable, match="the header must name"):
        load_catalog(path)
    with pytest.raises(CatalogUnreadable, match="cannot be read"):
        load_catalog(tmp_path / "missing.csv")


def test_catalog_check_exit_status(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["catalog", "check", str(write_catalog(tmp_path))]) == 0
    assert capsys.readouterr().out.strip() == f"{len(ROWS)} products loaded, 0 bad rows skipped"
    bad = write_catalog(tmp_path, [ROWS[0], "x1,Hat,hat,gray,1,KRW,https://s.example/x,,"])
    assert main(["catalog", "check", str(bad)]) == 1
    out = capsys.readouterr()
    assert "line 3: category 'hat'" in out.err and "1 bad row skipped" in out.out
    assert main(["catalog", "check", str(tmp_path / "nope.csv")]) == 2
    assert main(["catalog", "check"]) == 2


def test_korean_line_finds_the_english_titled_beige_trench_coat_and_nothing_unrelated(
    index: CatalogIndex,
) -> None:
    # Not the navy trench (colour), the beige blazer (kind), the trench dress or the belt
    # (category), however many words they share.
    assert ids(index, "➕ 베이지 트렌치코트") == ["t1"]
    assert ids(index, "➕ **베이지색 트렌치 코트**: 간절기에 가볍게 걸치기 좋아요") == ["t1"]
    assert ids(index, "➕ a beige trench coat") == ["t1"]


def test_kind_without_colour_gets_every_colour_best_first(index: CatalogIndex) -> None:
    assert sorted(ids(index, "➕ 트렌치코트")) == ["t1", "t2"]
    assert ids(index, "➕ white sneakers") == ["s1", "s2"]
    # A material named is a material wanted.
    assert ids(index, "➕ 화이트 가죽 스니커즈") == ["s1"]
    assert ids(index, "➕ black leather loafers") == ["l1"]


def test_no_product_for_a_line_nothing_relevant_matches(index: CatalogIndex) -> None:
    assert ids(index, "➕ 보라색 패딩") == []  # no puffer at all
    assert ids(index, "➕ 네이비 블레이저") == []  # blazer only in beige
    assert ids(index, "➕ 포인트가 되는 아이템") == []  # says nothing a product has
    assert CatalogIndex([]).search("➕ 베이지 트렌치코트") == []


def test_vocabulary_tells_kind_colour_and_head_of_compounds() -> None:
    assert concepts_in("셔츠 원피스").kinds == {"dress"}
    assert concepts_in("black dress shoes").kinds == {"dress shoes"}
    assert concepts_in("겨울에 어울리는 코트").materials == set()  # "울" inside words is not wool
    assert concepts_in("울 코트").materials == {"wool"}
    assert concepts_in("light blue shirt").colors == {"sky blue"}
    assert item_phrase("➕ **베이지 트렌치코트** — 비 오는 날") == "베이지 트렌치코트"


async def test_catalog_search_merges_lines_without_repeats(index: CatalogIndex) -> None:
    links = await CatalogSearch(index).links_for(["베이지 트렌치코트", "트렌치코트", "보라색 패딩"])
    assert [link.url.rsplit("/", 1)[-1] for link in links] == ["t1", "t2"]


def test_buttons_carry_title_and_price_and_open_the_product() -> None:
    link = ProductLink("Classic Beige Trench Coat", "https://shop.example/t1", 129000, "KRW")
    assert button_text(link, "ko") == "🛍 Classic Beige Trench Coat · 129,000원"
    assert button_text(link, "en") == "🛍 Classic Beige Trench Coat · ₩129,000"
    dollars = ProductLink("A" * 50, "https://shop.example/x", 59.9, "USD")
    assert button_text(dollars, "en") == f"🛍 {'A' * 35}… · $59.90"
    markup = product_keyboard([link], "ko")
    assert markup is not None
    assert markup.inline_keyboard[0][0].url == "https://shop.example/t1"
    assert product_keyboard([], "ko") is None
