"""The ``python -m evals`` command line: run the cases, and the commands around a run.

    python -m evals [--cases ID ...] [--variants A B] [--judge] [--pairwise] [--out PATH]
    python -m evals recheck REPORT.json              # the checks again, offline
    python -m evals labelled-report DIR --out R.json  # labelled answers as a report
    python -m evals import-labelled SRC DEST          # labelled answers from elsewhere
    python -m evals calibrate [--labelled DIR]        # how far to trust the judge
    python -m evals from-feedback                     # 👎 answers in Redis -> draft cases

Every request is built by the production builder (``prompts.builder.build_prompt``)
with the production system prompt of each variant, and sent through the bot's own
model client (``bot.model.client.ModelClient``: streaming with usage). The model is whatever
``OPENAI_BASE_URL`` / ``OPENAI_MODEL`` / ``OPENAI_API_KEY`` point at (or the flags).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from evals.cases import CASES_DIR, CaseError, load_cases
from evals.cli_judge import calibrate_main
from evals.cli_offline import import_labelled_main, labelled_report_main, recheck_main
from evals.feedback_drafts import from_feedback_main
from evals.judge_pairwise import format_pairwise, tally
from evals.judge_settings import add_judge_arguments, resolve_judge
from evals.report import REPORTS_DIR, build_report, report_path, write_report
from evals.runner import RunConfig, prompt_fingerprints, run_cases, run_pairwise
from evals.table import format_summary, format_table
from prompts.builder import VARIANT_FILES

DEFAULT_MODEL = "gpt-4.1-mini"


def _run_parser() -> argparse.ArgumentParser:
    env_model = os.environ.get("OPENAI_MODEL") or DEFAULT_MODEL
    parser = argparse.ArgumentParser(
        prog="python -m evals",
        description=(
            "Run Coordi's eval cases against a model: production prompt per variant, "
            "deterministic checks, optional model judge; prints a table and writes a JSON report."
        ),
        epilog=(
            "Other commands (each has --help): recheck REPORT.json (the checks again, offline), "
            "labelled-report, import-labelled, calibrate (the judge against labelled answers), "
            "from-feedback (👎 answers in Redis become draft cases). Exit status: 0 when "
            "every case was answered, 1 when some request failed (recorded in the report), "
            "2 on bad arguments."
        ),
    )
    parser.add_argument(
        "--base-url",
        default=os.environ.get("OPENAI_BASE_URL") or None,
        help="OpenAI-compatible /v1 endpoint (env OPENAI_BASE_URL; default OpenAI)",
    )
    parser.add_argument(
        "--model",
        default=env_model,
        help=f"model to evaluate (env OPENAI_MODEL; default {DEFAULT_MODEL})",
    )
    parser.add_argument(
        "--api-key",
        default=os.environ.get("OPENAI_API_KEY", ""),
        help="API key (env OPENAI_API_KEY; local servers accept any)",
    )
    parser.add_argument("--cases", nargs="+", metavar="ID", help="case ids to run (default: all)")
    parser.add_argument("--cases-dir", type=Path, default=CASES_DIR, help="directory of case files")
    parser.add_argument(
        "--variants",
        nargs="+",
        default=["A"],
        choices=sorted(VARIANT_FILES),
        help="prompt variants to compare side by side (default: A)",
    )
    parser.add_argument("--concurrency", type=int, default=4, help="requests at once (default 4)")
    parser.add_argument(
        "--timeout",
        type=float,
        default=120.0,
        help="seconds allowed for one whole request (default 120)",
    )
    parser.add_argument(
        "--max-retries",
        type=int,
        default=2,
        help="SDK retries of 429/5xx before the first token (default 2)",
    )
    parser.add_argument(
        "--max-tokens",
        type=int,
        default=1200,
        help="upper bound of one answer, as MAX_ANSWER_TOKENS (default 1200)",
    )
    parser.add_argument("--judge", action="store_true", help="grade answers with a model judge")
    parser.add_argument(
        "--pairwise",
        action="store_true",
        help="with two --variants: the judge picks the better answer per case, asked in both "
        "orders; a verdict counts only when both orders agree",
    )
    add_judge_arguments(parser)
    parser.add_argument(
        "--out",
        type=Path,
        help=f"report path (default {REPORTS_DIR.name}/<UTC time>-<model>.json in evals/)",
    )
    return parser  # fmt: skip


def _print(*parts: str) -> None:
    print("\n\n".join(parts), flush=True)


async def amain(argv: Sequence[str] | None = None) -> int:
    """The command line, as a coroutine (tests call it directly)."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    offline = {
        "recheck": recheck_main,
        "labelled-report": labelled_report_main,
        "import-labelled": import_labelled_main,
    }
    if args_list[:1] and args_list[0] in offline:
        return offline[args_list[0]](args_list[1:])
    if args_list[:1] == ["calibrate"]:
        return await calibrate_main(args_list[1:])
    if args_list[:1] == ["from-feedback"]:
        return await from_feedback_main(args_list[1:])
    if args_list[:1] == ["run"]:
        args_list = args_list[1:]
    parser = _run_parser()
    args = parser.parse_args(args_list)
    if args.concurrency < 1:
        parser.error("--concurrency must be at least 1")
    try:
        cases = load_cases(args.cases_dir, args.cases)
    except (CaseError, FileNotFoundError) as exc:
        parser.error(str(exc))
    variants = tuple(dict.fromkeys(args.variants))
    if args.pairwise and len(variants) != 2:
        parser.error("--pairwise compares exactly two --variants")
    judge = None
    if args.judge or args.pairwise:
        try:
            judge = resolve_judge(args, args.model, args.base_url, args.api_key)
        except ValueError as exc:
            parser.error(str(exc))
        if judge.self_judged:
            print(f"warning: {judge.model} judges its own answers", file=sys.stderr)
    judge_model = judge.model if judge else None
    config = RunConfig(
        model=args.model,
        base_url=args.base_url,
        api_key=args.api_key,
        variants=variants,
        concurrency=args.concurrency,
        timeout=args.timeout,
        max_retries=args.max_retries,
        max_tokens=args.max_tokens,
        judge=judge,
        grade=args.judge,
        pairwise=args.pairwise,
    )
    now = datetime.now(UTC)
    print(
        f"{len(cases)} cases x variants {', '.join(variants)} on {config.model}"
        f" at {config.base_url or 'api.openai.com'}"
        + (f", {'pairwise ' if args.pairwise else ''}judged by {judge_model}" if judge else ""),
        file=sys.stderr,
        flush=True,
    )
    results = await run_cases(cases, config)
    pairs = await run_pairwise(cases, results, config) if args.pairwise else []
    meta: dict[str, Any] = {
        "created_at": now.isoformat(timespec="seconds"),
        "model": config.model,
        "base_url": config.base_url,
        "judge_model": judge_model,
        "judge_base_url": judge.base_url if judge else None,
        "self_judged": bool(judge and judge.self_judged),
        "variants": list(variants),
        "settings": {
            "concurrency": config.concurrency,
            "timeout": config.timeout,
            "max_retries": config.max_retries,
            "max_tokens": config.max_tokens,
        },
        "prompts": prompt_fingerprints(variants),
    }
    if args.pairwise:
        meta["pairwise"] = {"verdicts": [p.to_dict() for p in pairs], "tally": tally(pairs)}
    report = build_report(results=results, cases=cases, meta=meta)
    out = args.out or report_path(config.model, now)
    write_report(report, out)
    parts = [format_table(results), format_summary(report["summary"])]
    if args.pairwise:
        parts.append(format_pairwise(pairs))
    _print(*parts, f"report: {out}")
    return 1 if any(r.error for r in results) else 0


def main(argv: Sequence[str] | None = None) -> int:
    return asyncio.run(amain(argv))
