"""Tests for bot.wardrobe.images. Every input image is generated here with Pillow: no binary fixtures."""

from __future__ import annotations

import random
import struct
import threading
import warnings
import zlib
from dataclasses import dataclass
from io import BytesIO

import pytest
from PIL import ExifTags, Image, JpegImagePlugin

from bot.wardrobe import images
from bot.wardrobe.images import (
    ImageRejected,
    Thumbnail,
    jpeg_draft_size,
    make_thumbnail,
    make_thumbnail_async,
    pick_photo_size,
)

RED = (255, 0, 0)
BLUE = (0, 0, 255)


def encode(img: Image.Image, fmt: str, **params: object) -> bytes:
    buf = BytesIO()
    img.save(buf, fmt, **params)
    return buf.getvalue()


def open_thumb(thumb: Thumbnail) -> Image.Image:
    img = Image.open(BytesIO(thumb.jpeg))
    assert img.format == "JPEG"
    assert img.mode == "RGB"
    assert img.size == (thumb.width, thumb.height)
    return img


def close_to(pixel: object, expected: tuple[int, int, int], tol: int = 24) -> bool:
    assert isinstance(pixel, tuple)
    return all(abs(a - b) <= tol for a, b in zip(pixel, expected, strict=True))


def noise_image(size: tuple[int, int], seed: int = 1) -> Image.Image:
    # Incompressible content, so a JPEG's entropy-coded data is most of the file.
    raw = random.Random(seed).randbytes(size[0] * size[1] * 3)
    return Image.frombytes("RGB", size, raw)


def png_claiming_size(width: int, height: int) -> bytes:
    """A tiny valid PNG whose IHDR is patched to claim width x height (CRC fixed up)."""
    data = bytearray(encode(Image.new("L", (64, 64)), "PNG"))
    assert data[12:16] == b"IHDR"
    data[16:24] = struct.pack(">II", width, height)
    data[29:33] = struct.pack(">I", zlib.crc32(bytes(data[12:29])))
    return bytes(data)


@pytest.fixture(scope="module")
def big_rotated_jpeg() -> bytes:
    """4000x3000 as stored, EXIF orientation 6 (display rotated 90 deg clockwise).

    The stored top-left quadrant is red, so after correct rotation red is at the top-right.
    Also carries camera/GPS metadata that must not survive.
    """
    img = Image.new("RGB", (4000, 3000), BLUE)
    img.paste(RED, (0, 0, 2000, 1500))
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6
    exif[ExifTags.Base.Make] = "SecretCamMaker"
    exif[ExifTags.IFD.GPSInfo] = {
        ExifTags.GPS.GPSLatitudeRef: "N",
        ExifTags.GPS.GPSLatitude: (37.0, 33.0, 59.0),
    }
    return encode(img, "JPEG", quality=90, exif=exif, comment=b"secret comment")


# --- make_thumbnail: formats and geometry -------------------------------------------------


def test_exif_orientation_applied_portrait_long_side_exact(big_rotated_jpeg: bytes) -> None:
    thumb = make_thumbnail(big_rotated_jpeg, long_side=512)
    img = open_thumb(thumb)
    assert (thumb.width, thumb.height) == (384, 512)
    assert close_to(img.getpixel((thumb.width - 20, 20)), RED)  # top-right
    assert close_to(img.getpixel((20, 20)), BLUE)  # top-left
    assert close_to(img.getpixel((thumb.width - 20, thumb.height - 20)), BLUE)


# TIFF-style EXIF (big-endian): Compression (0x0103) mistyped as ASCII "Cam", Orientation = 6.
# Pillow reads it, but ImageOps.exif_transpose raises struct.error rewriting it.
MISTYPED_EXIF = bytes.fromhex(
    "4578696600004d4d002a000000080002010300020000000443616d0001120003000000010006000000000000"
)
# Orientation entry whose count points far past the end of the block: Pillow warns
# ("Tag data larger than file") while parsing it, then skips the tag.
OVERLONG_EXIF = (
    b"Exif\x00\x00II*\x00\x08\x00\x00\x00\x01\x00\x12\x01\x03\x00\xff\xff\xff\xff\x06\x00\x00\x00"
)


def test_mistyped_exif_tag_still_rotates() -> None:
    data = encode(Image.new("RGB", (400, 200), BLUE), "JPEG", exif=MISTYPED_EXIF)
    thumb = make_thumbnail(data, long_side=200)
    assert (thumb.width, thumb.height) == (100, 200)


