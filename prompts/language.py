"""Which language to answer in: Korean or English."""

from __future__ import annotations

import re
from typing import Literal

Lang = Literal["ko", "en"]

_HANGUL = re.compile(r"[\uac00-\ud7a3\u3131-\u318e]")
_LATIN = re.compile(r"[A-Za-z]")
_MENTION_OR_COMMAND = re.compile(r"[@/]\w+")


def detect_language(text: str | None, language_code: str | None) -> Lang:
    """The text decides when it has letters; otherwise the Telegram app language.

    A Korean user typing "OOTD?" in an English UI is rare; a Korean app user
    writing English is common, so the text wins over `language_code`.
    """
    letters = _MENTION_OR_COMMAND.sub(" ", text or "")
    hangul = len(_HANGUL.findall(letters))
    latin = len(_LATIN.findall(letters))
    if hangul and hangul * 3 >= latin:
        # Korean sentences often carry English brand or item names.
        return "ko"
    if latin >= 2:
        return "en"
    if (language_code or "").lower().startswith("ko"):
        return "ko"
    return "en"
