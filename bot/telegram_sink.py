"""Shows a streamed answer in Telegram: one message edited in place, more when long.

The model writes Markdown; Telegram gets plain text plus MessageEntity objects
from `telegramify-markdown`, so half-written Markdown can never make Telegram
answer "can't parse entities". Past 4096 UTF-16 units the answer continues in
a new message, split at a paragraph or sentence boundary of the source.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
from collections.abc import Sequence

import telegramify_markdown
from telegram import Bot, MessageEntity, ReplyParameters
from telegram.constants import ChatAction
from telegram.error import BadRequest, RetryAfter

from bot.streaming import RetryLater

log = logging.getLogger(__name__)

MESSAGE_LIMIT = 4096
# Boundaries to split a long answer at, best first.
_BOUNDARIES = (
    re.compile(r"\n\n"),
    re.compile(r"\n"),
    re.compile(r"(?<=[.!?。다요])\s"),
    re.compile(r"\s"),
)


def render(markdown: str) -> tuple[str, list[MessageEntity]]:
    """Markdown to Telegram text + entities; never raises."""
    try:
        text, entities = telegramify_markdown.convert(markdown)
    except Exception:  # a converter bug must not cost the user the answer
        log.warning("Markdown conversion failed; sending plain text", exc_info=True)
        return markdown, []
    return text, [MessageEntity.de_json(e.to_dict(), None) for e in entities]


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def split_point(segment: str, limit: int = MESSAGE_LIMIT) -> int:
    """The longest prefix of `segment` that renders within `limit`, cut at a boundary."""
    for boundary in _BOUNDARIES:
        cuts = [m.end() for m in boundary.finditer(segment)]
        for cut in reversed(cuts):
            if cut and utf16_len(render(segment[:cut])[0]) <= limit:
                return cut
    # No boundary fits (one enormous word): cut by characters.
    cut = len(segment)
    while cut > 1 and utf16_len(render(segment[:cut])[0]) > limit:
        cut = cut * 9 // 10
    return max(cut, 1)


class TelegramAnswer:
    """A StreamSink writing one answer into a Telegram chat."""

    def __init__(
        self,
        bot: Bot,
        chat_id: int,
        *,
        thread_id: int | None = None,
        reply_to: int | None = None,
        limit: int = MESSAGE_LIMIT,
    ) -> None:
        self._bot = bot
        self._chat_id = chat_id
        self._thread_id = thread_id
        self._reply_to = reply_to
        self._limit = limit
        self._offset = 0  # where, in the model's text, the current message starts
        self._current_id: int | None = None
        self._current: tuple[str, Sequence[MessageEntity]] | None = None
        self.message_ids: list[int] = []
        self._typing: asyncio.Task[None] | None = None

    def start_typing(self) -> None:
        self._typing = asyncio.create_task(self._keep_typing())

    async def _keep_typing(self) -> None:
        # Telegram shows "typing…" for 5 seconds per call.
        with contextlib.suppress(Exception):
            while True:
                await self._bot.send_chat_action(
                    self._chat_id, ChatAction.TYPING, message_thread_id=self._thread_id
                )
                await asyncio.sleep(4.5)

    async def stop_typing(self) -> None:
        if self._typing is not None:
            self._typing.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._typing
            self._typing = None

    async def show(self, text: str) -> None:
        await self.stop_typing()
        await self._write(text)

    async def finish(self, text: str, *, note: str | None = None) -> None:
        await self.stop_typing()
        if note:
            text = f"{text.rstrip()}\n\n_{note}_" if text.strip() else note
        await self._write(text)

    async def fail(self, message: str) -> None:
        """Tell the user something went wrong, in place of (or after) the answer."""
        await self.stop_typing()
        await self._put(message, [])

    async def _write(self, text: str) -> None:
        while True:
            segment = text[self._offset :]
            rendered, entities = render(segment)
            if utf16_len(rendered) <= self._limit:
                if rendered.strip():
                    await self._put(rendered, entities)
                return
            cut = split_point(segment, self._limit)
            await self._put(*render(segment[:cut]))
            # The finished message stays as it is; the rest goes to a new one.
            self._offset += cut
            self._current_id = None
            self._current = None

    async def _put(self, text: str, entities: Sequence[MessageEntity]) -> None:
        if self._current == (text, entities):
            return
        try:
            await self._send_or_edit(text, entities)
        except BadRequest as exc:
            lowered = exc.message.lower()
            if "not modified" in lowered:
                pass
            elif "parse entities" in lowered or "entity" in lowered:
                log.warning("Telegram rejected the formatting; sending plain text")
                await self._send_or_edit(text, ())
            else:
                raise
        except RetryAfter as exc:
            raise RetryLater(_seconds(exc.retry_after)) from exc
        self._current = (text, entities)

    async def _send_or_edit(self, text: str, entities: Sequence[MessageEntity]) -> None:
        if self._current_id is None:
            reply = (
                ReplyParameters(self._reply_to, allow_sending_without_reply=True)
                if self._reply_to and not self.message_ids
                else None
            )
            message = await self._bot.send_message(
                self._chat_id,
                text,
                entities=entities or None,
                message_thread_id=self._thread_id,
                reply_parameters=reply,
            )
            self._current_id = message.message_id
            self.message_ids.append(message.message_id)
        else:
            await self._bot.edit_message_text(
                text, chat_id=self._chat_id, message_id=self._current_id, entities=entities or None
            )


def _seconds(value: object) -> float:
    total_seconds = getattr(value, "total_seconds", None)
    return float(total_seconds()) if callable(total_seconds) else float(value)  # type: ignore[arg-type]
