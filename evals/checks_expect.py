"""Checks of a case's own expectations (``expect`` in the case file; see ``evals.expect``).

Each block is one check, so a run says which kind of judgement an answer missed:
``suits_occasion``, ``follows_style_notes``, ``follow_up_constraints`` and
``fits_season_weather``. A case without that block does not run the check.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from evals.answer_lists import still_used
from evals.answer_reading import EVERYWHERE, OUTFIT, Reading, Section
from evals.case import CaseContext, CheckResult
from evals.citation_phrases import slotted_in
from evals.expect import CARD_CATEGORIES, ItemRef, Rules
from evals.matching import terms_of
from evals.ruling_words import KEEP_ALL
from evals.vocab import LAYERED, SEASON_WORDS
from evals.wardrobe_words import KINDS, colour_families, garment_hits, kinds_close, kinds_in
from storage.records import WardrobeCard

_EXTRA = ("bag", "accessory")  # never "changing the outfit" on their own


def _kinds(card: WardrobeCard) -> set[str]:
    return kinds_in(card.name)


def _by_name(
    number: int, reading: Reading, case: CaseContext, sections: tuple[Section, ...], colour: bool
) -> str:
    """A used garment word that can only mean this card: its kind (and, with ``colour``,
    a colour of it), when no other card of the wardrobe fits the same words."""
    cards = case.cards_by_number
    card = cards.get(number)
    if card is None or card.kind != "item":
        return ""
    kinds = _kinds(card)
    for mention in reading.garments(sections):
        hit = mention.hit
        kind = getattr(hit, "kind", "")
        if mention.status != "used" or kind not in kinds or reading.on_plus_line(hit.start):
            continue
        phrase = reading.text[max(0, hit.start - 16) : hit.end]
        said = colour_families(phrase.split("\n")[-1])
        if colour and not said & colour_families(" ".join((*card.colors, card.name))):
            continue
        others = [
            c
            for c in cards.values()
            if c.number != number
            and c.kind == "item"
            and kind in _kinds(c)
            and (not said or said & colour_families(" ".join((*c.colors, c.name))))
        ]
        if not others:
            return repr(hit.text)
    return ""


def _present(
    ref: ItemRef,
    reading: Reading,
    case: CaseContext,
    sections: Iterable[Section],
    *,
    colour: bool = False,
) -> str:
    """Evidence that the answer recommends ``ref`` in those sections, or "". A photo
    number counts when cited, or when named so that only that card fits (see _by_name)."""
    sections = tuple(sections)
    used = reading.numbers(sections)
    cards = case.cards_by_number
    if isinstance(ref, int):
        if ref in used:
            return f"[{ref}]"
        if ref in reading.ruled_out:
            return ""  # "[5] 코트는 회사에 두고 … 코트 관리 걱정 없어요": the name is that one
        return _by_name(ref, reading, case, sections, colour)
    for number in sorted(used):
        card = cards.get(number)
        if card is None or card.kind != "item":
            continue
        if ref == card.category or (ref in KINDS and ref in _kinds(card)):
            return f"[{number}] {card.name}"
    for mention in reading.garments(sections):
        hit = mention.hit
        if mention.status != "used" or getattr(hit, "generic", False):
            continue
        kind = getattr(hit, "kind", "")
        if ref == kind or (ref in CARD_CATEGORIES and ref == getattr(hit, "category", "")):
            return repr(hit.text)
    return ""


def worn(reading: Reading) -> tuple[Section, ...]:
    """Where the outfit is: its own section when the answer has one that cites items;
    the reasons then talk about what to leave ("a heavy coat would be too warm")."""
    return ("main",) if reading.has_sections() and reading.numbers(("main",)) else OUTFIT


def _name(ref: ItemRef, case: CaseContext) -> str:
    if isinstance(ref, int):
        card = case.cards_by_number.get(ref)
        return f"[{ref}] {card.name}" if card else f"[{ref}]"
    return ref


def rule_failures(rules: Rules, reading: Reading, case: CaseContext) -> list[str]:
    problems: list[str] = []
    for group in rules.use:
        if not any(_present(ref, reading, case, (*OUTFIT, "other")) for ref in group):
            names = " or ".join(_name(ref, case) for ref in group)
            problems.append(f"the outfit leaves out {names}")
    for ref in rules.avoid:
        evidence = _present(ref, reading, case, worn(reading), colour=True)
        if evidence:
            problems.append(f"the outfit uses {evidence}, which it should not")
    for ref in rules.never:
        evidence = _present(ref, reading, case, EVERYWHERE, colour=True)
        if evidence:
            problems.append(f"recommends {evidence}, which does not belong anywhere here")
    for group in rules.say:
        if not terms_of(group).search(reading.text):
            problems.append(f"never says {' / '.join(group)}")
    if rules.dont_say:
        used = still_used(reading.text, reading.words(terms_of(rules.dont_say)))
        if used:
            problems.append(f"recommends {used[0].hit.text!r}")
    return problems


def _result(name: str, rules: Rules, problems: list[str]) -> CheckResult:
    if not problems:
        return CheckResult(name, True, "meets the case's expectations")
    why = f" ({rules.why})" if rules.why else ""
    return CheckResult(name, False, "; ".join(problems[:3]) + why)


def suits_occasion(answer: str, case: CaseContext) -> CheckResult:
    """The items and words the occasion rules in or out (``expect.occasion``)."""
    rules = case.expect.occasion
    reading = Reading(answer, case.cards_by_number)
    return _result("suits_occasion", rules, rule_failures(rules, reading, case))


def follows_style_notes(answer: str, case: CaseContext) -> CheckResult:
    """The user's style notes, as the case spells them out (``expect.style``)."""
    rules = case.expect.style
    reading = Reading(answer, case.cards_by_number)
    return _result("follows_style_notes", rules, rule_failures(rules, reading, case))


