"""Checks that a cited item is described as what its card says.

- ``describes_items_truly``: "[6] white sneakers" when card [6] is black ankle boots;
  "leather" for a suede card; a long coat for a jacket.
"""

from __future__ import annotations

import re

from evals.answer_reading import CITATION
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


def card_kinds(card: WardrobeCard) -> set[str]:
    return kinds_in(card.name)


def card_colours(card: WardrobeCard) -> set[str]:
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
    own = card_kinds(card)
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
    words = garment_hits(phrase)
    # "black ribbed knit top" for a knit dress: after material words a category word is
    # the head noun, and a dress is neither a top nor a bottom.
    head = words[-1] if words and words[-1].generic else None
    if head and own and all(h.kind in _MATERIALS for h in words[:-1]) and len(words) > 1:
        if head.category != category and "dress" in {head.category, category}:
            return f"the card says {card.name!r}"
        if not categories_close(head.category, category):
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
    theirs = card_colours(card)
    if colours and theirs and not colours & theirs:
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
