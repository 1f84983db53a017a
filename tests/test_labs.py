"""The labs: notebooks in both languages with the same code, executed into real HTML pages, downloadable, runnable.

- Sources: docs/<lang>/labs/*.ipynb, outputs stripped, the same code cells in every language, each in the nav.
- Built pages: HTML with every code cell executed and the outputs the labs assert, never the notebook's JSON;
  the site's heading ids; a download link to the clean notebook and an "Open in Colab" link from repo_url.
- The downloaded notebook is the one a build ran top to bottom in a fresh kernel, within the time limit, and its
  outputs are committed (docs/lab-outputs/), so a fresh clone does not execute it again.
- Each task of "직접 해 보기" / "Try it yourself" has a solution: cells tagged `solution`, executed like the
  rest, folded on the page inside a collapsed <details>.
- Lighter pages: no Mermaid loader without a diagram, no uncoloured <span class="n"> around names in the code.
- The build: a cell that raises fails it naming the lab and the cell; a lab in one language only fails it;
  an unchanged rebuild executes nothing; another torch or numpy version means another cache folder and other
  recorded outputs.
"""

import json
import re
import subprocess
from pathlib import Path

import nbformat
import pytest
from mkdocs_jupyter.convert import nb2html
from nbconvert.exporters.templateexporter import TemplateExporter

from hooks.notebooks import (
    OUTPUTS,
    SOLUTION_TAG,
    _with_compiled_templates,
    check_labs,
    code_cells,
    environment_key,
    execution_key,
    fold_solutions,
    installed_versions,
    outputs_key,
)
from tests.conftest import REPO, build_site, make_scratch_site
from tests.site_html import REPO_URL, parse

DOCS = REPO / "docs"
LANGUAGES = ["ko", "en"]
LABS = sorted(p.stem for p in (DOCS / "ko" / "labs").glob("*.ipynb"))
CONFIG = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
EDIT_URI = re.search(r"^edit_uri:\s*(\S+)", CONFIG, re.M)[1]
SECONDS_PER_LAB = 30  # the limit on a 2-core CPU, kernel start included

# An output each lab prints only once its asserts around it have passed (as it appears in the HTML).
EXPECTED_OUTPUT = {
    "data": ["images (1797, 8, 8) float64", "one epoch visits 1077 images, each once"],
    "models": ["MLP parameters: 2410", "CNN parameters: 6090", "Linear     (32, 10)"],
    "loss": ["scale   1000: naive has inf True", "cross-entropy by hand"],
    "optimization": ["chosen on validation:"],
}


TASK = re.compile(r"^\d+\. ", re.M)  # a numbered task in the exercises


def is_solution(cell) -> bool:
    return SOLUTION_TAG in cell.metadata.get("tags", [])


def solution_blocks(path: Path) -> int:
    """How many folded blocks the page shows: runs of consecutive cells tagged `solution`."""
    cells = nbformat.read(path, as_version=4).cells
    return sum(is_solution(cell) and (i == 0 or not is_solution(cells[i - 1])) for i, cell in enumerate(cells))


def built_page(site: Path, lang: str, lab: str) -> Path:
    return (site if lang == "ko" else site / lang) / "labs" / lab / "index.html"


def test_the_four_labs_exist_in_both_languages_with_the_same_code():
    assert set(LABS) >= {"data", "models", "loss", "optimization"}
    problems = check_labs(DOCS, LANGUAGES)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("lab", LABS)