def _follow_up_failures(rules: Rules, reading: Reading, case: CaseContext) -> list[str]:
    cards = case.cards_by_number
    outfit = reading.numbers(OUTFIT)
    present = outfit | reading.numbers(OUTFIT, status="reference")
    dropped = {
        m.number for m in reading.mentions if m.section in OUTFIT and m.status == "ruled_out"
    }
    previous = Reading(case.previous_answer or "", cards).numbers(OUTFIT)
    keeps_all = bool(KEEP_ALL.search(reading.text))
    said_kinds = {
        m.hit.kind  # type: ignore[union-attr]
        for m in reading.garments(OUTFIT)
        if m.status == "used" and not getattr(m.hit, "generic", False)
    }
    problems: list[str] = []
    for number in rules.keep:
        card = cards[number]
        if number in dropped and number not in outfit:
            problems.append(f"drops {_name(number, case)}, which should stay")
            continue
        # Another item of its category, or any item (a kept one too) on its slot's line.
        slotted = slotted_in(reading, card.category or "") - {number}
        rivals = [
            n
            for n in outfit
            if n in slotted
            or (
                n != number
                and n not in rules.keep
                and getattr(cards.get(n), "category", "") == card.category
            )
        ]
        named = any(kinds_close(k, own) for k in said_kinds for own in _kinds(card))
        if rivals and number not in present and not named and not keeps_all:
            problems.append(
                f"puts [{rivals[0]}] in place of {_name(number, case)}, which should stay"
            )
    for number in rules.replace:
        if number in outfit:
            problems.append(f"keeps {_name(number, case)}, which should change")
    if rules.only_change:
        allowed = set(rules.only_change) | set(_EXTRA)
        kept = previous | set(rules.keep)
        kept_kinds = set().union(*(_kinds(cards[n]) for n in kept if n in cards))
        for number in sorted(outfit - kept):
            new = cards.get(number)
            if new is not None and new.kind == "item" and new.category not in allowed:
                problems.append(f"also changes the {new.category}: [{number}] {new.name}")
        for mention in reading.garments(OUTFIT):
            hit = mention.hit
            if mention.status != "used" or getattr(hit, "generic", False):
                continue
            kind, category = getattr(hit, "kind", ""), getattr(hit, "category", "")
            if category not in allowed and not any(kinds_close(kind, k) for k in kept_kinds):
                problems.append(f"also changes the {category}: {hit.text!r}")
                break
        # Something to buy (➕) for a slot that was to stay is a change, whatever its kind.
        for line in reading.plus_lines(OUTFIT):
            outside = {h.category for h in garment_hits(line.text) if not h.generic} - allowed
            if outside:
                problems.append(f"also changes the {sorted(outside)[0]}: {line.text.strip()!r}")
                break
    return problems + rule_failures(rules, reading, case)


