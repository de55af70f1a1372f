"""Good answers in English as chatty and concise models write them (slot labels, what to
skip and why, weather, hedges, optional extras), written by hand for the fourth tuning
round; each must pass every content check of its case. None is a labelled answer."""

from __future__ import annotations

import pytest

from tests.chatty_kit import content_failures

GOOD = [
    (
        "beach_trip_en",
        """A long August weekend by the sea - lovely! Here's how I'd pack.

**Day (beach)**
- Top: [8] navy ribbed tank top or [2] white linen shirt as a cover-up
- Bottom: [4] denim cutoff shorts
- Shoes: [5] tan leather sandals
- Bag: [7] straw tote

**Night (seafood shack)**
- [3] striped cotton sundress with [6] white canvas sneakers

**Why it works**
- Everything is light cotton and linen for the heat; no heels or boots, they're hopeless on sand.
- If the evening breeze picks up, throw [2] over the sundress.

**Alternatives**
1. [2] linen shirt, [4] shorts and [6] sneakers for a casual dinner.""",
    ),
    (
        "beach_trip_en",
        """**Outfit**
- [3] striped cotton sundress, [5] tan leather sandals, [7] straw tote by day
- [2] white linen shirt + [4] cutoffs + [6] sneakers at night

**Why it works**
- It's hot in August, so breathable fabrics only. Leave any boots and heels at home: sand and a wooden shack floor aren't made for them.

**Alternatives**
1. [8] navy tank with [4] cutoffs for a full beach day.""",
    ),
    (
        "beach_trip_en",
        """Sun by day, shack by night:

- Day: [8] tank + [4] cutoffs + [5] sandals, [7] tote
- Night: [3] sundress + [6] sneakers, [2] shirt over it if it's breezy

No heels (sand) and no boots (August heat).

**Alternatives**
1. [2] linen shirt knotted over [3] for a different day look.""",
    ),
    (
        "beach_trip_en",
        """Packing list for the weekend:

**Beach days**
- [8] navy ribbed tank or [2] white linen shirt
- [4] denim cutoff shorts
- [5] tan leather sandals
- [7] straw tote for towels and sunscreen

**Dinner at the shack**
- [3] striped sundress
- [6] white canvas sneakers (comfier than sandals on the walk back)

Heels? Not on sand. Boots would be boiling in August.

**Alternatives**
1. [2] shirt over [3] as a light cover-up at night.""",
    ),
    (
        "body_only_city_break_en",
        """Paris for a weekend - how fun! From your photo, you're tall with long legs and a balanced frame, so straight and wide-leg trousers, a longer coat and low boots would all sit well.

Could you send photos of the clothes you're thinking of packing? Then I can build actual outfits from them.""",
    ),
    (
        "body_worry_en",
        """An office party at a wine bar - fun! Let's focus on proportion and colour.

**Outfit**
- Top: [3] burgundy satin blouse, tucked
- Bottom: [2] black wide-leg trousers
- Outer: [7] camel structured blazer
- Shoes: [5] black block-heel pumps

**Why it works**
- A high waist on the wide leg gives a long, unbroken line, and the blazer's shoulders balance it.
- Burgundy and camel are warm and festive for the evening.

**Alternatives**
1. [4] black A-line midi skirt in place of [2], same blazer and pumps.""",
    ),
    (
        "body_worry_en",
        """**Outfit**
- [7] camel structured blazer
- [3] burgundy satin blouse
- [4] black A-line midi skirt
- [5] black block-heel pumps

**Why it works**
- The A-line falls from the waist in one smooth line, and the blazer's shoulders give the top half structure, so the whole look is balanced.
- Burgundy satin feels festive for a wine bar; block heels keep you steady all evening.

**Alternatives**
1. [2] wide-leg trousers instead of [4], with [6] white sneakers if it's casual.""",
    ),
    (
        "conference_talk_en",
        """Exciting - 30 minutes on stage!

**Outfit**
- Top: [2] navy knit polo (its placket gives the lavalier mic somewhere to clip)
- Layer: [6] grey unstructured blazer - the lapel is the best spot for the mic
- Bottom: [4] olive chinos
- Shoes: [7] white leather sneakers

**Why it works**
- Stage lights flatten black, so navy and grey read better on camera.
- I'd leave [8] desert boots for another day: brown suede next to olive gets muddy under the lights.

**Alternatives**
1. [3] black t-shirt with [5] black slim jeans and [6] blazer; clip the mic to the lapel.""",
    ),
    (
        "conference_talk_en",
        """- Top: [3] black crew-neck t-shirt
- Layer: [6] grey unstructured blazer (clip the lavalier mic to its lapel)
- Bottom: [5] black slim jeans
- Shoes: [7] white leather sneakers

A tee alone gives the mic nowhere to sit, so keep the blazer on while you speak.

**Alternatives**
1. [2] navy knit polo with [4] olive chinos - clip the mic to the placket.""",
    ),
    (
        "conference_talk_en",
        """**Outfit**
- [2] navy knit polo
- [4] olive chinos
- [7] white leather sneakers
- [6] grey unstructured blazer

**Why it works**
- The polo's collar and the blazer lapel both give the mic a clip point.
- A plain black tee with nothing to clip onto is harder for the sound tech.
- Suede desert boots are fine, but white sneakers look crisper on a bright stage.

**Alternatives**
1. [3] black tee + [5] jeans + [6] blazer, mic on the lapel.""",
    ),
    (
        "date_night_en",
        """Simple and sharp for a second date:

- Top: [2] black fine-knit turtleneck
- Bottom: [3] grey wool trousers
- Shoes: [6] black leather derbies
- Coat: [5] camel overcoat

I'd leave [8] at home - a red logo hoodie fights the minimal look - and keep [7] sneakers for daytime.

**Alternatives**
1. [4] black straight jeans instead of [3] for a more relaxed bar.""",
    ),
    (
        "date_night_en",
        """**Outfit**
- [2] turtleneck, [4] black jeans, [6] derbies, [5] camel overcoat

**Why it works**
- All solid, no logos or loud prints: clean and grown-up.
- If the restaurant is dressy, trousers ([3]) are a notch smarter than jeans.

**Alternatives**
1. [3] grey wool trousers with [2] and [6].""",
    ),
    (
        "date_night_en",
        """Keep it simple, as you said:

**Outfit**
- [2] black fine-knit turtleneck
- [4] black straight jeans
- [6] black leather derbies
- [5] camel overcoat

**Why it works**
- One dark base plus a camel coat: clean, no logos, no loud colour.
- The [8] red logo hoodie is great for weekends, not for a second date.

**Alternatives**
1. [3] grey wool trousers for a dressier cocktail bar.""",
    ),
    (
        "dinner_party_cold_followup_en",
        """At 2°C I'd keep the base and add warmth:

- Keep [2] light blue oxford shirt and [3] navy wool trousers.
- Add [4] grey merino sweater over the shirt.
- Swap [5] loafers → [6] brown leather boots (warmer, and fine on a cold pavement).
- Add [7] charcoal overcoat and [8] grey wool scarf for the walk there.

Everything else stays the same.""",
    ),
    (
        "dinner_party_cold_followup_en",
        """Brr! Small changes only:
- Outer: [7] charcoal wool overcoat
- Layer: [4] merino crew-neck over [2]
- Shoes: [6] boots instead of the loafers - thin loafers would be freezing
- Optional: [8] scarf
The shirt and [3] trousers stay.""",
    ),
    (
        "first_day_work_en",
        """Congrats on the new job!

**Outfit**
- Top: [2] cream silk blouse
- Bottom: [3] black wide-leg trousers
- Outer: [7] beige linen blazer (you can take it off once you see how casual it is)
- Shoes: [5] black leather loafers
- Bag: [8] tan leather tote

**Why it works**
- Polished but relaxed; loafers keep you in flats all day.
- No heels, as you asked - and you won't need them at a design agency.

**Alternatives**
1. [4] sage pleated midi skirt with [2] and [6] white sneakers for a softer day-one look.""",
    ),
    (
        "first_day_work_en",
        """**Outfit**
- [2] cream silk blouse + [4] sage pleated midi skirt
- [5] black leather loafers (flat and polished)
- [7] beige linen blazer, [8] tan tote

**Why it works**
- It's a casual agency, so the blazer is optional; take it off if everyone's in tees.
- Heels would feel overdressed there, and you wanted flats anyway.

**Alternatives**
1. [3] black wide-leg trousers with [2] and [6] white sneakers.""",
    ),
    (
        "beach_trip_en",
        """**Day**
- [8] navy ribbed tank, [4] cutoffs, [5] sandals, [7] straw tote

**Night**
- [3] striped sundress with [6] white canvas sneakers

**Alternatives**
1. The sundress with the sandals for a daytime market.
2. Linen shirt over the tank, with the cutoffs and the sneakers for a boardwalk walk.""",
    ),
    (
        "interview_en",
        """**Outfit**
- [2] navy blazer, [4] light blue oxford shirt, [5] charcoal trousers, [8] chelsea boots

**Alternatives**
1. White tee under the blazer with the dark jeans and white sneakers.
2. The oxford shirt with jeans and the boots, no blazer.""",
    ),
]


@pytest.mark.parametrize(("case_id", "answer"), GOOD)
def test_a_chatty_english_answer_passes(case_id: str, answer: str) -> None:
    assert content_failures(case_id, answer) == []
