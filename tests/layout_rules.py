"""Reads the project's imports (ast only, nothing is run) and lists what breaks the layout.

The rules (README, "Architecture"):
- packages import one way: handlers -> bot -> prompts -> storage; evals may use all but
  handlers; only the composition root (`bot.app`) registers handlers;
- inside `bot`, the sub-packages import one way too (lifecycle -> conversation ->
  telegram -> wardrobe -> model), and none of them imports the process wiring (app, ...);
- no module imports itself through a cycle;
- modules stay under MAX_LINES, `bot/` keeps at most MAX_BOT_TOP modules at its top;
- no grab-bag module names.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

PACKAGES = ("bot", "handlers", "storage", "prompts", "evals", "bench")
ALLOWED = {
    "handlers": {"bot", "prompts", "storage"},
    "bot": {"prompts", "storage"},
    "prompts": {"storage"},
    "storage": set(),
    "evals": {"bot", "prompts", "storage"},
    "bench": {"bot", "prompts", "storage", "evals", "tests"},
}
COMPOSITION_ROOT = "bot.app"
# Highest first: each may import only the ones after it.
BOT_SUBPACKAGES = ("bot.lifecycle", "bot.conversation", "bot.telegram", "bot.wardrobe",
                   "bot.shopping", "bot.weather", "bot.model")  # fmt: skip
# The process wiring: it imports the sub-packages, never the other way round.
BOT_WIRING = {"bot.app", "bot.services", "bot.runner", "bot.webhook", "bot.terminal_chat",
              "bot.__main__"}  # fmt: skip
GRAB_BAGS = {"common", "utils", "util", "helpers", "helper", "misc"}
MAX_LINES = 300
MAX_BOT_TOP = 12


def module_files(root: Path, packages: Iterable[str] = PACKAGES) -> dict[str, Path]:
    modules = {}
    for package in packages:
        for path in sorted((root / package).rglob("*.py")):
            if "__pycache__" in path.parts:
                continue
            name = ".".join(path.relative_to(root).with_suffix("").parts)
            modules[name.removesuffix(".__init__")] = path
    return modules


def imports(modules: dict[str, Path]) -> dict[str, set[str]]:
    """Module -> the project modules it imports (TYPE_CHECKING blocks included)."""

    def resolve(name: str) -> str | None:
        while name and name not in modules:
            name = name.rpartition(".")[0]
        return name or None

    edges: dict[str, set[str]] = defaultdict(set)
    for module, path in modules.items():
        is_package = path.name == "__init__.py"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    parts = module.split(".")
                    keep = len(parts) - node.level + (1 if is_package else 0)
                    base = ".".join(parts[:keep] + ([base] if base else []))
                targets = [f"{base}.{alias.name}" for alias in node.names] + [base]
            for target in targets:
                found = resolve(target)
                if found and found != module:
                    edges[module].add(found)
    return edges


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of two or more modules (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0
    for start in list(edges):
        if start in index:
            continue
        work = [(start, iter(sorted(edges[start])))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def _subpackage(module: str) -> str | None:
    return next((p for p in BOT_SUBPACKAGES if module == p or module.startswith(p + ".")), None)


def problems(root: Path) -> list[str]:
    modules = module_files(root)
    edges = imports(modules)
    found = [f"import cycle: {' -> '.join(c)}" for c in cycles(edges)]
    for module, targets in sorted(edges.items()):
        package = module.split(".")[0]
        for target in sorted(targets):
            other = target.split(".")[0]
            if other == package:
                if package == "bot":
                    found += _bot_inside(module, target)
                continue
            if other == "handlers" and module == COMPOSITION_ROOT:
                continue
            if other not in ALLOWED.get(package, set()):
                found.append(f"{module} imports {target}: {package} must not import {other}")
    for path in modules.values():
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > MAX_LINES:
            found.append(f"{path.relative_to(root)}: {lines} lines > {MAX_LINES}")
    for path in root.glob("*/**/*.py"):
        if path.stem in GRAB_BAGS and ".venv" not in path.parts:
            found.append(f"{path.relative_to(root)}: a grab-bag name; say what it holds")
    top = [p for p in (root / "bot").glob("*.py") if p.name != "__init__.py"]
    if len(top) > MAX_BOT_TOP:
        found.append(f"bot/ holds {len(top)} modules at its top > {MAX_BOT_TOP}")
    return found


def _bot_inside(module: str, target: str) -> list[str]:
    mine, theirs = _subpackage(module), _subpackage(target)
    if mine is not None and theirs is None and target in BOT_WIRING:
        return [f"{module} imports {target}: the sub-packages never import the wiring"]
    if mine is None or theirs is None or mine == theirs:
        return []
    if BOT_SUBPACKAGES.index(theirs) < BOT_SUBPACKAGES.index(mine):
        return [f"{module} imports {target}: {mine} must not import {theirs}"]
    return []