def follow_up_constraints(answer: str, case: CaseContext) -> CheckResult:
    """A follow-up changes what was asked and keeps the rest (``expect.follow_up``):
    ``keep`` items are not dropped or replaced by another item of their category (unless
    the answer says the rest stays), ``replace`` items leave the outfit, and with
    ``only_change`` no item or garment outside those categories comes in."""
    rules = case.expect.follow_up
    reading = Reading(answer, case.cards_by_number)
    return _result("follow_up_constraints", rules, _follow_up_failures(rules, reading, case))


def _seasons(card: WardrobeCard) -> set[str]:
    words = set(re.findall(r"spring|summer|fall|autumn|winter|all", card.season.lower()))
    return {"fall" if w == "autumn" else w for w in words}


_SUMMER_ONLY = ("sandals", "shorts", "tank")
_WINTER_ONLY = ("coat", "padding", "fleece", "scarf")


def _used_words(reading: Reading, key: str, sections: Iterable[Section]) -> str:
    for mention in reading.words(terms_of(SEASON_WORDS[key]), sections):
        start = mention.hit.start
        line = reading.text[reading.text.rfind("\n", 0, start) + 1 :].split("\n", 1)[0]
        # A tee or a linen shirt under a knit is a base layer in the cold.
        if mention.status == "used" and not (key == "summer_clothes" and LAYERED.search(line)):
            return mention.hit.text
    return ""


def _weather_failures(rules: Rules, reading: Reading, case: CaseContext) -> list[str]:
    problems: list[str] = []
    outfit = [
        case.cards_by_number[n]
        for n in sorted(reading.numbers(OUTFIT))
        if n in case.cards_by_number
    ]
    if rules.cold:
        for card in outfit:
            if card.kind == "item" and _seasons(card) and _seasons(card) <= {"summer"}:
                problems.append(f"[{card.number}] {card.name} is a summer piece")
        for kind in _SUMMER_ONLY:
            if _present(kind, reading, case, worn(reading)):
                problems.append(f"{kind} in the cold")
        for key in ("summer_clothes", "hot_weather"):
            word = _used_words(reading, key, worn(reading))
            if word:
                problems.append(f"{word!r} in the cold")
    if rules.hot:
        for card in outfit:
            if card.kind == "item" and _seasons(card) and _seasons(card) <= {"fall", "winter"}:
                problems.append(f"[{card.number}] {card.name} is a cold-weather piece")
        for kind in _WINTER_ONLY:
            if _present(kind, reading, case, worn(reading)):
                problems.append(f"{kind} in the heat")
        for key in ("winter_clothes", "cold_weather"):
            word = _used_words(reading, key, worn(reading))
            if word:
                problems.append(f"{word!r} in the heat")
    if rules.rain:
        for card in outfit:
            material = f"{card.material} {card.name}".lower()
            if re.search(r"suede|canvas|스웨이드|캔버스", material):
                problems.append(f"[{card.number}] {card.name} soaks up rain")
        word = _used_words(reading, "rain_soaks", OUTFIT)
        if word:
            problems.append(f"{word!r} in the rain")
    return list(dict.fromkeys(problems)) + rule_failures(rules, reading, case)


def fits_season_weather(answer: str, case: CaseContext) -> CheckResult:
    """The season and weather the case states (``expect.weather``): the temperature range
    rules out summer pieces in the cold and winter pieces in the heat (by the cards'
    seasons and by name), and rain rules out suede and canvas."""
    rules = case.expect.weather
    reading = Reading(answer, case.cards_by_number)
    return _result("fits_season_weather", rules, _weather_failures(rules, reading, case))
