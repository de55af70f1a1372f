"""Synthetic source photos for the image benchmark: photo-like scenes, a chirp chart of
ever finer stripes, and JPEG encoding with an EXIF orientation as phones write it."""

from __future__ import annotations

import math
import random
from io import BytesIO

from PIL import ExifTags, Image, ImageChops, ImageDraw, ImageFilter

SOURCE_QUALITY = 90


def photo_like(size: tuple[int, int], seed: int) -> Image.Image:
    """A synthetic photo for the JPEG codec: smooth shading, edges, fabric stripes, sensor noise.

    Drawn in display orientation; proportions scale with the size, so 1280 and 2560 are the
    same scene at two resolutions.
    """
    w, h = size
    rng = random.Random(seed)
    cells = (max(2, w // 48), max(2, h // 48))
    background = Image.frombytes("RGB", cells, rng.randbytes(cells[0] * cells[1] * 3))
    light = Image.linear_gradient("L").resize(size).convert("RGB")  # brighter at the bottom
    img = Image.blend(background.resize(size, Image.Resampling.BICUBIC), light, 0.4)
    draw = ImageDraw.Draw(img)
    for _ in range(25):  # furniture, props
        x, y = rng.randrange(w), rng.randrange(h)
        r = rng.randrange(w // 30, w // 6)
        colour = (rng.randrange(256), rng.randrange(256), rng.randrange(256))
        box = (x - r, y - r, x + r, y + r // 2)
        (draw.ellipse if rng.random() < 0.5 else draw.rectangle)(box, fill=colour)
    # A person: head, striped shirt, checked trousers. Stripe period 1/160 of the width:
    # ~2.4 px at 384 px, close to what the output grid can still carry.
    cx, unit = w // 2, min(w, h) / 100
    draw.ellipse((cx - 7 * unit, 0.12 * h, cx + 7 * unit, 0.12 * h + 17 * unit), (224, 184, 150))
    top, waist, hem = 0.12 * h + 18 * unit, 0.55 * h, 0.95 * h
    period = max(2, round(w / 160))
    draw.rectangle((cx - 18 * unit, top, cx + 18 * unit, waist), (245, 245, 240))
    for y in range(int(top), int(waist), period):
        draw.rectangle((cx - 18 * unit, y, cx + 18 * unit, y + period // 2 - 1), (30, 40, 90))
    draw.rectangle((cx - 15 * unit, waist, cx + 15 * unit, hem), (120, 110, 95))
    check = 3 * period
    for x in range(int(cx - 15 * unit), int(cx + 15 * unit), check):
        draw.line((x, waist, x, hem), (60, 50, 40), width=max(1, period // 3))
    img = img.filter(ImageFilter.GaussianBlur(max(w, h) / 2000))  # lens softness
    # Sensor noise, +-6 levels, deterministic (unlike Image.effect_noise).
    noise = Image.frombytes("RGB", size, rng.randbytes(w * h * 3)).point(lambda v: 122 + v // 21)
    return ImageChops.add(img, noise, 1.0, -128)


def chirp_chart(size: tuple[int, int]) -> Image.Image:
    """Vertical stripes whose frequency rises left to right up to the source's own Nyquist."""
    w = size[0]
    row = bytes(round(127.5 + 110 * math.cos(math.pi * 0.5 * w * (x / w) ** 2)) for x in range(w))
    return Image.frombytes("L", (w, 1), row).resize(size, Image.Resampling.NEAREST).convert("RGB")


# Inverse of each orientation: the stored pixels that an EXIF-aware viewer shows upright.
_STORE = {1: None, 6: Image.Transpose.ROTATE_90}


def encode_source(display: Image.Image, orientation: int) -> bytes:
    stored = display.transpose(t) if (t := _STORE[orientation]) is not None else display
    exif = Image.Exif()
    if orientation != 1:
        exif[ExifTags.Base.Orientation] = orientation
    buf = BytesIO()
    stored.save(buf, "JPEG", quality=SOURCE_QUALITY, exif=exif)
    return buf.getvalue()
