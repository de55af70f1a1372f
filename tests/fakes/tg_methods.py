"""Bot API method implementations of :class:`tests.fakes.telegram_api.FakeTelegramServer`.

Every ``m_<methodName>(server, params)`` coroutine returns the ``result`` of a successful
call or raises :class:`ApiError`. Error descriptions follow the real Bot API's wording.
"""

from __future__ import annotations

import asyncio
import io
import itertools
import re
import time
from typing import TYPE_CHECKING, Any

from tests.fakes.tg_markup import EntityParseError, render_text, utf16_len

if TYPE_CHECKING:
    from tests.fakes.telegram_api import FakeTelegramServer, SentMessage

MAX_GET_FILE_SIZE = 20 * 1024 * 1024
CHAT_ACTIONS = frozenset(
    "typing upload_photo record_video upload_video record_voice upload_voice upload_document "
    "choose_sticker find_location record_video_note upload_video_note".split()
)
NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply markup are "
    "exactly the same as a current content and reply markup of the message"
)
METHODS = (
    "getMe sendMessage editMessageText editMessageReplyMarkup deleteMessage deleteMessages "
    "sendChatAction sendMessageDraft setMyCommands deleteMyCommands getMyCommands "
    "answerCallbackQuery setWebhook deleteWebhook getWebhookInfo sendPhoto sendMediaGroup "
    "getFile getUpdates close logOut getChatMember".split()
)
_CANONICAL = {m.lower(): m for m in METHODS}
_media_group_ids = itertools.count(13_000_000_000_000_001)


class ApiError(Exception):
    def __init__(self, code: int, description: str, retry_after: int | None = None) -> None:
        super().__init__(description)
        self.code = code
        self.description = description
        self.retry_after = retry_after


def canonical(name: str) -> str | None:
    """The camelCase name of a supported method (matched case-insensitively), else None."""
    return _CANONICAL.get(name.lower())


def bad(description: str) -> ApiError:
    return ApiError(400, f"Bad Request: {description}")


# ---------------------------------------------------------------- shared helpers
def chat_json(chat_id: int, thread_id: int | None = None) -> dict[str, Any]:
    if chat_id > 0:
        return {"id": chat_id, "type": "private", "first_name": "Tester"}
    chat: dict[str, Any] = {"id": chat_id, "type": "supergroup", "title": "Test Group"}
    if thread_id:
        chat["is_forum"] = True
    return chat


def message_json(s: FakeTelegramServer, m: SentMessage) -> dict[str, Any]:
    d: dict[str, Any] = {
        "message_id": m.message_id,
        "from": s.bot_user,
        "chat": chat_json(m.chat_id, m.thread_id),
        "date": m.date,
    }
    if m.thread_id:
        d.update(message_thread_id=m.thread_id, is_topic_message=True)
    if m.kind == "text":
        d["text"] = m.text
        if m.entities:
            d["entities"] = m.entities
    else:
        d["photo"] = m.photo
        if m.text:
            d["caption"] = m.text
        if m.entities:
            d["caption_entities"] = m.entities
    if m.media_group_id:
        d["media_group_id"] = m.media_group_id
    if m.edits:
        d["edit_date"] = int(time.time())
    if m.reply_markup and "inline_keyboard" in m.reply_markup:
        d["reply_markup"] = m.reply_markup  # Telegram only echoes inline keyboards
    return d


def _chat_id(p: dict[str, Any]) -> int:
    chat = p.get("chat_id")
    if chat is None or chat == "":
        raise bad("chat_id is empty")
    if not isinstance(chat, int):
        raise bad("chat not found")
    return chat


def _text(
    p: dict[str, Any],
    key: str = "text",
    ent_key: str = "entities",
    *,
    limit: int = 4096,
    too_long: str = "message is too long",
    empty_ok: bool = False,
) -> tuple[str, list[dict[str, Any]]]:
    raw = p.get(key)
    entities = p.get(ent_key)
    if raw is None or raw == "":
        if empty_ok:
            return "", []
        raise bad("message text is empty")
    if entities is not None and not isinstance(entities, list):
        raise bad(f"can't parse {ent_key.replace('_', ' ')} JSON object")
    try:
        text, ents = render_text(str(raw), p.get("parse_mode"), entities)
    except EntityParseError as err:
        raise bad(f"can't parse entities: {err}") from None
    except ValueError:
        raise bad("unsupported parse_mode") from None
    if not text.strip() and not empty_ok:
        raise bad("message text is empty")
    if utf16_len(text) > limit:
        raise bad(too_long)
    return text, ents


