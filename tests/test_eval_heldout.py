"""The held-out labelled answers: imported from the writer's format, turned into a report
offline, and scored by `python -m evals recheck` against their labels."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from evals.cli import amain
from evals.labelled import FLAWS, load_known_answers
from evals.labelled_import import FLAW_NAMES

HELDOUT = Path(__file__).resolve().parents[1] / "evals" / "heldout"


def test_the_held_out_set_is_whole() -> None:
    answers = load_known_answers(HELDOUT)
    labels = Counter(a.label for a in answers)
    assert labels == {"good": 25, "bad": 60}
    assert all(a.flaw in FLAWS and a.note for a in answers if a.label == "bad")
    assert len({a.scenario for a in answers}) == 25
    assert (HELDOUT / "README.md").is_file() and (HELDOUT / "WRITER_README.md").is_file()


@pytest.mark.parametrize(
    "name",
    [
        "heldout2",
        "heldout3",
        "heldout4",
        "heldout5",
        "heldout6",
        "heldout7",
        "heldout8",
        "heldout9",
        "heldout10",
        "heldout11",
        "heldout12",
        "heldout13",
    ],
)
def test_the_later_held_out_sets_are_whole(name: str) -> None:
    folder = HELDOUT.parent / name
    answers = load_known_answers(folder)
    assert Counter(a.label for a in answers) == {"good": 28, "bad": 56}
    assert all(a.flaw in FLAWS and a.note for a in answers if a.label == "bad")
    assert len({a.scenario for a in answers}) == 28
    assert (folder / "README.md").is_file() and (folder / "WRITER_README.md").is_file()


async def test_import_then_report_then_recheck_scores_the_checks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Two answers in the writer's format: one good, one with a flaw the checks catch.
    source = tmp_path / "writer"
    source.mkdir()
    good = "**Outfit for the funeral**\n- [3] + [4], [5], [7] oxfords, [2] overcoat.\n\n**Alternatives**\n1. [6] under [2]\n2. ➕ gloves"
    bad = good.replace("[7] oxfords", "[8] brown suede loafers")
    for n, (label, kind, text) in enumerate(
        [("good", None, good), ("bad", "occasion_violation", bad)]
    ):
        raw = {"case_id": "funeral_en", "answer": text, "label": label, "flaw_kind": kind,
               "flaw_note": "n", "author": "test"}  # fmt: skip
        (source / f"funeral_en__{n + 1}.json").write_text(json.dumps(raw), encoding="utf-8")
    labelled = tmp_path / "labelled"
    assert await amain(["import-labelled", str(source), str(labelled)]) == 0
    [converted] = json.loads((labelled / "funeral_en.json").read_text(encoding="utf-8"))["answers"][
        1:
    ]
    assert converted["flaw"] == FLAW_NAMES["occasion_violation"] == "occasion"
    assert converted["flaw_kind"] == "occasion_violation" and converted["id"] == "heldout-2"

    report = tmp_path / "report.json"
    assert await amain(["labelled-report", str(labelled), "--out", str(report)]) == 0
    rows = json.loads(report.read_text(encoding="utf-8"))["results"]
    assert [(r["variant"], r["label"], r["flaw"]) for r in rows] == [
        ("heldout-1", "good", None),
        ("heldout-2", "bad", "occasion"),
    ]
    capsys.readouterr()
    assert await amain(["recheck", str(report)]) == 0
    printed = capsys.readouterr().out
    assert "overall: bad caught 1/1 (100%), good flagged 0/1 (0%)" in printed
    assert "suits_occasion            1/1 (100%)" in printed
    assert "no verdict changed since the run" in printed


async def test_import_refuses_an_unknown_flaw_kind(tmp_path: Path) -> None:
    raw = {"case_id": "funeral_en", "answer": "x", "label": "bad", "flaw_kind": "vibes"}
    (tmp_path / "funeral_en__1.json").write_text(json.dumps(raw), encoding="utf-8")
    with pytest.raises(SystemExit) as exit_info:
        await amain(["import-labelled", str(tmp_path), str(tmp_path / "out")])
    assert exit_info.value.code == 2


async def test_several_sets_are_pooled_into_one_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Two held-out sets number their answers alike; pooled, each keeps its own rows.
    sets = [HELDOUT.parent / "heldout8", HELDOUT.parent / "heldout9"]
    report = tmp_path / "pooled.json"
    assert await amain(["labelled-report", *map(str, sets), "--out", str(report)]) == 0
    rows = json.loads(report.read_text(encoding="utf-8"))["results"]
    assert len(rows) == 168 and len({(r["case_id"], r["variant"]) for r in rows}) == 168
    assert {r["variant"].split("/")[0] for r in rows} == {"heldout8", "heldout9"}
    capsys.readouterr()
    assert await amain(["recheck", str(report)]) == 0
    printed = capsys.readouterr().out
    bad = [r for r in rows if r["label"] == "bad"]
    caught = sum(any(not c["passed"] for c in r["checks"]) for r in bad)
    assert len(bad) == 112 and f"bad caught {caught}/112" in printed
