"""Text messages: questions and follow-ups about the stored wardrobe."""

from __future__ import annotations

from telegram import Update
from telegram.ext import Application, MessageHandler, filters

from bot.services import CoordiContext
from handlers.common import is_addressed, lang_of, stream_answer, strip_mention


async def answer_text(update: Update, context: CoordiContext) -> None:
    message = update.effective_message
    if message is None or not message.text:
        return
    if not is_addressed(message, context.bot.username, context.bot.id):
        return
    question = strip_mention(message.text, context.bot.username)
    await stream_answer(context, message, lang=lang_of(message, question), question=question)


def register(application: Application) -> None:  # type: ignore[type-arg]
    application.add_handler(
        MessageHandler(filters.TEXT & ~filters.COMMAND & ~filters.UpdateType.EDITED, answer_text)
    )
