"""A fake Tavily search API (`POST /search`) on 127.0.0.1, in Tavily's request and response
shapes: a Bearer key (or `api_key` in the body, the older form) or 401, a non-empty `query`
or 400, `max_results` 0-20, known `search_depth` and `topic`; results ranked by how many of
the query's words a page has."""

from __future__ import annotations

import re
import uuid
from typing import Any

from aiohttp import web

from tests.fakes.local_server import LocalServer


class FakeTavily(LocalServer):
    def __init__(self, api_key: str = "tvly-test-key") -> None:
        self.api_key = api_key
        self.pages: list[dict[str, str]] = []
        self.requests: list[dict[str, Any]] = []

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def add_page(self, title: str, url: str, content: str = "") -> None:
        self.pages.append({"title": title, "url": url, "content": content})

    def routes(self, app: web.Application) -> None:
        app.router.add_post("/search", self._search)

    @staticmethod
    def _detail(error: str, status: int) -> web.Response:
        return web.json_response({"detail": {"error": error}}, status=status)

    async def _search(self, request: web.Request) -> web.Response:
        try:
            body = await request.json()
        except ValueError:
            return self._detail("Invalid JSON body.", 400)
        self.requests.append(body)
        bearer = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
        if self.api_key not in (bearer, body.get("api_key")):
            return self._detail("Unauthorized: missing or invalid API key.", 401)
        query = body.get("query")
        if not isinstance(query, str) or not query.strip():
            return self._detail("Query is missing.", 400)
        max_results = body.get("max_results", 5)
        if not isinstance(max_results, int) or not 0 <= max_results <= 20:
            return self._detail("max_results must be between 0 and 20.", 400)
        if body.get("search_depth", "basic") not in ("basic", "advanced", "fast", "ultra-fast"):
            return self._detail("Invalid search depth.", 400)
        if body.get("topic", "general") not in ("general", "news", "finance"):
            return self._detail("Invalid topic.", 400)
        words = set(re.findall(r"\w+", query.lower()))
        scored = []
        for page in self.pages:
            have = set(re.findall(r"\w+", f"{page['title']} {page['content']}".lower()))
            hits = len(words & have)
            if hits:
                scored.append((hits / len(words), page))
        scored.sort(key=lambda item: -item[0])
        results = [{"title": p["title"], "url": p["url"], "content": p["content"],
                    "score": round(0.5 + score / 2, 4), "raw_content": None}
                   for score, p in scored[:max_results]]  # fmt: skip
        return web.json_response({
            "query": query, "follow_up_questions": None, "answer": None, "images": [],
            "results": results, "response_time": 0.42, "request_id": str(uuid.uuid4()),
        })  # fmt: skip