def test_lab_sources_are_clean_notebooks_in_the_nav(lab, lang):
    path = DOCS / lang / "labs" / f"{lab}.ipynb"
    notebook = nbformat.read(path, as_version=4)
    nbformat.validate(notebook)
    dirty = [i for i, c in enumerate(notebook.cells, 1) if c.cell_type == "code" and (c.outputs or c.execution_count)]
    assert not dirty, f"{path.relative_to(REPO)}: cells {dirty} keep outputs (nbstripout {path.relative_to(REPO)})"
    assert notebook.metadata.get("description"), f'{path.relative_to(REPO)}: no "description" in its metadata'
    assert notebook.metadata.kernelspec.name == "python3"
    assert f"- labs/{lab}.ipynb" in CONFIG, f"labs/{lab}.ipynb is not in the nav of mkdocs.yml"


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("lab", LABS)
def test_built_lab_page_is_html_with_executed_outputs(site, lab, lang):
    path = built_page(site, lang, lab)
    html = path.read_text(encoding="utf-8")
    where = path.relative_to(site)
    assert html.lstrip().lower().startswith("<!doctype html>"), f"{where} is not an HTML page"
    assert '"cell_type"' not in html and '"nbformat"' not in html, f"{where} contains the notebook's JSON"
    source = DOCS / lang / "labs" / f"{lab}.ipynb"
    prompts = re.findall(r"In\xa0\[([^\]]*)\]:", html)
    assert prompts == [str(n) for n in range(1, len(code_cells(source)) + 1)], f"{where}: not every cell ran"
    for expected in EXPECTED_OUTPUT.get(lab, []):
        assert expected in html, f"{where} lacks the output {expected!r}"
    plots = sum(cell.count("plt.show()") for cell in code_cells(source))
    assert html.count("data:image/png;base64,") >= plots, f"{where}: fewer images than the lab draws"
    folded = html.count('<details class="success"><summary>')
    assert folded == solution_blocks(source), (
        f"{where}: {folded} folded solutions, {solution_blocks(source)} in the lab"
    )
    assert 'class="cell-tag"' not in html, f"{where} shows a cell's tags"
    assert "pre.mermaid" not in html, f"{where} carries the Mermaid loader but has no diagram"
    assert '<span class="n">' not in html, f"{where} wraps names in spans no style colours"


def test_names_in_the_code_of_labs_have_no_style(site):
    """Why the hook may drop Pygments' <span class="n">: the notebook theme has no rule for the class `n`."""
    sheets = list((site / "assets" / "stylesheets").glob("notebook-*.css"))
    assert sheets, "no notebook stylesheet in the built site"
    for sheet in sheets:
        assert not re.search(r"\.n\s*[{,]", sheet.read_text(encoding="utf-8")), f"{sheet.name} styles names"


@pytest.mark.parametrize("lab", LABS)
def test_every_task_of_a_lab_is_followed_by_its_solution(lab):
    """After the exercises' heading: one task per untagged Markdown cell, then its solution, with code."""
    layout = {}
    for lang in LANGUAGES:
        path = DOCS / lang / "labs" / f"{lab}.ipynb"
        where = path.relative_to(REPO)
        cells = nbformat.read(path, as_version=4).cells
        start = next(i for i, cell in enumerate(cells) if cell.id == "exercises")
        tasks = solved = 0
        for cell in cells[start:]:
            if is_solution(cell):
                solved = tasks if cell.cell_type == "code" else solved
                continue
            assert solved == tasks, f"{where}: task {tasks} has no solution code before cell {cell.id}"
            assert cell.cell_type == "markdown" and len(TASK.findall(cell.source)) == 1, (
                f"{where}: cell {cell.id} should hold one numbered task (or be tagged {SOLUTION_TAG!r})"
            )
            tasks += 1
        assert solved == tasks, f"{where}: task {tasks} has no solution code"
        layout[lang] = [(cell.id, cell.cell_type, is_solution(cell)) for cell in cells]
    assert layout["ko"] == layout["en"], f"labs/{lab}.ipynb: the languages differ in their cells or solutions"


def test_solutions_fold_on_the_page(tmp_path):
    """mkdocs-jupyter's own converter, then the hook: each solution inside a collapsed <details>, the task not."""
    solution = {"tags": [SOLUTION_TAG]}
    notebook = nbformat.v4.new_notebook(
        metadata={"kernelspec": {"name": "python3", "language": "python", "display_name": "Python 3"}}
    )
    notebook.cells = [
        nbformat.v4.new_markdown_cell("## 직접 해 보기\n\n1. 첫 문제", id="exercises"),
        nbformat.v4.new_markdown_cell("첫 풀이", id="solution-1-text", metadata=solution),
        nbformat.v4.new_code_cell("print('first answer')", id="solution_1", metadata=solution),
        nbformat.v4.new_markdown_cell("2. 둘째 문제", id="exercise-2"),
        nbformat.v4.new_code_cell("print('second answer')", id="solution_2", metadata=solution),
    ]
    path = tmp_path / "tiny.ipynb"
    nbformat.write(notebook, path)
    html = fold_solutions(nb2html(str(path)), "정답")
    folded = re.findall(r'<details class="success"><summary>정답</summary>(.*?)</details>', html, re.S)
    assert len(folded) == 2 and "<details open" not in html and 'class="cell-tag"' not in html
    assert "cell-id=solution-1-text" in folded[0] and "첫 풀이" in folded[0] and "first answer" in folded[0]
    assert "cell-id=solution_2" in folded[1] and "second answer" in folded[1]
    assert not any("문제" in block for block in folded), "a task was folded with its solution"


