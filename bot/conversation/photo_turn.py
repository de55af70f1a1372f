"""Photos arriving (one, or an album): store them, say what could not be used, then
answer once.

A caption is the question, answered at once. Photos without one usually have
their question typed a moment later: they are handed over (`PhotoHandoff`) to
that text, which answers for both, so the user gets one answer and no "photos
saved" message. Only when no question comes within a few seconds does this turn
answer for the occasion set with /tpo, or confirm what it saved.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

from telegram import Message
from telegram.ext import ExtBot

from bot import metrics
from bot.conversation.chat_turn import ChatTurns
from bot.conversation.stylist import Stylist
from bot.telegram.call_kinds import Priority
from bot.telegram.incoming import member_of, scope_of, sender_of
from bot.telegram.replies import say
from bot.wardrobe.intake import IncomingImage, IntakeResult, WardrobeIntake
from prompts.language import Lang
from storage.chat_store import ChatStore
from storage.photo_handoff import PhotoHandoff
from storage.records import PhotoMeta


class PhotoTurns:
    def __init__(
        self,
        *,
        store: ChatStore,
        intake: WardrobeIntake,
        stylist: Stylist,
        turns: ChatTurns,
        handoff: PhotoHandoff,
        max_photos: int,
    ) -> None:
        self._store = store
        self._intake = intake
        self._stylist = stylist
        self._turns = turns
        self._handoff = handoff
        self._max_photos = max_photos

    async def expect(self, message: Message) -> None:
        """A caption-less photo arrived: a question sent now waits for it to be stored."""
        await self._handoff.expect(scope_of(message), sender_of(message))

    async def take(
        self,
        bot: ExtBot[Priority],
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
        scope, member, user = scope_of(first), member_of(first), sender_of(first)
        owner = f"{first.chat_id}:{first.message_id}"
        metrics.ALBUM_SIZE.observe(parts)
        result = IntakeResult()
        try:
            if not await self._turns.limits.admit(first, lang, photos=len(images)):
                return
            result = await self._intake.take_in(bot, member, images, body_hint=body_hint)
        finally:
            # Always, even with nothing stored: a question waiting for this intake goes on.
            await self._handoff.offer(scope, user, result.numbers, owner)
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
        analysis = asyncio.create_task(self._stylist.describe_photos(member, result.numbers, lang))
        try:
            if question:
                # These photos, and any sent just before without a caption.
                earlier = await self._handoff.claim(scope, user, patience=0)
                await self._turns.answer(
                    bot,
                    first,
                    lang=lang,
                    question=question,
                    new_photo_numbers=tuple(dict.fromkeys(earlier + result.numbers)),
                )
                return
            numbers = await self._handoff.unclaimed(scope, user, owner)
            if numbers is None:
                return  # a question took these photos, or a later album speaks for them
            if await self._store.occasion(scope):
                await self._turns.answer(
                    bot, first, lang=lang, question=None, new_photo_numbers=numbers
                )
                return
            metas = [m for m in await self._store.photo_metas(member) if m.number in numbers]
            text = say("photos_saved", lang, summary=summary(metas, result, lang))
            await first.reply_text(text, do_quote=False)
        finally:
            await analysis


def summary(saved: Sequence[PhotoMeta], result: IntakeResult, code: Lang) -> str:
    body = sum(1 for meta in saved if meta.role == "full_body")
    clothes = len(saved) - body
    parts = []
    if body:
        parts.append(say("summary_body", code, n=body))
    if clothes:
        parts.append(say("summary_clothes", code, n=clothes))
    if result.duplicates:
        parts.append(say("already_saved", code))
    return ", ".join(parts)
