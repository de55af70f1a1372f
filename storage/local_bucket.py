"""A worker's own Telegram budget: what the shared one in Redis falls back to.

The same rules as `storage.telegram_budget` (a sliding window of the bot's calls,
served in tiers; one change a second per chat; a minute's calls per group; 429
pauses), kept in this process's memory. It serves when Redis fails, so the bot
keeps answering within the limits as far as one worker can tell, and it runs on
an injectable clock, so the door's priorities can be driven step by step in tests.
"""

from __future__ import annotations

import time
from collections import defaultdict, deque
from collections.abc import Callable


class LocalBudget:
    """`TelegramBudget`'s interface over this process's memory (`now_ms` is ignored:
    the budget reads its own clock)."""

    def __init__(
        self,
        *,
        per_second: int,
        jitter: float = 0.15,
        chat_interval: float = 1.0,
        group_per_minute: int = 20,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.per_second = per_second
        self._window = 1.0 + jitter
        self.chat_interval_ms = max(1, round(chat_interval * 1000))
        self.group_per_minute = group_per_minute
        self._clock = clock
        self._second: deque[tuple[float, str]] = deque()  # (when, ticket) of each message
        self._next: dict[int, float] = {}
        self._log: dict[int, deque[float]] = defaultdict(deque)
        self._chat_pause: dict[int, float] = {}
        self._pause = 0.0

    async def take(self, ticket: str, *, reserve: int, cost: int = 1, now_ms: int = -1) -> float:
        now = self._clock()
        if (paused := self._pause - now) > 0:
            return paused
        while self._second and now - self._second[0][0] >= self._window:
            self._second.popleft()
        cost = min(cost, self.per_second)  # an album longer than the second fills it
        room = max(self.per_second - reserve, cost)
        if len(self._second) + cost <= room:
            self._second.extend([(now, ticket)] * cost)
            return 0.0
        return max(0.001, self._second[len(self._second) + cost - room - 1][0] + self._window - now)

    async def refund(self, ticket: str, cost: int = 1) -> None:
        self._second = deque(entry for entry in self._second if entry[1] != ticket)

    async def gate_chat(
        self, chat_id: int, *, group: bool, spare: int = 0, now_ms: int = -1
    ) -> float:
        now = self._clock()
        wait = max(self._chat_pause.get(chat_id, 0.0), self._next.get(chat_id, 0.0)) - now
        if wait > 0:
            return wait
        if group:
            log = self._log[chat_id]
            while log and now - log[0] >= 60.0:
                log.popleft()
            free = self.group_per_minute - spare
            if len(log) >= free:
                return max(0.001, log[len(log) - free] + 60.0 - now)
            log.append(now)
        self._next[chat_id] = now + self.chat_interval_ms / 1000
        return 0.0

    async def pause_chat(self, chat_id: int, seconds: float, *, now_ms: int = -1) -> None:
        until = self._clock() + seconds
        self._chat_pause[chat_id] = max(self._chat_pause.get(chat_id, 0.0), until)

    async def pause_all(self, seconds: float, *, now_ms: int = -1) -> None:
        self._pause = max(self._pause, self._clock() + seconds)

    async def chat_paused_for(self, chat_id: int, *, now_ms: int = -1) -> float:
        return max(0.0, self._chat_pause.get(chat_id, 0.0) - self._clock())
