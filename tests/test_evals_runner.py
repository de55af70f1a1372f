"""`python -m evals` end to end against the fake OpenAI server, and `recheck` offline."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

from evals.cases import CASES_DIR, load_cases
from evals.checks import CHECKS, run_checks
from evals.cli import amain
from evals.judge import CRITERIA, judge_instructions, parse_judgement
from evals.report import report_path
from evals.requests import build_request
from evals.table import PASS, SKIP, column
from tests.fakes.openai_api import FakeOpenAIServer

GOOD = "office_daily_ko"
BAD = "funeral_ko"
CASES = {case.id: case for case in load_cases(ids=[GOOD, BAD, "interview_en"])}

GOOD_ANSWER = (
    "**출근룩**\n"
    "- 상의: [2] 화이트 옥스퍼드 셔츠\n"
    "- 하의: [3] 네이비 울 슬랙스\n"
    "- 아우터: [6] 베이지 트렌치코트\n"
    "- 신발: [5] 브라운 페니 로퍼\n"
    "- 가방: [7] 블랙 레더 토트백\n\n"
    "**왜 잘 어울리나요**\n"
    "- 화이트와 네이비의 선명한 대비가 웜톤 피부와 짙은 머리색을 또렷하게 살려 줘요.\n"
    "- 스트레이트 슬랙스가 다리 라인을 길게 이어 줘서 상체가 긴 비율이 균형 있게 보여요.\n"
    "- 팀 회의가 있는 출근날에 맞는 단정한 비즈니스 캐주얼이에요.\n\n"
    "**다른 코디**\n"
    "1. [2] 대신 [4] 그레이 니트로 부드러운 인상을 주세요.\n"
    "2. 따뜻한 날에는 [6] 없이 셔츠 한 장으로 가볍게 입으세요.\n"
)
# Cites a photo that does not exist, offers no alternatives and states a weight.
BAD_ANSWER = (
    "**조문 코디**\n"
    "- 상의: [8] 버건디 니트\n"
    "- 하의: [3] 블랙 슬랙스\n"
    "- 신발: [9] 블랙 구두\n\n"
    "체중이 55kg 정도로 보이니 슬림한 옷이 좋아요. 조문 자리에 무난해요."
)
# ... and puts the burgundy knit the funeral rules out into the outfit.
BAD_FAILS = {"cites_existing_items", "offers_alternatives", "no_weight_or_bmi", "suits_occasion"}
JUDGE_PLAIN = json.dumps(
    {
        "relevance": {"reason": "Business casual for a meeting day.", "score": 5},
        "use_of_items": {"reason": "Cites [2], [3], [5], [6] correctly.", "score": 4},
        "explanation": {"reason": "Specific about contrast and proportions.", "score": 4},
    }
)
JUDGE_FENCED = (
    "Here is my grading:\n```json\n"
    '{"relevance": {"reason": "Fits the office.", "score": "4"},\n'
    ' "use_of_items": {"reason": "Uses the wardrobe.", "score": 3},\n'
    ' "explanation": {"reason": "A little generic.", "score": 2}}\n'
    "```"
)


def lines_of(table: str, case_id: str, variant: str) -> list[str]:
    return [line for line in table.splitlines() if line.split()[:2] == [case_id, variant]]


def verdict_cells(row: str) -> list[str]:
    return row.split()[2 : 2 + len(CHECKS)]


async def test_run_against_the_fake_server_then_recheck_offline(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "report.json"
    async with FakeOpenAIServer() as server:
        server.script(GOOD_ANSWER, usage={"prompt_tokens": 1111, "completion_tokens": 222})
        server.script(JUDGE_PLAIN)
        server.script(GOOD_ANSWER)
        server.script(JUDGE_FENCED)
        server.script(BAD_ANSWER)
        server.script("I would rather not grade this one.")  # no JSON: a judge error
        server.script("", status=500)
        code = await amain(
            [
                "--base-url", server.base_url, "--api-key", "test-key", "--model", "gpt-4.1-mini",
                "--cases", GOOD, BAD, "--variants", "A", "B", "--concurrency", "1",
                "--max-retries", "0", "--judge", "--judge-model", "judge-mini", "--out", str(out),
            ]
        )  # fmt: skip
        requests = list(server.requests)
        assert server.pending_scripts == 0
    assert code == 1, "a failed request makes the exit status 1"
    printed = capsys.readouterr().out

    # Requests: the production prompt of each variant, then the judge with its own prompt.
    assert len(requests) == 7
    answers = [requests[i] for i in (0, 2, 4, 6)]
    for request, (case_id, variant) in zip(
        answers, [(GOOD, "A"), (GOOD, "B"), (BAD, "A"), (BAD, "B")], strict=True
    ):
        assert request["model"] == "gpt-4.1-mini" and request["stream"] is True
        assert request["stream_options"] == {"include_usage": True}
        built = build_request(CASES[case_id], variant, "gpt-4.1-mini")
        assert request["messages"] == built.messages
        assert ("Variant B" in request["messages"][0]["content"]) == (variant == "B")
    assert "장례식 조문" in answers[2]["messages"][0]["content"]
    for judge in (requests[1], requests[3], requests[5]):
        assert judge["model"] == "judge-mini" and not judge.get("stream")
        assert judge["messages"][0]["content"] == judge_instructions("single")
        assert judge["response_format"]["type"] == "json_schema"
    assert GOOD_ANSWER in requests[1]["messages"][1]["content"]
    assert "[7] bag: 블랙 레더 토트백" in requests[1]["messages"][1]["content"]
    assert all(auth == "Bearer test-key" for auth in server.authorizations)

    # The JSON report: answers, usage, checks with reasons, judge scores, the error.
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["model"] == "gpt-4.1-mini" and report["judge_model"] == "judge-mini"
    assert report["variants"] == ["A", "B"] and set(report["cases"]) == {GOOD, BAD}
    assert report["prompts"]["B"]["file"] == "prompts/system.b.md"
    results = {(r["case_id"], r["variant"]): r for r in report["results"]}
    assert list(results) == [(GOOD, "A"), (GOOD, "B"), (BAD, "A"), (BAD, "B")]
    good = results[GOOD, "A"]
    assert good["answer"] == GOOD_ANSWER and good["error"] is None
    assert good["usage"] == {"prompt_tokens": 1111, "completion_tokens": 222}
    assert good["estimated_prompt_tokens"] > 0 and good["latency_s"] >= 0
    assert [c["name"] for c in good["checks"]] == list(CASES[GOOD].check_names)
    assert all(c["passed"] for c in good["checks"]), good["checks"]
    assert good["judge"]["scores"]["use_of_items"] == {
        "score": 4, "reason": "Cites [2], [3], [5], [6] correctly."
    }  # fmt: skip
    fenced = results[GOOD, "B"]["judge"]
    assert fenced["error"] is None
    assert {k: v["score"] for k, v in fenced["scores"].items()} == {
        "relevance": 4, "use_of_items": 3, "explanation": 2
    }  # fmt: skip
    bad = results[BAD, "A"]
    assert {c["name"] for c in bad["checks"] if not c["passed"]} == BAD_FAILS
    assert any("[9]" in c["reason"] for c in bad["checks"] if c["name"] == "cites_existing_items")
    assert bad["judge"]["error"] and bad["judge"]["raw"].startswith("I would rather")
    failed = results[BAD, "B"]
    assert failed["answer"] is None and "500" in failed["error"]
    assert failed["checks"] == [] and failed["judge"] is None
    summary = report["summary"]
    assert summary["A"]["all_checks_passed"] == 1 and summary["B"]["errors"] == 1
    assert summary["A"]["judge_means"]["relevance"] == 5.0
    assert summary["B"]["judge_means"]["explanation"] == 2.0

    # The table: a row per answer, the failed checks named with reasons, the error.
    table = printed.split("\n\n")[0]
    assert table.splitlines()[0].split()[2 : 2 + len(CHECKS)] == [column(n) for n in CHECKS]
    applies = CASES[GOOD].check_names
    assert verdict_cells(lines_of(table, GOOD, "A")[0]) == [
        PASS if name in applies else SKIP for name in CHECKS
    ]
    assert "5/4/4" in lines_of(table, GOOD, "A")[0] and "1111" in lines_of(table, GOOD, "A")[0]
    bad_row = verdict_cells(lines_of(table, BAD, "A")[0])
    assert {name for name, cell in zip(CHECKS, bad_row, strict=True) if cell == "✗"} == BAD_FAILS
    for name in BAD_FAILS:
        assert f"✗ {BAD} A {name}: " in table
    assert "ERROR" in lines_of(table, BAD, "B")[0]
    assert f"! {BAD} B error: unavailable: 500" in table
    assert f"! {BAD} A judge: no JSON object" in table
    assert "variant" in printed and "judge relevance (1-5)" in printed
    assert f"report: {out}" in printed

    # Offline (the server is gone): the same checks from the saved answers.
    assert await amain(["recheck", str(out)]) == 0
    rechecked = capsys.readouterr().out
    assert rechecked.split("\n\n")[0] == table
    assert "no verdict changed since the run" in rechecked


async def test_recheck_applies_current_checks_to_saved_answers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "report.json"
    async with FakeOpenAIServer() as server:
        server.script(GOOD_ANSWER)
        assert await amain(
            ["--base-url", server.base_url, "--cases", GOOD, "--max-retries", "0", "--out", str(out)]
        ) == 0  # fmt: skip
    capsys.readouterr()
    # An answer edited after the run (or checks that changed since) gives new verdicts.
    report = json.loads(out.read_text(encoding="utf-8"))
    report["results"][0]["answer"] = GOOD_ANSWER + "\n체중 55kg 기준으로 골랐어요."
    edited = tmp_path / "edited.json"
    edited.write_text(json.dumps(report, ensure_ascii=False), encoding="utf-8")
    rechecked_path = tmp_path / "rechecked.json"
    assert await amain(["recheck", str(edited), "--out", str(rechecked_path)]) == 0
    printed = capsys.readouterr().out
    assert f"✗ {GOOD} A no_weight_or_bmi: " in printed
    assert f"{GOOD} A no_weight_or_bmi: pass -> fail" in printed
    rechecked = json.loads(rechecked_path.read_text(encoding="utf-8"))
    checks = {c["name"]: c["passed"] for c in rechecked["results"][0]["checks"]}
    assert checks["no_weight_or_bmi"] is False and checks["cites_existing_items"] is True
    assert rechecked["rechecked_from"] == str(edited) and rechecked["model"] == report["model"]
    assert rechecked["summary"]["A"]["checks"]["no_weight_or_bmi"] == {"passed": 0, "ran": 1}


async def test_settings_from_the_environment_and_bounded_concurrency(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    async with FakeOpenAIServer() as server:
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        monkeypatch.setenv("OPENAI_MODEL", "env-model")
        monkeypatch.setenv("OPENAI_API_KEY", "env-key")
        for _ in range(4):
            server.script(GOOD_ANSWER, first_token_delay=0.4, chunk_size=10_000)
        argv = ["--cases", GOOD, "interview_en", "--variants", "B", "A", "--concurrency", "2",
                "--out", str(tmp_path / "r.json")]  # fmt: skip
        run = asyncio.create_task(amain(argv))
        # Two requests in flight at once, and no third while both are held.
        await server.wait_for_requests(2)
        await asyncio.sleep(0.15)
        assert len(server.requests) == 2
        code = await run
        requests = list(server.requests)
    assert code == 0 and len(requests) == 4
    assert {r["model"] for r in requests} == {"env-model"}
    assert set(server.authorizations) == {"Bearer env-key"}
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert report["base_url"] == server.base_url
    assert [(r["case_id"], r["variant"]) for r in report["results"]] == [
        (GOOD, "B"), (GOOD, "A"), ("interview_en", "B"), ("interview_en", "A"),
    ]  # fmt: skip
    interview = report["results"][2]
    # A Korean answer to an English case: the language check says so.
    assert {c["name"] for c in interview["checks"] if not c["passed"]} >= {
        "answers_in_user_language"
    }
    assert list(report["summary"]) == ["B", "A"]
    assert "env-model" in capsys.readouterr().err


async def test_a_stalled_request_times_out_and_is_recorded(tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    async with FakeOpenAIServer() as server:
        server.script(GOOD_ANSWER, hang_after=20)
        code = await amain(
            ["--base-url", server.base_url, "--cases", GOOD, "--timeout", "0.3",
             "--max-retries", "0", "--out", str(out)]
        )  # fmt: skip
    assert code == 1
    result = json.loads(out.read_text(encoding="utf-8"))["results"][0]
    assert "timeout" in result["error"] and result["answer"] is None
    assert result["partial"] == GOOD_ANSWER[:20]


def test_judge_replies_are_parsed_tolerantly() -> None:
    scores = parse_judgement(JUDGE_FENCED)
    assert [scores[c].score for c in CRITERIA] == [4, 3, 2]
    assert scores["explanation"].reason == "A little generic."
    flat = parse_judgement('Sure! {"relevance": 5, "use_of_items": "4/5", "explanation": 3.0}')
    assert [flat[c].score for c in CRITERIA] == [5, 4, 3] and flat["relevance"].reason == ""
    wrapped = {"scores": {c: {"score": 2, "reason": "meh"} for c in CRITERIA}}
    assert parse_judgement(json.dumps(wrapped))["relevance"].score == 2
    for reply, problem in [
        ("no json here", "no JSON object"),
        ('{"relevance": {"score": 4}, "use_of_items": {"score": 4}}', "lacks 'explanation'"),
        ('{"relevance": 7, "use_of_items": 4, "explanation": 4}', "relevance score must be 1-5"),
        ('{"relevance": true, "use_of_items": 4, "explanation": 4}', "relevance score"),
    ]:
        with pytest.raises(ValueError, match=problem):
            parse_judgement(reply)


def test_report_names_are_safe_and_sortable() -> None:
    from datetime import UTC, datetime

    when = datetime(2025, 3, 4, 5, 6, 7, tzinfo=UTC)
    path = report_path("qwen2.5:7b/instruct", when, Path("evals/reports"))
    assert path == Path("evals/reports/20250304T050607Z-qwen2.5_7b_instruct.json")


async def test_help_and_bad_arguments(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        await amain(["--help"])
    assert exit_info.value.code == 0
    text = capsys.readouterr().out
    assert "--variants" in text and "--judge" in text and "recheck" in text
    with pytest.raises(SystemExit) as exit_info:
        await amain(["--cases", "no_such_case"])
    assert exit_info.value.code == 2
    assert "unknown case ids" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        await amain(["--variants", "C"])
    with pytest.raises(SystemExit) as exit_info:
        await amain(["recheck", "/nonexistent/report.json"])
    assert exit_info.value.code == 2


def test_the_good_answer_here_passes_and_the_bad_one_breaks_what_it_says() -> None:
    # Keeps the scripted answers honest if the checks change.
    good = run_checks(GOOD_ANSWER, CASES[GOOD].context, CASES[GOOD].check_names)
    assert all(r.passed for r in good), good
    bad = {r.name for r in run_checks(BAD_ANSWER, CASES[BAD].context) if not r.passed}
    assert bad == BAD_FAILS


async def test_a_question_about_looks_on_cards_alone_is_flagged(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case = json.loads((CASES_DIR / "interview_en.json").read_text(encoding="utf-8"))
    case["question"] = "Does the colour of [4] work with [5]?"
    (tmp_path / "interview_en.json").write_text(json.dumps(case), encoding="utf-8")
    out = tmp_path / "r.json"
    async with FakeOpenAIServer() as server:
        argv = ["--base-url", server.base_url, "--cases-dir", str(tmp_path), "--out", str(out)]
        assert await amain(argv) == 0
        question = server.requests[0]["messages"][-1]["content"]
    assert [part["type"] for part in question].count("image_url") == 2
    result = json.loads(out.read_text(encoding="utf-8"))["results"][0]
    assert result["images"] == [4, 5]
    assert result["notes"] == [
        "placeholder pictures attached for [4], [5]: the question asks about looks"
    ]
    assert "~ interview_en A placeholder pictures attached for [4], [5]" in capsys.readouterr().out