def test_unreadable_exif_means_upright_and_no_warnings() -> None:
    data = encode(Image.new("RGB", (400, 200), BLUE), "JPEG", exif=OVERLONG_EXIF)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        Image.open(BytesIO(data)).getexif()
        assert caught, "precondition: Pillow itself warns about this EXIF"
        caught.clear()
        thumb = make_thumbnail(data, long_side=200)
    assert (thumb.width, thumb.height) == (200, 100)
    assert caught == []


def test_output_has_no_metadata(big_rotated_jpeg: bytes) -> None:
    source = Image.open(BytesIO(big_rotated_jpeg))
    assert source.getexif().get_ifd(ExifTags.IFD.GPSInfo)  # the input really carries GPS
    assert b"SecretCamMaker" in big_rotated_jpeg
    thumb = make_thumbnail(big_rotated_jpeg, long_side=256)
    img = open_thumb(thumb)
    assert len(img.getexif()) == 0
    assert "exif" not in img.info
    assert "icc_profile" not in img.info
    assert "comment" not in img.info
    for marker in (b"Exif", b"SecretCamMaker", b"secret comment"):
        assert marker not in thumb.jpeg
    assert not img.getexif().get_ifd(ExifTags.IFD.GPSInfo)
    assert not img.info.get("progressive") and not img.info.get("progression")


def test_jpeg_draft_size_asks_for_the_final_size() -> None:
    assert jpeg_draft_size((4000, 3000), 512) == (512, 384)
    assert jpeg_draft_size((960, 1280), 512) == (384, 512)
    assert jpeg_draft_size((300, 200), 512) == (300, 200)  # never asks for more than exists


def test_jpeg_draft_really_reduces_decode(big_rotated_jpeg: bytes) -> None:
    img = Image.open(BytesIO(big_rotated_jpeg))
    request = jpeg_draft_size(img.size, 512)
    img.draft("RGB", request)
    img.load()
    # DCT scaling picked 1/4 (1/8 would be 500x375, under the request): 1/16 of the pixels.
    assert img.size == (1000, 750)
    assert img.width >= request[0] and img.height >= request[1]


def spy_on_draft(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, int]]:
    """Records the size each JPEG will be decoded at, right after draft() is applied."""
    decoded_sizes: list[tuple[int, int]] = []
    original = JpegImagePlugin.JpegImageFile.draft

    def spy(
        self: JpegImagePlugin.JpegImageFile, mode: str | None, size: tuple[int, int] | None
    ) -> object:
        result = original(self, mode, size)
        decoded_sizes.append(self.size)
        return result

    monkeypatch.setattr(JpegImagePlugin.JpegImageFile, "draft", spy)
    return decoded_sizes


