"""Text messages: questions and follow-ups about the stored wardrobe."""

from __future__ import annotations

from telegram import Update
from telegram.ext import Application, MessageHandler, filters

from bot.services import CoordiContext
from bot.telegram.incoming import is_addressed, lang_of, strip_mention
from bot.telegram.replies import say


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
    turns = context.services.turns
    if not await turns.limits.admit(message, lang):
        return
    await turns.ask(context.bot, message, lang=lang, question=question)


def register(application: Application) -> None:  # type: ignore[type-arg]
    application.add_handler(
        MessageHandler(filters.TEXT & ~filters.COMMAND & ~filters.UpdateType.EDITED, answer_text)
    )
