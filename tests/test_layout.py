"""The layout holds: imports run one way, no cycles, small modules, rooms that say what they hold."""

from __future__ import annotations

from pathlib import Path

from tests.layout_rules import problems

ROOT = Path(__file__).resolve().parent.parent


def test_the_project_keeps_its_layout() -> None:
    assert problems(ROOT) == []


def write(root: Path, name: str, text: str = "") -> None:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)


def test_the_rules_catch_a_cycle_a_backward_import_and_a_grab_bag(tmp_path: Path) -> None:
    for package in ("bot", "handlers", "storage", "prompts", "evals", "bench"):
        write(tmp_path, f"{package}/__init__.py")
    write(tmp_path, "storage/keys.py", "from prompts.builder import x\n")
    write(tmp_path, "prompts/builder.py", "from storage.keys import y\n")
    write(tmp_path, "bot/model/client.py", "from bot.conversation.stylist import z\n")
    write(tmp_path, "bot/conversation/stylist.py", "from bot.services import s\n")
    write(tmp_path, "bot/services.py", "")
    write(tmp_path, "handlers/common.py", "")
    write(tmp_path, "bot/big.py", "x = 1\n" * 301)
    found = "\n".join(problems(tmp_path))
    assert "import cycle: prompts.builder -> storage.keys" in found
    assert "storage.keys imports prompts.builder: storage must not import prompts" in found
    assert "bot.model must not import bot.conversation" in found
    assert "the sub-packages never import the wiring" in found
    assert "handlers/common.py: a grab-bag name" in found
    assert "bot/big.py: 301 lines > 300" in found
