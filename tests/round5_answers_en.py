"""English answers for tests/test_eval_precision_round5.py: (a) a local open-weights
model's plain, wordy style with extra tips and caveats; (b) a commercial model's
markdown, with what it left out and why, optional swaps and a closing question."""

from __future__ import annotations

GOOD_EN: list[tuple[str, str]] = [
    (
        "funeral_en",
        """I'm very sorry about your grandfather. Here is a respectful outfit for the funeral.

**Outfit**
- Jacket and trousers: [3] charcoal suit jacket with [4] charcoal suit trousers
- Shirt: [5] white dress shirt
- Coat: [2] black wool overcoat for the burial outside
- Shoes: [7] black leather oxfords
➕ A plain black tie (your [9] tie is patterned, which is a bit much for a funeral)

**Why it works**
- Charcoal and black are quiet and formal, which is what a church service calls for.
- The overcoat matters here: you will be standing outside in the cold for a while.
- Leather oxfords cope with damp grass at the graveside.

**Some extra tips**
- Polish the oxfords the night before.
- Bring a pair of dark gloves if you have them; your hands get cold standing still.

**Alternatives**
1. Wear [6] black merino sweater under [3] if the church is unheated.
2. Swap [5] for [6] on its own under [2] if you prefer no shirt collar.

Please take care of yourself on Monday.""",
    ),
    (
        "funeral_en",
        """I'm so sorry for your loss. Here's a calm, appropriate look for Monday.

### The look
- **Suit:** [3] + [4], the charcoal suit
- **Shirt:** [5] white dress shirt
- **Shoes:** [7] black leather oxfords
- **Outer:** [2] black wool overcoat

### What I left out, and why
- **[8] brown suede loafers**: brown suede reads casual, and wet grass would mark them.
- **[9] navy patterned tie**: a pattern draws the eye; a plain dark tie is the safer choice.

### Optional swaps
- Add [6] black merino sweater under the jacket for the graveside.
- [6] in place of [5], under [3], if you'd rather skip the shirt and tie.

Would you like a suggestion for a simple black tie to pick up before Monday?""",
    ),
    (
        "wedding_evening_en",
        """Congratulations to the couple! For an evening garden wedding in June with a cocktail dress code, here is what I would wear.

**Outfit**
- Dress: [2] emerald satin slip midi dress
- Shoes: [5] nude block heels
- Bag: [7] black beaded clutch
- Layer: [4] cropped cream tweed jacket, only if it gets breezy later

**Why it works**
- Emerald is festive and photographs well in evening light.
- Block heels stay steady on a lawn, which thin heels do not.
- The beaded clutch adds a bit of sparkle without being too much.

**A few extra tips**
- Bring blister plasters; dancing on grass is hard on feet.
- Check the invitation once more for the dress code.

**Alternatives**
1. [3] black wrap dress with [5] and [7] for a sleeker look.
2. [3] with [6] gold strappy sandals if the reception is on a terrace.

I left out [8] white lace midi dress, because white is the bride's colour.""",
    ),
    (
        "wedding_evening_en",
        """## Garden wedding, cocktail attire 🌿

**The outfit**
- **Dress:** [2] emerald satin slip midi dress
- **Shoes:** [5] nude block heels, steady on grass
- **Bag:** [7] black beaded clutch

**Left out on purpose**
- [8] white lace midi dress: white belongs to the bride, so it stays home.
- [6] gold strappy sandals: pretty, but thin straps and heels sink into a lawn.

**Optional swaps**
- [3] black wrap dress in place of [2] for a darker palette.
- Add [4] cropped cream tweed jacket over the shoulders once the sun goes down.

Shall I suggest jewellery that goes with the emerald?""",
    ),
    (
        "interview_en",
        """Good luck with the interview! For a product designer role at a tech startup, smart casual is usually the right level, so you look put together without looking like you are going to a bank.

**Outfit**
- Top: [4] light blue oxford shirt
- Outer: [2] navy unstructured blazer
- Bottom: [6] dark indigo jeans
- Shoes: [8] black chelsea boots

**Why it works**
- The blazer and oxford shirt look polished, and the jeans keep it relaxed.
- A long torso and straight shoulders carry an unstructured blazer well.
- Light blue and navy suit cool, fair skin and light brown hair.

**Extra tips**
- Iron the shirt the evening before.
- Bring a printed copy of your portfolio, just in case.
- No tie needed at a startup.

**Alternatives**
1. [3] white crew-neck t-shirt under [2] with [6] and [7] white leather sneakers for a very casual team.
2. [4] with [5] charcoal wool trousers and [8] for a more formal company.""",
    ),
    (
        "interview_en",
        """### Startup interview: smart casual 💼

**The look**
- **Top:** [3] white crew-neck t-shirt
- **Layer:** [2] navy unstructured blazer
- **Bottom:** [5] charcoal wool trousers
- **Shoes:** [7] white leather sneakers

**Why this works**
- A blazer over a clean tee is the classic designer-interview uniform: considered, not corporate.
- Charcoal trousers lift the sneakers so the whole thing still reads polished.

**What I'd skip**
- A tie: at a tech startup it can look out of touch with the team.

**Optional swaps**
- [4] light blue oxford shirt instead of [3] if the company looks more formal on its site.
- [8] black chelsea boots in place of [7] for a sharper finish.

Want me to put together a second outfit in case there's a follow-up round?""",
    ),
    (
        "date_night_en",
        """Here is a simple outfit for dinner and cocktails on your second date. Since you like things minimal, I kept everything plain.

**Outfit**
- Top: [2] black fine-knit turtleneck
- Bottom: [3] grey wool trousers
- Shoes: [6] black leather derbies
- Outer: [5] camel overcoat, if it is chilly between places

**Why it works**
- The turtleneck and trousers make one long, clean line that suits long legs.
- Black, grey and camel are easy with neutral, medium skin and black hair.

**Extra tips**
- A watch is enough jewellery.
- Check the shoes are clean; people notice.

**Alternatives**
1. [4] black straight jeans instead of [3] if the bar is more relaxed.
2. [2] with [4] and [7] white sneakers for a casual dinner.

I left the [8] red logo hoodie out because of the no-logo note.""",
    ),
    (
        "date_night_en",
        """**Second date, kept simple** 🍸

### The outfit
- **Top:** [2] black fine-knit turtleneck
- **Bottom:** [4] black straight jeans
- **Shoes:** [6] black leather derbies
- **Coat:** [5] camel overcoat

### Why it works
- All-black with a camel coat is minimal but clearly thought through.
- Broad shoulders look sharp in a fine knit; nothing bulky needed.

### What I left out
- **[8] red logo hoodie**: it's the only piece with a logo, and your notes say no logos.

### Optional swaps
- [3] grey wool trousers in place of [4] for a dressier restaurant.
- [7] white sneakers instead of [6] if you'll be walking a lot.

Would you like a version for a warmer evening too?""",
    ),
    (
        "dinner_party_cold_followup_en",
        """At 2°C it's worth adding warmth and changing the shoes. Keep the shirt and trousers.

**Outfit**
- Top: [2] light blue oxford shirt, same as before
- Bottom: [3] navy wool trousers, same as before
- Layer: [4] grey merino crew-neck sweater over the shirt
- Coat: [7] charcoal wool overcoat
- Shoes: [6] brown leather boots instead of [5] loafers
- Scarf: [8] grey wool scarf

**Why it works**
- Merino and wool keep you warm outdoors and are easy to take off inside.
- Boots keep your ankles warm; loafers leave them bare.

**Tips**
- Hang the coat by the door when you arrive.

**Alternatives**
1. Leave [4] off and wear [2] under [7] if the flat is very warm.
2. Skip [8] if you're driving door to door.""",
    ),
    (
        "dinner_party_cold_followup_en",
        """### Updated for 2°C ❄️

**What stays:** [2] light blue oxford shirt and [3] navy wool trousers.

**What changes**
- **Shoes:** [6] brown leather boots replace [5] loafers
- **Coat:** add [7] charcoal wool overcoat
- **Extras:** [8] grey wool scarf, and [4] grey merino sweater over the shirt

**Why**
- Cold air goes straight to bare ankles, so the boots do the most work.
- The overcoat is long enough to keep you warm walking from the car.

**Optional**
- Drop [4] if the host keeps the heating high.

Shall I check the colours with a different scarf?""",
    ),
    (
        "rainy_weekend_followup_en",
        """If it rains all day, I would change the jacket and the shoes and keep the rest.

**Outfit**
- Top: [2] oatmeal crew-neck sweater (same)
- Bottom: [3] dark wash jeans (same)
- Outer: [8] navy hooded raincoat instead of [7] denim jacket
- Shoes: [6] black leather chelsea boots instead of [5] white canvas sneakers

**Why it works**
- The raincoat has a hood, so you can skip the umbrella at the market.
- Canvas sneakers would be soaked in an hour; leather boots handle puddles.
- Dark denim doesn't show splashes.

**Extra tips**
- Spray the boots with a water repellent tonight.
- Pack a spare pair of socks.

**Alternatives**
1. [4] light wash jeans with [6], if you don't mind a few splash marks.
2. Carry a small umbrella as well if the wind is low.""",
    ),
    (
        "rainy_weekend_followup_en",
        """## Rain all day: two swaps ☔

**Keep:** [2] oatmeal crew-neck sweater and [3] dark wash jeans.

**Swap**
- **Outer:** [7] denim jacket → [8] navy hooded raincoat
- **Shoes:** [5] white canvas sneakers → [6] black leather chelsea boots

**Why**
- Denim soaks up water and gets heavy; the raincoat keeps the sweater dry.
- Canvas lets water straight through, while leather boots keep your feet dry.

**Optional**
- Turn up the hem of the jeans so it stays clear of wet pavement.

Want tips for drying the boots afterwards?""",
    ),
    (
        "beach_trip_en",
        """A long beach weekend in August sounds lovely! Here is what I would pack.

**By day (beach)**
- Dress: [3] striped cotton sundress
- Shoes: [5] tan leather sandals
- Bag: [7] straw tote bag
➕ A swimsuit to wear under the dress

**At night (seafood shack)**
- Top: [2] white linen shirt
- Bottom: [4] denim cutoff shorts
- Shoes: [6] white canvas sneakers

**Why it works**
- Cotton and linen breathe in the heat and dry fast.
- Long legs look great in a sundress and cutoffs.
- Warm, tanned skin and dark blonde hair glow in white and stripes.

**Extra tips**
- Bring sunscreen and a hat; the August sun is strong.
- Heels or boots will only sink into sand, so leave them at home.

**Alternatives**
1. [8] navy ribbed tank top with [4] and [5] for a second beach day.
2. [2] shirt open over [3] as a cover-up.""",
    ),
    (
        "beach_trip_en",
        """### Beach weekend packing list 🏖️

**Day: sand and sea**
- [8] navy ribbed tank top + [4] denim cutoff shorts
- [5] tan leather sandals
- [7] straw tote bag
➕ Swimsuit

**Night: the seafood shack**
- [3] striped cotton sundress
- [6] white canvas sneakers
- [2] white linen shirt over the shoulders

**What I left out**
- Anything with a heel or a boot: it sinks into sand and is too warm for August.

**Optional swaps**
- [2] + [4] + [5] for a breezy second evening.
- [8] tank under [2] worn open, with [4] and [6], for a walk on the boardwalk.

Would you like a list of small extras, like a hat and sunglasses?""",
    ),
    (
        "conference_talk_en",
        """Congratulations on the talk! On stage with a lavalier mic you need a collar or lapel to clip it to, and a place for the pack.

**Outfit**
- Top: [2] navy knit polo
- Outer: [6] grey unstructured blazer
- Bottom: [4] olive chinos
- Shoes: [8] brown suede desert boots

**Why it works**
- The polo collar and the blazer lapel are both good clip points for the mic.
- An unstructured blazer sits softly on slightly sloped shoulders.
- Navy and grey suit cool, fair skin and dark hair under stage lights.

**Extra tips**
- Wear a belt or use a back pocket for the mic pack.
- Avoid fine stripes; they can flicker on camera.

**Alternatives**
1. [3] black crew-neck t-shirt under [6] with [5] black slim jeans and [7] white leather sneakers.
2. [2] with [5] and [8], without the blazer, for a relaxed track.""",
    ),
    (
        "conference_talk_en",
        """## Conference talk: clip-friendly and calm 🎤

**The look**
- **Top:** [3] black crew-neck t-shirt
- **Layer:** [6] grey unstructured blazer (the lapel takes the lavalier)
- **Bottom:** [5] black slim jeans
- **Shoes:** [7] white leather sneakers

**Why it works**
- The blazer gives the mic a lapel and the pack a pocket.
- Black and grey read well from the audience and under bright lights.

**Optional swaps**
- [4] olive chinos in place of [5] for a warmer colour.
- [8] brown suede desert boots instead of [7] for a smarter stage look.

Want a quick checklist for the morning of the talk?""",
    ),
    (
        "gym_to_dinner_en",
        """You can do this with one small bag. Wear your gym clothes to class and pack a dress for dinner.

**To spin class**
- Top: [3] grey cropped hoodie
- Bottom: [2] black leggings
- Shoes: [5] white sneakers

**For dinner**
- Dress: [6] black ribbed knit midi dress, rolled in the bag
- Outer: [4] black oversized blazer
- Shoes: [5] white sneakers
- Bag: [8] black crossbody bag

**Why it works**
- A knit dress rolls up small and doesn't crease.
- The blazer makes the dress look dinner-ready in seconds.

**Extra tips**
- Bring face wipes and a travel deodorant.
- Wear the blazer over the hoodie on the way so it takes no space.

**Alternatives**
1. [4] over [3] with [2] and [5] if dinner is very casual.
2. [6] with [7] black ankle boots if you have room for them.""",
    ),
    (
        "body_worry_en",
        """Lots of people feel self-conscious before a party, and that's okay. There is nothing to fix here; it's about balance and where the outfit draws a line.

**Outfit**
- Top: [3] burgundy satin blouse
- Bottom: [2] black wide-leg trousers
- Outer: [7] camel structured blazer
- Shoes: [5] black block-heel pumps

**Why it works**
- A structured blazer adds shape at the shoulders, which balances them with your hips.
- Tucking the blouse shows your defined waist.
- Wide-leg trousers give one long, easy line from waist to floor.
- Burgundy and camel suit warm, medium skin and dark hair.

**Extra tips**
- Block heels are comfy for standing at a wine bar all evening.

**Alternatives**
1. [3] with [4] black A-line midi skirt and [5].
2. [7] over [3] with [2] and [6] white leather sneakers for a relaxed bar.""",
    ),
    (
        "body_worry_en",
        """### Office party at a wine bar 🍷

First: your proportions are a great base to work with. The goal is balance, not hiding anything.

**The look**
- **Top:** [3] burgundy satin blouse, tucked
- **Bottom:** [4] black A-line midi skirt
- **Layer:** [7] camel structured blazer
- **Shoes:** [5] black block-heel pumps

**Why it works**
- The blazer's shoulder line balances the silhouette.
- A tucked blouse marks your waist, and the A-line skirt falls in a soft line.

**Optional swaps**
- [2] black wide-leg trousers in place of [4] for a sleeker look.
- [6] white leather sneakers instead of [5] if you'll stand all evening.

Would you like ideas for jewellery with the burgundy?""",
    ),
    (
        "first_day_work_en",
        """Congratulations on the new job! For a casual design agency, you want to look a notch smarter than the team without being stiff. You asked for flat shoes only, so all the options are flat.

**Outfit**
- Top: [2] cream silk blouse
- Bottom: [3] black wide-leg trousers
- Shoes: [5] black leather loafers
- Bag: [8] tan leather tote

**Why it works**
- A silk blouse with wide trousers looks polished but relaxed.
- Long legs carry wide-leg trousers well.
- Cream and tan flatter warm, light skin and red hair.

**Extra tips**
- Bring a notebook on the first day; it looks keen.

**Alternatives**
1. [4] sage pleated midi skirt with [2] and [6] white sneakers.
2. Add [7] beige linen blazer over [2] if the office is cool.""",
    ),
    (
        "body_only_city_break_en",
        """A city weekend in Paris sounds great! You haven't sent clothes yet, so here is general direction for your shape and colouring.

**What suits you**
- Tops: fitted knits or shirts tucked in, to keep the line from waist to shoe long
- Bottoms: high-waisted, straight or slightly cropped trousers
- Shoes: comfy flats or low ankle boots for all the walking
- Outer: a short jacket or a trench that ends at the hip

**Why**
- A higher waist balances a long torso with your legs.
- Warm colours like rust, olive, camel and cream suit light, warm skin and auburn hair.

**Extra tips**
- Paris is a walking city, so comfort comes first.
- Check the weather the day before.

**Alternatives**
1. A knit midi dress with a belt and ankle boots.
2. Cropped jeans, a striped top and a trench.

Send me photos of your clothes and I'll build real outfits from them.""",
    ),
]

