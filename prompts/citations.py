"""How answers cite the user's photos: [3], [ 3 ], ［３］, [2, 4]."""

from __future__ import annotations

import re

_CITATION = re.compile(r"[\[［]\s*([\d０-９][\d０-９\s,，]*)[\]］]")


def cited_numbers(text: str) -> set[int]:
    """Photo numbers cited in `text`."""
    found: set[int] = set()
    for group in _CITATION.findall(text):
        found.update(int(part) for part in re.split(r"[\s,，]+", group) if part)
    return found


def cited_in_order(text: str) -> list[int]:
    """Cited numbers in order of first appearance."""
    seen: list[int] = []
    for group in _CITATION.findall(text):
        for part in re.split(r"[\s,，]+", group):
            if part and int(part) not in seen:
                seen.append(int(part))
    return seen
