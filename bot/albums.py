"""Gathers the parts of a Telegram album (one media_group_id) into one turn.

Telegram sends an album as separate updates tens of milliseconds apart. Each
part's handler calls `collect`; the part that is still the newest after a
short quiet window gets the whole album back, every other part gets None.
No fixed long sleep: a two-photo album is done `quiet_seconds` after its
last part arrives.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Hashable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass
class _Pending(Generic[T]):
    items: list[T] = field(default_factory=list)


class AlbumCollector(Generic[T]):
    def __init__(
        self,
        quiet_seconds: float,
        *,
        sleep: Callable[[float], Awaitable[object]] = asyncio.sleep,
    ) -> None:
        self._quiet = quiet_seconds
        self._sleep = sleep
        self._pending: dict[Hashable, _Pending[T]] = {}

    async def collect(self, key: Hashable, item: T) -> list[T] | None:
        pending = self._pending.setdefault(key, _Pending())
        pending.items.append(item)
        seen = len(pending.items)
        await self._sleep(self._quiet)
        if len(pending.items) != seen or self._pending.get(key) is not pending:
            return None  # a later part arrived; it will deliver the album
        del self._pending[key]
        return pending.items

    @property
    def open_albums(self) -> int:
        return len(self._pending)
