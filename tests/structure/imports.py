"""Reads the project's imports from its source files, without importing anything.

Every `import` counts, at module level or inside a function: an import moved into a function
to dodge a cycle is still a dependency.
"""

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("apps", "careerplan")


@dataclass(frozen=True)
class Import:
    source: str  # the importing module, e.g. "apps.goals.views"
    target: str  # the imported project module, e.g. "apps.milestones.models"
    path: Path  # the importing file
    line: int


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def source_files(root: Path = ROOT) -> Iterator[Path]:
    for package in PACKAGES:
        for path in sorted((root / package).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path


def _resolve(name: str, modules: set[str]) -> str | None:
    """The longest project module that `name` names (`a.b.c` may be the function c in a.b)."""
    while name:
        if name in modules:
            return name
        name = name.rpartition(".")[0]
    return None


def _names(node: ast.AST, module: str, is_package: bool) -> Iterator[str]:
    if isinstance(node, ast.Import):
        for alias in node.names:
            yield alias.name
    elif isinstance(node, ast.ImportFrom):
        base = node.module or ""
        if node.level:
            anchor = module.split(".")
            anchor = anchor[: len(anchor) - node.level + (1 if is_package else 0)]
            base = ".".join([*anchor, base] if base else anchor)
        for alias in node.names:
            # `from apps.goals import services` imports the module apps.goals.services.
            yield f"{base}.{alias.name}"


def project_imports(root: Path = ROOT) -> list[Import]:
    files = list(source_files(root))
    modules = {module_name(path, root) for path in files}
    found = []
    for path in files:
        module = module_name(path, root)
        tree = ast.parse(path.read_text(), filename=str(path))
        for node in ast.walk(tree):
            for name in _names(node, module, path.name == "__init__.py"):
                target = _resolve(name, modules)
                if target and target != module:
                    found.append(Import(module, target, path.relative_to(root), node.lineno))
    return found


def app_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if parts[0] == "apps" and len(parts) > 1 else None


def forbidden(imports: list[Import], allowed: dict[str, set[str]]) -> list[str]:
    """Imports of one app by another that the layering does not allow, as readable lines."""
    problems = []
    for imp in imports:
        source, target = app_of(imp.source), app_of(imp.target)
        if source is None or target is None or source == target:
            continue
        if source not in allowed:
            problems.append(f"{imp.path}: app '{source}' has no place in the layering")
        elif target not in allowed[source]:
            problems.append(
                f"{imp.path}:{imp.line}: '{source}' may not import '{target}' ({imp.target})"
            )
    return sorted(set(problems))


def _is_celery_edge(imp: Import) -> bool:
    # The accepted cycle: an app's services queue its own tasks, and the tasks call them.
    return imp.source.endswith(".tasks") and app_of(imp.source) == app_of(imp.target)


def cycles(imports: list[Import]) -> list[list[str]]:
    """Groups of modules that import each other, directly or round a loop (Tarjan)."""
    graph: dict[str, set[str]] = {}
    for imp in imports:
        if not _is_celery_edge(imp):
            graph.setdefault(imp.source, set()).add(imp.target)
            graph.setdefault(imp.target, set())
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(groups)
