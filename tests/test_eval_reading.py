"""How the checks read an answer: words (Korean-aware), garments and colours, and what an
answer recommends versus what it rules out."""

from __future__ import annotations

import pytest

from evals.answer_layout import alternative_items, layout, paragraphs
from evals.answer_reading import CITATION, Reading
from evals.matching import Terms, contains
from evals.wardrobe_words import colour_families, garment_hits, kinds_in
from storage.citations import cited_all


@pytest.mark.parametrize(
    ("text", "term", "found"),
    [
        ("비가 와요", "비", True),
        ("비 오는 날", "비", True),
        ("비에도 괜찮아요", "비", True),
        ("내일 비.", "비", True),
        ("비율이 좋아 보여요", "비", False),  # one syllable inside another word
        ("준비물을 챙겨요", "비", False),
        ("비즈니스 캐주얼", "비", False),
        ("가을비", "비", False),
        ("젖어도 괜찮아요", "젖*", True),  # a stem with any ending
        ("빗길에 미끄러워요", "빗*", True),
        ("하객룩으로 좋아요", "하객", True),  # two syllables: compounds attach
        ("팀회의가 있어요", "회의", True),
        ("BMI가 정상", "BMI", True),  # Hangul next to Latin is a boundary
        ("suede 로퍼", "suede", True),
        ("Chelsea boots", "boot", True),  # plural ending
        ("bootcut jeans", "boot", False),
        ("It's raining", "rain", False),  # whole words ...
        ("It's raining", "rain*", True),  # ... unless a prefix is asked for
        ("a dinner-party look", "dinner party", True),  # a space also matches a hyphen
        ("Logo-free", "logo", True),
    ],
)
def test_terms_match_as_words(text: str, term: str, found: bool) -> None:
    assert contains(text, term) is found


def test_terms_find_the_longest_term_first_and_report_it() -> None:
    terms = Terms(["셔츠", "티셔츠", "boots", "chelsea boots"])
    assert [h.term for h in terms.finditer("화이트 티셔츠와 chelsea boots")] == [
        "티셔츠",
        "chelsea boots",
    ]
    assert terms.found("셔츠 위에 셔츠") == ["셔츠"]
    assert not Terms([]) and Terms([]).search("anything") is None


def test_the_citation_syntax_is_the_production_one() -> None:
    text = "[1] [ 2 ] \uff3b3\uff3d [4,5] [6\uff0c 7] [\uff18]"
    spans = [n for m in CITATION.finditer(text) for n in m.group(1).replace(",", " ").split()]
    assert [int(n.replace("\uff0c", "")) for n in spans if n.strip("\uff0c")] == cited_all(text)


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("[5] brown suede loafers", {"loafers"}),
        ("화이트 티셔츠와 슬랙스", {"tshirt", "trousers"}),
        ("black fine-knit turtleneck", {"knit", "turtleneck"}),
        ("the dress code is smart", set()),  # not a garment
        ("드레스코드에 맞춰", set()),
        ("베스트 조합이에요", set()),  # "best", not a vest
        ("타이트한 핏", set()),  # "tight", not a tie
        ("[8]까지 레이어링", set()),  # "layering", not earrings
        ("연청 데님 팬츠", {"jeans"}),
        ("블랙 러버 첼시부츠", {"boots"}),
        ("white dress shirt", {"shirt"}),
    ],
)
def test_garment_words(text: str, kinds: set[str]) -> None:
    assert kinds_in(text) == kinds


def test_generic_words_name_a_category_only() -> None:
    [hit] = garment_hits("신발은 편한 걸로")
    assert hit.generic and hit.category == "shoes"


@pytest.mark.parametrize(
    ("text", "families"),
    [
        ("charcoal trousers", {"grey", "black"}),
        ("아이보리 블라우스", {"white", "beige"}),
        ("연청 데님", {"blue"}),
        ("tanned skin", set()),  # "tan" only as a word
        ("navy and white", {"navy", "white"}),
    ],
)
def test_colour_families(text: str, families: set[str]) -> None:
    assert colour_families(text) == families