BAD_EN: list[tuple[str, str, str]] = [
    (
        "body_worry_en",
        """### Office party at a wine bar 🍷

**The look**
- **Top:** [3] burgundy satin blouse
- **Bottom:** [2] black wide-leg trousers
- **Shoes:** [5] black block-heel pumps

**Why it works**
- Dark wide-leg trousers are forgiving on a heavier lower half.

**Optional swaps**
- [4] skirt in place of [2].
- [7] blazer over [3].

Want jewellery ideas too?""",
        "no_body_judgement",
    ),
    (
        "rainy_weekend_followup_en",
        """Sure! Here's the rainy-day version:

- **Outer**: [8] navy hooded raincoat
- **Shoes**: keep [5] white canvas sneakers, they're comfy
- **Top and bottom**: [2] and [3] as before

**Other options:**
1. [4] instead of [3].
2. Add an umbrella.""",
        "fits_season_weather",
    ),
    (
        "gym_to_dinner_en",
        """Love a gym-to-dinner plan!

**Outfit**
- To class: [2] black leggings + [3] grey cropped hoodie + [5] white sneakers
- For dinner:
➕ A wrinkle-free black jersey jumpsuit
➕ Foldable ballet flats
- Bag: [8] black crossbody bag

**Alternatives**
1. [6] black ribbed knit midi dress instead of the jumpsuit.
2. [4] black oversized blazer over the jumpsuit.""",
        "builds_from_own_items",
    ),
    (
        "funeral_en",
        """I'm so sorry for your loss.

### The look
- **Suit:** [3] + [4]
- **Shirt:** [5] white dress shirt
- **Tie:** [9] navy patterned tie for a little personality
- **Shoes:** [7] black leather oxfords

### Optional swaps
- [6] under [3] if the church is cold.

Would you like help with anything else?""",
        "suits_occasion",
    ),
    (
        "dinner_party_cold_followup_en",
        """### Updated for 2°C

**What stays:** [2], [3] and [5] brown leather loafers.

**What changes**
- Add [7] charcoal wool overcoat and [8] scarf.

**Optional**
- [4] under [7].

Shall I suggest anything else?""",
        "follow_up_constraints",
    ),
    (
        "body_worry_en",
        """### Office party

**The look**
- [3] burgundy satin blouse + [2] black wide-leg trousers + [5] pumps + [7] blazer

**Why it works**
- Wide-leg trousers hide your hips and thighs so nobody notices them.

**Optional swaps**
- [4] skirt instead of [2].""",
        "no_body_judgement",
    ),
]
