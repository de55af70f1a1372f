"""Words whose ruling comes from around them: a list's head or end, a question answered
"not", and a concession that passes them over ("Sneakers are comfy, but ... derbies").

"Avoid bright colours, loud prints and suede", "No pastels, florals or burgundy",
"청바지, 반바지, 샌들은 피하세요": the comma ends the clause of each word, so its own
clause says nothing; the marker sits at the list's start (English) or after its last
item (Korean). Read by ``evals.answer_reading`` for garment and case words (cited
numbers have their own joining rules there).

A list item is a short bare phrase: at most four words, no citation. A list runs over
such items joined by commas; its head is the phrase before the first comma, its end the
phrase after the last one, up to where its clause ends.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Protocol

from evals.answer_clauses import describes_on
from evals.matching import Hit
from evals.ruling_words import (
    CITATION,
    CLAUSE_END,
    CONTRAST,
    HEAD_DENIED_OUT,
    HEAD_OUT,
    KO_NEXT_CLAUSE,
    TAIL_OUT,
)
from evals.wardrobe_words import KindHit, garment_hits, kinds_close, kinds_in

_SENTENCE_END = re.compile(r"[.!?。\n;:]")
_COMMA = re.compile(r"[,，、]\s*")
# A last item joined by "and"/"or" ("loud prints and suede"); in Korean the list's end
# carries the predicate ("샌들은 면접에선 피하는 게 좋아요").
_JOINED_LAST = re.compile(r"(?i)\b(?:and|or|nor)\b|&|/")
_MAX_WORDS = 4
_ASKED_AND_REFUSED = re.compile(
    r"(?i)[a-z]{0,3}\?\s*(?:(?:definitely|absolutely|probably|really|honestly|sadly|just)\s+)?"
    r"(?:not|no|nope|never|skip|avoid|pass|too)\b"
)
# "Sneakers are comfy, but a bank interview calls for derbies": a concession, then the
# choice of another garment of the same kind of slot.
# The garment is what the clause speaks of: "Sneakers are comfy", "스니커즈는 편하지만".
_SUBJECT = re.compile(
    r"(?i)[a-z]{0,3}\s+(?:is|are|look|looks|feel|feels|can|could|would|might|may|work|works)\b"
    r"|[a-z]{0,3}'(?:re|s)\b|(?:은|는|이|가|도)\s"
)
_CONTRAST = re.compile(
    r"(?i)[,，]?\s(?:but|however|though|although|yet)\s|지만[,，]?\s|는데[,，]?\s"
)
# ("은행이라면" is "for a bank", not a condition.)
_HEDGE = re.compile(r"(?i)\b(?:if|when|unless|in\s+case)\b|[가-힣](?<!라)(?:으)?면\s|(?<!이)다면")
# The item right after "or"/"and": "a coat or a scarf".
_JOINED_BEFORE = re.compile(r"(?i)\s+(?:or|and|nor)\s+(?:a\s+|an\s+|the\s+|any\s+)?$")
# "Skip the sneakers, wear loafers and a belt": a piece that opens with a verb is a new
# clause, not the list's last item.
_VERB_FIRST = re.compile(
    r"(?i)^\s*(?:wear|go|pick|choose|add|keep|try|pair|bring|take|use|opt|layer|swap|throw|put|"
    r"stick|grab|switch|change|finish|top|style|tuck|roll|carry|pack)\b"
)


def _head_rules_out(head: str) -> bool:
    return bool(HEAD_OUT.search(head)) and not HEAD_DENIED_OUT.search(head)


def _bare(segment: str) -> bool:
    return 0 < len(segment.split()) <= _MAX_WORDS and not CITATION.search(segment)


def _segments(text: str, start: int, end: int) -> tuple[list[tuple[int, int]], int]:
    """The comma-separated pieces of the sentence around ``start``, and which holds it."""
    left = 0
    for match in _SENTENCE_END.finditer(text, 0, start):
        left = match.end()
    right_match = _SENTENCE_END.search(text, end)
    right = right_match.start() if right_match else len(text)
    pieces: list[tuple[int, int]] = []
    at = left
    for match in _COMMA.finditer(text, left, right):
        pieces.append((at, match.start()))
        at = match.end()
    pieces.append((at, right))
    index = next(i for i, (s, e) in enumerate(pieces) if s <= start <= e)
    return pieces, index


def list_rules_out(text: str, start: int, end: int) -> bool:
    if _ASKED_AND_REFUSED.match(text, end):
        return True  # "Heels? Not on sand."
    return _in_ruled_out_list(text, start, end)


def _in_ruled_out_list(text: str, start: int, end: int) -> bool:
    """True when the word at ``start:end`` is an item of a list that is ruled out as a
    whole, by its head ("Avoid A, B and C", "No need for a coat or a scarf") or by its
    end ("A, B, C는 피하세요")."""
    pieces, index = _segments(text, start, end)
    head = text[pieces[index][0] : start]
    joined = _JOINED_BEFORE.search(head)
    if joined and _head_rules_out(head[: joined.start()]) and not CITATION.search(head):
        return True
    if len(pieces) < 2:
        return False
    own = text[pieces[index][0] : pieces[index][1]]
    # Marker after the list: this item is bare and the list runs on to its end.
    if index + 1 < len(pieces) and _bare(own):
        last = index + 1
        while last + 1 < len(pieces) and _bare(text[pieces[last][0] : pieces[last][1]]):
            last += 1
        tail = text[pieces[last][0] : pieces[last][1]]
        clause_end = CLAUSE_END.search(tail)
        tail = tail[: clause_end.start()] if clause_end else tail
        next_clause = KO_NEXT_CLAUSE.search(tail)
        # "로퍼, 구두는 미끄럽고 불편해서 안 챙기셔도 돼요": descriptions run on.
        while next_clause and describes_on(next_clause.group(0), tail[next_clause.end() :]):
            next_clause = KO_NEXT_CLAUSE.search(tail, next_clause.end())
        tail = tail[: next_clause.end()] if next_clause else tail
        if TAIL_OUT.search(tail):
            return True
    # Marker before the list: this item is a middle one, or the last joined by and/or.
    middle = index + 1 < len(pieces)
    joined_last = _JOINED_LAST.search(own) and not _VERB_FIRST.match(own)
    # The last piece holds two items and may run on: "a scarf or an overcoat in June".
    last_bare = joined_last and len(own.split()) <= 2 * _MAX_WORDS and not CITATION.search(own)
    if index > 0 and (_bare(own) or last_bare) and (middle or joined_last):
        first = index - 1
        while first > 0 and _bare(text[pieces[first][0] : pieces[first][1]]):
            first -= 1
        head = text[pieces[first][0] : pieces[first][1]]
        if _head_rules_out(head) and not CITATION.search(head):
            return True
    return False


def conceded(text: str, hit: KindHit, hits: list[KindHit]) -> bool:
    """True when ``hit`` is praised and then passed over in the same sentence for another
    garment of its category ("Sneakers are comfy, but ... derbies", "스니커즈는 편하지만
    ... 더비 슈즈가 맞아요")."""
    end_match = _SENTENCE_END.search(text, hit.end)
    end = end_match.start() if end_match else len(text)
    turn = _CONTRAST.search(text, hit.end, end)
    if not turn or CITATION.search(text, hit.end, turn.start()):
        return False
    if _HEDGE.search(text, turn.end(), end):
        return False  # "Loafers are fine, but boots are warmer if it's cold": both stay
    if not _SUBJECT.match(text, hit.end):
        return False  # "Wear the loafers, but bring sneakers": no concession about it
    return any(
        turn.end() <= other.start < end
        and other.category == hit.category
        and other.kind != hit.kind
        for other in hits
        # A category word counts as the subject of the turn: "… 은행이라면 구두가 안전해요".
        if not other.kind.startswith("generic:") or _SUBJECT.match(text, other.end)
    )


def conceded_number(
    text: str, end: int, hits: list[KindHit], status: Callable[[int, int], str]
) -> bool:
    """ "[8] suede loafers are comfortable, but black leather oxfords are more formal": the
    cited item's own words (right after its number) are praised, then passed over for
    another garment of its category that the sentence brings in (``status`` of a span)."""
    for hit in hits:
        if not end <= hit.start <= end + 40 or re.search(r"[\n\[［]", text[end : hit.start]):
            continue
        if _SUBJECT.match(text, hit.end):
            brought = [h for h in hits if h.start > hit.end and status(h.start, h.end) == "used"]
            return conceded(text, hit, brought)
    return False


# A sentence that cites items, rules every one of them out and brings nothing in:
# its garment words are the reasons ("Leave [8] brown suede loafers at home: brown suede
# reads too casual, and suede marks on wet ground").
_LINE_END = re.compile(r"[.!?。\n]")
_BRINGS_IN = re.compile(
    r"(?i)\binstead\b|\brather\b|\bswap|\bswitch|\bchoose|\bgo\s+(?:with|for)\b|\bwear\b|"
    r"\bpick\b|대신|말고|→|->|(?:입|신|챙기|매|드|걸치)(?:으)?세요|추천"
)


def in_refusing_sentence(text: str, start: int, cited: Sequence[tuple[int, str]]) -> bool:
    """``cited``: (offset, status) of each cited number in the answer."""
    left = max((m.end() for m in _LINE_END.finditer(text, 0, start)), default=0)
    end = _LINE_END.search(text, start)
    right = end.start() if end else len(text)
    statuses = [status for offset, status in cited if left <= offset < right]
    if not statuses or any(s != "ruled_out" for s in statuses):
        return False
    return not _BRINGS_IN.search(text[left:right])


class _Said(Protocol):
    @property
    def hit(self) -> Hit | KindHit: ...
    @property
    def status(self) -> str: ...


def still_used(text: str, mentions: Sequence[_Said]) -> list[_Said]:
    """The used mentions, less a word its sentence has already ruled out: in "Avoid the
    brown suede loafers; brown suede reads casual" the second "suede" explains."""
    out = []
    for i, said in enumerate(mentions):
        left = max((m.end() for m in _LINE_END.finditer(text, 0, said.hit.start)), default=0)
        earlier = (m for m in mentions[:i] if m.hit.start >= left and m.status == "ruled_out")
        word = said.hit.text.casefold()
        if said.status == "used" and not any(m.hit.text.casefold() == word for m in earlier):
            out.append(said)
    return out


_APPOSITION_OPENS = re.compile(r"(?i)(?:the|your|that)\s")
_AFTER_NUMBER = re.compile(r"[\]］]\s*[,，]\s*$")


def apposition_start(text: str, left: int) -> int:
    """Where a clause's words may find the number they describe: a clause that opens as an
    apposition right after a number ("Skip [8], the logo hoodie, and ...") reaches back to
    that number's bracket."""
    if _APPOSITION_OPENS.match(text, left) and _AFTER_NUMBER.search(text[max(0, left - 4) : left]):
        return max(0, text.rfind("[", 0, left), text.rfind("［", 0, left))
    return left


# The item ends its clause and the rest of the sentence passes the verdict: "As for [8],
# white is the bride's, so no", "[8]: no, white is for the bride", "White lace [8]? Not
# at a wedding", "[8] — bride territory, skip it".
_TOPIC_BOUNDARY = re.compile(r"\s*(?:[,，:：?？]|[—–]\s)")
_REFUSAL_START = re.compile(r"(?i)^\W*(?:no|nope|not|never|skip|avoid|pass|NG)(?![A-Za-z])")


# "[8] is great for weekends, not for a second date": the bare "not" contrasts too.
_NOT_OPENS = re.compile(
    r"(?i)(?:(?:just|simply|only|but)\s+)?(?:not\s+(?:for|on|at|with|in|to|today|now|this)|wrong\s+for)\b"
)


def verdict_follows(text: str, tail: str, right: int, own: str) -> bool:
    """True when the rest of the sentence after the item's clause rules it out: after a
    contrast ("[8] is lovely, but it's white, so save it for another event") or when the
    item is the clause's topic alone. The rest must cite no item and name no garment
    but the item's own kind, or it speaks of something else."""
    opener = text[right : right + 24].lstrip(",， ")
    contrast = CONTRAST.search(tail) or CONTRAST.match(opener) or _NOT_OPENS.match(opener)
    topic = not tail.strip(" *") and _TOPIC_BOUNDARY.match(text, right)
    if not (contrast or topic) or text[right : right + 1] in ".!。\n;":
        return False
    boundary = CLAUSE_END.match(text, right)
    start = boundary.end() if boundary else right + 1
    end_match = _SENTENCE_END.search(text, start)
    rest = text[start : end_match.start() if end_match else len(text)]
    if CITATION.search(rest):
        return False
    kinds, categories = kinds_in(own), {h.category for h in garment_hits(own)}
    for hit in garment_hits(rest):  # "but the suede shoes would get soaked" is the shoes'
        if (
            hit.category not in categories
            if hit.generic
            else not any(kinds_close(hit.kind, k) for k in kinds)
        ):
            return False
    return bool(TAIL_OUT.search(rest)) or bool(topic and _REFUSAL_START.match(rest))
