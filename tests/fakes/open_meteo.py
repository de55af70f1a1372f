"""A fake Open-Meteo (forecast `GET /v1/forecast` and geocoding `GET /v1/search`) on 127.0.0.1.

It answers in Open-Meteo's documented shapes, refuses what the real one refuses (a missing
or out-of-range coordinate, an unknown daily variable, a bad timezone, forecast_days over 16:
HTTP 400 with `{"error": true, "reason": ...}`), and counts the calls it gets.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from aiohttp import web

from tests.fakes.local_server import LocalServer

KNOWN_DAILY = {
    "temperature_2m_max",
    "temperature_2m_min",
    "precipitation_probability_max",
    "wind_speed_10m_max",
    "precipitation_sum",
    "weather_code",
    "sunrise",
    "sunset",
}
UNITS = {"time": "iso8601", "temperature_2m_max": "°C", "temperature_2m_min": "°C",
         "precipitation_probability_max": "%", "wind_speed_10m_max": "km/h",
         "precipitation_sum": "mm", "weather_code": "wmo code", "sunrise": "iso8601",
         "sunset": "iso8601"}  # fmt: skip
TIMEZONES = {"Asia/Seoul": (32400, "GMT+9"), "Europe/London": (0, "GMT"), "UTC": (0, "UTC"),
             "GMT": (0, "GMT"), "America/New_York": (-18000, "GMT-5")}  # fmt: skip
SEOUL = {
    "id": 1835848, "name": "서울", "latitude": 37.566, "longitude": 126.9784,
    "elevation": 38.0, "feature_code": "PPLC", "country_code": "KR", "admin1_id": 1835847,
    "timezone": "Asia/Seoul", "population": 10349312, "country_id": 1835841,
    "country": "대한민국", "admin1": "서울특별시",
}  # fmt: skip


@dataclass
class Day:
    t_min: float | None = 3.4
    t_max: float | None = 11.2
    rain: int | None = 10
    wind: float | None = 12.3


class FakeOpenMeteo(LocalServer):
    def __init__(self, today: date) -> None:
        # The first forecast day (local today at the place); fixed, so tests never race midnight.
        self.today = today
        self.days: dict[int, Day] = {}
        self.places: dict[str, dict[str, Any]] = {"서울": SEOUL, "seoul": SEOUL}
        self.forecast_calls: list[dict[str, str]] = []
        self.geocoding_calls: list[dict[str, str]] = []
        self.status: int | None = None  # answer every request with this status instead

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def set_day(self, offset: int, **values: Any) -> None:
        self.days[offset] = Day(**values)

    def routes(self, app: web.Application) -> None:
        app.router.add_get("/v1/forecast", self._forecast)
        app.router.add_get("/v1/search", self._search)

    @staticmethod
    def _error(reason: str) -> web.Response:
        return web.json_response({"error": True, "reason": reason}, status=400)

    async def _forecast(self, request: web.Request) -> web.Response:
        query = dict(request.query)
        self.forecast_calls.append(query)
        if self.status is not None:
            return web.json_response({"error": True, "reason": "fake outage"}, status=self.status)
        try:
            lat, lon = float(query["latitude"]), float(query["longitude"])
        except KeyError:
            return self._error(
                "Parameter 'latitude' and 'longitude' must have the same number of elements"
            )
        except ValueError:
            return self._error("Latitude must be in range of -90 to 90°. Given: nan.")
        if not -90 <= lat <= 90:
            return self._error(f"Latitude must be in range of -90 to 90°. Given: {lat}.")
        if not -180 <= lon <= 180:
            return self._error(f"Longitude must be in range of -180 to 180°. Given: {lon}.")
        daily = [v for v in query.get("daily", "").split(",") if v]
        for name in daily:
            if name not in KNOWN_DAILY:
                return self._error(
                    f"Cannot initialize ForecastVariableDaily from invalid String value {name}."
                )
        tz_name = query.get("timezone", "GMT")
        if tz_name == "auto":
            tz_name = "Asia/Seoul"
        if tz_name not in TIMEZONES:
            return self._error("Invalid timezone")
        days = int(query.get("forecast_days", "7"))
        if not 0 <= days <= 16:
            return self._error("Forecast days is invalid. Allowed range 0 to 16.")
        offset, abbreviation = TIMEZONES[tz_name]
        body: dict[str, Any] = {
            "latitude": round(lat, 4), "longitude": round(lon, 4), "generationtime_ms": 0.05,
            "utc_offset_seconds": offset, "timezone": tz_name,
            "timezone_abbreviation": abbreviation, "elevation": 38.0,
        }  # fmt: skip
        if daily:
            times = [(self.today + timedelta(days=i)).isoformat() for i in range(days)]
            values = [self.days.get(i, Day()) for i in range(days)]
            columns = {"temperature_2m_max": [v.t_max for v in values],
                       "temperature_2m_min": [v.t_min for v in values],
                       "precipitation_probability_max": [v.rain for v in values],
                       "wind_speed_10m_max": [v.wind for v in values]}  # fmt: skip
            body["daily_units"] = {k: UNITS[k] for k in ["time", *daily]}
            body["daily"] = {"time": times} | {k: columns.get(k, [0.0] * days) for k in daily}
        return web.json_response(body)

    async def _search(self, request: web.Request) -> web.Response:
        query = dict(request.query)
        self.geocoding_calls.append(query)
        if self.status is not None:
            return web.json_response({"error": True, "reason": "fake outage"}, status=self.status)
        name = query.get("name", "").strip()
        count = int(query.get("count", "10"))
        if not 1 <= count <= 100:
            return self._error("Parameter count must be between 1 and 100.")
        found = self.places.get(name.lower()) if len(name) >= 2 else None
        body: dict[str, Any] = {"generationtime_ms": 0.4}
        if found is not None:
            body["results"] = [found][:count]
        return web.json_response(body)
