"""Whether the sender of a group message is one of the group's admins.

Asked of Telegram (getChatMember) each time rather than remembered: admin lists change,
and a stale "yes" would let a former admin clear every member's data.
"""

from __future__ import annotations

from telegram import Bot, Message
from telegram.constants import ChatMemberStatus

ADMIN_STATUSES = frozenset({ChatMemberStatus.OWNER, ChatMemberStatus.ADMINISTRATOR})


async def is_group_admin(bot: Bot, message: Message) -> bool:
    """True for the group's creator and administrators; raises TelegramError when Telegram
    cannot say (then nobody counts as an admin)."""
    if message.sender_chat is not None:
        # An anonymous admin writes as the group itself, which only admins can do; a
        # channel writing in its discussion group is not an admin of the group.
        return message.sender_chat.id == message.chat_id
    if message.from_user is None:
        return False
    member = await bot.get_chat_member(message.chat_id, message.from_user.id)
    return member.status in ADMIN_STATUSES
