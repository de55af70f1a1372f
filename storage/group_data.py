"""A whole group's data at once, for an admin's `/reset all`.

Each member of a group has their own keys (`storage.keys.MemberScope`) in every topic they
use; the chat's member list (`keys.chat_members`, added to by every write of a member)
names them all in the chat's own slot, so the whole group is found without SCAN, on a
single server and a cluster alike.

The keys groups had before members had their own (a place without a member: one shared
wardrobe and history) are never read any more and expire `CHAT_TTL_SECONDS` after the
group's last activity before the upgrade; /reset all deletes them at once for the
topics it knows (the general one, the one it is called in, and those members used since).
"""

from __future__ import annotations

from dataclasses import dataclass

from storage import keys
from storage.chat_store import ChatStore
from storage.connection import RedisClient
from storage.keys import ChatScope, MemberScope

_DELETE_BATCH = 500


@dataclass(frozen=True)
class GroupReset:
    photos: int  # every member's, and the old shared wardrobe's
    members: int


class GroupData:
    def __init__(self, redis: RedisClient, store: ChatStore) -> None:
        self._redis = redis
        self._store = store

    async def members(self, chat_id: int) -> list[MemberScope]:
        raw = await self._redis.smembers(keys.chat_members(chat_id))
        entries = sorted(e.decode() if isinstance(e, bytes) else str(e) for e in raw)
        return [keys.member_from_entry(chat_id, entry) for entry in entries]

    @staticmethod
    def places(here: ChatScope, members: list[MemberScope]) -> list[ChatScope]:
        """The group's topics with data, the general one and `here`, in one fixed order."""
        found = {here, ChatScope(here.chat_id), *(member.place for member in members)}
        return sorted(found, key=lambda place: place.thread_id or 0)

    async def reset_all(self, here: ChatScope, members: list[MemberScope]) -> GroupReset:
        """Delete every member's photos, cards, history, style notes and this month's usage
        in every topic, each topic's occasion, and the old shared keys."""
        places = self.places(here, members)
        owners = [*members, *(MemberScope(place) for place in places)]
        names: list[str] = [keys.chat_members(here.chat_id)]
        names += [keys.occasion(place) for place in places]
        photos = 0
        for owner in owners:
            stored, count = await self._store.stored_keys(owner)
            names += stored
            photos += count
        for start in range(0, len(names), _DELETE_BATCH):
            await self._redis.delete(*names[start : start + _DELETE_BATCH])
        return GroupReset(photos, len({member.member for member in members}))
