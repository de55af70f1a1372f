"""Milliseconds per photo from upload JPEG to stored thumbnail, against a naive Pillow baseline.

For 1280-px and 2560-px photo-like JPEGs (portrait 3:4, the same with the pixels stored
landscape plus EXIF orientation 6 as phones write them, and square) and both stored sizes
(512 px full-body, 384 px clothing), times side by side in one process, interleaved:

* ours: bot.wardrobe.images.make_thumbnail (JPEG draft decode, orientation, resize, quality-80 save);
* baseline: Image.open -> convert("RGB") -> thumbnail((side, side)) -> save quality 80;
  convert() decodes the full image first, so thumbnail() can no longer use draft;
* pyvips (when importable): thumbnail_buffer(data, side) -> write_to_buffer(".jpg[Q=80]").

Quality: PSNR (luma) of each stored thumbnail against a reference made the slow way (full
decode, orientation, one LANCZOS resize to the same size, no JPEG), on the photos and on a
chirp chart of stripes that get finer and finer (aliasing shows up as moire there). The
baseline ignores EXIF orientation, so its "exif6" thumbnails are sideways (PSNR ~12 dB).
Run by hand:

    python bench/images.py [--reps 40] [--sizes 1280,2560] [--json]
"""

from __future__ import annotations

import argparse
import gc
import json
import math
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from io import BytesIO
from pathlib import Path
from typing import Any

from PIL import Image, ImageChops, ImageStat

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.sample_photos import chirp_chart, encode_source, photo_like
from bot.settings import Settings
from bot.wardrobe.images import make_thumbnail

try:
    import pyvips
except (ImportError, OSError):  # OSError: the Python binding is there, libvips is not
    pyvips = None
else:
    pyvips.cache_set_max(0)  # the same buffer over and over must not hit libvips' op cache

LONG_SIDES = (1280, 2560)
# name -> (display width, display height as fractions of the long side, EXIF orientation)
SHAPES = {"3:4": (3, 4, 1), "3:4 exif6": (3, 4, 6), "1:1": (1, 1, 1)}

Convert = Callable[[bytes, int, int], bytes]


def ours(data: bytes, side: int, quality: int) -> bytes:
    return make_thumbnail(data, long_side=side, quality=quality).jpeg


def baseline(data: bytes, side: int, quality: int) -> bytes:
    img = Image.open(BytesIO(data)).convert("RGB")
    img.thumbnail((side, side))
    buf = BytesIO()
    img.save(buf, "JPEG", quality=quality)
    return buf.getvalue()


def vips(data: bytes, side: int, quality: int) -> bytes:
    assert pyvips is not None
    # keep=none: no metadata, as the bot requires (otherwise EXIF, GPS included, is copied).
    thumb = pyvips.Image.thumbnail_buffer(data, side)
    out: bytes = thumb.write_to_buffer(f".jpg[Q={quality},keep=none]")
    return out


def reference(display: Image.Image, size: tuple[int, int]) -> Image.Image:
    return display.resize(size, Image.Resampling.LANCZOS)


def psnr_luma(jpeg: bytes, display: Image.Image) -> float:
    thumb = Image.open(BytesIO(jpeg)).convert("L")
    ref = reference(display, thumb.size).convert("L")
    rms = ImageStat.Stat(ImageChops.difference(thumb, ref)).rms[0]
    return 99.0 if rms == 0 else 20 * math.log10(255 / rms)


def time_interleaved(
    methods: dict[str, Callable[[], object]], reps: int, warmup: int = 3
) -> dict[str, float]:
    """Median ms per call; each round runs every method once, starting at a rotating one."""
    names = list(methods)
    for name in names:
        for _ in range(warmup):
            methods[name]()
    samples: dict[str, list[float]] = {name: [] for name in names}
    gc.collect()
    for rep in range(reps):
        for i in range(len(names)):
            name = names[(rep + i) % len(names)]
            start = time.perf_counter()
            methods[name]()
            samples[name].append((time.perf_counter() - start) * 1000)
    return {name: statistics.median(s) for name, s in samples.items()}


@dataclass
class Row:
    long_side: int
    shape: str
    target: int
    source_bytes: int
    ours_ms: float
    baseline_ms: float
    ratio: float
    pyvips_ms: float | None
    ours_bytes: int
    baseline_bytes: int
    pyvips_bytes: int | None
    ours_psnr: float
    baseline_psnr: float
    pyvips_psnr: float | None


