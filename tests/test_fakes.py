"""The HTTP fakes, exercised with the real python-telegram-bot and openai clients."""

from __future__ import annotations

import asyncio
import datetime as dtm
import json
from collections.abc import AsyncIterator
from typing import TypeVar

import aiohttp
import openai
import pytest
import telegram
import telegramify_markdown
from openai.types.chat import ChatCompletionMessageParam
from openai.types.shared_params import ResponseFormatJSONSchema
from telegram import (
    BotCommand,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InputMediaPhoto,
    Message,
    MessageEntity,
    Update,
)
from telegram.error import BadRequest, InvalidToken, RetryAfter
from telegram.ext import Application, CommandHandler, ContextTypes

from tests.fakes.openai_api import FakeOpenAIServer
from tests.fakes.telegram_api import ApiCall, FakeTelegramServer
from tests.fakes.tg_limits import LimitKeeper, Limits
from tests.fakes.updates import UpdateFactory, photo_size_ids

TOKEN = "123456:TEST"
CHAT = 5550001
T = TypeVar("T")


def need(value: T | None) -> T:
    assert value is not None
    return value


def message_of(update: Update) -> Message:
    return need(update.message)


@pytest.fixture
async def tg() -> AsyncIterator[FakeTelegramServer]:
    # The Bot API's methods, without its flood limits (tested on their own below).
    async with FakeTelegramServer(TOKEN, limits=None) as server:
        yield server


@pytest.fixture
async def bot(tg: FakeTelegramServer) -> AsyncIterator[telegram.Bot]:
    async with telegram.Bot(TOKEN, base_url=tg.base_url, base_file_url=tg.base_file_url) as b:
        yield b


@pytest.fixture
async def oai() -> AsyncIterator[FakeOpenAIServer]:
    async with FakeOpenAIServer() as server:
        yield server


@pytest.fixture
async def client(oai: FakeOpenAIServer) -> AsyncIterator[openai.AsyncOpenAI]:
    async with openai.AsyncOpenAI(base_url=oai.base_url, api_key="test", max_retries=0) as c:
        yield c


# ------------------------------------------------------------------ Telegram
async def test_get_me_and_bad_token(tg: FakeTelegramServer, bot: telegram.Bot) -> None:
    me = await bot.get_me()
    assert (me.id, me.username, me.first_name, me.is_bot) == (
        999000,
        "coordi_test_bot",
        "Coordi",
        True,
    )
    assert tg.calls_to("GETME") and tg.calls_to("getMe")[0].ok
    wrong = telegram.Bot("654321:WRONG", base_url=tg.base_url)
    with pytest.raises(InvalidToken):
        async with wrong:  # shuts its HTTP client down again on failure
            pass
    assert tg.calls[-1].ok is False


async def test_raw_http_method_case_json_body_and_unknown_method(tg: FakeTelegramServer) -> None:
    async with aiohttp.ClientSession() as http:
        url = f"{tg.base_url}{TOKEN}"
        async with http.post(f"{url}/SENDMESSAGE", json={"chat_id": -100, "text": "hi"}) as r:
            body = await r.json()
        async with http.post(f"{url}/sendDice", data={"chat_id": "1"}) as r:
            assert r.status == 404
            assert await r.json() == {"ok": False, "error_code": 404, "description": "Not Found"}
    assert body["ok"] and body["result"]["chat"] == {
        "id": -100,
        "type": "supergroup",
        "title": "Test Group",
    }
    assert body["result"]["message_id"] == 1000
    assert [c.method for c in tg.calls] == ["sendMessage", "sendDice"]


