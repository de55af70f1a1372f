"""``python -m evals calibrate``: how far the judge agrees with labelled answers.

python -m evals calibrate [--labelled evals/heldout] [--judge-model gpt-4.1]
                          [--bad-at-or-below 3] [--pairwise] [--out calibration.json]
"""

from __future__ import annotations

import argparse
import json
import os
from collections.abc import Sequence
from pathlib import Path

from evals.calibrate import (
    calibration,
    format_calibration,
    format_pair_calibration,
    grade_answers,
    judge_pairs,
)
from evals.judge_settings import add_judge_arguments, judge_client, resolve_judge
from evals.labelled import DEFAULT_DIR, load_known_answers


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m evals calibrate",
        description=(
            "Run the judge on labelled answers and print its agreement with the labels and "
            "Cohen's kappa, so you know how far to trust it."
        ),
    )
    parser.add_argument("--labelled", type=Path, default=DEFAULT_DIR,
                        help=f"labelled answers (default evals/{DEFAULT_DIR.name}/)")  # fmt: skip
    parser.add_argument(
        "--bad-at-or-below",
        type=int,
        default=3,
        choices=range(1, 5),
        help="the judge calls an answer bad when any criterion scores this or lower (default 3)",
    )
    parser.add_argument(
        "--pairwise",
        action="store_true",
        help="pair each good answer with each bad one of the same case, judge both orders",
    )
    parser.add_argument("--concurrency", type=int, default=4, help="judge calls at once")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per judge call")
    parser.add_argument("--max-retries", type=int, default=2, help="SDK retries of 429/5xx")
    parser.add_argument("--out", type=Path, help="write every judgement here as JSON")
    add_judge_arguments(parser)
    return parser


async def calibrate_main(argv: Sequence[str]) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        answers = load_known_answers(args.labelled)
    except (OSError, ValueError, KeyError) as exc:
        parser.error(str(exc))
    # Labelled answers are no model's own, so there is no evaluated model to keep apart.
    settings = resolve_judge(
        args, "", os.environ.get("OPENAI_BASE_URL") or None, os.environ.get("OPENAI_API_KEY", "")
    )
    judge = judge_client(settings, timeout=args.timeout, max_retries=args.max_retries)
    try:
        if args.pairwise:
            verdicts = await judge_pairs(
                judge, answers, concurrency=args.concurrency, call_seconds=args.timeout
            )
            text = format_pair_calibration(verdicts, settings.model)
            data: dict[str, object] = {"pairs": [v.to_dict() for v in verdicts]}
            failed = all(v.verdict == "error" for v in verdicts)
        else:
            graded = await grade_answers(
                judge,
                answers,
                bad_at_or_below=args.bad_at_or_below,
                concurrency=args.concurrency,
                call_seconds=args.timeout,
            )
            result = calibration(graded)
            text = format_calibration(result, settings.model, args.bad_at_or_below)
            data = result | {"graded": [g.__dict__ for g in graded]}
            failed = result["judged"] == 0
    finally:
        await judge.close()
    if args.out:
        meta = {"judge_model": settings.model, "labelled": str(args.labelled)}
        args.out.write_text(json.dumps(meta | data, ensure_ascii=False, indent=2) + "\n")
    print(text, flush=True)
    return 1 if failed else 0
