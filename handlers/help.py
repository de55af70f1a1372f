"""/start and /help."""

from __future__ import annotations

from telegram import Update
from telegram.ext import Application, CommandHandler

from bot.services import CoordiContext
from bot.telegram.incoming import lang_of
from bot.telegram.rendering import render
from bot.telegram.replies import HELP


async def show_help(update: Update, context: CoordiContext) -> None:
    message = update.effective_message
    if message is None:
        return
    text, entities = render(HELP[lang_of(message, "")])
    await message.reply_text(text, entities=entities, do_quote=False)


def register(application: Application) -> None:  # type: ignore[type-arg]
    application.add_handler(CommandHandler(["start", "help"], show_help))
