"""/tpo: the occasion (time, place, occasion) later answers are styled for."""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.ext import Application, CallbackQueryHandler, CommandHandler

from bot.language import detect_language
from bot.replies import OCCASIONS, say
from bot.services import CoordiContext
from handlers.common import lang_of, scope_of

MAX_OCCASION_LENGTH = 200


def occasion_keyboard(lang: str) -> InlineKeyboardMarkup:
    options = OCCASIONS["ko" if lang == "ko" else "en"]
    buttons = [InlineKeyboardButton(label, callback_data=f"tpo:{key}") for key, label in options]
    return InlineKeyboardMarkup([buttons[i : i + 2] for i in range(0, len(buttons), 2)])


async def set_occasion(update: Update, context: CoordiContext) -> None:
    message = update.effective_message
    if message is None:
        return
    occasion = " ".join(context.args or []).strip()[:MAX_OCCASION_LENGTH]
    lang = lang_of(message, occasion or "")
    if not occasion:
        await message.reply_text(
            say("tpo_ask", lang), reply_markup=occasion_keyboard(lang), do_quote=False
        )
        return
    await context.services.store.set_occasion(scope_of(message), occasion)
    await message.reply_text(say("tpo_set", lang, occasion=occasion), do_quote=False)


async def pick_occasion(update: Update, context: CoordiContext) -> None:
    query = update.callback_query
    if query is None or query.data is None:
        return
    lang = detect_language(None, query.from_user.language_code)
    label = dict(OCCASIONS[lang]).get(query.data.removeprefix("tpo:"))
    # A message older than 48 hours comes back as InaccessibleMessage.
    if label is None or not isinstance(query.message, Message):
        await query.answer()
        return
    await context.services.store.set_occasion(scope_of(query.message), label)
    await query.answer(label)
    await query.edit_message_text(say("tpo_set", lang, occasion=label))


def register(application: Application) -> None:  # type: ignore[type-arg]
    application.add_handler(CommandHandler("tpo", set_occasion))
    application.add_handler(CallbackQueryHandler(pick_occasion, pattern=r"^tpo:"))
