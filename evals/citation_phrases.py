"""The words that describe a cited number: right after it ("[3] black trousers"), else
right before it ("brown suede loafers [8]"), or the slot label of its line ("- 신발: [3]").
Read by ``evals.checks_wardrobe`` (describes_items_truly) and, for slot labels,
``evals.checks_expect`` (follow_up_constraints).
"""

from __future__ import annotations

import re

from evals.answer_reading import Reading
from evals.matching import PARTICLES
from evals.wardrobe_words import STOP_EN, colour_hits, garment_hits, reads_as_verb

_KO_PARTICLE_END = re.compile(
    r"(?:을|를|이|가|은|는|에|와|과|로|으로|도|만|랑|의|에서|처럼|보다|하고|이나|나|에는|이랑)$"
)
_VERB_BEFORE = re.compile(r"(?i)(?:replac|swap|trade|switch|beat|outrank|outlast)\w*")
_LIKE_END = re.compile(r"(?:처럼|같이|만큼|보다)$")
_PUNCT = re.compile(r"[,.;:()+/→—–!?\[\]［］\n]|\*\*|->")
_LEAD = re.compile(r"^\s*(?:\*\*|\(|번\s)?\s*")
# "[2]를 벗고", "[6]은 빼세요": a particle on the number makes it the noun; what follows is
# what happens to it, not a description of it.
_PARTICLE_ON_NUMBER = re.compile(f"^(?:{'|'.join(PARTICLES)}){{1,2}}(?![가-힣])")
_LABEL = re.compile(
    r"^\s*(?:[-*\u2022\u00b7]|\d+[.)])?\s*(?:\*\*)?([^:：*\[\]]{1,24}?)(?:\*\*)?\s*[:：]\s*(?:\*\*)?\s*$"
)


# "[4], your black midi dress" and "[7], the camel blazer, over it": the phrase after the
# comma still describes the number ("[3], the blazer and [5]" is a list).
_APPOSITION = re.compile(r"^\s*[,，]\s*(?:your\s+|the\s+(?=[^,\[\]\n]{1,40},))", re.IGNORECASE)


def words_after(text: str, end: int) -> str:
    rest = text[end : end + 60]
    if _PARTICLE_ON_NUMBER.match(rest):
        return ""
    rest = _APPOSITION.sub("", rest, count=1)
    rest = _LEAD.sub("", rest, count=1)
    cut = _PUNCT.search(rest)
    rest = rest[: cut.start()] if cut else rest
    words: list[str] = []
    for token in rest.split():
        if token.lower() in STOP_EN or token in ("대신", "말고", "위에", "아래", "안에", "밖에"):
            break
        if (not words and reads_as_verb(token)) or _LIKE_END.search(token):
            break  # "[7] picks up the burgundy", "[6] 머플러처럼": not what it is
        words.append(token)
        # "그레이", "네이비 니트": a colour word ending in a particle's syllable goes on.
        whole = any(e - s == len(token) for s, e, _ in colour_hits(token))
        if (_KO_PARTICLE_END.search(token) and not whole) or len(words) == 4:
            break
    return " ".join(words)


def words_before(text: str, start: int) -> str:
    head = text[max(0, start - 50) : start]
    cuts = list(_PUNCT.finditer(head))
    head = head[cuts[-1].end() :] if cuts else head
    words: list[str] = []
    for token in reversed(head.split()):
        # A particle ends another phrase: "셔츠에 [3]" does not call [3] a shirt.
        # "[6] chelsea boots replace [5]": a verb before the number ends its description.
        if (
            token.lower() in STOP_EN
            or _KO_PARTICLE_END.search(token)
            or _VERB_BEFORE.fullmatch(token)
        ):
            break
        words.insert(0, token)
        if len(words) == 4:
            break
    return " ".join(words)


def slot_label(text: str, start: int) -> str:
    """The slot label the citation's line starts with ("- 신발: [3]", "**Top:** [2]"), when
    the label is nothing but slot words ("가방 속:" or "Shoes for dinner:" are not)."""
    line_start = text.rfind("\n", 0, start) + 1
    match = _LABEL.match(text[line_start:start])
    if not match:
        return ""
    label = match.group(1)
    rest = label
    for hit in sorted(garment_hits(label), key=lambda h: -h.start):
        rest = rest[: hit.start] + rest[hit.end :]
    rest = re.sub(r"(?i)\band\b|[\W_\d]", "", rest)
    return label if not rest else ""


def slotted_in(reading: Reading, category: str) -> set[int]:
    """The numbers used on lines whose slot label names ``category``: "- 상의: [7] 가디건
    단독으로" puts [7] in the top's place whatever its card calls it."""
    found = set()
    for mention in reading.mentions:
        label = slot_label(reading.text, mention.start)
        if mention.status == "used" and any(h.category == category for h in garment_hits(label)):
            found.add(mention.number)
    return found
