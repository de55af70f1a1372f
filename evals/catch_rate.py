"""How well the deterministic checks separate labelled bad answers from good ones.

Per check, over the answers whose case it applies to: ``caught`` bad answers it fails
(any flaw), ``false_alarms`` good answers it fails, and, for the bad answers whose flaw
it was built for (``labelled.FLAWS``), how many it caught and which ones ``missed`` every
check built for their flaw.
Overall: a bad answer counts as caught when any check fails it, a good one as flagged
when any check fails it; and the same per kind of flaw.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypedDict

from evals.checks import CHECKS, run_checks
from evals.labelled import DEFAULT_DIR, FLAWS, LabelledAnswer, load_known_answers
from evals.results import CaseResult


@dataclass(frozen=True)
class Scored:
    """One labelled answer after the checks: which ran, which failed."""

    key: str
    label: str
    flaw: str | None
    ran: frozenset[str]
    failed: frozenset[str]


def score_answers(answers: Sequence[LabelledAnswer]) -> list[Scored]:
    scored = []
    for a in answers:
        results = run_checks(a.text, a.context, a.case.check_names)
        failed = frozenset(r.name for r in results if not r.passed)
        scored.append(Scored(a.key, a.label, a.flaw, frozenset(a.case.check_names), failed))
    return scored


def score_results(results: Sequence[CaseResult]) -> list[Scored]:
    """The labelled rows of a report (``python -m evals labelled-report``), as checked."""
    return [
        Scored(
            r.key,
            r.label,
            r.flaw,
            frozenset(c.name for c in r.checks),
            frozenset(c.name for c in r.checks if not c.passed),
        )
        for r in results
        if r.label in ("good", "bad") and r.answer is not None
    ]


def _scored(answers: Sequence[LabelledAnswer] | Sequence[Scored]) -> list[Scored]:
    if answers and not isinstance(answers[0], Scored):
        return score_answers(answers)  # type: ignore[arg-type]
    return list(answers)  # type: ignore[arg-type]


class CatchRate(TypedDict):
    check: str
    bad: int
    caught: int
    labelled: int  # bad answers whose flaw this check is built for
    labelled_caught: int
    # Keys of those that no check built for their flaw caught: the flaw slipped through.
    missed: list[str]
    good: int
    false_alarms: int
    false_alarm_keys: list[str]


class Overall(TypedDict):
    bad: int
    caught: int
    good: int
    flagged: int
    missed: list[str]
    flagged_keys: list[str]
    by_flaw: dict[str, tuple[int, int]]  # flaw -> (caught, bad)


def catch_rates(
    answers: Sequence[LabelledAnswer] | Sequence[Scored] | None = None,
    path: Path | str = DEFAULT_DIR,
) -> list[CatchRate]:
    """One row per registered check, in registry order."""
    scored = _scored(load_known_answers(path) if answers is None else answers)
    rows: list[CatchRate] = []
    for name in CHECKS:
        applies = [a for a in scored if name in a.ran]
        bad = [a for a in applies if a.label == "bad"]
        good = [a for a in applies if a.label == "good"]
        labelled = [a for a in bad if a.flaw and name in FLAWS.get(a.flaw, ())]
        rows.append(
            CatchRate(
                check=name,
                bad=len(bad),
                caught=sum(name in a.failed for a in bad),
                labelled=len(labelled),
                labelled_caught=sum(name in a.failed for a in labelled),
                missed=[a.key for a in labelled if a.flaw and not a.failed & set(FLAWS[a.flaw])],
                good=len(good),
                false_alarms=sum(name in a.failed for a in good),
                false_alarm_keys=[a.key for a in good if name in a.failed],
            )
        )
    return rows


def overall(answers: Sequence[LabelledAnswer] | Sequence[Scored]) -> Overall:
    scored = _scored(answers)
    bad = [a for a in scored if a.label == "bad"]
    good = [a for a in scored if a.label == "good"]
    by_flaw: dict[str, tuple[int, int]] = {}
    for flaw in dict.fromkeys(a.flaw for a in bad if a.flaw):
        of_kind = [a for a in bad if a.flaw == flaw]
        by_flaw[flaw] = (sum(bool(a.failed) for a in of_kind), len(of_kind))
    return Overall(
        bad=len(bad),
        caught=sum(bool(a.failed) for a in bad),
        good=len(good),
        flagged=sum(bool(a.failed) for a in good),
        missed=[a.key for a in bad if not a.failed],
        flagged_keys=[f"{a.key} ({', '.join(sorted(a.failed))})" for a in good if a.failed],
        by_flaw=by_flaw,
    )


def _share(part: int, whole: int) -> str:
    percent = f"{part / whole:.0%}" if whole else "n/a"
    return f"{part}/{whole} ({percent})"


def _grid(header: tuple[str, ...], body: Sequence[tuple[str, ...]]) -> list[str]:
    widths = [max(len(line[i]) for line in (header, *body)) for i in range(len(header))]
    lines = [
        "  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)).rstrip()
        for line in (header, *body)
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return lines


def format_table(rows: Sequence[CatchRate], total: Overall | None = None) -> str:
    header = ("check", "bad caught", "built for, caught", "good flagged")
    body = [
        (
            r["check"],
            _share(r["caught"], r["bad"]),
            _share(r["labelled_caught"], r["labelled"]),
            _share(r["false_alarms"], r["good"]),
        )
        for r in rows
    ]
    lines = _grid(header, body)
    if total is not None:
        lines.append("")
        lines.append(
            f"overall: bad caught {_share(total['caught'], total['bad'])}, "
            f"good flagged {_share(total['flagged'], total['good'])}"
        )
        for flaw, (caught, bad) in total["by_flaw"].items():
            lines.append(f"  {flaw}: {_share(caught, bad)} caught")
        lines.extend(f"  missed: {key}" for key in total["missed"])
        lines.extend(f"  flagged good: {key}" for key in total["flagged_keys"])
    for r in rows:
        lines.extend(f"  missed by {r['check']}: {key}" for key in r["missed"])
        lines.extend(f"  false alarm in {r['check']}: {key}" for key in r["false_alarm_keys"])
    return "\n".join(lines)
