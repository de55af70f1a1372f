"""Markdown → Telegram entities never fails, and long answers split cleanly."""

from __future__ import annotations

import pytest

from bot.telegram.rendering import close_open_spans, closes_cleanly, render, split_point, utf16_len
from tests.fakes.tg_markup import check_entities

NASTY = [
    "**굵게 시작했는데 안 닫힘",
    "```python\nprint('열린 코드 블록')\n",
    "<b>태그처럼 보이는</b> 글자 & 앰퍼샌드 <script>",
    "- 리스트 하나\n- 리스트 둘\n  - 중첩 **반쯤",
    "이모지 👗👠🧥 와 한국어, 그리고 [링크](http://example.com 가 안 닫힘",
    "_기울임_ __밑줄__ ~~취소~~ ||스포일러|| `코드",
    "1. 첫째\n2. 둘째\n\n> 인용문 **굵게**\n> 계속",
    "| 표 | 헤더 |\n|---|---|\n| 셀 | **굵게 |",
    "\\*이스케이프\\* 와 \\ 백슬래시 끝\\",
    "# 제목\n## 부제목\n### **굵은 제목",
    "Emoji at the end 👨‍👩‍👧‍👦",
    "*",
    "**",
    "```",
    "[",
    "![이미지](",
]


@pytest.mark.parametrize("source", NASTY)
def test_every_prefix_of_nasty_markdown_renders_to_valid_entities(source: str) -> None:
    for end in range(1, len(source) + 1):
        text, entities = render(source[:end])
        # The fake Bot API applies Telegram's entity rules and raises on violations.
        check_entities(text, [entity.to_dict() for entity in entities])


def test_render_produces_entities_not_markup() -> None:
    text, entities = render("**코디** 추천 <b>")
    assert text.startswith("코디 추천")
    assert "<b>" in text, "angle brackets stay literal text"
    assert [e.type for e in entities] == ["bold"]


def long_answer(paragraphs: int) -> str:
    parts = []
    for n in range(paragraphs):
        parts.append(f"**{n}번 코디** — 네이비 슬랙스와 화이트 셔츠. 👞 로퍼로 마무리해요. " * 3)
        if n % 7 == 3:
            parts.append("```\n코드 블록 안의 줄\n\n빈 줄이 있어도 한 블록\n```")
    return "\n\n".join(parts)


@pytest.mark.parametrize("limit", [300, 1000, 4096])
def test_split_pieces_fit_and_lose_nothing(limit: int) -> None:
    source = long_answer(60)
    pieces = []
    rest = source
    while utf16_len(render(rest)[0]) > limit:
        cut = split_point(rest, limit)
        pieces.append(rest[:cut])
        rest = rest[cut:]
    pieces.append(rest)
    assert "".join(pieces) == source
    for piece in pieces:
        assert utf16_len(render(piece)[0]) <= limit
        assert closes_cleanly(piece), piece[-80:]


def test_split_prefers_paragraph_boundaries() -> None:
    source = "첫 문단입니다. " * 30 + "\n\n" + "둘째 문단. " * 30
    cut = split_point(source, utf16_len(render(source)[0]) - 10)
    assert source[:cut].endswith("\n\n")


@pytest.mark.parametrize(
    ("prefix", "clean"),
    [
        ("plain text. ", True),
        ("**bold open. ", False),
        ("**bold** closed. ", True),
        ("```\ncode\n\n", False),
        ("```\ncode\n```\n\n", True),
        ("`inline ", False),
        ("[link text ", False),
        ("**a**\n\nnew paragraph ", True),
    ],
)
def test_closes_cleanly(prefix: str, clean: bool) -> None:
    assert closes_cleanly(prefix) is clean


@pytest.mark.parametrize(
    ("partial", "closed"),
    [
        ("**", ""),  # an opening marker with nothing inside shows nothing
        ("옷 *", "옷 "),  # half of "**"
        ("**네이비", "**네이비**"),
        ("**네이비** 블레이저", "**네이비** 블레이저"),  # already closed: unchanged
        ("**굵게 __기울여", "**굵게 __기울여__**"),  # innermost closed first
        ("코드 `로퍼", "코드 `로퍼`"),
        ("```python\nx = 1", "```python\nx = 1\n```"),
        ("~~취소", "~~취소~~"),
    ],
)
def test_streamed_markdown_closes_open_spans(partial: str, closed: str) -> None:
    assert close_open_spans(partial) == closed
    text, _ = render(closed)
    assert "*" not in text and "`" not in text and "~" not in text
