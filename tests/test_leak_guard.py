import random
import re

import pytest

from prompts.builder import system_template
from prompts.leak_guard import InstructionsLeaked, LeakDetector, guarded, secret_lines

INSTRUCTIONS = system_template("A")
LINES = secret_lines(INSTRUCTIONS)


def quoted_anywhere(answer: str) -> bool:
    """The plain definition the detector must agree with: normalise everything, search."""
    normal = " ".join(re.sub(r"[\s*_`>#-]+", " ", answer).split()).lower()
    return any(line in normal for line in LINES)


def chunked(text: str, rng: random.Random) -> list[str]:
    chunks, at = [], 0
    while at < len(text):
        size = rng.choice([1, 1, 2, 3, 5, 8, 40])
        chunks.append(text[at : at + size])
        at += size
    return chunks


def first_leaking_chunk(chunks: list[str]) -> int | None:
    detector = LeakDetector(LINES)
    return next((n for n, chunk in enumerate(chunks) if detector.feed(chunk)), None)


@pytest.mark.parametrize("seed", range(40))
def test_detector_fires_exactly_when_a_line_completes(seed: int) -> None:
    rng = random.Random(seed)
    raw_lines = [line for line in INSTRUCTIONS.splitlines() if len(line.strip()) >= 40]
    parts = ["오늘은 **네이비 블레이저**에 흰 셔츠를 추천해요.\n", "- 신발: 로퍼  \n", "Sure!  "]
    if seed % 2:
        line = rng.choice(raw_lines)
        # Markdown noise and different spacing must not hide a quoted line.
        parts.insert(
            rng.randrange(len(parts) + 1), "> **" + line.upper().replace(" ", "  ") + "**\n"
        )
    chunks = chunked("".join(parts), rng)
    expected = next(
        (n for n in range(len(chunks)) if quoted_anywhere("".join(chunks[: n + 1]))), None
    )
    assert first_leaking_chunk(chunks) == expected
    assert (expected is not None) == bool(seed % 2)


def test_a_line_cut_short_by_one_character_is_not_a_leak() -> None:
    line = next(line for line in INSTRUCTIONS.splitlines() if len(line.strip()) >= 60).strip()
    assert first_leaking_chunk(list(line[:-1])) is None
    assert first_leaking_chunk(list(line)) == len(line) - 1


async def test_guarded_stream_stops_before_yielding_the_leaking_chunk() -> None:
    line = next(line for line in INSTRUCTIONS.splitlines() if len(line.strip()) >= 40).strip()

    async def stream():  # type: ignore[no-untyped-def]
        yield "Here it is: "
        yield line[:20]
        yield line[20:]
        yield " and more"

    seen = []
    with pytest.raises(InstructionsLeaked):
        async for chunk in guarded(stream(), INSTRUCTIONS):
            seen.append(chunk)
    assert seen == ["Here it is: ", line[:20]]


def test_no_instruction_lines_means_nothing_to_find() -> None:
    detector = LeakDetector(())
    assert not any(detector.feed(chunk) for chunk in ["anything", " at all"])
