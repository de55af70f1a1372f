"""Photos arriving (one, or an album): store them, say what could not be used, then
answer once, or confirm what was saved when there is nothing to answer yet."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

from telegram import Bot, Message

from bot import metrics
from bot.conversation.chat_turn import ChatTurns
from bot.conversation.stylist import Stylist
from bot.telegram.incoming import scope_of
from bot.telegram.replies import say
from bot.wardrobe.intake import IncomingImage, IntakeResult, WardrobeIntake
from prompts.language import Lang
from storage.chat_store import ChatStore


class PhotoTurns:
    def __init__(
        self,
        *,
        store: ChatStore,
        intake: WardrobeIntake,
        stylist: Stylist,
        turns: ChatTurns,
        max_photos: int,
    ) -> None:
        self._store = store
        self._intake = intake
        self._stylist = stylist
        self._turns = turns
        self._max_photos = max_photos

    async def take(
        self,
        bot: Bot,
        first: Message,
        images: Sequence[IncomingImage],
        *,
        rejected: Sequence[str],
        question: str,
        lang: Lang,
        body_hint: bool,
        parts: int,
    ) -> None:
        """`first` is the message replies go to; `rejected` the parts that held no image."""
        scope = scope_of(first)
        metrics.ALBUM_SIZE.observe(parts)
        if not await self._turns.limits.admit(first, lang, photos=len(images)):
            return
        result = await self._intake.take_in(bot, scope, images, body_hint=body_hint)
        result.rejected = [*rejected, *result.rejected]
        for reason in dict.fromkeys(result.rejected):
            await first.reply_text(say(reason, lang), do_quote=False)
        if result.evicted:
            names = ", ".join(f"[{meta.number}]" for meta in result.evicted)
            await first.reply_text(
                say("evicted", lang, limit=self._max_photos, photos=names), do_quote=False
            )
        if not result.stored and not result.duplicates:
            return  # nothing usable arrived; the rejection message said why

        # One vision call per album makes the wardrobe cards; it runs while the answer
        # streams (this answer sees the new pictures themselves; later turns use the cards).
        analysis = asyncio.create_task(self._stylist.describe_photos(scope, result.numbers, lang))
        try:
            occasion = await self._store.occasion(scope)
            if question or occasion:
                await self._turns.answer(
                    bot,
                    first,
                    lang=lang,
                    question=question or None,
                    new_photo_numbers=result.numbers,
                )
            else:
                await first.reply_text(
                    say("photos_saved", lang, summary=summary(result, lang)), do_quote=False
                )
        finally:
            await analysis


def summary(result: IntakeResult, code: Lang) -> str:
    body = sum(1 for meta in result.stored if meta.role == "full_body")
    clothes = len(result.stored) - body
    parts = []
    if body:
        parts.append(say("summary_body", code, n=body))
    if clothes:
        parts.append(say("summary_clothes", code, n=clothes))
    if result.duplicates:
        parts.append(say("already_saved", code))
    return ", ".join(parts)
