"""Model Markdown to Telegram text + entities, and where a long answer may be split.

`telegramify-markdown` does the conversion (plain text plus MessageEntity
objects, so no parse mode can be rejected). Splitting happens in the model's
Markdown, at a paragraph, line or sentence boundary that is not inside a code
block or an inline span, so every piece renders on its own.
"""

from __future__ import annotations

import logging
import re

import telegramify_markdown
from telegram import MessageEntity

log = logging.getLogger(__name__)

MESSAGE_LIMIT = 4096
# Boundaries to split a long answer at, best first.
_BOUNDARIES = (
    re.compile(r"\n\n+"),
    re.compile(r"\n"),
    re.compile(r"(?<=[.!?。다요])\s+"),
    re.compile(r"\s+"),
)
_FENCE = re.compile(r"^\s*(```|~~~)", re.MULTILINE)
_INLINE_MARKERS = ("**", "__", "~~", "||")


_CODE = re.compile(r"^\s*(```|~~~)[\s\S]*?(^\s*\1|\Z)|`[^`\n]*`", re.MULTILINE)
_TAG_START = re.compile(r"<(?=[A-Za-z/!?])")


def keep_angle_brackets(markdown: str) -> str:
    """Escape `<tag>`-like text outside code, so the converter keeps it instead of dropping it.

    CommonMark treats `<b>` as raw HTML, which Telegram entities cannot carry; the
    model rarely means HTML, and losing words is worse than showing brackets.
    """
    pieces: list[str] = []
    position = 0
    for code in _CODE.finditer(markdown):
        pieces.append(_TAG_START.sub(r"\\<", markdown[position : code.start()]))
        pieces.append(code.group(0))
        position = code.end()
    pieces.append(_TAG_START.sub(r"\\<", markdown[position:]))
    return "".join(pieces)


def render(markdown: str) -> tuple[str, list[MessageEntity]]:
    """Markdown to Telegram text + entities; never raises."""
    try:
        text, entities = telegramify_markdown.convert(keep_angle_brackets(markdown))
    except Exception:  # a converter bug must not cost the user the answer
        log.warning("Markdown conversion failed; sending plain text", exc_info=True)
        return markdown, []
    return text, [MessageEntity.de_json(e.to_dict(), None) for e in entities]


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def closes_cleanly(prefix: str) -> bool:
    """True when `prefix` leaves no code block or inline span open."""
    if len(_FENCE.findall(prefix)) % 2:
        return False
    outside_code = re.sub(r"`[^`\n]*`", "", prefix)
    if outside_code.count("`") % 2:
        return False
    last_paragraph = re.split(r"\n\s*\n", outside_code)[-1]
    if any(last_paragraph.count(marker) % 2 for marker in _INLINE_MARKERS):
        return False
    return last_paragraph.count("[") <= last_paragraph.count("]")


def close_open_spans(partial: str) -> str:
    """Markdown of a streamed answer so far, with spans the model has not closed yet closed.

    Partial text is shown every second; without this, "**Nav" flashes as
    literal asterisks until the closing "**" arrives and then turns bold.
    """
    if len(_FENCE.findall(partial)) % 2:
        return partial + "\n```"
    # A marker cut in half ("*" of "**") or one with nothing inside it yet shows nothing.
    partial = partial.rstrip("*_~|")
    outside_code = re.sub(r"`[^`\n]*`", "", partial)
    if outside_code.count("`") % 2:
        return partial + "`"
    last_paragraph = re.split(r"\n\s*\n", outside_code)[-1]
    open_markers = [m for m in _INLINE_MARKERS if last_paragraph.count(m) % 2]
    # The span opened last is the innermost: close it first.
    open_markers.sort(key=last_paragraph.rfind, reverse=True)
    return partial + "".join(open_markers)


def split_point(segment: str, limit: int = MESSAGE_LIMIT) -> int:
    """The longest prefix of `segment` that renders within `limit`, cut at a clean boundary."""
    for require_clean in (True, False):
        for boundary in _BOUNDARIES:
            cuts = [match.end() for match in boundary.finditer(segment)]
            for cut in reversed(cuts):
                prefix = segment[:cut]
                if not prefix.strip() or (require_clean and not closes_cleanly(prefix)):
                    continue
                if utf16_len(render(prefix)[0]) <= limit:
                    return cut
    # One enormous word: cut by characters.
    cut = len(segment)
    while cut > 1 and utf16_len(render(segment[:cut])[0]) > limit:
        cut = cut * 9 // 10
    return max(cut, 1)
