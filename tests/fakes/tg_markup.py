"""Text formatting rules of the Telegram Bot API, for the fake Telegram server.

Parsers for ``parse_mode`` HTML, MarkdownV2 and legacy Markdown that turn the sent text into
the plain text the user sees plus its entities (offsets in UTF-16 code units), modelled on
TDLib's parsers: they reject what Telegram rejects in the common cases (unbalanced or unknown
HTML tags, unescaped MarkdownV2 reserved characters, unterminated entities) with Telegram's
wording, without being a complete re-implementation.
"""

from __future__ import annotations

import html
import re
from typing import Any

Entity = dict[str, Any]

MD2_RESERVED = frozenset("_*[]()~`>#+-=|{}.!")
ENTITY_TYPES = frozenset(
    "mention hashtag cashtag bot_command url email phone_number bold italic underline "
    "strikethrough spoiler blockquote expandable_blockquote code pre text_link text_mention "
    "custom_emoji date_time".split()
)
HTML_TAGS = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "tg-spoiler": "spoiler",
    "span": "spoiler",
    "a": "text_link",
    "code": "code",
    "pre": "pre",
    "blockquote": "blockquote",
    "tg-emoji": "custom_emoji",
}
_MD2_NAMES = {
    "bold": "Bold",
    "italic": "Italic",
    "underline": "Underline",
    "strikethrough": "Strikethrough",
    "spoiler": "Spoiler",
    "code": "Code",
    "pre": "Pre",
    "text_link": "TextUrl",
    "custom_emoji": "CustomEmoji",
}


class EntityParseError(ValueError):
    """Raised with the text after ``Bad Request: can't parse entities: ``."""


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _byte_offset(src: str, i: int) -> int:
    return len(src[:i].encode("utf-8"))


