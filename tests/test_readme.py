"""The README's settings table lists every setting, and nothing that is not one."""

from __future__ import annotations

import re
from pathlib import Path

from bot.settings import Settings

README = Path(__file__).resolve().parent.parent / "README.md"


def documented_settings(text: str) -> set[str]:
    rows = re.findall(r"^\| ((?:`[A-Z0-9_]+`(?:, )?)+) \|", text, re.MULTILINE)
    return {name for row in rows for name in re.findall(r"`([A-Z0-9_]+)`", row)}


def test_every_setting_is_in_the_readme_table() -> None:
    names = {name.upper() for name in Settings.model_fields}
    documented = documented_settings(README.read_text(encoding="utf-8"))
    assert sorted(names - documented) == [], "settings missing from the README table"
    assert sorted(documented - names) == [], "README rows for settings that do not exist"


def test_the_table_reader_sees_rows_with_several_names() -> None:
    text = "| `A_B`, `C` | `[]` | both |\n| `D` | 1 | one |\nnot a row `E`\n"
    assert documented_settings(text) == {"A_B", "C", "D"}