@pytest.mark.parametrize(
    ("text", "statuses"),
    [
        ("[5] 대신 [7] 첼시부츠를 신으세요.", {5: "ruled_out", 7: "used"}),
        ("[5]를 [7]로 바꾸세요.", {5: "ruled_out", 7: "used"}),
        ("[5] → [7] 첼시부츠", {5: "ruled_out", 7: "used"}),
        ("Swap [5] for [6] boots.", {5: "ruled_out", 6: "used"}),
        ("Swap [5] for [6]: canvas soaks through.", {5: "ruled_out", 6: "used"}),
        ("Instead of [5], wear [7].", {5: "ruled_out", 7: "used"}),
        ("Skip the brown suede loafers [8]; wear [7].", {8: "ruled_out", 7: "used"}),
        ("Choose [7] over [8] for the service.", {7: "used", 8: "ruled_out"}),
        ("Add [4] over the shirt.", {4: "used"}),  # layering is not ruling out
        ("Leave [8] at home.", {8: "ruled_out"}),
        ("[6] 화이트 원피스는 신부 색과 겹쳐서 피하세요.", {6: "ruled_out"}),
        ("[8] 버건디 니트와 [7] 스니커즈는 빼 두세요.", {8: "ruled_out", 7: "ruled_out"}),
        ("Skip [7] and [8].", {7: "ruled_out", 8: "ruled_out"}),
        ("Skip [7] and wear [8].", {7: "ruled_out", 8: "used"}),
        ("[3] 슬랙스는 구김이 잘 가지 않아 편해요.", {3: "used"}),  # 않 about creases
        ("[7]은 젖어도 괜찮아요.", {7: "used"}),
        ("[4] 스커트를 입고 [5] 부츠는 빼세요.", {4: "used", 5: "ruled_out"}),
        ("The lace dress [8] is lovely, but white belongs to the bride.", {8: "ruled_out"}),
        ("[6] 원피스는 예쁘지만, 신부와 겹쳐서 피하는 게 좋아요.", {6: "ruled_out"}),
        ("[2] is great, but add [3] too.", {2: "used", 3: "used"}),
        ("앞서 추천한 [5] 로퍼는 비에 약하니 [7]로 바꾸세요.", {5: "reference", 7: "used"}),
        ("[2]뿐 아니라 [3]도 좋아요", {2: "used", 3: "used"}),
        ("[4] 니트가 [2]보다 따뜻해요.", {4: "used", 2: "ruled_out"}),
        (
            "[7] 플리스나 [8] 베스트는 두고 가셔도 돼요.",
            {7: "ruled_out", 8: "ruled_out"},
        ),  # 나 = or
        ("두꺼운 코트 대신 [3] 가디건을 입고 [5] 부츠는 두고 가세요.", {3: "used", 5: "ruled_out"}),
        # An aside about another garment says nothing about this one.
        ("- Shoes: [5] nude block heels (stilettos sink into the lawn)", {5: "used"}),
        ("- [5] heels (too casual)", {5: "ruled_out"}),
        ("신발은 [5] 로퍼로 마무리해요.", {5: "used"}),  # 마무리 (finish) is not 무리 (too much)
        ("[5] 힐은 오래 걷기엔 무리예요.", {5: "ruled_out"}),
    ],
)
def test_what_is_recommended_and_what_is_ruled_out(text: str, statuses: dict[int, str]) -> None:
    assert {m.number: m.status for m in Reading(text).mentions} == statuses


def test_options_and_sections() -> None:
    answer = (
        "**Outfit**\n- [2] shirt\n- [3] trousers\nIf it gets chilly, add [4] on top.\n\n"
        "**Why it works**\n- [3] lengthens the leg.\n\n"
        "**Alternatives**\n1. [5] instead of [3]\n   - why: softer\n2. [6] for rain\n\n"
        "Have fun!"
    )
    reading = Reading(answer)
    assert [(m.number, m.section, m.status) for m in reading.mentions] == [
        (2, "main", "used"),
        (3, "main", "used"),
        (4, "alternatives", "used"),  # an option, not the outfit
        (3, "why", "used"),
        (5, "alternatives", "used"),
        (3, "alternatives", "ruled_out"),
        (6, "alternatives", "used"),
    ]
    assert reading.numbers() == {2, 3}  # the outfit: main and why, used only
    assert [line.text for line in alternative_items(layout(answer))] == [
        "1. [5] instead of [3]",
        "2. [6] for rain",
    ]
    reading_ko = Reading("- 신발: [5] 로퍼\n날이 쌀쌀하면 [6] 부츠도 좋아요.")
    assert {m.number: m.section for m in reading_ko.mentions} == {5: "main", 6: "alternatives"}


def test_words_share_the_fate_of_the_item_they_describe() -> None:
    reading = Reading("치마 X 메모에 맞춰 [3] 슬랙스로 골랐어요. The pleated skirt [4] is out.")
    assert [(m.hit.kind, m.status) for m in reading.garments()] == [  # type: ignore[union-attr]
        ("skirt", "ruled_out"),
        ("trousers", "used"),
        ("skirt", "ruled_out"),
    ]


def test_paragraphs_are_list_items_and_prose_blocks() -> None:
    text = "Intro line\ncontinues here.\n\n**Head**\n- one\n  more of one\n- two\n\nOutro"
    assert paragraphs(text) == ["Intro line continues here.", "- one more of one", "- two", "Outro"]


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # The words after "swap [5] for" are what replaces it.
        ("Swap [5] for ➕ black block-heel pumps with [3].", "used"),
        ("[5] 대신 블랙 힐을 신어요.", "used"),
        ("[5] 대신 [7] 힐을 신어요.", "used"),  # 힐 describes [7], the nearest number
        # A word describing a ruled-out number shares its fate.
        ("Skip [5] heels tonight.", "ruled_out"),
        ("I'd keep [5] for another occasion: heels sink into grass.", "ruled_out"),
        # A number ruled out in an earlier sentence says nothing about this one.
        ("Skip [5]. Wear heels with [3].", "used"),
    ],
)
def test_a_garment_word_takes_the_status_of_the_number_it_describes(text: str, status: str) -> None:
    heels = [m for m in Reading(text).garments() if m.hit.kind == "heels"]
    assert [m.status for m in heels] == [status]