def test_make_thumbnail_uses_jpeg_draft(
    big_rotated_jpeg: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    decoded_sizes = spy_on_draft(monkeypatch)
    thumb = make_thumbnail(big_rotated_jpeg, long_side=512)
    assert decoded_sizes, "JPEG fast path did not call draft()"
    assert decoded_sizes[0] == (1000, 750)  # 1/4 scale, the smallest that is >= 512x384
    assert max(thumb.width, thumb.height) == 512


@pytest.mark.parametrize(
    ("size", "long_side", "decoded"),
    [
        ((960, 1280), 512, (480, 640)),  # Telegram's 1280 px photo: 1/2, not a full decode
        ((1920, 2560), 512, (480, 640)),  # 2560 px: 1/4
        ((1920, 2560), 384, (480, 640)),  # 1/8 would be 320 < 384
        ((600, 800), 512, (600, 800)),  # 1/2 would be 400 < 512: full size
    ],
)
def test_jpeg_decoded_at_smallest_scale_not_below_target(
    size: tuple[int, int],
    long_side: int,
    decoded: tuple[int, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    decoded_sizes = spy_on_draft(monkeypatch)
    thumb = make_thumbnail(encode(noise_image(size), "JPEG", quality=90), long_side=long_side)
    assert decoded_sizes[0] == decoded  # (thumbnail() calls draft() again: a no-op by then)
    assert max(thumb.width, thumb.height) == long_side


def test_orientation_applied_to_the_small_image(
    big_rotated_jpeg: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    transposed: list[tuple[int, int]] = []
    original = Image.Image.transpose

    def spy(self: Image.Image, method: Image.Transpose) -> Image.Image:
        transposed.append(self.size)
        return original(self, method)

    monkeypatch.setattr(Image.Image, "transpose", spy)
    thumb = make_thumbnail(big_rotated_jpeg, long_side=512)
    assert transposed == [(512, 384)]  # not the 4000x3000 original, not the 1000x750 decode
    assert (thumb.width, thumb.height) == (384, 512)


@pytest.mark.parametrize("stored", [(802, 65), (1000, 65), (4000, 3000), (1281, 961)])
def test_rotated_photo_gets_the_size_of_the_upright_one(stored: tuple[int, int]) -> None:
    """Orientation is applied after resizing; the size must not depend on that order."""
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6
    rotated = encode(Image.new("RGB", stored, BLUE), "JPEG", exif=exif)
    upright = encode(Image.new("RGB", stored[::-1], BLUE), "JPEG")
    for side in (512, 100):
        a, b = make_thumbnail(rotated, long_side=side), make_thumbnail(upright, long_side=side)
        assert (a.width, a.height) == (b.width, b.height)
        assert max(a.width, a.height) == side


def test_png_alpha_composited_on_white() -> None:
    img = Image.new("RGBA", (200, 200), (0, 0, 0, 0))  # transparent *black*: must not show
    img.paste((255, 0, 0, 255), (100, 0, 200, 200))
    thumb = make_thumbnail(encode(img, "PNG"), long_side=512)
    out = open_thumb(thumb)
    assert out.size == (200, 200)
    assert close_to(out.getpixel((20, 100)), (255, 255, 255))
    assert close_to(out.getpixel((180, 100)), RED)


def test_palette_png_with_transparency_composited_on_white() -> None:
    img = Image.new("P", (100, 100), 0)
    img.putpalette([0, 0, 0, 0, 255, 0])
    img.paste(1, (50, 0, 100, 100))
    thumb = make_thumbnail(encode(img, "PNG", transparency=0), long_side=64)
    out = open_thumb(thumb)
    assert close_to(out.getpixel((5, 32)), (255, 255, 255))
    assert close_to(out.getpixel((60, 32)), (0, 255, 0))


def test_webp() -> None:
    thumb = make_thumbnail(encode(Image.new("RGB", (800, 600), BLUE), "WEBP"), long_side=512)
    out = open_thumb(thumb)
    assert out.size == (512, 384)
    assert close_to(out.getpixel((256, 192)), BLUE)


def test_animated_gif_uses_first_frame() -> None:
    frames = [Image.new("RGB", (200, 100), c) for c in (RED, (0, 255, 0), BLUE)]
    data = encode(frames[0], "GIF", save_all=True, append_images=frames[1:], duration=100, loop=0)
    assert getattr(Image.open(BytesIO(data)), "n_frames", 1) == 3
    out = open_thumb(make_thumbnail(data, long_side=100))
    assert out.size == (100, 50)
    assert close_to(out.getpixel((50, 25)), RED)


def test_animated_webp_uses_first_frame() -> None:
    frames = [Image.new("RGB", (120, 120), c) for c in (BLUE, RED)]
    data = encode(frames[0], "WEBP", save_all=True, append_images=frames[1:], duration=100)
    out = open_thumb(make_thumbnail(data, long_side=512))
    assert close_to(out.getpixel((60, 60)), BLUE)


@pytest.mark.parametrize("mode", ["CMYK", "L"])
def test_non_rgb_modes_become_rgb(mode: str) -> None:
    data = encode(Image.new(mode, (300, 200)), "JPEG")
    assert open_thumb(make_thumbnail(data, long_side=150)).size == (150, 100)


def test_never_upscales() -> None:
    thumb = make_thumbnail(encode(Image.new("RGB", (300, 200), RED), "PNG"), long_side=512)
    assert (thumb.width, thumb.height) == (300, 200)


def test_heif_when_extra_installed() -> None:
    pillow_heif = pytest.importorskip("pillow_heif")
    heif = pillow_heif.from_pillow(Image.new("RGB", (640, 480), RED))
    buf = BytesIO()
    heif.save(buf, quality=90)
    assert max(open_thumb(make_thumbnail(buf.getvalue(), long_side=320)).size) == 320


# --- make_thumbnail: rejections -------------------------------------------------------------


def reason_of(data: bytes, **kwargs: int) -> str:
    with pytest.raises(ImageRejected) as info:
        make_thumbnail(data, long_side=kwargs.pop("long_side", 512), **kwargs)
    return info.value.reason


def test_truncated_jpeg_rejected() -> None:
    data = encode(noise_image((400, 300)), "JPEG", quality=90)
    assert reason_of(data[: len(data) // 2]) == "not_image"


@pytest.mark.parametrize(
    "data",
    [
        random.Random(7).randbytes(4096),
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
        b"",
        b"GIF89a" + b"\x00" * 3,
    ],
    ids=["random", "pdf", "empty", "gif-header-only"],
)
def test_non_images_rejected(data: bytes) -> None:
    assert reason_of(data) == "not_image"


def test_unsupported_format_rejected() -> None:
    # Pillow can read TIFF, but it is not on the allow-list of upload formats.
    assert reason_of(encode(Image.new("RGB", (100, 100)), "TIFF")) == "not_image"


@pytest.mark.parametrize(
    ("width", "height"),
    [
        (30_000, 30_000),  # over 2x Pillow's limit: Pillow raises DecompressionBombError
        (10_000, 10_000),  # between 1x and 2x: Pillow would only *warn*
        (8_000, 7_000),  # under Pillow's limit, over our max_pixels
    ],
)
def test_too_many_pixels_rejected_without_warnings(width: int, height: int) -> None:
    data = png_claiming_size(width, height)
    # Production-like filters (not pytest's "error"), so a leaked warning would be recorded.
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert reason_of(data) == "too_many_pixels"
    assert caught == []


def test_max_pixels_is_configurable() -> None:
    assert reason_of(encode(Image.new("RGB", (300, 300)), "PNG"), max_pixels=300 * 299) == (
        "too_many_pixels"
    )


def test_too_small_rejected() -> None:
    assert reason_of(encode(Image.new("RGB", (40, 40)), "PNG")) == "too_small"
    assert reason_of(encode(Image.new("RGB", (1000, 40)), "PNG")) == "too_small"


def test_too_large_file_rejected() -> None:
    data = encode(Image.new("RGB", (100, 100)), "PNG")
    assert reason_of(data, max_bytes=len(data) - 1) == "too_large_file"


def test_rejection_carries_reason_attribute() -> None:
    err = ImageRejected("too_small", "40x40")
    assert err.reason == "too_small"
    assert "40x40" in str(err)


# --- async wrapper --------------------------------------------------------------------------


async def test_make_thumbnail_async_runs_in_worker_thread(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    threads: list[int] = []
    real = images.make_thumbnail

    def recording(data: bytes, **kwargs: int) -> Thumbnail:
        threads.append(threading.get_ident())
        return real(data, **kwargs)

    monkeypatch.setattr(images, "make_thumbnail", recording)
    thumb = await make_thumbnail_async(encode(Image.new("RGB", (640, 480)), "PNG"), long_side=64)
    assert (thumb.width, thumb.height) == (64, 48)
    assert threads and threads[0] != threading.get_ident()


async def test_make_thumbnail_async_propagates_rejection() -> None:
    with pytest.raises(ImageRejected) as info:
        await make_thumbnail_async(b"not an image", long_side=64)
    assert info.value.reason == "not_image"


# --- pick_photo_size ------------------------------------------------------------------------


@dataclass(frozen=True)
class FakePhotoSize:
    width: int
    height: int
    file_size: int | None = None


TELEGRAM_SIZES = [
    FakePhotoSize(90, 67, 1_000),
    FakePhotoSize(320, 240, 15_000),
    FakePhotoSize(800, 600, 60_000),
    FakePhotoSize(1280, 960, 150_000),
]


@pytest.mark.parametrize(
    ("target", "expected_long_side"),
    [(512, 800), (2000, 1280), (800, 800), (320, 320), (1, 90)],
)
def test_pick_photo_size(target: int, expected_long_side: int) -> None:
    chosen = pick_photo_size(TELEGRAM_SIZES, target)
    assert max(chosen.width, chosen.height) == expected_long_side


def test_pick_photo_size_portrait_and_unsorted() -> None:
    sizes = [FakePhotoSize(960, 1280), FakePhotoSize(67, 90), FakePhotoSize(600, 800)]
    assert pick_photo_size(sizes, 512) == FakePhotoSize(600, 800)


def test_pick_photo_size_empty() -> None:
    with pytest.raises(ValueError):
        pick_photo_size([], 512)
