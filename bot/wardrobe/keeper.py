"""What the user asks Coordi to keep, relabel or drop: /forget, /reset and /body.

Each change runs in the chat's turn queue, so it never lands in the middle of an
answer that is reading the same photos.
"""

from __future__ import annotations

from collections.abc import Iterable

from telegram import Bot

from bot.wardrobe.intake import IncomingImage, WardrobeIntake
from storage.chat_store import ChatStore
from storage.coordination import ChatQueue
from storage.keys import ChatScope
from storage.records import PhotoMeta


class WardrobeKeeper:
    def __init__(self, store: ChatStore, intake: WardrobeIntake, queue: ChatQueue) -> None:
        self._store = store
        self._intake = intake
        self._queue = queue

    async def forget(self, scope: ChatScope, numbers: Iterable[int]) -> list[PhotoMeta]:
        """Remove these photos and every history turn that cited them."""
        async with self._queue.hold(scope):
            return await self._store.forget(scope, numbers)

    async def reset(self, scope: ChatScope) -> int:
        """Forget everything of the chat; returns how many photos went."""
        async with self._queue.hold(scope):
            return await self._store.reset(scope)

    async def mark_full_body(
        self, bot: Bot, scope: ChatScope, image: IncomingImage
    ) -> PhotoMeta | str:
        """Mark a photo as the full-body one, storing it first if Coordi never kept it
        (a photo sent in a group without addressing Coordi). A str is the reason it failed."""
        store = self._store
        async with self._queue.hold(scope):
            meta = await store.set_role(scope, image.unique_id, "full_body")
            if meta is not None:
                return meta
            result = await self._intake.take_in(bot, scope, [image], body_hint=True)
            if result.stored:
                return result.stored[0]
            if result.duplicates:
                meta = await store.set_role(scope, result.duplicates[0].unique_id, "full_body")
                if meta is not None:
                    return meta
            return result.rejected[0] if result.rejected else "download_failed"
