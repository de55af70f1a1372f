"""Shared steps for group tests: members sending albums of their own colour, and reading
back whose pictures a model request or a /photos album holds."""

from __future__ import annotations

import asyncio
import base64
import io
import json
from collections.abc import Awaitable, Callable
from typing import Any

from PIL import Image

from tests.fakes.telegram_api import FakeTelegramServer
from tests.fakes.updates import UpdateFactory
from tests.scenario_kit import photo_update

GROUP = -100424242
ANN, BEN = 1111, 2222  # two members of the group
RED, BLUE = (200, 30, 30), (30, 30, 200)  # Ann's clothes are red, Ben's blue


def member_album(
    telegram: FakeTelegramServer,
    updates: UpdateFactory,
    user_id: int,
    caption: str,
    colour: tuple[int, int, int],
    count: int,
    *,
    chat_id: int = GROUP,
    **fields: Any,
) -> list[dict[str, Any]]:
    """A member's album: a full-body photo and `count - 1` clothing photos, all `colour`,
    the caption (with its @mention entity) on the first part."""
    name = f"m{user_id}c{abs(chat_id)}"
    parts = []
    for index in range(count):
        width, height = (960, 1706) if index == 0 else (1280, 1280)
        parts.append(
            photo_update(telegram, updates, chat_id, f"{name}-{index}", width=width,
                         height=height, color=colour, media_group_id=f"album-{name}",
                         user_id=user_id, caption=caption if index == 0 else None, **fields)
        )  # fmt: skip
    return parts


def colour_of(jpeg: bytes) -> str:
    """ "red" or "blue": which member's clothes a picture shows."""
    with Image.open(io.BytesIO(jpeg)) as image:
        red, _, blue = image.convert("RGB").resize((1, 1)).getpixel((0, 0))  # type: ignore[misc]
    return "red" if red > blue else "blue"


def request_colours(request: dict[str, Any]) -> list[str]:
    """The colour of every picture in a model request."""
    found = []
    for message in request["messages"]:
        for part in message["content"] if isinstance(message["content"], list) else []:
            if part["type"] == "image_url":
                data = part["image_url"]["url"].split(",", 1)[1]
                found.append(colour_of(base64.b64decode(data)))
    return found


def shown_colours(telegram: FakeTelegramServer, chat_id: int, first: int = 0) -> list[str]:
    """The colour of every photo the bot sent to the chat, from message index `first` on,
    outfit boards left out (they are single photos, not albums)."""
    return [
        colour_of(telegram.files[m.photo[-1]["file_id"]].content)
        for m in telegram.messages(chat_id)[first:]
        if m.kind == "photo" and m.photo and m.media_group_id is not None
    ]


def cards_reply(names: dict[int, str]) -> str:
    """An analysis reply naming each photo: number -> name (1 is the full-body photo)."""
    cards = []
    for number, name in names.items():
        body = number == 1
        cards.append({
            "number": number, "kind": "full_body" if body else "item", "name": name,
            "category": None if body else "top", "colors": ["navy"], "pattern": "solid",
            "material": "cotton", "fit": "regular", "formality": "casual", "season": "all",
            "silhouette": f"{name} silhouette" if body else "", "color_tone": "warm" if body else "",
            "current_style": "casual" if body else "",
        })  # fmt: skip
    return json.dumps({"cards": cards}, ensure_ascii=False)


async def eventually(check: Callable[[], Awaitable[bool]], timeout: float = 10.0) -> None:
    """Wait until `check()` holds: for state that lands in Redis, where no event is sent."""
    async with asyncio.timeout(timeout):
        while not await check():  # noqa: ASYNC110
            await asyncio.sleep(0.01)
