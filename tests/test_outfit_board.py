"""Outfit board: layout geometry, pixels where they belong, badges, labels, citations."""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable, Iterable
from io import BytesIO

import pytest
from PIL import Image, ImageDraw

from bot.wardrobe import outfit_board
from bot.wardrobe.outfit_board import (
    BoardItem,
    Box,
    cited_items_in_order,
    compose_board,
    compose_board_async,
    layout,
)

SIZE = 540
BODY_COLOUR = (245, 150, 60)
# Bright and saturated (max channel >= 200), so none can pass for a dark badge or grey text.
COLOURS = [
    (220, 40, 40),
    (40, 170, 60),
    (50, 90, 230),
    (240, 200, 30),
    (200, 60, 200),
    (30, 200, 200),
]
LABELS = [
    "상의 · 화이트 셔츠",
    "하의 · 네이비 슬랙스",
    "신발 · 로퍼",
    "아우터 · 트렌치코트",
    "가방",
    "모자",
]


def thumb(
    colour: tuple[int, int, int], size: tuple[int, int] = (288, 384), gradient: bool = False
) -> bytes:
    img = Image.new("RGB", size, colour)
    if gradient:  # a gentle vertical gradient: more like a photo, still the same hue everywhere
        draw = ImageDraw.Draw(img)
        for y in range(size[1]):
            shade = tuple(max(0, c - y * 30 // size[1]) for c in colour)
            draw.line([(0, y), (size[0], y)], fill=shade)
    out = BytesIO()
    img.save(out, "JPEG", quality=90)
    return out.getvalue()


def items(n: int, labels: bool = True) -> list[BoardItem]:
    shapes = [(288, 384), (384, 384)]
    return [
        BoardItem(i + 2, thumb(COLOURS[i], shapes[i % 2]), LABELS[i] if labels else "")
        for i in range(n)
    ]


BODY = BoardItem(1, thumb(BODY_COLOUR, (384, 512)), "")


def decode(data: bytes, size: int = SIZE) -> Image.Image:
    img = Image.open(BytesIO(data))
    assert img.format == "JPEG"
    assert img.size == (size, size)
    assert img.mode == "RGB"
    return img


def close(pixel: object, colour: tuple[int, int, int], tolerance: int = 40) -> bool:
    assert isinstance(pixel, tuple)
    return all(abs(a - b) <= tolerance for a, b in zip(pixel, colour, strict=True))


def centre(box: Box) -> tuple[int, int]:
    return (box[0] + box[2]) // 2, (box[1] + box[3]) // 2


Rgb = tuple[int, int, int]


def count(img: Image.Image, box: Box, test: Callable[[Rgb], bool]) -> int:
    raw = img.crop(box).tobytes()  # RGB triples; getdata() is deprecated in Pillow 13
    return sum(1 for px in zip(raw[0::3], raw[1::3], raw[2::3], strict=True) if test(px))


def is_dark(px: Rgb) -> bool:
    return max(px) < 70


def is_ink(px: Rgb) -> bool:  # grey text, not any of the saturated colours
    return max(px) < 160 and max(px) - min(px) < 40


@pytest.mark.parametrize("n", range(1, 7))
def test_body_left_and_each_item_in_its_cell_with_a_badge(n: int) -> None:
    img = decode(compose_board(items(n), full_body=BODY, size=SIZE))
    body_box, *cells = layout(n, True, SIZE)
    assert body_box[2] <= SIZE * 0.42
    assert close(img.getpixel(centre(body_box)), BODY_COLOUR)
    assert len(cells) == n
    for cell, colour in zip(cells, COLOURS, strict=False):
        assert cell[0] >= SIZE * 0.38
        assert close(img.getpixel(centre(cell)), colour), (n, cell, colour)
        corner = (
            cell[0],
            cell[1],
            cell[0] + (cell[2] - cell[0]) // 4,
            cell[1] + (cell[3] - cell[1]) // 4,
        )
        assert count(img, corner, is_dark) > 40, f"no badge in {cell}"
    # No badge on the full-body photo.
    assert count(img, (body_box[0], body_box[1], body_box[0] + 60, body_box[1] + 60), is_dark) == 0


@pytest.mark.parametrize("n", range(1, 7))
def test_items_alone_use_the_whole_canvas(n: int) -> None:
    img = decode(compose_board(items(n, labels=False), size=SIZE))
    cells = layout(n, False, SIZE)
    assert min(c[0] for c in cells) < SIZE * 0.1
    for cell, colour in zip(cells, COLOURS, strict=False):
        assert close(img.getpixel(centre(cell)), colour)


def test_body_alone_fills_the_canvas() -> None:
    img = decode(compose_board([], full_body=BODY, size=SIZE))
    [box] = layout(0, True, SIZE)
    assert box[2] - box[0] > SIZE * 0.9
    assert close(img.getpixel((SIZE // 2, SIZE // 2)), BODY_COLOUR)


@pytest.mark.parametrize(
    ("size", "has_body"), list(itertools.product([200, 540, 1080, 1081], [True, False]))
)
def test_layout_boxes_are_disjoint_and_inside(size: int, has_body: bool) -> None:
    for n in range(1, 7):
        boxes = layout(n, has_body, size)
        assert len(boxes) == n + has_body
        for left, top, right, bottom in boxes:
            assert 0 <= left < right <= size and 0 <= top < bottom <= size
            assert right - left >= size * 0.15 and bottom - top >= size * 0.15
        for a, b in itertools.combinations(boxes, 2):
            assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1], (n, a, b)


def test_grid_shapes() -> None:
    def shape(n: int, has_body: bool) -> tuple[int, int]:  # (rows, cols) as seen in the boxes
        cells = layout(n, has_body, 1080)[int(has_body) :]
        return len({c[1] for c in cells}), max(
            sum(c[1] == y for c in cells) for y in {c[1] for c in cells}
        )

    assert shape(1, True) == (1, 1)
    assert shape(2, True) == (2, 1)  # stacked in the tall right column
    assert shape(2, False) == (1, 2)  # side by side on the square canvas: bigger portrait photos
    assert shape(3, True) == shape(4, True) == shape(4, False) == (2, 2)
    assert shape(5, True) == shape(6, True) == (3, 2)
    assert shape(6, False) == (2, 3)
    # A short last row is centred.
    last = layout(3, True, 1080)[3]
    assert abs(centre(last)[0] - (layout(1, True, 1080)[1][0] + 1048) // 2) <= 2


def test_jpeg_output_is_small_clean_and_deterministic() -> None:
    inputs = [
        BoardItem(i + 2, thumb(c, (384, 384), gradient=True), LABELS[i])
        for i, c in enumerate(COLOURS)
    ]
    body = BoardItem(1, thumb(BODY_COLOUR, (384, 512), gradient=True), "")
    data = compose_board(inputs, full_body=body)
    img = decode(data, 1080)
    assert len(data) < 200_000
    assert "exif" not in img.info and "icc_profile" not in img.info
    assert compose_board(inputs, full_body=body) == data


def test_more_than_six_items_keeps_the_first_six() -> None:
    many = [*items(6), BoardItem(9, thumb((0, 0, 0)), "")]
    img = decode(compose_board(many, full_body=BODY, size=SIZE))
    for cell, colour in zip(layout(6, True, SIZE)[1:], COLOURS, strict=True):
        assert close(img.getpixel(centre(cell)), colour)


def test_corrupt_items_are_skipped_and_logged_without_bytes(
    caplog: pytest.LogCaptureFixture,
) -> None:
    good = items(2)
    truncated = thumb((10, 10, 10))[:300]
    batch = [
        good[0],
        BoardItem(5, b"SECRET not a jpeg", "x"),
        BoardItem(6, truncated, "y"),
        good[1],
    ]
    with caplog.at_level(logging.WARNING, logger="bot.wardrobe.outfit_board"):
        img = decode(compose_board(batch, full_body=BODY, size=SIZE))
    for cell, colour in zip(layout(2, True, SIZE)[1:], COLOURS, strict=False):
        assert close(img.getpixel(centre(cell)), colour)
    assert "[5]" in caplog.text and "[6]" in caplog.text
    assert "SECRET" not in caplog.text


def test_nothing_to_draw_raises() -> None:
    with pytest.raises(ValueError):
        compose_board([])
    with pytest.raises(ValueError):
        compose_board([BoardItem(2, b"junk", "")], full_body=BoardItem(1, b"junk", ""))
    with pytest.raises(ValueError):
        compose_board(items(1), size=50)


def label_band(cell: Box) -> Box:
    return cell[0], cell[3] - (cell[3] - cell[1]) // 5, cell[2], cell[3]


@pytest.mark.skipif(not outfit_board._fonts().covers("가"), reason="no Hangul font on this machine")
def test_korean_labels_are_drawn_with_a_hangul_font() -> None:
    img = decode(compose_board(items(4), full_body=BODY, size=SIZE))
    for cell in layout(4, True, SIZE)[1:]:
        assert count(img, label_band(cell), is_ink) > 20


def test_without_hangul_font_korean_labels_are_omitted_once(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(outfit_board, "_fonts", lambda: outfit_board._Fonts(None, "test default"))
    monkeypatch.setattr(outfit_board, "_warned", set())
    batch = [*items(2), BoardItem(9, thumb(COLOURS[2]), "top · white shirt")]
    with caplog.at_level(logging.WARNING, logger="bot.wardrobe.outfit_board"):
        img = decode(compose_board(batch, full_body=BODY, size=SIZE))
        compose_board(batch, size=SIZE)
    korean_a, korean_b, latin = layout(3, True, SIZE)[1:]
    assert count(img, label_band(korean_a), is_ink) == 0  # no tofu boxes
    assert count(img, label_band(korean_b), is_ink) == 0
    assert count(img, label_band(latin), is_ink) > 20  # Latin still renders with Pillow's font
    assert sum("cannot draw" in r.getMessage() for r in caplog.records) == 1
    for cell in (korean_a, korean_b, latin):  # badges regardless
        assert count(img, (cell[0], cell[1], cell[0] + 40, cell[1] + 40), is_dark) > 40


def test_long_label_is_ellipsised() -> None:
    fonts = outfit_board._fonts()
    font = fonts.get(20)
    text = outfit_board._fit_label(
        "top · white oxford shirt with a very long name", font, 120, "..."
    )
    assert text.endswith("...") and font.getlength(text) <= 120
    assert outfit_board._fit_label("tee", font, 120, "...") == "tee"


async def test_async_variant_matches_sync() -> None:
    data = await compose_board_async(items(3), full_body=BODY, size=SIZE)
    assert data == compose_board(items(3), full_body=BODY, size=SIZE)


@pytest.mark.parametrize(
    ("answer", "available", "expected"),
    [
        (
            "[2] 화이트 셔츠 + [3] 네이비 슬랙스 + [4] 로퍼. 셔츠 [2]는 넣어 입고 [7]은 빼세요.",
            {1, 2, 3, 4},
            [2, 3, 4],
        ),
        ("오늘은 [2, 4] 조합에 [ 3 ]을 더하고, [4]는 그대로.", range(1, 10), [2, 4, 3]),
        ("［5］ 니트 + ［２］ 셔츠 + [3、 6]", {2, 3, 5, 6}, [5, 2, 3, 6]),
        ("[1][2][3][4][5][6][7][8]", range(1, 9), [1, 2, 3, 4, 5, 6]),
        ("사진 (2) 와 2번, [a], [] 는 인용이 아님", {2}, []),
        ("[9] 만 있음", {2, 3}, []),
    ],
)
def test_cited_items_in_order(answer: str, available: Iterable[int], expected: list[int]) -> None:
    assert cited_items_in_order(answer, available) == expected


def test_cited_items_limit() -> None:
    assert cited_items_in_order("[3] [1] [2] [1]", [1, 2, 3], limit=2) == [3, 1]
    assert cited_items_in_order("[3]", [3], limit=0) == []


def test_missing_symbols_are_dropped_but_missing_letters_drop_the_label() -> None:
    latin_only = outfit_board._Fonts(None, "test default")
    assert outfit_board._drawable_label("👕  top · white", latin_only) == "top · white"
    assert outfit_board._drawable_label("", latin_only) == ""
    outfit_board._warned.add("test default")  # the once-only warning is tested above
    try:
        assert outfit_board._drawable_label("상의 · 셔츠", latin_only) == ""
    finally:
        outfit_board._warned.discard("test default")
