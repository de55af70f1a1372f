"""Run a fake server as a process of its own, so a load benchmark measures the bot and not
the fakes sharing its CPU; the driving process talks to it over HTTP.

    python -m tests.fakes.serve telegram --token T [--no-limits]
    python -m tests.fakes.serve openai [--reply-file F] [--chunk N] [--interval S] [--first-token S]

The first line on stdout is "PORT <n>". Control endpoints, under /_fake/:
- Bot API: POST files (JSON list of {file_id, file_unique_id, b64}), GET calls (every call:
  method, chat, text, monotonic time, ok), GET refused (calls over Telegram's limits).
- OpenAI: GET requests (index, last user text, received and first-content times).
Times are `time.monotonic()`, which on Linux is one clock for every process.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import signal
from pathlib import Path
from typing import Any

from aiohttp import web

from tests.fakes.openai_api import FakeOpenAIServer, ScriptedReply
from tests.fakes.telegram_api import FakeTelegramServer
from tests.fakes.tg_limits import Limits


class TelegramProcess(FakeTelegramServer):
    def routes(self, app: web.Application) -> None:
        app.router.add_post("/_fake/files", self._add_files)
        app.router.add_get("/_fake/calls", self._calls)
        app.router.add_get("/_fake/refused", self._refused)
        super().routes(app)

    async def _add_files(self, request: web.Request) -> web.Response:
        for item in await request.json():
            self.add_file(
                base64.b64decode(item["b64"]),
                file_id=item["file_id"],
                file_unique_id=item["file_unique_id"],
            )
        return web.json_response({"ok": True})

    async def _calls(self, request: web.Request) -> web.Response:
        return web.json_response(
            [
                {
                    "method": c.method,
                    "chat": c.params.get("chat_id"),
                    "text": c.params.get("text") or c.params.get("caption") or "",
                    "at": c.at,
                    "ok": c.ok,
                }
                for c in self.calls
            ]
        )

    async def _refused(self, request: web.Request) -> web.Response:
        return web.json_response([list(r) for r in self.limits.refused])


class OpenAIProcess(FakeOpenAIServer):
    def routes(self, app: web.Application) -> None:
        app.router.add_get("/_fake/requests", self._requests)
        super().routes(app)

    async def _requests(self, request: web.Request) -> web.Response:
        return web.json_response(
            [
                {
                    "index": n,
                    "question": _last_user_text(body),
                    "received_at": self.received_at.get(n),
                    "first_content_at": self.first_content_at.get(n),
                }
                for n, body in enumerate(self.requests)
            ]
        )


def _last_user_text(body: dict[str, Any]) -> str:
    content = body["messages"][-1]["content"]
    if isinstance(content, str):
        return content
    return next((part["text"] for part in content if part.get("type") == "text"), "")


async def serve(args: argparse.Namespace, reply: str | None) -> None:
    server: FakeTelegramServer | FakeOpenAIServer
    if args.kind == "telegram":
        server = TelegramProcess(token=args.token, limits=None if args.no_limits else Limits())
    else:
        server = OpenAIProcess()
        if reply is not None:
            server.default_plan = ScriptedReply(
                reply, args.chunk, first_token_delay=args.first_token, interval=args.interval
            )
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    async with server:
        print(f"PORT {server.port}", flush=True)
        await stop.wait()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("kind", choices=["telegram", "openai"])
    parser.add_argument("--token", default="123456:LOAD")
    parser.add_argument("--no-limits", action="store_true")
    parser.add_argument("--reply-file")
    parser.add_argument("--chunk", type=int, default=4)
    parser.add_argument("--interval", type=float, default=0.0)
    parser.add_argument("--first-token", type=float, default=0.0)
    args = parser.parse_args()
    asyncio.run(serve(args, Path(args.reply_file).read_text() if args.reply_file else None))


if __name__ == "__main__":
    main()
