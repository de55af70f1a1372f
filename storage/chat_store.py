"""A member's wardrobe photos, cards, conversation history and style notes, and the chat's
occasion, kept in Redis.

Whose: a `MemberScope` (a private chat's own keys, or one group member's), except the
occasion, which belongs to the place (`ChatScope`: the chat or forum topic) and is shared.
Values are JSON (metadata, history) or raw JPEG bytes (thumbnails); never pickle.
Every write refreshes the expiry of all the member's keys (and the place's occasion), so
personal data disappears after `ttl_seconds` of inactivity.

Every key of a chat carries its hash tag, so each pipeline here touches one cluster slot:
one node, one round trip, on a single server and a cluster alike. They are plain
pipelines, not MULTI/EXEC (see `storage.cluster_client`); none needs more, since a chat's
writes that must not interleave run in its turn of the chat queue. The one writer outside
the queue, the wardrobe analysis, writes its cards with a script that checks each card's
photo is still the one it was made from (`set_cards`).
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, replace

from storage import keys
from storage.citations import drop_turns_citing
from storage.connection import RedisClient, check_ready
from storage.keys import ChatScope, MemberScope
from storage.records import HistoryMessage, PhotoMeta, PhotoRole, StoredPhoto, WardrobeCard

# The wardrobe analysis runs beside the answer, outside the chat's queue, so a /forget or
# /reset may come between its read of the photos and its write. Each card is written only
# while its photo is stored as the analysis read it: the same unique id, under the same
# number, added at the same moment (the same upload: a photo forgotten and sent again is a
# new one). Checked and written in one script, so no removal can fall in between.
# KEYS: photo index, cards. ARGV: per card its number, photo unique id, photo metadata JSON,
# card JSON.
_WRITE_CARDS = """
local written = 0
for i = 1, #ARGV, 4 do
  local stored = redis.call('HGET', KEYS[1], ARGV[i + 1])
  if stored then
    local now, seen = cjson.decode(stored), cjson.decode(ARGV[i + 2])
    if now.number == seen.number and now.added_at == seen.added_at then
      redis.call('HSET', KEYS[2], ARGV[i], ARGV[i + 3])
      written = written + 1
    end
  end
