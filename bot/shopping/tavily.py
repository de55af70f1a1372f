"""Web search for operators without a catalog: Tavily's search API (`POST /search`).

A result is kept only if its title or snippet names the kind and colour the ➕ line asks
for (the same vocabulary as the catalog), so a styling blog about trench coats can come
through but a page about something else cannot. A slow or failing search costs the user
nothing but the links.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from typing import Any

import aiohttp

from bot.shopping.links import PER_LINE, ProductLink, merge
from bot.shopping.ranking import item_phrase
from bot.shopping.vocabulary import concepts_in

log = logging.getLogger(__name__)

DEFAULT_BASE_URL = "https://api.tavily.com"


class TavilySearch:
    def __init__(self, api_key: str, *, base_url: str = DEFAULT_BASE_URL, timeout: float = 3.0):
        self._api_key = api_key
        self._url = base_url.rstrip("/") + "/search"
        self._timeout = aiohttp.ClientTimeout(total=timeout)
        self._session: aiohttp.ClientSession | None = None

    async def links_for(self, lines: Sequence[str]) -> list[ProductLink]:
        return merge(await asyncio.gather(*(self._search(line) for line in lines)))

    async def _search(self, line: str) -> list[ProductLink]:
        phrase = item_phrase(line)
        wanted = concepts_in(phrase)
        korean = any("가" <= c <= "힣" for c in phrase)
        body = {
            "query": f"{phrase} 구매" if korean else f"buy {phrase}",
            "topic": "general",
            "search_depth": "basic",
            "max_results": PER_LINE + 2,  # a few spare for the ones the check drops
            "include_answer": False,
            "include_images": False,
            "include_raw_content": False,
        }
        try:
            results = await self._post(body)
        except (aiohttp.ClientError, TimeoutError, ValueError) as exc:
            log.warning("Web search failed (%s); no links for this line", type(exc).__name__)
            return []
        links = []
        for result in results:
            title, url = str(result.get("title") or "").strip(), str(result.get("url") or "")
            if not title or not url.startswith(("https://", "http://")):
                continue
            found = concepts_in(f"{title} {result.get('content') or ''}")
            if wanted.leaf_kinds and not wanted.leaf_kinds & found.kinds:
                continue
            if wanted.colors and not wanted.colors & found.colors:
                continue
            links.append(ProductLink(title, url))
        return links[:PER_LINE]

    async def _post(self, body: dict[str, Any]) -> list[dict[str, Any]]:
        if self._session is None:
            self._session = aiohttp.ClientSession(timeout=self._timeout)
        headers = {"Authorization": f"Bearer {self._api_key}"}
        async with self._session.post(self._url, json=body, headers=headers) as response:
            if response.status != 200:
                # 401 bad key, 429 rate limit, 432/433 plan or pay-as-you-go limits.
                raise aiohttp.ClientResponseError(response.request_info, (), status=response.status)
            payload = await response.json()
        results = payload.get("results") if isinstance(payload, dict) else None
        if not isinstance(results, list):
            raise ValueError("no results list")
        return [r for r in results if isinstance(r, dict)]

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None
