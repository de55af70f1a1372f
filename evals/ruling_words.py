"""The words around a mention that say what happens to it: ruled out, brought in, kept
from an earlier answer, or offered as an option. Read by ``evals.answer_reading``.

English puts its markers before the item ("instead of [5]", "skip [8]"), Korean after it
("[5] 대신", "[8]은 빼세요"); both lists are tried on both sides, since answers mix
languages. Regex fragments, matched case-insensitively.
"""

from __future__ import annotations

import re

CLAUSE_END = re.compile(r"[.!?。\n;]|[,，]\s|\s(?:but|however|though|although|while)\s|\s[—–]\s")

# English markers before a mention; up to four words may sit between ("skip the brown
# suede loafers [8]").
HEAD_OUT = re.compile(
    r"(?:^|[^A-Za-z])(?:nothing|none\s+of|instead\s+of|rather\s+than|(?:better|safer)\s+than|in\s+place\s+of|not|no|never|skip(?:ping|ped)?|"
    r"avoid(?:ing|ed)?|leave|leaving|left|ditch(?:ing|ed)?|drop(?:ping|ped)?|lose|exclud(?:e|ed|ing)|swap(?:ping)?(?:\s+out)?|"
    r"replac(?:e|es|ing)|trade|without|except|save|saving|pass\s+on|forget|retire|"
    r"switch(?:ing)?(?:\s+out)?|chang(?:e|ing)|exchange|rarely|seldom|hardly|"
    r"unlike|than|compared\s+(?:to|with)|versus|vs\.?|steer(?:ing)?\s+clear\s+of|stay\s+away\s+from|"
    r"hold\s+off\s+on|left(?:\s+out)?|beats?|trumps?|>|think\s+twice\s+about|(?:as\s+)?much\s+as\s+I\s+(?:like|love|adore)|"
    r"(?:tempting|lovely|nice|pretty|great|gorgeous|beautiful|comfy|comfortable)\s+as|[❌✗✘✖❎🚫⛔🙅]|(?:don't|doesn't|wouldn't|won't|shouldn't|can't|couldn't)\s+"
    r"(?:wear|pick|choose|bring|pack|take|need|recommend|suggest|reach\s+for|go\s+(?:with|for))|"
    r"isn't|aren't|wasn't|weren't|zero|free\s+of|wouldn't|would\s+not|shouldn't|should\s+not|don't|do\s+not|"
    r"no\s+need\s+for)"
    r"(?:\W+[A-Za-z'\-]+){0,4}\W*$",
    re.IGNORECASE,
)
# The complement of "too" is what the answer finds wrong: "too casual and colourful",
# "a bit too busy, loud or bright", "너무 밝고 화려해서"; each adjective of it is a reason.
HEAD_TOO = re.compile(
    r"(?i)(?<!not\s)(?<!n't\s)(?<!never\s)\b(?:too|overly)\s+(?:[A-Za-z\-]+\s*(?:,|and|or|&|/)\s*){0,3}$|"
    r"(?:너무|지나치게|과하게)\s?(?:[가-힣]+(?:하고|고|하거나|거나)\s?|[가-힣]+[,，·]\s?){0,3}$"
)
# "Don't forget [2]", "never skip the coat": the marker denied brings the item in.
HEAD_DENIED_OUT = re.compile(
    r"(?i)\b(?:don't|do\s+not|never|won't)\s+(?:forget|skip|leave|ditch|drop|lose)\b(?:\W+[A-Za-z'\-]+){0,4}\W*$"
)
# "choose [7] over [8]": the second goes.
PREFER_OVER = re.compile(
    r"(?:choose|pick|prefer|go\s+(?:with|for)|opt\s+for|favou?r|I'd\s+take)\b[^.!?\n;]*?"
    r"\bover\s+(?:the\s+|your\s+)?$",
    re.IGNORECASE,
)
# The item that comes in: "[5] 대신 [7]", "[5] → [7]", "swap [5] for [7]".
# "Keep [8] for the gym", "save the sneakers for weekends": kept for another day.
HEAD_KEEP = re.compile(r"(?i)\b(?:keep|save|reserve)\W*(?:[\w'-]+\W+){0,2}$")
TAIL_FOR_ANOTHER = re.compile(
    r"(?i)^\W*(?:[\w'-]+\W+){0,4}?for\s+(?:the\s+|your\s+|a\s+|an\s+)?(?:gym|weekends?|daytime|brunch|"
    r"errands|lazy|casual\s+days?|another|other|summer|winter|spring|autumn|fall|off-duty|dry|"
    r"sunnier|warmer|colder|cooler|drier|beach|holiday)\b"
)
# "Trade the denim jacket for [8]", "replace the sneakers with …": after a swap verb and
# the words of what goes, "for"/"with" brings the next item in.
HEAD_SWAP_FOR = re.compile(
    r"(?i)\b(?:swap|switch|trade|exchange|replace)\w*\s+(?:the\s+|your\s+)?(?:[\w'-]+\s+){0,4}?"
    r"(?:for|with)\s+(?:the\s+|your\s+|a\s+)?$"
)
# "I've kept the brown suede loafers and the tie out": a phrasal verb split round its
# object ("keep … out of the rain" protects it).
HEAD_SPLIT_OUT = re.compile(
    r"(?i)\b(?:kept|keeping|left|leaving|put|putting)\b(?:\W+[\w'-]+){0,8}\W*$"
)
TAIL_SPLIT_OUT = re.compile(r"(?i)^[^.:;!?\n\[]{0,40}?\b(?:out|aside|away)\b(?!\s+of)")
# A verdict right after the item, past a colon, dash or question mark: "[8] — no",
# "Stilettos: no.", "[8]? No - suede.", "[8] white lace — save it for another day".
AFTER_REFUSED = re.compile(
    r"(?i)\s*(?:[A-Za-z'-]+\s+){0,3}?(?:[:：]|[—–-]+|\?)\s*(?:(?:no|nope|never|skip|avoid|pass|I\s+wouldn't|I\s+won't)\s*"
    r"(?:[.!,;:(—–-]|$)|not\s+(?:today|now|here|this\s+time|for\b)|(?:save|skip|avoid|leave|ditch)\s+(?:it|them|this|that|for)\b)"
)
HEAD_TARGET = re.compile(r"(?:대신(?:에)?|→|->|⇒|➡️?)\s*(?:\S+\s+)?$")
HEAD_FOR = re.compile(
    r"^\W*(?:[A-Za-z'\-]+\s+){0,5}?(?:for|with|to|into)\s+(?:the\s+|your\s+|a\s+)?$", re.I
)
SWAP_VERB = re.compile(r"\b(?:swap|switch|trade|replace|exchange|change)\w*\b", re.IGNORECASE)
# "swap in [7]" brings it in.
HEAD_IN = re.compile(
    r"(?:swap|switch)(?:ping)?\s+in\W*$|(?:swap|switch|trade)\s+(?:it|them)\s+for\W*$|"
    r"(?:chang(?:e|ing)|switch(?:ing)?)(?:\s+\w+)?\s+(?:in)?to\W*$",
    re.IGNORECASE,
)
# "[5]를 [7]로 바꾸세요", "[5] → [7]": the first of the pair goes.
PAIR_OUT = re.compile(
    r"(?P<first>[\[［][\d０-９\s,，、]+[\]］])(?:[^\[\n.!?]{0,30}?)(?:"
    r"[\[［][\d０-９\s,，、]+[\]］][^\[\n.!?]{0,20}?(?:으로|로)\s?(?:바꾸|바꿔|교체|변경|대체|갈아|대신)|"
    r"(?:→|->|⇒|➡️?)\s*(?:\S+\s)?[\[［])"
)
HEAD_REFERENCE = re.compile(
    r"(?:earlier|before|previous(?:ly)?|originally|last\s+time|you\s+had|I\s+suggested|"
    r"앞서|아까|이전|원래|기존|처음)(?:\W+\S+){0,4}\W*$",
    re.IGNORECASE,
)
TAIL_OUT_EN = (
    r"(?:is|are|'s|stays?|can|should)\s+(?:\w+\s+){0,2}?(?:out|home|at\s+home|wait|off\s+the\s+table|"
    r"a\s+no)\b",
    r"\b(?:isn't|is\s+not|aren't|are\s+not)\s+(?:\w+\s+)?(?:right|suitable|appropriate|ideal|"
    r"a\s+good|the\s+best|the\s+one|for\b|quite)",
    r"\b(?:won't|wouldn't|doesn't|don't|can't)\s+(?:\w+\s+)?(?:work|suit|fit|survive|hold\s+up|go\b|"
    r"match|belong|cut\s+it|do\b|handle|cope|mix|go\s+together|pair\s+well)",
    # "leather handles damp ground; suede doesn't": the bare denial of what was just said.
    r"^\s*(?:does|do|will|would|can|could|is|are|did)(?:n't|\s+not)\s*(?:[)）]|$)",
    r"\bbelongs?\s+to\s+(?:another|a\s+different)\s+(?:occasion|day|event|time)|"
    r"\b(?:is|are|stays?)\s+(?:\w+\s+)?for\s+the\s+bride|\bbride's\s+colou?r",
    r"\bfor\s+(?:another|a\s+(?:dry|drier|warmer|sunnier|different|later|nicer))\s+(?:day|time|occasion)",
    # "Your feet won't get soaked in [6]" speaks well of [6].
    r"(?<!n't\s)(?<!not\s)(?<!never\s)\b(?:get|gets|getting|will\s+get|would\s+get)\s+(?:soaked|wet|ruined|stained|muddy|dirty|damaged)",
    r"\b(?:would|will|'d|'ll)\s+(?:be|end\s+up|look|feel)\s+(?:\w+\s+)?(?:soaked|drenched|soggy|"
    r"waterlogged|grubby|ruined|stained|muddy|sweaty|sodden)\b",
    r"(?<!n't\s)(?<!not\s)(?<!never\s)\b(?:be|been|get|gets)\s+(?:\w+\s+)?(?:soaked|drenched|sodden|soggy|waterlogged)\b|\bsoaked\s+through",
    r"\b(?:hopeless|impractical|a\s+nightmare|useless)\b",
    # "Give [8] a miss", "[8] is better suited to a summer day", "[8] might be too much".
    r"\ba\s+miss\b|\bbetter\s+(?:suited|saved|kept|left)\s+(?:to|for)\b|(?<!n't\s)(?<!not\s)\btoo\s+much\b|"
    # "[8]: no", "[8] — skip it", "… so skip it": the item named, then the verdict.
    r"^\s*[:：—–-]\s*(?:(?:no|nope|never)\s*(?:[.!,;:(—–-]|$)|skip\b|pass\b|not\s+(?:today|now|here|this\s+time|for|at|with|in)\b)|\b(?:skip|leave|avoid|ditch|drop|pass\s+on)\s+(?:it|them|that|this\s+one)\b(?!\s+(?:on|in|with|for\s+the))",
    r"\bone\s+to\s+save\b|\bsave\s+(?:it|them)\s+for\b|\b(?:thing|one|piece|item)s?\s+to\s+(?:avoid|skip|leave)",
    # "Canvas lets water straight through", "lets the rain in".
    r"\blets?\s+(?:the\s+)?(?:water|rain|wet|cold|wind|damp)\s+(?:\w+\s+)?(?:in|through)\b",
    r"\bwould\s+be\s+(?:freezing|miserable|a\s+mistake|boiling|sweltering|uncomfortable|overkill)\b",
    r"\b(?:hates?|dislikes?)\s+(?:rain|water|the\s+wet|puddles|heat|mud|sand|damp|wet|grass|snow|salt)\b",
    r"\b(?:scuffs?|darkens?|water-?marks?|(?:stains?|marks?|spots?)\s+(?:easily|in\s+the|on\s+(?:wet|damp)|when))\b",
    r"\bworks?\s+against\b|\b(?:leave|save|keep)\s+(?:it|them)\s+for\s+(?:autumn|fall|winter|spring|summer|cooler|colder|warmer)",
    r"\bsoaks?\b|\bruin(?:s|ed)?\b|\bbelongs?\s+to\s+the\s+bride|\bthe\s+bride's\b|\bupstag",
    r"(?<!not\s)(?<!n't\s)(?<!never\s)\b(?:too|a\s+(?:bit|little|touch)(?:\s+too)?|overly)\s+(?:\w+\s+)?(?:casual|bright|loud|flashy|light|sporty|summery|formal|dressy|warm|hot|thin|"
    r"busy|festive|bridal|heavy|delicate|sheer|short|flimsy|cold|patterned|loud|shiny|bold|colou?rful|playful|"
    r"corporate|stiff|stuffy|fussy|much|glam\w*|sparkly|flashy|revealing|tight|bulky|chunky|trendy|edgy|sexy|street)",
    r"\b(?:leave|take|keep)\s+(?:it|them)\s+off\b",
    r"\b(?:would|will|could|might|may)\s+(?:(?!not\b|never\b)\w+\s+)?(?:feel|look|seem|be|come\s+across)\s+"
    r"(?:(?!not\b)\w+\s+)?(?:overdressed|underdressed|out\s+of\s+place|stuffy|try-?hard|sloppy|stiff|corporate)",
    r"\bout\s+of\s+place|\bsits?\s+this\s+one\s+out|\b(?:better|best)\s+left|\bin\s+the\s+(?:closet|wardrobe)",
    r"\bnot\s+(?:for|right|suitable|appropriate|ideal)\b|\binappropriate|\bclash",
    r"^\s*-?\s*free\b|\bfree\s+of\b",
    r"\b(?:isn't|aren't|not)\s+(?:\w+\s+)?(?:needed|necessary|required|essential)|"
    r"\ba\s+(?:bad|poor)\s+(?:idea|choice|call|fit)|\bnot\s+a\s+good\s+(?:idea|choice)|\bthe\s+wrong\s+(?:choice|call|pick)|"
    r"\bwrong\s+for\b|\ba\s+miss\b|\bnot\s+(?:today|tonight|now|this\s+time)\b|"
    r"\b(?:last|worst)\s+(?:choice|resort|pick)\b|\boff-?\s?(?:brief|limits)\b|\boff\s+the\s+brief\b|\ba\s+no-go\b|\bno-no\b|"
    r"\b(?:weekends?|daytime|gym|brunch)[\s-]only\b|\bunnecessary|\boverkill",
    r"(?<!won't\s)(?<!don't\s)(?<!not\s)(?<!never\s)\b(?:sinks?|sinking|wobbl\w*)\b",
    r"\b(?:left|leave|leaving|keep|kept|put)\s+(?:it|them|that|those|this)\s+(?:out|aside|at\s+home|away)\b",
)
TAIL_OUT_KO = (
    r"대신", r"(?<!지 )(?<!지)말고(?!도)",
    r"(?:추천|권|권장)하지\s?않|추천\s?안\s?(?:해|드려)|참아|참으|미뤄|미루|쉬어\s?가|거리가\s?(?:있|멀)",
    r"(?<![A-Za-z])NG(?![A-Za-z])|엔지|애매|다음\s(?:\S+\s){0,3}?때",
    # "두지 말고 걸어 두세요" forbids an action; only not wearing or bringing it rules it out.
    r"(?:입|신|걸치|챙기|매|착용하|가져가)지\s?(?:말|마)", r"(?<!안 )(?<!덜 )젖어(?:요|서|버)|젖을\s?(?:거|수)|흠뻑", r"빼(?!입|어나)", r"뺐|뺄|뺀|뺍", r"원하지\s?않|원치\s?않|싫어|싫다", r"제외", r"피하", r"피해", r"피했", r"피할", r"패스",
    r"보다는", r"만\s?(?:아니면|피하면|빼면)", r"^(?:으로|로)\s?(?:안\s?보|보이지\s?않)", r"(?:에서는|에선|에는|엔|으로는|로는|으론|로선|로서는)\s?(?:좀\s?|조금\s?|다소\s?|살짝\s?)?(?:캐주얼해|캐주얼하게\s?보|가벼워\s?보|가볍게\s?보|튀어\s?보)", r"보단", r"(?<!생각)(?<!예상)(?<!보기)(?<!평소)보다(?:도)?\s", r"(?:와|과|랑|이랑|하고)\s?(?:달리|다르게)", r"실례|결례|예의에\s?(?:어긋|맞지)", r"얼룩이?\s?(?:생기|남|져|지기|질)",
    r"물자국|변색|손상|상해", r"(?:물|비)에\s?닿으면", r"다음에", r"다음 기회", r"놔두", r"(?:옷장|서랍|집)에\s?(?:\S+\s)?넣어", r"아껴\s?두", r"두고\s?(?:가|오|나가)",
    r"(?:안|못)\s?(?:어울|맞|돼|되|좋|신|입|추천|권|챙기|가져)", r"(?:어울리|맞|적합하|좋|입|신)지\s?않",
    r"(?<!뿐 )(?<!뿐만 )아니(?:에요|예요|라|야|죠|고|니|지|랍니다|에여)", r"금물", r"곤란", r"(?<!마)무리(?!\s?없)",
    r"부적절", r"비추", r"삼가", r"어색", r"과해", r"부담스러(?:워|울|운)", r"너무\s?(?:캐주얼|튀|밝|화려|가벼|얇|짧|추|더|무거|두꺼)",
    r"(?<!안 )튀어(?:요|서|보)", r"튀는\s?(?:색|컬러)", r"젖으면", r"젖기\s?쉬", r"(?:비|물|습기)에\s?약",
    r"상하(?:기|ㄹ|니|면)|상할", r"망가", r"티가\s?(?:잘|많이|확)?\s?나(?:요|서|니|고|요)",
    r"신부(?:의|와|랑|님)?\s?(?:색|컬러|드레스|\S{0,4}\s?겹)", r"(?<![A-Za-z])X(?![A-Za-z])", r"[✗✘✖❌❎🙅🚫⛔]",
    r"옷장에|(?:집|회사|사무실|직장|차|숙소|호텔|라커|사물함|신발장)에\s?(?:두|놔|놓|맡겨|맡기|보관)", r"쉬게", r"쉬어\s?(?:주|두)", r"없이", r"필요\s?(?:없|하지\s?않)", r"없어도\s?(?:돼|되|괜찮)",
    r"안\s?(?:챙기|입어도|신어도)", r"(?:가을|겨울|다음\s?계절)(?:에|까지|용|을\s?위해|로)(?:\s|$|이|은)",
    r"(?<!안 )(?:더워|추워)(?:요|$)|(?:더울|추울)\s?(?:거|수|테)", r"(?<!안 )(?<!덜 )(?:덥고|더우니|더워서)", r"땀이\s?차", r"생략", r"불편(?:하니|해서|해요|하고|할\s?(?:수|거)|합니다)", r"안\s?(?:매|둘러|들어)도", r"아직\s?(?:일러|이르)",
    r"(?:부해|둔해|답답해)\s?보(?:일\s?수|여(?:요|서))",
    # "좀 아쉬워요", "튈 수 있어요", "NG", "자제해 주세요", "거리가 있어요", "가볍게
    # 느껴질 수 있어요": the softer ways an answer turns an item down. ("넣어 두세요" is
    # not one: "[5] 코트는 비닐에 넣어 두세요" keeps the coat, nor is "접어 두세요": "소매를
    # 접어 두세요" keeps it; "미끄러운" describes the ground.)
    r"(?:신|입|챙기|들|매|걸치|생각하|고르)지\s?마(?:세요|시고|요|시길)", r"다른\s?날", r"다음\s?(?:모임|번|날|약속)",
    r"필요(?:는|가)\s?없", r"양보", r"오해(?:받|를\s?살|할)",
    r"노노", r"금지", r"(?:덜덜|(?<![가-힣])떨(?:어요|려요|릴\s?거|게\s?돼))(?![^.!?\n]{0,8}(?:없|않))", r"(?<![A-Za-z])(?-i:NO)(?![A-Za-z])", r"미끄러(?:워요|울\s?수|지기\s?쉬)", r"위험(?:해|할|하니|하고|합니다)", r"(?<!안 )(?:덥|춥)(?:죠|습니다|다)", r"너무\s?(?:덥|춥)",
    r"아쉬(?:워|울|움)(?![^.!?\n]{0,4}없)", r"(?<!안 )튈\s?수", r"(?<![A-Za-z])NG(?![A-Za-z])", r"자제(?!분)", r"거리가\s?(?:좀\s?|조금\s?)?(?:있|멀)",
    r"(?:가볍게|가벼워|캐주얼하게|캐주얼해)\s?(?:느껴지|느껴질|보일)\s?수",
    # "두꺼운 코트는 사진을 무겁게 만드니": the effect named is the reason to leave it.
    r"(?:무겁|답답하|둔하|부하|칙칙하|촌스럽)게\s?(?:만들|만드|보이|보여)(?!지\s?않)",
)  # fmt: skip
# A comparison, not a choice: "block heels won't sink the way stilettos do".
HEAD_LIKE = re.compile(
    r"(?i)\b(the\s+way|as|like|whereas)\s+(?:the\s+|your\s+)?(?:[A-Za-z'\-]+\s+){0,2}$"
)
TAIL_LIKE = re.compile(r"(?i)^\s*(?:do|does|did|would|will|can|could|might|tend\s+to)\b")
# "Emerald is festive without competing with the bride, whereas [8] white lace would."
TAIL_ELLIPSIS = re.compile(r"(?i)^[^,;]{0,40}\b(?:would|might|could|does|do)\s*$")
TAIL_OUT = re.compile("|".join(f"(?:{p})" for p in (*TAIL_OUT_EN, *TAIL_OUT_KO)), re.IGNORECASE)
CONTRAST = re.compile(r"지만|\b(?:but|however|though|although|yet)\b", re.IGNORECASE)
# Korean coordination ends the clause about this item: "[4]를 입고 [5]는 빼세요".
# ("두고 가세요" is one marker, not a clause ending in 고; nor are the nouns "로고/최고" and
# "바지만" - trousers plus "only" - a "지만".)
KO_NEXT_CLAUSE = re.compile(r"[가-힣]*[가-힣](?<!두)(?<!로)(?<!최)(?:고|며|(?<!바)지만|는데)\s")

