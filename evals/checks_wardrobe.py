"""Checks that read the answer against the wardrobe cards.

- ``describes_items_truly``: "[6] white sneakers" when card [6] is black ankle boots.
- ``builds_from_own_items``: an outfit that is mostly ➕ lines (things to buy) is not
  built from the user's clothes; nor is a ➕ line for something the user owns.
- ``alternatives_differ``: an alternative that is the main outfit again.
"""

from __future__ import annotations

import re

from evals.answer_layout import PLUS, alternative_items, starts_look
from evals.answer_reading import CITATION, EVERYWHERE, OUTFIT, Reading
from evals.case import CaseContext, CheckResult
from evals.citation_phrases import slot_label, words_after, words_before
from evals.matching import terms_of
from evals.vocab import MATERIAL_FAMILIES
from evals.wardrobe_words import (
    categories_close,
    colour_families,
    garment_hits,
    kinds_close,
    kinds_in,
)
from storage.records import WardrobeCard

_MATERIALS = frozenset({"knit", "jeans", "fleece", "padding"})


def _card_kinds(card: WardrobeCard) -> set[str]:
    return kinds_in(card.name)


def _card_colours(card: WardrobeCard) -> set[str]:
    return colour_families(" ".join((*card.colors, card.name)))


_LONG_COAT = re.compile(r"(?i)롱\s?코트|long(?:-line)?\s+coat|overcoat|trench|트렌치")


def _materials(text: str) -> set[str]:
    return {family for family, words in MATERIAL_FAMILIES.items() if terms_of(words).search(text)}


def _contradiction(phrase: str, card: WardrobeCard) -> str | None:
    """Why ``phrase`` cannot describe ``card``, or None."""
    hits = [h for h in garment_hits(phrase) if not h.generic]
    if card.kind == "full_body":
        return "it is the full-body photo" if hits else None
    category = card.category or ""
    own = _card_kinds(card)
    # After a material word the last garment word is the head noun: "니트 머플러" is a
    # scarf, "데님 재킷" a jacket (but "셔츠 재킷으로" may be a shirt worn as a jacket).
    material = own and len(hits) > 1 and all(h.kind in _MATERIALS for h in hits[:-1])
    said = {hits[-1].kind} if material else {h.kind for h in hits}
    if said:
        fits = (
            any(kinds_close(s, o) for s in said for o in own)
            if own
            else any(categories_close(h.category, category) for h in hits)
        )
        if not fits:
            return f"the card says {card.name!r}"
    if _LONG_COAT.search(phrase) and own and not own & {"coat", "raincoat", "padding"}:
        return f"the card says {card.name!r}"  # a jacket may be a "coat" loosely, not a long one
    # A material names the item only before its noun ("leather Chelsea boots"); after
    # it, it may be another garment's ("chelsea boots - canvas sneakers soak through").
    said_made = _materials(phrase[: hits[0].end] if hits else phrase)
    made = _materials(f"{card.material} {card.name}")
    if said_made and made and not said_made & made:
        return f"the card says {card.name!r} ({card.material})"
    colours = colour_families(phrase)
    card_colours = _card_colours(card)
    if colours and card_colours and not colours & card_colours:
        return f"the card's colours are {', '.join(card.colors) or card.name}"
    return None


def describes_items_truly(answer: str, case: CaseContext) -> CheckResult:
    """Each cited number is described (by the words right after it, else right before it,
    or by the slot label of its line: "- 신발: [3]") as the kind and colour its card says.
    Loose words pass (a blazer is a jacket, cream is ivory, 신발/shoes fit any shoe); a
    different kind or a colour of no neighbouring shade fails."""
    name = "describes_items_truly"
    cards = case.cards_by_number
    problems: list[str] = []
    seen: set[tuple[int, str]] = set()
    for match in CITATION.finditer(answer):
        numbers = [int(p) for p in re.split(r"[\s,，、]+", match.group(1)) if p]
        if len(numbers) != 1 or numbers[0] not in cards:
            continue  # "[2, 3]" describes two items at once; unknown numbers: cites_existing_items
        card = cards[numbers[0]]
        phrase = words_after(answer, match.end())
        if not (kinds_in(phrase) or colour_families(phrase)):
            phrase = words_before(answer, match.start())
        reason = _contradiction(phrase, card) if phrase else None
        label = slot_label(answer, match.start())
        if reason is None and label and card.category:
            labelled = {h.category for h in garment_hits(label)}
            if labelled and not any(categories_close(c, card.category) for c in labelled):
                phrase, reason = label, f"[{card.number}] is {card.category}: {card.name!r}"
        if reason and (card.number, phrase) not in seen:
            seen.add((card.number, phrase))
            problems.append(f"[{card.number}] called {phrase!r}, but {reason}")
    if problems:
        return CheckResult(name, False, "; ".join(problems[:3]))
    return CheckResult(name, True, "every described citation matches its card")


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
            if kinds & _card_kinds(card) and colours & _card_colours(card):
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
    r"the\s+other\s+way",
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
    main_kinds = set().union(*(_card_kinds(cards[n]) for n in main if n in cards))
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
        used = frozenset(m.number for m in mentions if m.status == "used")
        kinds = frozenset(kinds_in(line.text))
        changes = (
            bool(used - main)
            or any(m.status != "used" for m in mentions)
            or line.plus
            or any(not any(kinds_close(k, m) for m in main_kinds) for k in kinds)
            or bool(_CHANGE.search(line.text))
            or any(_LEFT_OFF.search(line.text[: h.start]) for h in garment_hits(line.text))
        )
        if not changes and used and used == new:
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
