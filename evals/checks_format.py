"""Checks of an answer's form: citations, slots, alternatives, language, occasion, length.

Each check is ``(answer, case) -> CheckResult`` and is registered in ``evals.checks``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from evals.answer_layout import LIST_ITEM, heading_text
from evals.case import CaseContext, CheckResult
from evals.matching import terms_of
from evals.vocab import ALTERNATIVE_HEADINGS, compile_any, slot_pattern
from storage.citations import cited_all

# [3], [ 3 ], full-width brackets (U+FF3B/U+FF3D) and grouped [2, 4]; ASCII and
# full-width brackets may be mixed because models (and IMEs) do. \d also matches full-width digits, which int() reads.


def cited_numbers(answer: str) -> list[int]:
    """Photo numbers cited in the answer, in order, repeats kept (the production parser)."""
    return cited_all(answer)


def _numbers(numbers: Iterable[int]) -> str:
    return ", ".join(f"[{n}]" for n in sorted(set(numbers))) or "none"


def cites_existing_items(answer: str, case: CaseContext) -> CheckResult:
    """Every bracketed number must be a photo the user sent, and the outfit must use
    at least one clothing photo when there are any: an answer that cites nothing (or
    only the full-body photo) is not building from the user's own clothes."""
    name = "cites_existing_items"
    cited = cited_numbers(answer)
    unknown = [n for n in cited if n not in case.item_numbers]
    if unknown:
        return CheckResult(
            name, False, f"cites {_numbers(unknown)}, not among {_numbers(case.item_numbers)}"
        )
    used_clothes = case.clothing_numbers.intersection(cited)
    if case.clothing_numbers and not used_clothes:
        return CheckResult(
            name, False, f"cites no clothing item; user sent {_numbers(case.clothing_numbers)}"
        )
    return CheckResult(name, True, f"cites {_numbers(cited)}")


_SLOT_PATTERNS: dict[str, re.Pattern[str]] = {
    slot: slot_pattern(slot) for slot in ("top", "bottom", "shoes", "dress")
}
# Which owned categories fill a slot; a dress is both the top and the bottom.
_FILLS: dict[str, frozenset[str]] = {
    "top": frozenset({"top", "dress"}),
    "bottom": frozenset({"bottom", "dress"}),
    "shoes": frozenset({"shoes"}),
}


def covers_top_bottom_shoes(answer: str, case: CaseContext) -> CheckResult:
    """For top, bottom and shoes, whenever the user owns something for that slot, the
    answer cites such an item or names the slot in words (see ``vocab.CATEGORY_WORDS``).

    Naming is enough on purpose: "신발은 [4] 대신 흰 스니커즈" or "no trousers needed
    with the dress" still shows the slot was considered. The check catches outfits
    that silently drop a slot; whether the choice is good is the rubric's job.
    """
    name = "covers_top_bottom_shoes"
    owned = set(case.item_numbers.values())
    # A follow-up changes part of the outfit before it; what it leaves alone still stands.
    answer = f"{case.previous_answer}\n{answer}" if case.previous_answer else answer
    cited = cited_numbers(answer)
    cited_categories = {case.item_numbers[n] for n in cited if n in case.item_numbers}
    missing: list[str] = []
    for slot, fillers in _FILLS.items():
        if not owned & fillers:
            continue
        named = _SLOT_PATTERNS[slot].search(answer) or (
            "dress" in fillers and _SLOT_PATTERNS["dress"].search(answer)
        )
        if not (cited_categories & fillers or named):
            missing.append(slot)
    if missing:
        return CheckResult(name, False, f"user owns {', '.join(missing)} but the answer skips it")
    return CheckResult(name, True, "every owned slot of top/bottom/shoes is covered")


_HEADING_WORDS = compile_any(re.escape(w) for w in ALTERNATIVE_HEADINGS)


