"""Prompt variants (A/B): which chats get variant B."""

from __future__ import annotations

import hashlib


def variant_for(chat_id: int, share_b: float) -> str:
    """A stable choice per chat, so one conversation never switches prompts."""
    if share_b <= 0:
        return "A"
    digest = hashlib.sha256(f"coordi-variant:{chat_id}".encode()).digest()
    position = int.from_bytes(digest[:8], "big") / 2**64
    return "B" if position < share_b else "A"
