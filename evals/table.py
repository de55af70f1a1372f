"""The printed side of an eval run: the per-case table and the per-variant summary."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from statistics import mean
from typing import Any

from evals.checks import CHECKS
from evals.judge import CRITERIA, SHORT_NAMES, JudgeResult
from evals.results import CaseResult

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
    "describes_items_truly": "desc",
    "builds_from_own_items": "own",
    "alternatives_differ": "alt≠",
    "suits_occasion": "tpo",
    "follows_style_notes": "style",
    "follow_up_constraints": "follow",
    "fits_season_weather": "season",
    "no_body_judgement": "body2",
    "stays_in_role": "role",
    "readable_on_phone": "wall",
}


def column(check: str) -> str:
    return CHECK_COLUMNS.get(check, check[:6])


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
