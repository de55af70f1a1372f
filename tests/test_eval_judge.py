"""The judge made trustworthy: a model apart from the one answering, pairwise verdicts
that count only when both orders agree, and `python -m evals calibrate` against labelled
answers; end to end against the fake OpenAI server."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import openai
import pytest

from evals.calibrate import cohen_kappa
from evals.cli import amain
from evals.judge import judge_instructions, judge_schema
from evals.judge_pairwise import pairwise_schema, parse_choice
from evals.judge_settings import DEFAULT_JUDGE_MODEL
from evals.labelled import LABEL_NOTE
from tests.fakes.openai_api import FakeOpenAIServer

GOOD = "**출근룩**\n- [2] 셔츠, [3] 슬랙스, [5] 로퍼\n\n**다른 코디**\n1. [2] 대신 [4]\n2. [6] 추가"
OTHER = (
    "**출근룩**\n- [4] 니트, [3] 슬랙스, [5] 로퍼\n\n**다른 코디**\n1. [4] 대신 [2]\n2. [6] 추가"
)


def user_text(body: dict[str, Any]) -> str:
    return str(body["messages"][-1]["content"])


def shown_answers(body: dict[str, Any]) -> tuple[str, str]:
    first, second = re.findall(r"Answer [12]:\n<<<\n(.*?)\n>>>", user_text(body), re.DOTALL)
    return first, second


def is_pairwise(body: dict[str, Any]) -> bool:
    return body["messages"][0]["content"] == judge_instructions("pairwise")


def test_the_judge_prompts_are_the_two_sections_of_judge_md() -> None:
    single, pairwise = judge_instructions("single"), judge_instructions("pairwise")
    assert single.startswith("You grade") and "Comparing two answers" not in single
    assert pairwise.startswith("You compare") and '"better"' in pairwise


def test_cohen_kappa() -> None:
    assert cohen_kappa([("good", "good"), ("bad", "bad")]) == 1.0
    perfect_disagreement = [("good", "bad"), ("bad", "good")]
    assert cohen_kappa(perfect_disagreement) == -1.0
    # 3 of 4 agree; the judge says good 3 times, the labels 2 times: chance is 0.5.
    assert cohen_kappa([("good", "good"), ("good", "good"), ("bad", "bad"), ("bad", "good")]) == 0.5
    assert cohen_kappa([("good", "good"), ("good", "good")]) is None  # one class: undefined
    assert cohen_kappa([]) is None


def test_pairwise_replies_are_parsed_tolerantly() -> None:
    assert parse_choice('{"reason": "x", "better": "2"}') == ("2", "x")
    assert parse_choice('Sure: {"better": "Answer 1"}') == ("1", "")
    assert parse_choice('```json\n{"better": "TIE", "reason": "same"}\n```') == ("tie", "same")
    with pytest.raises(ValueError, match="'better'"):
        parse_choice('{"better": "both"}')


async def test_pairwise_counts_a_verdict_only_when_both_orders_agree(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "r.json"
    async with FakeOpenAIServer() as server:

        def judge(body: dict[str, Any]) -> str | None:
            if not is_pairwise(body):
                return None
            first, _ = shown_answers(body)
            if "interview" in user_text(body).lower():  # this judge always picks Answer 1
                return json.dumps({"reason": "first", "better": "1"})
            better = "1" if first == GOOD else "2"  # this one reads the answers
            return json.dumps({"reason": "cites the shirt", "better": better})

        server.responder = judge
        for answer in (GOOD, OTHER, GOOD, OTHER):  # office A, office B, interview A, interview B
            server.script(answer)
        code = await amain(
            ["--base-url", server.base_url, "--api-key", "k", "--model", "answer-model",
             "--cases", "office_daily_ko", "interview_en", "--variants", "A", "B",
             "--pairwise", "--judge-model", "judge-model", "--concurrency", "1",
             "--max-retries", "0", "--out", str(out)]
        )  # fmt: skip
        requests = list(server.requests)
    assert code == 0
    judged = [r for r in requests if is_pairwise(r)]
    assert len(judged) == 4 and {r["model"] for r in judged} == {"judge-model"}
    assert all(r["response_format"]["json_schema"]["name"] == "pairwise_choice" for r in judged)
    office = [r for r in judged if "interview" not in user_text(r).lower()]
    # The same two answers, once in each order.
    assert shown_answers(office[0]) == (GOOD, OTHER)
    assert shown_answers(office[1]) == (OTHER, GOOD)
    report = json.loads(out.read_text(encoding="utf-8"))
    verdicts = {v["case_id"]: v for v in report["pairwise"]["verdicts"]}
    assert verdicts["office_daily_ko"]["verdict"] == "A"
    assert verdicts["office_daily_ko"]["winner"] == "A"
    # Picking whatever comes first is not a verdict.
    assert verdicts["interview_en"]["verdict"] == "inconsistent"
    assert verdicts["interview_en"]["winner"] is None
    assert report["pairwise"]["tally"] == {"A": 1, "B": 0, "tie": 0, "inconsistent": 1, "error": 0}
    assert report["judge_model"] == "judge-model" and report["self_judged"] is False
    printed = capsys.readouterr().out
    assert "A better: 1, B better: 0, tie: 0, order-dependent (not counted): 1" in printed


async def test_the_judge_is_kept_apart_from_the_answering_model(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("EVAL_JUDGE_MODEL", raising=False)
    base = ["--cases", "office_daily_ko", "--max-retries", "0", "--api-key", "k"]
    async with FakeOpenAIServer() as server:
        url = ["--base-url", server.base_url]
        with pytest.raises(SystemExit) as exit_info:
            await amain([*url, *base, "--model", "m1", "--judge", "--judge-model", "m1"])
        assert exit_info.value.code == 2
        assert "would be the evaluated model itself" in capsys.readouterr().err
        assert server.requests == []  # refused before any request

        # Without --judge-model the judge is the default, not the evaluated model.
        server.script(GOOD)
        out = tmp_path / "default.json"
        assert await amain([*url, *base, "--model", "m1", "--judge", "--out", str(out)]) == 0
        assert [r["model"] for r in server.requests] == ["m1", DEFAULT_JUDGE_MODEL]

        # EVAL_JUDGE_MODEL sets it; --allow-self-judge accepts grading one's own answers.
        monkeypatch.setenv("EVAL_JUDGE_MODEL", "m1")
        server.script(GOOD)
        out = tmp_path / "self.json"
        code = await amain(
            [*url, *base, "--model", "m1", "--judge", "--allow-self-judge", "--out", str(out)]
        )
        assert code == 0 and server.requests[-1]["model"] == "m1"
    assert json.loads(out.read_text(encoding="utf-8"))["self_judged"] is True
    assert "judges its own answers" in capsys.readouterr().err


def write_labelled(directory: Path) -> None:
    answers = [
        {"id": "g1", "label": "good", "text": GOOD},
        {"id": "g2", "label": "good", "text": OTHER},
        {"id": "b1", "label": "bad", "flaw": "occasion", "text": GOOD + "\n[8] 반바지 BAD-A"},
        {"id": "b2", "label": "bad", "flaw": "body", "text": OTHER + "\n하체 커버 BAD-B"},
    ]
    data = {"label_note": LABEL_NOTE, "case_id": "office_daily_ko", "answers": answers}
    directory.mkdir()
    (directory / "office_daily_ko.json").write_text(json.dumps(data, ensure_ascii=False))


def grades(relevance: int) -> str:
    return json.dumps(
        {
            "relevance": {"reason": "r", "score": relevance},
            "use_of_items": {"reason": "u", "score": 5},
            "explanation": {"reason": "e", "score": 4},
        }
    )


async def test_calibrate_prints_agreement_and_kappa(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    labelled = tmp_path / "labelled"
    write_labelled(labelled)
    out = tmp_path / "calibration.json"
    async with FakeOpenAIServer() as server:
        # This judge notices one bad answer (BAD-A) and misses the other.
        server.responder = lambda body: grades(2 if "BAD-A" in user_text(body) else 5)
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        monkeypatch.setenv("OPENAI_API_KEY", "k")
        code = await amain(
            ["calibrate", "--labelled", str(labelled), "--judge-model", "judge-x",
             "--max-retries", "0", "--out", str(out)]
        )  # fmt: skip
        requests = list(server.requests)
    assert code == 0
    assert len(requests) == 4 and {r["model"] for r in requests} == {"judge-x"}
    assert all(r["response_format"]["json_schema"] == judge_schema() for r in requests)
    printed = capsys.readouterr().out
    assert "agreement with the labels: 75%" in printed
    assert "Cohen's kappa: 0.50" in printed
    assert "labelled bad             1           1" in printed
    assert "body: judged bad 0/1" in printed and "occasion: judged bad 1/1" in printed
    assert "disagrees: office_daily_ko/b2" in printed
    saved = json.loads(out.read_text(encoding="utf-8"))
    assert saved["kappa"] == 0.5 and saved["judge_model"] == "judge-x"
    assert saved["confusion"] == {"good->good": 2, "good->bad": 0, "bad->good": 1, "bad->bad": 1}


async def test_calibrate_pairwise_and_judge_failures(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    labelled = tmp_path / "labelled"
    write_labelled(labelled)
    async with FakeOpenAIServer() as server:

        def judge(body: dict[str, Any]) -> str:
            first, _ = shown_answers(body)
            return json.dumps({"reason": "r", "better": "2" if "BAD" in first else "1"})

        server.responder = judge
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        argv = [
            "calibrate",
            "--labelled",
            str(labelled),
            "--judge-model",
            "j",
            "--max-retries",
            "0",
        ]
        assert await amain([*argv, "--pairwise"]) == 0
        assert len(server.requests) == 8  # 2 good x 2 bad pairs, both orders
        assert "picks the good answer: 4/4 (100%)" in capsys.readouterr().out

        # A judge that only fails: every answer is an error, the exit status says so.
        server.responder = None
        for _ in range(4):
            server.script("", status=500)
        assert await amain(argv) == 1
        assert "4 judge errors" in capsys.readouterr().out


async def test_the_fake_server_refuses_schemas_openai_refuses() -> None:
    async with FakeOpenAIServer() as server:
        client = openai.AsyncOpenAI(base_url=server.base_url, api_key="k", max_retries=0)
        messages = [{"role": "user", "content": "hi"}]
        loose = {
            "name": "x",
            "strict": True,
            "schema": {"type": "object", "properties": {"a": {"type": "string"}}},
        }
        with pytest.raises(openai.BadRequestError, match="additionalProperties"):
            await client.chat.completions.create(
                model="m", messages=messages,  # type: ignore[arg-type]
                response_format={"type": "json_schema", "json_schema": loose},  # type: ignore[typeddict-item]
            )  # fmt: skip
        for schema in (judge_schema(), pairwise_schema()):
            reply = await client.chat.completions.create(
                model="m", messages=messages,  # type: ignore[arg-type]
                response_format={"type": "json_schema", "json_schema": schema},  # type: ignore[typeddict-item]
            )  # fmt: skip
            assert reply.choices[0].message.content
        await client.close()
