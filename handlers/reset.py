"""/reset: forget the chat's photos, history and occasion."""

from __future__ import annotations

from telegram import Update
from telegram.ext import Application, CommandHandler

from bot.services import CoordiContext
from bot.telegram.incoming import lang_of, scope_of
from bot.telegram.replies import say


async def reset(update: Update, context: CoordiContext) -> None:
    message = update.effective_message
    if message is None:
        return
    removed = await context.services.keeper.reset(scope_of(message))
    await message.reply_text(
        say("reset_done", lang_of(message, ""), photos=removed), do_quote=False
    )


def register(application: Application) -> None:  # type: ignore[type-arg]
    application.add_handler(CommandHandler("reset", reset))
