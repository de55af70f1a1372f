"""The layout of an answer: headings, sections, list items and ➕ lines.

An answer (prompts/system.md) is an **outfit** (the full set, ➕ lines for what the
user lacks), **why it works**, then **alternatives**. Sections are found from headings:
a Markdown heading, a line bold from start to end, or a short line ending in a colon.
Headings that name no known section keep the section they are in, so "**Day**" and
"**Night**" are both the outfit. Follow-ups often have no headings: all of it is the
outfit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from evals.vocab import ALTERNATIVE_HEADINGS, compile_any

Section = Literal["main", "why", "alternatives", "other"]

_MD_HEADING = re.compile(r"^\s*#{1,6}\s+(.*)$")
_FULL_BOLD = re.compile(r"^[^\w*]*(?:\*\*|__)([^*_]+)(?:\*\*|__)[\s:\uff1a]*$")
_COLON_LINE = re.compile(r"^\s*([^\n]{1,40})[:\uff1a]\s*$")
LIST_ITEM = re.compile(r"^(\s*)(?:[-*\u2022\u00b7\u2013]|\d+[.)])\s+(.*)$")
PLUS = "\u2795"  # ➕
_CITED = re.compile(r"[\[［]\s*[\d０-９]|\u2795")

ALTERNATIVE_WORDS = compile_any(re.escape(w) for w in ALTERNATIVE_HEADINGS)
WHY_WORDS = compile_any(
    [r"왜", "이유", "어울리는", "잘 맞는", "포인트", "why", "reason", "works", "because",
     "체형", "컬러", "색감", "핏", "소재"]
)  # fmt: skip
OTHER_WORDS = compile_any(
    [r"팁", "참고", "주의", "한 줄", r"\btips?\b", r"\bnotes?\b", "packing", "챙길", "준비물"]
)


def heading_text(line: str) -> str | None:
    """The heading's words if the line is a heading, else None."""
    md = _MD_HEADING.match(line)
    if md:
        return md.group(1)
    item = LIST_ITEM.match(line)
    # "3. **대안**" is the prompt's numbered section style, so a list line that is
    # nothing but bold text is a heading too.
    body = item.group(2) if item else line
    bold = _FULL_BOLD.match(body)
    if bold:
        return bold.group(1)
    colon = None if item else _COLON_LINE.match(line)
    return colon.group(1) if colon else None


def heading_section(heading: str, current: Section, seen_why: bool) -> Section:
    if ALTERNATIVE_WORDS.search(heading):
        return "alternatives"
    if WHY_WORDS.search(heading) and not re.search(r"룩|코디|outfit|look", heading, re.I):
        return "why"
    if OTHER_WORDS.search(heading):
        return "other"
    # An unnamed heading after the reasons or the alternatives starts something else
    # (a closing note, tips); before them it is part of the outfit ("**Day**").
    return current if current == "main" and not seen_why else "other"


@dataclass(frozen=True)
class Line:
    text: str
    start: int  # offset in the answer
    section: Section
    heading: bool
    item: bool  # a list item (top level or nested)
    indent: int

    @property
    def plus(self) -> bool:
        return PLUS in self.text

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def layout(answer: str) -> list[Line]:
    lines: list[Line] = []
    section: Section = "main"
    seen_why = False
    cited = False  # has the outfit cited an item yet?
    offset = 0
    for raw in answer.split("\n"):
        heading = heading_text(raw) if raw.strip() else None
        if heading is not None:
            section = heading_section(heading, section, seen_why)
            # An alternative is another way to wear an outfit given first; "Small swaps:"
            # or "**신발만 바꿔요**" opening an answer heads the outfit itself.
            if section == "alternatives" and not seen_why and not cited:
                section = "main"
            seen_why = seen_why or section != "main"
        cited = cited or (section == "main" and _CITED.search(raw) is not None)
        item = LIST_ITEM.match(raw)
        lines.append(
            Line(raw, offset, section, heading is not None, bool(item) and heading is None,
                 len(item.group(1)) if item else 0)
        )  # fmt: skip
        offset += len(raw) + 1
    return lines


def alternative_items(lines: list[Line]) -> list[Line]:
    """The top-level list items of the alternatives section(s), in order; a sub-bullet
    explains an alternative, it is not another one."""
    items: list[Line] = []
    indent: int | None = None
    for line in lines:
        if line.section != "alternatives" or line.heading:
            indent = None if line.heading else indent
            continue
        if not line.item:
            continue
        if indent is None:
            indent = line.indent
        if line.indent <= indent:
            items.append(line)
    return items


def section_at(lines: list[Line], offset: int) -> Section:
    for line in lines:
        if line.start <= offset <= line.end:
            return line.section
    return "main"


def paragraphs(answer: str) -> list[str]:
    """Blocks a phone shows as one run of text: each list item, and each stretch of prose
    lines between blank lines, headings and list items."""
    blocks: list[str] = []
    current: list[str] = []

    def close() -> None:
        if current:
            blocks.append(" ".join(part.strip() for part in current))
            current.clear()

    for raw in answer.split("\n"):
        if not raw.strip() or heading_text(raw) is not None:
            close()
            continue
        if LIST_ITEM.match(raw):
            close()
        current.append(raw)
    close()
    return blocks


_LOOK_LABEL = re.compile(
    r"^\s*(?:[-*\u2022\u00b7]|\d+[.)])?\s*(?:\*\*)?([^:：*\[\]]{1,24}?)(?:\*\*)?\s*[:：]"
)
# Labels that name a part of the day or of the plan, not a slot: each starts a look.
_LOOK_WORDS = re.compile(
    r"(?i)\b(?:day|daytime|night|evening|morning|afternoon|gym|class|workout|dinner|lunch|brunch|"
    r"ceremony|reception|party|travel|commute)\b|\d+\s?(?:일차|일째|day)|일차|첫날|둘째|셋째|낮|밤|저녁|"
    r"아침|오전|오후|운동|식사|예식|피로연|이동|출근길|퇴근"
)


def starts_look(line: Line) -> bool:
    """A heading of the outfit ("**Day**") or a line labelled with a part of the day or
    plan rather than a slot ("- Night: ...", "- 2일차: ...") starts another look."""
    label = _LOOK_LABEL.match(line.text)
    return line.heading or (label is not None and bool(_LOOK_WORDS.search(label.group(1))))
