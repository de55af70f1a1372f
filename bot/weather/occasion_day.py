"""Which day an occasion is on, from the words of a question or of /tpo: "내일 결혼식",
"tomorrow", "다음 주 토요일", "this Friday", "12월 24일". None when nothing says (today)."""

from __future__ import annotations

import re
from datetime import date

MAX_DAYS = 15  # Open-Meteo forecasts 16 days, today included

_KO_WEEKDAYS = "월화수목금토일"
_EN_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("relative", re.compile(r"(?P<n>내일\s?모레|모레|글피|내일|오늘|day after tomorrow|"
                            r"tomorrow|today|tonight)", re.IGNORECASE)),
    ("in_days", re.compile(r"(?P<n>\d{1,2})\s?일\s?(?:후|뒤)|in (?P<e>\d{1,2}) days?",
                           re.IGNORECASE)),
    ("ko_weekday", re.compile(r"(?P<w>이번\s?주|다음\s?주|담주)?\s?(?P<d>[월화수목금토일])요일")),
    ("en_weekday", re.compile(r"\b(?P<w>this|next|on)?\s?(?P<d>" + "|".join(_EN_WEEKDAYS)
                              + r")\b", re.IGNORECASE)),
    ("weekend", re.compile(r"(?P<w>이번\s?주|다음\s?주|담주|this|next)?\s?(?:주말|weekend)",
                           re.IGNORECASE)),
    ("date", re.compile(r"(?P<m>1[0-2]|[1-9])\s?월\s?(?P<d>3[01]|[12]\d|[1-9])\s?일")),
]  # fmt: skip
_RELATIVE = {"오늘": 0, "today": 0, "tonight": 0, "내일": 1, "tomorrow": 1, "모레": 2,
             "내일모레": 2, "dayaftertomorrow": 2, "글피": 3}  # fmt: skip


def days_ahead(text: str | None, today: date) -> int | None:
    """Days from `today` to the day the text names first, or None."""
    if not text:
        return None
    found = [(m.start(), kind, m) for kind, p in _PATTERNS for m in [p.search(text)] if m]
    for _, kind, match in sorted(found, key=lambda f: f[0]):
        days = _days(kind, match, today)
        if days is not None:
            return days if 0 <= days <= MAX_DAYS else None
    return None


def _days(kind: str, m: re.Match[str], today: date) -> int | None:
    if kind == "relative":
        return _RELATIVE[re.sub(r"\s+", "", m["n"].lower())]
    if kind == "in_days":
        return int(m["n"] or m["e"])
    if kind == "date":
        return _date_days(int(m["m"]), int(m["d"]), today)
    if kind == "ko_weekday":
        weekday = _KO_WEEKDAYS.index(m["d"])
    elif kind == "en_weekday":
        weekday = _EN_WEEKDAYS.index(m["d"].lower())
    else:
        # The weekend: Saturday, or today when it is already the weekend.
        weekday = 5 if today.weekday() < 5 or _is_next(m["w"]) else today.weekday()
    if _is_next(m["w"]):
        return 7 - today.weekday() + weekday  # that day in the next calendar week
    return (weekday - today.weekday()) % 7


def _is_next(word: str | None) -> bool:
    if not word:
        return False
    return re.sub(r"\s+", "", word.lower()) in ("다음주", "담주", "next")


def _date_days(month: int, day: int, today: date) -> int | None:
    for year in (today.year, today.year + 1):
        try:
            target = date(year, month, day)
        except ValueError:
            return None
        if target >= today:
            return (target - today).days
    return None
