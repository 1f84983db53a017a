"""The definitions of a snippet without its demo: what tests call to check a snippet's functions and classes."""

import ast
from pathlib import Path


def snippet_definitions(path: Path, replace: tuple[str, str] | None = None, **names) -> dict:
    """Execute only the imports, functions and classes of a snippet (optionally with one line changed, to prove a
    check fails on a wrong version), in a namespace that starts with `names` (e.g. device="cpu")."""
    source = path.read_text(encoding="utf-8")
    if replace:
        assert source.count(replace[0]) == 1, f"{path.name} no longer contains {replace[0]!r}"
        source = source.replace(*replace)
    tree = ast.parse(source, filename=str(path))
    kept = (ast.Import, ast.ImportFrom, ast.FunctionDef, ast.ClassDef)
    tree.body = [node for node in tree.body if isinstance(node, kept)]
    namespace = {"__name__": f"snippet_{path.stem}", **names}
    exec(compile(tree, str(path), "exec"), namespace)
    return namespace
