"""Every Redis key name Coordi uses, in one place.

The chat id sits inside a hash tag (`{c:<chat id>}`) so that all keys of a chat,
including its forum topics, land on one Redis Cluster slot and can be touched,
trimmed and deleted together in one pipeline.
"""

from __future__ import annotations

from dataclasses import dataclass

PREFIX = "coordi"


@dataclass(frozen=True)
class ChatScope:
    """Whose state this is: a chat, or one forum topic of a chat."""

    chat_id: int
    thread_id: int | None = None

    @property
    def base(self) -> str:
        return f"{PREFIX}:{{c:{self.chat_id}}}:t{self.thread_id or 0}"


def photo_index(scope: ChatScope) -> str:
    """Hash: file_unique_id -> photo metadata JSON."""
    return f"{scope.base}:photos"


def photo_bytes(scope: ChatScope, unique_id: str) -> str:
    """String: the stored JPEG thumbnail."""
    return f"{scope.base}:photo:{unique_id}"


def photo_sequence(scope: ChatScope) -> str:
    """Counter: the next photo number, so numbers stay stable when photos go."""
    return f"{scope.base}:photo_seq"


def history(scope: ChatScope) -> str:
    """List of message JSON, oldest first."""
    return f"{scope.base}:history"


def occasion(scope: ChatScope) -> str:
    """String: the occasion (TPO) set with /tpo."""
    return f"{scope.base}:occasion"


def cards(scope: ChatScope) -> str:
    """Hash: photo number -> wardrobe card JSON."""
    return f"{scope.base}:cards"


def style(scope: ChatScope) -> str:
    """String: the user's style notes from /style."""
    return f"{scope.base}:style"


def usage(scope: ChatScope, month: str) -> str:
    """Hash: tokens and cost (micro-USD) of the chat in one month ("2026-11")."""
    return f"{scope.base}:usage:{month}"


def fixed_keys(scope: ChatScope) -> list[str]:
    """The chat's keys whose names do not depend on stored data."""
    return [
        photo_index(scope),
        photo_sequence(scope),
        history(scope),
        occasion(scope),
        cards(scope),
        style(scope),
    ]


# Keys across chats (answers, feedback, statistics) share their own hash tag.
STATS = f"{PREFIX}:{{stats}}"


def answer(answer_id: str) -> str:
    """Hash: one answer's variant, model, tokens, cost, latencies and feedback."""
    return f"{STATS}:answer:{answer_id}"


def variant_totals(variant: str) -> str:
    """Hash: running totals of one prompt variant (answers, votes, tokens, cost)."""
    return f"{STATS}:variant:{variant}"


def latencies(kind: str) -> str:
    """List: recent latencies in milliseconds ("first_text" or "total"), newest first."""
    return f"{STATS}:latency:{kind}"
