"""Where each user is (the city from /city, or a shared location), for the weather.

Per member of a chat, under the chat's hash tag, expiring with the chat's other personal data
after `ttl_seconds` without use; reading it slides the expiry like any other use.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass

from storage import keys
from storage.connection import RedisClient


@dataclass(frozen=True)
class Place:
    name: str  # as shown back to the user: "서울, 대한민국" or "37.57, 126.98"
    latitude: float
    longitude: float
    timezone: str | None = None  # IANA name from geocoding; None: Open-Meteo's "auto"


class UserPlaces:
    def __init__(self, redis: RedisClient, *, ttl_seconds: int) -> None:
        self._redis = redis
        self._ttl = ttl_seconds

    async def set(self, chat_id: int, user_id: int, place: Place) -> None:
        value = json.dumps(asdict(place), ensure_ascii=False)
        await self._redis.set(keys.user_place(chat_id, user_id), value, ex=self._ttl)

    async def get(self, chat_id: int, user_id: int) -> Place | None:
        raw = await self._redis.getex(keys.user_place(chat_id, user_id), ex=self._ttl)
        if raw is None:
            return None
        try:
            return Place(**json.loads(raw))
        except (ValueError, TypeError):
            return None  # written by an incompatible version: as if unset

    async def clear(self, chat_id: int, user_id: int) -> bool:
        return bool(await self._redis.delete(keys.user_place(chat_id, user_id)))
