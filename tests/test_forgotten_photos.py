"""A removed photo never comes back, whatever the timing: the wardrobe analysis is held at
the fake OpenAI server until after /forget or /reset, then the next request is read for
any trace of the photo (its card line, its picture, a history turn citing it)."""

from __future__ import annotations

import asyncio
import io
from collections.abc import Awaitable, Callable
from typing import Any

from bot.terminal_chat import TerminalAnswer
from storage.keys import ChatScope, MemberScope
from tests.conftest import ON_BOTH_REDIS
from tests.fakes.openai_api import FakeOpenAIServer, Hold
from tests.fakes.telegram_api import FakeTelegramServer
from tests.fakes.updates import UpdateFactory
from tests.group_kit import cards_reply, eventually
from tests.harness import Worker
from tests.scenario_kit import (
    REPLY,
    album,
    all_text,
    attached_pictures,
    bot_texts,
    images_in,
    photo_update,
    wardrobe_numbers,
)

pytestmark = ON_BOTH_REDIS
CHAT = 7301
OWNER = MemberScope(ChatScope(CHAT))
OLD_CARDS = {1: "옛 전신", 2: "옛 셔츠", 3: "옛 슬랙스", 4: "옛 로퍼"}


def what_the_chat_told(request: dict[str, Any]) -> str:
    """The request without the fixed instructions (whose examples cite made-up numbers):
    the wardrobe, occasion and notes of the system prompt, the history and the question."""
    system = request["messages"][0]["content"]
    told = system[system.index("The user's wardrobe") :] if "The user's wardrobe" in system else ""
    return told + "\n" + all_text({"messages": request["messages"][1:]})


async def album_answered_while_its_analysis_is_held(
    worker: Worker, telegram: FakeTelegramServer, model: FakeOpenAIServer, updates: UpdateFactory
) -> Hold:
    """An album with its question; the answer (citing [2], [3], [4]) is made while the
    analysis waits at the server, held."""
    hold = model.hold_analysis()
    model.script_analysis(cards_reply(OLD_CARDS))
    model.script(REPLY)
    await worker.send(*album(telegram, updates, CHAT, "출근룩 추천해줘"), gap=0.02)
    await asyncio.wait_for(hold.arrived.wait(), 10)
    await model.wait_for_requests(1)
    return hold


async def test_a_photo_forgotten_during_its_analysis_leaves_no_trace(
    worker: Worker, telegram: FakeTelegramServer, model: FakeOpenAIServer, updates: UpdateFactory
) -> None:
    analysis = await album_answered_while_its_analysis_is_held(worker, telegram, model, updates)
    await worker.send(updates.text(CHAT, "/forget 2"))
    await telegram.wait_for(lambda s: "지웠어요" in bot_texts(s, CHAT)[-1])
    analysis.release()  # the analysis answers now, with a card for [2] among the others
    await worker.idle()
    assert sorted(await worker.services.store.cards(OWNER)) == [1, 3, 4]

    await worker.send(updates.text(CHAT, "[3] 색이랑 뭐가 어울려?"))
    await worker.idle()
    asked = model.requests[-1]
    text = what_the_chat_told(asked)
    assert wardrobe_numbers(asked) == {1, 3, 4}
    assert "옛 셔츠" not in text and "[2]" not in text, "no card line, no citation"
    assert 2 not in attached_pictures(asked)
    assert "출근룩 추천해줘" not in text, "the turn that cited [2] is gone"
    assert "옛 슬랙스" in text, "the other cards arrived"


async def test_after_reset_a_stale_analysis_never_describes_the_new_photo_one(
    worker: Worker, telegram: FakeTelegramServer, model: FakeOpenAIServer, updates: UpdateFactory
) -> None:
    analysis = await album_answered_while_its_analysis_is_held(worker, telegram, model, updates)
    await worker.send(updates.text(CHAT, "/reset"))
    await telegram.wait_for(lambda s: "지웠어요" in bot_texts(s, CHAT)[-1])
    # A new photo after the reset is number 1 again, and gets its own card.
    await worker.send(
        photo_update(telegram, updates, CHAT, "new", width=1280, height=1280, caption="이거 어때?")
    )
    store = worker.services.store

    async def new_card() -> bool:
        card = (await store.cards(OWNER)).get(1)
        return card is not None and card.name.startswith("item 1")

    await eventually(new_card)
    analysis.release()  # now the old album's cards arrive: [1] would describe the old photo
    await worker.idle()
    assert [meta.unique_id for meta in await store.photo_metas(OWNER)] == ["new-uniq"]
    assert (await store.cards(OWNER))[1].name == "item 1 accessory"
    assert sorted(await store.cards(OWNER)) == [1]

    await worker.send(updates.text(CHAT, "뭐 입을까?"))
    await worker.idle()
    asked = model.requests[-1]
    text = what_the_chat_told(asked)
    assert wardrobe_numbers(asked) == {1}
    assert not any(name in text for name in OLD_CARDS.values())
    assert "출근룩 추천해줘" not in text and "[2]" not in text


async def test_a_retried_analysis_does_not_send_a_photo_forgotten_meanwhile(
    start_worker: Callable[..., Awaitable[Worker]],
    telegram: FakeTelegramServer,
    model: FakeOpenAIServer,
    updates: UpdateFactory,
) -> None:
    # The server is busy (503) on the first try, which is held until after /forget 2:
    # the retry reads the photos again, and photo 2 does not go to the model a second time.
    worker = await start_worker(openai_max_retries=1)
    hold = model.hold_analysis()
    model.script_analysis(status=503)
    await worker.send(*album(telegram, updates, CHAT, "출근룩 추천해줘"), gap=0.02)
    await asyncio.wait_for(hold.arrived.wait(), 10)
    await model.wait_for_requests(1)
    await worker.send(updates.text(CHAT, "/forget 2"))
    await telegram.wait_for(lambda s: "지웠어요" in bot_texts(s, CHAT)[-1])
    hold.release()
    await worker.idle()
    first, retry = model.analysis_requests
    assert "Photo [2]" in all_text(first) and images_in(first) == 4
    assert "Photo [2]" not in all_text(retry) and images_in(retry) == 3
    assert sorted(await worker.services.store.cards(OWNER)) == [1, 3, 4]


async def test_photos_forgotten_before_their_question_is_answered_are_not_named(
    worker: Worker, model: FakeOpenAIServer
) -> None:
    # A question handed photo numbers (it came right after them) that are gone by the time
    # its turn runs: the request does not even say they are new.
    out = io.StringIO()
    await worker.services.stylist.answer(
        OWNER, TerminalAnswer(out), lang="ko", question="이거 어때?", new_photo_numbers=(1,),
        edit_interval=0.01,
    )  # fmt: skip
    asked = model.requests[-1]
    assert "[1]" not in what_the_chat_told(asked) and attached_pictures(asked) == []
    assert "[1]" not in str(await worker.services.store.history(OWNER))
