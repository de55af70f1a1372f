"""Shared steps for scenario tests: real JPEGs registered with the fake Bot API."""

from __future__ import annotations

import io
import re
from typing import Any

from PIL import Image

from bot.telegram.rendering import render
from tests.fakes.openai_api import FakeOpenAIServer
from tests.fakes.telegram_api import FakeTelegramServer
from tests.fakes.updates import UpdateFactory, photo_size_ids

REPLY = (
    "**코디 추천**\n\n"
    "- 상의: [2] 화이트 셔츠\n- 하의: [3] 네이비 슬랙스\n- 신발: [4] 로퍼\n\n"
    "**왜 잘 어울리나요**\n세로 라인이 길어 보이고, 뉴트럴 톤이 피부 톤과 잘 맞아요.\n\n"
    "**대안**\n1. [3] 대신 베이지 치노\n2. 로퍼 대신 스니커즈\n"
)


def jpeg(width: int, height: int, color: tuple[int, int, int] = (120, 80, 60)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), color).save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


def photo_update(
    telegram: FakeTelegramServer,
    updates: UpdateFactory,
    chat_id: int,
    name: str,
    *,
    width: int = 1280,
    height: int = 1706,
    color: tuple[int, int, int] = (120, 80, 60),
    **fields: Any,
) -> dict[str, Any]:
    """A photo message whose every size is a real, downloadable JPEG of that size."""
    file_id, unique_id = f"{name}-file", f"{name}-uniq"
    for size_file_id, size_unique_id in photo_size_ids(file_id, unique_id, width, height):
        side = size_file_id.rsplit("_s", 1)[-1]
        scale = int(side) / max(width, height) if size_file_id != file_id else 1.0
        content = jpeg(max(1, round(width * scale)), max(1, round(height * scale)), color)
        telegram.add_file(content, file_id=size_file_id, file_unique_id=size_unique_id)
    return updates.photo(chat_id, file_id, unique_id, width=width, height=height, **fields)


def album(
    telegram: FakeTelegramServer, updates: UpdateFactory, chat_id: int, caption: str, **fields: Any
) -> list[dict[str, Any]]:
    """One full-body photo and three clothing photos sharing a media_group_id."""
    group = f"album-{chat_id}"
    parts = [photo_update(telegram, updates, chat_id, f"body{chat_id}", width=960, height=1706,
                          media_group_id=group, **fields)]  # fmt: skip
    for index, color in enumerate([(250, 250, 250), (20, 30, 80), (90, 60, 30)], start=1):
        parts.append(
            photo_update(
                telegram,
                updates,
                chat_id,
                f"item{chat_id}-{index}",
                width=1280,
                height=1280,
                color=color,
                media_group_id=group,
                **fields,
            )
        )
    # Telegram puts the caption on one part (the first).
    parts[0]["message"]["caption"] = caption
    return parts


def bot_texts(telegram: FakeTelegramServer, chat_id: int) -> list[str]:
    """What the user sees from the bot in the chat, message by message."""
    return [m.text for m in telegram.messages(chat_id) if m.kind == "text"]


def rendered(markdown: str) -> str:
    return render(markdown)[0]


def images_in(request: dict[str, Any]) -> int:
    count = 0
    for message in request["messages"]:
        if isinstance(message["content"], list):
            count += sum(1 for part in message["content"] if part["type"] == "image_url")
    return count


def all_text(request: dict[str, Any]) -> str:
    chunks: list[str] = []
    for message in request["messages"]:
        content = message["content"]
        if isinstance(content, str):
            chunks.append(content)
        else:
            chunks.extend(part.get("text", "") for part in content)
    return "\n".join(chunks)


async def wait_model_calls(model: FakeOpenAIServer, n: int) -> None:
    await model.wait_for_requests(n)


def wardrobe_numbers(request: dict[str, Any]) -> set[int]:
    """Photo numbers the model was told about (cards or pictures) in the system prompt."""
    system = request["messages"][0]["content"]
    _, _, section = system.partition("The user's wardrobe")
    return {int(n) for n in re.findall(r"^\[(\d+)\]", section, re.MULTILINE)}


def attached_pictures(request: dict[str, Any]) -> list[int]:
    """Numbers of the pictures attached to the current question, in order."""
    content = request["messages"][-1]["content"]
    if isinstance(content, str):
        return []
    labels = [part["text"] for part in content if part["type"] == "text"][1:]
    return [int(label.strip("[]")) for label in labels]
