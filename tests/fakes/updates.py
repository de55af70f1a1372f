"""Builders of Telegram ``Update`` JSON dicts, shaped as the Bot API delivers them.

Every builder returns a plain dict (``json.dumps``-able, accepted by
``telegram.Update.de_json(d, bot)``) and feeds ``FakeTelegramServer.queue_update``.

Photo sizes: :meth:`UpdateFactory.photo` describes a photo by several ``PhotoSize`` entries
whose long sides are those of :data:`PHOTO_LONG_SIDES` smaller than the photo's own long side,
followed by the full-size photo. The full-size (last, largest) entry uses exactly the given
``file_id``/``file_unique_id``; a smaller one with long side ``L`` uses ``f"{file_id}_s{L}"``
and ``f"{file_unique_id}_s{L}"``. :func:`photo_size_ids` lists them, so a test can register a
file for each size with ``FakeTelegramServer.add_file``.
"""

from __future__ import annotations

import itertools
import re
import time
from typing import Any

from tests.fakes.tg_markup import utf16_len

JSON = dict[str, Any]
PHOTO_LONG_SIDES = (90, 320, 800, 1280)
DEFAULT_GROUP_USER_ID = 424242
_MENTION = re.compile(r"(?<![\w@/])@[A-Za-z0-9_]{3,32}")


