"""Run the eval cases against a model, check the answers, optionally judge them.

Requests are built as the bot builds them (`evals.requests`) and sent through the
bot's own model client (``bot.model.client.ModelClient``: streaming with usage). The
model is whatever ``OPENAI_BASE_URL`` / ``OPENAI_MODEL`` / ``OPENAI_API_KEY`` point at.
"""

from __future__ import annotations

import asyncio
import hashlib
import time
from collections.abc import Sequence
from dataclasses import dataclass, replace

from bot.model.client import ModelClient, ModelError
from evals.cases import EvalCase
from evals.judge import JudgeResult, judge_messages, judge_schema, parse_judgement
from evals.judge_pairwise import PairVerdict, judge_pair
from evals.judge_settings import JudgeSettings, judge_client
from evals.requests import build_request
from evals.results import CaseResult, check_answer
from prompts.builder import VARIANT_FILES
from prompts.builder import system_template as production_template


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
    judge: JudgeSettings | None = None  # None: no judge
    grade: bool = True  # with a judge: score each answer (--judge)
    pairwise: bool = False  # with a judge: the two variants against each other (--pairwise)

    @property
    def judge_model(self) -> str | None:
        return self.judge.model if self.judge else None


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
    judge = (
        judge_client(config.judge, timeout=config.timeout, max_retries=config.max_retries)
        if config.judge and config.grade
        else None
    )
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


async def run_pairwise(
    cases: Sequence[EvalCase], results: Sequence[CaseResult], config: RunConfig
) -> list[PairVerdict]:
    """For each case both variants answered, the judge's verdict in both orders."""
    if config.judge is None or len(config.variants) != 2:
        return []
    a, b = config.variants
    answers = {(r.case_id, r.variant): r.answer for r in results if r.answer is not None}
    judge = judge_client(config.judge, timeout=config.timeout, max_retries=config.max_retries)
    slots = asyncio.Semaphore(max(1, config.concurrency))

    async def one(case: EvalCase) -> PairVerdict:
        async with slots:
            pair = (answers[case.id, a], answers[case.id, b])
            return await judge_pair(judge, case, pair, (a, b), config.timeout)  # type: ignore[arg-type]

    try:
        both = [c for c in cases if (c.id, a) in answers and (c.id, b) in answers]
        return list(await asyncio.gather(*(one(case) for case in both)))
    finally:
        await judge.close()


def prompt_fingerprints(variants: Sequence[str]) -> dict[str, dict[str, str]]:
    return {
        v: {
            "file": f"prompts/{VARIANT_FILES[v]}",
            "sha256": hashlib.sha256(production_template(v).encode()).hexdigest(),
        }
        for v in variants
    }
