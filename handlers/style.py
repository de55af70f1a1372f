"""/style: the user's taste and constraints, used in every answer (in a group, the member's own)."""

from __future__ import annotations

from telegram import Update
from telegram.ext import Application, CommandHandler

from bot.services import CoordiContext
from bot.telegram.incoming import lang_of, member_of
from bot.telegram.replies import say

MAX_STYLE_LENGTH = 500


async def style(update: Update, context: CoordiContext) -> None:
    message = update.effective_message
    if message is None:
        return
    notes = " ".join(context.args or []).strip()[:MAX_STYLE_LENGTH]
    lang = lang_of(message, notes or "")
    store = context.services.store
    owner = member_of(message)
    if not notes:
        current = await store.style(owner)
        text = say("style_show", lang, notes=current) if current else say("style_none", lang)
    elif notes.lower() in ("clear", "reset", "지우기", "삭제"):
        await store.set_style(owner, "")
        text = say("style_cleared", lang)
    else:
        await store.set_style(owner, notes)
        text = say("style_set", lang, notes=notes)
    await message.reply_text(text, do_quote=False)


def register(application: Application) -> None:  # type: ignore[type-arg]
    application.add_handler(CommandHandler("style", style))
