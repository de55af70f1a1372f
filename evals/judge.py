"""The model-graded rubric: a judge model scores an answer 1-5 with reasons.

The judge's instructions are ``prompts/judge.md``; the case (occasion, style notes,
wardrobe cards, conversation, question, the case's rubric notes) and the answer go
in the user message. The reply is parsed tolerantly: strict JSON, JSON in a code
fence or JSON inside prose, with scores as numbers or numeric strings.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from evals.cases import EvalCase

CRITERIA: tuple[str, ...] = ("relevance", "use_of_items", "explanation")
SHORT_NAMES: dict[str, str] = {"relevance": "rel", "use_of_items": "use", "explanation": "why"}


@dataclass(frozen=True)
class Score:
    score: int
    reason: str


@dataclass(frozen=True)
class JudgeResult:
    model: str
    scores: dict[str, Score] = field(default_factory=dict)
    error: str | None = None
    raw: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "model": self.model,
            "scores": {
                name: {"score": s.score, "reason": s.reason} for name, s in self.scores.items()
            },
            "error": self.error,
            "raw": self.raw,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> JudgeResult:
        scores = {
            name: Score(int(value["score"]), str(value.get("reason", "")))
            for name, value in (data.get("scores") or {}).items()
        }
        return cls(str(data.get("model", "")), scores, data.get("error"), str(data.get("raw", "")))


SECTIONS = {"single": "# Grading one answer", "pairwise": "# Comparing two answers"}


@cache
def judge_instructions(kind: str = "single") -> str:
    """One section of ``prompts/judge.md``: grading one answer, or comparing two."""
    text = resources.files("prompts").joinpath("judge.md").read_text(encoding="utf-8")
    parts: dict[str, str] = {}
    for name, heading in SECTIONS.items():
        start = text.index(heading) + len(heading)
        ends = [text.index(h) for h in SECTIONS.values() if text.index(h) > start]
        parts[name] = text[start : min(ends, default=len(text))].strip()
    return parts[kind]


def judge_schema() -> dict[str, Any]:
    """Structured output for servers that support it (strict mode)."""
    criterion = {
        "type": "object",
        "additionalProperties": False,
        "required": ["reason", "score"],
        "properties": {
            "reason": {"type": "string"},
            "score": {"type": "integer", "enum": [1, 2, 3, 4, 5]},
        },
    }
    return {
        "name": "answer_grades",
        "strict": True,
        "schema": {
            "type": "object",
            "additionalProperties": False,
            "required": list(CRITERIA),
            "properties": {name: criterion for name in CRITERIA},
        },
    }


def case_text(case: EvalCase) -> list[str]:
    """What the judge is told about the case, before the answer(s)."""
    language = {"ko": "Korean", "en": "English"}[case.lang]
    wardrobe = "\n".join(card.describe() for card in case.cards) or "(no photos)"
    history = "\n".join(f"{m.role}: {m.content}" for m in case.history) or "(none: first question)"
    parts = [
        f"User's language: {language}",
        f"Occasion: {case.occasion or case.context.occasion or '(not set)'}",
        f"Style notes and constraints: {case.style or '(none)'}",
        f"Wardrobe (the only items the user owns):\n{wardrobe}",
        f"Conversation so far:\n{history}",
        f"Question: {case.question}",
    ]
    if case.rubric:
        parts.append(f"What a good answer does in this case: {case.rubric}")
    return parts


def judge_messages(case: EvalCase, answer: str) -> list[dict[str, Any]]:
    parts = [*case_text(case), f"The answer to grade:\n<<<\n{answer}\n>>>"]
    return [
        {"role": "system", "content": judge_instructions("single")},
        {"role": "user", "content": "\n\n".join(parts)},
    ]


def json_object(text: str) -> dict[str, Any]:
    """The first JSON object in a reply: the whole text, a code fence, or inside prose."""
    for candidate in _candidates(text):
        try:
            data = json.loads(candidate)
        except ValueError:
            continue
        if isinstance(data, dict):
            return data
    raise ValueError("no JSON object in the judge's reply")


_FENCE = re.compile(r"```(?:json|JSON)?\s*(.*?)```", re.DOTALL)
_OBJECT = re.compile(r"\{.*\}", re.DOTALL)


def _candidates(text: str) -> list[str]:
    candidates = [text.strip(), *_FENCE.findall(text)]
    match = _OBJECT.search(text)
    if match:
        candidates.append(match.group(0))
    return candidates


def _score(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float) and float(value).is_integer():
        return int(value)
    if isinstance(value, str):
        match = re.fullmatch(r"\s*(\d)(?:\s*/\s*5)?\s*", value)
        return int(match.group(1)) if match else None
    return None


def parse_judgement(text: str) -> dict[str, Score]:
    """Scores for every criterion, or ValueError saying what is wrong with the reply."""
    data: Any = json_object(text)
    if isinstance(data.get("scores"), dict):  # {"scores": {...}} wrapper
        data = data["scores"]
    scores: dict[str, Score] = {}
    for name in CRITERIA:
        if name not in data:
            raise ValueError(f"judge reply lacks {name!r}")
        value = data[name]
        reason = ""
        if isinstance(value, dict):
            reason = str(value.get("reason") or "").strip()
            value = value.get("score")
        score = _score(value)
        if score is None or not 1 <= score <= 5:
            raise ValueError(f"{name} score must be 1-5, got {value!r}")
        scores[name] = Score(score, reason)
    return scores