def _markup(p: dict[str, Any]) -> dict[str, Any] | None:
    rm = p.get("reply_markup")
    if rm is None:
        return None
    if not isinstance(rm, dict):
        raise bad("can't parse reply keyboard markup JSON object")
    for row in rm.get("inline_keyboard", []):
        for button in row:
            if not set(button) - {"text", "style", "icon_custom_emoji_id"}:
                raise bad("text buttons are unallowed in the inline keyboard")
            data = button.get("callback_data")
            if data is not None and not 1 <= len(str(data).encode()) <= 64:
                raise bad("BUTTON_DATA_INVALID")
            url = button.get("url")
            if url is not None and not re.match(
                r"^(https?://[^/\s]+\.[^/\s]+|tg://)\S*$", str(url)
            ):
                raise bad("BUTTON_URL_INVALID")
    return rm


def _inline(markup: dict[str, Any] | None) -> dict[str, Any] | None:
    return markup if markup and "inline_keyboard" in markup else None


def _norm(entities: list[dict[str, Any]]) -> list[tuple[tuple[str, Any], ...]]:
    return sorted(tuple(sorted(e.items())) for e in entities)


def _store(s: FakeTelegramServer, chat: int, p: dict[str, Any], **fields: Any) -> SentMessage:
    from tests.fakes.telegram_api import SentMessage

    message_id = s._next_message_id[chat]
    s._next_message_id[chat] += 1
    m = SentMessage(message_id, chat, thread_id=p.get("message_thread_id"), **fields)
    s._messages[chat].append(m)
    return m


def _editable(s: FakeTelegramServer, p: dict[str, Any]) -> SentMessage:
    m = s.find_message(_chat_id(p), p.get("message_id", 0))
    if m is None:
        raise bad("message to edit not found")
    return m


def _photo_sizes(s: FakeTelegramServer, ref: Any, files: dict[str, bytes], field: str) -> list:
    if field in files:
        content = files[field]
    elif isinstance(ref, str) and ref.startswith("attach://"):
        if ref[9:] not in files:
            raise bad("can't parse InputMedia: media not found")
        content = files[ref[9:]]
    elif isinstance(ref, str) and ref in s.files:
        f = s.files[ref]
        return [
            {
                "file_id": f.file_id,
                "file_unique_id": f.file_unique_id,
                "file_size": f.size,
                "width": 1280,
                "height": 1280,
            }
        ]
    elif isinstance(ref, str) and ref.startswith(("http://", "https://")):
        content = b"\xff\xd8\xff\xe0downloaded-by-telegram"
    elif isinstance(ref, str) and ref:
        raise bad("wrong file identifier/HTTP URL specified")
    else:
        raise bad("there is no photo in the request")
    if not content:
        raise bad("file must be non-empty")
    width, height = _image_size(content)
    file_id, unique_id = s.add_file(content)
    return [
        {
            "file_id": file_id,
            "file_unique_id": unique_id,
            "file_size": len(content),
            "width": width,
            "height": height,
        }
    ]


def _image_size(content: bytes) -> tuple[int, int]:
    try:
        from PIL import Image

        with Image.open(io.BytesIO(content)) as img:
            return img.size
    except Exception:
        return 1280, 1280


def _scope_key(scope: Any) -> str:
    if not isinstance(scope, dict):
        return "default"
    return ":".join(str(scope[k]) for k in ("type", "chat_id", "user_id") if k in scope)


# ---------------------------------------------------------------- methods
async def m_getMe(s: FakeTelegramServer, p: dict[str, Any]) -> dict[str, Any]:
    return {
        **s.bot_user,
        "can_join_groups": True,
        "can_read_all_group_messages": False,
        "supports_inline_queries": False,
        "can_connect_to_business": False,
        "has_main_web_app": False,
    }


async def m_sendMessage(s: FakeTelegramServer, p: dict[str, Any]) -> dict[str, Any]:
    chat = _chat_id(p)
    text, entities = _text(p)
    m = _store(s, chat, p, text=text, entities=entities, reply_markup=_markup(p))
    return message_json(s, m)


async def m_editMessageText(s: FakeTelegramServer, p: dict[str, Any]) -> Any:
    if p.get("inline_message_id"):
        _text(p, too_long="MESSAGE_TOO_LONG")
        return True
    m = _editable(s, p)
    if m.kind != "text":
        raise bad("there is no text in the message to edit")
    text, entities = _text(p, too_long="MESSAGE_TOO_LONG")
    markup = _markup(p)
    same_markup = _inline(markup) == _inline(m.reply_markup)
    if text == m.text and _norm(entities) == _norm(m.entities) and same_markup:
        raise bad(NOT_MODIFIED.removeprefix("Bad Request: "))
    m.text, m.entities, m.reply_markup = text, entities, markup
    m.edits += 1
    return message_json(s, m)


