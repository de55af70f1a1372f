"""One row of an eval run per (case, variant): the answer, its usage, its check verdicts.

Rows are kept in the JSON report (`evals.report`) and printed by `evals.table`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from evals.case import CheckResult
from evals.cases import EvalCase
from evals.checks import run_checks
from evals.judge import JudgeResult


@dataclass
class CaseResult:
    case_id: str
    variant: str
    model: str
    answer: str | None = None
    error: str | None = None
    partial: str = ""  # what arrived before an error
    estimated_prompt_tokens: int = 0  # the builder's offline estimate of the request
    prompt_tokens: int | None = None  # usage reported by the server
    completion_tokens: int | None = None
    images: tuple[int, ...] = ()  # photo numbers attached as pictures
    dropped_messages: int = 0  # history messages trimmed to fit the budget
    latency_s: float | None = None
    first_token_s: float | None = None
    checks: list[CheckResult] = field(default_factory=list)
    skipped_checks: tuple[str, ...] = ()
    judge: JudgeResult | None = None
    notes: list[str] = field(default_factory=list)  # things worth a look, not failures
    # Rows made from labelled answers (python -m evals labelled-report) carry the label.
    label: str | None = None
    flaw: str | None = None

    @property
    def key(self) -> str:
        return f"{self.case_id}/{self.variant}"

    def verdicts(self) -> dict[str, bool]:
        return {check.name: check.passed for check in self.checks}

    def to_dict(self) -> dict[str, Any]:
        return {
            "case_id": self.case_id,
            "variant": self.variant,
            "model": self.model,
            "answer": self.answer,
            "error": self.error,
            "partial": self.partial,
            "estimated_prompt_tokens": self.estimated_prompt_tokens,
            "usage": (
                None
                if self.prompt_tokens is None and self.completion_tokens is None
                else {
                    "prompt_tokens": self.prompt_tokens,
                    "completion_tokens": self.completion_tokens,
                }
            ),
            "images": list(self.images),
            "dropped_messages": self.dropped_messages,
            "latency_s": self.latency_s,
            "first_token_s": self.first_token_s,
            "checks": [
                {"name": c.name, "passed": c.passed, "reason": c.reason} for c in self.checks
            ],
            "skipped_checks": list(self.skipped_checks),
            "judge": self.judge.to_dict() if self.judge else None,
            "notes": list(self.notes),
        } | ({"label": self.label, "flaw": self.flaw} if self.label else {})

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CaseResult:
        usage = data.get("usage") or {}
        return cls(
            case_id=str(data["case_id"]),
            variant=str(data["variant"]),
            model=str(data.get("model", "")),
            answer=data.get("answer"),
            error=data.get("error"),
            partial=str(data.get("partial") or ""),
            estimated_prompt_tokens=int(data.get("estimated_prompt_tokens") or 0),
            prompt_tokens=usage.get("prompt_tokens"),
            completion_tokens=usage.get("completion_tokens"),
            images=tuple(data.get("images") or ()),
            dropped_messages=int(data.get("dropped_messages") or 0),
            latency_s=data.get("latency_s"),
            first_token_s=data.get("first_token_s"),
            checks=[
                CheckResult(str(c["name"]), bool(c["passed"]), str(c.get("reason", "")))
                for c in data.get("checks") or ()
            ],
            skipped_checks=tuple(data.get("skipped_checks") or ()),
            judge=JudgeResult.from_dict(data["judge"]) if data.get("judge") else None,
            notes=[str(note) for note in data.get("notes") or ()],
            label=data.get("label"),
            flaw=data.get("flaw"),
        )


def check_answer(result: CaseResult, case: EvalCase) -> CaseResult:
    """The result with its deterministic checks (re)computed from the saved answer."""
    if result.answer is None:
        return replace(result, checks=[], skipped_checks=case.skip_checks)
    checks = run_checks(result.answer, case.context, case.check_names)
    return replace(result, checks=checks, skipped_checks=case.skip_checks)
