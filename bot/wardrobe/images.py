"""Image pipeline: untrusted upload bytes -> small, metadata-free JPEG thumbnail.

No Telegram imports on purpose: the handlers pass bytes in, tests drive these functions directly.
"""

from __future__ import annotations

import asyncio
import math
import threading
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from io import BytesIO
from typing import Literal, Protocol, TypeVar

from PIL import ExifTags, Image

try:  # Optional extra: without it HEIC uploads (iPhone "send as file") are rejected as not_image.
    from pillow_heif import register_heif_opener
except ImportError:
    pass
else:
    register_heif_opener()

RejectReason = Literal["not_image", "too_many_pixels", "too_small", "too_large_file"]

# Telegram's Bot API refuses to hand out files above 20 MB, so nothing legitimate is bigger.
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
DEFAULT_MAX_PIXELS = 50_000_000
DEFAULT_MIN_SIDE = 64
DEFAULT_QUALITY = 80

# JPEG: libjpeg decodes at the smallest 1/2, 1/4 or 1/8 scale that is still >= the final size
# (a 1280 or 2560 px photo at 640 px for a 512 px thumbnail), LANCZOS does the last < 2x step.
# With a gap of 2 (Pillow's and libvips' default) a 1280 px photo got no DCT scaling at all and
# LANCZOS ran from full size: bench/images.py measures the whole thumbnail about 2x faster with
# a gap of 1. The price: stripes finer than ~2 px of the reduced decode, too fine for the
# thumbnail to show either way, can fold back into coarser false stripes instead of a flat tint
# (the bench's chirp chart); real photos carry little energy that fine.
_DRAFT_GAP = 1.0
# Other formats (no DCT scaling): Image.reduce() box-averages by an integer factor first and
# leaves LANCZOS a >= 2x step, Pillow's default, which its docs call "very close to fair
# resampling".
_REDUCING_GAP = 2.0

# Only formats people actually send. Keeps Pillow's long tail of parsers (EPS shells out to
# Ghostscript, PSD, TIFF, ...) away from untrusted bytes. HEIF/AVIF count only when registered.
_ALLOWED_FORMATS = ("JPEG", "PNG", "WEBP", "GIF", "BMP", "HEIF", "AVIF")

# warnings.catch_warnings() swaps process-global state, so our uses are serialised. It only
# wraps header and EXIF parsing (sub-millisecond), never pixel decoding, so threads still overlap.
_WARNINGS_LOCK = threading.Lock()

# Same table as ImageOps.exif_transpose, which we don't call: after transposing it rewrites the
# EXIF block, and that raises (struct.error, TypeError) on mistyped tags some editors write.
# We throw all metadata away anyway, so reading the tag and transposing is all we need.
_ORIENTATION_TRANSPOSE = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}

# Errors Pillow raises for corrupt, truncated or unsupported data (UnidentifiedImageError is an
# OSError; a truncated JPEG fails in load() with OSError because LOAD_TRUNCATED_IMAGES stays off).
_DECODE_ERRORS = (OSError, SyntaxError, ValueError, EOFError)


@dataclass(frozen=True)
class Thumbnail:
    jpeg: bytes
    width: int
    height: int


