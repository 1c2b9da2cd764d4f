"""The shape of the house: no import cycles, and the main window handed to nobody."""

import ast
from pathlib import Path

import grimp

HJEM = Path(__file__).resolve().parents[1] / "hjem"
WINDOW_MODULES = {"hjem.ui.main_window", "hjem.ui.app"}


def _cycles(graph: grimp.ImportGraph) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan, without recursion)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []
    for root in sorted(graph.modules):
        if root in index:
            continue
        work = [(root, iter(sorted(graph.find_modules_directly_imported_by(root))))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            module, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append(
                        (child, iter(sorted(graph.find_modules_directly_imported_by(child))))
                    )
                elif child in on_stack:
                    low[module] = min(low[module], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[module])
            if low[module] == index[module]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == module:
                        break
                if len(group) > 1:
                    groups.append(sorted(group))
    return groups


def test_no_module_in_hjem_imports_itself_round_a_cycle():
    # Imports made only for type hints (under TYPE_CHECKING) never run, so they are left out.
    graph = grimp.build_graph("hjem", exclude_type_checking_imports=True)
    assert _cycles(graph) == []


def test_the_cycle_finder_finds_a_cycle():
    graph = grimp.ImportGraph()
    for module in ("a", "b", "c"):
        graph.add_module(module)
    graph.add_import(importer="a", imported="b")
    graph.add_import(importer="b", imported="a")
    graph.add_import(importer="b", imported="c")
    assert _cycles(graph) == [["a", "b"]]


def test_only_the_start_up_module_imports_the_main_window_even_for_type_hints():
    graph = grimp.build_graph("hjem")
    assert graph.find_modules_that_directly_import("hjem.ui.main_window") <= {"hjem.ui.app"}


def test_no_function_outside_the_main_window_and_start_up_takes_a_main_window():
    takers = []
    for path in HJEM.rglob("*.py"):
        module = ".".join(path.relative_to(HJEM.parent).with_suffix("").parts)
        if module in WINDOW_MODULES:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                arguments = node.args.posonlyargs + node.args.args + node.args.kwonlyargs
                for argument in arguments:
                    hint = ast.unparse(argument.annotation) if argument.annotation else ""
                    if "MainWindow" in hint.replace("QMainWindow", ""):
                        takers.append(f"{module}.{node.name}({argument.arg}: {hint})")
    assert takers == []