class _Out:
    """Accumulates plain text and tracks its length in UTF-16 code units."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.u16 = 0
        self.entities: list[Entity] = []

    def add(self, s: str) -> None:
        self.parts.append(s)
        self.u16 += utf16_len(s)

    def entity(self, kind: str, start: int, **extra: Any) -> None:
        if self.u16 > start:
            self.entities.append(
                {"type": kind, "offset": start, "length": self.u16 - start, **extra}
            )

    def result(self) -> tuple[str, list[Entity]]:
        self.entities.sort(key=lambda e: (e["offset"], -e["length"]))
        return "".join(self.parts), self.entities


def parse_html(src: str) -> tuple[str, list[Entity]]:
    out = _Out()
    stack: list[tuple[str, int, dict[str, str]]] = []
    i, n = 0, len(src)
    while i < n:
        c = src[i]
        if c == "&":
            m = re.match(r"&(#\d+|#x[0-9a-fA-F]+|lt|gt|amp|quot);", src[i:])
            if m:
                out.add(html.unescape(m.group(0)))
                i += len(m.group(0))
            else:
                out.add("&")
                i += 1
            continue
        if c != "<":
            out.add(c)
            i += 1
            continue
        at = _byte_offset(src, i)
        if src.startswith("</", i):
            m = re.match(r"</([a-zA-Z0-9-]*)\s*>", src[i:])
            if not m:
                raise EntityParseError(f"Unclosed end tag at byte offset {at}")
            name = m.group(1).lower()
            if not stack:
                raise EntityParseError(f"Unexpected end tag at byte offset {at}")
            open_name, start, open_attrs = stack.pop()
            if name != open_name:
                raise EntityParseError(
                    f'Unmatched end tag at byte offset {at}, expected "</{open_name}>", '
                    f'found "</{name}>"'
                )
            _close_html(out, stack, open_name, start, open_attrs)
            i += len(m.group(0))
            continue
        m = re.match(r"<([a-zA-Z0-9-]*)", src[i:])
        name = m.group(1).lower() if m else ""
        if name not in HTML_TAGS:
            raise EntityParseError(f'Unsupported start tag "{name}" at byte offset {at}')
        j = i + 1 + len(name)
        attrs: dict[str, str] = {}
        attr_re = re.compile(r"\s*([a-zA-Z0-9_-]+)(?:\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>\"']+))?")
        while True:
            while j < n and src[j].isspace():
                j += 1
            if j >= n:
                raise EntityParseError(f"Unclosed start tag at byte offset {at}")
            if src[j] == ">":
                break
            am = attr_re.match(src, j)
            if not am:
                raise EntityParseError(
                    f"Expected equal sign in declaration of an attribute of "
                    f"the tag at byte offset {at}"
                )
            value = am.group(2) or ""
            if value[:1] in "\"'" and value:
                value = value[1:-1]
            attrs[am.group(1).lower()] = html.unescape(value)
            j = am.end()
        if name == "span" and attrs.get("class") != "tg-spoiler":
            raise EntityParseError(f'Tag "span" must have class "tg-spoiler" at byte offset {at}')
        stack.append((name, out.u16, attrs))
        i = j + 1
    if stack:
        raise EntityParseError(f'Can\'t find end tag corresponding to start tag "{stack[-1][0]}"')
    return out.result()


def _close_html(
    out: _Out,
    stack: list[tuple[str, int, dict[str, str]]],
    name: str,
    start: int,
    attrs: dict[str, str],
) -> None:
    kind = HTML_TAGS[name]
    if kind == "text_link":
        if attrs.get("href"):
            out.entity("text_link", start, url=attrs["href"])
    elif kind == "custom_emoji":
        out.entity("custom_emoji", start, custom_emoji_id=attrs.get("emoji-id", ""))
    elif kind == "code" and stack and stack[-1][0] == "pre" and stack[-1][1] == start:
        lang = attrs.get("class", "")
        if lang.startswith("language-"):
            stack[-1][2]["_language"] = lang.removeprefix("language-")
        else:
            out.entity("code", start)
    elif kind == "pre":
        extra = {"language": attrs["_language"]} if attrs.get("_language") else {}
        out.entity("pre", start, **extra)
    elif kind == "blockquote" and "expandable" in attrs:
        out.entity("expandable_blockquote", start)
    else:
        out.entity(kind, start)


def parse_markdown_v2(src: str) -> tuple[str, list[Entity]]:
    out = _Out()
    # open entities: (type, utf16 start, byte offset of the marker, extra fields)
    stack: list[tuple[str, int, int, dict[str, str]]] = []
    quote_start: int | None = None
    ends = {
        "bold": "*",
        "italic": "_",
        "underline": "__",
        "strikethrough": "~",
        "spoiler": "||",
        "text_link": "]",
        "custom_emoji": "]",
        "code": "`",
        "pre": "```",
    }
    single = {"_": "italic", "*": "bold", "~": "strikethrough", "[": "text_link", "`": "code"}
    i, n = 0, len(src)
    while i < n:
        c = src[i]
        if c == "\\" and i + 1 < n and 0 < ord(src[i + 1]) <= 126:
            out.add(src[i + 1])
            i += 2
            continue
        top = stack[-1][0] if stack else None
        if top in ("code", "pre") and not src.startswith(ends[top], i):
            out.add(c)
            i += 1
            continue
        if c == "\n" and quote_start is not None and not src.startswith(">", i + 1):
            out.entity("blockquote", quote_start)
            quote_start = None
        if c not in MD2_RESERVED:
            out.add(c)
            i += 1
            continue
        at = _byte_offset(src, i)
        if top is not None and src.startswith(ends[top], i):
            _, start, _, closed_extra = stack.pop()
            i += len(ends[top])
            if top in ("text_link", "custom_emoji"):
                url = ""
                if src.startswith("(", i):
                    m = re.match(r"\(((?:\\.|[^\\)])*)\)", src[i:], re.S)
                    if not m:
                        raise EntityParseError(f"Can't find end of a URL at byte offset {at}")
                    url = re.sub(r"\\(.)", r"\1", m.group(1), flags=re.S)
                    i += len(m.group(0))
                if top == "custom_emoji":
                    if not url.startswith("tg://emoji?id="):
                        raise EntityParseError("Custom emoji entity must contain a tg://emoji URL")
                    out.entity(top, start, custom_emoji_id=url.split("=", 1)[1])
                elif url:
                    out.entity(top, start, url=url)
            else:
                out.entity(top, start, **closed_extra)
            continue
        if c == ">" and (i == 0 or src[i - 1] == "\n"):
            if quote_start is None:
                quote_start = out.u16
            i += 1
            continue
        extra: dict[str, str] = {}
        if src.startswith("```", i):
            kind, width = "pre", 3
            m = re.match(r"```([^\s`\\]+)\n", src[i:])
            if m:
                kind, width, extra = "pre", len(m.group(0)), {"language": m.group(1)}
        elif src.startswith("__", i):
            kind, width = "underline", 2
        elif src.startswith("||", i):
            kind, width = "spoiler", 2
        elif src.startswith("![", i):
            kind, width = "custom_emoji", 2
        elif c in single:
            kind, width = single[c], 1
        else:
            raise EntityParseError(
                f"Character '{c}' is reserved and must be escaped with the preceding '\\'"
            )
        stack.append((kind, out.u16, at, extra))
        i += width
    if stack:
        kind, _, at, _ = stack[-1]
        raise EntityParseError(f"Can't find end of {_MD2_NAMES[kind]} entity at byte offset {at}")
    if quote_start is not None:
        out.entity("blockquote", quote_start)
    return out.result()


def parse_markdown(src: str) -> tuple[str, list[Entity]]:
    """Legacy ``Markdown``: *bold*, _italic_, `code`, ```pre```, [text](url); no nesting."""
    out = _Out()
    i, n = 0, len(src)
    while i < n:
        c = src[i]
        if c == "\\" and i + 1 < n and src[i + 1] in "_*`[":
            out.add(src[i + 1])
            i += 2
            continue
        if c not in "_*`[":
            out.add(c)
            i += 1
            continue
        at = _byte_offset(src, i)
        marker = "```" if src.startswith("```", i) else ("]" if c == "[" else c)
        j = src.find(marker, i + (3 if marker == "```" else 1))
        if j < 0:
            raise EntityParseError(f"Can't find end of the entity starting at byte offset {at}")
        body = src[i + len(marker if marker != "]" else "[") : j]
        start = out.u16
        if marker == "]":
            m = re.match(r"\(([^)]*)\)", src[j + 1 :])
            out.add(body)
            if m:
                out.entity("text_link", start, url=m.group(1))
                j += len(m.group(0))
            i = j + 1
            continue
        kind = {"*": "bold", "_": "italic", "`": "code", "```": "pre"}[marker]
        out.add(body)
        out.entity(kind, start)
        i = j + len(marker)
    return out.result()


def check_entities(text: str, entities: list[Any]) -> list[Entity]:
    """Validate explicitly given entities against ``text``; return them normalised."""
    size = utf16_len(text)
    result: list[Entity] = []
    for e in entities:
        if not isinstance(e, dict) or not isinstance(e.get("type"), str):
            raise EntityParseError('can\'t parse MessageEntity: field "type" must be a String')
        off, length = e.get("offset"), e.get("length")
        if not isinstance(off, int) or not isinstance(length, int):
            raise EntityParseError("can't parse MessageEntity: offset and length must be Integers")
        if e["type"] not in ENTITY_TYPES:
            raise EntityParseError(f'unsupported entity type "{e["type"]}"')
        if off < 0 or length <= 0 or off + length > size:
            raise EntityParseError(
                f"entity {e['type']} at offset {off} with length {length} is out of the text "
                f"bounds (text length {size} UTF-16 code units)"
            )
        if e["type"] == "text_link" and not e.get("url"):
            raise EntityParseError("text_link entity must have a non-empty url")
        result.append({k: v for k, v in e.items() if v is not None})
    return result


def render_text(
    text: str, parse_mode: str | None, entities: list[Any] | None
) -> tuple[str, list[Entity]]:
    """Return (plain text, entities) as Telegram stores them; raise EntityParseError."""
    if entities:
        return text, check_entities(text, entities)
    mode = (parse_mode or "").lower()
    if not mode:
        return text, []
    parser = {"html": parse_html, "markdownv2": parse_markdown_v2, "markdown": parse_markdown}
    if mode not in parser:
        raise ValueError("unsupported parse_mode")
    return parser[mode](text)