async def test_send_edit_and_not_modified(tg: FakeTelegramServer, bot: telegram.Bot) -> None:
    kb = InlineKeyboardMarkup([[InlineKeyboardButton("다시", callback_data="again")]])
    msg = await bot.send_message(CHAT, "생각 중…", reply_markup=kb, message_thread_id=7)
    assert (msg.message_id, msg.chat.type, msg.message_thread_id) == (1000, "private", 7)
    assert msg.reply_markup == kb and need(msg.from_user).id == 999000
    assert tg.calls_to("sendMessage")[0].params["reply_markup"] == kb.to_dict()
    edited = await bot.edit_message_text("오늘의 코디", CHAT, msg.message_id, reply_markup=kb)
    assert (
        isinstance(edited, Message)
        and edited.text == "오늘의 코디"
        and edited.edit_date is not None
    )
    with pytest.raises(BadRequest, match=r"(?i)not modified"):
        await bot.edit_message_text("오늘의 코디", CHAT, msg.message_id, reply_markup=kb)
    await bot.edit_message_text("오늘의 코디", CHAT, msg.message_id)  # drops the keyboard
    with pytest.raises(BadRequest, match=r"(?i)message to edit not found"):
        await bot.edit_message_text("x", CHAT, 4242)
    with pytest.raises(BadRequest, match=r"(?i)MESSAGE_TOO_LONG"):
        await bot.edit_message_text("😀" * 2049, CHAT, msg.message_id)  # 4098 UTF-16 units
    with pytest.raises(BadRequest, match=r"(?i)message is too long"):
        await bot.send_message(CHAT, "a" * 4097)
    with pytest.raises(BadRequest, match=r"(?i)message text is empty"):
        await bot.send_message(CHAT, "   ")
    second = await bot.send_message(CHAT, "두 번째")
    await bot.delete_message(CHAT, second.message_id)
    [final] = tg.messages(CHAT)
    assert (final.text, final.reply_markup, final.edits) == ("오늘의 코디", None, 2)
    assert [c.ok for c in tg.calls_to("editMessageText")] == [True, False, True, False, False]


