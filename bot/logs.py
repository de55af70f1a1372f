"""Logging: JSON lines with the update id and a hashed chat id, never secrets or photos."""

from __future__ import annotations

import contextvars
import hashlib
import logging

from pythonjsonlogger.json import JsonFormatter

UPDATE_ID: contextvars.ContextVar[int | None] = contextvars.ContextVar("update_id", default=None)
CHAT: contextvars.ContextVar[str | None] = contextvars.ContextVar("chat", default=None)


def chat_hash(chat_id: int) -> str:
    """Enough to follow one chat through the logs, not enough to find the person."""
    return hashlib.sha256(f"coordi-log:{chat_id}".encode()).hexdigest()[:12]


class UpdateContext(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.update_id = UPDATE_ID.get()
        record.chat = CHAT.get()
        return True


def configure_logging(level: str, fmt: str = "json") -> None:
    handler = logging.StreamHandler()
    handler.addFilter(UpdateContext())
    handler.set_name("coordi")
    if fmt == "json":
        handler.setFormatter(
            JsonFormatter(
                "%(asctime)s %(levelname)s %(name)s %(message)s %(update_id)s %(chat)s",
                rename_fields={"asctime": "time", "levelname": "level", "name": "logger"},
            )
        )
    else:
        handler.setFormatter(
            logging.Formatter("%(asctime)s %(levelname)s %(name)s [%(chat)s] %(message)s")
        )
    root = logging.getLogger()
    # Replace our own handler on a second call; leave others (pytest's capture) alone.
    for old in [h for h in root.handlers if h.get_name() == "coordi"]:
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level)
    # httpx logs every request URL at INFO, and Bot API URLs contain the bot token;
    # python-telegram-bot's DEBUG output holds whole updates (file ids, user text).
    # httpx2 is the openai SDK's aiohttp transport: it logs every model request likewise.
    for noisy in ("httpx", "httpx2", "httpcore", "openai", "telegram", "aiohttp.access"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