async def m_editMessageReplyMarkup(s: FakeTelegramServer, p: dict[str, Any]) -> Any:
    m = _editable(s, p)
    markup = _markup(p)
    if _inline(markup) == _inline(m.reply_markup):
        raise bad(NOT_MODIFIED.removeprefix("Bad Request: "))
    m.reply_markup = markup
    m.edits += 1
    return message_json(s, m)


async def m_deleteMessage(s: FakeTelegramServer, p: dict[str, Any]) -> bool:
    m = s.find_message(_chat_id(p), p.get("message_id", 0))
    if m is None:
        raise bad("message to delete not found")
    m.deleted = True
    return True


async def m_deleteMessages(s: FakeTelegramServer, p: dict[str, Any]) -> bool:
    chat = _chat_id(p)
    for message_id in p.get("message_ids") or []:
        if m := s.find_message(chat, message_id):
            m.deleted = True
    return True


async def m_sendChatAction(s: FakeTelegramServer, p: dict[str, Any]) -> bool:
    _chat_id(p)
    if p.get("action") not in CHAT_ACTIONS:
        raise bad("wrong parameter action in request")
    return True


async def m_sendMessageDraft(s: FakeTelegramServer, p: dict[str, Any]) -> bool:
    """Drafts are ephemeral: validated (text optional, draft_id non-zero) and recorded only."""
    _chat_id(p)
    if not isinstance(p.get("draft_id"), int) or p["draft_id"] == 0:
        raise bad("draft_id must be non-zero")
    _text(p, empty_ok=True)
    return True


async def m_setMyCommands(s: FakeTelegramServer, p: dict[str, Any]) -> bool:
    commands = p.get("commands")
    if not isinstance(commands, list):
        raise bad("can't parse commands JSON object")
    if len(commands) > 100:
        raise bad("BOT_COMMANDS_TOO_MUCH")
    for c in commands:
        if not re.fullmatch(r"[a-z0-9_]{1,32}", str(c.get("command", ""))):
            raise bad("BOT_COMMAND_INVALID")
        if not 1 <= len(str(c.get("description", "")).strip()) <= 256:
            raise bad("BOT_COMMAND_DESCRIPTION_INVALID")
    key = (_scope_key(p.get("scope")), p.get("language_code") or "")
    s.commands[key] = [{"command": c["command"], "description": c["description"]} for c in commands]
    return True


async def m_deleteMyCommands(s: FakeTelegramServer, p: dict[str, Any]) -> bool:
    s.commands.pop((_scope_key(p.get("scope")), p.get("language_code") or ""), None)
    return True


async def m_getMyCommands(s: FakeTelegramServer, p: dict[str, Any]) -> list[dict[str, Any]]:
    return s.commands.get((_scope_key(p.get("scope")), p.get("language_code") or ""), [])


async def m_answerCallbackQuery(s: FakeTelegramServer, p: dict[str, Any]) -> bool:
    if not p.get("callback_query_id"):
        raise bad("QUERY_ID_INVALID")
    if len(str(p.get("text") or "")) > 200:
        raise bad("MESSAGE_TOO_LONG")
    return True


async def m_setWebhook(s: FakeTelegramServer, p: dict[str, Any]) -> bool:
    s.webhook_url = str(p.get("url") or "")
    return True


async def m_deleteWebhook(s: FakeTelegramServer, p: dict[str, Any]) -> bool:
    s.webhook_url = ""
    if p.get("drop_pending_updates"):
        s._updates.clear()
    return True


async def m_getWebhookInfo(s: FakeTelegramServer, p: dict[str, Any]) -> dict[str, Any]:
    return {
        "url": s.webhook_url,
        "has_custom_certificate": False,
        "pending_update_count": len(s._updates),
    }


async def m_sendPhoto(s: FakeTelegramServer, p: dict[str, Any]) -> dict[str, Any]:
    chat = _chat_id(p)
    caption, entities = _text(
        p,
        "caption",
        "caption_entities",
        limit=1024,
        too_long="message caption is too long",
        empty_ok=True,
    )
    sizes = _photo_sizes(s, p.get("photo"), p.get("_files", {}), "photo")
    m = _store(
        s,
        chat,
        p,
        text=caption,
        entities=entities,
        reply_markup=_markup(p),
        kind="photo",
        photo=sizes,
    )
    return message_json(s, m)


