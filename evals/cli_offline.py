"""The offline commands (no model): recheck a saved report, turn labelled answers into a
report, import labelled answers written elsewhere.

    python -m evals recheck REPORT.json [--cases-dir DIR] [--out PATH]
    python -m evals labelled-report [DIR ...] --out REPORT.json
    python -m evals import-labelled SRC DEST
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from evals.catch_rate import catch_rates, format_table, overall, score_results
from evals.labelled import DEFAULT_DIR, LabelledAnswer, load_known_answers
from evals.labelled_import import import_answers
from evals.recheck import recheck
from evals.report import build_report, read_report, write_report
from evals.results import CaseResult, check_answer
from evals.table import format_summary
from evals.table import format_table as format_rows

LABELLED_MODEL = "labelled answers (no model)"


def _print(*parts: str) -> None:
    print("\n\n".join(parts), flush=True)


def _summary(results: Sequence[CaseResult], summary: dict[str, object]) -> str:
    """Labelled rows are scored against their labels; model rows summed per variant."""
    scored = score_results(results)
    if scored:
        return "what the checks catch:\n" + format_table(catch_rates(scored), overall(scored))
    return format_summary(summary)  # type: ignore[arg-type]


def recheck_main(argv: Sequence[str]) -> int:
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
    args = parser.parse_args(argv)
    try:
        report = read_report(args.report)
        results, changes, cases = recheck(report, args.cases_dir)
    except (OSError, ValueError, KeyError) as exc:
        parser.error(str(exc))
    meta = {k: v for k, v in report.items() if k not in ("format", "cases", "results", "summary")}
    new_report = build_report(
        results=results, cases=cases, meta=meta | {"rechecked_from": str(args.report)}
    )
    parts = [format_rows(results), _summary(results, new_report["summary"])]
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


def labelled_results(answers: Sequence[LabelledAnswer]) -> list[CaseResult]:
    """One report row per labelled answer: the answer id as the variant, the label kept."""
    return [
        check_answer(
            CaseResult(
                case_id=a.case.id,
                variant=a.id,
                model=LABELLED_MODEL,
                answer=a.text,
                label=a.label,
                flaw=a.flaw,
            ),
            a.case,
        )
        for a in answers
    ]


def _pooled(folders: Sequence[Path]) -> list[LabelledAnswer]:
    """The answers of one folder as they are; of several, each id prefixed with its
    folder's name, since every held-out set numbers its answers per case from 1."""
    if len(folders) == 1:
        return load_known_answers(folders[0])
    return [
        replace(a, id=f"{folder.name}/{a.id}")
        for folder in folders
        for a in load_known_answers(folder)
    ]


def labelled_report_main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m evals labelled-report",
        description=(
            "Write an eval report whose answers are labelled answers (good/bad), checked "
            "offline, so `python -m evals recheck` can score the checks against the labels."
        ),
    )
    parser.add_argument("labelled", type=Path, nargs="*", default=[DEFAULT_DIR],
                        help=f"directories of labelled answers (default {DEFAULT_DIR.name}/); "
                             "several are pooled into one report")  # fmt: skip
    parser.add_argument("--out", type=Path, required=True, help="where to write the report")
    args = parser.parse_args(argv)
    try:
        answers = _pooled(args.labelled)
    except (OSError, ValueError, KeyError) as exc:
        parser.error(str(exc))
    results = labelled_results(answers)
    cases = list({a.case.id: a.case for a in answers}.values())
    meta = {
        "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "model": LABELLED_MODEL,
        "labelled_from": ", ".join(str(p) for p in args.labelled),
        "variants": sorted({r.variant for r in results}),
    }
    write_report(build_report(results=results, cases=cases, meta=meta), args.out)
    bad = sum(a.label == "bad" for a in answers)
    sources = ", ".join(str(p) for p in args.labelled)
    _print(f"{len(answers)} labelled answers ({bad} bad) from {sources}: {args.out}")
    return 0


def import_labelled_main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m evals import-labelled",
        description="Turn one-answer-per-file labelled answers into evals/labelled files.",
    )
    parser.add_argument("source", type=Path, help="folder of <case_id>__<n>.json answers")
    parser.add_argument("dest", type=Path, help="folder to write <case_id>.json files into")
    args = parser.parse_args(argv)
    try:
        count = import_answers(args.source, args.dest)
        load_known_answers(args.dest)  # what was written must load as labelled answers
    except (OSError, ValueError, KeyError) as exc:
        parser.error(str(exc))
    _print(f"{count} answers written to {args.dest}")
    return 0
