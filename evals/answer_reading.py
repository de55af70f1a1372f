"""What an answer recommends: every cited item and named garment, with its context.

A mention is **used** (recommended), **ruled out** where it is mentioned ("[5] 대신
[7]", "skip the brown suede loafers [8]", "[6] 화이트 원피스는 피하세요", "치마 X") or a
**reference** to an earlier answer ("앞서 추천한 [5]", "the [5] I suggested before").
Its section is the layout's (`evals.answer_layout`), except that a sentence of the
outfit that opens as an option ("If it gets chilly, ...", "쌀쌀하면 ...", "Alternatively")
counts as an alternative.

Ruling out is read from the words next to the mention, in the same clause: English
puts the marker before the item ("instead of [5]"), Korean after it ("[5] 대신",
"[8]은 빼세요"); both are looked for on both sides, since answers mix languages.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Literal

from evals.answer_clauses import (
    avoided_spans,
    bought_instead,
    clause_bounds,
    describes_on,
    explained_apart,
    opens_as_option,
    swapped_away,
    without_asides,
)
from evals.answer_layout import Line, Section, layout, section_at
from evals.answer_lists import (
    apposition_start,
    conceded,
    conceded_number,
    in_refusing_sentence,
    list_rules_out,
    verdict_follows,
)
from evals.matching import Hit, Terms
from evals.ruling_words import (
    AFTER_REFUSED,
    CITATION,
    HEAD_DENIED_OUT,
    HEAD_FOR,
    HEAD_IN,
    HEAD_KEEP,
    HEAD_LIKE,
    HEAD_OUT,
    HEAD_REFERENCE,
    HEAD_SPLIT_OUT,
    HEAD_SWAP_FOR,
    HEAD_TARGET,
    HEAD_TOO,
    JOINED,
    JOINED_AFTER,
    KO_NEXT_CLAUSE,
    PAIR_OUT,
    PREFER_OVER,
    SWAP_VERB,
    TAIL_ELLIPSIS,
    TAIL_FOR_ANOTHER,
    TAIL_LIKE,
    TAIL_OUT,
    TAIL_SPLIT_OUT,
)
from evals.wardrobe_words import KindHit, garment_hits
from storage.records import WardrobeCard

Status = Literal["used", "ruled_out", "reference"]
OUTFIT: tuple[Section, ...] = ("main", "why")
EVERYWHERE: tuple[Section, ...] = ("main", "why", "alternatives", "other")


@dataclass(frozen=True)
class Mention:
    number: int
    start: int
    end: int
    section: Section
    status: Status


@dataclass(frozen=True)
class TermMention:
    hit: Hit | KindHit
    section: Section
    status: Status


# Right after a ruled-out number, these make the next words its replacement, not its
# description: "swap [5] for ➕ block-heel pumps", "[5] → 첼시부츠", "[5] 대신 블랙 부츠".
_REPLACEMENT = re.compile(
    r"(?i)^\s*(?:for|to|into|with|→|->|대신|말고)\s+(?:➕\s*)?[^,.;:()\[\]\n]{0,30}$"
)


class Reading:
    """One answer read against (optionally) the wardrobe cards."""

    def __init__(self, answer: str, cards: Mapping[int, WardrobeCard] | None = None) -> None:
        self.text = answer
        self.cards = dict(cards or {})
        self.lines: list[Line] = layout(answer)
        self._paired_out = {m.start("first") for m in PAIR_OUT.finditer(answer)}
        self._avoided = avoided_spans(self.lines)
        self._citations = [
            (m.start(), m.end(), [int(p) for p in re.split(r"[\s,，、]+", m.group(1)) if p])
            for m in CITATION.finditer(answer)
        ]

    def _names(self, numbers: list[int]) -> str:
        return " ".join(self.cards[n].name for n in numbers if n in self.cards)

    def _status(self, start: int, end: int, own: str = "") -> Status:
        text = self.text
        if any(s <= start < e for s, e in self._avoided):
            return "ruled_out"
        left, right = clause_bounds(text, start, end)
        previous = max((e for s, e, _ in self._citations if e <= start), default=left)
        following = min((s for s, _, _ in self._citations if s >= end), default=right)
        head = text[max(left, previous) : start]
        tail = explained_apart(
            without_asides(text[end : min(right, following)], own or text[start:end]),
            own or text[start:end],
        )
        contrast = ""
        next_clause = KO_NEXT_CLAUSE.search(tail)
        while next_clause and describes_on(next_clause.group(0), tail[next_clause.end() :]):
            next_clause = KO_NEXT_CLAUSE.search(tail, next_clause.end())
        if next_clause:
            # "스니커즈는 편하지만 자리엔 맞지 않아요": what comes after "지만" still speaks
            # of this item, as long as no other item comes first.
            if next_clause.group(0).rstrip().endswith("지만"):
                contrast = tail[next_clause.end() :]
            tail = tail[: next_clause.end()]
        if HEAD_REFERENCE.search(head):
            return "reference"
        if HEAD_IN.search(head) or HEAD_TARGET.search(head) or HEAD_DENIED_OUT.search(head):
            return "used"
        if HEAD_SWAP_FOR.search(head):
            return "used"  # "Trade the denim jacket for [8]": what comes in
        if HEAD_FOR.search(head) and SWAP_VERB.search(text[left : max(left, previous)]):
            return "used"  # "swap [5] for [7]: ..." - what follows explains the swap
        if PREFER_OVER.search(text[left:start]):
            return "ruled_out"
        like = HEAD_LIKE.search(head)
        if like and (TAIL_ELLIPSIS if like.group(1) == "whereas" else TAIL_LIKE).match(tail):
            return "ruled_out"
        if start in self._paired_out or HEAD_OUT.search(head) or HEAD_TOO.search(head):
            return "ruled_out"
        if TAIL_OUT.search(tail) or (HEAD_KEEP.search(head) and TAIL_FOR_ANOTHER.match(tail)):
            return "ruled_out"
        if AFTER_REFUSED.match(text, end):
            return "ruled_out"
        if HEAD_SPLIT_OUT.search(head) and TAIL_SPLIT_OUT.match(tail):
            return "ruled_out"  # "I've kept the brown suede loafers and the tie out"
        if TAIL_OUT.search(contrast):
            return "ruled_out"
        if following >= right and verdict_follows(text, tail, right, own or text[start:end]):
            return "ruled_out"
        return "used"

    def _section(self, start: int) -> Section:
        section = section_at(self.lines, start)
        if section != "main":
            return section
        return "alternatives" if opens_as_option(self.text, start) else "main"

    @cached_property
    def mentions(self) -> list[Mention]:
        spans = [
            (s, e, ns, self._status(s, e, self._names(ns)), self._section(s))
            for s, e, ns in self._citations
        ]
        # "[8] 버건디 니트와 [7] 스니커즈는 빼세요", "skip [7] and [8]": items joined by
        # "와/과/and/or/," share what is said of the group.
        statuses = [status for *_, status, _ in spans]
        for i in range(len(spans) - 1):
            joined = JOINED.fullmatch(self.text[spans[i][1] : spans[i + 1][0]])
            if joined and statuses[i] == "used" and statuses[i + 1] == "ruled_out":
                statuses[i] = "ruled_out"
        for i in range(len(spans) - 2, -1, -1):
            joined = JOINED.fullmatch(self.text[spans[i][1] : spans[i + 1][0]])
            if joined and statuses[i] == "used" and statuses[i + 1] == "ruled_out":
                statuses[i] = "ruled_out"
        for i in range(1, len(spans)):
            gap = self.text[spans[i - 1][1] : spans[i][0]]
            if JOINED_AFTER.fullmatch(gap) and statuses[i - 1] == "ruled_out":
                statuses[i] = "ruled_out"
        worn = {  # worn in the outfit, not only named beside what is bought
            n
            for (start, _, ns, _, sec), st in zip(spans, statuses, strict=True)
            if sec == "main" and st == "used" and not self.on_plus_line(start)
            for n in ns
        }
        for i, (start, _, numbers, _, _) in enumerate(spans):
            if statuses[i] == "used" and bought_instead(
                self.text, self.lines, self.cards, start, numbers, worn
            ):
                statuses[i] = "ruled_out"
        hits = garment_hits(self.text)
        for i, (_, end, _, _, _) in enumerate(spans):
            if statuses[i] == "used" and conceded_number(self.text, end, hits, self._status):
                statuses[i] = "ruled_out"
        found: list[Mention] = []
        for (start, end, numbers, _, section), status in zip(spans, statuses, strict=True):
            found.extend(Mention(n, start, end, section, status) for n in numbers)
        return found

    def _term_status(self, start: int, end: int) -> Status:
        while end < len(self.text) and self.text[end].isascii() and self.text[end].isalpha():
            end += 1  # a prefix term ("stiletto*") speaks for the whole word
        own = self._status(start, end)
        if own != "used":
            return own
        cited = [(m.start, m.status) for m in self.mentions]  # and "[8] … suede marks"
        if list_rules_out(self.text, start, end) or in_refusing_sentence(self.text, start, cited):
            return "ruled_out"  # "Avoid bright colours, loud prints and suede"
        if swapped_away(self.text, start, end):
            return "ruled_out"  # "Trade …, and the white canvas sneakers for [6]"
        left, right = clause_bounds(self.text, start, end)
        # A word describing a cited item shares its fate: "[4] 스커트는", "skirt [4] is out".
        # Of the numbers before it in its clause, it describes the nearest.
        back = apposition_start(self.text, left)  # "Skip [8], the logo hoodie, ..."
        earlier = [m for m in self.mentions if back <= m.end <= start]
        nearest = max(earlier, key=lambda m: m.end) if earlier else None
        for mention in self.mentions:
            before = mention is nearest and not _REPLACEMENT.match(self.text[mention.end : start])
            gap = self.text[end : mention.start] if mention.start >= end else ""
            # "brown suede loafers [8]": the words before a number describe it.
            after = end <= mention.start <= right and len(gap) <= 20 and not CITATION.search(gap)
            if (before or after) and mention.status != "used":
                return mention.status
        return "used"

    def numbers(
        self, sections: Iterable[Section] = OUTFIT, status: Status | None = "used"
    ) -> set[int]:
        wanted = set(sections)
        return {
            m.number
            for m in self.mentions
            if m.section in wanted and (status is None or m.status == status)
        }

    @property
    def ruled_out(self) -> set[int]:
        return {m.number for m in self.mentions if m.status == "ruled_out"}

    def garments(self, sections: Iterable[Section] = EVERYWHERE) -> list[TermMention]:
        wanted = set(sections)
        out = []
        hits = garment_hits(self.text)
        for hit in hits:
            section = self._section(hit.start)
            if section in wanted:
                status = self._term_status(hit.start, hit.end)
                status = (
                    "ruled_out" if status == "used" and conceded(self.text, hit, hits) else status
                )
                out.append(TermMention(hit, section, status))
        return out

    def words(self, terms: Terms, sections: Iterable[Section] = EVERYWHERE) -> list[TermMention]:
        wanted = set(sections)
        out = []
        for hit in terms.finditer(self.text):
            section = self._section(hit.start)
            if section in wanted:
                out.append(TermMention(hit, section, self._term_status(hit.start, hit.end)))
        return out

    def plus_lines(self, sections: Iterable[Section] = OUTFIT) -> list[Line]:
        wanted = set(sections)
        return [line for line in self.lines if line.plus and line.section in wanted]

    def on_plus_line(self, offset: int) -> bool:
        return any(line.plus and line.start <= offset <= line.end for line in self.lines)

    def has_sections(self) -> bool:
        return any(line.heading for line in self.lines)
