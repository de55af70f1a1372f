"""Groups, end to end on one worker: each member's own wardrobe, notes, history and usage;
/forget and /reset reach the caller's data only; an admin's /reset all reaches everyone's."""

from __future__ import annotations

from typing import Any

from redis.asyncio import Redis

from storage.keys import ChatScope, MemberScope
from storage.records import HistoryMessage
from tests.fakes.openai_api import FakeOpenAIServer
from tests.fakes.telegram_api import FakeTelegramServer
from tests.fakes.updates import UpdateFactory
from tests.group_kit import ANN, BEN, BLUE, GROUP, RED, member_album, request_colours
from tests.harness import Worker
from tests.scenario_kit import all_text, bot_texts, jpeg, photo_update, wardrobe_numbers

ANN_OWN = MemberScope(ChatScope(GROUP), ANN)
BEN_OWN = MemberScope(ChatScope(GROUP), BEN)
GROUP_ANONYMOUS_BOT = {"id": 1087968824, "is_bot": True, "first_name": "Group",
                       "username": "GroupAnonymousBot"}  # fmt: skip


async def two_wardrobes(worker: Worker, telegram: FakeTelegramServer, u: UpdateFactory) -> None:
    """Ann keeps four red photos, Ben two blue ones."""
    mention = f"@{telegram.bot_username}"
    await worker.send(*member_album(telegram, u, ANN, f"{mention} 출근룩", RED, 4), gap=0.02)
    await worker.idle()
    await worker.send(*member_album(telegram, u, BEN, f"{mention} 주말룩", BLUE, 2), gap=0.02)
    await worker.idle()


async def numbers(worker: Worker, owner: MemberScope) -> list[int]:
    return [meta.number for meta in await worker.services.store.photo_metas(owner)]


def ask(updates: UpdateFactory, bot: str, user: int, text: str, **fields: Any) -> dict[str, Any]:
    return updates.text(GROUP, f"@{bot} {text}", user_id=user, **fields)


async def test_forget_and_reset_of_one_member_leave_the_other_and_the_occasion(
    worker: Worker, telegram: FakeTelegramServer, model: FakeOpenAIServer, updates: UpdateFactory
) -> None:
    bot = telegram.bot_username
    await two_wardrobes(worker, telegram, updates)
    await worker.send(updates.text(GROUP, f"/tpo@{bot} 결혼식 하객", user_id=ANN))
    await worker.send(updates.text(GROUP, "/forget 2", user_id=BEN))
    await worker.idle()
    store = worker.services.store
    assert await numbers(worker, BEN_OWN) == [1]
    assert await numbers(worker, ANN_OWN) == [1, 2, 3, 4], "Ben's /forget 2 is Ben's photo 2"
    assert len(await store.history(ANN_OWN)) == 2, "and Ben's turns citing it are Ben's"
    assert await store.history(BEN_OWN) == []

    await worker.send(ask(updates, bot, BEN, "주말에 뭐 입지?"))
    await worker.idle()
    await worker.send(updates.text(GROUP, "/reset", user_id=ANN))
    await worker.idle()
    assert "내 사진 4장" in bot_texts(telegram, GROUP)[-1]
    assert await numbers(worker, ANN_OWN) == [] and await store.history(ANN_OWN) == []
    assert await numbers(worker, BEN_OWN) == [1]
    assert len(await store.history(BEN_OWN)) == 2

    await worker.send(ask(updates, bot, BEN, "결혼식에 뭐 입지?"))
    await worker.idle()
    asked = model.requests[-1]
    # The occasion is the group's: Ann set it, Ben's answers use it, Ann's /reset kept it.
    assert "결혼식 하객" in asked["messages"][0]["content"]
    assert wardrobe_numbers(asked) == {1} and "red" not in request_colours(asked)
    assert "주말에 뭐 입지?" in all_text(asked) and "출근룩" not in all_text(asked)