def photo_sizes(file_id: str, file_unique_id: str, width: int, height: int) -> list[JSON]:
    """PhotoSize dicts, smallest first; see the module docstring for the ids used."""
    long_side = max(width, height)
    sizes: list[JSON] = []
    for side in PHOTO_LONG_SIDES:
        if side >= long_side:
            break
        scale = side / long_side
        w, h = max(1, round(width * scale)), max(1, round(height * scale))
        sizes.append(
            {
                "file_id": f"{file_id}_s{side}",
                "file_unique_id": f"{file_unique_id}_s{side}",
                "file_size": max(1, w * h // 7),
                "width": w,
                "height": h,
            }
        )
    sizes.append(
        {
            "file_id": file_id,
            "file_unique_id": file_unique_id,
            "file_size": max(1, width * height // 7),
            "width": width,
            "height": height,
        }
    )
    return sizes


def photo_size_ids(
    file_id: str, file_unique_id: str, width: int = 1280, height: int = 1706
) -> list[tuple[str, str]]:
    """``(file_id, file_unique_id)`` of every size :meth:`UpdateFactory.photo` generates."""
    return [
        (s["file_id"], s["file_unique_id"])
        for s in photo_sizes(file_id, file_unique_id, width, height)
    ]


def auto_entities(text: str) -> list[JSON]:
    """``bot_command`` for a leading ``/command[@bot]`` and ``mention`` for each ``@username``."""
    entities: list[JSON] = []
    if m := re.match(r"/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,32})?", text):
        entities.append({"type": "bot_command", "offset": 0, "length": utf16_len(m.group(0))})
    for m in _MENTION.finditer(text):
        entities.append(
            {
                "type": "mention",
                "offset": utf16_len(text[: m.start()]),
                "length": utf16_len(m.group(0)),
            }
        )
    return entities


class UpdateFactory:
    """Builds updates with auto-incrementing ``update_id`` and ``message_id``."""

    def __init__(
        self,
        bot_username: str = "coordi_test_bot",
        bot_id: int = 999000,
        *,
        first_update_id: int = 1,
        first_message_id: int = 1,
    ) -> None:
        self.bot_username = bot_username
        self.bot_id = bot_id
        self._update_ids = itertools.count(first_update_id)
        self._message_ids = itertools.count(first_message_id)
        self._callback_ids = itertools.count(1)

    # ------------------------------------------------------------ building blocks
    def user(self, user_id: int, language_code: str | None = "ko") -> JSON:
        u: JSON = {
            "id": user_id,
            "is_bot": False,
            "first_name": f"User{user_id}",
            "username": f"user{user_id}",
        }
        if language_code:
            u["language_code"] = language_code
        return u

    @property
    def bot_user(self) -> JSON:
        return {
            "id": self.bot_id,
            "is_bot": True,
            "first_name": "Coordi",
            "username": self.bot_username,
        }

    def chat(self, chat_id: int, chat_type: str | None = None) -> JSON:
        chat_type = chat_type or ("private" if chat_id > 0 else "supergroup")
        if chat_type == "private":
            return {
                "id": chat_id,
                "type": "private",
                "first_name": f"User{chat_id}",
                "username": f"user{chat_id}",
            }
        return {"id": chat_id, "type": chat_type, "title": "Test Group"}

    def update(self, **payload: Any) -> JSON:
        """An Update with the next update_id, e.g. ``update(message={...})``."""
        return {"update_id": next(self._update_ids), **payload}

    def message(
        self,
        chat_id: int,
        *,
        user_id: int | None = None,
        language_code: str | None = "ko",
        chat_type: str | None = None,
        reply_to: JSON | None = None,
        thread_id: int | None = None,
        message_id: int | None = None,
        **fields: Any,
    ) -> JSON:
        """A user's Message dict (not wrapped in an Update) with extra ``fields``."""
        if user_id is None:
            user_id = chat_id if chat_id > 0 else DEFAULT_GROUP_USER_ID
        msg: JSON = {
            "message_id": message_id if message_id is not None else next(self._message_ids),
            "from": self.user(user_id, language_code),
            "chat": self.chat(chat_id, chat_type),
            "date": int(time.time()),
        }
        if thread_id is not None:
            msg.update(message_thread_id=thread_id, is_topic_message=True)
            msg["chat"]["is_forum"] = True
        if reply_to is not None:
            msg["reply_to_message"] = reply_to
        msg.update({k: v for k, v in fields.items() if v is not None})
        return msg

    # ------------------------------------------------------------ updates
    def text(
        self,
        chat_id: int,
        text: str,
        *,
        user_id: int | None = None,
        language_code: str | None = "ko",
        chat_type: str | None = None,
        reply_to: JSON | None = None,
        thread_id: int | None = None,
        entities: list[JSON] | None = None,
    ) -> JSON:
        if entities is None:
            entities = auto_entities(text)
        msg = self.message(
            chat_id,
            user_id=user_id,
            language_code=language_code,
            chat_type=chat_type,
            reply_to=reply_to,
            thread_id=thread_id,
            text=text,
            entities=entities or None,
        )
        return self.update(message=msg)

    def photo(
        self,
        chat_id: int,
        file_id: str,
        file_unique_id: str,
        *,
        width: int = 1280,
        height: int = 1706,
        caption: str | None = None,
        media_group_id: str | None = None,
        sizes: list[JSON] | None = None,
        user_id: int | None = None,
        language_code: str | None = "ko",
        chat_type: str | None = None,
        reply_to: JSON | None = None,
        thread_id: int | None = None,
        caption_entities: list[JSON] | None = None,
    ) -> JSON:
        """A photo message; see the module docstring for the ids of the sizes."""
        if caption and caption_entities is None:
            caption_entities = auto_entities(caption)
        msg = self.message(
            chat_id,
            user_id=user_id,
            language_code=language_code,
            chat_type=chat_type,
            reply_to=reply_to,
            thread_id=thread_id,
            media_group_id=media_group_id,
            photo=sizes
            if sizes is not None
            else photo_sizes(file_id, file_unique_id, width, height),
            caption=caption,
            caption_entities=caption_entities or None,
        )
        return self.update(message=msg)

    def document(
        self,
        chat_id: int,
        file_id: str,
        file_unique_id: str,
        *,
        mime_type: str = "image/jpeg",
        file_name: str = "photo.jpg",
        file_size: int | None = 245_760,
        caption: str | None = None,
        user_id: int | None = None,
        language_code: str | None = "ko",
        chat_type: str | None = None,
        reply_to: JSON | None = None,
        thread_id: int | None = None,
    ) -> JSON:
        document = {
            "file_id": file_id,
            "file_unique_id": file_unique_id,
            "file_name": file_name,
            "mime_type": mime_type,
        }
        if file_size is not None:  # optional in the Bot API
            document["file_size"] = file_size
        msg = self.message(
            chat_id,
            user_id=user_id,
            language_code=language_code,
            chat_type=chat_type,
            reply_to=reply_to,
            thread_id=thread_id,
            document=document,
            caption=caption,
            caption_entities=(auto_entities(caption) or None) if caption else None,
        )
        return self.update(message=msg)

    def callback_query(
        self,
        chat_id: int,
        data: str,
        *,
        message: JSON | None = None,
        user_id: int | None = None,
        language_code: str | None = "ko",
    ) -> JSON:
        """A button press on ``message`` (default: a fresh bot message in ``chat_id``)."""
        if user_id is None:
            user_id = chat_id if chat_id > 0 else DEFAULT_GROUP_USER_ID
        if message is None:
            message = self.bot_message(chat_id, next(self._message_ids), "…")
        query = {
            "id": str(9_000_000_000 + next(self._callback_ids)),
            "from": self.user(user_id, language_code),
            "message": message,
            "chat_instance": str(abs(chat_id) * 7 + 1),
            "data": data,
        }
        return self.update(callback_query=query)

    def bot_message(
        self,
        chat_id: int,
        message_id: int,
        text: str,
        *,
        reply_markup: JSON | None = None,
    ) -> JSON:
        """A Message dict sent by the bot (for ``reply_to`` or a callback's ``message``)."""
        msg: JSON = {
            "message_id": message_id,
            "from": self.bot_user,
            "chat": self.chat(chat_id),
            "date": int(time.time()),
            "text": text,
        }
        if reply_markup is not None:
            msg["reply_markup"] = reply_markup
        return msg
