"""Which model judges, and on which server: kept apart from the model being evaluated.

A model grading its own answers favours them, so the judge is a separate setting:
``--judge-model`` (env ``EVAL_JUDGE_MODEL``, default ``gpt-4.1``), ``--judge-base-url``
(env ``EVAL_JUDGE_BASE_URL``, default: the evaluated model's server) and
``--judge-api-key`` (env ``EVAL_JUDGE_API_KEY``, default: the evaluated model's key).
A run whose judge is the answering model on the same server is refused unless
``--allow-self-judge`` is given; then it is marked ``self_judged`` in the report.
"""

from __future__ import annotations

import argparse
import os
from dataclasses import dataclass

from bot.model.client import ModelClient

DEFAULT_JUDGE_MODEL = "gpt-4.1"


@dataclass(frozen=True)
class JudgeSettings:
    model: str
    base_url: str | None
    api_key: str
    self_judged: bool = False


def add_judge_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--judge-model",
        default=os.environ.get("EVAL_JUDGE_MODEL") or DEFAULT_JUDGE_MODEL,
        help=f"judge model (env EVAL_JUDGE_MODEL; default {DEFAULT_JUDGE_MODEL}); "
        "must differ from the model being evaluated",
    )
    parser.add_argument(
        "--judge-base-url",
        default=os.environ.get("EVAL_JUDGE_BASE_URL") or None,
        help="the judge's OpenAI-compatible /v1 endpoint (env EVAL_JUDGE_BASE_URL; "
        "default: the evaluated model's)",
    )
    parser.add_argument(
        "--judge-api-key",
        default=os.environ.get("EVAL_JUDGE_API_KEY") or None,
        help="the judge's API key (env EVAL_JUDGE_API_KEY; default: the evaluated model's)",
    )
    parser.add_argument(
        "--allow-self-judge",
        action="store_true",
        help="accept a judge that is the evaluated model itself (marked in the report)",
    )


def resolve_judge(
    args: argparse.Namespace, answer_model: str, answer_base_url: str | None, answer_key: str
) -> JudgeSettings:
    """The judge for this run, or ValueError when it would grade its own answers."""
    base_url = args.judge_base_url or answer_base_url
    same = args.judge_model == answer_model and (base_url or "") == (answer_base_url or "")
    if same and not args.allow_self_judge:
        raise ValueError(
            f"the judge would be the evaluated model itself ({answer_model}); choose another "
            "with --judge-model (or EVAL_JUDGE_MODEL), or pass --allow-self-judge"
        )
    return JudgeSettings(args.judge_model, base_url, args.judge_api_key or answer_key, same)


def judge_client(settings: JudgeSettings, *, timeout: float, max_retries: int) -> ModelClient:
    return ModelClient(
        api_key=settings.api_key,
        base_url=settings.base_url,
        model=settings.model,
        timeout=min(60.0, timeout),
        max_retries=max_retries,
        max_tokens=800,
    )
