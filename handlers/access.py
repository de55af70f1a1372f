"""Optional allowlists: when set, updates from anyone else are dropped before any handler."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.ext import Application, ApplicationHandlerStop, TypeHandler

from bot.services import CoordiContext

log = logging.getLogger(__name__)


async def check_access(update: object, context: CoordiContext) -> None:
    if not isinstance(update, Update):
        return
    settings = context.services.settings
    user = update.effective_user
    chat = update.effective_chat
    if settings.allowed_user_ids and (user is None or user.id not in settings.allowed_user_ids):
        log.info("Update %s dropped: user not on the allowlist", update.update_id)
        raise ApplicationHandlerStop
    if settings.allowed_chat_ids and (chat is None or chat.id not in settings.allowed_chat_ids):
        log.info("Update %s dropped: chat not on the allowlist", update.update_id)
        raise ApplicationHandlerStop


def register(application: Application) -> None:  # type: ignore[type-arg]
    # Group -1 runs before every feature handler.
    application.add_handler(TypeHandler(Update, check_access), group=-1)
