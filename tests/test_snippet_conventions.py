"""Conventions of CONTRIBUTING.md "Snippets" that a reader relies on when copying, checked on every snippet file.

- A snippet that uses torch picks CUDA when it is there. Two kinds stay on the CPU: a check of NumPy code against
  PyTorch (the reference must be computed beside the NumPy, in float64), and the few listed below, with the reason.
- A snippet starts with its imports, so that pasted alone it runs (tests/codeblocks_plugin.py runs each one alone).
"""

import ast
from pathlib import Path

import pytest

SNIPPETS = Path(__file__).resolve().parent.parent / "snippets"
CPU_ONLY = {
    "data/seeded_shuffle.py": "a DataLoader draws its order from a CPU generator; the lesson is the order",
    # Two gloo processes on the CPU are the lesson; nccl needs one GPU per process (ddp_torchrun.py does that).
    "optimization/ddp_all_reduce.py": "two gloo processes on the CPU; nccl needs one GPU per process",
    "optimization/ddp_by_hand.py": "two gloo processes on the CPU; nccl needs one GPU per process",
    "optimization/ddp_torch.py": "two gloo processes on the CPU; nccl needs one GPU per process",
    "optimization/ddp_sampler_epoch.py": "a sampler hands out indices; no tensor is computed",
}
CODE = sorted(p for p in SNIPPETS.glob("*/*.py") if not p.name.startswith("fig_"))


def _imports(tree: ast.Module) -> set[str]:
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("path", CODE, ids=lambda p: p.relative_to(SNIPPETS).as_posix())
def test_torch_snippets_pick_cuda_when_it_is_there(path):
    name = path.relative_to(SNIPPETS).as_posix()
    source = path.read_text(encoding="utf-8")
    imports = _imports(ast.parse(source))
    if "torch" not in imports or "numpy" in imports or name in CPU_ONLY:
        return
    assert "torch.cuda.is_available()" in source, (
        f"snippets/{name}: uses torch but never asks for CUDA. Add "
        '`device = "cuda" if torch.cuda.is_available() else "cpu"` and put tensors and models on it, '
        "or list it in CPU_ONLY with the reason"
    )


def test_cpu_only_snippets_exist_and_need_the_exception():
    for name in CPU_ONLY:
        source = (SNIPPETS / name).read_text(encoding="utf-8")
        assert "torch.cuda.is_available()" not in source, f"{name} picks CUDA: drop it from CPU_ONLY"


@pytest.mark.parametrize("path", CODE, ids=lambda p: p.relative_to(SNIPPETS).as_posix())
def test_imports_come_first(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    body = [node for node in tree.body if not (isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant))]
    seen_code = False
    for node in body:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            assert not seen_code, f"snippets/{path.relative_to(SNIPPETS).as_posix()}:{node.lineno}: import after code"
        else:
            seen_code = True
