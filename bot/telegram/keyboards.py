"""The inline keyboards Coordi attaches to its messages, and their callback data."""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.telegram.replies import OCCASIONS, say
from prompts.language import Lang

STOP_CALLBACK = "stop"
FEEDBACK_CALLBACK = "fb"
OCCASION_CALLBACK = "tpo"


def feedback_keyboard(answer_id: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [[
            InlineKeyboardButton("👍", callback_data=f"{FEEDBACK_CALLBACK}:{answer_id}:up"),
            InlineKeyboardButton("👎", callback_data=f"{FEEDBACK_CALLBACK}:{answer_id}:down"),
        ]]
    )  # fmt: skip


def stop_keyboard(lang: Lang) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(say("stop_button", lang), callback_data=STOP_CALLBACK)]]
    )


def occasion_keyboard(lang: str) -> InlineKeyboardMarkup:
    options = OCCASIONS["ko" if lang == "ko" else "en"]
    buttons = [
        InlineKeyboardButton(label, callback_data=f"{OCCASION_CALLBACK}:{key}")
        for key, label in options
    ]
    return InlineKeyboardMarkup([buttons[i : i + 2] for i in range(0, len(buttons), 2)])
