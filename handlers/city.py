"""/city and shared locations: where the user is, so answers fit that day's weather.

Per member: in a group each member has their own city (keyed by chat and user).
"""

from __future__ import annotations

from telegram import Update
from telegram.ext import Application, CommandHandler, MessageHandler, filters

from bot.services import CoordiContext
from bot.telegram.incoming import is_addressed, lang_of
from bot.telegram.replies import say
from bot.weather.open_meteo import WeatherUnavailable

CLEAR_WORDS = ("clear", "reset", "지우기", "삭제")


async def city(update: Update, context: CoordiContext) -> None:
    message = update.effective_message
    if message is None or message.from_user is None:
        return
    name = " ".join(context.args or []).strip()
    lang = lang_of(message, name or "")
    weather = context.services.weather
    chat_id, user_id = message.chat_id, message.from_user.id
    if not name:
        place = await weather.places.get(chat_id, user_id)
        text = say("city_show", lang, place=place.name) if place else say("city_none", lang)
    elif name.lower() in CLEAR_WORDS:
        await weather.places.clear(chat_id, user_id)
        text = say("city_cleared", lang)
    else:
        try:
            found = await weather.set_city(chat_id, user_id, name, lang)
        except WeatherUnavailable:
            text = say("city_unavailable", lang)
        else:
            text = (
                say("city_set", lang, place=found.name)
                if found
                else say("city_unknown", lang, name=name[:40])
            )
    await message.reply_text(text, do_quote=False)


async def location(update: Update, context: CoordiContext) -> None:
    message = update.effective_message
    if message is None or message.location is None or message.from_user is None:
        return
    # In groups a shared location is for Coordi only when it replies to Coordi.
    if not is_addressed(message, context.bot.username, context.bot.id):
        return
    lang = lang_of(message, "")
    where = message.location
    place = await context.services.weather.set_location(
        message.chat_id, message.from_user.id, where.latitude, where.longitude
    )
    await message.reply_text(say("location_set", lang, place=place.name), do_quote=False)


def register(application: Application) -> None:  # type: ignore[type-arg]
    application.add_handler(CommandHandler("city", city))
    application.add_handler(MessageHandler(filters.LOCATION & ~filters.UpdateType.EDITED, location))
