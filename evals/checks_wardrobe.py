"""Checks that read the answer against the wardrobe cards.

- ``builds_from_own_items``: an outfit that is mostly ➕ lines (things to buy) is not
  built from the user's clothes; nor is a ➕ line for something the user owns.
- ``alternatives_differ``: an alternative that is the main outfit again.
"""

from __future__ import annotations

import re

from evals.answer_layout import PLUS, alternative_items, starts_look
from evals.answer_reading import EVERYWHERE, OUTFIT, Reading
from evals.case import CaseContext, CheckResult
from evals.checks_descriptions import card_colours, card_kinds
from evals.wardrobe_words import (
    colour_families,
    garment_hits,
    kinds_close,
    kinds_in,
)
from storage.records import WardrobeCard


def builds_from_own_items(answer: str, case: CaseContext) -> CheckResult:
    """With clothes in the wardrobe, the outfit's own items outnumber its ➕ lines (things
    to buy), and no ➕ line asks the user to buy a kind and colour of garment they
    already own (and the answer does not use)."""
    name = "builds_from_own_items"
    clothing = case.clothing_numbers
    if not clothing:
        return CheckResult(name, True, "no clothing photos: nothing to build from")
    reading = Reading(answer, case.cards_by_number)
    own = reading.numbers(OUTFIT) & clothing
    plus = reading.plus_lines(OUTFIT)
    # One line may list several things to buy: "➕ a skirt, ➕ a bodysuit".
    to_buy = sum(line.text.count(PLUS) for line in plus)
    if to_buy and (to_buy >= max(2, len(own)) or not own):
        return CheckResult(
            name, False, f"{to_buy} ➕ items to buy against {len(own)} own items in the outfit"
        )
    # One look of several ("- For dinner:" then three ➕ lines) may be bought whole too.
    look_own: set[int] = set()
    look_buy = 0
    for line in (ln for ln in reading.lines if ln.section == "main"):
        if starts_look(line):
            look_own, look_buy = set(), 0
        look_own |= {m.number for m in reading.mentions if line.start <= m.start < line.end}
        look_buy += line.text.count(PLUS) if line.plus else 0
        if look_buy >= 2 and look_buy > len(look_own & own):
            return CheckResult(name, False, f"a look of {look_buy} ➕ items to buy: {line.text!r}")
    cited_anywhere = reading.numbers(("main", "why", "alternatives", "other"), status=None)
    for line in plus:
        kinds, colours = kinds_in(line.text), colour_families(line.text)
        for card in case.cards:
            if card.number in cited_anywhere or card.kind != "item" or not colours:
                continue
            if kinds & card_kinds(card) and colours & card_colours(card):
                return CheckResult(
                    name,
                    False,
                    f"➕ {line.text.strip()!r} asks to buy what the user owns: "
                    f"[{card.number}] {card.name}",
                )
    return CheckResult(name, True, f"{len(own)} own items, {to_buy} ➕ to buy")


# Words that change an outfit. Adding or layering is not among them: adding what the
# outfit already has changes nothing, and a new item shows up as one anyway.
_CHANGE = re.compile(
    r"대신|바꾸|바꿔|교체|없이|빼고|빼면|벗|생략|단독|instead|swap|switch|change|replace|"
    r"without|drop|remove|take\s+off|skip|trade|on\s+its\s+own|alone|"
    # Fewer pieces or layers in another order: "[2] 후드 한 장만", "only [2] and [9]",
    # "[8]을 [7] 안쪽으로". (Packing a piece is not: "pack [8] flat" is a packing tip.)
    r"한\s?장|하나만|안쪽으로|바깥으로|맨\s?(?:위|안)|\bonly\b|by\s+itself|on\s+top\s+instead|"
    r"the\s+other\s+way|"
    # "Blazer off: blouse, trousers and pumps" (not "off-white").
    r"(?<!-)\boff\b(?!-)",
    re.IGNORECASE,
)

# "[6] with [5] and no blazer": a garment left off is a change too.
_LEFT_OFF = re.compile(
    r"(?i)\b(?:no|minus|ditch|lose|leave\s+off)\s+(?:the\s+|your\s+)?(?:\w+\s+)?$"
)

_WORD = re.compile(r"[가-힣A-Za-z]{2,}")
_ENDING = re.compile(r"(?:으로|에서|이랑|하고|에|로|을|를|와|과|이|가|은|는|도|만|랑)$")
_FILLER = frozenset(
    {"조합", "코디", "스타일", "추천", "with", "and", "the", "look", "outfit", "combo"}
)


def _said_before(line: str, outfit: str) -> bool:
    """Every word of the line (less particles and filler) is already in the outfit:
    "블레이저 + 와이드 슬랙스 + 로퍼 조합" after an outfit of exactly those words."""
    words = [_ENDING.sub("", w.casefold()) for w in _WORD.findall(line)]
    return all(w in outfit for w in words if len(w) >= 2 and w not in _FILLER)


_CORE = frozenset({"top", "bottom", "dress", "shoes"})


def _restates(used: frozenset[int], look: set[int], cards: dict[int, WardrobeCard]) -> bool:
    """``used`` is a piece of ``look`` that chooses nothing: of each kind of garment it
    takes all the look offers or none ("[3] or [6] shoes" then "[6]" is a choice)."""
    if not used or not used <= look:
        return False
    for category in {cards[n].category for n in used if n in cards}:
        offered = {n for n in look if n in cards and cards[n].category == category}
        if not offered <= used:
            return False
    return True


