"""From Telegram photo or document messages to stored wardrobe thumbnails."""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from telegram import Bot, Message

from bot.wardrobe.download import DownloadFailed, FileDownloads, TooLarge
from bot.wardrobe.images import ImageRejected, Thumbnail, make_thumbnail_async, pick_photo_size
from storage.chat_store import ChatStore
from storage.keys import MemberScope
from storage.records import PhotoMeta, PhotoRole

log = logging.getLogger(__name__)

_BODY_WORDS = re.compile(r"전신|full[\s-]?body|whole body|body shot|/body", re.IGNORECASE)


@dataclass(frozen=True)
class IncomingImage:
    """One image of a turn, with the ids of the size chosen for download."""

    download_id: str
    unique_id: str  # identity of the photo: the same photo sent twice is stored once
    file_size: int | None
    width: int | None = None
    height: int | None = None


@dataclass
class IntakeResult:
    stored: list[PhotoMeta] = field(default_factory=list)
    duplicates: list[PhotoMeta] = field(default_factory=list)
    rejected: list[str] = field(default_factory=list)  # ImageRejected reasons
    evicted: list[PhotoMeta] = field(default_factory=list)

    @property
    def numbers(self) -> tuple[int, ...]:
        return tuple(meta.number for meta in self.stored)


def image_of(message: Message, target_long_side: int) -> IncomingImage | str:
    """The image a message carries, or the reason it carries none we can use."""
    if message.photo:
        size = pick_photo_size(message.photo, target_long_side)
        return IncomingImage(
            size.file_id, message.photo[-1].file_unique_id, size.file_size, size.width, size.height
        )
    document = message.document
    if document is not None:
        if not (document.mime_type or "").startswith("image/"):
            return "not_image"
        return IncomingImage(document.file_id, document.file_unique_id, document.file_size)
    return "not_image"


def marks_full_body(caption: str | None) -> bool:
    return bool(caption and _BODY_WORDS.search(caption))


class WardrobeIntake:
    """Downloads, shrinks and stores the images of a turn.

    At most `parallel` images are downloaded and decoded at once per worker, so
    ten albums of 12 MP files cannot hold forty originals in memory together.
    """

    def __init__(
        self,
        store: ChatStore,
        *,
        long_side: int,
        clothing_long_side: int,
        quality: int,
        parallel: int,
        downloads: FileDownloads | None = None,
    ) -> None:
        self._store = store
        # Every download stops at Telegram's 20 MB, stated in advance or not.
        self.downloads = downloads or FileDownloads()
        self._long_side = long_side
        self._clothing_long_side = clothing_long_side
        self._quality = quality
        self._slots = asyncio.Semaphore(parallel)

    async def take_in(
        self, bot: Bot, scope: MemberScope, images: Sequence[IncomingImage], *, body_hint: bool
    ) -> IntakeResult:
        """Telegram images: download and shrink the new ones concurrently, then keep them."""
        known = {meta.unique_id: meta for meta in await self._store.photo_metas(scope)}
        result = IntakeResult()
        fresh: list[IncomingImage] = []
        for image in images:
            if image.unique_id in known:
                result.duplicates.append(known[image.unique_id])
            elif all(image.unique_id != other.unique_id for other in fresh):
                fresh.append(image)
        # Album photos download and shrink concurrently, not one after another.
        fetched = await asyncio.gather(*(self._fetch(bot, image) for image in fresh))
        pairs = [(image.unique_id, outcome) for image, outcome in zip(fresh, fetched, strict=True)]
        has_body = any(meta.role == "full_body" for meta in known.values())
        return await self.keep(scope, pairs, body_hint=body_hint, has_body=has_body, result=result)

    async def take_in_files(
        self, scope: MemberScope, files: Sequence[tuple[str, bytes]], *, body_hint: bool
    ) -> IntakeResult:
        """Local image files (the terminal chat): `(unique id, bytes)` pairs."""
        shrunk: list[tuple[str, Thumbnail | str]] = []
        for unique_id, data in files:
            try:
                thumb: Thumbnail | str = await make_thumbnail_async(
                    data, long_side=self._long_side, quality=self._quality
                )
            except ImageRejected as exc:
                thumb = exc.reason
            shrunk.append((unique_id, thumb))
        metas = await self._store.photo_metas(scope)
        has_body = any(meta.role == "full_body" for meta in metas)
        return await self.keep(
            scope, shrunk, body_hint=body_hint, has_body=has_body, result=IntakeResult()
        )

    async def keep(
        self,
        scope: MemberScope,
        thumbnails: Sequence[tuple[str, Thumbnail | str]],
        *,
        body_hint: bool,
        has_body: bool,
        result: IntakeResult,
    ) -> IntakeResult:
        """Store shrunk images with a guessed role; rejection reasons pass through."""
        for position, (unique_id, outcome) in enumerate(thumbnails):
            if isinstance(outcome, str):
                result.rejected.append(outcome)
                continue
            role = guess_role(outcome, first=position == 0, body_hint=body_hint, has_body=has_body)
            has_body = has_body or role == "full_body"
            if role == "clothing" and max(outcome.width, outcome.height) > self._clothing_long_side:
                outcome = await make_thumbnail_async(
                    outcome.jpeg, long_side=self._clothing_long_side, quality=self._quality
                )
            added = await self._store.add_photo(
                scope, unique_id, outcome.jpeg, role, outcome.width, outcome.height
            )
            (result.stored if added.added else result.duplicates).append(added.meta)
            result.evicted.extend(added.evicted)
        return result

    async def _fetch(self, bot: Bot, image: IncomingImage) -> Thumbnail | str:
        if image.file_size is not None and image.file_size > self.downloads.limit_bytes:
            return "too_large_file"
        async with self._slots:
            try:
                data = await self.downloads.fetch(bot, image.download_id)
            except TooLarge:
                return "too_large_file"
            except DownloadFailed as exc:
                # The error's type only: the file id or path is a download credential.
                log.warning("Photo download failed: %s", exc)
                return "download_failed"
            try:
                return await make_thumbnail_async(
                    data, long_side=self._long_side, quality=self._quality
                )
            except ImageRejected as exc:
                return exc.reason


def guess_role(thumbnail: Thumbnail, *, first: bool, body_hint: bool, has_body: bool) -> PhotoRole:
    """A first guess; the model sees the pictures and is told labels may be wrong.

    People usually send the full-body shot first, and it is a tall portrait.
    """
    if first and body_hint:
        return "full_body"
    if first and not has_body and thumbnail.height >= thumbnail.width * 1.3:
        return "full_body"
    return "clothing"