class ImageRejected(Exception):
    """The upload is not usable; `reason` is machine-readable, the bot localises the message."""

    def __init__(self, reason: RejectReason, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason: RejectReason = reason


class SizeLike(Protocol):
    # Read-only properties so frozen objects (telegram.PhotoSize, frozen dataclasses) match.
    @property
    def width(self) -> int: ...
    @property
    def height(self) -> int: ...
    @property
    def file_size(self) -> int | None: ...


T = TypeVar("T", bound=SizeLike)


def pick_photo_size(sizes: Sequence[T], target_long_side: int) -> T:
    """Smallest size whose long side is >= target_long_side, else the largest one available."""
    if not sizes:
        raise ValueError("no photo sizes to choose from")

    def key(s: T) -> tuple[int, int, int]:
        return max(s.width, s.height), s.width * s.height, s.file_size or 0

    big_enough = [s for s in sizes if max(s.width, s.height) >= target_long_side]
    return min(big_enough, key=key) if big_enough else max(sizes, key=key)


def jpeg_draft_size(size: tuple[int, int], long_side: int) -> tuple[int, int]:
    """Size to request from JPEG draft(): libjpeg picks the 1/2/4/8 scale that stays >= this."""
    w, h = size
    scale = min(1.0, long_side * _DRAFT_GAP / max(w, h))
    return max(1, math.ceil(w * scale)), max(1, math.ceil(h * scale))


def make_thumbnail(
    data: bytes,
    *,
    long_side: int,
    quality: int = DEFAULT_QUALITY,
    max_pixels: int = DEFAULT_MAX_PIXELS,
    min_side: int = DEFAULT_MIN_SIDE,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Thumbnail:
    """Decode untrusted bytes into an upright RGB JPEG whose long side is <= long_side.

    CPU-bound and synchronous; from async code use make_thumbnail_async.
    Raises ImageRejected for anything that is not a usable picture.
    """
    if long_side < 1:
        raise ValueError("long_side must be positive")
    if len(data) > max_bytes:
        raise ImageRejected("too_large_file", f"{len(data)} bytes")
    try:
        with _open_checked(data, max_pixels=max_pixels, min_side=min_side) as img:
            # Encode inside the with: the result may share its pixels with `img`, which close()
            # destroys.
            out = _render(img, long_side)
            # Fresh info dict: JPEG save would otherwise carry over e.g. a COM comment. EXIF
            # (GPS!), ICC and XMP are only written when passed explicitly, and we pass none.
            out.info = {}
            buf = BytesIO()
            out.save(buf, "JPEG", quality=quality, optimize=True, progressive=False)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as e:
        raise ImageRejected("too_many_pixels", str(e)) from e
    except _DECODE_ERRORS as e:
        raise ImageRejected("not_image", f"{type(e).__name__}: {e}") from e
    return Thumbnail(jpeg=buf.getvalue(), width=out.width, height=out.height)


async def make_thumbnail_async(
    data: bytes,
    *,
    long_side: int,
    quality: int = DEFAULT_QUALITY,
    max_pixels: int = DEFAULT_MAX_PIXELS,
    min_side: int = DEFAULT_MIN_SIDE,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Thumbnail:
    """make_thumbnail in a worker thread: decoding takes tens of ms and must not stall the bot."""
    return await asyncio.to_thread(
        make_thumbnail,
        data,
        long_side=long_side,
        quality=quality,
        max_pixels=max_pixels,
        min_side=min_side,
        max_bytes=max_bytes,
    )


def _open_checked(data: bytes, *, max_pixels: int, min_side: int) -> Image.Image:
    """Parse only the header and vet the dimensions before any pixel is decoded."""
    Image.init()  # so plugin-registered formats (HEIF) are present in Image.OPEN
    formats = [f for f in _ALLOWED_FORMATS if f in Image.OPEN]
    with _WARNINGS_LOCK, warnings.catch_warnings():
        # Other open-time warnings (malformed MPO, invalid APNG) mean Pillow fell back to a
        # usable image: not our users' problem.
        warnings.simplefilter("ignore")
        # Pillow only warns between MAX_IMAGE_PIXELS and twice that; make it an exception so it
        # becomes too_many_pixels instead of leaking into logs (or failing warnings-as-errors).
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        img = Image.open(BytesIO(data), formats=formats)
    w, h = img.size
    if w * h > max_pixels:
        img.close()
        raise ImageRejected("too_many_pixels", f"{w}x{h}")
    if min(w, h) < min_side:
        img.close()
        raise ImageRejected("too_small", f"{w}x{h}")
    return img


def _render(img: Image.Image, long_side: int) -> Image.Image:
    # Animated GIF/WebP/APNG: open() leaves us on frame 0, and nothing below seeks further.
    stored_size = img.size
    box = None  # the part of the decoded bitmap that covers the stored image exactly
    if img.format in ("JPEG", "MPO"):
        # Must happen before load(): libjpeg then decodes at 1/2, 1/4 or 1/8 scale directly.
        drafted = img.draft("RGB", jpeg_draft_size(stored_size, long_side))
        if drafted is not None:
            box = drafted[1]
    img.load()
    method = _ORIENTATION_TRANSPOSE.get(_exif_orientation(img))

    # Normalise the mode first: resizing "P"/"1" would silently fall back to NEAREST.
    if img.has_transparency_data:
        img = img.convert("RGBA")
    elif img.mode not in ("RGB", "L"):
        img = img.convert("RGB")

    size = _fit(stored_size, long_side)
    if size != img.size:
        img = img.resize(size, Image.Resampling.LANCZOS, box=box, reducing_gap=_REDUCING_GAP)
    # Orientation last, so we rotate the thumbnail rather than the decoded bitmap. _fit is
    # symmetric, so the size is the same as if we had rotated first.
    if method is not None:
        img = img.transpose(method)

    if img.mode == "RGBA":
        # Vision models and JPEG have no alpha; white matches how clothing cut-outs are shown.
        background = Image.new("RGB", img.size, (255, 255, 255))
        background.paste(img, mask=img.getchannel("A"))
        return background
    return img.convert("RGB") if img.mode != "RGB" else img


def _fit(size: tuple[int, int], long_side: int) -> tuple[int, int]:
    """Aspect-preserving size with the long side at most long_side; never upscales."""
    w, h = size
    scale = long_side / max(w, h)
    if scale >= 1:
        return size
    return max(1, round(w * scale)), max(1, round(h * scale))


def _exif_orientation(img: Image.Image) -> int:
    """EXIF/XMP orientation, 1 (upright) when absent or unreadable."""
    with _WARNINGS_LOCK, warnings.catch_warnings():
        # Broken EXIF is common and Pillow warns per bad tag; orientation is best effort.
        warnings.simplefilter("ignore")
        value = img.getexif().get(ExifTags.Base.Orientation, 1)
    return value if isinstance(value, int) else 1
