"""Real image (and non-image) files built in the tests, as users send them."""

from __future__ import annotations

import struct
import zlib
from io import BytesIO

from PIL import Image


def encode(image: Image.Image, fmt: str, **params: object) -> bytes:
    buffer = BytesIO()
    image.save(buffer, fmt, **params)
    return buffer.getvalue()


def photo_like(size: tuple[int, int]) -> Image.Image:
    """Gradients, so the JPEG codec sees something like a photo."""
    gradient = Image.linear_gradient("L").resize(size)
    return Image.merge(
        "RGB", (gradient, gradient.rotate(90).resize(size), Image.new("L", size, 90))
    )


def jpeg_rotated(width: int = 1600, height: int = 1200) -> bytes:
    """A landscape-stored JPEG whose EXIF orientation 6 says: show it as portrait."""
    exif = Image.Exif()
    exif[0x0112] = 6
    return encode(photo_like((width, height)), "JPEG", quality=90, exif=exif)


def png_with_alpha(size: tuple[int, int] = (800, 1000)) -> bytes:
    image = Image.new("RGBA", size, (0, 0, 0, 0))
    image.paste((200, 30, 30, 255), (100, 100, 700, 900))
    return encode(image, "PNG")


def webp(size: tuple[int, int] = (900, 900)) -> bytes:
    return encode(photo_like(size), "WEBP", quality=80)


def heic(size: tuple[int, int] = (1200, 1600)) -> bytes:
    import pillow_heif

    buffer = BytesIO()
    pillow_heif.from_pillow(photo_like(size)).save(buffer, quality=80)
    return buffer.getvalue()


def truncated_jpeg() -> bytes:
    data = encode(photo_like((1200, 1600)), "JPEG", quality=90)
    return data[: len(data) // 2]


def png_claiming_size(width: int, height: int) -> bytes:
    """A tiny valid PNG whose header claims width x height (a decompression bomb)."""
    data = bytearray(encode(Image.new("L", (64, 64)), "PNG"))
    data[16:24] = struct.pack(">II", width, height)
    data[29:33] = struct.pack(">I", zlib.crc32(bytes(data[12:29])))
    return bytes(data)


def tiny_jpeg() -> bytes:
    return encode(photo_like((40, 40)), "JPEG")


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
