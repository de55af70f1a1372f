"""Where a clause about a mention starts and ends, and what in it speaks of the mention:
asides about another garment, a Korean 고 that joins two descriptions, and the lines an
avoid heading or an avoid label ("Skip: [8]", "Not this time: ...") rules out. Read by
``evals.answer_reading``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from evals.answer_layout import Line
from evals.ruling_words import (
    AVOID_HEADING,
    CLAUSE_END,
    OPTION_START,
    SENTENCE_START,
)
from evals.wardrobe_words import garment_hits, kinds_in
from storage.records import WardrobeCard

_ASIDE = re.compile(r"[(（][^)）\n]*[)）]")


def without_asides(tail: str, own: str) -> str:
    """Drop asides in brackets that name another garment: in "[5] block heels (stilettos
    sink into the lawn)" the aside is about stilettos, not about [5]."""

    def keep(aside: re.Match[str]) -> str:
        words = [h.text for h in garment_hits(aside.group(0)) if not h.generic]
        return "" if any(w.casefold() not in own.casefold() for w in words) else aside.group(0)

    return _ASIDE.sub(keep, tail)


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    left = 0
    for match in CLAUSE_END.finditer(text, 0, start):
        left = match.end()
    right_match = CLAUSE_END.search(text, end)
    return left, right_match.start() if right_match else len(text)


# "[7] 흰 스니커즈는 밝고 캐주얼해서 빼 주세요": a 고/며 after a describing word joins
# two descriptions of one item, so the clause still speaks of it; after a verb of
# wearing ("[4]를 입고 스니커즈는 빼세요") the next clause is about something else.
_WEARING = re.compile(
    r"(?:(?:입|신|매|들|걸치|두르|챙기|끼|껴|착용하|매치하|더하|맞추|받쳐|넣|고르|선택하|추가하|"
    r"활용하)|(?:^|\s)(?:하|가|오))(?:시)?(?:고|며)\s$"
)


def describes_on(joint: str, rest: str) -> bool:
    if not re.search(r"(?:고|며)\s$", joint) or _WEARING.search(joint):
        return False
    return not any(not h.generic for h in garment_hits(rest))


# "Not this time: [9] and [8]", "Skip: heels", "피할 것: [7]": a short label of what to
# leave, then a colon, rules out the rest of its line. A label naming a garment ("Skip
# the tie: [4] open-necked") says what goes and what comes in, so it is not one.
_LABEL = re.compile(
    r"^\s*(?:[-*\u2022\u00b7]\s*)?(?:\*\*|__)?([^:：\n\[\]]{1,30}?)(?:\*\*|__)?\s*[:：]"
)


def avoided_spans(lines: list[Line]) -> list[tuple[int, int]]:
    """The spans ruled out as a whole: lines under an avoid heading, and what follows an
    avoid label on its line."""
    spans: list[tuple[int, int]] = []
    avoid = False
    for line in lines:
        if line.heading:
            avoid = line.section != "alternatives" and bool(AVOID_HEADING.search(line.text))
        elif avoid:
            spans.append((line.start, line.end))
        elif line.section != "alternatives" and (label := _LABEL.match(line.text)):
            words = label.group(1)
            if AVOID_HEADING.search(words) and not any(not h.generic for h in garment_hits(words)):
                spans.append((line.start + label.end(), line.end))
    return spans


def opens_as_option(text: str, start: int) -> bool:
    """True when the sentence holding ``start`` opens as an option ("If it gets chilly,
    ...", "쌀쌀하면 ...", "Alternatively"): in the outfit, that sentence is an alternative."""
    sentence_start = 0
    for match in SENTENCE_START.finditer(text, 0, start + 1):
        if match.end() <= start:
            sentence_start = match.end()
    sentence = text[sentence_start:start]
    # List markers and bold labels are not words of the sentence.
    sentence = re.sub(r"^\s*(?:[-*\u2022\u00b7]|\d+[.)])\s*", "", sentence)
    return bool(OPTION_START.search(sentence.replace("**", "")))


_COLON = re.compile(r"[:：]\s")


def explained_apart(tail: str, own: str) -> str:
    """ "➕ 카멜 롱코트: 가디건만으론 추워요": after a colon, words about another garment
    explain why this one is there; they do not rule it out ("[9] tie: too busy" does)."""
    colon = _COLON.search(tail)
    if colon is None:
        return tail
    others = [h for h in garment_hits(tail[colon.end() :]) if not h.generic]
    if any(h.text.casefold() not in own.casefold() for h in others):
        return tail[: colon.start()]
    return tail


_SWAP_VERB = re.compile(r"(?i)\b(?:swap|switch|trade|exchange|replace)\w*\b")
_FOR_CITATION = re.compile(r"(?i)[\w\s'-]{0,30}?\bfor\s+(?:the\s+|your\s+)?[\[［]")


def swapped_away(text: str, start: int, end: int) -> bool:
    """ "Trade the denim jacket for [8] and the white canvas sneakers for [6]": a garment
    word right before "for [N]", after a swap verb in its sentence, is what goes."""
    sentence = max((m.end() for m in re.finditer(r"[.!?。\n]", text[:start])), default=0)
    return bool(_FOR_CITATION.match(text, end)) and bool(_SWAP_VERB.search(text, sentence, start))


def bought_instead(
    text: str,
    lines: list[Line],
    cards: Mapping[int, WardrobeCard],
    start: int,
    numbers: list[int],
    worn: set[int],
) -> bool:
    """ "➕ A plain black tie ([9] is patterned)": a number cited on a ➕ line after
    the thing to buy, of the same kind, is what the purchase replaces."""
    line = next((ln for ln in lines if ln.start <= start < ln.end), None)
    if line is None or not numbers:
        return False
    own = {kind for n in numbers if n in cards for kind in kinds_in(cards[n].name)}
    if not line.plus:
        # "➕ Plain black tie" in the outfit, then "Your [9] tie has a pattern ..." in
        # the reasons: one does not buy a kind of thing to wear one's own of it.
        return (
            line.section in ("why", "other")
            and not worn & set(numbers)
            and any(ln.plus and ln.section == "main" and kinds_in(ln.text) & own for ln in lines)
        )
    return bool(kinds_in(text[line.start : start]) & own)
