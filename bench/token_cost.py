"""Prompt tokens and cost of a scripted 6-turn conversation with 4 photos.

Coordi (stored 512-px thumbnails, trimmed history) side by side with a naive
baseline that resends every original phone photo at detail "auto" on every
turn with the whole history. Run by hand:

    python bench/token_cost.py
"""

from __future__ import annotations

import argparse
import io
import json
import random
import sys
from pathlib import Path
from typing import Any

from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.settings import Settings
from bot.wardrobe.card_maker import analysis_messages
from bot.wardrobe.images import make_thumbnail
from prompts.builder import PromptLimits, TurnInput, build_prompt, question_text, system_template
from prompts.request_tokens import request_tokens
from storage.records import HistoryMessage, PhotoMeta, StoredPhoto, WardrobeCard

ORIGINAL = (3024, 4032)  # a 12 MP phone photo, portrait
# USD per 1M input tokens; configuration, from OpenAI's pricing page.
INPUT_PRICE = {"gpt-4.1-mini": 0.40, "gpt-4o-mini": 0.15}

QUESTIONS = [
    "출근용 데일리룩 추천해줘",
    "비 오는 날이면?",
    "신발만 바꾸면?",
    "좀 더 캐주얼하게 하려면?",
    "이 조합에 어울리는 가방은?",
    "저녁 약속이 있으면 뭘 바꿀까?",
]
FIRST_REPLY = (
    "**오늘의 출근룩**\n- 상의: [2] 화이트 셔츠\n- 하의: [3] 네이비 슬랙스\n- 아우터: 없음 (가벼운 "
    "트렌치코트 추천)\n- 신발: [4] 브라운 로퍼\n\n**왜 잘 어울리나요**\n- 세로로 긴 실루엣이라 하이웨이스트 "
    "슬랙스가 다리를 길어 보이게 해요.\n- 웜톤 피부에 브라운과 네이비가 차분하게 어울려요.\n- 셔츠의 빳빳한 "
    "면 소재가 출근 자리에 단정해요.\n\n**대안**\n1. [3] 대신 베이지 치노로 부드럽게\n2. 로퍼 대신 화이트 "
    "스니커즈로 캐주얼하게\n3. 셔츠 위에 얇은 니트 베스트를 더해 레이어드\n"
)
FOLLOW_UP_REPLY = (
    "비 오는 날엔 [3] 슬랙스 밑단이 젖기 쉬우니 발목 길이로 접고, [4] 로퍼 대신 레인부츠나 방수 "
    "스니커즈를 추천해요. 어두운 네이비 톤은 얼룩이 덜 보여서 좋아요.\n\n**대안**\n1. 트렌치코트로 "
    "비 대비\n2. 우산은 네이비나 블랙으로 통일\n"
)


def phone_photo(seed: int) -> bytes:
    """A noisy 12 MP JPEG: noise compresses like a real photo, flat colour does not."""
    rng = random.Random(seed)
    small = Image.frombytes("RGB", (378, 504), rng.randbytes(378 * 504 * 3))
    buffer = io.BytesIO()
    small.resize(ORIGINAL).save(buffer, "JPEG", quality=90)
    return buffer.getvalue()


def stored_photos(settings: Settings) -> list[StoredPhoto]:
    photos = []
    for number in range(1, 5):
        role = "full_body" if number == 1 else "clothing"
        side = settings.image_long_side if role == "full_body" else settings.clothing_long_side
        thumb = make_thumbnail(phone_photo(number), long_side=side, quality=settings.image_quality)
        meta = PhotoMeta(f"u{number}", number, role, thumb.width, thumb.height, 0.0)  # type: ignore[arg-type]
        photos.append(StoredPhoto(meta, thumb.jpeg))
    return photos


CARDS = {
    1: WardrobeCard(1, "full_body", name="전신 사진", silhouette="긴 다리, 균형 잡힌 어깨, 일자 실루엣",
                    color_tone="웜톤, 중간 대비", current_style="캐주얼 니트와 데님"),
    2: WardrobeCard(2, "item", name="화이트 옥스퍼드 셔츠", category="top", colors=("white",),
                    material="cotton oxford", fit="regular", formality="business casual", season="all"),
    3: WardrobeCard(3, "item", name="네이비 울 슬랙스", category="bottom", colors=("navy",),
                    material="wool", fit="straight", formality="business", season="fall/winter"),
    4: WardrobeCard(4, "item", name="브라운 페니 로퍼", category="shoes", colors=("brown",),
                    material="leather", formality="smart casual", season="all"),
}  # fmt: skip