def run(
    reps: int, quality: int, targets: tuple[int, ...], long_sides: tuple[int, ...]
) -> list[Row]:
    converters: dict[str, Convert] = {"ours": ours, "baseline": baseline}
    if pyvips is not None:
        converters["pyvips"] = vips
    rows = []
    for seed, long_side in enumerate(long_sides):
        for shape, (aw, ah, orientation) in SHAPES.items():
            display = photo_like((long_side * aw // ah, long_side), seed)
            data = encode_source(display, orientation)
            for target in targets:
                methods: dict[str, Callable[[], object]] = {
                    name: partial(f, data, target, quality) for name, f in converters.items()
                }
                ms = time_interleaved(methods, reps)
                out = {name: f(data, target, quality) for name, f in converters.items()}
                psnr = {name: psnr_luma(jpeg, display) for name, jpeg in out.items()}
                rows.append(
                    Row(
                        long_side=long_side,
                        shape=shape,
                        target=target,
                        source_bytes=len(data),
                        ours_ms=round(ms["ours"], 2),
                        baseline_ms=round(ms["baseline"], 2),
                        ratio=round(ms["baseline"] / ms["ours"], 2),
                        pyvips_ms=round(ms["pyvips"], 2) if "pyvips" in ms else None,
                        ours_bytes=len(out["ours"]),
                        baseline_bytes=len(out["baseline"]),
                        pyvips_bytes=len(out["pyvips"]) if "pyvips" in out else None,
                        ours_psnr=round(psnr["ours"], 1),
                        baseline_psnr=round(psnr["baseline"], 1),
                        pyvips_psnr=round(psnr["pyvips"], 1) if "pyvips" in psnr else None,
                    )
                )
    return rows


def chirp_psnr(
    quality: int, targets: tuple[int, ...], long_sides: tuple[int, ...]
) -> list[dict[str, Any]]:
    converters: dict[str, Convert] = {"ours": ours, "baseline": baseline}
    if pyvips is not None:
        converters["pyvips"] = vips
    rows = []
    for long_side in long_sides:
        display = chirp_chart((long_side, long_side * 3 // 4))
        data = encode_source(display, 1)
        for target in targets:
            row: dict[str, Any] = {"long_side": long_side, "target": target}
            for name, f in converters.items():
                row[f"{name}_psnr"] = round(psnr_luma(f(data, target, quality), display), 1)
            rows.append(row)
    return rows


def geomean(values: list[float]) -> float:
    return math.exp(sum(math.log(v) for v in values) / len(values))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=40, help="timed rounds per row (median)")
    parser.add_argument(
        "--sizes",
        default=",".join(map(str, LONG_SIDES)),
        help="long sides of the source JPEGs, comma-separated (e.g. 800,1280,2560,4032)",
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args()
    long_sides = tuple(int(x) for x in args.sizes.split(","))
    settings = Settings(telegram_bot_token="1:bench", _env_file=None)  # type: ignore[call-arg,arg-type]
    targets = (settings.image_long_side, settings.clothing_long_side)
    rows = run(args.reps, settings.image_quality, targets, long_sides)
    chirp = chirp_psnr(settings.image_quality, targets, long_sides)
    summary = {
        "geomean_ratio": round(geomean([r.ratio for r in rows]), 2),
        "min_ratio": min(r.ratio for r in rows),
        "pyvips": None if pyvips is None else pyvips.__version__,
        "libvips": None if pyvips is None else ".".join(str(pyvips.version(i)) for i in range(3)),
        "vips_threads": None if pyvips is None else pyvips.concurrency_get(),
        "pillow": Image.__version__,
        "reps": args.reps,
    }
    if args.json:
        print(
            json.dumps(
                {"rows": [r.__dict__ for r in rows], "chirp": chirp, "summary": summary}, indent=2
            )
        )
        return

    def opt(value: float | None, fmt: str) -> str:
        return "n/a" if value is None else format(value, fmt)

    print(
        f"median of {args.reps} interleaved runs; Pillow {summary['pillow']}; "
        + (
            "pyvips not installed"
            if pyvips is None
            else f"pyvips {summary['pyvips']} (libvips {summary['libvips']}, "
            f"{summary['vips_threads']} threads)"
        )
    )
    print(
        f"{'size':>5} {'shape':<9} {'tgt':>4} {'src KB':>6} {'ours ms':>8} {'base ms':>8}"
        f" {'base/ours':>9} {'vips ms':>8} {'ours B':>7} {'base B':>7} {'vips B':>7}"
        f" {'PSNR ours/base/vips dB':>23}"
    )
    for r in rows:
        psnr = f"{r.ours_psnr:.1f}/{r.baseline_psnr:.1f}/{opt(r.pyvips_psnr, '.1f')}"
        print(
            f"{r.long_side:>5} {r.shape:<9} {r.target:>4} {r.source_bytes / 1024:>6.0f}"
            f" {r.ours_ms:>8.2f} {r.baseline_ms:>8.2f} {r.ratio:>8.2f}x"
            f" {opt(r.pyvips_ms, '.2f'):>8} {r.ours_bytes:>7} {r.baseline_bytes:>7}"
            f" {opt(r.pyvips_bytes, 'd'):>7} {psnr:>23}"
        )
    print(
        f"baseline/ours: geometric mean {summary['geomean_ratio']:.2f}x, "
        f"lowest {summary['min_ratio']:.2f}x"
    )
    print("chirp chart (aliasing), PSNR dB ours/baseline/pyvips:")
    for c in chirp:
        print(
            f"  {c['long_side']:>5} -> {c['target']}: {c['ours_psnr']:.1f}/"
            f"{c['baseline_psnr']:.1f}/{opt(c.get('pyvips_psnr'), '.1f')}"
        )


if __name__ == "__main__":
    main()
