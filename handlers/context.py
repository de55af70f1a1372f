"""Runs first for every update: puts its id and a hashed chat id into the log context."""

from __future__ import annotations

from telegram import Update
from telegram.ext import Application, TypeHandler

from bot.logs import CHAT, UPDATE_ID, chat_hash
from bot.services import CoordiContext


async def tag_logs(update: object, context: CoordiContext) -> None:
    if not isinstance(update, Update):
        return
    # Each update is processed in its own task, so these stay with this update.
    UPDATE_ID.set(update.update_id)
    CHAT.set(chat_hash(update.effective_chat.id) if update.effective_chat else None)


def register(application: Application) -> None:  # type: ignore[type-arg]
    application.add_handler(TypeHandler(Update, tag_logs), group=-2)
