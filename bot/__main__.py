"""`python -m bot` runs a worker; `set-webhook` registers the webhook; `chat` runs in a terminal."""

from __future__ import annotations

import asyncio
import os
import sys

from bot.lifecycle.startup import StartupFailed
from bot.logs import configure_logging
from bot.runner import run, set_webhook
from bot.settings import Settings, load_settings, model_key_problem
from bot.shopping.catalog import CatalogUnreadable

USAGE = (
    "usage: python -m bot [run | set-webhook | chat --photo FILE ... QUESTION | catalog check FILE]"
)


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "run"
    if command not in ("run", "set-webhook", "chat", "catalog"):
        print(USAGE, file=sys.stderr)
        return 2
    if command == "catalog":
        from bot.shopping.check import catalog_command

        # Checking a product file needs no settings, no Redis and no Telegram.
        return catalog_command(argv[1:])
    if command == "chat":
        from bot.terminal_chat import run_chat

        # The terminal chat never talks to Telegram, so it needs no bot token.
        settings = load_settings(
            telegram_bot_token=os.environ.get("TELEGRAM_BOT_TOKEN") or "0:terminal-chat"
        )
        if not model_key_present(settings):
            return 2
        configure_logging("WARNING", "text")
        return run_chat(settings, argv[1:])
    settings = load_settings()
    if command == "run" and not model_key_present(settings):
        return 2
    configure_logging(settings.log_level, settings.log_format)
    try:
        if command == "set-webhook":
            asyncio.run(set_webhook(settings))
        else:
            run(settings)
    except CatalogUnreadable as exc:
        print(f"Configuration error: CATALOG_PATH {exc}", file=sys.stderr)
        return 2
    except StartupFailed as exc:
        # One line naming the service and the cause, no traceback (and never a secret).
        print(f"Start-up failed: {exc.line}", file=sys.stderr)
        return exc.code
    return 0


def model_key_present(settings: Settings) -> bool:
    problem = model_key_problem(settings)
    if problem is not None:
        print(f"Configuration error: {problem}", file=sys.stderr)
    return problem is None


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