def _looks(reading: Reading, case: CaseContext) -> list[tuple[set[int], set[int]]]:
    """The outfit's looks, as (all its items, its core: top, bottom or dress, shoes). A
    look starts at each heading of the outfit ("**Day**") and at each line labelled with
    something other than a slot ("- Night: ...", "- 2일차: ..."); otherwise the outfit is
    one look."""
    cards = case.cards_by_number
    looks: list[tuple[set[int], set[int]]] = [(set(), set())]
    for line in reading.lines:
        if line.section != "main":
            continue
        if starts_look(line) and looks[-1][0]:
            looks.append((set(), set()))
        for mention in reading.mentions:
            if line.start <= mention.start < line.end and mention.status == "used":
                card = cards.get(mention.number)
                if card is not None and card.kind == "item" and mention.section == "main":
                    looks[-1][0].add(mention.number)
                    if card.category in _CORE:
                        looks[-1][1].add(mention.number)
    return [look for look in looks if len(look[1]) >= 2]


def _named(
    reading: Reading, line_start: int, line_end: int, cards: dict[int, WardrobeCard]
) -> set[int]:
    """The cards an alternative names in words only ("Tank and cutoffs with the linen shirt
    open", "그레이 니트 + 화이트 셔츠"): a garment word it uses that fits one card alone,
    by its kind and, when a colour is said, its colour."""
    found: set[int] = set()
    for mention in reading.garments(("alternatives",)):
        hit = mention.hit
        kind = getattr(hit, "kind", "")
        if mention.status != "used" or getattr(hit, "generic", True):
            continue
        if not line_start <= hit.start < line_end:
            continue
        said = colour_families(reading.text[max(line_start, hit.start - 16) : hit.end])
        fits = [
            c.number
            for c in cards.values()
            if c.kind == "item" and kind in card_kinds(c) and (not said or said & card_colours(c))
        ]
        if len(fits) == 1:
            found.add(fits[0])
    return found


def alternatives_differ(answer: str, case: CaseContext) -> CheckResult:
    """No alternative is a look of the outfit again: an alternative that holds a look's
    garments (top, bottom or dress, shoes), nothing from outside that look, and changes
    nothing (no ➕, no swap or drop, no other kind of garment) fails, and so do two
    identical alternatives, and two or more that only restate pieces of one look ("신발은
    [6]로 마무리"). Mixing pieces of different looks, or taking one of the outfit's two
    tops, is a new combination."""
    name = "alternatives_differ"
    reading = Reading(answer, case.cards_by_number)
    items = alternative_items(reading.lines)
    if not items:
        return CheckResult(name, True, "no alternatives list to compare")
    looks = _looks(reading, case)
    main = reading.numbers(OUTFIT)
    cards = case.cards_by_number
    main_kinds = set().union(*(card_kinds(cards[n]) for n in main if n in cards))
    # Without citations (no clothing photos yet) the outfit is its garment words.
    worded = not main and not reading.numbers(EVERYWHERE)
    if worded:
        main_kinds = {
            m.hit.kind  # type: ignore[union-attr]
            for m in reading.garments(("main",))
            if m.status == "used" and not getattr(m.hit, "generic", True)
        }
    # In a follow-up, what this answer brings in is its change; offering it again is no option.
    previous = (
        Reading(case.previous_answer or "", cards).numbers(OUTFIT)
        if case.previous_answer
        else set()
    )
    new = main - previous if previous else set()
    outfit_words = " ".join(ln.text for ln in reading.lines if ln.section == "main").casefold()
    seen: dict[tuple[frozenset[int], frozenset[str]], int] = {}
    restated: list[int] = []
    for index, line in enumerate(items, start=1):
        mentions = [m for m in reading.mentions if line.start <= m.start < line.end]
        used = by_number = frozenset(m.number for m in mentions if m.status == "used")
        named = used | _named(reading, line.start, line.end, cards)
        # Words count as a look only when they name one: two or more of its core pieces
        # ("2. 가디건을 어깨에 걸쳐" is a styling tip, not another outfit).
        if len({n for n in named if n in cards and cards[n].category in _CORE}) >= 2:
            used = named
        kinds = frozenset(kinds_in(line.text))
        changes = (
            bool(used - main)
            or any(m.status != "used" for m in mentions)
            or line.plus
            or any(not any(kinds_close(k, m) for m in main_kinds) for k in kinds)
            or bool(_CHANGE.search(line.text))
            or any(_LEFT_OFF.search(line.text[: h.start]) for h in garment_hits(line.text))
        )
        # Only citations offer the change again; its pieces named in words are a tip on
        # wearing them ("치노 밑단을 접어 부츠 위로").
        if not changes and used and used == new and used == by_number:
            return CheckResult(
                name, False, f"alternative {index} repeats the change: {sorted(used)}"
            )
        # The whole look again fails alone; its core with less around it ("오름이나
        # 올레길: [3] + [4] + [8] + [6]" without the bag) counts as one restatement, and
        # so does, in words only, a line whose every word the outfit already said.
        if not changes and worded and kinds and _said_before(line.text, outfit_words):
            restated.append(index)
        if not changes and any(used == items for items, core in looks if core <= used):
            cited = ", ".join(f"[{n}]" for n in sorted(used))
            return CheckResult(name, False, f"alternative {index} repeats the outfit: {cited}")
        if not changes and any(
            core <= used <= items or _restates(used, items, cards) for items, core in looks
        ):
            restated.append(index)
        key = (used, kinds)
        if (used or kinds) and key in seen:
            return CheckResult(
                name, False, f"alternatives {seen[key]} and {index} are the same combination"
            )
        seen[key] = index
    if len(restated) >= 2:
        listed = ", ".join(str(i) for i in restated)
        return CheckResult(name, False, f"alternatives {listed} only restate pieces of the outfit")
    return CheckResult(name, True, f"{len(items)} alternatives, each different from the outfit")
