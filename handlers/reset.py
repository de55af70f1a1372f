"""/reset: forget the chat's photos, history and occasion."""

from __future__ import annotations

from telegram import Update
from telegram.ext import Application, CommandHandler

from bot.replies import say
from bot.services import CoordiContext
from handlers.common import lang_of, scope_of


async def reset(update: Update, context: CoordiContext) -> None:
    message = update.effective_message
    if message is None:
        return
    scope = scope_of(message)
    async with context.services.locks.hold(scope):
        removed = await context.services.store.reset(scope)
    await message.reply_text(
        say("reset_done", lang_of(message, ""), photos=removed), do_quote=False
    )


def register(application: Application) -> None:  # type: ignore[type-arg]
    application.add_handler(CommandHandler("reset", reset))
