"""How well each deterministic check separates the labelled bad answers from the good.

Per check: ``caught`` counts every bad answer the check fails, labelled for it or
not (breadth); ``labelled_caught`` counts the bad answers labelled as breaking it
that it fails (must be all of them); ``false_alarms`` counts good answers it fails
(must be none).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TypedDict

from evals.checks import CHECKS
from evals.labelled import DEFAULT_DIR, LabelledAnswer, load_known_answers


class CatchRate(TypedDict):
    check: str
    bad: int
    caught: int
    labelled: int
    labelled_caught: int
    missed: list[str]  # keys of labelled bad answers the check let through
    good: int
    false_alarms: int
    false_alarm_keys: list[str]


def catch_rates(
    answers: Sequence[LabelledAnswer] | None = None, path: Path | str = DEFAULT_DIR
) -> list[CatchRate]:
    """One row per registered check, in registry order."""
    if answers is None:
        answers = load_known_answers(path)
    # Run each check once per answer; rows below only count.
    failed = {
        a.key: {name for name, check in CHECKS.items() if not check(a.text, a.case).passed}
        for a in answers
    }
    bad = [a for a in answers if a.label == "bad"]
    good = [a for a in answers if a.label == "good"]
    rows: list[CatchRate] = []
    for name in CHECKS:
        labelled = [a for a in bad if name in a.breaks]
        rows.append(
            CatchRate(
                check=name,
                bad=len(bad),
                caught=sum(name in failed[a.key] for a in bad),
                labelled=len(labelled),
                labelled_caught=sum(name in failed[a.key] for a in labelled),
                missed=[a.key for a in labelled if name not in failed[a.key]],
                good=len(good),
                false_alarms=sum(name in failed[a.key] for a in good),
                false_alarm_keys=[a.key for a in good if name in failed[a.key]],
            )
        )
    return rows


def _share(part: int, whole: int) -> str:
    percent = f"{part / whole:.0%}" if whole else "n/a"
    return f"{part}/{whole} ({percent})"


def format_table(rows: Sequence[CatchRate]) -> str:
    header = ("check", "caught/bad", "labelled caught", "false alarms/good")
    body = [
        (
            r["check"],
            _share(r["caught"], r["bad"]),
            _share(r["labelled_caught"], r["labelled"]),
            f"{r['false_alarms']}/{r['good']}",
        )
        for r in rows
    ]
    widths = [max(len(line[i]) for line in (header, *body)) for i in range(len(header))]
    lines = [
        "  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)).rstrip()
        for line in (header, *body)
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    for r in rows:
        lines.extend(f"  missed by {r['check']}: {key}" for key in r["missed"])
        lines.extend(f"  false alarm in {r['check']}: {key}" for key in r["false_alarm_keys"])
    return "\n".join(lines)