async def m_sendMediaGroup(s: FakeTelegramServer, p: dict[str, Any]) -> list[dict[str, Any]]:
    chat = _chat_id(p)
    media = p.get("media")
    if not isinstance(media, list):
        raise bad("can't parse media JSON object" if media else "there are no messages to send")
    if not media:
        raise bad("there are no messages to send")
    if len(media) > 10:
        raise bad("too many messages to send as an album")
    prepared = []
    for item in media:
        if not isinstance(item, dict) or item.get("type") != "photo":
            kind = item.get("type") if isinstance(item, dict) else None
            raise bad(f'can\'t parse InputMedia: type "{kind}" is not supported by the fake')
        caption, entities = _text(
            item,
            "caption",
            "caption_entities",
            limit=1024,
            too_long="message caption is too long",
            empty_ok=True,
        )
        sizes = _photo_sizes(s, item.get("media"), p.get("_files", {}), "")
        prepared.append((caption, entities, sizes))
    group_id = str(next(_media_group_ids)) if len(prepared) > 1 else None
    return [
        message_json(
            s,
            _store(s, chat, p, text=c, entities=e, kind="photo", photo=sz, media_group_id=group_id),
        )
        for c, e, sz in prepared
    ]


async def m_getFile(s: FakeTelegramServer, p: dict[str, Any]) -> dict[str, Any]:
    f = s.files.get(str(p.get("file_id") or ""))
    if f is None:
        raise bad("invalid file_id")
    if f.size > s.max_get_file_size:
        raise bad("file is too big")
    result: dict[str, Any] = {"file_id": f.file_id, "file_unique_id": f.file_unique_id}
    if f.report_size:
        result["file_size"] = f.size
    return {**result, "file_path": f.file_path}


async def m_getUpdates(s: FakeTelegramServer, p: dict[str, Any]) -> list[dict[str, Any]]:
    """Honours offset (confirming older updates), limit and timeout (capped at 1 s)."""
    if s.webhook_url:
        raise ApiError(
            409,
            "Conflict: can't use getUpdates method while webhook is active; "
            "use deleteWebhook to delete the webhook first",
        )
    offset, limit = int(p.get("offset") or 0), min(max(int(p.get("limit") or 100), 1), 100)

    def select() -> list[dict[str, Any]]:
        if offset > 0:
            s._updates[:] = [u for u in s._updates if u["update_id"] >= offset]
        return (s._updates[offset:] if offset < 0 else s._updates)[:limit]

    if not select() and float(p.get("timeout") or 0) > 0:
        try:
            async with s._cond:
                await asyncio.wait_for(
                    s._cond.wait_for(lambda: bool(select()) or s._stopping),
                    min(float(p["timeout"]), 1.0),
                )
        except TimeoutError:
            return []
    return select()


_ADMIN_RIGHTS = (
    "can_manage_chat can_delete_messages can_manage_video_chats can_restrict_members "
    "can_promote_members can_change_info can_invite_users can_post_stories can_edit_stories "
    "can_delete_stories can_pin_messages can_manage_topics".split()
)
_MEMBER_RIGHTS = (
    "can_send_messages can_send_audios can_send_documents can_send_photos can_send_videos "
    "can_send_video_notes can_send_voice_notes can_send_polls can_send_other_messages "
    "can_add_web_page_previews can_change_info can_invite_users can_pin_messages "
    "can_manage_topics can_edit_tag can_react_to_messages".split()
)


async def m_getChatMember(s: FakeTelegramServer, p: dict[str, Any]) -> dict[str, Any]:
    """A ChatMember as Telegram returns it, with every field of its kind. Anyone the test
    has not given a status (``set_member_status``) is a plain member, as the users who write
    in a group are; the bot answers for itself as an administrator. Private chats: the user
    is a member of their chat with the bot; any other user there is unknown."""
    chat = _chat_id(p)
    user_id = p.get("user_id")
    if not isinstance(user_id, int) or user_id <= 0:
        raise bad("invalid user_id specified")
    if chat in s.unknown_chats:
        raise bad("chat not found")
    if chat > 0 and user_id not in (chat, s.bot_id):
        raise bad("PARTICIPANT_ID_INVALID")
    user = s.bot_user if user_id == s.bot_id else {
        "id": user_id, "is_bot": False, "first_name": f"User{user_id}",
    }  # fmt: skip
    default = "administrator" if user_id == s.bot_id else "member"
    status = s.member_status.get((chat, user_id), default)
    member: dict[str, Any] = {"user": user, "status": status}
    if status == "creator":
        member["is_anonymous"] = False
    elif status == "administrator":
        member.update(can_be_edited=False, is_anonymous=False)
        member.update(dict.fromkeys(_ADMIN_RIGHTS, True))
    elif status == "restricted":
        member.update(is_member=True, until_date=0)
        member.update(dict.fromkeys(_MEMBER_RIGHTS, False))
    elif status == "kicked":
        member["until_date"] = 0
    return member


async def m_close(s: FakeTelegramServer, p: dict[str, Any]) -> bool:
    return True


async def m_logOut(s: FakeTelegramServer, p: dict[str, Any]) -> bool:
    return True
