"""`python -m bot` runs a worker; `python -m bot set-webhook` registers the webhook."""

from __future__ import annotations

import asyncio
import sys

from bot.runner import configure_logging, run, set_webhook
from bot.settings import load_settings

USAGE = "usage: python -m bot [run | set-webhook]"


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "run"
    if command not in ("run", "set-webhook"):
        print(USAGE, file=sys.stderr)
        return 2
    settings = load_settings()
    configure_logging(settings.log_level)
    if command == "set-webhook":
        asyncio.run(set_webhook(settings))
    else:
        run(settings)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
