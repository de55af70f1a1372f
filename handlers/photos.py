"""Photos and image files, alone or as an album: gathered, parsed, handed to the photo turn."""

from __future__ import annotations

from collections.abc import Sequence

from telegram import Message, Update
from telegram.ext import Application, MessageHandler, filters

from bot.services import CoordiContext
from bot.telegram.incoming import is_addressed, is_private, lang_of, scope_of, strip_mention
from bot.wardrobe.intake import IncomingImage, image_of, marks_full_body


async def receive_image(update: Update, context: CoordiContext) -> None:
    message = update.effective_message
    if message is None:
        return
    services = context.services
    bot = context.bot
    if not message.caption and (is_private(message) or is_addressed(message, bot.username, bot.id)):
        # Its question may be on its way as a text: that text waits for these photos.
        await services.photo_turns.expect(message)
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
    long_side = context.services.settings.image_long_side
    images: list[IncomingImage] = []
    rejected: list[str] = []
    for part in parts:
        found = image_of(part, long_side)
        if isinstance(found, str):
            rejected.append(found)
        else:
            images.append(found)
    await context.services.photo_turns.take(
        bot,
        first,
        images,
        rejected=rejected,
        question=question,
        lang=lang_of(first, question or ""),
        body_hint=marks_full_body(caption),
        parts=len(parts),
    )


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
