"""What an incoming Telegram message means to Coordi: whose state, which language, and
whether it is addressed to the bot at all (groups)."""

from __future__ import annotations

import re

from telegram import Message, MessageEntity, User
from telegram.constants import ChatType

from prompts.language import Lang, detect_language
from storage.keys import ChatScope, MemberScope


def scope_of(message: Message) -> ChatScope:
    """The place: the chat, or one topic of a forum supergroup. Its turn queue, albums and
    occasion are shared by everyone in it."""
    thread = message.message_thread_id if message.is_topic_message else None
    return ChatScope(message.chat_id, thread)


def sender_of(message: Message) -> int:
    """Who speaks: the user, or the chat an anonymous admin or a channel writes as."""
    if message.sender_chat is not None:
        return message.sender_chat.id
    return message.from_user.id if message.from_user else message.chat_id


def member_of(message: Message, presser: User | None = None) -> MemberScope:
    """Whose wardrobe, history and notes a message acts on: in a private chat the chat's
    own; in a group the member's own, who sent `message` or, for a button under it, who
    pressed (`presser`). A member's data is never another member's."""
    place = scope_of(message)
    if is_private(message):
        return MemberScope(place)
    return MemberScope(place, presser.id if presser is not None else sender_of(message))


ALL_WORDS = ("all", "전부", "모두")


def asks_for_all(args: list[str] | None) -> bool:
    """`/reset all`, `/forget 전부`: the command's argument is "everything"."""
    return args is not None and len(args) == 1 and args[0].lower() in ALL_WORDS


def lang_of(message: Message, text: str | None = None) -> Lang:
    code = message.from_user.language_code if message.from_user else None
    return detect_language(text if text is not None else (message.text or message.caption), code)


def is_private(message: Message) -> bool:
    return message.chat.type == ChatType.PRIVATE


def is_addressed(message: Message, bot_username: str, bot_id: int) -> bool:
    """In groups Coordi answers only a reply to it or an @mention of it."""
    if is_private(message):
        return True
    replied = message.reply_to_message
    if (
        replied is not None
        and replied.from_user is not None
        and replied.from_user.id == bot_id
        and replied.forum_topic_created is None
    ):
        return True
    handle = f"@{bot_username}".lower()
    parsed = message.parse_entities() if message.text else message.parse_caption_entities()
    for entity, text in parsed.items():
        if entity.type == MessageEntity.MENTION and text.lower() == handle:
            return True
        if entity.type == MessageEntity.TEXT_MENTION and entity.user and entity.user.id == bot_id:
            return True
    return False


def strip_mention(text: str | None, bot_username: str) -> str:
    if not text:
        return ""
    return re.sub(rf"@{re.escape(bot_username)}\b", "", text, flags=re.IGNORECASE).strip()
