"""Two members of one group, each served by a different `python -m bot` worker process on
one Redis (single server and cluster): each gets answers from their own photos only, and
each one's /photos shows only theirs."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from storage import keys
from storage.connection import connect
from storage.keys import ChatScope, MemberScope
from tests.conftest import ON_BOTH_REDIS
from tests.fakes.openai_api import FakeOpenAIServer
from tests.fakes.telegram_api import FakeTelegramServer
from tests.fakes.updates import UpdateFactory
from tests.group_kit import (
    ANN,
    BEN,
    BLUE,
    GROUP,
    RED,
    cards_reply,
    eventually,
    member_album,
    request_colours,
    shown_colours,
)
from tests.scenario_kit import all_text, bot_texts, wardrobe_numbers
from tests.test_workers import cluster  # noqa: F401 - the worker-process fixture

pytestmark = pytest.mark.timeout(120)
ANN_CARDS = {1: "앤 전신", 2: "빨간 블라우스", 3: "빨간 스커트", 4: "빨간 힐"}
BEN_CARDS = {1: "벤 전신", 2: "파란 후드티"}


@ON_BOTH_REDIS
async def test_two_members_on_two_workers_each_get_their_own_wardrobe_only(
    cluster: Callable[..., Any],  # noqa: F811
    telegram: FakeTelegramServer,
    model: FakeOpenAIServer,
    updates: UpdateFactory,
) -> None:
    # Groups edit answers less often (Telegram allows ~20 messages a minute there): scaled
    # down here like every interval of the tests.
    (one, two), session, _ = await cluster(EDIT_INTERVAL_GROUP="0.1")
    mention = f"@{telegram.bot_username}"
    redis = connect(one.env["REDIS_URL"], max_connections=4)
    ann = MemberScope(ChatScope(GROUP), ANN)
    ben = MemberScope(ChatScope(GROUP), BEN)

    async def cards_of(owner: MemberScope, count: int) -> bool:
        return int(await redis.hlen(keys.cards(owner))) == count

    try:
        # Ann's album goes to worker one, Ben's to worker two.
        model.script_analysis(cards_reply(ANN_CARDS))
        for part in member_album(telegram, updates, ANN, f"{mention} 출근룩 추천해줘", RED, 4):
            assert await one.post(session, part) == 200
        await model.wait_for_requests(1, timeout=30)
        await eventually(lambda: cards_of(ann, 4), timeout=30)
        model.script_analysis(cards_reply(BEN_CARDS))
        for part in member_album(telegram, updates, BEN, f"{mention} 내 옷 봐줘", BLUE, 2):
            assert await two.post(session, part) == 200
        await model.wait_for_requests(2, timeout=30)
        await eventually(lambda: cards_of(ben, 2), timeout=30)

        question = f"{mention} 내 옷으로 주말 코디 추천해줘"
        assert await two.post(session, updates.text(GROUP, question, user_id=BEN)) == 200
        await model.wait_for_requests(3, timeout=30)
        assert (
            await one.post(session, updates.text(GROUP, f"{mention} 신발만 바꾸면?", user_id=ANN))
            == 200
        )
        await model.wait_for_requests(4, timeout=30)
    finally:
        await redis.aclose()

    # Every request holds one member's wardrobe, pictures and history, never the other's.
    first_ann, first_ben, ben_asks, ann_asks = model.requests
    assert request_colours(first_ann) == ["red"] * 4
    assert request_colours(first_ben) == ["blue"] * 2
    assert wardrobe_numbers(ben_asks) == {1, 2}
    ben_text = all_text(ben_asks)
    assert all(name in ben_text for name in BEN_CARDS.values())
    assert not any(name in ben_text for name in ANN_CARDS.values())
    assert "출근룩" not in ben_text and "red" not in request_colours(ben_asks)
    assert wardrobe_numbers(ann_asks) == {1, 2, 3, 4}
    ann_text = all_text(ann_asks)
    assert all(name in ann_text for name in ANN_CARDS.values())
    assert not any(name in ann_text for name in BEN_CARDS.values())
    assert "출근룩 추천해줘" in ann_text and "내 옷 봐줘" not in ann_text
    assert "blue" not in request_colours(ann_asks)
    # The analyses, too, saw one member's photos each.
    assert [request_colours(r) for r in model.analysis_requests] == [["red"] * 4, ["blue"] * 2]

    # /photos, each on the other member's worker: each sees only their own.
    before = len(telegram.messages(GROUP))
    assert await two.post(session, updates.text(GROUP, "/photos", user_id=ANN)) == 200
    await telegram.wait_for(lambda s: "내 사진 4장" in bot_texts(s, GROUP)[-1], timeout=30)
    assert shown_colours(telegram, GROUP, before) == ["red"] * 4
    before = len(telegram.messages(GROUP))
    assert await one.post(session, updates.text(GROUP, "/photos", user_id=BEN)) == 200
    await telegram.wait_for(lambda s: "내 사진 2장" in bot_texts(s, GROUP)[-1], timeout=30)
    assert shown_colours(telegram, GROUP, before) == ["blue"] * 2
