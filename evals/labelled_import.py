"""Bring labelled answers written elsewhere into the ``evals.labelled`` format.

The held-out writer's format is one answer per file, ``<case_id>__<n>.json`` with
``case_id``, ``answer``, ``label``, ``flaw_kind``, ``flaw_note`` and ``author``. This
turns a folder of those into one labelled file per case, with the flaw kinds renamed to
``labelled.FLAWS`` and the writer's own names and notes kept beside them.

    python -m evals import-labelled /path/to/heldout/answers evals/heldout
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from evals.labelled import FLAWS, LABEL_NOTE

# The writer's flaw kinds -> ours.
FLAW_NAMES: dict[str, str] = {
    "occasion_violation": "occasion",
    "followup_ignored": "follow_up",
    "style_notes_ignored": "style_notes",
    "body_judgement": "body",
    "instructions_or_other_users": "role",
    "wrong_season_or_weather": "season",
    "wrong_item_description": "wrong_item",
    "not_from_wardrobe": "not_own_items",
    "alternatives_repeat": "repeats",
}


def _entry(path: Path, raw: dict[str, Any]) -> dict[str, Any]:
    label = raw["label"]
    entry: dict[str, Any] = {"id": f"heldout-{path.stem.rsplit('__', 1)[-1]}", "label": label}
    if label == "bad":
        kind = str(raw["flaw_kind"])
        flaw = FLAW_NAMES.get(kind, kind)
        if flaw not in FLAWS:
            raise ValueError(f"{path.name}: flaw kind {kind!r} has no counterpart in FLAWS")
        entry |= {"flaw": flaw, "flaw_kind": kind}
    entry |= {
        "text": raw["answer"],
        "note": raw.get("flaw_note") or "",
        "author": raw.get("author"),
    }
    return entry


def import_answers(source: Path, dest: Path) -> int:
    """Write ``dest/<case id>.json`` for every case in ``source``; returns how many answers."""
    by_case: dict[str, list[dict[str, Any]]] = {}
    for path in sorted(source.glob("*.json"), key=lambda p: (p.stem.rsplit("__", 1)[0], p.stem)):
        raw = json.loads(path.read_text(encoding="utf-8"))
        by_case.setdefault(str(raw["case_id"]), []).append(_entry(path, raw))
    dest.mkdir(parents=True, exist_ok=True)
    for case_id, answers in sorted(by_case.items()):
        data = {"label_note": LABEL_NOTE, "case_id": case_id, "answers": answers}
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
        (dest / f"{case_id}.json").write_text(text, encoding="utf-8")
    return sum(len(a) for a in by_case.values())
