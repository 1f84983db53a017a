"""README.md's two commands are the way in, and CI runs the very test command it gives."""

import re
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def readme_commands() -> list[str]:
    block = re.search(r"## Two commands.*?```bash\n(.*?)```", REPO.joinpath("README.md").read_text(), re.S)
    assert block, "README.md has no '## Two commands' section with a bash block"
    return [line for line in block[1].splitlines() if line and not line.startswith("#")]


def test_readme_gives_a_serve_and_a_test_command():
    serve, test = readme_commands()
    assert serve.endswith("mkdocs serve") and "pip install -r requirements.txt" in serve
    assert test.endswith("python -m pytest") and "pip install -r requirements.txt" in test


def test_ci_runs_the_readme_test_command():
    _, test = readme_commands()
    ci_lines = REPO.joinpath(".ci/run").read_text().splitlines()
    assert test in ci_lines, f"{test!r} is not a line of .ci/run"


def test_torch_is_pinned_to_the_cpu_build():
    requirements = REPO.joinpath("requirements.txt").read_text().splitlines()
    assert "torch==2.13.0" in requirements
