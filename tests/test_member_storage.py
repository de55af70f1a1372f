"""Members' keys, checked card writes and the whole-group reset, on the single Redis and on
the cluster (where a script or pipeline outside the chat's slot is refused)."""

from __future__ import annotations

from redis.asyncio import Redis

from prompts.builder import PromptLimits, TurnInput, build_prompt, wardrobe_lines
from storage import keys
from storage.chat_store import ChatStore
from storage.connection import RedisClient
from storage.group_data import GroupData
from storage.keys import ChatScope, MemberScope
from storage.places import Place, UserPlaces
from storage.records import HistoryMessage, PhotoMeta, StoredPhoto, WardrobeCard
from tests.conftest import ON_BOTH_REDIS

GROUP = -100777
PRIVATE = MemberScope(ChatScope(5001))
ANN = MemberScope(ChatScope(GROUP), 11)
BEN = MemberScope(ChatScope(GROUP), 22)
BEN_IN_TOPIC = MemberScope(ChatScope(GROUP, 9), 22)


def test_a_private_chats_keys_are_where_they_always_were() -> None:
    # Nothing stored before the upgrade moves: these are the names the previous version used.
    assert keys.photo_index(PRIVATE) == "coordi:{c:5001}:t0:photos"
    assert keys.photo_bytes(PRIVATE, "u1") == "coordi:{c:5001}:t0:photo:u1"
    assert keys.photo_sequence(PRIVATE) == "coordi:{c:5001}:t0:photo_seq"
    assert keys.history(PRIVATE) == "coordi:{c:5001}:t0:history"
    assert keys.cards(PRIVATE) == "coordi:{c:5001}:t0:cards"
    assert keys.style(PRIVATE) == "coordi:{c:5001}:t0:style"
    assert keys.usage(PRIVATE, "2026-11") == "coordi:{c:5001}:t0:usage:2026-11"
    assert keys.occasion(PRIVATE.place) == "coordi:{c:5001}:t0:occasion"


def test_a_group_members_keys_are_their_own_in_the_chats_slot() -> None:
    assert keys.photo_index(ANN) == "coordi:{c:-100777}:t0:u11:photos"
    assert keys.history(BEN_IN_TOPIC) == "coordi:{c:-100777}:t9:u22:history"
    assert keys.occasion(BEN_IN_TOPIC.place) == "coordi:{c:-100777}:t9:occasion"
    assert keys.chat_queue(BEN.place) == "coordi:{c:-100777}:t0:queue", "one queue per place"
    names = [*keys.member_keys(ANN), *keys.member_keys(BEN_IN_TOPIC), keys.chat_members(GROUP)]
    assert len(set(names)) == len(names) and all("{c:-100777}" in name for name in names)
    assert keys.member_from_entry(GROUP, BEN_IN_TOPIC.entry) == BEN_IN_TOPIC
    assert keys.member_from_entry(GROUP, ANN.entry) == ANN


@ON_BOTH_REDIS
async def test_a_card_is_written_only_while_its_photo_is_the_one_it_was_made_from(
    store: ChatStore,
) -> None:
    for name in ("body", "shirt", "shoes"):
        await store.add_photo(PRIVATE, name, b"jpeg", "clothing", 10, 10)
    seen = await store.photo_metas(PRIVATE)  # what the analysis read: 1, 2, 3
    cards = [WardrobeCard(n, "item", f"card {n}") for n in (1, 2, 3)]
    await store.forget(PRIVATE, [2])
    await store.set_role(PRIVATE, "shoes", "full_body")  # a relabel keeps the photo's identity
    assert await store.set_cards(PRIVATE, cards, seen) == 2
    assert sorted(await store.cards(PRIVATE)) == [1, 3]

    # /reset, then the same photo again: number 1 once more, but a new upload of it.
    await store.reset(PRIVATE)
    again = await store.add_photo(PRIVATE, "body", b"jpeg", "clothing", 10, 10)
    assert again.meta.number == 1
    assert await store.set_cards(PRIVATE, cards, seen) == 0
    assert await store.cards(PRIVATE) == {}
    # A card for a number the analysis did not read is not written either.
    assert await store.set_cards(PRIVATE, [WardrobeCard(1, "item", "x")], []) == 0
    assert await store.set_cards(PRIVATE, cards[:1], [again.meta]) == 1


@ON_BOTH_REDIS
async def test_reset_all_clears_every_member_topic_and_the_old_shared_keys_only(
    store: ChatStore, redis: RedisClient, redis_url: str
) -> None:
    legacy = MemberScope(ChatScope(GROUP))  # the one wardrobe groups had before
    other_group = MemberScope(ChatScope(GROUP - 1), 11)
    for owner in (ANN, BEN, BEN_IN_TOPIC, legacy, PRIVATE, other_group):
        await store.add_photo(owner, "p", b"jpeg", "clothing", 10, 10)
        await store.append_history(owner, HistoryMessage("user", "hi"))
    await store.set_style(ANN, "minimal")
    await store.set_occasion(BEN_IN_TOPIC, "travel")
    places = UserPlaces(redis, ttl_seconds=60)
    for owner in (ANN, other_group):
        assert owner.member is not None
        await places.set(owner.chat_id, owner.member, Place("Seoul", 37.57, 126.98))
    groups = GroupData(redis, store)
    members = await groups.members(GROUP)
    assert members == [ANN, BEN, BEN_IN_TOPIC], "private chats and the old keys are not listed"
    assert groups.places(ANN.place, members) == [ChatScope(GROUP), ChatScope(GROUP, 9)]
    assert not await redis.exists(keys.chat_members(PRIVATE.chat_id))

    done = await groups.reset_all(ANN.place, members)
    assert (done.photos, done.members) == (4, 2)
    client = Redis.from_url(redis_url)
    try:
        left = [name.decode() async for name in client.scan_iter(f"*{{c:{GROUP}}}*")]
    finally:
        await client.aclose()
    assert left == []
    assert len(await store.photos(PRIVATE)) == 1 and len(await store.photos(other_group)) == 1
    assert await places.get(other_group.chat_id, 11) is not None


def photo(number: int) -> StoredPhoto:
    return StoredPhoto(PhotoMeta(f"u{number}", number, "clothing", 288, 384, 0.0), b"\xff\xd8")


def test_the_builder_sends_nothing_of_a_photo_no_longer_stored() -> None:
    cards = {n: WardrobeCard(n, "item", f"card {n}", "top") for n in (1, 2, 3)}
    stored = [photo(1), photo(3)]
    assert wardrobe_lines(stored, cards) == [cards[1].describe(), cards[3].describe()]
    history = [
        HistoryMessage("user", "출근룩 (New photos in this message: [1], [2])"),
        HistoryMessage("assistant", "[2] 셔츠와 [1] 바지"),
        HistoryMessage("user", "신발은?"),
        HistoryMessage("assistant", "[3] 로퍼"),
    ]
    turn = TurnInput(lang="ko", question="비 오면?", photos=stored, history=history, cards=cards)
    built = build_prompt(turn, PromptLimits(model="gpt-4.1-mini"))
    sent = [m["content"] for m in built.messages[1:]]
    assert sent == ["신발은?", "[3] 로퍼", "비 오면?"]
    assert "card 2" not in built.messages[0]["content"] and built.dropped_messages == 2
