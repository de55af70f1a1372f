"""Good answers laid out with emoji and marks (👔 headings, ✔️/✖️ lines, "❌ **피할 것**",
"🚫 **Leave out**", "⛔ 이번엔 제외:", a quoted aside), as chatty models write them: each
must pass every content check of its case; the same marks on a wrong item still fail."""

from __future__ import annotations

import pytest

from evals.checks import CHECKS
from tests.chatty_kit import CASES, content_failures

GOOD = [
    (
        "funeral_ko",
        """삼가 조의를 표합니다.

👔 **조문 코디**
1. 아우터: [2] 블랙 싱글 재킷
2. 상의: [4] 화이트 셔츠
3. 하의: [3] 블랙 슬랙스
4. 신발: [6] 블랙 더비 슈즈

❌ **피할 것**
- [8] 버건디 니트 (색이 튀어요)
- [7] 화이트 스니커즈 (캐주얼)

💡 **포인트**
- 양말과 벨트까지 검정으로 맞추면 더 단정해요.

🔄 **다른 코디**
1. [4] 대신 [5] 블랙 니트""",
    ),
    (
        "wedding_guest_ko",
        """🎉 하객룩 추천!

✔️ [2] 네이비 트위드 재킷
✔️ [3] 아이보리 실크 블라우스
✔️ [4] 베이지 플리츠 미디 스커트
✔️ [5] 블랙 펌프스
✔️ [7] 골드 체인 미니백
✖️ [6] 화이트 린넨 원피스 — 신부 드레스 색과 겹쳐요

🔄 다른 코디
1. 재킷 대신 블라우스 위에 가벼운 가디건""",
    ),
    (
        "date_night_en",
        """✨ **The look**
- [2] black fine-knit turtleneck
- [3] grey wool trousers
- [6] black leather derbies
- [5] camel overcoat

🚫 **Leave out**
- [8] red logo hoodie
- [7] white sneakers (fine, just less dressy)

🔁 **Alternatives**
1. [4] black jeans instead of [3].""",
    ),
    (
        "interview_en",
        """👔 **Interview outfit**
- [2] navy unstructured blazer
- [4] light blue oxford shirt (open collar, no tie)
- [5] charcoal wool trousers
- [8] black chelsea boots

✅ Why: polished but relaxed - right for a startup.
⚠️ Skip the tie; it can feel too buttoned-up for a design team.

🔁 **Alternatives**
1. [3] white tee + [6] dark jeans + [7] sneakers under [2].""",
    ),
    (
        "blind_date_ko",
        """💕 소개팅 코디

• 상의: [2] 라벤더 캐시미어 니트
• 하의: [3] 아이보리 와이드 슬랙스
• 신발: [5] 블랙 앵클부츠
• 아우터: [6] 베이지 트렌치코트

⛔ 이번엔 제외: [4] 블랙 플리츠 스커트 (치마 X 메모 반영)

📌 **다른 코디**
1. [3] 대신 [7] 연청 데님 + [8] 스니커즈""",
    ),
    (
        "weekend_brunch_ko",
        """☀️ 성수 브런치룩

- 👕 [2] 네이비 스트라이프 티셔츠
- 👖 [3] 크림 와이드 팬츠
- 👟 [5] 화이트 스니커즈
- 🧥 [7] 그레이 오버핏 블레이저
- 💍 [8] 실버 후프 귀걸이

> 뮬([6])은 예쁘지만 오래 걷기엔 불편해요.

**다른 코디**
1. [3] 대신 [4] 미디 데님 스커트""",
    ),
]


@pytest.mark.parametrize(("case_id", "answer"), GOOD)
def test_an_answer_with_marks_passes(case_id: str, answer: str) -> None:
    assert content_failures(case_id, answer) == []


@pytest.mark.parametrize(
    ("case_id", "answer", "check"),
    [
        (
            "wedding_guest_ko",
            "✔️ [2] 재킷\n✔️ [6] 화이트 린넨 원피스\n✔️ [5] 펌프스",
            "suits_occasion",
        ),
        (
            "date_night_en",
            "✅ [8] red logo hoodie\n✅ [4] black jeans\n✅ [7] sneakers",
            "follows_style_notes",
        ),
        (
            "funeral_ko",
            "👔 **코디**\n- [2] 재킷, [3] 슬랙스, [6] 더비\n- ✨ [8] 버건디 니트로 포인트",
            "suits_occasion",
        ),
    ],
)
def test_a_wrong_item_with_a_mark_still_fails(case_id: str, answer: str, check: str) -> None:
    assert not CHECKS[check](answer, CASES[case_id].context).passed
