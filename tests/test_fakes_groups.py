"""What the fakes learned for groups and races, with the real clients: getChatMember on the
fake Bot API, and an OpenAI request held until the test releases it."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import openai
import pytest
import telegram
from openai.types.chat import ChatCompletionMessageParam
from telegram.constants import ChatMemberStatus
from telegram.error import BadRequest

from tests.fakes.openai_api import FakeOpenAIServer
from tests.fakes.telegram_api import FakeTelegramServer

TOKEN = "123456:TEST"
GROUP = -100555


@pytest.fixture
async def tg() -> AsyncIterator[FakeTelegramServer]:
    async with FakeTelegramServer(TOKEN, limits=None) as server:
        yield server


@pytest.fixture
async def bot(tg: FakeTelegramServer) -> AsyncIterator[telegram.Bot]:
    async with telegram.Bot(TOKEN, base_url=tg.base_url, base_file_url=tg.base_file_url) as b:
        yield b


async def test_get_chat_member_gives_each_status_as_telegram_shapes_it(
    tg: FakeTelegramServer, bot: telegram.Bot
) -> None:
    statuses = ["creator", "administrator", "member", "restricted", "left", "kicked"]
    for user, status in enumerate(statuses, start=1):
        tg.set_member_status(GROUP, user, status)
    kinds = [telegram.ChatMemberOwner, telegram.ChatMemberAdministrator,
             telegram.ChatMemberMember, telegram.ChatMemberRestricted, telegram.ChatMemberLeft,
             telegram.ChatMemberBanned]  # fmt: skip
    for user, (status, kind) in enumerate(zip(statuses, kinds, strict=True), start=1):
        member = await bot.get_chat_member(GROUP, user)
        # PTB builds the subclass from the JSON: every required field of that kind is there.
        assert type(member) is kind and member.status == status and member.user.id == user
    anyone = await bot.get_chat_member(GROUP, 77)
    assert anyone.status == ChatMemberStatus.MEMBER, "people writing in a group are members"
    itself = await bot.get_chat_member(GROUP, tg.bot_id)
    assert itself.status == ChatMemberStatus.ADMINISTRATOR and itself.user.is_bot


async def test_get_chat_member_refuses_what_telegram_refuses(
    tg: FakeTelegramServer, bot: telegram.Bot
) -> None:
    tg.unknown_chats.add(-100999)
    with pytest.raises(BadRequest, match="Chat not found"):
        await bot.get_chat_member(-100999, 1)
    with pytest.raises(BadRequest, match=r"(?i)invalid user_id specified"):
        await bot.get_chat_member(GROUP, 0)
    # In a private chat only the user and the bot are there.
    assert (await bot.get_chat_member(5, 5)).status == ChatMemberStatus.MEMBER
    with pytest.raises(BadRequest, match=r"(?i)participant_id_invalid"):
        await bot.get_chat_member(5, 6)
    with pytest.raises(ValueError, match="not a ChatMember status"):
        tg.set_member_status(GROUP, 1, "owner")
    tg.inject_error("getChatMember", error_code=403, description="Forbidden: bot was kicked")
    with pytest.raises(telegram.error.Forbidden):
        await bot.get_chat_member(GROUP, 1)


ANALYSIS: list[ChatCompletionMessageParam] = [
    {"role": "system", "content": "You catalogue the user's photos."},
    {"role": "user", "content": [{"type": "text", "text": "Photo [1] (sent as: clothing)"}]},
]


async def test_a_held_analysis_is_answered_only_once_released() -> None:
    async with (
        FakeOpenAIServer() as oai,
        openai.AsyncOpenAI(base_url=oai.base_url, api_key="t", max_retries=0) as client,
    ):
        hold = oai.hold_analysis()
        call = asyncio.ensure_future(client.chat.completions.create(model="m", messages=ANALYSIS))
        await asyncio.wait_for(hold.arrived.wait(), 5)
        # A hold is for one request: the next one is answered at once, and the held one
        # is still waiting after it, so it is held rather than slow.
        again = await client.chat.completions.create(model="m", messages=ANALYSIS)
        assert again.choices[0].message.content
        assert not call.done()
        hold.release()
        reply = await asyncio.wait_for(call, 5)
        assert '"number": 1' in (reply.choices[0].message.content or "")


async def test_a_held_request_is_not_left_hanging_when_the_server_stops() -> None:
    oai = FakeOpenAIServer()
    await oai.start()
    async with openai.AsyncOpenAI(base_url=oai.base_url, api_key="t", max_retries=0) as client:
        hold = oai.hold_analysis()
        call = asyncio.ensure_future(client.chat.completions.create(model="m", messages=ANALYSIS))
        await asyncio.wait_for(hold.arrived.wait(), 5)
        await asyncio.wait_for(oai.stop(), 5)
        # Not left hanging: answered while the server closed, or cut off with it.
        [outcome] = await asyncio.wait_for(asyncio.gather(call, return_exceptions=True), 5)
        assert not isinstance(outcome, BaseException) or isinstance(outcome, openai.APIError)