def test_a_lab_converted_with_its_templates_compiled_beforehand_is_the_same(tmp_path, monkeypatch):
    """hooks/notebooks.py keeps nbconvert's compiled templates in .cache/jinja: a build that reads them (warm) writes
    what one that compiles them (no cache, cold) writes."""
    path = tmp_path / "tiny.ipynb"
    path.write_text(tiny_lab("ko", ["print(6 * 7)"]), encoding="utf-8")
    compiling = nb2html(str(path))
    folder = tmp_path / "jinja"
    folder.mkdir()
    monkeypatch.setattr(TemplateExporter, "_create_environment", _with_compiled_templates(folder))
    cold = nb2html(str(path))
    kept = sorted((file.name, file.stat().st_ino) for file in folder.iterdir())  # written again: a new inode
    assert kept, "no compiled template was kept"
    warm = nb2html(str(path))
    assert sorted((file.name, file.stat().st_ino) for file in folder.iterdir()) == kept, "compiled again"
    assert cold == compiling and warm == compiling


def test_the_optimization_lab_reaches_95_percent_on_the_test_set(site):
    for lang in LANGUAGES:
        html = built_page(site, lang, "optimization").read_text(encoding="utf-8")
        accuracy = float(re.search(r"chosen on validation: \w+; test accuracy (\d\.\d+)", html)[1])
        assert accuracy >= 0.95, f"{lang}: test accuracy {accuracy}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_lab_headings_have_the_sites_ids_and_the_contents_link_to_them(site, lang):
    for lab in LABS:
        path = built_page(site, lang, lab)
        html = path.read_text(encoding="utf-8")
        assert 'id=""' not in html and "%EC" not in html, f"{path.relative_to(site)}: empty or encoded heading ids"
        toc = re.findall(r'<a href="#([^"]+)" class="md-nav__link">', html)
        assert toc, f"{path.relative_to(site)}: no table of contents"
        missing = [anchor for anchor in toc if anchor not in parse(path).ids]
        assert not missing, f"{path.relative_to(site)}: contents link to missing ids {missing}"
    korean = built_page(site, "ko", "data").read_text(encoding="utf-8")
    if lang == "ko":
        assert '<h2 id="데이터셋-불러오기">' in korean


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("lab", LABS)
def test_lab_page_links_to_the_clean_notebook_and_to_colab(site, lab, lang):
    path = built_page(site, lang, lab)
    html = path.read_text(encoding="utf-8")
    assert re.search(rf'<a class="md-button md-button--primary" href="{lab}\.ipynb" download>', html)
    download = path.parent / f"{lab}.ipynb"
    assert download.read_bytes() == (DOCS / lang / "labs" / f"{lab}.ipynb").read_bytes()
    branch, docs_path = EDIT_URI.strip("/").split("/", 2)[1:]
    colab = f"https://colab.research.google.com/github/{REPO_URL.split('github.com/')[1]}/blob/{branch}/{docs_path}/{lang}/labs/{lab}.ipynb"
    assert f'href="{colab}"' in html
    other = "en/labs" if lang == "ko" else "labs"
    assert re.search(rf'href="[./]*{other}/{lab}/"[^>]*hreflang="{"en" if lang == "ko" else "ko"}"', html)


