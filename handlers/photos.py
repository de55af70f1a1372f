"""Photos and image files, alone or as an album: store them, then answer once."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

from telegram import Message, Update
from telegram.ext import Application, MessageHandler, filters

from bot import metrics
from bot.language import Lang
from bot.replies import say
from bot.services import CoordiContext
from bot.wardrobe import IncomingImage, IntakeResult, image_of, marks_full_body
from handlers.common import (
    is_addressed,
    lang_of,
    scope_of,
    stream_answer,
    strip_mention,
    within_limits,
)


async def receive_image(update: Update, context: CoordiContext) -> None:
    message = update.effective_message
    if message is None:
        return
    services = context.services
    if message.media_group_id:
        # Parts may reach different workers; Redis gathers them for exactly one of them.
        album = await services.albums.collect(
            scope_of(message), message.media_group_id, update.to_dict()
        )
        if album is None:
            return  # another part of the album answers for all of them
        messages = [Update.de_json(part, context.bot).effective_message for part in album]
        parts: Sequence[Message] = sorted(
            (m for m in messages if m is not None), key=lambda part: part.message_id
        )
    else:
        parts = [message]
    await handle_turn(parts, context)


async def handle_turn(parts: Sequence[Message], context: CoordiContext) -> None:
    bot = context.bot
    # In groups an album counts as addressed when any part (usually the captioned one) is.
    if not any(is_addressed(part, bot.username, bot.id) for part in parts):
        return
    first = parts[0]
    caption = next((part.caption for part in parts if part.caption), None)
    question = strip_mention(caption, bot.username)
    lang = lang_of(first, question or "")
    settings = context.services.settings

    images: list[IncomingImage] = []
    rejected: list[str] = []
    for part in parts:
        found = image_of(part, settings.image_long_side)
        (rejected if isinstance(found, str) else images).append(found)  # type: ignore[arg-type]

    scope = scope_of(first)
    metrics.ALBUM_SIZE.observe(len(parts))
    if not await within_limits(context, first, lang, photos=len(images)):
        return
    result = await context.services.intake.take_in(
        bot, scope, images, body_hint=marks_full_body(caption)
    )
    result.rejected = rejected + result.rejected
    for reason in dict.fromkeys(result.rejected):
        await first.reply_text(say(reason, lang), do_quote=False)
    if result.evicted:
        names = ", ".join(f"[{meta.number}]" for meta in result.evicted)
        await first.reply_text(
            say("evicted", lang, limit=settings.max_photos, photos=names), do_quote=False
        )
    if not result.stored and not result.duplicates:
        return  # nothing usable arrived; the rejection message said why

    # One vision call per album makes the wardrobe cards; it runs while the answer streams
    # (this answer sees the new pictures themselves; later turns use the cards).
    analysis = asyncio.create_task(
        context.services.stylist.describe_photos(scope, result.numbers, lang)
    )
    try:
        occasion = await context.services.store.occasion(scope)
        if question or occasion:
            await stream_answer(
                context,
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


def register(application: Application) -> None:  # type: ignore[type-arg]
    application.add_handler(
        MessageHandler(
            (
                filters.PHOTO
                | filters.Document.ALL
                | filters.VIDEO
                | filters.ANIMATION
                | filters.VIDEO_NOTE
            )
            & ~filters.UpdateType.EDITED,
            receive_image,
        )
    )
