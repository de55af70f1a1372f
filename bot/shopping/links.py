"""Links for an answer's ➕ lines, from whichever source the operator set up: the catalog
(`CATALOG_PATH`) or a web search provider (`SEARCH_PROVIDER=tavily`). Both answer the same
question the same way, so the chat turn does not care which one it has."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from bot.shopping.catalog import CatalogLoad
from bot.shopping.ranking import CatalogIndex

log = logging.getLogger(__name__)

PER_LINE = 3
# Telegram shows every button; past this many the photo's keyboard gets longer than a phone
# screen. Three ➕ lines with three products each still fit.
MAX_LINKS = 9


@dataclass(frozen=True)
class ProductLink:
    title: str
    url: str
    price: float | None = None
    currency: str | None = None


class ShoppingSearch(Protocol):
    async def links_for(self, lines: Sequence[str]) -> list[ProductLink]:
        """Up to PER_LINE links per line, none for a line nothing relevant matched."""

    async def close(self) -> None:
        """Release connections."""


def merge(per_line: Sequence[Sequence[ProductLink]]) -> list[ProductLink]:
    """Line by line, without repeats (two lines may want the same product)."""
    seen: set[str] = set()
    links: list[ProductLink] = []
    for found in per_line:
        for link in found[:PER_LINE]:
            if link.url not in seen and len(links) < MAX_LINKS:
                seen.add(link.url)
                links.append(link)
    return links


class CatalogSearch:
    def __init__(self, index: CatalogIndex) -> None:
        self.index = index

    @classmethod
    def from_load(cls, load: CatalogLoad) -> CatalogSearch:
        return cls(CatalogIndex(load.products))

    async def links_for(self, lines: Sequence[str]) -> list[ProductLink]:
        # Pure CPU, well under a millisecond per line for thousands of products.
        return merge([
            [ProductLink(m.product.title, m.product.url, m.product.price, m.product.currency)
             for m in self.index.search(line, PER_LINE)]
            for line in lines
        ])  # fmt: skip

    async def close(self) -> None:
        return None