async def test_style_notes_and_usage_are_each_members_own(
    worker: Worker, telegram: FakeTelegramServer, model: FakeOpenAIServer, updates: UpdateFactory
) -> None:
    bot = telegram.bot_username
    await worker.send(updates.text(GROUP, f"/style@{bot} 치마 X, 미니멀", user_id=ANN))
    await worker.idle()
    await worker.send(ask(updates, bot, BEN, "뭐 입을까?"))
    await worker.idle()
    assert "미니멀" not in model.requests[-1]["messages"][0]["content"]
    await worker.send(ask(updates, bot, ANN, "뭐 입을까?"))
    await worker.send(ask(updates, bot, ANN, "신발은?"))
    await worker.idle()
    assert "미니멀" in model.requests[-1]["messages"][0]["content"]

    await worker.send(updates.text(GROUP, "/usage", user_id=BEN, language_code="en"))
    await worker.idle()
    assert bot_texts(telegram, GROUP)[-1].startswith("Your usage in this group in")
    assert "1 answers" in bot_texts(telegram, GROUP)[-1]
    await worker.send(updates.text(GROUP, "/usage", user_id=ANN))
    await worker.idle()
    assert "이 그룹에서 내 사용량" in bot_texts(telegram, GROUP)[-1]
    assert "답변 2개" in bot_texts(telegram, GROUP)[-1]


async def test_a_member_cannot_take_anothers_photo_with_body(
    worker: Worker, telegram: FakeTelegramServer, model: FakeOpenAIServer, updates: UpdateFactory
) -> None:
    # Ann's photo, not addressed to Coordi: not stored. Ben replies /body to it.
    stray = photo_update(telegram, updates, GROUP, "ann-mirror", color=RED, user_id=ANN)
    await worker.send(stray)
    await worker.send(updates.text(GROUP, "/body", user_id=BEN, reply_to=stray["message"]))
    await worker.idle()
    assert "직접 보낸 사진" in bot_texts(telegram, GROUP)[-1]
    assert await numbers(worker, BEN_OWN) == [] and await numbers(worker, ANN_OWN) == []
    await worker.send(updates.text(GROUP, "/body", user_id=ANN, reply_to=stray["message"]))
    await worker.idle()
    [photo] = await worker.services.store.photos(ANN_OWN)
    assert photo.meta.role == "full_body"


async def old_shared_wardrobe(worker: Worker) -> MemberScope:
    """What a group kept before members had their own: one wardrobe under the chat's keys."""
    legacy = MemberScope(ChatScope(GROUP))
    store = worker.services.store
    await store.add_photo(legacy, "old-shared", jpeg(288, 384, RED), "clothing", 288, 384)
    await store.append_history(legacy, HistoryMessage("user", "옛날 질문 [1]"))
    return legacy


async def group_keys(redis_url: str) -> list[str]:
    """Every stored key of the group that holds what members sent (not its queue)."""
    client = Redis.from_url(redis_url)
    try:
        names = [name.decode() async for name in client.scan_iter(f"*{{c:{GROUP}}}*")]
    finally:
        await client.aclose()
    kept = (":photo", ":history", ":cards", ":style", ":occasion", ":usage", ":members")
    return sorted(name for name in names if any(part in name for part in kept))


async def test_only_an_admin_may_reset_all_and_it_clears_every_member_and_topic(
    worker: Worker,
    telegram: FakeTelegramServer,
    model: FakeOpenAIServer,
    updates: UpdateFactory,
    redis_url: str,
) -> None:
    bot = telegram.bot_username
    await two_wardrobes(worker, telegram, updates)
    in_topic = member_album(telegram, updates, BEN, f"@{bot} 여행룩", BLUE, 1, thread_id=11)
    await worker.send(*in_topic)
    await worker.send(updates.text(GROUP, f"/tpo@{bot} 여행", user_id=ANN, thread_id=11))
    await worker.idle()
    legacy = await old_shared_wardrobe(worker)
    before = await group_keys(redis_url)

    # A plain member is refused, politely, in their language; nothing goes.
    await worker.send(updates.text(GROUP, "/reset all", user_id=BEN))
    await worker.send(updates.text(GROUP + 1, "/reset all", user_id=BEN, language_code="en"))
    await worker.idle()
    assert "관리자만" in bot_texts(telegram, GROUP)[-1]
    assert bot_texts(telegram, GROUP + 1)[-1].startswith("Only a group admin can clear")
    checked = telegram.calls_to("getChatMember")
    assert [(c.params["chat_id"], c.params["user_id"]) for c in checked] == [
        (GROUP, BEN), (GROUP + 1, BEN)]  # fmt: skip
    assert await group_keys(redis_url) == before

    # Telegram cannot say: nobody counts as an admin.
    telegram.set_member_status(GROUP, ANN, "administrator")
    telegram.inject_error("getChatMember", error_code=500, description="Internal Server Error")
    await worker.send(updates.text(GROUP, "/reset all", user_id=ANN))
    await worker.idle()
    assert "확인할 수 없어서" in bot_texts(telegram, GROUP)[-1]
    assert await group_keys(redis_url) == before

    await worker.send(updates.text(GROUP, "/reset all", user_id=ANN))
    await worker.idle()
    # 4 + 2 + 1 photos of the two members, and the old shared wardrobe's one.
    assert "멤버 2명의 사진 8장" in bot_texts(telegram, GROUP)[-1]
    assert await group_keys(redis_url) == []
    store = worker.services.store
    assert await store.occasion(ChatScope(GROUP, 11)) is None
    assert await store.photos(legacy) == [] and await store.history(legacy) == []


