"""Answers rated 👎, kept for 30 days so they can become eval cases (`python -m evals
from-feedback`).

Where the content comes from: answer records (`storage.ledger`) hold no text on purpose,
since almost every answer is never rated and keeping all their text would copy every
conversation out of its chat, beyond the chat's expiry and out of reach of /forget and
/reset. So nothing is kept when an answer is made. When 👎 is pressed, the rated turn is
read back from the chat's own history, where it still lives under the chat's TTL: the
question, the answer, and the exchange before it (what a follow-up follows), with the
chat's occasion, style notes and wardrobe cards as they are now. A turn the history no
longer holds (trimmed, expired, forgotten) is not kept; the vote still counts.

What is kept: text only, never photos, never a chat or user id; the key is the answer's
random id, so 👍 afterwards can take the record back. Every record expires after
``DOWNVOTE_TTL``.
"""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

from storage import keys
from storage.chat_store import ChatStore
from storage.connection import RedisClient
from storage.keys import MemberScope
from storage.ledger import Ledger
from storage.records import HistoryMessage, WardrobeCard

DOWNVOTE_TTL = 30 * 24 * 3600
# How long after an answer's record its history entry may be written: the record is
# made before the final edit goes out, which Telegram's pacing can delay.
ANSWER_WINDOW_SECONDS = 120


@dataclass(frozen=True)
class RatedTurn:
    question: str
    answer: str
    previous: tuple[tuple[str, str], ...]  # (role, content) of the exchange before
    occasion: str | None
    style: str | None
    cards: tuple[WardrobeCard, ...]
    variant: str
    model: str
    rated_at: int

    def to_json(self) -> str:
        data = asdict(self) | {"previous": [list(p) for p in self.previous]}
        return json.dumps(data, ensure_ascii=False)

    @classmethod
    def from_json(cls, raw: str | bytes) -> RatedTurn:
        data: dict[str, Any] = json.loads(raw)
        return cls(
            question=str(data["question"]),
            answer=str(data["answer"]),
            previous=tuple((str(r), str(c)) for r, c in data.get("previous") or ()),
            occasion=data.get("occasion"),
            style=data.get("style"),
            cards=tuple(WardrobeCard.from_dict(c) for c in data.get("cards") or ()),
            variant=str(data.get("variant", "")),
            model=str(data.get("model", "")),
            rated_at=int(data.get("rated_at", 0)),
        )


def _letters(text: str) -> str:
    """Letters and digits only: what Markdown rendering never changes."""
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def find_rated_turn(
    history: Sequence[HistoryMessage], answered_at: float, shown: str | None
) -> int | None:
    """Index in ``history`` of the answer recorded at ``answered_at`` (whole seconds), or
    None. The answer must follow a question, be written within the window after the
    record, and, when the rated message's text is known, contain it: the buttons sit on
    the answer's last message, so its text ends the stored answer (Markdown aside)."""
    tail = _letters(shown or "")[-200:]
    for index, message in enumerate(history):
        if message.role != "assistant" or index == 0 or history[index - 1].role != "user":
            continue
        if not answered_at - 1 <= message.at <= answered_at + ANSWER_WINDOW_SECONDS:
            continue
        if tail and tail not in _letters(message.content):
            continue
        return index
    return None


class DownvoteLog:
    def __init__(self, redis: RedisClient) -> None:
        self._redis = redis

    async def keep(self, answer_id: str, turn: RatedTurn) -> None:
        now = time.time()
        async with self._redis.pipeline(transaction=False) as pipe:
            pipe.set(keys.downvoted(answer_id), turn.to_json().encode(), ex=DOWNVOTE_TTL)
            pipe.zadd(keys.DOWNVOTED, {answer_id: now})
            pipe.zremrangebyscore(keys.DOWNVOTED, "-inf", now - DOWNVOTE_TTL)
            await pipe.execute()

    async def drop(self, answer_id: str) -> None:
        async with self._redis.pipeline(transaction=False) as pipe:
            pipe.delete(keys.downvoted(answer_id))
            pipe.zrem(keys.DOWNVOTED, answer_id)
            await pipe.execute()

    async def recent(self) -> list[tuple[str, RatedTurn]]:
        """(answer id, turn) of every record still kept, oldest first."""
        since = time.time() - DOWNVOTE_TTL
        ids = [
            i.decode() if isinstance(i, bytes) else str(i)
            for i in await self._redis.zrangebyscore(keys.DOWNVOTED, since, "+inf")
        ]
        if not ids:
            return []
        raws = await self._redis.mget([keys.downvoted(i) for i in ids])
        return [(i, RatedTurn.from_json(raw)) for i, raw in zip(ids, raws, strict=True) if raw]


async def keep_rated_turn(
    log: DownvoteLog,
    ledger: Ledger,
    store: ChatStore,
    owner: MemberScope,
    answer_id: str,
    shown: str | None,
) -> bool:
    """Keep the 👎-rated turn of ``answer_id`` from ``owner``'s history; False when the
    answer is unknown or its turn is not there (in a group: another member's turn, since a
    member's 👎 keeps only their own turns)."""
    facts = await ledger.answer_facts(answer_id)
    if facts is None:
        return False
    variant, model, answered_at = facts
    history = await store.history(owner)
    index = find_rated_turn(history, answered_at, shown)
    if index is None:
        return False
    before = history[max(0, index - 3) : index - 1]
    is_exchange = [m.role for m in before] == ["user", "assistant"]
    previous = tuple((m.role, m.content) for m in before) if is_exchange else ()
    cards = await store.cards(owner)
    turn = RatedTurn(
        question=history[index - 1].content,
        answer=history[index].content,
        previous=previous,
        occasion=await store.occasion(owner.place),
        style=await store.style(owner),
        cards=tuple(cards[n] for n in sorted(cards)),
        variant=variant,
        model=model,
        rated_at=int(time.time()),
    )
    await log.keep(answer_id, turn)
    return True