def _count_items(lines: list[str]) -> int:
    """Top-level list items from the start of a section to its end: the next heading,
    a blank line followed by prose, or prose right after the list."""
    count, indent, after_blank = 0, -1, False
    for line in lines:
        if not line.strip():
            after_blank = count > 0
            continue
        item = LIST_ITEM.match(line)
        if item:
            if count > 0 and len(item.group(1)) > indent:
                continue  # a sub-bullet explains an alternative; it is not another one
            if count == 0:
                indent = len(item.group(1))
            # Loose lists put blank lines between items, so a blank line only ends
            # the section when prose, not another item, follows it.
            count, after_blank = count + 1, False
            continue
        if heading_text(line) is not None:
            break
        if count == 0:
            continue  # an intro line such as "상황에 따라 이렇게 입어 보세요"
        if after_blank or not line.startswith((" ", "\t")):
            break
    return count


def offers_alternatives(answer: str, case: CaseContext) -> CheckResult:
    """The answer has an alternatives section (a heading with 대안 / 다른 코디 /
    alternative / swap ... in ``vocab.ALTERNATIVE_HEADINGS``) whose list holds 2 or 3
    top-level items. Four or more fails: the prompt asks for 2-3 one-liners and a
    longer list buries the main outfit on a phone. Alternatives written as prose do
    not count: they cannot be counted, and the prompt asks for one line each."""
    name = "offers_alternatives"
    if not case.expect_alternatives:
        return CheckResult(name, True, "alternatives not expected for this case")
    lines = answer.splitlines()
    found_heading = False
    for i, line in enumerate(lines):
        heading = heading_text(line)
        if heading is None or not _HEADING_WORDS.search(heading):
            continue
        found_heading = True
        count = _count_items(lines[i + 1 :])
        if count == 0:
            continue
        if count < 2:
            return CheckResult(name, False, f"only {count} alternative; expected 2-3")
        if count > 3:
            return CheckResult(name, False, f"{count} alternatives; expected 2-3, too many")
        return CheckResult(name, True, f"{count} alternatives")
    if found_heading:
        return CheckResult(name, False, "alternatives heading has no list items")
    return CheckResult(name, False, "no alternatives section (heading with 대안/alternative)")


_HANGUL = re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
# Citations, @handles and links are not prose; their letters say nothing about the
# language the user is being answered in.
_NOT_PROSE = re.compile(r"[\[\uff3b][^\]\uff3d]*[\]\uff3d]|@\S+|https?://\S+")


def answers_in_user_language(answer: str, case: CaseContext) -> CheckResult:
    """Korean answers: Hangul is at least 50% of Hangul + Latin letters, so brand names
    in Latin (COS, Dr. Martens) are fine. English answers: Hangul is under 2% of
    letters, so one Korean word ("한복") passes but a Korean paragraph does not.
    A Hangul syllable block counts as one letter."""
    name = "answers_in_user_language"
    prose = _NOT_PROSE.sub(" ", answer)
    hangul = len(_HANGUL.findall(prose))
    letters = hangul + len(_LATIN.findall(prose))
    if letters == 0:
        return CheckResult(name, False, "answer has no letters")
    share = hangul / letters
    if case.lang == "ko":
        passed, rule = share >= 0.5, ">= 50%"
    else:
        passed, rule = share < 0.02, "< 2%"
    return CheckResult(name, passed, f"Hangul is {share:.0%} of letters; {case.lang} needs {rule}")


def mentions_occasion(answer: str, case: CaseContext) -> CheckResult:
    """When the user named an occasion, the answer says it or one of its keywords,
    matched as words (``evals.matching``): "하객" finds "하객룩", "비" finds "비가" and
    "비 오는" but not "비율" or "준비"."""
    name = "mentions_occasion"
    if case.occasion is None:
        return CheckResult(name, True, "no occasion given")
    words = [w for w in (case.occasion, *case.occasion_keywords) if w.strip()]
    hit = terms_of(tuple(words)).search(answer)
    if hit is not None:
        return CheckResult(name, True, f"mentions {hit.term!r} ({hit.text!r})")
    return CheckResult(name, False, f"never mentions the occasion {case.occasion!r}")


def within_length(answer: str, case: CaseContext) -> CheckResult:
    """Characters, not bytes or tokens: that is what a phone screen shows."""
    name = "within_length"
    size = len(answer)
    verdict = "within" if size <= case.max_chars else "over"
    return CheckResult(name, size <= case.max_chars, f"{size} chars, {verdict} {case.max_chars}")
