"""What kind of call the door is given: its priority, whether Telegram counts it.

Kept apart from the door itself so that callers (the answer being streamed, the
turns, the shutdown) name a priority without importing the limiter.
"""

from __future__ import annotations

from enum import IntEnum


class Priority(IntEnum):
    """Who waits for a call; lower goes first. Pass it as `rate_limit_args=`."""

    FIRST = 0  # an answer's first message: the user is looking at "typing…"
    REPLY = 1  # final edits, short replies, command and callback answers
    BULK = 2  # outfit boards, /photos albums
    PARTIAL = 3  # a streamed partial edit: skipped when the budget is short


# Share of the second's slots each tier leaves free for the tiers above it: with 28 a
# second, final edits and replies leave 3, boards 6, partial edits 10.
RESERVE_SHARE = {Priority.FIRST: 0.0, Priority.REPLY: 0.1, Priority.BULK: 0.2,
                 Priority.PARTIAL: 0.35}  # fmt: skip
# Methods that put or change a message in a chat: what Telegram's message limits count.
COUNTED = frozenset(
    "sendMessage editMessageText editMessageCaption editMessageMedia editMessageReplyMarkup "
    "sendPhoto sendMediaGroup sendDocument sendMessageDraft copyMessage forwardMessage "
    "sendLocation sendSticker".split()
)
DEFAULT_PRIORITY = {"sendPhoto": Priority.BULK, "sendMediaGroup": Priority.BULK,
                    "sendDocument": Priority.BULK, "sendMessageDraft": Priority.PARTIAL}  # fmt: skip
# In a group, optional calls leave this many of the minute's calls to the ones that must go.
GROUP_SPARE = 4


class Deferred(Exception):
    """An optional call the budget cannot fit now; offer the next one in `retry_in` s."""

    def __init__(self, retry_in: float) -> None:
        super().__init__(f"deferred for {retry_in:.2f}s")
        self.retry_in = retry_in
