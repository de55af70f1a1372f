"""/photos, /forget and /body: see and manage what Coordi keeps of this chat."""

from __future__ import annotations

from telegram import InputMediaPhoto, Message, Update
from telegram.ext import Application, CommandHandler

from bot.services import CoordiContext
from bot.telegram.incoming import lang_of, scope_of
from bot.telegram.replies import say
from bot.wardrobe.answer_board import label_of
from bot.wardrobe.intake import image_of
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
    photos = await context.services.store.photos(scope_of(message))
    cards = await context.services.store.cards(scope_of(message))
    if not photos:
        await message.reply_text(say("no_photos", lang), do_quote=False)
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
    await message.reply_text(say("photos_footer", lang, count=len(photos)), do_quote=False)


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
    scope = scope_of(message)
    args = context.args or []
    keeper = context.services.keeper
    if [arg.lower() for arg in args] in (["all"], ["전부"], ["모두"]):
        removed = await keeper.reset(scope)
        await message.reply_text(say("reset_done", lang, photos=removed), do_quote=False)
        return
    numbers = parse_numbers(args)
    if numbers is None:
        await message.reply_text(say("forget_usage", lang), do_quote=False)
        return
    gone = await keeper.forget(scope, numbers)
    missing = sorted(set(numbers) - {meta.number for meta in gone})
    lines = []
    if gone:
        lines.append(say("forget_done", lang, photos=", ".join(label(m, lang) for m in gone)))
    if missing:
        lines.append(say("forget_unknown", lang, numbers=", ".join(map(str, missing))))
    await message.reply_text("\n".join(lines), do_quote=False)


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
    marked = await context.services.keeper.mark_full_body(context.bot, scope_of(message), image)
    if isinstance(marked, str):
        await message.reply_text(say(marked, lang), do_quote=False)
        return
    await message.reply_text(say("body_done", lang, number=marked.number), do_quote=False)


def register(application: Application) -> None:  # type: ignore[type-arg]
    application.add_handler(CommandHandler("photos", show_photos))
    application.add_handler(CommandHandler("forget", forget))
    application.add_handler(CommandHandler("body", mark_full_body))
