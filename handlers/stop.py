"""/stop and the ⏹ button: end the answer that is streaming in this chat, on any worker."""

from __future__ import annotations

from telegram import Message, Update
from telegram.ext import Application, CallbackQueryHandler, CommandHandler

from bot.services import CoordiContext
from bot.telegram.incoming import lang_of, scope_of
from bot.telegram.keyboards import STOP_CALLBACK
from bot.telegram.replies import say
from prompts.language import detect_language


async def stop_command(update: Update, context: CoordiContext) -> None:
    message = update.effective_message
    if message is None:
        return
    if not await context.services.running.request_stop(scope_of(message)):
        await message.reply_text(say("nothing_to_stop", lang_of(message, "")), do_quote=False)


async def stop_button(update: Update, context: CoordiContext) -> None:
    query = update.callback_query
    if query is None:
        return
    lang = detect_language(None, query.from_user.language_code)
    if isinstance(query.message, Message) and await context.services.running.request_stop(
        scope_of(query.message)
    ):
        await query.answer(say("stop_done", lang))
    else:
        await query.answer(say("nothing_to_stop", lang))


def register(application: Application) -> None:  # type: ignore[type-arg]
    application.add_handler(CommandHandler("stop", stop_command))
    application.add_handler(CallbackQueryHandler(stop_button, pattern=f"^{STOP_CALLBACK}$"))
