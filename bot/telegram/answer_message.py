"""Shows a streamed answer in Telegram: one message edited in place, more when long.

Edit mode (all chats): the first text is sent as a message and then edited in
place; while streaming it carries a ⏹ button, the final edit removes it.
Draft mode (private chats, `sendMessageDraft`): the partial answer is an
animated draft and every finished piece is sent as a normal message; if a
draft call fails the answer falls back to edit mode.
Past 4096 UTF-16 units the answer continues in a new message.

Every call goes through the Telegram door (`bot.telegram.door`) with its
priority: the first message before everything else, the final edit as a reply,
partial edits only with budget to spare (a deferred one is retried later by the
stream controller, carrying more text).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
from collections.abc import Callable, Sequence

from telegram import InlineKeyboardMarkup, MessageEntity, ReplyParameters
from telegram.constants import ChatAction
from telegram.error import BadRequest, TelegramError
from telegram.ext import ExtBot

from bot.tasks import cancel_and_wait
from bot.telegram.call_kinds import Deferred, Priority
from bot.telegram.rendering import MESSAGE_LIMIT, close_open_spans, render, split_point, utf16_len
from bot.telegram.streaming import RetryLater

log = logging.getLogger(__name__)

Shown = tuple[str, Sequence[MessageEntity], InlineKeyboardMarkup | None]


class TelegramAnswer:
    """A StreamSink writing one answer into a Telegram chat."""

    def __init__(
        self,
        bot: ExtBot[Priority],
        chat_id: int,
        *,
        thread_id: int | None = None,
        reply_to: int | None = None,
        stop_button: InlineKeyboardMarkup | None = None,
        feedback_buttons: Callable[[str], InlineKeyboardMarkup] | None = None,
        use_draft: bool = False,
        limit: int = MESSAGE_LIMIT,
    ) -> None:
        self._bot = bot
        self._chat_id = chat_id
        self._thread_id = thread_id
        self._reply_to = reply_to
        self._stop_button = stop_button
        self._feedback_buttons = feedback_buttons
        self._final_markup: InlineKeyboardMarkup | None = None
        self._use_draft = use_draft
        self._draft_id = random.randint(1, 2**31 - 1)
        self._limit = limit
        self._offset = 0  # where, in the model's text, the current message starts
        self._current_id: int | None = None
        self._current: Shown | None = None
        self.message_ids: list[int] = []
        self._typing: asyncio.Task[None] | None = None
        self._drafted = False  # a draft is showing: later drafts are partial updates

    def start_typing(self) -> None:
        self._typing = asyncio.create_task(self._keep_typing())

    async def _keep_typing(self) -> None:
        # Telegram shows "typing…" for 5 seconds per call.
        with contextlib.suppress(TelegramError):
            while True:
                await self._bot.send_chat_action(
                    self._chat_id, ChatAction.TYPING, message_thread_id=self._thread_id
                )
                await asyncio.sleep(4.5)

    async def stop_typing(self) -> None:
        if self._typing is not None:
            typing, self._typing = self._typing, None
            await cancel_and_wait(typing)

    async def show(self, text: str) -> bool:
        return await self._write(text, final=False)

    async def finish(self, text: str, *, note: str | None = None) -> None:
        if note:
            text = f"{text.rstrip()}\n\n_{note}_" if text.strip() else note
        await self._write(text, final=True)

    def set_answer_id(self, answer_id: str) -> None:
        """The last message of the finished answer carries the 👍/👎 buttons."""
        if self._feedback_buttons is not None:
            self._final_markup = self._feedback_buttons(answer_id)

    async def fail(self, message: str) -> None:
        """Tell the user the answer could not be made, in place of a partial one."""
        await self._put(message, [], final=True)

    async def _write(self, text: str, *, final: bool) -> bool:
        """Put the text into messages; False when none of it is visible yet."""
        while True:
            segment = text[self._offset :]
            rendered, entities = render(segment if final else close_open_spans(segment))
            if utf16_len(rendered) <= self._limit:
                if not rendered.strip():
                    return bool(self.message_ids)
                await self._put(rendered, entities, final=final)
                return True
            cut = split_point(segment, self._limit)
            # The earlier part is finished for good; the rest goes to a new message.
            await self._put(*render(segment[:cut]), final=True, last=False)
            self._offset += cut
            self._current_id = None
            self._current = None

    async def _put(
        self, text: str, entities: Sequence[MessageEntity], *, final: bool, last: bool = True
    ) -> None:
        if final:
            markup = self._final_markup if last else None
        else:
            markup = self._stop_button
        if self._current == (text, entities, markup):
            return
        await self.stop_typing()  # "typing…" stays until there is something to read
        if final:
            priority = Priority.REPLY
        elif not self.message_ids and not self._drafted:
            priority = Priority.FIRST  # what the user is waiting for
        else:
            priority = Priority.PARTIAL
        try:
            try:
                await self._deliver(text, entities, markup, final=final, priority=priority)
            except BadRequest as exc:
                lowered = exc.message.lower()
                if "entit" not in lowered:
                    raise
                log.warning("Telegram rejected the formatting; sending plain text")
                await self._deliver(text, (), markup, final=final, priority=priority)
        except Deferred as exc:
            raise RetryLater(exc.retry_in) from exc  # the next update carries this text too
        except BadRequest as exc:
            if "not modified" not in exc.message.lower():
                raise
        self._current = (text, entities, markup)

    async def _deliver(
        self,
        text: str,
        entities: Sequence[MessageEntity],
        markup: InlineKeyboardMarkup | None,
        *,
        final: bool,
        priority: Priority,
    ) -> None:
        if self._use_draft:
            if final:
                await self._send(text, entities, markup, priority)
                self._current_id = None  # drafts leave no message to edit
                return
            try:
                await self._bot.send_message_draft(
                    self._chat_id,
                    self._draft_id,
                    text,
                    message_thread_id=self._thread_id,
                    entities=entities or None,
                    rate_limit_args=priority,
                )
                self._drafted = True
                return
            except Deferred:
                raise
            except TelegramError as exc:
                log.warning("Draft streaming failed (%s); editing a message instead", exc.message)
                self._use_draft = False
        if self._current_id is None:
            await self._send(text, entities, markup, priority)
        else:
            await self._bot.edit_message_text(
                text,
                chat_id=self._chat_id,
                message_id=self._current_id,
                entities=entities or None,
                reply_markup=markup,
                rate_limit_args=priority,
            )

    async def _send(
        self,
        text: str,
        entities: Sequence[MessageEntity],
        markup: InlineKeyboardMarkup | None,
        priority: Priority,
    ) -> None:
        first = not self.message_ids
        reply = (
            ReplyParameters(self._reply_to, allow_sending_without_reply=True)
            if self._reply_to and first
            else None
        )
        message = await self._bot.send_message(
            self._chat_id,
            text,
            entities=entities or None,
            message_thread_id=self._thread_id,
            reply_parameters=reply,
            reply_markup=markup,
            rate_limit_args=priority,
        )
        self._current_id = message.message_id
        self.message_ids.append(message.message_id)
