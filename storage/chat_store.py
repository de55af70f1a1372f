"""A chat's wardrobe photos, conversation history and occasion, kept in Redis.

Values are JSON (metadata, history) or raw JPEG bytes (thumbnails); never pickle.
Every write refreshes the expiry of all the chat's keys, so a chat's personal
data disappears after `ttl_seconds` of inactivity.

Every key of a chat carries its hash tag, so each pipeline here touches one cluster slot:
one node, one round trip, on a single server and a cluster alike. They are plain
pipelines, not MULTI/EXEC (see `storage.cluster_client`); none needs more, since a chat's
writes that must not interleave run in its turn of the chat queue.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, replace

from storage import keys
from storage.citations import cited_numbers
from storage.connection import RedisClient, check_ready
from storage.keys import ChatScope
from storage.records import HistoryMessage, PhotoMeta, PhotoRole, StoredPhoto, WardrobeCard


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

    async def ping(self) -> bool:
        """True when every part of Redis the bot needs answers; else a RedisError."""
        await check_ready(self._redis)
        return True

    # Photos

    async def add_photo(
        self,
        scope: ChatScope,
        unique_id: str,
        jpeg: bytes,
        role: PhotoRole,
        width: int,
        height: int,
    ) -> AddPhotoResult:
        index = keys.photo_index(scope)
        existing = await self._redis.hget(index, unique_id)
        if existing is not None:
            await self.touch(scope)
            return AddPhotoResult(meta=_meta_from_json(existing), added=False)
        number = int(await self._redis.incr(keys.photo_sequence(scope)))
        meta = PhotoMeta(unique_id, number, role, width, height, time.time())
        async with self._redis.pipeline(transaction=False) as pipe:
            pipe.hsetnx(index, unique_id, json.dumps(asdict(meta)))
            pipe.set(keys.photo_bytes(scope, unique_id), jpeg, ex=self._ttl)
            was_new, _ = await pipe.execute()
        if not was_new:  # a concurrent turn stored the same photo first
            stored = await self._redis.hget(index, unique_id)
            return AddPhotoResult(meta=_meta_from_json(stored) if stored else meta, added=False)
        evicted = await self._evict_over_limit(scope)
        await self.touch(scope)
        return AddPhotoResult(meta=meta, added=True, evicted=evicted)

    async def photo_metas(self, scope: ChatScope) -> list[PhotoMeta]:
        raw = await self._redis.hgetall(keys.photo_index(scope))
        metas = [_meta_from_json(value) for value in raw.values()]
        return sorted(metas, key=lambda meta: meta.number)

    async def photos(self, scope: ChatScope) -> list[StoredPhoto]:
        metas = await self.photo_metas(scope)
        if not metas:
            return []
        blobs = await self._redis.mget([keys.photo_bytes(scope, m.unique_id) for m in metas])
        return [
            StoredPhoto(meta, _as_bytes(blob))
            for meta, blob in zip(metas, blobs, strict=True)
            if blob
        ]

    async def remove_photos(self, scope: ChatScope, metas: Sequence[PhotoMeta]) -> None:
        """Delete photos with their bytes and cards (callers already hold the metadata)."""
        if not metas:
            return
        async with self._redis.pipeline(transaction=False) as pipe:
            pipe.hdel(keys.photo_index(scope), *(meta.unique_id for meta in metas))
            pipe.hdel(keys.cards(scope), *(str(meta.number) for meta in metas))
            pipe.delete(*(keys.photo_bytes(scope, meta.unique_id) for meta in metas))
            await pipe.execute()

    async def set_role(self, scope: ChatScope, unique_id: str, role: PhotoRole) -> PhotoMeta | None:
        index = keys.photo_index(scope)
        raw = await self._redis.hget(index, unique_id)
        if raw is None:
            return None
        meta = replace(_meta_from_json(raw), role=role)
        await self._redis.hset(index, unique_id, json.dumps(asdict(meta)))
        return meta

    async def forget(self, scope: ChatScope, numbers: Iterable[int]) -> list[PhotoMeta]:
        """Remove photos by number, and every history turn that cited them."""
        wanted = set(numbers)
        gone = [meta for meta in await self.photo_metas(scope) if meta.number in wanted]
        if not gone:
            return []
        await self.remove_photos(scope, gone)
        history = await self.history(scope)
        kept = drop_turns_citing(history, {meta.number for meta in gone})
        if len(kept) != len(history):
            key = keys.history(scope)
            async with self._redis.pipeline(transaction=False) as pipe:
                pipe.delete(key)
                if kept:
                    pipe.rpush(key, *(json.dumps(asdict(m), ensure_ascii=False) for m in kept))
                    pipe.expire(key, self._ttl)
                await pipe.execute()
        return gone

    async def _evict_over_limit(self, scope: ChatScope) -> tuple[PhotoMeta, ...]:
        metas = await self.photo_metas(scope)
        excess = len(metas) - self._max_photos
        if excess <= 0:
            return ()
        # The full-body photo is the one users care most about; clothes go first.
        order = [m for m in metas if m.role == "clothing"] + [
            m for m in metas if m.role != "clothing"
        ]
        evicted = tuple(order[:excess])
        await self.remove_photos(scope, evicted)
        return evicted

    # History

    async def append_history(self, scope: ChatScope, *messages: HistoryMessage) -> None:
        key = keys.history(scope)
        async with self._redis.pipeline(transaction=False) as pipe:
            pipe.rpush(key, *(json.dumps(asdict(m), ensure_ascii=False) for m in messages))
            pipe.ltrim(key, -self._history_max, -1)
            await pipe.execute()
        await self.touch(scope)

    async def history(self, scope: ChatScope) -> list[HistoryMessage]:
        raw = await self._redis.lrange(keys.history(scope), 0, -1)
        return [HistoryMessage(**json.loads(item)) for item in raw]

    # Wardrobe cards and style notes

    async def set_cards(self, scope: ChatScope, cards: Iterable[WardrobeCard]) -> None:
        mapping = {str(card.number): card.to_json() for card in cards}
        if mapping:
            await self._redis.hset(keys.cards(scope), mapping=mapping)  # type: ignore[arg-type]
            await self.touch(scope)

    async def cards(self, scope: ChatScope) -> dict[int, WardrobeCard]:
        raw = await self._redis.hgetall(keys.cards(scope))
        return {
            int(number): WardrobeCard.from_dict(json.loads(value)) for number, value in raw.items()
        }

    async def set_style(self, scope: ChatScope, notes: str) -> None:
        await self._redis.set(keys.style(scope), notes.encode(), ex=self._ttl)
        await self.touch(scope)

    async def style(self, scope: ChatScope) -> str | None:
        raw = await self._redis.get(keys.style(scope))
        return _as_bytes(raw).decode() if raw else None

    # Occasion

    async def set_occasion(self, scope: ChatScope, occasion: str) -> None:
        await self._redis.set(keys.occasion(scope), occasion.encode(), ex=self._ttl)
        await self.touch(scope)

    async def occasion(self, scope: ChatScope) -> str | None:
        raw = await self._redis.get(keys.occasion(scope))
        return _as_bytes(raw).decode() if raw else None

    # Whole chat

    async def touch(self, scope: ChatScope) -> None:
        """Slide the expiry of every key of the chat forward."""
        unique_ids = await self._photo_ids(scope)
        async with self._redis.pipeline(transaction=False) as pipe:
            for key in keys.fixed_keys(scope):
                pipe.expire(key, self._ttl)
            for uid in unique_ids:
                pipe.expire(keys.photo_bytes(scope, uid), self._ttl)
            await pipe.execute()

    async def _photo_ids(self, scope: ChatScope) -> list[str]:
        raw = await self._redis.hkeys(keys.photo_index(scope))
        return [_as_bytes(uid).decode() for uid in raw]

    async def reset(self, scope: ChatScope) -> int:
        """Delete everything stored for the chat; returns how many photos went."""
        unique_ids = await self._photo_ids(scope)
        names = keys.fixed_keys(scope) + [keys.photo_bytes(scope, uid) for uid in unique_ids]
        names.append(keys.usage(scope, time.strftime("%Y-%m", time.gmtime())))
        await self._redis.delete(*names)
        return len(unique_ids)


def drop_turns_citing(history: list[HistoryMessage], numbers: set[int]) -> list[HistoryMessage]:
    """History without the turns (a question and its answers) that mention any of `numbers`.

    A forgotten photo must not reach the model again, not even as a description.
    """
    turns: list[list[HistoryMessage]] = []
    for message in history:
        if message.role == "user" or not turns:
            turns.append([message])
        else:
            turns[-1].append(message)
    return [
        message
        for turn in turns
        if not any(cited_numbers(message.content) & numbers for message in turn)
        for message in turn
    ]


def _meta_from_json(raw: bytes | str) -> PhotoMeta:
    return PhotoMeta(**json.loads(raw))


def _as_bytes(value: bytes | str) -> bytes:
    # The client is created without decode_responses, so Redis answers bytes.
    return value if isinstance(value, bytes) else value.encode()
