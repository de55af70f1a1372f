"""Telegram's flood limits, as the fake Bot API server enforces them.

A call over a limit is refused the way Telegram refuses it: HTTP 429,
"Too Many Requests: retry after N" and `parameters.retry_after` in whole
seconds. Counted are the calls that put or change a message in a chat:
- about 30 a second for the whole bot (an album counts each of its photos);
- about one change a second per chat (`chat_interval`; a little early is let
  through, since the client measures from its side of the network);
- about 20 a minute per group.
Refused calls do not count towards the windows. Tests scale the intervals
down together with the bot's own settings, so limits stay enforced without
making every test wait a second per edit.
"""

from __future__ import annotations

import math
from collections import defaultdict, deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

COUNTED_METHODS = frozenset(
    "sendMessage editMessageText editMessageCaption editMessageReplyMarkup sendPhoto "
    "sendMediaGroup sendMessageDraft sendDocument".split()
)
SENDING_METHODS = ("sendMessage", "editMessageText", "sendPhoto", "sendMediaGroup")
# A change this much earlier than `chat_interval` is still accepted.
CHAT_SLACK = 0.8


@dataclass(frozen=True)
class Limits:
    per_second: int = 30
    chat_interval: float = 1.0
    group_per_minute: int = 20


@dataclass
class LimitKeeper:
    limits: Limits | None = field(default_factory=Limits)
    refused: list[tuple[str, int | None, str]] = field(default_factory=list)
    _all: deque[float] = field(default_factory=deque)
    _last_change: dict[int, float] = field(default_factory=dict)
    _group: dict[int, deque[float]] = field(default_factory=lambda: defaultdict(deque))

    def check(self, method: str, params: dict[str, object], now: float) -> int | None:
        """None when the call may go (and is counted), else the retry_after to answer."""
        limits = self.limits
        if limits is None or method not in COUNTED_METHODS:
            return None
        chat = params.get("chat_id")
        chat_id = chat if isinstance(chat, int) else None
        media = params.get("media")
        cost = len(media) if method == "sendMediaGroup" and isinstance(media, list) else 1
        while self._all and now - self._all[0] >= 1.0:
            self._all.popleft()
        if self._all and len(self._all) + cost > limits.per_second:
            return self._refuse(method, chat_id, "bot", 1.0 - (now - self._all[0]))
        if chat_id is not None:
            last = self._last_change.get(chat_id)
            if last is not None and now - last < limits.chat_interval * CHAT_SLACK:
                return self._refuse(method, chat_id, "chat", limits.chat_interval - (now - last))
            if chat_id < 0:
                window = self._group[chat_id]
                while window and now - window[0] >= 60.0:
                    window.popleft()
                if len(window) + cost > limits.group_per_minute:
                    return self._refuse(method, chat_id, "group", 60.0 - (now - window[0]))
                window.extend([now] * cost)
            self._last_change[chat_id] = now
        self._all.extend([now] * cost)
        return None

    def _refuse(self, method: str, chat: int | None, limit: str, seconds: float) -> int:
        self.refused.append((method, chat, limit))
        return max(1, math.ceil(seconds))


def audit(
    calls: Iterable[Any], min_interval_private: float = 1.0, per_minute_group: int = 20
) -> list[str]:
    """Audit recorded calls against Telegram's flood limits, after the fact.

    Checks sendMessage/editMessageText/sendPhoto/sendMediaGroup calls (failed ones too,
    since Telegram counts every request):

    * private chats (chat_id > 0): two editMessageText calls to the same message closer
      together than ``0.9 * min_interval_private`` seconds (streamed edits too fast);
    * group chats (chat_id < 0): more than ``per_minute_group`` such calls to one chat
      within any 60-second window.
    """
    out: list[str] = []
    last_edit: dict[tuple[int, int], float] = {}
    group_times: dict[int, list[float]] = defaultdict(list)
    for c in calls:
        chat = c.params.get("chat_id")
        if c.method not in SENDING_METHODS or not isinstance(chat, int):
            continue
        if chat < 0:
            group_times[chat].append(c.at)
        elif c.method == "editMessageText":
            key = (chat, c.params.get("message_id", 0))
            prev = last_edit.get(key)
            if prev is not None and c.at - prev < 0.9 * min_interval_private:
                out.append(
                    f"chat {chat} message {key[1]}: edits {c.at - prev:.3f}s apart "
                    f"(< {min_interval_private}s)"
                )
            last_edit[key] = c.at
    for chat, times in group_times.items():
        start = 0
        for end, t in enumerate(times):
            while t - times[start] >= 60.0:
                start += 1
            if end - start + 1 > per_minute_group:
                out.append(
                    f"group {chat}: {end - start + 1} messages/edits within 60s "
                    f"(> {per_minute_group})"
                )
                break
    return out
