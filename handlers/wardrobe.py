"""/photos, /forget and /body: see and manage what Coordi keeps of the caller (in a group,
of that member only)."""

from __future__ import annotations

from telegram import InputMediaPhoto, Message, Update
from telegram.ext import Application, CommandHandler

from bot.services import CoordiContext
from bot.telegram.incoming import asks_for_all, is_private, lang_of, member_of, sender_of
from bot.telegram.replies import say
from bot.wardrobe.answer_board import label_of
from bot.wardrobe.intake import image_of
from handlers.reset import reset_own
from prompts.language import Lang
from storage.records import PhotoMeta, WardrobeCard

ALBUM_LIMIT = 10  # Telegram's maximum photos per media group


def label(meta: PhotoMeta, lang: Lang, card: WardrobeCard | None = None) -> str:
    """ "[2] 상의 · 화이트 셔츠" once the photo has a card, "[2] 옷" before."""
    described = label_of(card, lang) if card is not None and card.kind == "item" else ""
    return f"[{meta.number}] {described or say('role_' + meta.role, lang)}"


async def show_photos(update: Update, context: CoordiContext) -> None:
    message = update.effective_message
    if message is None:
        return
    lang = lang_of(message, "")
    owner, private = member_of(message), is_private(message)
    photos = await context.services.store.photos(owner)
    cards = await context.services.store.cards(owner)
    if not photos:
        await message.reply_text(say("no_photos", lang), do_quote=not private)
        return
    for start in range(0, len(photos), ALBUM_LIMIT):
        chunk = photos[start : start + ALBUM_LIMIT]
        await message.reply_media_group(
            [
                InputMediaPhoto(
                    photo.jpeg, caption=label(photo.meta, lang, cards.get(photo.meta.number))
                )
                for photo in chunk
            ],
            do_quote=False,
        )
    footer = "photos_footer" if private else "photos_footer_member"
    await message.reply_text(say(footer, lang, count=len(photos)), do_quote=not private)


def parse_numbers(args: list[str]) -> list[int] | None:
    numbers = []
    for arg in args:
        for part in arg.replace(",", " ").split():
            if not part.strip("[]").isdigit():
                return None
            numbers.append(int(part.strip("[]")))
    return numbers or None


async def forget(update: Update, context: CoordiContext) -> None:
    message = update.effective_message
    if message is None:
        return
    lang = lang_of(message, "")
    if asks_for_all(context.args):  # the caller's everything, like /reset
        await reset_own(message, context, lang)
        return
    numbers = parse_numbers(context.args or [])
    if numbers is None:
        await message.reply_text(say("forget_usage", lang), do_quote=False)
        return
    gone = await context.services.keeper.forget(member_of(message), numbers)
    missing = sorted(set(numbers) - {meta.number for meta in gone})
    lines = []
    if gone:
        lines.append(say("forget_done", lang, photos=", ".join(label(m, lang) for m in gone)))
    if missing:
        lines.append(say("forget_unknown", lang, numbers=", ".join(map(str, missing))))
    await message.reply_text("\n".join(lines), do_quote=not is_private(message))


async def mark_full_body(update: Update, context: CoordiContext) -> None:
    message = update.effective_message
    if message is None:
        return
    lang = lang_of(message, "")
    target: Message | None = message.reply_to_message
    settings = context.services.settings
    image = image_of(target, settings.image_long_side) if target is not None else "not_image"
    if isinstance(image, str):
        await message.reply_text(say("body_usage", lang), do_quote=False)
        return
    if target is not None and not is_private(message) and sender_of(target) != sender_of(message):
        # In a group only the member who sent a photo may put it into their wardrobe.
        await message.reply_text(say("body_not_yours", lang), do_quote=True)
        return
    owner = member_of(message)
    marked = await context.services.keeper.mark_full_body(context.bot, owner, image)
    if isinstance(marked, str):
        await message.reply_text(say(marked, lang), do_quote=False)
        return
    await message.reply_text(say("body_done", lang, number=marked.number), do_quote=False)


def register(application: Application) -> None:  # type: ignore[type-arg]
    application.add_handler(CommandHandler("photos", show_photos))
    application.add_handler(CommandHandler("forget", forget))
    application.add_handler(CommandHandler("body", mark_full_body))
