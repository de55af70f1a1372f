"""``python -m evals from-feedback``: 👎-rated answers kept in Redis become draft cases.

    REDIS_URL=redis://... python -m evals from-feedback [--out evals/drafts] [--force]

Each draft is a valid case file (``python -m evals --cases-dir evals/drafts`` runs it)
with the rated turn: the question, the exchange before it, the chat's occasion, style
notes and wardrobe cards, and under ``feedback`` the answer that got 👎. What it lacks
is what a person must add: what the case is about, its ``expect`` block and rubric.
Then the file moves to ``evals/cases/``, and the rated answer can join
``evals/known_answers/`` as a labelled bad answer.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from redis.exceptions import RedisError

from evals.cases import CaseError, case_from_dict
from prompts.language import detect_language
from storage.connection import connect
from storage.downvotes import DownvoteLog, RatedTurn
from storage.records import CATEGORIES

DRAFTS_DIR = Path(__file__).with_name("drafts")
# The builder adds this line to a question that came with photos; a case has no photos.
_NEW_PHOTOS = re.compile(r"\n?\(New photos in this message: [^)]*\)\s*$")


def _card(card: Any) -> dict[str, Any] | None:
    """The card as case JSON, or None when a case could not use it (no kind or name)."""
    data = {k: v for k, v in card.__dict__.items() if k != "notes" or v}
    data["colors"] = list(card.colors)
    if card.kind == "item" and (card.category not in CATEGORIES or not card.name.strip()):
        return None
    return data


def draft_case(answer_id: str, turn: RatedTurn) -> dict[str, Any]:
    day = time.strftime("%Y-%m-%d", time.gmtime(turn.rated_at))
    question = _NEW_PHOTOS.sub("", turn.question).strip() or turn.question
    lang = detect_language(question, None)
    cards = [c for c in (_card(card) for card in turn.cards) if c is not None]
    dropped = len(turn.cards) - len(cards)
    note = f" {dropped} card(s) without a usable category or name were left out." if dropped else ""
    return {
        "id": f"feedback_{day.replace('-', '')}_{answer_id}",
        "description": (
            f"DRAFT from a 👎 on {day} (prompt variant {turn.variant}, {turn.model}). TODO: "
            "say what the case tests, write its expectations under expect and a rubric, "
            f"then move it to evals/cases/.{note}"
        ),
        "lang": lang,
        "occasion": turn.occasion,
        "style": turn.style,
        "cards": cards,
        "history": [{"role": role, "content": content} for role, content in turn.previous],
        "question": question,
        "checks": {"occasion_keywords": [turn.occasion] if turn.occasion else []},
        "expect": {},
        "rubric": "",
        "feedback": {
            "rated": "down",
            "answer": turn.answer,
            "variant": turn.variant,
            "model": turn.model,
            "rated_on": day,
        },
    }


def save_drafts(
    records: Sequence[tuple[str, RatedTurn]], out: Path, *, force: bool = False
) -> list[Path]:
    """One draft per kept 👎; existing drafts are left alone unless ``force``."""
    written = []
    out.mkdir(parents=True, exist_ok=True)
    for answer_id, turn in records:
        data = draft_case(answer_id, turn)
        case_from_dict(data)  # a draft must load as a case; CaseError says why not
        path = out / f"{data['id']}.json"
        if path.exists() and not force:
            continue
        path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        written.append(path)
    return written


async def from_feedback_main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m evals from-feedback",
        description="Write draft eval cases from the 👎-rated answers kept in Redis (30 days).",
    )
    parser.add_argument(
        "--redis-url", default=os.environ.get("REDIS_URL"), help="the bot's Redis (env REDIS_URL)"
    )
    parser.add_argument(
        "--out", type=Path, default=DRAFTS_DIR, help="where drafts go (default evals/drafts/)"
    )
    parser.add_argument("--force", action="store_true", help="overwrite drafts that exist")
    args = parser.parse_args(argv)
    if not args.redis_url:
        parser.error("set REDIS_URL (or --redis-url) to the bot's Redis")
    try:
        # A single server or any node of a cluster, as the bot itself connects.
        redis = connect(args.redis_url, max_connections=4)
    except RedisError as exc:
        parser.error(f"cannot read the kept 👎 answers from Redis: {exc}")
    try:
        records = await DownvoteLog(redis).recent()
    except RedisError as exc:
        parser.error(f"cannot read the kept 👎 answers from Redis: {exc}")
    finally:
        await redis.aclose()
    try:
        written = save_drafts(records, args.out, force=args.force)
    except (CaseError, OSError, ValueError) as exc:
        parser.error(str(exc))
    print(f"{len(written)} draft case(s) written to {args.out}", flush=True)
    for path in written:
        print(f"  {path}", flush=True)
    return 0
