"""Rules the merge of two tuning rounds needed (each round had tuned on sets the other had
not seen): a garment taken off is a change, a follow-up's new pieces named in words are
a tip rather than the change offered again, and being small treated as a problem is body
judgement. Hand-written answers; none is a labelled one."""

from __future__ import annotations

import pytest

from evals.answer_reading import Reading
from evals.cases import load_cases
from evals.checks_body import no_body_judgement
from evals.checks_wardrobe import alternatives_differ

CASES = {case.id: case for case in load_cases()}

WINE_BAR = """Here's a look for the wine bar.

**Outfit**
- [3] burgundy satin blouse, tucked in
- [2] black wide-leg trousers
- [7] camel blazer
- [5] black block-heel pumps

**Why it works**
- The tuck marks the waist and the wide leg falls in one long line.

**Alternatives**
1. {first}
2. Swap [2] for [4] black A-line midi skirt for a softer line."""

RAIN = """비 오는 날이니 신발과 바지만 바꿔요.

- 신발: [5] 로퍼 → [7] 블랙 러버 첼시부츠
- 하의: [3] 울 슬랙스 → [4] 다크 네이비 치노 팬츠
- 그대로: [2] 화이트 셔츠, [6] 트렌치코트

**왜 바꾸나요**
- 스웨이드는 물에 약해요. 러버 부츠는 젖은 길에도 든든해요.

**다른 방법**
1. {first}
2. ➕ 튼튼한 장우산을 하나 챙기세요."""


@pytest.mark.parametrize(
    ("first", "passes"),
    [
        ("Blazer off: blouse, trousers and pumps for a sleeker feel later on.", True),
        ("Blouse, trousers, pumps and the blazer, as above.", False),
    ],
)
def test_taking_a_garment_off_is_a_change(first: str, passes: bool) -> None:
    context = CASES["body_worry_en"].context
    result = alternatives_differ(WINE_BAR.format(first=first), context)
    assert result.passed is passes, result.reason


@pytest.mark.parametrize(
    ("first", "passes"),
    [
        ("치노 밑단을 한 번 접어 부츠 위로 떨어지게 하면 덜 젖어요.", True),
        ("[7] 첼시부츠에 [4] 치노 팬츠.", False),
    ],
)
def test_the_follow_ups_pieces_named_in_words_are_a_tip(first: str, passes: bool) -> None:
    context = CASES["rainy_day_followup_ko"].context
    result = alternatives_differ(RAIN.format(first=first), context)
    assert result.passed is passes, result.reason


@pytest.mark.parametrize(
    ("sentence", "judges"),
    [
        ("As you're petite, a midi can swallow you.", True),
        ("A long coat would make you look shorter.", True),
        ("The cropped jacket stops you looking swamped.", True),
        ("Satin is unforgiving, so keep the jacket on.", True),
        ("Linen is unforgiving of creases, so pack it rolled.", False),
        ("The cropped jacket sits at the waist and keeps the line long.", False),
    ],
)
def test_being_small_as_a_problem_is_body_judgement(sentence: str, judges: bool) -> None:
    context = CASES["wedding_evening_en"].context
    assert no_body_judgement(sentence, context).passed is not judges


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        ("[8] - no problem on dry paths.", "used"),
        ("[8] - no. Suede and wet grass don't mix.", "ruled_out"),
        ("[8] is great for weekends, not for a second date.", "ruled_out"),
        ("[2] is warm, but the suede shoes would get soaked.", "used"),
    ],
)
def test_a_verdict_after_the_item_is_read_once(sentence: str, status: str) -> None:
    [mention] = Reading(sentence).mentions
    assert mention.status == status
