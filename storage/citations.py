"""How answers cite the user's photos: [3], [ 3 ], ［３］, [2, 4], [3、6].

One parser for the prompt builder, history scrubbing, the outfit board and the
evaluation checks, so they never disagree about what an answer cited.
"""

from __future__ import annotations

import re

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
