"""The house rules of docs/architecture.md, read from the code with ``ast`` so they stay true.

Floors, lowest first: ``core`` (the ground) < the stages (``spiders``, ``transforms``,
``warehouse``, ``report``) < ``pipeline`` < the top (``ruf``, ``dags``). A module imports
its own package and lower floors only; stages never import each other; the offline-portal
simulator (``offline_portals``) stands outside the product; only the Airflow adapters
(``ruf/airflow``) and the DAG files import airflow.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from functools import cache
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
OWN = ("core", "spiders", "transforms", "warehouse", "report", "pipeline", "ruf", "dags")
OWN += ("offline_portals", "bench")
STAGES = ("spiders", "transforms", "warehouse", "report")
MAX_LINES = 400

# Which top-level packages each top-level package may import (besides itself).
ALLOWED: dict[str, set[str]] = {
    "core": set(),
    **{stage: {"core"} for stage in STAGES},
    "pipeline": {"core", *STAGES},
    "ruf": {"core", "pipeline", "offline_portals"},
    "dags": {"ruf"},
    "offline_portals": {"core"},
    "bench": {"core", *STAGES, "pipeline", "ruf", "offline_portals"},
}


def _python_files() -> list[Path]:
    return sorted(p for top in OWN for p in (REPO / top).rglob("*.py") if "target" not in p.parts)


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


@cache
def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in _python_files()}


def _imports(path: Path) -> list[tuple[str, int]]:
    """Every imported module name (top-level and lazy imports alike), with its line."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = _module_name(path)
    if path.name != "__init__.py":
        package = package.rpartition(".")[0]
    found: list[tuple[str, int]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            found.append((base, node.lineno))
            # `from pkg import mod` imports the module pkg.mod when there is one.
            found += [(f"{base}.{alias.name}", node.lineno) for alias in node.names]
    return found


def _resolve(name: str) -> str | None:
    """The project module a name refers to (the longest known prefix), or None."""
    modules = _modules()
    while name:
        if name in modules:
            return name
        name = name.rpartition(".")[0]
    return None


@cache
def _graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = defaultdict(set)
    for module, path in _modules().items():
        for name, _ in _imports(path):
            target = _resolve(name)
            if target and target != module:
                graph[module].add(target)
    return graph


def _package(module: str) -> str:
    """A package is a top-level folder and its first subfolder (``spiders.pages``)."""
    parts = module.split(".")
    path = REPO.joinpath(*parts[:2])
    return ".".join(parts[:2]) if len(parts) > 2 or path.is_dir() else parts[0]


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one member (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0
    nodes = sorted(set(graph) | {t for ts in graph.values() for t in ts})
    for root in nodes:
        if root in index:
            continue
        work = [(root, iter(sorted(graph.get(root, ()))))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is None:
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
            elif child not in index:
                index[child] = low[child] = counter
                counter += 1
                stack.append(child)
                on_stack.add(child)
                work.append((child, iter(sorted(graph.get(child, ())))))
            elif child in on_stack:
                low[node] = min(low[node], index[child])
    return found


def test_the_rule_sees_the_code() -> None:
    """The checks below are only worth something if they find the project's imports."""
    graph = _graph()
    assert "core.settings" in _modules()
    assert any(t.startswith("core.") for t in graph["transforms.lake"])
    assert _package("spiders.pages.base") == "spiders.pages"
    assert _package("spiders.archive") == "spiders"
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_each_floor_imports_only_lower_floors() -> None:
    wrong = []
    for module, path in _modules().items():
        top = module.split(".")[0]
        for name, line in _imports(path):
            target = _resolve(name)
            if target is None:
                continue
            other = target.split(".")[0]
            if other != top and other not in ALLOWED[top]:
                wrong.append(f"{path.relative_to(REPO)}:{line} imports {target}")
    wrong = sorted(set(wrong))
    assert not wrong, "imports across the floors:\n" + "\n".join(wrong)


def test_only_the_airflow_adapters_import_airflow() -> None:
    wrong = [
        f"{path.relative_to(REPO)}:{line} imports {name}"
        for module, path in _modules().items()
        if not (module.startswith(("ruf.airflow", "dags")))
        for name, line in _imports(path)
        if name == "airflow" or name.startswith("airflow.")
    ]
    assert not wrong, "\n".join(wrong)


def test_no_import_cycle_between_files() -> None:
    cycles = _cycles(_graph())
    assert not cycles, "import cycles between files:\n" + "\n".join(map(" <-> ".join, cycles))


def test_no_import_cycle_between_packages() -> None:
    packages: dict[str, set[str]] = defaultdict(set)
    for module, targets in _graph().items():
        for target in targets:
            if _package(module) != _package(target):
                packages[_package(module)].add(_package(target))
    cycles = _cycles(packages)
    assert not cycles, "import cycles between packages:\n" + "\n".join(map(" <-> ".join, cycles))


@pytest.mark.parametrize("top", OWN)
def test_no_python_file_over_400_lines(top: str) -> None:
    long = [
        f"{path.relative_to(REPO)}: {n} lines"
        for path in _python_files()
        if path.relative_to(REPO).parts[0] == top
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    ]
    assert not long, "split by job:\n" + "\n".join(long)
