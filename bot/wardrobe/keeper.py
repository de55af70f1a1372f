"""What the user asks Coordi to keep, relabel or drop: /forget, /reset, /reset all and /body.

Each change runs in the chat's turn queue, so it never lands in the middle of an
answer that is reading the same photos. A member's change reaches only their own data;
`/reset all` (a group admin's) reaches every member's, in every topic.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable

from telegram import Bot

from bot.wardrobe.intake import IncomingImage, WardrobeIntake
from storage.chat_store import ChatStore
from storage.coordination import ChatQueue
from storage.group_data import GroupData, GroupReset
from storage.keys import ChatScope, MemberScope
from storage.records import PhotoMeta


class WardrobeKeeper:
    def __init__(
        self, store: ChatStore, intake: WardrobeIntake, queue: ChatQueue, groups: GroupData
    ) -> None:
        self._store = store
        self._intake = intake
        self._queue = queue
        self._groups = groups

    async def forget(self, owner: MemberScope, numbers: Iterable[int]) -> list[PhotoMeta]:
        """Remove these photos of `owner` and every history turn that cited them."""
        async with self._queue.hold(owner.place):
            return await self._store.forget(owner, numbers)

    async def reset(self, owner: MemberScope) -> int:
        """Forget everything of `owner`; returns how many photos went."""
        async with self._queue.hold(owner.place):
            return await self._store.reset(owner)

    async def reset_group(self, here: ChatScope) -> GroupReset:
        """Forget everything every member of the group keeps, in every topic. Waits for the
        turns running in each topic (queues taken in one fixed order, so two of these
        never wait for each other)."""
        members = await self._groups.members(here.chat_id)
        async with contextlib.AsyncExitStack() as held:
            for place in self._groups.places(here, members):
                await held.enter_async_context(self._queue.hold(place))
            # Members who wrote while we waited are in the list now.
            members = await self._groups.members(here.chat_id)
            return await self._groups.reset_all(here, members)

    async def mark_full_body(
        self, bot: Bot, owner: MemberScope, image: IncomingImage
    ) -> PhotoMeta | str:
        """Mark a photo as the full-body one, storing it first if Coordi never kept it
        (a photo sent in a group without addressing Coordi). A str is the reason it failed."""
        store = self._store
        async with self._queue.hold(owner.place):
            meta = await store.set_role(owner, image.unique_id, "full_body")
            if meta is not None:
                return meta
            result = await self._intake.take_in(bot, owner, [image], body_hint=True)
            if result.stored:
                return result.stored[0]
            if result.duplicates:
                meta = await store.set_role(owner, result.duplicates[0].unique_id, "full_body")
                if meta is not None:
                    return meta
            return result.rejected[0] if result.rejected else "download_failed"