async def test_retry_after_injection(
    tg: FakeTelegramServer, bot: telegram.Bot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PTB_TIMEDELTA", "true")  # else PTB warns when reading retry_after
    tg.inject_error("sendmessage", error_code=429, retry_after=7)
    with pytest.raises(RetryAfter) as info:
        await bot.send_message(CHAT, "hello")
    assert info.value.retry_after == dtm.timedelta(seconds=7)
    assert (await bot.send_message(CHAT, "hello")).text == "hello"
    assert [c.ok for c in tg.calls_to("sendMessage")] == [False, True]
    tg.inject_error("sendChatAction", error_code=403, description="Forbidden: bot was blocked")
    with pytest.raises(telegram.error.Forbidden, match=r"(?i)blocked"):
        await bot.send_chat_action(CHAT, "typing")


async def test_files_download_and_errors(tg: FakeTelegramServer, bot: telegram.Bot) -> None:
    file_id, unique_id = tg.add_file(b"\xff\xd8jpeg-bytes", file_id="AgAD-photo")
    f = await bot.get_file(file_id)
    assert (f.file_id, f.file_unique_id, f.file_size) == (file_id, unique_id, 12)
    assert await f.download_as_bytearray() == bytearray(b"\xff\xd8jpeg-bytes")
    assert tg.calls_to("downloadFile")[0].params == {
        "file_path": need(f.file_path).split(TOKEN + "/")[1]
    }
    with pytest.raises(BadRequest, match=r"(?i)invalid file_id"):
        await bot.get_file("nope")
    big, _ = tg.add_file(b"x", file_size_override=25 * 1024 * 1024)
    with pytest.raises(BadRequest, match=r"(?i)file is too big"):
        await bot.get_file(big)


async def test_commands_are_decoded(tg: FakeTelegramServer, bot: telegram.Bot) -> None:
    commands = [BotCommand("start", "시작하기"), BotCommand("closet", "내 옷장")]
    assert await bot.set_my_commands(commands, language_code="ko")
    assert tg.calls_to("setMyCommands")[0].params["commands"] == [c.to_dict() for c in commands]
    assert await bot.get_my_commands(language_code="ko") == tuple(commands)
    assert await bot.get_my_commands() == ()
    with pytest.raises(BadRequest, match=r"(?i)BOT_COMMAND_INVALID"):
        await bot.set_my_commands([BotCommand("Start-Now", "x")])


async def test_entity_and_parse_mode_validation(tg: FakeTelegramServer, bot: telegram.Bot) -> None:
    with pytest.raises(BadRequest, match=r"(?i)can't parse entities"):
        await bot.send_message(CHAT, "hi", entities=[MessageEntity("bold", 0, 5)])
    ok = await bot.send_message(CHAT, "hi 👗", entities=[MessageEntity("bold", 3, 2)])
    assert ok.entities == (MessageEntity("bold", 3, 2),)
    with pytest.raises(BadRequest, match=r"(?i)can't parse entities"):
        await bot.send_message(CHAT, "<b>bold<i>x</b>", parse_mode="HTML")
    with pytest.raises(BadRequest, match=r"(?i)reserved"):
        await bot.send_message(CHAT, "Hello. World", parse_mode="MarkdownV2")
    m = await bot.send_message(CHAT, "*굵게* \\. _it_", parse_mode="MarkdownV2")
    assert m.text == "굵게 . it"
    assert [(e.type, e.offset, e.length) for e in m.entities] == [("bold", 0, 2), ("italic", 5, 2)]


async def test_markdown_from_telegramify_round_trips(
    tg: FakeTelegramServer, bot: telegram.Bot
) -> None:
    source = "## 코디\n\n**상의**: 셔츠 (white) - *깔끔*!\n\n> 팁: 1. 레이어드\n\n`code` [링크](https://x.y/a_(b))"
    text, entities = telegramify_markdown.convert(source)
    wire = [MessageEntity.de_json(e.to_dict(), bot) for e in entities]
    a = await bot.send_message(CHAT, text, entities=wire)
    md2 = telegramify_markdown.markdownify(source)
    b = await bot.send_message(CHAT, md2, parse_mode="MarkdownV2")
    assert a.text == b.text == text
    assert {(e.type, e.offset, e.length) for e in a.entities} == {
        (e.type, e.offset, e.length) for e in b.entities
    }


async def test_photo_upload_and_media_group(tg: FakeTelegramServer, bot: telegram.Bot) -> None:
    msg = await bot.send_photo(
        CHAT, b"\x89PNG-not-really", caption="<b>룩</b> 1", parse_mode="HTML"
    )
    assert msg.caption == "룩 1" and msg.photo[-1].file_size == 15
    assert tg.calls_to("sendPhoto")[0].params["_files"] == {"photo": b"\x89PNG-not-really"}
    album = await bot.send_media_group(
        -100123, [InputMediaPhoto(b"one", caption="첫 번째"), InputMediaPhoto(b"two")]
    )
    assert len(album) == 2 and album[0].media_group_id == album[1].media_group_id
    assert album[0].caption == "첫 번째" and album[0].chat.type == "supergroup"
    assert sorted(tg.calls_to("sendMediaGroup")[0].params["_files"].values()) == [b"one", b"two"]
    downloaded = await (await album[1].photo[-1].get_file()).download_as_bytearray()
    assert downloaded == bytearray(b"two")
    assert [m.kind for m in tg.messages(-100123)] == ["photo", "photo"]


async def test_misc_methods(tg: FakeTelegramServer, bot: telegram.Bot) -> None:
    kb = InlineKeyboardMarkup([[InlineKeyboardButton("A", callback_data="a")]])
    msg = await bot.send_message(CHAT, "pick")
    await bot.edit_message_reply_markup(CHAT, msg.message_id, reply_markup=kb)
    with pytest.raises(BadRequest, match=r"(?i)not modified"):
        await bot.edit_message_reply_markup(CHAT, msg.message_id, reply_markup=kb)
    with pytest.raises(BadRequest, match=r"(?i)BUTTON_DATA_INVALID"):
        long = InlineKeyboardButton("B", callback_data="옷" * 22)  # 66 bytes
        await bot.send_message(CHAT, "x", reply_markup=InlineKeyboardMarkup([[long]]))
    assert await bot.send_message_draft(CHAT, 1, "초안…")
    assert await bot.send_message_draft(CHAT, 1)  # empty text: "thinking" placeholder
    assert tg.calls_to("sendMessageDraft")[0].params == {
        "chat_id": CHAT,
        "draft_id": 1,
        "text": "초안…",
    }
    assert await bot.answer_callback_query("123", text="OK")
    assert await bot.send_chat_action(CHAT, "typing")
    with pytest.raises(BadRequest, match=r"(?i)action"):
        await bot.send_chat_action(CHAT, "dancing")
    with pytest.raises(BadRequest, match=r"(?i)message to delete not found"):
        await bot.delete_message(CHAT, 99)
    assert tg.messages(CHAT)[0].reply_markup == kb.to_dict()


async def test_get_updates_offset_and_webhook_conflict(
    tg: FakeTelegramServer, bot: telegram.Bot
) -> None:
    f = UpdateFactory()
    first = tg.queue_update(f.text(CHAT, "one"))
    tg.queue_update(f.text(CHAT, "two"))
    assert [message_of(u).text for u in await bot.get_updates()] == ["one", "two"]
    later = await bot.get_updates(offset=first["update_id"] + 1, timeout=0)
    assert [message_of(u).text for u in later] == ["two"]
    pending = asyncio.create_task(bot.get_updates(offset=first["update_id"] + 2, timeout=5))
    await tg.wait_for(lambda s: len(s.calls_to("getUpdates")) == 2)  # not answered yet
    tg.queue_update(f.text(CHAT, "three"))
    assert [message_of(u).text for u in await pending] == ["three"]
    assert await bot.set_webhook("https://example.invalid/hook")
    assert (await bot.get_webhook_info()).url == "https://example.invalid/hook"
    with pytest.raises(telegram.error.Conflict):
        await bot.get_updates()
    assert await bot.delete_webhook(drop_pending_updates=True)
    assert await bot.get_updates(timeout=0) == ()


async def test_wait_for_and_timeout(tg: FakeTelegramServer, bot: telegram.Bot) -> None:
    task = asyncio.create_task(bot.send_message(CHAT, "background"))
    call = await tg.wait_for_call("sendMessage", timeout=2.0)
    assert call.params["text"] == "background" and call.params["chat_id"] == CHAT
    await task
    await tg.wait_for(lambda s: s.messages(CHAT)[-1].text == "background", timeout=1.0)
    with pytest.raises(AssertionError, match=r"(?i)sendMessage"):
        await tg.wait_for(lambda s: len(s.calls) > 5, timeout=0.05)
    tg.clear_calls()
    assert tg.calls == []


async def test_polling_application_end_to_end(tg: FakeTelegramServer) -> None:
    async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        user = need(update.effective_user)
        await need(update.effective_message).reply_text(f"안녕 {user.language_code}")

    app = (
        Application.builder()
        .token(TOKEN)
        .base_url(tg.base_url)
        .base_file_url(tg.base_file_url)
        .build()
    )
    app.add_handler(CommandHandler("start", start))
    factory = UpdateFactory()
    async with app:
        await app.start()
        updater = need(app.updater)
        await updater.start_polling(poll_interval=0.0, timeout=1)
        tg.queue_update(factory.text(CHAT, "/start@coordi_test_bot"))
        await tg.wait_for(lambda s: bool(s.messages(CHAT)), timeout=5.0)
        await updater.stop()
        await app.stop()
    assert tg.messages(CHAT)[0].text == "안녕 ko"
    assert tg.calls_to("getUpdates") and tg.calls_to("deleteWebhook")


async def test_limit_violations() -> None:
    tg = FakeTelegramServer()
    edit = {"chat_id": CHAT, "message_id": 1000, "text": "x"}
    tg.calls += [ApiCall("editMessageText", edit, 0.0), ApiCall("editMessageText", edit, 0.5)]
    tg.calls += [ApiCall("editMessageText", edit, 1.6)]
    tg.calls += [ApiCall("sendMessage", {"chat_id": -5, "text": "x"}, t * 2.0) for t in range(22)]
    problems = tg.limit_violations()
    assert len(problems) == 2
    assert "chat 5550001 message 1000" in problems[0] and "group -5: 21" in problems[1]
    assert FakeTelegramServer().limit_violations() == []


def test_update_factory_parses_with_ptb() -> None:
    f = UpdateFactory()
    bot = telegram.Bot(TOKEN)
    u = Update.de_json(f.text(CHAT, "/start@coordi_test_bot hi @friend_1"), bot)
    assert need(u.effective_user).language_code == "ko"
    assert [(e.type, e.offset, e.length) for e in message_of(u).entities] == [
        ("bot_command", 0, 22),
        ("mention", 26, 9),
    ]
    reply = f.bot_message(CHAT, 1000, "추천")
    g = Update.de_json(f.text(-100, "좋아요", reply_to=reply, thread_id=3), bot)
    replied = need(message_of(g).reply_to_message)
    assert need(replied.from_user).is_bot and message_of(g).message_thread_id == 3
    assert need(g.effective_chat).type == "supergroup" and need(g.effective_user).id == 424242
    p = Update.de_json(f.photo(CHAT, "PH", "UQ", caption="이거 @coordi_test_bot"), bot)
    ids = [(s.file_id, s.file_unique_id) for s in message_of(p).photo]
    assert ids == photo_size_ids("PH", "UQ") and ids[-1] == ("PH", "UQ")
    assert [s.width for s in message_of(p).photo] == [68, 240, 600, 960, 1280]
    assert message_of(p).caption_entities[0].type == "mention"
    d = Update.de_json(f.document(CHAT, "DOC", "DU", caption="봐줘"), bot)
    assert need(message_of(d).document).mime_type == "image/jpeg"
    c = need(Update.de_json(f.callback_query(CHAT, "again", message=reply), bot).callback_query)
    assert c.data == "again" and need(c.message).message_id == 1000
    assert u.update_id < g.update_id < p.update_id < d.update_id
    json.dumps(f.photo(CHAT, "A", "B", media_group_id="77"))


# ------------------------------------------------------------------ OpenAI
async def test_streaming_with_usage(oai: FakeOpenAIServer, client: openai.AsyncOpenAI) -> None:
    reply = "오늘은 **네이비 블레이저**에 white tee! 👟"
    oai.script(reply, chunk_size=5)
    messages: list[ChatCompletionMessageParam] = [
        {"role": "system", "content": "You are Coordi."},
        {
            "role": "user",
            "content": [
                {"type": "text", "text": "뭐 입지?"},
                {"type": "image_url", "image_url": {"url": "data:image/jpeg;base64,AAAA"}},
            ],
        },
    ]
    stream = await client.chat.completions.create(
        model="gpt-4o-mini",
        messages=messages,
        stream=True,
        stream_options={"include_usage": True},
    )
    chunks = [chunk async for chunk in stream]
    text = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    assert text == reply
    assert chunks[0].choices[0].delta.role == "assistant"
    assert [c.choices[0].finish_reason for c in chunks if c.choices][-1] == "stop"
    assert all(c.usage is None for c in chunks[:-1]) and chunks[-1].choices == []
    usage = chunks[-1].usage
    assert usage is not None and usage.prompt_tokens == (15 + 5) // 4 + 85
    assert usage.total_tokens == usage.prompt_tokens + usage.completion_tokens
    assert {c.model for c in chunks} == {"gpt-4o-mini"} and chunks[0].id.startswith("chatcmpl-")
    assert oai.requests[0]["messages"] == messages and oai.authorizations == ["Bearer test"]


async def test_raw_sse_wire_format(oai: FakeOpenAIServer) -> None:
    oai.script("abcdef", chunk_size=4)
    body = {"model": "m", "messages": [{"role": "user", "content": "x"}], "stream": True}
    async with aiohttp.ClientSession() as http:
        async with http.post(f"{oai.base_url}/chat/completions", json=body) as r:
            assert r.headers["Content-Type"].startswith("text/event-stream")
            raw = await r.text()
    events = raw.split("\n\n")
    assert events[-2:] == ["data: [DONE]", ""] and all(e.startswith("data: ") for e in events[:-1])
    payloads = [json.loads(e.removeprefix("data: ")) for e in events[:-2]]
    assert [p["choices"][0]["delta"] for p in payloads] == [
        {"role": "assistant", "content": "", "refusal": None},
        {"content": "abcd"},
        {"content": "ef"},
        {},
    ]
    assert all("usage" not in p and p["object"] == "chat.completion.chunk" for p in payloads)


async def test_error_status_and_broken_stream(
    oai: FakeOpenAIServer, client: openai.AsyncOpenAI
) -> None:
    msgs: list[ChatCompletionMessageParam] = [{"role": "user", "content": "hi"}]
    oai.script("unused", status=500)
    with pytest.raises(openai.InternalServerError):
        await client.chat.completions.create(model="m", messages=msgs, stream=True)
    oai.script("unused", status=429)
    with pytest.raises(openai.RateLimitError) as info:
        await client.chat.completions.create(model="m", messages=msgs)
    assert info.value.code == "rate_limit_exceeded"
    oai.script("0123456789", chunk_size=3, break_after=5)
    got: list[str] = []
    stream = await client.chat.completions.create(model="m", messages=msgs, stream=True)
    with pytest.raises(openai.APIError):
        async for chunk in stream:
            got.append(chunk.choices[0].delta.content or "")
    assert "".join(got) == "01234"


async def test_delays_and_early_close(oai: FakeOpenAIServer, client: openai.AsyncOpenAI) -> None:
    msgs: list[ChatCompletionMessageParam] = [{"role": "user", "content": "hi"}]
    oai.script("abcdefgh", chunk_size=2, first_token_delay=0.02, interval=0.01)
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    stream = await client.chat.completions.create(model="m", messages=msgs, stream=True)
    parts = [c.choices[0].delta.content async for c in stream if c.choices]
    assert "".join(p or "" for p in parts) == "abcdefgh" and loop.time() - t0 >= 0.05
    oai.script("x" * 400, chunk_size=1)
    stream = await client.chat.completions.create(model="m", messages=msgs, stream=True)
    async for _ in stream:
        break
    await stream.close()  # the client hangs up mid-stream; the fake must not mind
    oai.script("cut", break_after=0)
    with pytest.raises(openai.APIConnectionError):
        await client.chat.completions.create(model="m", messages=msgs)
    r = await client.chat.completions.create(model="m", messages=msgs)
    assert r.choices[0].message.content == oai.default_reply


async def test_hang_after_times_out(oai: FakeOpenAIServer) -> None:
    oai.script("slow answer", hang_after=4)
    msgs: list[ChatCompletionMessageParam] = [{"role": "user", "content": "hi"}]
    async with openai.AsyncOpenAI(
        base_url=oai.base_url, api_key="test", max_retries=0, timeout=0.1
    ) as c:
        got: list[str] = []
        stream = await c.chat.completions.create(model="m", messages=msgs, stream=True)
        with pytest.raises(openai.APITimeoutError):
            async for chunk in stream:
                got.append(chunk.choices[0].delta.content or "")
    assert "".join(got) == "slow"


async def test_non_stream_default_reply_and_models(
    oai: FakeOpenAIServer, client: openai.AsyncOpenAI
) -> None:
    oai.default_reply = "기본 답변"
    oai.script('{"top": "shirt"}', usage={"prompt_tokens": 100})
    schema: ResponseFormatJSONSchema = {
        "type": "json_schema",
        "json_schema": {"name": "o", "schema": {"type": "object"}},
    }
    msgs: list[ChatCompletionMessageParam] = [{"role": "user", "content": "hi"}]
    r = await client.chat.completions.create(model="gpt-4o", messages=msgs, response_format=schema)
    assert json.loads(r.choices[0].message.content or "") == {"top": "shirt"}
    assert r.usage is not None and (r.usage.prompt_tokens, r.usage.total_tokens) == (100, 104)
    r2 = await client.chat.completions.create(model="gpt-4o", messages=msgs)
    assert r2.choices[0].message.content == "기본 답변" and r2.choices[0].finish_reason == "stop"
    models = [m.id async for m in client.models.list()]
    assert models == ["gpt-4o-mini", "gpt-4o", "gpt-4.1-mini"]
    await oai.wait_for_requests(2, timeout=0.5)
    with pytest.raises(AssertionError, match=r"(?i)expected 3 requests"):
        await oai.wait_for_requests(3, timeout=0.05)


def test_the_fake_refuses_what_telegram_refuses_with_retry_after() -> None:
    keeper = LimitKeeper(Limits(per_second=30, chat_interval=1.0, group_per_minute=20))
    send = {"chat_id": 1, "text": "x"}
    # The bot as a whole: 30 calls in a second, the 31st is told to wait.
    assert [keeper.check("sendMessage", {"chat_id": n}, 0.01 * n) for n in range(30)] == [None] * 30
    assert keeper.check("sendMessage", {"chat_id": 99}, 0.5) == 1
    # Typing and callback answers are not messages: never counted or refused.
    assert keeper.check("sendChatAction", send, 0.5) is None
    # One change a second per chat (a little early is let through).
    assert keeper.check("editMessageText", send, 1.5) is None
    assert keeper.check("editMessageText", send, 2.0) == 1
    assert keeper.check("editMessageText", send, 2.35) is None
    # Twenty a minute per group; an album counts each photo.
    group = {"chat_id": -7, "media": [{}] * 4}
    assert all(keeper.check("sendMediaGroup", group, 10.0 + 2 * n) is None for n in range(5))
    assert keeper.check("sendMessage", {"chat_id": -7}, 30.0) == 40
    assert keeper.check("sendMessage", {"chat_id": -7}, 70.1) is None
    assert [limit for _, _, limit in keeper.refused] == ["bot", "chat", "group"]


async def test_a_call_over_a_limit_gets_429_with_retry_after() -> None:
    async with (
        FakeTelegramServer(TOKEN, limits=Limits(chat_interval=60.0)) as server,
        telegram.Bot(TOKEN, base_url=server.base_url) as bot,
    ):
        await bot.send_message(CHAT, "one")
        with pytest.raises(telegram.error.RetryAfter) as refused:
            await bot.send_message(CHAT, "two")
        assert refused.value.retry_after == dtm.timedelta(seconds=60)
        assert [m.text for m in server.messages(CHAT)] == ["one"]
        assert not server.calls[-1].ok
