"""Results of an eval run: one row per (case, variant), the table, the summary, the JSON report.

The JSON report is self-contained: it keeps every answer's full text and a copy of
every case, so ``python -m evals recheck REPORT.json`` can re-run the deterministic
checks later with no model and no case files.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from statistics import mean
from typing import Any

from evals.case import CheckResult
from evals.cases import EvalCase
from evals.checks import CHECKS, run_checks
from evals.judge import CRITERIA, SHORT_NAMES, JudgeResult

REPORT_FORMAT = "coordi-eval-report/1"
REPORTS_DIR = Path(__file__).with_name("reports")
PASS, FAIL, SKIP = "✓", "✗", "-"

# Column headings of the table; a check registered later gets a cut-down name.
CHECK_COLUMNS: dict[str, str] = {
    "cites_existing_items": "cites",
    "covers_top_bottom_shoes": "slots",
    "offers_alternatives": "alts",
    "answers_in_user_language": "lang",
    "mentions_occasion": "occ",
    "no_weight_or_bmi": "body",
    "within_length": "len",
}


def column(check: str) -> str:
    return CHECK_COLUMNS.get(check, check[:6])


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
        }

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
        )


def check_answer(result: CaseResult, case: EvalCase) -> CaseResult:
    """The result with its deterministic checks (re)computed from the saved answer."""
    if result.answer is None:
        return replace(result, checks=[], skipped_checks=case.skip_checks)
    checks = run_checks(result.answer, case.context, case.check_names)
    return replace(result, checks=checks, skipped_checks=case.skip_checks)


# --- the table ------------------------------------------------------------------------


def _judge_cell(judge: JudgeResult | None) -> str:
    if judge is None:
        return ""
    if judge.error:
        return "err"
    return "/".join(str(judge.scores[name].score) for name in CRITERIA if name in judge.scores)


def _tokens(result: CaseResult) -> tuple[str, str]:
    prompt = result.prompt_tokens
    shown = str(prompt) if prompt is not None else f"~{result.estimated_prompt_tokens}"
    completion = "" if result.completion_tokens is None else str(result.completion_tokens)
    return shown, completion


def _grid(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    widths = [max(len(line[i]) for line in (header, *rows)) for i in range(len(header))]
    lines = [
        "  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)).rstrip()
        for line in (header, *rows)
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return lines


def format_table(results: Sequence[CaseResult]) -> str:
    """One row per answer, then one line per failed check, error and judge problem."""
    names = list(CHECKS)
    judged = any(r.judge is not None for r in results)
    header = ["case", "var", *(column(n) for n in names)]
    if judged:
        header.append("judge " + "/".join(SHORT_NAMES[c] for c in CRITERIA))
    header += ["tok in", "tok out", "sec"]
    rows = []
    for r in results:
        verdicts = r.verdicts()
        if r.answer is None:
            cells = ["ERROR", *([""] * (len(names) - 1))]
        else:
            cells = [SKIP if n not in verdicts else PASS if verdicts[n] else FAIL for n in names]
        row = [r.case_id, r.variant, *cells]
        if judged:
            row.append(_judge_cell(r.judge))
        row += [*_tokens(r), "" if r.latency_s is None else f"{r.latency_s:.1f}"]
        rows.append(row)
    lines = _grid(header, rows)
    for r in results:
        if r.error:
            lines.append(f"  ! {r.case_id} {r.variant} error: {r.error}")
        lines.extend(
            f"  {FAIL} {r.case_id} {r.variant} {c.name}: {c.reason}"
            for c in r.checks
            if not c.passed
        )
        if r.judge is not None and r.judge.error:
            lines.append(f"  ! {r.case_id} {r.variant} judge: {r.judge.error}")
        lines.extend(f"  ~ {r.case_id} {r.variant} {note}" for note in r.notes)
    return "\n".join(lines)


# --- the summary ----------------------------------------------------------------------


def _mean(values: Iterable[float | int | None]) -> float | None:
    present = [v for v in values if v is not None]
    return round(mean(present), 2) if present else None


def summarize(results: Sequence[CaseResult]) -> dict[str, dict[str, Any]]:
    """Per variant: answers, pass counts per check, mean judge scores, tokens, latency."""
    summary: dict[str, dict[str, Any]] = {}
    for variant in dict.fromkeys(r.variant for r in results):
        rows = [r for r in results if r.variant == variant]
        answered = [r for r in rows if r.answer is not None]
        checks: dict[str, dict[str, int]] = {}
        for name in CHECKS:
            ran = [v[name] for v in (r.verdicts() for r in answered) if name in v]
            checks[name] = {"passed": sum(ran), "ran": len(ran)}
        judged = [r.judge for r in answered if r.judge is not None and not r.judge.error]
        summary[variant] = {
            "cases": len(rows),
            "answered": len(answered),
            "errors": len(rows) - len(answered),
            "all_checks_passed": sum(all(r.verdicts().values()) for r in answered),
            "checks": checks,
            "judged": len(judged),
            "judge_errors": sum(1 for r in answered if r.judge is not None and r.judge.error),
            "judge_means": {
                name: _mean(j.scores[name].score for j in judged if name in j.scores)
                for name in CRITERIA
            },
            "mean_prompt_tokens": _mean(r.prompt_tokens for r in answered),
            "mean_estimated_prompt_tokens": _mean(r.estimated_prompt_tokens for r in rows),
            "mean_completion_tokens": _mean(r.completion_tokens for r in answered),
            "mean_answer_chars": _mean(len(r.answer or "") for r in answered),
            "mean_latency_s": _mean(r.latency_s for r in answered),
        }
    return summary


def _share(part: int, whole: int) -> str:
    return f"{part}/{whole} ({part / whole:.0%})" if whole else "n/a"


def _number(value: float | None, digits: int = 0) -> str:
    return "n/a" if value is None else f"{value:.{digits}f}"


def format_summary(summary: Mapping[str, Mapping[str, Any]]) -> str:
    """The variants side by side: one row per metric, one column per variant."""
    variants = list(summary)
    metrics: list[tuple[str, list[str]]] = [
        ("answered", [f"{s['answered']}/{s['cases']}" for s in summary.values()]),
        (
            "all checks pass",
            [_share(s["all_checks_passed"], s["answered"]) for s in summary.values()],
        ),
    ]
    for name in CHECKS:
        metrics.append(
            (
                name,
                [
                    _share(s["checks"][name]["passed"], s["checks"][name]["ran"])
                    for s in summary.values()
                ],
            )
        )
    if any(s["judged"] or s["judge_errors"] for s in summary.values()):
        for name in CRITERIA:
            metrics.append(
                (
                    f"judge {name} (1-5)",
                    [_number(s["judge_means"][name], 2) for s in summary.values()],
                )
            )
        metrics.append(("judge errors", [str(s["judge_errors"]) for s in summary.values()]))
    metrics += [
        ("mean prompt tokens", [_number(s["mean_prompt_tokens"]) for s in summary.values()]),
        (
            "mean completion tokens",
            [_number(s["mean_completion_tokens"]) for s in summary.values()],
        ),
        ("mean answer chars", [_number(s["mean_answer_chars"]) for s in summary.values()]),
        ("mean latency s", [_number(s["mean_latency_s"], 1) for s in summary.values()]),
    ]
    header = ["variant", *variants]
    return "\n".join(_grid(header, [[label, *cells] for label, cells in metrics]))


# --- the JSON report ------------------------------------------------------------------


def report_path(model: str, now: datetime, directory: Path = REPORTS_DIR) -> Path:
    """``<dir>/<UTC timestamp>-<model>.json``, the model name made safe for a file name."""
    safe_model = re.sub(r"[^A-Za-z0-9._-]+", "_", model).strip("_") or "model"
    return directory / f"{now.strftime('%Y%m%dT%H%M%SZ')}-{safe_model}.json"


def build_report(
    *,
    results: Sequence[CaseResult],
    cases: Sequence[EvalCase],
    meta: Mapping[str, Any],
) -> dict[str, Any]:
    return {
        "format": REPORT_FORMAT,
        **meta,
        "cases": {case.id: dict(case.raw) for case in cases},
        "results": [r.to_dict() for r in results],
        "summary": summarize(results),
    }


def write_report(report: Mapping[str, Any], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def read_report(path: Path) -> dict[str, Any]:
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or data.get("format") != REPORT_FORMAT:
        raise ValueError(f"{path}: not an eval report ({REPORT_FORMAT})")
    return data
