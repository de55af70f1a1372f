"""What a case says a right answer does, written in the case file under ``expect``.

    "expect": {
      "occasion":  {RULES},                       # what the occasion rules in or out
      "style":     {RULES},                       # what the style notes rule in or out
      "follow_up": {RULES, "keep": [2, 3], "replace": [4], "only_change": ["shoes"]},
      "weather":   {RULES, "temp_c": [-5, 8], "rain": false}
    }

RULES, every key optional:

    "use":      [2, [5, 6], "coat"]   each entry must be in the outfit; a list: one of them
    "avoid":    [7, "sneakers"]       not in the outfit (an alternative may still use it)
    "never":    [8, "skirt"]          not recommended anywhere, alternatives included
    "say":      ["냄새", ["rain", "wet"]]   each entry said somewhere; a list: one of them
    "dont_say": ["suede", "로고"]       never recommended (saying it is ruled out is fine)
    "why":      "shown with a failure, for the person reading the run"

An item is a photo number, a card category ("outer") or a garment kind from
``evals.wardrobe_words.KINDS`` ("coat", "heels", "skirt"): a kind is in the outfit when
a cited item's card is of that kind or the answer recommends one by name (a ➕ line).
Words are matched as ``evals.matching`` explains (word boundaries, Korean particles).

Follow-ups: ``keep`` items must not be replaced, ``replace`` items must leave the
outfit, and with ``only_change`` nothing outside those categories may change.
Weather: with ``temp_c`` at or below 12°C a summer-only item (card season) or summer
clothes by name fail; at or above 24°C a fall/winter-only item or winter clothes do;
with ``rain`` suede and canvas fail.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from evals.wardrobe_words import KINDS

ItemRef = int | str
CARD_CATEGORIES = ("top", "bottom", "outer", "dress", "shoes", "bag", "accessory")
_RULE_KEYS = {"use", "avoid", "never", "say", "dont_say", "why"}
_BLOCK_KEYS: dict[str, set[str]] = {
    "occasion": _RULE_KEYS,
    "style": _RULE_KEYS,
    "follow_up": _RULE_KEYS | {"keep", "replace", "only_change"},
    "weather": _RULE_KEYS | {"temp_c", "rain"},
}


@dataclass(frozen=True)
class Rules:
    use: tuple[tuple[ItemRef, ...], ...] = ()
    avoid: tuple[ItemRef, ...] = ()
    never: tuple[ItemRef, ...] = ()
    say: tuple[tuple[str, ...], ...] = ()
    dont_say: tuple[str, ...] = ()
    why: str = ""
    keep: tuple[int, ...] = ()
    replace: tuple[int, ...] = ()
    only_change: tuple[str, ...] = ()
    temp_c: tuple[float, float] | None = None
    rain: bool = False

    @property
    def empty(self) -> bool:
        return self == Rules()

    @property
    def cold(self) -> bool:
        return self.temp_c is not None and self.temp_c[1] <= 12

    @property
    def hot(self) -> bool:
        return self.temp_c is not None and self.temp_c[0] >= 24


@dataclass(frozen=True)
class Expectations:
    occasion: Rules = field(default_factory=Rules)
    style: Rules = field(default_factory=Rules)
    follow_up: Rules = field(default_factory=Rules)
    weather: Rules = field(default_factory=Rules)

    def block(self, name: str) -> Rules:
        return getattr(self, name)  # type: ignore[no-any-return]


def _item(value: Any, numbers: set[int], where: str) -> ItemRef:
    if isinstance(value, bool):
        raise ValueError(f"{where}: {value!r} is not an item")
    if isinstance(value, int):
        if value not in numbers:
            raise ValueError(
                f"{where}: [{value}] is not one of the clothing photos {sorted(numbers)}"
            )
        return value
    if isinstance(value, str) and (value in CARD_CATEGORIES or value in KINDS):
        return value
    raise ValueError(
        f"{where}: {value!r} must be a photo number, a category {list(CARD_CATEGORIES)} "
        "or a garment kind from evals.wardrobe_words.KINDS"
    )


def _items(raw: Any, numbers: set[int], where: str) -> tuple[ItemRef, ...]:
    if not isinstance(raw, list):
        raise ValueError(f"{where} must be a list")
    return tuple(_item(v, numbers, where) for v in raw)


def _groups(raw: Any, where: str, convert: Any) -> tuple[tuple[Any, ...], ...]:
    if not isinstance(raw, list):
        raise ValueError(f"{where} must be a list")
    groups = []
    for entry in raw:
        group = tuple(convert(v) for v in (entry if isinstance(entry, list) else [entry]))
        if not group:
            raise ValueError(f"{where}: an empty group can never be met")
        groups.append(group)
    return tuple(groups)


def _word(value: Any, where: str) -> str:
    if not isinstance(value, str) or not value.strip().rstrip("*"):
        raise ValueError(f"{where}: words must be non-empty text, got {value!r}")
    return value.strip()


def _rules(name: str, raw: Any, numbers: set[int]) -> Rules:
    where = f"expect.{name}"
    if not isinstance(raw, Mapping):
        raise ValueError(f"{where} must be an object")
    unknown = set(raw) - _BLOCK_KEYS[name]
    if unknown:
        raise ValueError(f"{where}: unknown keys {sorted(unknown)}")
    values: dict[str, Any] = {
        "use": _groups(raw.get("use", []), f"{where}.use", lambda v: _item(v, numbers, where)),
        "avoid": _items(raw.get("avoid", []), numbers, f"{where}.avoid"),
        "never": _items(raw.get("never", []), numbers, f"{where}.never"),
        "say": _groups(raw.get("say", []), f"{where}.say", lambda v: _word(v, where)),
        "dont_say": tuple(_word(v, where) for v in raw.get("dont_say", [])),
        "why": str(raw.get("why", "")),
    }
    for key in ("keep", "replace"):
        refs = _items(raw.get(key, []), numbers, f"{where}.{key}")
        if any(not isinstance(r, int) for r in refs):
            raise ValueError(f"{where}.{key} takes photo numbers")
        values[key] = refs
    only = tuple(str(c) for c in raw.get("only_change", []))
    if set(only) - set(CARD_CATEGORIES):
        raise ValueError(f"{where}.only_change takes categories {list(CARD_CATEGORIES)}")
    values["only_change"] = only
    if "temp_c" in raw:
        temp = raw["temp_c"]
        if (
            not isinstance(temp, list)
            or len(temp) != 2
            or not all(isinstance(t, int | float) for t in temp)
            or temp[0] > temp[1]
        ):
            raise ValueError(f"{where}.temp_c must be [low, high] in °C")
        values["temp_c"] = (float(temp[0]), float(temp[1]))
    values["rain"] = bool(raw.get("rain", False))
    rules = Rules(**values)
    if rules.empty:
        raise ValueError(f"{where} is empty; leave it out instead")
    return rules


def expectations_from_dict(raw: Any, clothing_numbers: Sequence[int]) -> Expectations:
    """Validate a case's ``expect`` object against its wardrobe (numbers must exist)."""
    if raw is None:
        return Expectations()
    if not isinstance(raw, Mapping):
        raise ValueError("expect must be an object")
    unknown = set(raw) - set(_BLOCK_KEYS)
    if unknown:
        raise ValueError(f"expect: unknown blocks {sorted(unknown)}; known: {sorted(_BLOCK_KEYS)}")
    numbers = set(clothing_numbers)
    return Expectations(**{name: _rules(name, block, numbers) for name, block in raw.items()})
