"""Run the eval cases against a model, check the answers, optionally judge them.

    python -m evals [--cases ID ...] [--variants A B] [--judge] [--out PATH]
    python -m evals recheck REPORT.json

Every request is built by the production builder (``prompts.builder.build_prompt``)
with the production system prompt of each variant, and sent through the bot's own
model client (``bot.llm.ModelClient``: streaming with usage). The model is whatever
``OPENAI_BASE_URL`` / ``OPENAI_MODEL`` / ``OPENAI_API_KEY`` point at (or the flags).
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import io
import os
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

from PIL import Image

from bot.llm import ModelClient, ModelError
from evals.cases import CASES_DIR, CaseError, EvalCase, case_from_dict, load_cases
from evals.judge import JudgeResult, judge_messages, judge_schema, parse_judgement
from evals.report import (
    REPORTS_DIR,
    CaseResult,
    build_report,
    check_answer,
    format_summary,
    format_table,
    read_report,
    report_path,
    write_report,
)
from prompts.builder import VARIANT_FILES, BuiltPrompt, PromptLimits, TurnInput, build_prompt
from prompts.builder import system_template as production_template
from storage.chat_store import PhotoMeta, StoredPhoto

DEFAULT_MODEL = "gpt-4.1-mini"
# Stored thumbnail sizes in production (IMAGE_LONG_SIDE / CLOTHING_LONG_SIDE defaults).
_BODY_SIZE, _CLOTHING_SIZE = (384, 512), (288, 384)


# --- requests ---------------------------------------------------------------------------


@cache
def placeholder_jpeg(size: tuple[int, int]) -> bytes:
    """A plain grey picture standing in for a photo that only exists as a card."""
    buffer = io.BytesIO()
    Image.new("RGB", size, (128, 128, 128)).save(buffer, "JPEG", quality=30)
    return buffer.getvalue()


def stored_photos(case: EvalCase) -> list[StoredPhoto]:
    """One stored photo per card, as the bot keeps them: the committed photo when the
    case has one, else a placeholder. The builder lists the wardrobe from the cards and
    attaches no picture for a photo that has a card unless the question asks about looks."""
    photos = []
    for card in case.cards:
        role = "full_body" if card.kind == "full_body" else "clothing"
        jpeg = case.images.get(card.number)
        if jpeg is not None:
            with Image.open(io.BytesIO(jpeg)) as image:
                width, height = image.size
        else:
            width, height = _BODY_SIZE if role == "full_body" else _CLOTHING_SIZE
            jpeg = placeholder_jpeg((width, height))
        meta = PhotoMeta(f"eval-{case.id}-{card.number}", card.number, role, width, height, 0.0)  # type: ignore[arg-type]
        photos.append(StoredPhoto(meta, jpeg))
    return photos


def turn_input(case: EvalCase, variant: str) -> TurnInput:
    return TurnInput(
        lang=case.lang,
        question=case.question,
        photos=stored_photos(case),
        history=list(case.history),
        occasion=case.occasion,
        cards=case.cards_by_number,
        style=case.style,
        variant=variant,
    )


def build_request(case: EvalCase, variant: str, model: str) -> BuiltPrompt:
    """Exactly what the bot would send for this turn (default production limits)."""
    return build_prompt(turn_input(case, variant), PromptLimits(model=model))


# --- running ----------------------------------------------------------------------------


@dataclass(frozen=True)
class RunConfig:
    model: str
    base_url: str | None
    api_key: str
    variants: tuple[str, ...] = ("A",)
    concurrency: int = 4
    timeout: float = 120.0  # seconds for one whole request
    max_retries: int = 2
    max_tokens: int = 1200
    judge_model: str | None = None  # None: no judge


async def _answer(
    client: ModelClient, case: EvalCase, variant: str, config: RunConfig
) -> CaseResult:
    result = CaseResult(case_id=case.id, variant=variant, model=config.model)
    try:
        built = build_request(case, variant, config.model)
    except Exception as exc:  # a case the builder cannot handle must not end the run
        result.error = f"building the request failed: {type(exc).__name__}: {exc}"
        return check_answer(result, case)
    result.estimated_prompt_tokens = built.estimated_tokens
    result.images = built.images
    result.dropped_messages = built.dropped_messages
    placeholders = [n for n in built.images if n not in case.images]
    if placeholders:
        numbers = ", ".join(f"[{n}]" for n in placeholders)
        result.notes.append(
            f"placeholder pictures attached for {numbers}: the question asks about looks"
        )
    if built.dropped_messages:
        result.notes.append(f"{built.dropped_messages} history messages trimmed to fit the budget")
    pieces: list[str] = []
    stream = client.stream(built.messages)
    started = time.monotonic()
    first: float | None = None
    try:
        async with asyncio.timeout(config.timeout):
            async for piece in stream:
                if first is None:
                    first = time.monotonic() - started
                pieces.append(piece)
    except ModelError as exc:
        result.error = str(exc)
    except TimeoutError:
        result.error = f"timeout: no complete answer within {config.timeout:g}s"
    except Exception as exc:  # one broken case must not end the run
        result.error = f"{type(exc).__name__}: {exc}"
    result.latency_s = round(time.monotonic() - started, 3)
    result.first_token_s = None if first is None else round(first, 3)
    if stream.usage is not None:
        result.prompt_tokens = stream.usage.prompt_tokens
        result.completion_tokens = stream.usage.completion_tokens
    text = "".join(pieces)
    if result.error is None and not text.strip():
        result.error = "empty answer"
    if result.error is None:
        result.answer = text
    else:
        result.partial = text
    return check_answer(result, case)


async def _judge(
    client: ModelClient, case: EvalCase, answer: str, config: RunConfig
) -> JudgeResult:
    model = client.model
    try:
        async with asyncio.timeout(config.timeout):
            text, _usage = await client.complete_json(judge_messages(case, answer), judge_schema())
    except ModelError as exc:
        return JudgeResult(model, error=f"judge call failed: {exc}")
    except TimeoutError:
        return JudgeResult(model, error=f"judge call timed out after {config.timeout:g}s")
    except Exception as exc:
        return JudgeResult(model, error=f"judge call failed: {type(exc).__name__}: {exc}")
    try:
        return JudgeResult(model, parse_judgement(text), raw=text)
    except ValueError as exc:
        return JudgeResult(model, error=str(exc), raw=text)


def _client(config: RunConfig, model: str, max_tokens: int) -> ModelClient:
    return ModelClient(
        api_key=config.api_key,
        base_url=config.base_url,
        model=model,
        # The SDK's read timeout: silence between streamed chunks.
        timeout=min(60.0, config.timeout),
        max_retries=config.max_retries,
        max_tokens=max_tokens,
    )


async def run_cases(cases: Sequence[EvalCase], config: RunConfig) -> list[CaseResult]:
    """Every case under every variant, at most ``concurrency`` at a time; results come
    back in case order, variants side by side."""
    answerer = _client(config, config.model, config.max_tokens)
    judge = _client(config, config.judge_model, 800) if config.judge_model else None
    slots = asyncio.Semaphore(max(1, config.concurrency))

    async def one(case: EvalCase, variant: str) -> CaseResult:
        async with slots:
            result = await _answer(answerer, case, variant, config)
            if judge is not None and result.answer is not None:
                result = replace(result, judge=await _judge(judge, case, result.answer, config))
            return result

    try:
        return list(
            await asyncio.gather(*(one(case, v) for case in cases for v in config.variants))
        )
    finally:
        await answerer.close()
        if judge is not None:
            await judge.close()


def prompt_fingerprints(variants: Sequence[str]) -> dict[str, dict[str, str]]:
    return {
        v: {
            "file": f"prompts/{VARIANT_FILES[v]}",
            "sha256": hashlib.sha256(production_template(v).encode()).hexdigest(),
        }
        for v in variants
    }


# --- recheck ----------------------------------------------------------------------------


def recheck(
    report: dict[str, Any], cases_dir: Path | None = None
) -> tuple[list[CaseResult], list[str], list[EvalCase]]:
    """Re-run the deterministic checks on a report's saved answers, offline.

    Cases come from the report's own copies, or from ``cases_dir`` when given (to apply
    edited check settings). Returns the rechecked results, one line per verdict that
    differs from the saved one, and the cases used.
    """
    if cases_dir is not None:
        by_id = {case.id: case for case in load_cases(cases_dir)}
    else:
        by_id = {
            case_id: case_from_dict(raw, where=f"report case {case_id}")
            for case_id, raw in report["cases"].items()
        }
    results: list[CaseResult] = []
    changes: list[str] = []
    for raw in report["results"]:
        saved = CaseResult.from_dict(raw)
        case = by_id.get(saved.case_id)
        if case is None:
            raise CaseError(f"report result {saved.key} has no case {saved.case_id!r}")
        fresh = check_answer(saved, case)
        before, after = saved.verdicts(), fresh.verdicts()
        for name in dict.fromkeys([*before, *after]):
            if before.get(name) != after.get(name):
                changes.append(
                    f"  {saved.case_id} {saved.variant} {name}: "
                    f"{_verdict(before.get(name))} -> {_verdict(after.get(name))}"
                )
        results.append(fresh)
    used = {r.case_id for r in results}
    return results, changes, [case for case_id, case in by_id.items() if case_id in used]


def _verdict(passed: bool | None) -> str:
    return "not run" if passed is None else "pass" if passed else "fail"


# --- command line -----------------------------------------------------------------------


def _run_parser() -> argparse.ArgumentParser:
    env_model = os.environ.get("OPENAI_MODEL") or DEFAULT_MODEL
    parser = argparse.ArgumentParser(
        prog="python -m evals",
        description=(
            "Run Coordi's eval cases against a model: production prompt per variant, "
            "deterministic checks, optional model judge; prints a table and writes a JSON report."
        ),
        epilog=(
            "Re-check a saved report offline (no model): python -m evals recheck REPORT.json "
            "[--cases-dir DIR] [--out PATH]. Exit status: 0 when every case was answered, "
            "1 when some request failed (recorded in the report), 2 on bad arguments."
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
    parser.add_argument("--judge-model", help="judge model (default: the evaluated model)")
    parser.add_argument(
        "--out",
        type=Path,
        help=f"report path (default {REPORTS_DIR.name}/<UTC time>-<model>.json in evals/)",
    )
    return parser  # fmt: skip


def _recheck_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m evals recheck",
        description="Re-run the deterministic checks on a saved report's answers, offline.",
    )
    parser.add_argument("report", type=Path, help="a JSON report written by python -m evals")
    parser.add_argument(
        "--cases-dir",
        type=Path,
        help="take cases from this directory instead of the report's copies",
    )
    parser.add_argument("--out", type=Path, help="write the rechecked report here")
    return parser  # fmt: skip


def _print(*parts: str) -> None:
    print("\n\n".join(parts), flush=True)


async def amain(argv: Sequence[str] | None = None) -> int:
    """The command line, as a coroutine (tests call it directly)."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list[:1] == ["recheck"]:
        return _recheck_main(args_list[1:])
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
    judge_model = (args.judge_model or args.model) if args.judge else None
    config = RunConfig(
        model=args.model,
        base_url=args.base_url,
        api_key=args.api_key,
        variants=variants,
        concurrency=args.concurrency,
        timeout=args.timeout,
        max_retries=args.max_retries,
        max_tokens=args.max_tokens,
        judge_model=judge_model,
    )
    now = datetime.now(UTC)
    print(
        f"{len(cases)} cases x variants {', '.join(variants)} on {config.model}"
        f" at {config.base_url or 'api.openai.com'}"
        + (f", judged by {judge_model}" if judge_model else ""),
        file=sys.stderr,
        flush=True,
    )
    results = await run_cases(cases, config)
    meta = {
        "created_at": now.isoformat(timespec="seconds"),
        "model": config.model,
        "base_url": config.base_url,
        "judge_model": judge_model,
        "variants": list(variants),
        "settings": {
            "concurrency": config.concurrency,
            "timeout": config.timeout,
            "max_retries": config.max_retries,
            "max_tokens": config.max_tokens,
        },
        "prompts": prompt_fingerprints(variants),
    }
    report = build_report(results=results, cases=cases, meta=meta)
    out = args.out or report_path(config.model, now)
    write_report(report, out)
    _print(format_table(results), format_summary(report["summary"]), f"report: {out}")
    return 1 if any(r.error for r in results) else 0


def _recheck_main(argv: Sequence[str]) -> int:
    parser = _recheck_parser()
    args = parser.parse_args(argv)
    try:
        report = read_report(args.report)
        results, changes, cases = recheck(report, args.cases_dir)
    except (OSError, ValueError, KeyError) as exc:
        parser.error(str(exc))
    new_report = build_report(
        results=results,
        cases=cases,
        meta={
            key: value
            for key, value in report.items()
            if key not in ("format", "cases", "results", "summary")
        }
        | {"rechecked_from": str(args.report)},
    )
    parts = [format_table(results), format_summary(new_report["summary"])]
    parts.append(
        "changed verdicts:\n" + "\n".join(changes)
        if changes
        else "no verdict changed since the run"
    )
    if args.out:
        write_report(new_report, args.out)
        parts.append(f"report: {args.out}")
    _print(*parts)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    return asyncio.run(amain(argv))