def coordi_requests(
    settings: Settings, photos: list[StoredPhoto], *, cards: bool, model: str
) -> list[list[dict[str, Any]]]:
    """The production builder; with cards, the album's analysis call comes first."""
    limits = PromptLimits(model=model, detail=settings.image_detail,
                          history_token_budget=settings.history_token_budget,
                          max_prompt_tokens=settings.max_prompt_tokens)  # fmt: skip
    requests = [analysis_messages(photos, "ko")] if cards else []
    history: list[HistoryMessage] = []
    for turn_number, question in enumerate(QUESTIONS):
        turn = TurnInput(
            lang="ko",
            question=question,
            photos=photos,
            history=history[-settings.history_max_messages :],
            new_photo_numbers=(1, 2, 3, 4) if turn_number == 0 else (),
            cards=CARDS if cards else {},
        )
        requests.append(build_prompt(turn, limits).messages)
        reply = FIRST_REPLY if turn_number == 0 else FOLLOW_UP_REPLY
        history += [HistoryMessage("user", question_text(turn)), HistoryMessage("assistant", reply)]
    return requests


def baseline_requests() -> list[list[dict[str, Any]]]:
    """Every turn: system prompt, full history, and all four originals again."""
    system = system_template("A").replace("{language}", "Korean")
    messages: list[dict[str, Any]] = [{"role": "system", "content": system}]
    requests = []
    for turn_number, question in enumerate(QUESTIONS):
        parts: list[dict[str, Any]] = [{"type": "text", "text": question}]
        parts += [
            {"type": "image_url", "image_url": {"url": f"original://{n}", "detail": "auto"}}
            for n in range(1, 5)
        ]
        requests.append([*messages, {"role": "user", "content": parts}])
        reply = FIRST_REPLY if turn_number == 0 else FOLLOW_UP_REPLY
        messages += [{"role": "user", "content": question}, {"role": "assistant", "content": reply}]
    return requests


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args()
    settings = Settings(telegram_bot_token="1:bench", _env_file=None)  # type: ignore[call-arg]
    photos = stored_photos(settings)
    naive = baseline_requests()
    rows = []
    for model in (settings.openai_model, "gpt-4o-mini"):
        baseline = sum(request_tokens(r, model, image_size=lambda _: ORIGINAL) for r in naive)
        price = INPUT_PRICE.get(model, 0.0) / 1_000_000
        for mode, with_cards in (("thumbnails every turn", False), ("cards", True)):
            requests = coordi_requests(settings, photos, cards=with_cards, model=model)
            tokens = sum(request_tokens(r, model) for r in requests)
            rows.append({"model": model, "mode": mode, "requests": len(requests),
                         "coordi_tokens": tokens, "baseline_tokens": baseline,
                         "ratio": round(tokens / baseline, 3),
                         "coordi_usd": round(tokens * price, 5),
                         "baseline_usd": round(baseline * price, 5)})  # fmt: skip
    thumb_bytes = [len(p.jpeg) for p in photos]
    if args.json:
        print(json.dumps({"rows": rows, "thumbnail_bytes": thumb_bytes}, indent=2))
        return
    print(f"6 turns, 4 photos ({ORIGINAL[0]}x{ORIGINAL[1]} originals), thumbnails "
          f"{settings.image_long_side}/{settings.clothing_long_side}px detail={settings.image_detail}: "
          f"{', '.join(f'{p.meta.width}x{p.meta.height}' for p in photos)}")  # fmt: skip
    header = f"{'model':<14}{'mode':<23}{'calls':>6}{'coordi tok':>12}{'baseline tok':>14}{'ratio':>8}{'coordi $':>10}{'baseline $':>12}"
    print(header)
    for r in rows:
        print(f"{r['model']:<14}{r['mode']:<23}{r['requests']:>6}{r['coordi_tokens']:>12}"
              f"{r['baseline_tokens']:>14}{r['ratio']:>8}{r['coordi_usd']:>10}{r['baseline_usd']:>12}")  # fmt: skip


if __name__ == "__main__":
    main()
