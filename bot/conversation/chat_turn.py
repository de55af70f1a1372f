"""One question in a Telegram chat, end to end: its place in the chat's queue, the
streamed answer, the outfit board after it, and the tokens it cost the user.

The turn itself (prompt, model, stream) is `Stylist.answer`, which knows nothing of
Telegram; this module gives it a Telegram message to write into. The queue (and /stop) is
the chat's or topic's, shared by a group's members so answers come in the order asked;
what the answer is built from is the asker's own (`member_of`).
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass

from telegram import InlineKeyboardMarkup, Message
from telegram.error import TelegramError
from telegram.ext import ExtBot

from bot.conversation.stopping import RunningAnswers
from bot.conversation.stylist import Stylist, TurnOutcome
from bot.conversation.turn_limits import TurnLimits
from bot.shopping.links import ShoppingSearch
from bot.telegram.answer_message import TelegramAnswer
from bot.telegram.call_kinds import Priority
from bot.telegram.incoming import is_private, member_of, scope_of, sender_of
from bot.telegram.keyboards import feedback_keyboard, stop_keyboard
from bot.telegram.product_buttons import product_keyboard
from bot.telegram.replies import say
from bot.wardrobe.answer_board import board_for_answer, missing_items, missing_lines
from prompts.language import Lang
from storage.chat_store import ChatStore
from storage.coordination import ChatQueue
from storage.keys import MemberScope
from storage.photo_handoff import PhotoHandoff

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class StreamStyle:
    """How answers stream: seconds between edits, and edit or draft mode."""

    edit_interval_private: float
    edit_interval_group: float
    use_drafts: bool = False


class ChatTurns:
    def __init__(
        self,
        *,
        store: ChatStore,
        stylist: Stylist,
        queue: ChatQueue,
        running: RunningAnswers,
        limits: TurnLimits,
        handoff: PhotoHandoff,
        style: StreamStyle,
        shopping: ShoppingSearch | None = None,
    ) -> None:
        self.store = store
        self.stylist = stylist
        self.queue = queue
        self.running = running
        self.limits = limits
        self.handoff = handoff
        self.style = style
        self.shopping = shopping

    async def ask(
        self, bot: ExtBot[Priority], message: Message, *, lang: Lang, question: str
    ) -> TurnOutcome:
        """A text question; photos the same user sent just before it belong to it."""
        pending = await self.handoff.claim(scope_of(message), sender_of(message))
        return await self.answer(
            bot, message, lang=lang, question=question, new_photo_numbers=pending
        )

    async def answer(
        self,
        bot: ExtBot[Priority],
        message: Message,
        *,
        lang: Lang,
        question: str | None,
        new_photo_numbers: tuple[int, ...] = (),
    ) -> TurnOutcome:
        scope, owner = scope_of(message), member_of(message)
        private = is_private(message)
        sink = TelegramAnswer(
            bot,
            message.chat_id,
            thread_id=scope.thread_id,
            reply_to=None if private else message.message_id,
            stop_button=stop_keyboard(lang),
            feedback_buttons=feedback_keyboard,
            # Drafts exist in private chats only; groups always edit in place.
            use_draft=private and self.style.use_drafts,
        )
        interval = self.style.edit_interval_private if private else self.style.edit_interval_group
        async with self.queue.hold(scope):
            async with self.running.track(scope) as stop:
                sink.start_typing()
                try:
                    outcome = await self.stylist.answer(
                        owner,
                        sink,
                        lang=lang,
                        question=question,
                        new_photo_numbers=new_photo_numbers,
                        edit_interval=interval,
                        stop=stop,
                        user_id=message.from_user.id if message.from_user else None,
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
                await self.send_board(bot, message, owner, outcome, lang)
        if message.from_user is not None and outcome.prompt_tokens:
            await self.limits.spend_tokens(
                message.from_user.id, outcome.prompt_tokens + outcome.completion_tokens
            )
        return outcome

    async def send_board(
        self,
        bot: ExtBot[Priority],
        message: Message,
        owner: MemberScope,
        outcome: TurnOutcome,
        lang: Lang,
    ) -> None:
        """The outfit at a glance; a failure here never costs the user the answer."""
        try:
            # Photos as the answer saw them; cards read again, since the album's analysis
            # may have finished while the answer streamed.
            cards = await self.store.cards(owner)
            # Shopping links ride on the board; without one, one short message carries them.
            board, markup = await asyncio.gather(
                board_for_answer(outcome.text, outcome.photos, cards, lang),
                self.shop_buttons(outcome.text, lang),
            )
            if board is None:
                if markup is not None:
                    text = say("shop_links", lang, items=missing_items(outcome.text))
                    await bot.send_message(
                        message.chat_id,
                        text,
                        message_thread_id=owner.place.thread_id,
                        reply_markup=markup,
                        rate_limit_args=Priority.BULK,
                    )
                return
            await bot.send_photo(
                message.chat_id,
                board.jpeg,
                caption=board.caption,
                message_thread_id=owner.place.thread_id,
                reply_markup=markup,
                rate_limit_args=Priority.BULK,
            )
        except TelegramError as exc:
            log.warning("Outfit board not sent: %s", type(exc).__name__)

    async def shop_buttons(self, answer: str, lang: Lang) -> InlineKeyboardMarkup | None:
        lines = missing_lines(answer)
        if self.shopping is None or not lines:
            return None
        return product_keyboard(await self.shopping.links_for(lines), lang)
