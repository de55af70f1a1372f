"""Good answers in English as chatty and concise models write them (slot labels, what to
skip and why, weather, hedges, optional extras), written by hand for the fourth tuning
round; each must pass every content check of its case. None is a labelled answer."""

from __future__ import annotations

import pytest

from tests.chatty_kit import content_failures

GOOD = [
    (
        "funeral_en",
        """I'm very sorry about your grandfather.

**Outfit**
- Outer: [2] black wool overcoat
- Jacket + trousers: [3] charcoal suit jacket, [4] charcoal suit trousers
- Shirt: [5] white dress shirt
- Shoes: [7] black leather oxfords
➕ Plain black tie

**Why it works**
- Charcoal, white and black keep everything quiet and respectful.
- I'd leave the [9] navy patterned tie and the [8] brown suede loafers out: the pattern is a little loud and suede looks casual and spots on wet grass.
- If it's colder than forecast, a thin layer under the shirt helps at the graveside.

**Alternatives**
1. [6] black merino sweater over [5] under the jacket, for extra warmth outside.""",
    ),
    (
        "funeral_en",
        """So sorry for your loss. Keep it dark, plain and warm.

- [3] + [4] charcoal suit with [5] white shirt
- [7] black oxfords (leather handles damp ground; suede doesn't)
- [2] black overcoat for the burial
➕ plain black or dark grey tie

Not this time: [9] (patterned) and [8] (brown suede). Nothing bright or colourful needed.

**Alternatives**
1. Swap [5] for [6] black merino sweater if the service is informal.""",
    ),
    (
        "funeral_en",
        """I'm sorry for your loss. Here's a respectful, warm option.

**Outfit**
- Coat: [2] black wool overcoat
- Suit: [3] + [4] charcoal
- Shirt: [5] white dress shirt
- Shoes: [7] black leather oxfords
➕ Black tie (plain, no pattern)

**Why it works**
- Charcoal and black are sober and right for a church service.
- Your [9] tie has a pattern, which can feel a little festive, so a plain black tie is the safer choice.
- Brown suede ([8]) reads casual and marks easily on wet grass - oxfords it is.
- If the burial runs long, gloves and a scarf in black or grey won't hurt.

**Alternatives**
1. [6] black merino sweater in place of the shirt and tie, under the jacket.""",
    ),
    (
        "funeral_en",
        """Very sorry to hear that.

**Outfit**
- [3] charcoal suit jacket with [4] trousers, [5] white shirt, [7] oxfords, [2] overcoat.

**What to leave at home**
- [8] brown suede loafers
- [9] navy patterned tie
- anything bright or colourful

**Alternatives**
1. [6] sweater under [3] if it's really cold.""",
    ),
    (
        "gym_to_dinner_en",
        """One small bag - totally doable.

**At spin**
- [2] black leggings, [3] grey cropped hoodie, [5] white sneakers

**For dinner**
- Change into [6] black ribbed knit midi dress (it rolls up small in [8])
- Swap the sneakers for [7] black ankle boots if you can fit them; otherwise keep [5] - sneakers with a knit dress look deliberate.

**Why it works**
- The knit dress doesn't crease, so it survives a gym locker.

**Alternatives**
1. Keep [2] leggings and throw [4] black oversized blazer over a fresh top, with [7] boots.""",
    ),
    (
        "gym_to_dinner_en",
        """Pack [6] knit midi dress and [7] ankle boots in [8] crossbody... actually the boots won't fit a small bag, so wear them there and change into [5] sneakers for spin.

**After class**
- [6] black ribbed knit midi dress
- [7] black ankle boots
- [4] black oversized blazer if it's cool

Leave [3] hoodie and [2] leggings rolled in the bag.

**Alternatives**
1. [2] leggings + [4] blazer + [7] boots.""",
    ),
    (
        "gym_to_dinner_en",
        """**Outfit**
- Spin: [2] leggings, [3] cropped hoodie, [5] sneakers
- Dinner: [6] black ribbed knit midi dress + [4] black oversized blazer + [5] sneakers
- Bag: [8] black crossbody with the dress rolled inside

**Why it works**
- Only one pair of shoes to carry: white sneakers with a knit midi dress look intentional.
- If you'd rather wear boots, [7] ankle boots are smarter but heavier to pack.

**Alternatives**
1. Keep [2] leggings, [4] blazer over a clean tee, [7] boots.""",
    ),
    (
        "interview_en",
        """Nice, good luck on Thursday!

**Outfit**
- Outer: [2] navy unstructured blazer
- Top: [4] light blue oxford shirt, top button open - no tie needed at a startup
- Bottom: [5] charcoal wool trousers
- Shoes: [8] black chelsea boots

**Why it works**
- Smart, but not stiff: startups read a full suit and tie as a bit too formal.
- I wouldn't wear [7] the white sneakers with trousers this dressy; save them for the jeans version.

**Alternatives**
1. [3] white crew-neck tee under [2] with [6] dark indigo jeans and [7] sneakers, if the team is very casual.""",
    ),
    (
        "interview_en",
        """- [4] oxford shirt + [6] dark indigo jeans + [2] blazer + [8] boots.
- Skip a tie; it reads corporate for a design role.

**Alternatives**
1. [3] t-shirt instead of [4], [5] trousers instead of [6].""",
    ),
    (
        "interview_en",
        """Good luck!

**Outfit**
- [2] navy unstructured blazer
- [3] white crew-neck t-shirt
- [6] dark indigo jeans
- [7] white leather sneakers

**Why it works**
- Startup designers usually dress down, so this looks current rather than corporate.
- Ties are rarely seen at startups; I'd leave it off.
- If the office is more formal than you expect, [4] oxford shirt and [5] trousers are a notch up.

**Alternatives**
1. [4] oxford shirt with [5] charcoal trousers and [8] chelsea boots.""",
    ),
    (
        "rainy_weekend_followup_en",
        """Rain all day - a few changes keep you dry:

- Outer: [8] navy hooded raincoat instead of [7] (denim soaks through and stays heavy)
- Shoes: [6] black leather chelsea boots instead of [5] canvas sneakers
- Keep [2] oatmeal sweater and [3] dark wash jeans.

If it's only drizzle, you could still wear [7] under the raincoat. Bring an umbrella for the market stalls.""",
    ),
    (
        "rainy_weekend_followup_en",
        """**If it rains**
- Top: [2] oatmeal sweater (same)
- Bottom: [3] dark wash jeans (same - dark denim hides splashes)
- Outer: [8] raincoat
- Shoes: [6] chelsea boots

Leave the canvas sneakers [5] at home today; they get soaked in minutes.""",
    ),
    (
        "wedding_evening_en",
        """What a lovely invite! For a June garden wedding at cocktail level:

**Outfit**
- Dress: [2] emerald satin slip midi dress
- Shoes: [5] nude block heels - stilettos would sink into the lawn
- Bag: [7] black beaded clutch
- Later: [4] cropped cream tweed jacket if the evening turns cool

**Why it works**
- Emerald is festive and photographs beautifully at dusk.
- I'd skip [8] the white lace dress: white is the bride's colour, even at an evening party.
- June evenings are mild, so no need for tights or a heavy coat.

**Alternatives**
1. [3] black wrap dress with [6] gold strappy sandals, if the ceremony is on a terrace.""",
    ),
    (
        "wedding_evening_en",
        """Go [3] black wrap dress, [6] gold strappy sandals and [7] clutch. Keep [4] in your hand for after sunset.

White ([8]) is off the table for a guest. Stilettos and a lawn don't mix either, so pick the flat-soled sandals or [5] block heels.

**Alternatives**
1. [2] emerald slip dress with [5] nude block heels for more colour.""",
    ),
    (
        "wedding_evening_en",
        """**Outfit**
- [2] emerald satin slip midi dress
- [5] nude block heels
- [7] black beaded clutch
➕ a light pashmina, optional, if the garden gets breezy

**Why it works**
- Cocktail length, a jewel colour and heels that stay on top of the grass.
- The white lace dress [8] is lovely, but it belongs to another occasion: white is for the bride.

**Alternatives**
1. [3] black wrap dress + [6] gold sandals + [4] jacket.""",
    ),
    (
        "wedding_evening_en",
        """For a cocktail garden wedding in June:

- Wear: [2] emerald satin slip midi dress
- Shoes: [5] nude block heels, since thin heels will dig into the grass
- Bag: [7] black beaded clutch
- Just in case: [4] cropped cream tweed jacket for when the sun sets

A couple of things I'd avoid: the white lace dress (too close to bridal) and stilettos (the lawn).

**Alternatives**
1. [3] black wrap dress with [6] gold strappy sandals.""",
    ),
]


@pytest.mark.parametrize(("case_id", "answer"), GOOD)
def test_a_chatty_english_answer_passes(case_id: str, answer: str) -> None:
    assert content_failures(case_id, answer) == []
