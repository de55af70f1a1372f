"""Re-run the deterministic checks on a saved report's answers, offline (no model)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from evals.cases import CaseError, EvalCase, case_from_dict, load_cases
from evals.results import CaseResult, check_answer


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