# A sentence of the outfit that opens as an option is an alternative.
OPTION_START = re.compile(
    r"^\W*(?:alternatively|or\b|otherwise|optionally|if\s+you(?:'d)?\s+(?:prefer|rather|want|like)|"
    r"if\s+(?:it|the\s+\w+)\s+(?:gets|turns|is|'s)\s+(?:colder|warmer|chilly|cold|warm|hot|windy|sunny)|"
    r"if\s+it's\s+(?:colder|warmer|chilly|cold|warm|hot|windy|sunny)|for\s+a\s+(?:more\s+|less\s+)?"
    r"(?:casual|dressy|formal|relaxed|warmer|cooler|different|softer|bolder)|another\s+option|"
    r"you\s+(?:could|can)\s+also|on\s+a\s+(?:warmer|colder|cooler)|"
    r"또는|혹은|아니면|대안으로|다른\s?방법|더\s?(?:캐주얼|편하|포멀|격식|따뜻|시원|가볍)하게|"
    r"(?:(?:날이|날씨가|저녁에|밤에|아침에|낮에)\s?)?(?:쌀쌀하|추우|더우|따뜻하|풀리|바람이\s?불|"
    r"밤이\s?되|저녁이\s?되|덥|춥)[^\s]*면|"
    r"(?:원하|싶으)(?:시)?면|싶다면|(?:실내|야외)(?:에서|라)?(?:는|면))",
    re.IGNORECASE,
)
# What may sit between two items of one group: their descriptions and a conjunction.
JOINED = re.compile(
    r"[^.!?\n;:]{0,30}?(?:와|과|랑|이랑|하고|및|이나|나|또는|혹은|,|、|·|・|\band\b|\bor\b|&|/)\s*",
    re.IGNORECASE,
)
# The next item may carry its description before its number ("avoid [8] and the navy
# patterned tie [9]"), as long as no verb starts a new clause ("skip [7] and wear [8]").
JOINED_AFTER = re.compile(
    r"\s*(?:,|、|·|・|and|or|&|/)\s*(?:the\s+|your\s+)?(?:(?!(?:wear|go|pick|choose|add|keep|try|pair|bring|"
    r"take|use|swap|put|grab|switch|change|instead|with|for|in|on|then|but|over|under)\b)[A-Za-z'\-]+\s+){0,4}",
    re.IGNORECASE,
)
SENTENCE_START = re.compile(r"(?:^|[.!?。\n])\s*")
# The citation syntax of storage.citations (tests keep the two in step); here the
# spans matter too, not only the numbers.
CITATION = re.compile(r"[\[［]\s*([\d０-９][\d０-９\s,，、]*)[\]］]")
# A heading over what to leave out: everything under it is ruled out ("**What to avoid**",
# "**피하면 좋은 것**", "**Skip today**").
AVOID_HEADING = re.compile(
    r"(?i)\bavoid|\bskip|leave\s+(?:at\s+home|out|behind)|what\s+not\s+to|\bdon'?ts\b|not\s+this\s+time|"
    r"\bsave\s+for|피할|피하(?:면|는|세요|기)|피해(?:야|요|\s?주)|빼(?:\s?두|면|는|세요)|제외|비추|(?<![A-Za-z])NG(?![A-Za-z])|"
    # What the answer says it left out, and why: "What I left out", "이번엔 뺀 것".
    r"\bleft\s+(?:out|behind|at\s+home)|\bleaving\s+out|\bset\s+aside|\bnot\s+(?:wearing|bringing|packing|this\s+time)|"
    r"(?<![가-힣])뺀|빼\s?(?:둔|주|줘|드)|안\s?(?:입|신|챙기)는|두고\s?(?:갈|가는)|[❌🚫⛔✖]"
)

# A follow-up that says the rest of the outfit stays ("나머지는 그대로", "keep the rest").
KEEP_ALL = re.compile(
    r"나머지(?:는)?\s?(?:다\s?|모두\s?|전부\s?)?그대로|그대로\s?(?:두|유지|가|입|괜찮)|유지하|"
    r"keep\s+(?:the\s+rest|everything\s+else|the\s+(?:same\s+)?(?:outfit|look)|it\s+as\s+is)|"
    r"(?:rest|everything\s+else)(?:\s+of\s+the\s+(?:outfit|look))?\s+(?:stays|can\s+stay|is\s+fine|works)|"
    r"same\s+as\s+before|stays?\s+the\s+same|as\s+it\s+is",
    re.IGNORECASE,
)
