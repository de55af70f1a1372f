"""Hand-written answers labelled good or bad, loaded from ``evals/known_answers/*.json``.

Each file is one scenario: a ``case`` (``CaseContext`` fields) and ``answers``, each
labelled ``good`` (passes every check) or ``bad`` with ``breaks``: every check the
answer must fail. They are the checks' own test set: a check that stops catching
its labelled bad answers, or starts flagging good ones, has regressed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from evals.case import CaseContext
from evals.checks import CHECKS

DEFAULT_DIR = Path(__file__).with_name("known_answers")
LABEL_NOTE = "hand-written, not model output"

Label = Literal["good", "bad"]


@dataclass(frozen=True)
class LabelledAnswer:
    scenario: str  # the file's stem, e.g. "wedding_guest_ko"
    id: str
    label: Label
    breaks: tuple[str, ...]
    text: str
    case: CaseContext

    @property
    def key(self) -> str:
        return f"{self.scenario}/{self.id}"


def _answer(scenario: str, case: CaseContext, raw: dict[str, Any]) -> LabelledAnswer:
    where = f"{scenario}/{raw.get('id', '?')}"
    label = raw["label"]
    if label not in ("good", "bad"):
        raise ValueError(f"{where}: label must be 'good' or 'bad', got {label!r}")
    breaks = tuple(raw.get("breaks", ()))
    unknown = set(breaks) - set(CHECKS)
    if unknown:
        raise ValueError(f"{where}: breaks unknown checks {sorted(unknown)}")
    # A bad answer that names no broken check would be silently useless as a test.
    if label == "bad" and not breaks:
        raise ValueError(f"{where}: a bad answer must list the checks it breaks")
    if label == "good" and breaks:
        raise ValueError(f"{where}: a good answer cannot break checks")
    return LabelledAnswer(scenario, str(raw["id"]), label, breaks, str(raw["text"]), case)


def load_file(path: Path) -> list[LabelledAnswer]:
    data = json.loads(path.read_text(encoding="utf-8"))
    # The note keeps anyone from mistaking these for recorded model output.
    if data.get("label_note") != LABEL_NOTE:
        raise ValueError(f"{path.name}: label_note must be {LABEL_NOTE!r}")
    case = CaseContext.from_dict(data["case"])
    answers = [_answer(path.stem, case, raw) for raw in data["answers"]]
    ids = [a.id for a in answers]
    if len(ids) != len(set(ids)):
        raise ValueError(f"{path.name}: answer ids repeat")
    return answers


def load_known_answers(path: Path | str = DEFAULT_DIR) -> list[LabelledAnswer]:
    """All labelled answers in a directory of scenario files (or in one file), in a
    stable order: by file name, then as written."""
    path = Path(path)
    files = [path] if path.is_file() else sorted(path.glob("*.json"))
    if not files:
        raise FileNotFoundError(f"no labelled answers under {path}")
    return [answer for file in files for answer in load_file(file)]
