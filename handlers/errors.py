"""The one error handler: log without personal data, tell the user briefly."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.error import Forbidden, NetworkError

from bot.replies import say
from bot.services import CoordiContext
from handlers.common import lang_of

log = logging.getLogger(__name__)


async def on_error(update: object, context: CoordiContext) -> None:
    error = context.error
    update_id = update.update_id if isinstance(update, Update) else None
    if isinstance(error, Forbidden):
        log.info("Update %s: the bot was blocked or removed from the chat", update_id)
        return
    # The exception type and message only: update payloads hold photos' file ids and text.
    log.error("Update %s failed: %s: %s", update_id, type(error).__name__, error, exc_info=error)
    if not isinstance(update, Update) or update.effective_message is None:
        return
    if isinstance(error, NetworkError) and "telegram" in str(error).lower():
        return  # Telegram itself is unreachable: a reply would fail too
    message = update.effective_message
    try:
        await message.reply_text(say("internal_error", lang_of(message)), do_quote=False)
    except Exception as exc:
        log.warning("Could not tell the user about the error: %s", type(exc).__name__)
