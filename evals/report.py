"""The JSON report of an eval run: rows, case copies and summary, written and read back.

The JSON report is self-contained: it keeps every answer's full text and a copy of
every case, so ``python -m evals recheck REPORT.json`` can re-run the deterministic
checks later with no model and no case files.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from evals.cases import EvalCase
from evals.results import CaseResult
from evals.table import summarize

REPORT_FORMAT = "coordi-eval-report/1"
REPORTS_DIR = Path(__file__).with_name("reports")


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