end
return written
"""


@dataclass(frozen=True)
class AddPhotoResult:
    meta: PhotoMeta
    added: bool  # False when the same photo (file_unique_id) was stored already
    evicted: tuple[PhotoMeta, ...] = ()


class ChatStore:
    def __init__(
        self,
        redis: RedisClient,
        *,
        ttl_seconds: int,
        history_max_messages: int,
        max_photos: int,
    ) -> None:
        self._redis = redis
        self._ttl = ttl_seconds
        self._history_max = history_max_messages
        self._max_photos = max_photos
        self._write_cards = redis.register_script(_WRITE_CARDS)

    async def ping(self) -> bool:
        """True when every part of Redis the bot needs answers; else a RedisError."""
        await check_ready(self._redis)
        return True

    # Photos

    async def add_photo(
        self,
        owner: MemberScope,
        unique_id: str,
        jpeg: bytes,
        role: PhotoRole,
        width: int,
        height: int,
    ) -> AddPhotoResult:
        index = keys.photo_index(owner)
        existing = await self._redis.hget(index, unique_id)
        if existing is not None:
            await self.touch(owner)
            return AddPhotoResult(meta=_meta_from_json(existing), added=False)
        number = int(await self._redis.incr(keys.photo_sequence(owner)))
        meta = PhotoMeta(unique_id, number, role, width, height, time.time())
        async with self._redis.pipeline(transaction=False) as pipe:
            pipe.hsetnx(index, unique_id, _meta_json(meta))
            pipe.set(keys.photo_bytes(owner, unique_id), jpeg, ex=self._ttl)
            was_new, _ = await pipe.execute()
        if not was_new:  # a concurrent turn stored the same photo first
            stored = await self._redis.hget(index, unique_id)
            return AddPhotoResult(meta=_meta_from_json(stored) if stored else meta, added=False)
        evicted = await self._evict_over_limit(owner)
        await self.touch(owner)
        return AddPhotoResult(meta=meta, added=True, evicted=evicted)

    async def photo_metas(self, owner: MemberScope) -> list[PhotoMeta]:
        raw = await self._redis.hgetall(keys.photo_index(owner))
        metas = [_meta_from_json(value) for value in raw.values()]
        return sorted(metas, key=lambda meta: meta.number)

    async def photos(self, owner: MemberScope) -> list[StoredPhoto]:
        metas = await self.photo_metas(owner)
        if not metas:
            return []
        blobs = await self._redis.mget([keys.photo_bytes(owner, m.unique_id) for m in metas])
        return [
            StoredPhoto(meta, _as_bytes(blob))
            for meta, blob in zip(metas, blobs, strict=True)
            if blob
        ]

    async def remove_photos(self, owner: MemberScope, metas: Sequence[PhotoMeta]) -> None:
        """Delete photos with their bytes and cards (callers already hold the metadata)."""
        if not metas:
            return
        async with self._redis.pipeline(transaction=False) as pipe:
            pipe.hdel(keys.photo_index(owner), *(meta.unique_id for meta in metas))
            pipe.hdel(keys.cards(owner), *(str(meta.number) for meta in metas))
            pipe.delete(*(keys.photo_bytes(owner, meta.unique_id) for meta in metas))
            await pipe.execute()

    async def set_role(
        self, owner: MemberScope, unique_id: str, role: PhotoRole
    ) -> PhotoMeta | None:
        index = keys.photo_index(owner)
        raw = await self._redis.hget(index, unique_id)
        if raw is None:
            return None
        meta = replace(_meta_from_json(raw), role=role)
        await self._redis.hset(index, unique_id, _meta_json(meta))
        return meta

    async def forget(self, owner: MemberScope, numbers: Iterable[int]) -> list[PhotoMeta]:
        """Remove photos by number, and every history turn that cited them."""
        wanted = set(numbers)
        gone = [meta for meta in await self.photo_metas(owner) if meta.number in wanted]
        if not gone:
            return []
        await self.remove_photos(owner, gone)
        history = await self.history(owner)
        kept = drop_turns_citing(history, {meta.number for meta in gone})
        if len(kept) != len(history):
            key = keys.history(owner)
            async with self._redis.pipeline(transaction=False) as pipe:
                pipe.delete(key)
                if kept:
                    pipe.rpush(key, *(json.dumps(asdict(m), ensure_ascii=False) for m in kept))
                    pipe.expire(key, self._ttl)
                await pipe.execute()
        return gone

    async def _evict_over_limit(self, owner: MemberScope) -> tuple[PhotoMeta, ...]:
        metas = await self.photo_metas(owner)
        excess = len(metas) - self._max_photos
        if excess <= 0:
            return ()
        # The full-body photo is the one users care most about; clothes go first.
        order = [m for m in metas if m.role == "clothing"] + [
            m for m in metas if m.role != "clothing"
        ]
        evicted = tuple(order[:excess])
        await self.remove_photos(owner, evicted)
        return evicted

    # History

    async def append_history(self, owner: MemberScope, *messages: HistoryMessage) -> None:
        key = keys.history(owner)
        async with self._redis.pipeline(transaction=False) as pipe:
            pipe.rpush(key, *(json.dumps(asdict(m), ensure_ascii=False) for m in messages))
            pipe.ltrim(key, -self._history_max, -1)
            await pipe.execute()
        await self.touch(owner)

    async def history(self, owner: MemberScope) -> list[HistoryMessage]:
        raw = await self._redis.lrange(keys.history(owner), 0, -1)
        return [HistoryMessage(**json.loads(item)) for item in raw]

    # Wardrobe cards and style notes

    async def set_cards(
        self, owner: MemberScope, cards: Iterable[WardrobeCard], made_from: Sequence[PhotoMeta]
    ) -> int:
        """Keep the cards the analysis made from `made_from` (the photos as it read them);
        returns how many were written. A card whose photo was forgotten, evicted or reset
        while the analysis ran is dropped, and so is one whose number a later photo took."""
        by_number = {meta.number: meta for meta in made_from}
        args: list[str] = []
        for card in cards:
            meta = by_number.get(card.number)
            if meta is not None:
                args += [str(card.number), meta.unique_id, _meta_json(meta), card.to_json()]
        if not args:
            return 0
        written = int(
            await self._write_cards(keys=[keys.photo_index(owner), keys.cards(owner)], args=args)
        )
        if written:
            await self.touch(owner)
        return written

    async def cards(self, owner: MemberScope) -> dict[int, WardrobeCard]:
        raw = await self._redis.hgetall(keys.cards(owner))
        return {
            int(number): WardrobeCard.from_dict(json.loads(value)) for number, value in raw.items()
        }

    async def set_style(self, owner: MemberScope, notes: str) -> None:
        await self._redis.set(keys.style(owner), notes.encode(), ex=self._ttl)
        await self.touch(owner)

    async def style(self, owner: MemberScope) -> str | None:
        raw = await self._redis.get(keys.style(owner))
        return _as_bytes(raw).decode() if raw else None

    # Occasion: the place's, shared by its members

    async def set_occasion(self, owner: MemberScope, occasion: str) -> None:
        """`owner` sets the occasion of their chat or topic (their activity slides expiry)."""
        await self._redis.set(keys.occasion(owner.place), occasion.encode(), ex=self._ttl)
        await self.touch(owner)

    async def occasion(self, place: ChatScope) -> str | None:
        raw = await self._redis.get(keys.occasion(place))
        return _as_bytes(raw).decode() if raw else None

    # Whole member

    async def touch(self, owner: MemberScope) -> None:
        """Slide the expiry of every key of the member, and of the place's occasion, forward;
        a group member is also listed in the chat's members, for /reset all."""
        unique_ids = await self._photo_ids(owner)
        async with self._redis.pipeline(transaction=False) as pipe:
            for key in [*keys.member_keys(owner), keys.occasion(owner.place)]:
                pipe.expire(key, self._ttl)
            for uid in unique_ids:
                pipe.expire(keys.photo_bytes(owner, uid), self._ttl)
            if owner.member is not None:
                pipe.sadd(keys.chat_members(owner.chat_id), owner.entry)
                pipe.expire(keys.chat_members(owner.chat_id), self._ttl)
            await pipe.execute()

    async def _photo_ids(self, owner: MemberScope) -> list[str]:
        raw = await self._redis.hkeys(keys.photo_index(owner))
        return [_as_bytes(uid).decode() for uid in raw]

    async def stored_keys(self, owner: MemberScope) -> tuple[list[str], int]:
        """Every key /reset deletes for `owner`, and how many photos they hold. The city
        (/city) goes too: it is the member's in the whole chat (a private chat's user is
        the chat)."""
        unique_ids = await self._photo_ids(owner)
        names = keys.member_keys(owner) + [keys.photo_bytes(owner, uid) for uid in unique_ids]
        names.append(keys.usage(owner, time.strftime("%Y-%m", time.gmtime())))
        user = owner.member if owner.member is not None else owner.chat_id
        names.append(keys.user_place(owner.chat_id, user))
        return names, len(unique_ids)

    async def reset(self, owner: MemberScope) -> int:
        """Delete everything stored for the member; returns how many photos went. A private
        chat's occasion goes too (the chat is its member); a group's stays for the others."""
        names, photos = await self.stored_keys(owner)
        if owner.member is None:
            names.append(keys.occasion(owner.place))
        await self._redis.delete(*names)
        return photos


def _meta_from_json(raw: bytes | str) -> PhotoMeta:
    return PhotoMeta(**json.loads(raw))


def _meta_json(meta: PhotoMeta) -> str:
    return json.dumps(asdict(meta))


def _as_bytes(value: bytes | str) -> bytes:
    # The client is created without decode_responses, so Redis answers bytes.
    return value if isinstance(value, bytes) else value.encode()
