"""Outfit board: the recommended outfit's thumbnails composed into one square JPEG.

Pure Pillow, no Telegram: the handler passes stored thumbnails in and sends the bytes back.
Labels need a font with Hangul. In order: Noto Sans KR from the optional `pylopdf-fonts-ko`
wheel (OFL-1.1), a system CJK font, then Pillow's built-in Latin font. Labels the chosen font
cannot draw are left out (warned once) rather than drawn as tofu boxes; badges always draw.
"""

from __future__ import annotations

import asyncio
import logging
import shutil
import subprocess
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from glob import glob
from importlib import resources
from io import BytesIO
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont, ImageOps

from storage.citations import cited_in_order

log = logging.getLogger(__name__)

Box = tuple[int, int, int, int]  # left, top, right, bottom (right/bottom exclusive)
Font = ImageFont.FreeTypeFont | ImageFont.ImageFont
Rgb = tuple[int, int, int]

MAX_ITEMS = 6
FONT_PACKAGE, FONT_FILE = "pylopdf_fonts_ko", "NotoSansKR-Regular.otf"
# Tried in order after the package; each must really have Hangul (checked, not assumed).
_SYSTEM_FONT_GLOBS = (
    "/usr/share/fonts/**/NanumGothic.ttf",
    "/usr/share/fonts/**/NotoSansKR*.[ot]tf",
    "/usr/share/fonts/**/NotoSansCJK*-Regular.tt[cf]",
    "/usr/share/fonts/**/*CJK*.tt[cf]",
    "/System/Library/Fonts/AppleSDGothicNeo.ttc",
    "/System/Library/Fonts/Supplemental/AppleGothic.ttf",
    "C:/Windows/Fonts/malgun.ttf",
)

_BACKGROUND: Rgb = (250, 250, 250)
_CARD, _BADGE, _INK = (238, 238, 241), (34, 34, 38), (51, 51, 56)
_FORMATS = ("JPEG", "PNG", "WEBP")  # what storage writes; keeps other parsers off the bytes
_NOTDEF_PROBE = "\u0378"  # unassigned code point: every font draws it as its .notdef glyph
_warned: set[str] = set()


@dataclass(frozen=True)
class BoardItem:
    number: int  # the photo number the answer cites
    jpeg: bytes  # stored thumbnail
    label: str = ""  # short caption, e.g. "상의 · 화이트 셔츠"; may be empty


def cited_items_in_order(answer: str, available: Iterable[int], *, limit: int = 6) -> list[int]:
    """Numbers cited as [n], [ n ], ［n］ or [2, 4] in first-appearance order, deduplicated."""
    allowed = set(available)
    return [number for number in cited_in_order(answer) if number in allowed][:limit]


class _Fonts:
    """One font source at several pixel sizes, plus a per-character coverage check."""

    def __init__(self, source: str | bytes | None, name: str) -> None:
        self.source, self.name = source, name
        self._sizes: dict[int, Font] = {}
        self._glyphs: dict[str, bool] = {}

    def get(self, size: int) -> Font:
        if size not in self._sizes:
            src = self.source
            if src is None:
                self._sizes[size] = ImageFont.load_default(size=size)
            else:
                self._sizes[size] = ImageFont.truetype(
                    BytesIO(src) if isinstance(src, bytes) else src, size
                )
        return self._sizes[size]

    def _signature(self, char: str) -> bytes:
        probe = Image.new("L", (48, 48))
        ImageDraw.Draw(probe).text((4, 4), char, font=self.get(28), fill=255)
        return probe.tobytes()

    def covers(self, text: str) -> bool:
        for char in set(text) - {" "}:
            if char not in self._glyphs:
                self._glyphs[char] = self._signature(char) != self._signature(_NOTDEF_PROBE)
            if not self._glyphs[char]:
                return False
        return True


def _font_candidates() -> Iterator[str | bytes]:
    try:  # a wheel on sys.path is a real file; read the bytes if it ever comes from a zip
        ref = resources.files(FONT_PACKAGE).joinpath(FONT_FILE)
        yield str(ref) if isinstance(ref, Path) else ref.read_bytes()
    except (ImportError, OSError):
        pass
    for pattern in _SYSTEM_FONT_GLOBS:
        yield from sorted(glob(pattern, recursive=True))
    if fc_list := shutil.which("fc-list"):
        try:
            out = subprocess.run(
                [fc_list, ":lang=ko", "file"], capture_output=True, text=True, timeout=5
            )
            yield from sorted(
                line.rstrip(": ").strip() for line in out.stdout.splitlines() if line.strip()
            )
        except (OSError, subprocess.SubprocessError):
            pass


