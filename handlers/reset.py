"""/reset: forget the caller's photos, history and notes (in a private chat, the occasion
too); `/reset all` in a group: an admin forgets everything the group keeps."""

from __future__ import annotations

from telegram import Message, Update
from telegram.error import TelegramError
from telegram.ext import Application, CommandHandler

from bot.services import CoordiContext
from bot.telegram.admins import is_group_admin
from bot.telegram.incoming import asks_for_all, is_private, lang_of, member_of, scope_of
from bot.telegram.replies import say
from prompts.language import Lang


async def reset(update: Update, context: CoordiContext) -> None:
    message = update.effective_message
    if message is None:
        return
    lang = lang_of(message, "")
    if asks_for_all(context.args) and not is_private(message):
        await reset_group(message, context, lang)
        return
    await reset_own(message, context, lang)


async def reset_own(message: Message, context: CoordiContext, lang: Lang) -> None:
    """The caller's own data: the whole chat's in a private chat, theirs only in a group."""
    removed = await context.services.keeper.reset(member_of(message))
    key = "reset_done" if is_private(message) else "reset_done_member"
    await message.reply_text(say(key, lang, photos=removed), do_quote=not is_private(message))


async def reset_group(message: Message, context: CoordiContext, lang: Lang) -> None:
    try:
        admin = await is_group_admin(context.bot, message)
    except TelegramError:
        await message.reply_text(say("reset_all_unchecked", lang), do_quote=False)
        return
    if not admin:
        await message.reply_text(say("reset_all_denied", lang), do_quote=True)
        return
    done = await context.services.keeper.reset_group(scope_of(message))
    text = say("reset_all_done", lang, photos=done.photos, members=done.members)
    await message.reply_text(text, do_quote=True)


def register(application: Application) -> None:  # type: ignore[type-arg]
    application.add_handler(CommandHandler("reset", reset))
