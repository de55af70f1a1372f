"""The user's city, and the one line of weather a turn's prompt gets from it.

Nothing here ever stops an answer: no city, no forecast for that day, or Open-Meteo down all
mean the same thing, no weather line, and the prompt then tells the model nothing about the
weather, so it claims nothing.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, date, datetime, timedelta

from bot.weather.occasion_day import days_ahead
from bot.weather.open_meteo import DayForecast, OpenMeteo, WeatherUnavailable
from storage.places import Place, UserPlaces

Clock = Callable[[], datetime]
MAX_CITY_LENGTH = 80


def _utc_now() -> datetime:
    return datetime.now(UTC)


class WeatherDesk:
    def __init__(self, places: UserPlaces, meteo: OpenMeteo, *, now: Clock = _utc_now) -> None:
        self.places = places
        self.meteo = meteo
        self.clock = now  # injectable: tests pin "today"

    async def set_city(self, chat_id: int, user_id: int, name: str, lang: str) -> Place | None:
        """The place found for `name` (None: no such city). Raises WeatherUnavailable."""
        place = await self.meteo.geocode(name[:MAX_CITY_LENGTH], lang)
        if place is not None:
            await self.places.set(chat_id, user_id, place)
        return place

    async def set_location(
        self, chat_id: int, user_id: int, latitude: float, longitude: float
    ) -> Place:
        # Open-Meteo has no reverse geocoding: the place is named by its coordinates.
        place = Place(f"{latitude:.2f}, {longitude:.2f}", latitude, longitude)
        await self.places.set(chat_id, user_id, place)
        return place

    async def line_for(
        self,
        chat_id: int,
        user_id: int,
        question: str | None,
        occasion: Callable[[], Awaitable[str | None]],
    ) -> str | None:
        """The line "Weather forecast for the occasion (...): ...", or None."""
        place = await self.places.get(chat_id, user_id)
        if place is None:
            return None
        try:
            forecast = await self.meteo.forecast(place)
        except WeatherUnavailable:
            return None
        today = (self.clock() + timedelta(seconds=forecast.utc_offset_seconds)).date()
        ahead = days_ahead(question, today)
        if ahead is None:
            ahead = days_ahead(await occasion(), today) or 0
        day = today + timedelta(days=ahead)
        found = next((d for d in forecast.days if d.day == day), None)
        return forecast_line(place, found, today) if found is not None else None


def forecast_line(place: Place, forecast: DayForecast, today: date) -> str | None:
    parts = []
    if forecast.t_min is not None and forecast.t_max is not None:
        parts.append(f"{forecast.t_min:.0f} to {forecast.t_max:.0f} °C")
    if forecast.rain_chance is not None:
        parts.append(f"{forecast.rain_chance:.0f}% chance of rain")
    if forecast.wind_max is not None:
        parts.append(f"wind up to {forecast.wind_max:.0f} km/h")
    if not parts:
        return None
    ahead = (forecast.day - today).days
    when = {0: "today, ", 1: "tomorrow, "}.get(ahead, "")
    when += f"{forecast.day:%a} {forecast.day.day} {forecast.day:%b}"
    return f"Weather forecast for the occasion ({place.name}, {when}): {', '.join(parts)}."