async def test_an_anonymous_admin_and_the_creator_may_reset_all(
    worker: Worker, telegram: FakeTelegramServer, model: FakeOpenAIServer, updates: UpdateFactory
) -> None:
    await two_wardrobes(worker, telegram, updates)
    # An anonymous admin writes as the group itself: only admins can, so no question asked.
    anonymous = updates.text(GROUP, "/reset all", user_id=ANN)
    anonymous["message"]["from"] = GROUP_ANONYMOUS_BOT
    anonymous["message"]["sender_chat"] = {"id": GROUP, "type": "supergroup", "title": "Test"}
    await worker.send(anonymous)
    await worker.idle()
    # (Anonymous admins carry no language: English.)
    assert "6 photo(s) of 2 member(s)" in bot_texts(telegram, GROUP)[-1]
    assert telegram.calls_to("getChatMember") == []
    assert await numbers(worker, ANN_OWN) == [] and await numbers(worker, BEN_OWN) == []

    await two_wardrobes(worker, telegram, updates)
    telegram.set_member_status(GROUP, BEN, "creator")
    await worker.send(updates.text(GROUP, "/reset 전부", user_id=BEN))
    await worker.idle()
    assert "멤버 2명의 사진 6장" in bot_texts(telegram, GROUP)[-1]


async def test_forget_all_in_a_group_is_the_callers_own_reset(
    worker: Worker, telegram: FakeTelegramServer, model: FakeOpenAIServer, updates: UpdateFactory
) -> None:
    await two_wardrobes(worker, telegram, updates)
    telegram.set_member_status(GROUP, ANN, "creator")  # even an admin's: /forget is one's own
    await worker.send(updates.text(GROUP, "/forget all", user_id=ANN))
    await worker.idle()
    assert "내 사진 4장" in bot_texts(telegram, GROUP)[-1]
    assert await numbers(worker, ANN_OWN) == [] and await numbers(worker, BEN_OWN) == [1, 2]
    assert telegram.calls_to("getChatMember") == []


async def test_a_downvote_keeps_only_the_pressing_members_own_turn(
    worker: Worker, telegram: FakeTelegramServer, model: FakeOpenAIServer, updates: UpdateFactory
) -> None:
    await worker.send(ask(updates, telegram.bot_username, ANN, "출근룩?"))
    await worker.idle()
    answer = [m for m in telegram.messages(GROUP) if m.kind == "text"][-1]
    down = answer.reply_markup["inline_keyboard"][0][1]["callback_data"]  # type: ignore[index]
    shown = updates.bot_message(GROUP, answer.message_id, answer.text)
    # Ben's 👎 on Ann's answer counts as a vote, but keeps none of Ann's words.
    await worker.send(updates.callback_query(GROUP, down, message=shown, user_id=BEN))
    await worker.idle()
    assert await worker.services.downvotes.recent() == []
    await worker.send(updates.callback_query(GROUP, down, message=shown, user_id=ANN))
    await worker.idle()
    [(_, turn)] = await worker.services.downvotes.recent()
    assert turn.question == "출근룩?"
