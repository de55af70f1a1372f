"""Every Redis key name Coordi uses, in one place.

The chat id sits inside a hash tag (`{c:<chat id>}`) so that all keys of a chat,
including its forum topics and its members, land on one Redis Cluster slot and can be
touched, trimmed and deleted together in one pipeline or script.

Two levels live under a chat: the place (`ChatScope`: the chat, or one forum topic) holds
what its people share, the turn queue, albums arriving and the occasion; the member
(`MemberScope`) holds one person's own wardrobe, cards, history, style notes and usage. In
a private chat the chat is its one member, so those keys are the chat's own, named as they
always were; in a group each member's sit under `:u<member>` after the place's.
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


@dataclass(frozen=True)
class MemberScope:
    """Whose data this is: one person's wardrobe, history, notes and usage in a place.

    `member` is None in a private chat (the chat is its one member: its keys stay where
    they always were) and the sender's id in a group. A group's place without a member
    names the keys groups had before members had their own; only /reset all touches them.
    """

    place: ChatScope
    member: int | None = None

    @property
    def chat_id(self) -> int:
        return self.place.chat_id

    @property
    def base(self) -> str:
        if self.member is None:
            return self.place.base
        return f"{self.place.base}:u{self.member}"

    @property
    def entry(self) -> str:
        """How the chat's member list (`chat_members`) names it: "t11:u42"."""
        return f"t{self.place.thread_id or 0}:u{self.member}"


def member_from_entry(chat_id: int, entry: str) -> MemberScope:
    """An entry of `chat_members` ("t11:u42") back as the member it names."""
    thread, _, member = entry.partition(":")
    place = ChatScope(chat_id, int(thread.removeprefix("t")) or None)
    return MemberScope(place, int(member.removeprefix("u")))


def photo_index(owner: MemberScope) -> str:
    """Hash: file_unique_id -> photo metadata JSON."""
    return f"{owner.base}:photos"


def photo_bytes(owner: MemberScope, unique_id: str) -> str:
    """String: the stored JPEG thumbnail."""
    return f"{owner.base}:photo:{unique_id}"


def photo_sequence(owner: MemberScope) -> str:
    """Counter: the next photo number, so numbers stay stable when photos go."""
    return f"{owner.base}:photo_seq"


def history(owner: MemberScope) -> str:
    """List of message JSON, oldest first."""
    return f"{owner.base}:history"


def occasion(place: ChatScope) -> str:
    """String: the occasion (TPO) set with /tpo, shared by everyone in the chat or topic."""
    return f"{place.base}:occasion"


def cards(owner: MemberScope) -> str:
    """Hash: photo number -> wardrobe card JSON."""
    return f"{owner.base}:cards"


def style(owner: MemberScope) -> str:
    """String: the user's style notes from /style."""
    return f"{owner.base}:style"


def usage(owner: MemberScope, month: str) -> str:
    """Hash: tokens and cost (micro-USD) of the member (a private chat's: the chat's) in one
    month ("2026-11")."""
    return f"{owner.base}:usage:{month}"


def member_keys(owner: MemberScope) -> list[str]:
    """The member's keys whose names do not depend on stored data."""
    return [
        photo_index(owner),
        photo_sequence(owner),
        history(owner),
        cards(owner),
        style(owner),
    ]


def chat_members(chat_id: int) -> str:
    """Set: the members of a group with data, one entry per topic they used ("t11:u42"),
    so /reset all finds every key of the group in its own slot, with no SCAN."""
    return f"{PREFIX}:{{c:{chat_id}}}:members"


def user_place(chat_id: int, user_id: int) -> str:
    """String (JSON): the city a member set with /city or a shared location. Per member in
    groups, in the chat's slot so /reset and expiry reach it with the chat."""
    return f"{PREFIX}:{{c:{chat_id}}}:u{user_id}:place"


def album(scope: ChatScope, media_group_id: str) -> str:
    """List: the parts (update JSON) of an album still arriving."""
    return f"{scope.base}:album:{media_group_id}"


def pending_photos(scope: ChatScope, user_id: int) -> str:
    """JSON with a TTL: a user's caption-less photos waiting for the question that follows."""
    return f"{scope.base}:pending:{user_id}"


def chat_queue(scope: ChatScope) -> str:
    """Hash: the chat's (or topic's) turn queue (next ticket, ticket being served, stall
    time), one for all its members, so a group's answers come in the order asked."""
    return f"{scope.base}:queue"


def chat_lease(scope: ChatScope) -> str:
    """String with a TTL: the ticket whose turn is running; expires if its worker dies."""
    return f"{scope.base}:lease"


def streaming(scope: ChatScope) -> str:
    """Hash with a few seconds' expiry, slid while it streams: the scope's answer streaming on
    some worker (its token) and whether a /stop on any worker asked it to end."""
    return f"{scope.base}:streaming"


def telegram_chat(chat_id: int) -> str:
    """Hash: when the chat's next change may go to Telegram, and until when a 429 pauses it."""
    return f"{PREFIX}:{{c:{chat_id}}}:tg"


def telegram_chat_log(chat_id: int) -> str:
    """Sorted set: the group's calls to Telegram in the last minute (member: call, score: ms)."""
    return f"{PREFIX}:{{c:{chat_id}}}:tg:log"


def seen_update(update_id: int) -> str:
    """Marker that an update id was taken by a worker (duplicate deliveries are dropped)."""
    return f"{PREFIX}:{{u:{update_id % 1024}}}:seen:{update_id}"


def user_counter(user_id: int, name: str, window: str) -> str:
    """Counter of a user's turns, photos or tokens in one time window."""
    return f"{PREFIX}:{{user:{user_id}}}:{name}:{window}"


def chat_counter(chat_id: int, name: str, window: str) -> str:
    """Counter of a chat's turns in one time window."""
    return f"{PREFIX}:{{c:{chat_id}}}:{name}:{window}"


# The bot's Telegram budget: the last second's calls and one bot-wide 429 pause, one slot.
TELEGRAM_LOG = f"{PREFIX}:{{telegram}}:log"
TELEGRAM_PAUSE = f"{PREFIX}:{{telegram}}:pause"


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


def forecast(latitude: float, longitude: float) -> str:
    """String (JSON) with an hour's expiry: Open-Meteo's daily forecast for one place (about
    1 km: two decimals), shared by everyone there. The place is its own hash tag, so the
    cache spreads over a cluster's slots."""
    return f"{PREFIX}:{{w:{latitude:.2f},{longitude:.2f}}}:forecast"


def downvoted(answer_id: str) -> str:
    """String (JSON, 30-day TTL): a 👎-rated turn's text, cards and notes; no chat or user id."""
    return f"{STATS}:downvoted:{answer_id}"


# Sorted set: answer id -> when it was rated 👎, so the kept records can be listed.
DOWNVOTED = f"{STATS}:downvoted"
