"""Open-Meteo's geocoding and forecast APIs (free, no key), with the forecast cached in Redis.

One forecast request per place an hour at most: it carries the next 16 days, so every
question there in that hour, about any day, is answered from the cache. A failed request is
remembered for a minute, so while Open-Meteo is down answers do not each wait for the
timeout.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import date
from typing import Any

import aiohttp

from storage import keys
from storage.connection import RedisClient
from storage.places import Place

log = logging.getLogger(__name__)

DAILY = "temperature_2m_max,temperature_2m_min,precipitation_probability_max,wind_speed_10m_max"
FORECAST_DAYS = 16
UNAVAILABLE = b'{"unavailable": true}'


class WeatherUnavailable(Exception):
    """Open-Meteo did not answer in time, or not with what it documents."""


@dataclass(frozen=True)
class DayForecast:
    day: date
    t_min: float | None
    t_max: float | None
    rain_chance: float | None  # percent
    wind_max: float | None  # km/h


@dataclass(frozen=True)
class Forecast:
    utc_offset_seconds: int
    days: tuple[DayForecast, ...]


class OpenMeteo:
    def __init__(
        self,
        redis: RedisClient,
        *,
        forecast_base_url: str,
        geocoding_base_url: str,
        timeout: float,
        cache_seconds: int = 3600,
        failure_seconds: int = 60,
    ) -> None:
        self._redis = redis
        self._forecast_url = forecast_base_url.rstrip("/") + "/forecast"
        self._geocoding_url = geocoding_base_url.rstrip("/") + "/search"
        self._timeout = aiohttp.ClientTimeout(total=timeout)
        self._cache_seconds = cache_seconds
        self._failure_seconds = failure_seconds
        self._session: aiohttp.ClientSession | None = None

    async def geocode(self, name: str, lang: str) -> Place | None:
        """The best match for a city name, or None when there is none."""
        params = {"name": name, "count": "1", "language": lang, "format": "json"}
        payload = await self._get(self._geocoding_url, params)
        results = payload.get("results") or []
        if not isinstance(results, list) or not results:
            return None
        top = results[0]
        try:
            label = ", ".join(str(top[k]) for k in ("name", "country") if top.get(k))
            return Place(label, float(top["latitude"]), float(top["longitude"]),
                         str(top["timezone"]) if top.get("timezone") else None)  # fmt: skip
        except (KeyError, TypeError, ValueError):
            raise WeatherUnavailable("geocoding result without coordinates") from None

    async def forecast(self, place: Place) -> Forecast:
        key = keys.forecast(place.latitude, place.longitude)
        cached = await self._redis.get(key)
        if cached == UNAVAILABLE:
            raise WeatherUnavailable("failed a moment ago")
        if cached is not None:
            try:
                return parse_forecast(json.loads(cached))
            except (ValueError, KeyError, TypeError):
                pass  # an entry this version cannot read: fetch again
        params = {
            "latitude": f"{place.latitude:.4f}",
            "longitude": f"{place.longitude:.4f}",
            "daily": DAILY,
            "timezone": place.timezone or "auto",
            "forecast_days": str(FORECAST_DAYS),
        }
        try:
            payload = await self._get(self._forecast_url, params)
            forecast = parse_forecast(payload)
        except (WeatherUnavailable, ValueError, KeyError, TypeError) as exc:
            await self._redis.set(key, UNAVAILABLE, ex=self._failure_seconds)
            raise WeatherUnavailable(str(exc)) from None
        kept = {k: payload[k] for k in ("utc_offset_seconds", "daily")}
        await self._redis.set(key, json.dumps(kept), ex=self._cache_seconds)
        return forecast

    async def _get(self, url: str, params: dict[str, str]) -> dict[str, Any]:
        if self._session is None:
            self._session = aiohttp.ClientSession(timeout=self._timeout)
        try:
            async with self._session.get(url, params=params) as response:
                if response.status != 200:
                    # Open-Meteo answers 400 {"error": true, "reason": "..."} for bad input.
                    raise WeatherUnavailable(f"HTTP {response.status}")
                payload = await response.json()
        except (aiohttp.ClientError, TimeoutError, ValueError) as exc:
            log.warning("Open-Meteo unreachable (%s)", type(exc).__name__)
            raise WeatherUnavailable(type(exc).__name__) from None
        if not isinstance(payload, dict):
            raise WeatherUnavailable("not a JSON object")
        return payload

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None


def parse_forecast(payload: dict[str, Any]) -> Forecast:
    daily = payload["daily"]
    days = [date.fromisoformat(day) for day in daily["time"]]

    def column(name: str) -> list[float | None]:
        values = daily.get(name) or [None] * len(days)
        if len(values) != len(days):
            raise ValueError(f"{name} has {len(values)} values for {len(days)} days")
        return [None if v is None else float(v) for v in values]

    rows = zip(days, column("temperature_2m_min"), column("temperature_2m_max"),
               column("precipitation_probability_max"), column("wind_speed_10m_max"),
               strict=True)  # fmt: skip
    return Forecast(int(payload["utc_offset_seconds"]), tuple(DayForecast(*row) for row in rows))