def test_the_downloaded_notebooks_are_what_the_build_ran_in_a_fresh_kernel(site):
    """The download is the very notebook a build executed top to bottom in a fresh kernel (nbconvert starts one
    per lab); the build records a lab's outputs only when every cell ran, with the time it took, named by the code
    cells and the environment, and the record is committed, so that a fresh clone need not execute the labs again.
    Running the downloads again here would prove the same thing twice."""
    execution = execution_key(installed_versions())
    problems = []
    for lab in LABS:
        for lang in LANGUAGES:
            source = DOCS / lang / "labs" / f"{lab}.ipynb"
            download = built_page(site, lang, lab).parent / f"{lab}.ipynb"
            if download.read_bytes() != source.read_bytes():
                problems.append(f"{download.relative_to(site)} is not {source.relative_to(REPO)}")
        saved = DOCS / OUTPUTS / f"{outputs_key(code_cells(source), execution)}.json"
        tracked = subprocess.run(["git", "ls-files", "--error-unmatch", saved], cwd=REPO, capture_output=True)
        if not saved.is_file():
            problems.append(f"{lab}: no record that its code ran in this environment (build again)")
        elif (REPO / ".git").exists() and tracked.returncode != 0:
            problems.append(f"{lab}: commit {saved.relative_to(REPO)}, or every fresh clone executes the lab again")
        elif (seconds := json.loads(saved.read_text(encoding="utf-8"))["seconds"]) > SECONDS_PER_LAB:
            problems.append(f"{lab}: {seconds:.1f} s in a fresh kernel, over {SECONDS_PER_LAB} s")
    assert not problems, "\n".join(problems)


def test_another_torch_or_numpy_version_means_another_cache_and_other_recorded_outputs():
    versions = installed_versions()
    assert versions["torch"] != "absent" and versions["numpy"] != "absent"
    for package in ("torch", "numpy", "python"):
        assert environment_key({**versions, package: versions[package] + ".1"}) != environment_key(versions)
        assert execution_key({**versions, package: versions[package] + ".1"}) != execution_key(versions)


# --- scratch sites: the real mkdocs.yml and hooks, two tiny notebooks that need no torch ----------------------


def tiny_lab(lang: str, code: list[str]) -> str:
    title = {"ko": "# 작은 실습\n\n설명입니다.", "en": "# Tiny lab\n\nText."}[lang]
    notebook = nbformat.v4.new_notebook(
        metadata={
            "description": f"tiny {lang}",
            "kernelspec": {"name": "python3", "language": "python", "display_name": "Python 3"},
        }
    )
    notebook.cells = [nbformat.v4.new_markdown_cell(title, id="intro")]
    notebook.cells += [nbformat.v4.new_code_cell(source, id=f"code-{i}") for i, source in enumerate(code)]
    return nbformat.writes(notebook)


def scratch_site(root: Path, labs: dict[str, list[str]]) -> Path:
    pages = {f"{lang}/index.md": "# Home\n\nText.\n" for lang in LANGUAGES}
    pages.update({f"{lang}/labs/tiny.ipynb": tiny_lab(lang, code) for lang, code in labs.items()})
    for lang in LANGUAGES:
        (root / "docs" / lang / "labs").mkdir(parents=True)
    return make_scratch_site(root, pages, ["index.md", "labs/tiny.ipynb"])


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory):
    """A scratch site with a lab in both languages, built cold and then again, unchanged; and the saved outputs as
    they were then (the test of changed code builds the same site a third time)."""
    code = ["answer = 6 * 7", "print(f'answer = {answer}')\nassert answer == 42"]
    root = scratch_site(tmp_path_factory.mktemp("labs"), {"ko": code, "en": code})
    cold, warm = build_site(root / "mkdocs.yml", root / "site"), build_site(root / "mkdocs.yml", root / "site")
    return root, cold, warm, sorted((root / "docs" / OUTPUTS).glob("*.json"))


