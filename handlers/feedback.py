"""👍 / 👎 under an answer: stored with the answer's variant, model and cost; a 👎 also
keeps the rated turn for 30 days so it can become an eval case (storage.downvotes)."""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.ext import Application, CallbackQueryHandler

from bot.services import CoordiContext
from bot.telegram.incoming import member_of
from bot.telegram.keyboards import FEEDBACK_CALLBACK
from bot.telegram.replies import say
from prompts.language import detect_language
from storage.downvotes import keep_rated_turn


async def rate_answer(update: Update, context: CoordiContext) -> None:
    query = update.callback_query
    if query is None or query.data is None:
        return
    _, answer_id, vote = query.data.split(":", 2)
    if vote not in ("up", "down"):
        await query.answer()
        return
    services = context.services
    known = await services.ledger.vote(answer_id, vote)  # type: ignore[arg-type]
    message = query.message
    if known and vote == "up":
        await services.downvotes.drop(answer_id)
    elif known and isinstance(message, Message):  # an old, inaccessible message: vote only
        # Looked up in the presser's own history: in a group a member's 👎 keeps only a
        # turn of their own, never another member's words or wardrobe.
        await keep_rated_turn(
            services.downvotes, services.ledger, services.store,
            member_of(message, query.from_user), answer_id, message.text,
        )  # fmt: skip
    lang = detect_language(None, query.from_user.language_code)
    await query.answer(say("feedback_thanks", lang) if known else None)
    if known:
        # Show the choice: the pressed button gets a check mark.
        marks = {"up": "👍", "down": "👎"}
        buttons = [
            InlineKeyboardButton(
                f"{marks[kind]}{' ✓' if kind == vote else ''}",
                callback_data=f"{FEEDBACK_CALLBACK}:{answer_id}:{kind}",
            )
            for kind in ("up", "down")
        ]
        await query.edit_message_reply_markup(InlineKeyboardMarkup([buttons]))


def register(application: Application) -> None:  # type: ignore[type-arg]
    application.add_handler(
        CallbackQueryHandler(rate_answer, pattern=rf"^{FEEDBACK_CALLBACK}:[0-9a-f]+:(up|down)$")
    )
