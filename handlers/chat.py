"""Text messages: questions and follow-ups about the stored wardrobe."""

from __future__ import annotations

from telegram import Update
from telegram.ext import Application, MessageHandler, filters

from bot.replies import say
from bot.services import CoordiContext
from handlers.common import is_addressed, lang_of, stream_answer, strip_mention, within_limits


async def answer_text(update: Update, context: CoordiContext) -> None:
    message = update.effective_message
    if message is None or not message.text:
        return
    if not is_addressed(message, context.bot.username, context.bot.id):
        return
    question = strip_mention(message.text, context.bot.username)
    lang = lang_of(message, question)
    limit = context.services.settings.max_message_chars
    if len(question) > limit:
        await message.reply_text(say("too_long", lang, limit=limit), do_quote=False)
        return
    if not await within_limits(context, message, lang):
        return
    await stream_answer(context, message, lang=lang, question=question)


def register(application: Application) -> None:  # type: ignore[type-arg]
    application.add_handler(
        MessageHandler(filters.TEXT & ~filters.COMMAND & ~filters.UpdateType.EDITED, answer_text)
    )
