"""A chat's store, on the single Redis and on the cluster (where every operation must
stay within the chat's slot, or the cluster refuses it)."""

from __future__ import annotations

from storage import keys
from storage.chat_store import ChatStore
from storage.connection import RedisClient
from storage.keys import ChatScope, MemberScope
from storage.places import Place, UserPlaces
from storage.records import HistoryMessage
from tests.conftest import ON_BOTH_REDIS

pytestmark = ON_BOTH_REDIS
SCOPE = MemberScope(ChatScope(42))


async def test_same_photo_twice_is_stored_once(store: ChatStore) -> None:
    first = await store.add_photo(SCOPE, "uid-1", b"jpeg-1", "full_body", 384, 512)
    again = await store.add_photo(SCOPE, "uid-1", b"jpeg-1", "full_body", 384, 512)
    assert first.added and not again.added
    assert again.meta.number == first.meta.number
    photos = await store.photos(SCOPE)
    assert [(p.meta.unique_id, p.jpeg) for p in photos] == [("uid-1", b"jpeg-1")]


async def test_photo_bytes_are_raw_bytes_not_base64(store: ChatStore, redis: RedisClient) -> None:
    jpeg = bytes(range(256))
    await store.add_photo(SCOPE, "raw", jpeg, "clothing", 10, 10)
    assert await redis.get(keys.photo_bytes(SCOPE, "raw")) == jpeg


async def test_every_key_of_a_chat_expires_and_shares_a_hash_tag(
    store: ChatStore, redis: RedisClient
) -> None:
    await store.add_photo(SCOPE, "a", b"1", "clothing", 10, 10)
    await store.append_history(SCOPE, HistoryMessage("user", "hi"))
    await store.set_occasion(SCOPE, "date")
    names = [name.decode() async for name in redis.scan_iter("*")]
    assert len(names) == 5
    for name in names:
        assert "{c:42}" in name
        assert 0 < await redis.ttl(name) <= 3600


async def test_history_keeps_the_last_n_messages(redis: RedisClient) -> None:
    store = ChatStore(redis, ttl_seconds=60, history_max_messages=4, max_photos=12)
    for n in range(6):
        await store.append_history(SCOPE, HistoryMessage("user", f"m{n}"))
    assert [m.content for m in await store.history(SCOPE)] == ["m2", "m3", "m4", "m5"]


async def test_reset_removes_everything_of_the_chat_only(
    store: ChatStore, redis: RedisClient
) -> None:
    other = MemberScope(ChatScope(7))
    places = UserPlaces(redis, ttl_seconds=60)
    for scope in (SCOPE, other):
        await store.add_photo(scope, "a", b"1", "clothing", 10, 10)
        await store.append_history(scope, HistoryMessage("user", "hi"))
        await store.set_occasion(scope, "date")
        # In a private chat the user is the chat: their /city is kept under its id.
        await places.set(scope.chat_id, scope.chat_id, Place("Seoul", 37.57, 126.98))
    assert await store.reset(SCOPE) == 1
    assert [n async for n in redis.scan_iter(f"*{{c:{SCOPE.chat_id}}}*")] == []
    assert len(await store.photos(other)) == 1
    assert await places.get(other.chat_id, other.chat_id) is not None


async def test_forum_topics_are_separate(store: ChatStore) -> None:
    await store.set_occasion(MemberScope(ChatScope(-100, 5), 1), "wedding")
    assert await store.occasion(ChatScope(-100, 6)) is None
    assert await store.occasion(ChatScope(-100, 5)) == "wedding"


async def test_over_the_limit_the_oldest_clothing_photo_goes(redis: RedisClient) -> None:
    store = ChatStore(redis, ttl_seconds=60, history_max_messages=4, max_photos=2)
    await store.add_photo(SCOPE, "body", b"b", "full_body", 10, 10)
    await store.add_photo(SCOPE, "shirt", b"s", "clothing", 10, 10)
    result = await store.add_photo(SCOPE, "shoes", b"x", "clothing", 10, 10)
    assert [m.unique_id for m in result.evicted] == ["shirt"]
    assert [p.meta.unique_id for p in await store.photos(SCOPE)] == ["body", "shoes"]


def test_cited_numbers_reads_the_citation_forms_models_use() -> None:
    from storage.citations import cited_numbers

    assert cited_numbers("[2] 셔츠, ［３］ 슬랙스, [ 4 ] 로퍼, [5, 6] 가방, [x] 아님") == {
        2,
        3,
        4,
        5,
        6,
    }


def test_forgetting_drops_whole_turns_that_cite_the_photo() -> None:
    from storage.citations import drop_turns_citing

    history = [
        HistoryMessage("user", "출근룩 (New photos in this message: [1], [2])"),
        HistoryMessage("assistant", "[2] 셔츠"),
        HistoryMessage("user", "비 오면?"),
        HistoryMessage("assistant", "[1] 코트"),
    ]
    kept = drop_turns_citing(history, {2})
    assert [m.content for m in kept] == ["비 오면?", "[1] 코트"]
