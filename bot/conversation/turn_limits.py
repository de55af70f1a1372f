"""A turn counted against the user's and the chat's limits before any work is done."""

from __future__ import annotations

from telegram import Message

from bot import metrics
from bot.telegram.replies import duration, say
from prompts.language import Lang
from storage.limits import Limits


class TurnLimits:
    def __init__(self, limits: Limits) -> None:
        self._limits = limits

    async def admit(self, message: Message, lang: Lang, *, photos: int = 0) -> bool:
        """Count this turn against the limits; over one, tell the user when to come back."""
        user_id = message.from_user.id if message.from_user else message.chat_id
        hit = await self._limits.take_turn(user_id, message.chat_id)
        if hit is None and photos:
            hit = await self._limits.take_photos(user_id, photos)
        if hit is None:
            return True
        metrics.LIMITED.labels(hit.name).inc()
        wait = duration(hit.retry_after, lang)
        await message.reply_text(say(f"limit_{hit.name}", lang, wait=wait), do_quote=False)
        return False

    async def spend_tokens(self, user_id: int, tokens: int) -> None:
        await self._limits.spend_tokens(user_id, tokens)
