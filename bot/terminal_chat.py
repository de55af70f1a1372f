"""`python -m bot chat`: the same pipeline (storage, cards, prompts, streaming) in a terminal.

For trying prompts against a real model from a laptop, without Telegram:

    python -m bot chat --photo body.jpg --photo shirt.jpg "출근룩 추천해줘"

The conversation is kept (in Redis, like a chat) until `--reset`.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import sys
from pathlib import Path
from typing import TextIO

from bot.lifecycle.causes import cause
from bot.model.client import ModelError
from bot.runner import redis_url_for
from bot.services import Services
from bot.settings import Settings
from prompts.language import detect_language
from storage.keys import ChatScope, MemberScope

TERMINAL_CHAT = MemberScope(ChatScope(chat_id=0))
OPENAI_API_URL = "https://api.openai.com/v1"  # the SDK's default


class TerminalAnswer:
    """A sink printing the answer as it streams (new text only)."""

    def __init__(self, out: TextIO) -> None:
        self._out = out
        self._printed = ""

    async def show(self, text: str) -> bool:
        self._write(text)
        return True

    async def finish(self, text: str, *, note: str | None = None) -> None:
        self._write(text)
        self._out.write(f"\n\n({note})\n" if note else "\n")
        self._out.flush()

    async def fail(self, message: str) -> None:
        self._out.write(f"{message}\n")

    def set_answer_id(self, answer_id: str) -> None:
        pass

    def _write(self, text: str) -> None:
        if text.startswith(self._printed):
            self._out.write(text[len(self._printed) :])
        else:  # should not happen: the answer only grows
            self._out.write("\n" + text)
        self._printed = text
        self._out.flush()


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bot chat", description=__doc__.splitlines()[0])
    parser.add_argument("question", nargs="?", default="", help="what to ask (the caption)")
    parser.add_argument("--photo", action="append", type=Path, default=[], help="an image file")
    parser.add_argument(
        "--body", action="store_true", help="the first --photo is the full-body one"
    )
    parser.add_argument("--tpo", help="set the occasion first")
    parser.add_argument("--reset", action="store_true", help="forget the terminal chat first")
    return parser.parse_args(argv)


async def chat(settings: Settings, redis_url: str, args: argparse.Namespace, out: TextIO) -> int:
    services = Services.create(settings, redis_url)
    try:
        store, scope = services.store, TERMINAL_CHAT
        if args.reset:
            await store.reset(scope)
        if args.tpo:
            await store.set_occasion(scope, args.tpo)
        lang = detect_language(args.question, None)
        files = [
            (hashlib.sha256(p.read_bytes()).hexdigest()[:24], p.read_bytes()) for p in args.photo
        ]
        result = await services.intake.take_in_files(scope, files, body_hint=args.body)
        for path, reason in zip(args.photo, result.rejected, strict=False):
            out.write(f"{path}: rejected ({reason})\n")
        described = await services.stylist.describe_photos(scope, result.numbers, lang)
        if result.numbers:
            out.write(f"[stored photos {list(result.numbers)}, {described} described]\n\n")
        outcome = await services.stylist.answer(
            scope,
            TerminalAnswer(out),
            lang=lang,
            question=args.question or None,
            new_photo_numbers=result.numbers,
            edit_interval=0.05,
        )
        sys.stderr.write(
            f"[{outcome.status}: {outcome.prompt_tokens} prompt + {outcome.completion_tokens} "
            f"completion tokens, ${outcome.cost_usd:.5f}, variant {outcome.variant}, "
            f"pictures {list(outcome.images)}]\n"
        )
        if outcome.error is not None:
            sys.stderr.write(f"Model failed: {model_problem(outcome.error, settings)}\n")
        return 0 if outcome.status == "complete" else 1
    finally:
        await services.close()


def model_problem(error: ModelError, settings: Settings) -> str:
    """What went wrong with the model, for the person at the terminal (not the user's line)."""
    base = str(settings.openai_base_url or OPENAI_API_URL)
    if error.kind == "unauthorized":
        return f"the model server at {base} refused OPENAI_API_KEY ({error.detail})"
    if error.kind == "unavailable" and (reason := cause(error)) is not None:
        return f"cannot reach the model at {base}: {reason}"
    if error.kind == "timeout":
        return (
            f"the model at {base} sent nothing for OPENAI_TIMEOUT ({settings.openai_timeout:g} s)"
        )
    if error.kind == "rate_limited":
        return f"the model at {base} is rate-limiting this key ({error.detail or 429})"
    if error.kind == "bad_request":
        return f"the model at {base} refused the request ({error.detail}); is OPENAI_MODEL={settings.openai_model} served there?"
    return f"the model at {base} failed: {error}"


def run_chat(settings: Settings, argv: list[str]) -> int:
    args = parse_args(argv)
    for path in args.photo:
        if not path.is_file():
            print(f"No such file: {path}", file=sys.stderr)
            return 2
    with redis_url_for(settings) as redis_url:
        return asyncio.run(chat(settings, redis_url, args, sys.stdout))
