"""/start and /help."""

from __future__ import annotations

from telegram import Update
from telegram.ext import Application, CommandHandler

from bot.rendering import render
from bot.replies import HELP
from bot.services import CoordiContext
from handlers.common import lang_of


async def show_help(update: Update, context: CoordiContext) -> None:
    message = update.effective_message
    if message is None:
        return
    text, entities = render(HELP[lang_of(message, "")])
    await message.reply_text(text, entities=entities, do_quote=False)


def register(application: Application) -> None:  # type: ignore[type-arg]
    application.add_handler(CommandHandler(["start", "help"], show_help))
