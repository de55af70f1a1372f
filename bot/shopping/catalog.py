"""The operator's product file (`CATALOG_PATH`): CSV with a header, or JSON Lines.

Every row is checked on its own: a bad row is reported in one line (where and why) and
skipped, so one typo never keeps the rest of the catalog from the users.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

CATEGORIES = ("top", "bottom", "outer", "dress", "shoes", "bag", "accessory")
FIELDS = ("id", "title", "category", "colors", "price", "currency", "url", "image_url", "tags")
REQUIRED = ("id", "title", "category", "price", "currency", "url")
_CURRENCY = re.compile(r"^[A-Z]{3}$")
_PRICE = re.compile(r"^\d+(\.\d{1,2})?$")
MAX_TITLE = 200


@dataclass(frozen=True)
class Product:
    id: str
    title: str
    category: str
    colors: tuple[str, ...]
    price: float
    currency: str
    url: str
    image_url: str | None = None
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class CatalogLoad:
    products: tuple[Product, ...]
    problems: tuple[str, ...]  # one line per bad row: "catalog.csv line 7: ..."

    @property
    def summary(self) -> str:
        bad = len(self.problems)
        return f"{len(self.products)} products loaded, {bad} bad row{'s' * (bad != 1)} skipped"


class CatalogUnreadable(Exception):
    """The file as a whole cannot be read: missing, not UTF-8, or a CSV without the header."""


def load_catalog(path: str | Path) -> CatalogLoad:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise CatalogUnreadable(f"{path}: cannot be read ({type(exc).__name__})") from None
    rows = _json_lines(text) if _is_json_lines(path, text) else _csv_rows(path, text)
    products: list[Product] = []
    problems: list[str] = []
    seen: set[str] = set()
    for line, row in rows:
        try:
            product = product_from_row(row)
            if product.id in seen:
                raise ValueError(f"id {product.id!r} appears earlier in the file")
        except ValueError as exc:
            problems.append(f"{path.name} line {line}: {exc}")
            continue
        seen.add(product.id)
        products.append(product)
    return CatalogLoad(tuple(products), tuple(problems))


def _is_json_lines(path: Path, text: str) -> bool:
    if path.suffix.lower() in (".jsonl", ".ndjson", ".json"):
        return True
    return path.suffix.lower() != ".csv" and text.lstrip().startswith("{")


def _json_lines(text: str) -> Iterator[tuple[int, dict[str, Any] | str]]:
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            row = json.loads(raw)
        except json.JSONDecodeError as exc:
            yield number, f"not valid JSON ({exc.msg})"
            continue
        yield number, row if isinstance(row, dict) else "not a JSON object"


def _csv_rows(path: Path, text: str) -> Iterator[tuple[int, dict[str, Any] | str]]:
    reader = csv.DictReader(text.splitlines())
    header = [name.strip() for name in reader.fieldnames or []]
    missing = [name for name in REQUIRED if name not in header]
    if missing:
        raise CatalogUnreadable(
            f"{path.name}: the header must name {', '.join(FIELDS)} (missing: {', '.join(missing)})"
        )
    reader.fieldnames = header
    for row in reader:
        # The header is line 1; a quoted field with a line break makes a row span lines.
        number = reader.line_num
        if None in row:
            yield number, f"{len(header) + len(row[None])} fields, the header has {len(header)}"
        else:
            yield number, row


def product_from_row(row: dict[str, Any] | str) -> Product:
    """One product, or ValueError saying what is wrong with the row."""
    if isinstance(row, str):
        raise ValueError(row)
    values = {name: _text(row.get(name)) for name in ("id", "title", "category", "price",
                                                      "currency", "url", "image_url")}  # fmt: skip
    empty = [name for name in REQUIRED if not values[name]]
    if empty:
        raise ValueError(f"{', '.join(empty)} {'is' if len(empty) == 1 else 'are'} empty")
    category = values["category"].lower()
    if category not in CATEGORIES:
        raise ValueError(f"category {values['category']!r} is not one of {', '.join(CATEGORIES)}")
    price = values["price"].replace(",", "")
    if not _PRICE.match(price):
        raise ValueError(f"price {values['price']!r} is not a number like 59000 or 59.90")
    currency = values["currency"].upper()
    if not _CURRENCY.match(currency):
        raise ValueError(f"currency {values['currency']!r} is not a 3-letter code like KRW or USD")
    if not _is_web_url(values["url"]):
        raise ValueError(f"url {values['url']!r} is not an http(s) address")
    image = values["image_url"] or None
    if image is not None and not _is_web_url(image):
        raise ValueError(f"image_url {image!r} is not an http(s) address")
    if len(values["title"]) > MAX_TITLE:
        raise ValueError(f"title is longer than {MAX_TITLE} characters")
    return Product(
        id=values["id"],
        title=values["title"],
        category=category,
        colors=_list(row.get("colors")),
        price=float(price),
        currency=currency,
        url=values["url"],
        image_url=image,
        tags=_list(row.get("tags")),
    )


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise ValueError(f"{value!r} is not text")
    return str(value).strip()


def _list(value: object) -> tuple[str, ...]:
    """`a;b` in CSV; JSON Lines may also use a list."""
    if value is None:
        return ()
    parts = value if isinstance(value, list) else str(value).split(";")
    return tuple(dict.fromkeys(str(part).strip() for part in parts if str(part).strip()))


def _is_web_url(value: str) -> bool:
    # Telegram refuses URL buttons whose address it cannot open.
    try:
        parts = urlsplit(value)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname) and " " not in value
