"""Dependencies point one way: data -> reading rules -> statistics -> claims / charts ->
I/O and build. No module imports one above it, and there is no import cycle."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

from syriastats.paths import REPO_ROOT

SRC = REPO_ROOT / "src" / "syriastats"

#: Layer of each module (by dotted name prefix); a module may import only modules of a
#: lower layer, or of its own package (the claims and charts packages import within).
LAYERS: dict[str, int] = {
    "syriastats.paths": 0, "syriastats.parsing": 0, "syriastats.progress": 0,
    "syriastats.safe_output": 1, "syriastats.validate": 1,
    "syriastats.dimensions": 2, "syriastats.sources": 3,
    "syriastats.reading": 4,
    "syriastats.uncertainty": 5, "syriastats.mse": 5, "syriastats.mse_bma": 6,
    "syriastats.mse_lcmcr": 6, "syriastats.mse_methods": 7,
    "syriastats.summaries": 5, "syriastats.derived": 6, "syriastats.toll": 6,
    "syriastats.breakdowns": 5, "syriastats.displacement_tables": 5,
    "syriastats.claims_index": 6, "syriastats.claims": 7, "syriastats.charts": 8,
    "syriastats.textclaims": 8,
    "syriastats.export": 9, "syriastats.gallery": 10, "syriastats.dictionary": 9,
    "syriastats.release": 9, "syriastats.build": 11, "syriastats.cli": 12,
    "syriastats.newsroom": 11,
    "syriastats.__main__": 13, "syriastats": 13,
}
#: The chart style and the cuts' colours and contrast rule are leaves (fonts, colours):
#: export may use them.
LEAVES: dict[str, int] = {"syriastats.charts.style": 0, "syriastats.charts.cuts": 0}


def _module_name(path: Path) -> str:
    rel = path.relative_to(SRC.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _layer(name: str) -> int:
    if name in LEAVES:
        return LEAVES[name]
    best = max((k for k in LAYERS if name == k or name.startswith(k + ".")), key=len, default=None)
    if best is None:
        raise KeyError(f"module {name} has no layer in tests/test_architecture.py")
    return LAYERS[best]


def _package(name: str) -> str:
    parts = name.split(".")
    return ".".join(parts[:2])


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names if a.name.startswith("syriastats")}
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("syriastats"):
            if node.module == "syriastats":  # from syriastats import derived
                out |= {f"syriastats.{a.name}" for a in node.names}
            else:
                out.add(node.module)
    return out


def _graph() -> dict[str, set[str]]:
    mods = {_module_name(p): p for p in SRC.rglob("*.py")}
    def resolve(i: str) -> str | None:  # a module, or the module a name is imported from
        if i in mods:
            return i
        parent = i.rsplit(".", 1)[0]
        return parent if parent in mods and parent != "syriastats" else None

    return {m: {r for i in _imports(p) if (r := resolve(i))} for m, p in mods.items()}


def test_no_module_imports_one_above_it() -> None:
    bad = []
    for mod, deps in _graph().items():
        for dep in deps:
            if _package(dep) == _package(mod) and mod.count(".") >= 2:
                continue  # within the claims or charts package
            if mod == "syriastats" or dep == "syriastats":
                continue
            if _layer(dep) > _layer(mod):
                bad.append(f"{mod} (layer {_layer(mod)}) imports {dep} (layer {_layer(dep)})")
    assert not bad, "\n".join(sorted(bad))


def test_no_import_cycle() -> None:
    graph = _graph()
    graph = {m: {d if d in graph else d.rsplit(".", 1)[0] for d in deps} for m, deps in graph.items()}
    # a package's __init__ re-exports its modules: follow edges from modules only
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(m: str) -> None:
        state[m] = 1
        stack.append(m)
        for d in sorted(graph.get(m, ())):
            if d == m or (m.startswith(d + ".") and d in ("syriastats.claims", "syriastats.charts")):
                continue  # a submodule importing its own package's name (never done at load)
            if state.get(d) == 1:
                pytest.fail("import cycle: " + " -> ".join(stack[stack.index(d):] + [d]))
            if d not in state:
                visit(d)
        stack.pop()
        state[m] = 2

    for m in sorted(graph):
        if m not in state and m != "syriastats":
            visit(m)


def test_claims_modules_are_each_readable_in_one_sitting() -> None:
    sizes = {p.name: len(p.read_text().splitlines()) for p in (SRC / "claims").glob("*.py")}
    assert len(sizes) >= 8
    assert max(sizes.values()) <= 400, sizes


def test_textclaims_modules_stay_readable() -> None:
    # extract.py held every rule (2,900 lines) until session 9 split it by section; its
    # sentence reader (_claims_in_sentence, about 650 lines) is the largest piece left. The
    # limit keeps a new rule from growing it again: add a module beside it instead.
    sizes = {p.name: len(p.read_text().splitlines()) for p in (SRC / "textclaims").glob("*.py")}
    assert len(sizes) >= 20
    assert max(sizes.values()) <= 1100, sizes