@pytest.mark.xdist_group("lab_scratch_site")  # one worker builds the scratch site for both tests, in this order
def test_a_lab_runs_once_for_both_languages_and_an_unchanged_rebuild_reads_the_cache(two_builds):
    root, cold, warm, _ = two_builds
    assert cold.returncode == 0 and not cold.warnings, cold.log
    assert warm.returncode == 0 and not warm.warnings, warm.log
    assert cold.log.count("Converting notebook (execute=True)") == 2
    assert cold.log.count("Lab executed, outputs saved") == 1, cold.log
    assert cold.log.count("Lab outputs reused, no kernel started") == 1, cold.log
    assert "IPKernelApp" not in cold.log, "the kernel talks over a Unix socket: nothing to warn about"
    assert "Converting notebook" not in warm.log and warm.log.count("Cache hit") == 2, warm.log
    key = environment_key(installed_versions())
    folders = sorted(p.name for p in (root / ".cache" / "mkdocs-jupyter").iterdir())
    assert folders == [f"en-{key}", f"ko-{key}"]
    for lang, prefix in (("ko", ""), ("en", "en/")):
        html = (root / "site" / prefix / "labs" / "tiny" / "index.html").read_text(encoding="utf-8")
        assert "answer = 42" in html and '"cell_type"' not in html
    assert not (root / "site" / OUTPUTS).exists(), "the recorded outputs were published as files of the site"


@pytest.mark.xdist_group("lab_scratch_site")
def test_outputs_of_code_no_lab_has_any_more_are_dropped(two_builds):
    root, cold, _, before = two_builds
    assert cold.returncode == 0, cold.log
    for lang in LANGUAGES:
        (root / "docs" / lang / "labs" / "tiny.ipynb").write_text(tiny_lab(lang, ["print('second')"]), encoding="utf-8")
    result = build_site(root / "mkdocs.yml", root / "site")
    assert result.returncode == 0, result.log
    after = sorted((root / "docs" / OUTPUTS).glob("*.json"))
    assert len(before) == len(after) == 1 and before != after
    assert "second" in (root / "site" / "en" / "labs" / "tiny" / "index.html").read_text(encoding="utf-8")


def test_a_cell_that_raises_fails_the_build_naming_the_lab_and_the_cell(tmp_path):
    code = ["value = 1", "assert value == 2, 'value is not 2'"]
    root = scratch_site(tmp_path, {"ko": code, "en": code})
    result = build_site(root / "mkdocs.yml", root / "site")
    assert result.returncode != 0
    assert "ko/labs/tiny.ipynb: code cell 2 raised AssertionError: value is not 2" in result.log, result.log


def test_a_lab_in_one_language_only_or_with_other_code_fails_the_build(tmp_path):
    root = scratch_site(tmp_path, {"ko": ["print(1)"], "en": ["print(2)"]})
    (root / "docs" / "ko" / "labs" / "extra.ipynb").write_text(tiny_lab("ko", ["print(3)"]), encoding="utf-8")
    result = build_site(root / "mkdocs.yml", root / "site")
    assert result.returncode != 0
    assert "docs/en/labs/extra.ipynb is missing (docs/ko/labs/extra.ipynb exists)" in result.log, result.log
    assert "docs/en/labs/tiny.ipynb: the code cells differ from docs/ko/labs/tiny.ipynb" in result.log, result.log
    # The message names the cell, its first line in each file, and which file was edited since the last commit.
    assert (
        "code cell 1 (cell 2 of tiny.ipynb in ko, cell 2 in en) starts 'print(1)' in one and 'print(2)'" in result.log
    )


def test_a_code_difference_names_the_file_edited_since_the_last_commit(tmp_path):
    """Editing the Korean lab's code without copying it over names the Korean file, which is where the edit is."""
    for lang, code in (("ko", "print(1)"), ("en", "print(1)")):
        (tmp_path / lang / "labs").mkdir(parents=True)
        (tmp_path / lang / "labs" / "tiny.ipynb").write_text(tiny_lab(lang, [code]), encoding="utf-8")
    git = lambda *args: subprocess.run(["git", *args], cwd=tmp_path, check=True, capture_output=True)  # noqa: E731
    git("init", "-q")
    git("-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-qm", "labs", "--allow-empty")
    git("add", ".")
    git("-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-qm", "labs")
    (tmp_path / "ko" / "labs" / "tiny.ipynb").write_text(tiny_lab("ko", ["print(10)"]), encoding="utf-8")
    [problem] = check_labs(tmp_path, ["ko", "en"])
    assert problem.endswith("changed since the last commit: docs/ko/labs/tiny.ipynb"), problem
