"""/tpo: the occasion (time, place, occasion) later answers are styled for: the chat's or
topic's, shared by a group's members (they are often going to the same event)."""

from __future__ import annotations

from telegram import Message, Update
from telegram.ext import Application, CallbackQueryHandler, CommandHandler

from bot.services import CoordiContext
from bot.telegram.incoming import lang_of, member_of
from bot.telegram.keyboards import OCCASION_CALLBACK, occasion_keyboard
from bot.telegram.replies import OCCASIONS, say
from prompts.language import detect_language

MAX_OCCASION_LENGTH = 200


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
    await context.services.store.set_occasion(member_of(message), occasion)
    await message.reply_text(say("tpo_set", lang, occasion=occasion), do_quote=False)


async def pick_occasion(update: Update, context: CoordiContext) -> None:
    query = update.callback_query
    if query is None or query.data is None:
        return
    lang = detect_language(None, query.from_user.language_code)
    label = dict(OCCASIONS[lang]).get(query.data.removeprefix(f"{OCCASION_CALLBACK}:"))
    # A message older than 48 hours comes back as InaccessibleMessage.
    if label is None or not isinstance(query.message, Message):
        await query.answer()
        return
    owner = member_of(query.message, query.from_user)
    await context.services.store.set_occasion(owner, label)
    await query.answer(label)
    await query.edit_message_text(say("tpo_set", lang, occasion=label))


def register(application: Application) -> None:  # type: ignore[type-arg]
    application.add_handler(CommandHandler("tpo", set_occasion))
    application.add_handler(CallbackQueryHandler(pick_occasion, pattern=rf"^{OCCASION_CALLBACK}:"))
