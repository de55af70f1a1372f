"""How answers cite the user's photos: [3], [ 3 ], ［３］, [2, 4], [3、6].

One parser for the prompt builder, history scrubbing, the outfit board and the
evaluation checks, so they never disagree about what an answer cited.
"""

from __future__ import annotations

import re

from storage.records import HistoryMessage

_CITATION = re.compile(r"[\[［]\s*([\d０-９][\d０-９\s,，、]*)[\]］]")
_SEPARATOR = re.compile(r"[\s,，、]+")


def cited_all(text: str) -> list[int]:
    """Every cited number, in order, repeats kept."""
    return [
        int(part) for group in _CITATION.findall(text) for part in _SEPARATOR.split(group) if part
    ]


def cited_numbers(text: str) -> set[int]:
    """The photo numbers cited in `text`."""
    return set(cited_all(text))


def cited_in_order(text: str) -> list[int]:
    """Cited numbers in order of first appearance."""
    return list(dict.fromkeys(cited_all(text)))


def drop_turns_citing(history: list[HistoryMessage], numbers: set[int]) -> list[HistoryMessage]:
    """History without the turns (a question and its answers) that mention any of `numbers`.

    A forgotten photo must not reach the model again, not even as a description.
    """
    turns: list[list[HistoryMessage]] = []
    for message in history:
        if message.role == "user" or not turns:
            turns.append([message])
        else:
            turns[-1].append(message)
    return [
        message
        for turn in turns
        if not any(cited_numbers(message.content) & numbers for message in turn)
        for message in turn
    ]
