"""Small helpers every handler needs: whose chat, which language, addressed or not."""

from __future__ import annotations

import logging
import re

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, MessageEntity
from telegram.constants import ChatType
from telegram.error import TelegramError

from bot import metrics
from bot.answer_board import board_for_answer
from bot.language import Lang, detect_language
from bot.replies import duration, say
from bot.services import CoordiContext
from bot.telegram_sink import TelegramAnswer
from bot.turns import TurnOutcome
from storage.keys import ChatScope

log = logging.getLogger(__name__)

STOP_CALLBACK = "stop"
FEEDBACK_CALLBACK = "fb"


def scope_of(message: Message) -> ChatScope:
    """State is per chat, and per topic in forum supergroups."""
    thread = message.message_thread_id if message.is_topic_message else None
    return ChatScope(message.chat_id, thread)


def lang_of(message: Message, text: str | None = None) -> Lang:
    code = message.from_user.language_code if message.from_user else None
    return detect_language(text if text is not None else (message.text or message.caption), code)


def is_private(message: Message) -> bool:
    return message.chat.type == ChatType.PRIVATE


def is_addressed(message: Message, bot_username: str, bot_id: int) -> bool:
    """In groups Coordi answers only a reply to it or an @mention of it."""
    if is_private(message):
        return True
    replied = message.reply_to_message
    if (
        replied is not None
        and replied.from_user is not None
        and replied.from_user.id == bot_id
        and replied.forum_topic_created is None
    ):
        return True
    handle = f"@{bot_username}".lower()
    parsed = message.parse_entities() if message.text else message.parse_caption_entities()
    for entity, text in parsed.items():
        if entity.type == MessageEntity.MENTION and text.lower() == handle:
            return True
        if entity.type == MessageEntity.TEXT_MENTION and entity.user and entity.user.id == bot_id:
            return True
    return False


def strip_mention(text: str | None, bot_username: str) -> str:
    if not text:
        return ""
    return re.sub(rf"@{re.escape(bot_username)}\b", "", text, flags=re.IGNORECASE).strip()


async def within_limits(
    context: CoordiContext, message: Message, lang: Lang, *, photos: int = 0
) -> bool:
    """Count this turn against the limits; over one, tell the user when to come back."""
    user_id = message.from_user.id if message.from_user else message.chat_id
    limits = context.services.limits
    hit = await limits.take_turn(user_id, message.chat_id)
    if hit is None and photos:
        hit = await limits.take_photos(user_id, photos)
    if hit is None:
        return True
    metrics.LIMITED.labels(hit.name).inc()
    wait = duration(hit.retry_after, lang)
    await message.reply_text(say(f"limit_{hit.name}", lang, wait=wait), do_quote=False)
    return False


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


async def stream_answer(
    context: CoordiContext,
    message: Message,
    *,
    lang: Lang,
    question: str | None,
    new_photo_numbers: tuple[int, ...] = (),
) -> TurnOutcome:
    services = context.services
    settings = services.settings
    scope = scope_of(message)
    private = is_private(message)
    sink = TelegramAnswer(
        context.bot,
        message.chat_id,
        thread_id=scope.thread_id,
        reply_to=None if private else message.message_id,
        stop_button=stop_keyboard(lang),
        feedback_buttons=feedback_keyboard,
        pacer=services.pacer,
        # Drafts exist in private chats only; groups always edit in place.
        use_draft=private and settings.stream_mode == "draft",
    )
    async with services.locks.hold(scope):
        with services.running.track(scope) as stop:
            sink.start_typing()
            try:
                outcome = await services.stylist.answer(
                    scope,
                    sink,
                    lang=lang,
                    question=question,
                    new_photo_numbers=new_photo_numbers,
                    edit_interval=settings.edit_interval_private
                    if private
                    else settings.edit_interval_group,
                    stop=stop,
                )
            finally:
                await sink.stop_typing()
        log.info(
            "Answer %s",
            outcome.status,
            extra={
                "first_text_ms": outcome.first_text_ms,
                "total_ms": outcome.total_ms,
                "prompt_tokens": outcome.prompt_tokens,
                "completion_tokens": outcome.completion_tokens,
                "pictures": len(outcome.images),
                "variant": outcome.variant,
            },
        )
        if outcome.status == "complete":
            await send_board(context, message, scope, outcome, lang)
    if message.from_user is not None and outcome.prompt_tokens:
        await services.limits.spend_tokens(
            message.from_user.id, outcome.prompt_tokens + outcome.completion_tokens
        )
    return outcome


async def send_board(
    context: CoordiContext, message: Message, scope: ChatScope, outcome: TurnOutcome, lang: Lang
) -> None:
    """The outfit at a glance; a failure here never costs the user the answer."""
    try:
        # Photos as the answer saw them; cards read again, since the album's analysis
        # may have finished while the answer streamed.
        cards = await context.services.store.cards(scope)
        board = await board_for_answer(outcome.text, outcome.photos, cards, lang)
        if board is None:
            return
        await context.services.pacer.take()
        await context.bot.send_photo(
            message.chat_id, board.jpeg, caption=board.caption, message_thread_id=scope.thread_id
        )
    except TelegramError as exc:
        log.warning("Outfit board not sent: %s", type(exc).__name__)