@cache
def _fonts() -> _Fonts:
    for source in _font_candidates():
        fonts = _Fonts(source, source if isinstance(source, str) else FONT_FILE)
        try:
            if fonts.covers("가"):
                return fonts
        except OSError:  # unreadable or not a font
            continue
    log.warning("No Hangul font found (pip install pylopdf-fonts-ko); using Pillow's default font")
    return _Fonts(None, "Pillow default")


def _grid(n: int, width: int, height: int) -> tuple[int, int]:
    """(rows, cols) from the allowed shapes, maximising the area a 3:4 portrait photo gets."""
    shapes = {1: [(1, 1)], 2: [(2, 1), (1, 2)], 3: [(2, 2)], 4: [(2, 2)]}.get(n, [(3, 2), (2, 3)])

    def photo_area(shape: tuple[int, int]) -> float:
        cell_w, cell_h = width / shape[1], height / shape[0] * 0.85  # minus the label strip
        scale = min(cell_w / 3, cell_h / 4)
        return scale * scale

    return max(shapes, key=photo_area)


def layout(n_items: int, has_body: bool, size: int) -> list[Box]:
    """Boxes on a size x size canvas: the full-body column first (if any), then one cell per item."""
    margin, gap = round(size * 0.03), round(size * 0.02)
    boxes: list[Box] = []
    left = margin
    if has_body and n_items <= 0:
        return [(margin, margin, size - margin, size - margin)]
    if has_body:
        split = round(size * 0.4)
        boxes.append((margin, margin, split - gap // 2, size - margin))
        left = split + gap - gap // 2
    if n_items <= 0:
        return boxes
    width, height = size - margin - left, size - 2 * margin
    rows, cols = _grid(n_items, width, height)
    cell_w, cell_h = (width - gap * (cols - 1)) // cols, (height - gap * (rows - 1)) // rows
    for index in range(n_items):
        row, col = divmod(index, cols)
        in_row = min(cols, n_items - row * cols)  # a short last row is centred
        x = left + (width - in_row * cell_w - (in_row - 1) * gap) // 2 + col * (cell_w + gap)
        y = margin + row * (cell_h + gap)
        boxes.append((x, y, x + cell_w, y + cell_h))
    return boxes


def _decode(item: BoardItem) -> Image.Image | None:
    try:
        with Image.open(BytesIO(item.jpeg), formats=_FORMATS) as img:
            img.load()
            rgba = img.convert("RGBA")
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError) as exc:
        # Only the exception's type: some Pillow messages quote bytes from the file.
        size, kind = len(item.jpeg), type(exc).__name__
        log.warning(
            "Outfit board: skipped unreadable photo [%d] (%d B, %s)", item.number, size, kind
        )
        return None
    flat = Image.new("RGB", rgba.size, _BACKGROUND)
    flat.paste(rgba, mask=rgba.getchannel("A"))
    return flat


def _fit_label(text: str, font: Font, max_width: float, ellipsis: str) -> str:
    text = text[:80]
    if font.getlength(text) <= max_width:
        return text
    while text and font.getlength(text.rstrip() + ellipsis) > max_width:
        text = text[:-1]
    return text.rstrip() + ellipsis if text else ""


def _drawable_label(label: str, fonts: _Fonts) -> str:
    """Symbols the font lacks (emoji) are dropped; a missing letter drops the whole label."""
    kept = (c for c in label if unicodedata.category(c)[0] in "LNZ" or fonts.covers(c))
    label = " ".join("".join(kept).split())
    if not label or fonts.covers(label):
        return label
    if fonts.name not in _warned:
        _warned.add(fonts.name)
        log.warning(
            "Outfit board: font %s cannot draw some labels; drawing badges only", fonts.name
        )
    return ""


def _paste_fitted(canvas: Image.Image, img: Image.Image, box: Box) -> None:
    width, height = box[2] - box[0], box[3] - box[1]
    if width <= 0 or height <= 0:
        return
    fitted = ImageOps.contain(img, (width, height), Image.Resampling.LANCZOS)
    canvas.paste(
        fitted, (box[0] + (width - fitted.width) // 2, box[1] + (height - fitted.height) // 2)
    )


def _draw_centered(
    draw: ImageDraw.ImageDraw, text: str, x: float, y: float, font: Font, ink: Rgb
) -> None:
    left, top, right, bottom = draw.textbbox((0, 0), text, font=font)
    draw.text((x - (left + right) / 2, y - (top + bottom) / 2), text, font=font, fill=ink)


def _draw_badge(draw: ImageDraw.ImageDraw, number: int, box: Box, size: int, fonts: _Fonts) -> None:
    """The photo's number in a dark circle over the cell's top-left corner, like [n] in the text."""
    diameter = max(18, round(min(size * 0.05, (box[2] - box[0]) * 0.22)))
    x0, y0, width = box[0] + size // 140, box[1] + size // 140, max(1, size // 400)
    draw.ellipse((x0, y0, x0 + diameter, y0 + diameter), _BADGE, (255, 255, 255), width)
    digits = str(number)
    font = fonts.get(max(8, round(diameter * (0.55 if len(digits) < 2 else 0.45))))
    _draw_centered(draw, digits, x0 + diameter / 2, y0 + diameter / 2, font, (255, 255, 255))


def compose_board(
    items: Sequence[BoardItem],
    *,
    full_body: BoardItem | None = None,
    size: int = 1080,
    quality: int = 85,
) -> bytes:
    """Compose the board as RGB JPEG bytes without metadata. Unreadable thumbnails are skipped."""
    if not items and full_body is None:
        raise ValueError("compose_board needs at least one item or a full-body photo")
    if size < 200 or not 1 <= quality <= 95:
        raise ValueError(f"size must be >= 200 and quality 1..95, got {size}, {quality}")
    body = _decode(full_body) if full_body is not None else None
    decoded = [(item, img) for item in items[:MAX_ITEMS] if (img := _decode(item)) is not None]
    if body is None and not decoded:
        raise ValueError("compose_board: none of the photos could be decoded")

    fonts = _fonts()
    label_px, radius, pad = max(12, round(size * 0.026)), round(size * 0.018), round(size * 0.014)
    label_font, ellipsis = fonts.get(label_px), "…" if fonts.covers("…") else "..."
    labels = [_drawable_label(item.label, fonts) for item, _ in decoded]
    strip = round(label_px * 1.6) if any(labels) else 0

    canvas = Image.new("RGB", (size, size), _BACKGROUND)
    draw = ImageDraw.Draw(canvas)
    boxes = layout(len(decoded), body is not None, size)
    if body is not None:
        box = boxes.pop(0)
        draw.rounded_rectangle((box[0], box[1], box[2] - 1, box[3] - 1), radius, fill=_CARD)
        _paste_fitted(canvas, body, (box[0] + pad, box[1] + pad, box[2] - pad, box[3] - pad))

    for (item, img), label, box in zip(decoded, labels, boxes, strict=True):
        draw.rounded_rectangle((box[0], box[1], box[2] - 1, box[3] - 1), radius, fill=_CARD)
        _paste_fitted(canvas, img, (box[0] + pad, box[1] + pad, box[2] - pad, box[3] - pad - strip))
        if label:
            text = _fit_label(label, label_font, box[2] - box[0] - 2 * pad, ellipsis)
            x, y = (box[0] + box[2]) / 2, box[3] - pad - strip / 2
            _draw_centered(draw, text, x, y, label_font, _INK)
        _draw_badge(draw, item.number, box, size, fonts)

    out = BytesIO()
    canvas.save(out, "JPEG", quality=quality, optimize=True)
    return out.getvalue()


async def compose_board_async(
    items: Sequence[BoardItem],
    *,
    full_body: BoardItem | None = None,
    size: int = 1080,
    quality: int = 85,
) -> bytes:
    """compose_board in a worker thread, so the event loop keeps serving other chats."""
    return await asyncio.to_thread(
        compose_board, tuple(items), full_body=full_body, size=size, quality=quality
    )
