"""Labs: Jupyter notebooks in docs/<lang>/labs/, executed at build time by mkdocs-jupyter, in both languages.

What mkdocs-jupyter 0.26.3 and mkdocs-static-i18n 1.3.1 (pinned in requirements.txt) do not do together:

- Notebooks as pages. mkdocs-jupyter wraps each notebook in a page-like file in `on_files`, then i18n (which
  runs its `on_files` last, priority -100) re-creates every file as a plain `File`: a notebook became a static
  file, copied as raw JSON to `.../index.html`, and `--strict` passed (mkdocs-static-i18n issue #198). Here
  `.ipynb` counts as a page for MkDocs itself, so i18n keeps a notebook a page of its own language, with the
  other language as its alternate and no fallback.
- Both languages or none. A lab in one language only, or whose code cells differ between the two languages,
  fails the build naming the files: the prose is translated, the code is the same.
- Cache. mkdocs-jupyter deletes every cache entry the current build did not use, and i18n runs one build per
  language, so each language deleted the other's entries and every build executed everything again. Each
  language gets its own cache folder here (`.cache/mkdocs-jupyter/`), named after what the page's HTML depends
  on besides the notebook and the plugin's settings (already in mkdocs-jupyter's key): Python, torch, numpy and
  the other packages the labs and the renderer use, and this file. An unchanged rebuild reads the cache.
- Heading ids. mkdocs-jupyter slugs headings to ASCII, so a Korean heading got `id=""` while the table of
  contents and the search index linked to `#_1`, `#_2`, ids that exist nowhere; nbconvert then percent-encodes
  what is left. Notebooks get the site's own slugify (markdown_extensions.toc), as they are.
- Executed once, and recorded. The code cells are the same in both languages, so their outputs are too: the
  first language to execute a lab saves the outputs in `docs/lab-outputs/<key>.json` (key: the code cells, the
  package versions above and EXECUTION) and the other language's notebook gets them without starting a kernel.
  The file is committed, like a figure's SVG: a fresh clone builds without executing the labs (a minute of CPU),
  and a lab executes again only when its code, a version or EXECUTION changes. It is not a page of the site
  (`exclude_docs` in mkdocs.yml); outputs of code no lab has any more are deleted by the build.
- A cell that raises fails the build with the lab and the cell named (mkdocs-jupyter: `allow_errors: false`).
- Solutions fold. nbconvert has no folded cells (its templates ignore `jupyter.source_hidden`): on the page, each
  run of consecutive cells tagged `solution` (the explanation in Markdown, then its code, executed like the rest)
  goes inside one collapsed `<details class="success">` titled 정답 / Solution, like the `??? success` blocks of
  the Markdown pages; the tag itself is not shown.
- Lighter pages (the site's budget is 200 KB of HTML a page). nbconvert's template puts its Mermaid loader, about
  12 KB of JavaScript that returns at once when the page has no diagram, on every page: a lab without a Mermaid
  diagram goes without it. Pygments wraps every name in the code in `<span class="n">`, a token the notebook
  theme does not colour (its CSS has no `.highlight-ipynb .n` rule): the names stay, the spans go, about a
  tenth of a lab page.
- Each lab page gets a download link to the clean notebook (no outputs; mkdocs-jupyter's `include_source`
  copies it next to the page) and an "Open in Colab" link built from `repo_url` and `edit_uri`, and its
  description from the notebook's metadata (`"description"`).
"""

import functools
import hashlib
import json
import logging
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from urllib.parse import urlsplit

import mkdocs.utils
import mkdocs_jupyter.convert
import mkdocs_jupyter.plugin
import nbconvert.filters.strings
import nbformat
from jinja2 import FileSystemBytecodeCache
from jupyter_client.manager import KernelManager
from markdown.extensions.toc import TocExtension
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from nbclient.exceptions import CellExecutionError
from nbconvert.exporters.templateexporter import TemplateExporter
from nbconvert.preprocessors import ExecutePreprocessor
from traitlets import default

LABS = "labs"
PLUGIN = "mkdocs-jupyter"
# What the executed outputs and their HTML depend on, beyond the notebook and mkdocs-jupyter's settings.
PACKAGES = ["torch", "numpy", "scikit-learn", "matplotlib", "ipykernel", "nbconvert", "nbclient", "mkdocs-jupyter"]
HOOK_SOURCE = Path(__file__).read_bytes()
ANSI_COLOUR = re.compile(r"\x1b\[[0-9;]*m")
OUTPUTS = "lab-outputs"  # under docs/, committed
# How a lab is executed (kernel, threads), as far as its outputs depend on it: change the number when that
# changes, and the labs execute again. The rest of this file only shapes the HTML (environment_key).
EXECUTION = "execution 1"
log = logging.getLogger(f"mkdocs.hooks.{Path(__file__).stem}")

LINKS = {
    "ko": ("노트북 내려받기 (.ipynb, 출력 없음)", "Colab에서 열기"),
    "en": ("Download the notebook (.ipynb, no outputs)", "Open in Colab"),
}

SOLUTION_TAG = "solution"
SOLUTION_TITLE = {"ko": "정답", "en": "Solution"}
DIV = re.compile(r"<div\b[^>]*>|</div>")
# A code cell carries its tags as classes of its outermost div, a Markdown cell on the div of its rendered text.
SOLUTION_CELL = re.compile(rf'<div\b[^>]*\bclass="[^"]*\bcelltag_{SOLUTION_TAG}\b')
PLAIN_NAME = re.compile(r'<span class="n">([^<]*)</span>')  # Pygments' Name token, not coloured in notebooks
MERMAID_DIAGRAM = '<div class="jp-Mermaid">'  # nbconvert's lab template, data_mermaid
MERMAID_LOADER = re.compile(
    r'<script type="module">\s*document\.addEventListener\("DOMContentLoaded", async \(\) => \{\s*'
    r'const diagrams = document\.querySelectorAll\("\.jp-Mermaid > pre\.mermaid"\);.*?</script>\s*',
    re.S,
)
SOLUTION_TAG_BAR = re.compile(  # mkdocs-jupyter shows a code cell's tags above its code
    r'<div class="celltoolbar">\s*<div class="button_container tags_button_container">\s*<span class="tag-container">'
    rf'\s*<span class="cell-tag">{SOLUTION_TAG}</span>\s*</span>\s*</div>\s*</div>\s*'
)

# .ipynb is a page to MkDocs (and so to i18n); mkdocs-jupyter replaces how such a page is rendered.
if ".ipynb" not in mkdocs.utils.markdown_extensions:
    mkdocs.utils.markdown_extensions = (*mkdocs.utils.markdown_extensions, ".ipynb")


def is_lab(file) -> bool:
    return file.src_uri.endswith(".ipynb")


def code_cells(path: Path) -> list[str]:
    notebook = json.loads(path.read_text(encoding="utf-8"))
    return ["".join(cell["source"]) for cell in notebook["cells"] if cell["cell_type"] == "code"]


def check_labs(docs_dir: Path, languages: list[str]) -> list[str]:
    """Problems with the labs: one missing in a language, or code that differs between languages."""
    labs = {lang: {p.name for p in (docs_dir / lang / LABS).glob("*.ipynb")} for lang in languages}
    problems = []
    for name in sorted(set().union(*labs.values())):
        missing = [lang for lang in languages if name not in labs[lang]]
        present = [lang for lang in languages if name in labs[lang]]
        if missing:
            problems.append(
                f"docs/{'/'.join(missing)}/{LABS}/{name} is missing (docs/{present[0]}/{LABS}/{name} exists)"
            )
            continue
        original = docs_dir / languages[0] / LABS / name
        for lang in languages[1:]:
            difference = first_code_difference(original, docs_dir / lang / LABS / name)
            if difference:
                problems.append(
                    f"docs/{lang}/{LABS}/{name}: the code cells differ from docs/{languages[0]}/{LABS}/{name} "
                    f"(translate the Markdown cells only): {difference}"
                )
    return problems


def _code_cells_with_index(path: Path) -> list[tuple[int, str]]:
    notebook = json.loads(path.read_text(encoding="utf-8"))
    return [(i + 1, "".join(c["source"])) for i, c in enumerate(notebook["cells"]) if c["cell_type"] == "code"]


def _changed_since_commit(path: Path) -> bool | None:
    """Whether git sees the file changed since the last commit; None outside a git checkout."""
    try:
        result = subprocess.run(
            ["git", "diff", "--quiet", "HEAD", "--", path.name], cwd=path.parent, capture_output=True, timeout=10
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return {0: False, 1: True}.get(result.returncode)


def first_code_difference(original: Path, translation: Path) -> str | None:
    """Where the two notebooks' code first differs: the code cell (and its place among all cells), the first line
    of each, and which file changed since the last commit."""
    ours, theirs = _code_cells_with_index(original), _code_cells_with_index(translation)
    for number, (a, b) in enumerate(zip(ours, theirs), 1):
        if a[1] != b[1]:
            first = lambda code: (code.strip().splitlines() or [""])[0][:60]  # noqa: E731
            detail = (
                f"code cell {number} (cell {a[0]} of {original.name} in {original.parent.parent.name}, "
                f"cell {b[0]} in {translation.parent.parent.name}) starts {first(a[1])!r} in one and "
                f"{first(b[1])!r} in the other"
            )
            break
    else:
        if len(ours) == len(theirs):
            return None
        detail = (
            f"{original.parent.parent.name} has {len(ours)} code cells, {translation.parent.parent.name} {len(theirs)}"
        )
    changed = [p for p in (original, translation) if _changed_since_commit(p)]
    if changed:
        names = " and ".join(f"docs/{p.parent.parent.name}/{LABS}/{p.name}" for p in changed)
        detail += f"; changed since the last commit: {names}"
    return detail


def environment_key(versions: dict[str, str]) -> str:
    digest = hashlib.sha256(HOOK_SOURCE)
    digest.update(json.dumps(versions, sort_keys=True).encode())
    return digest.hexdigest()[:16]


def installed_versions() -> dict[str, str]:
    versions = {"python": ".".join(map(str, sys.version_info[:2]))}  # a patch release does not move a float
    for package in PACKAGES:
        try:
            versions[package] = version(package)
        except PackageNotFoundError:
            versions[package] = "absent"
    return versions


def execution_key(versions: dict[str, str]) -> str:
    """What a lab's outputs depend on besides its code: the package versions and how the hook executes a lab."""
    return hashlib.sha256(json.dumps([EXECUTION, versions], sort_keys=True).encode()).hexdigest()[:16]


def outputs_key(code: list[str], execution: str) -> str:
    """The name of a lab's recorded outputs: its code cells, in order, and the execution_key."""
    digest = hashlib.sha256(execution.encode())
    digest.update(json.dumps(code).encode())
    return digest.hexdigest()[:16]


class UnixSocketKernelManager(KernelManager):
    """A lab's kernel on Unix sockets in the temporary folder, not on TCP ports of 127.0.0.1: no other user of the
    machine can reach it, and ipykernel has no unencrypted TCP to warn about in the build log."""

    @default("transport")
    def _unix_sockets(self):
        return "ipc"

    @default("ip")
    def _socket_path_prefix(self):
        return str(Path(tempfile.gettempdir()) / f"lab-kernel-{os.getpid()}")


def _execute_once(outputs_dir: Path):
    """ExecutePreprocessor.preprocess that reuses the outputs of the same code run for another language."""
    execute = getattr(ExecutePreprocessor.preprocess, "__wrapped__", ExecutePreprocessor.preprocess)

    @functools.wraps(execute)
    def preprocess(self, nb, resources=None, km=None):
        cells = [cell for cell in nb.cells if cell.cell_type == "code"]
        key = outputs_key([cell.source for cell in cells], execution_key(installed_versions()))
        saved = outputs_dir / f"{key}.json"
        if saved.is_file():
            for cell, run in zip(cells, json.loads(saved.read_text(encoding="utf-8"))["cells"], strict=True):
                cell.outputs = [nbformat.from_dict(output) for output in run["outputs"]]
                cell.execution_count = run["execution_count"]
            log.info("Lab outputs reused, no kernel started: %s", saved.name)
            return nb, resources
        if os.name == "posix":
            self.kernel_manager_class = UnixSocketKernelManager
        started = time.perf_counter()
        nb, resources = execute(self, nb, resources, km)
        runs = [{"outputs": cell.outputs, "execution_count": cell.execution_count} for cell in cells]
        # Saved only when every cell ran: the file says that this code ran top to bottom in a fresh kernel here.
        record = {"seconds": round(time.perf_counter() - started, 1), "cells": runs}
        outputs_dir.mkdir(parents=True, exist_ok=True)
        partial = saved.with_suffix(f".{os.getpid()}.tmp")
        partial.write_text(json.dumps(record), encoding="utf-8")
        os.replace(partial, saved)
        log.info("Lab executed, outputs saved: %s", saved.name)
        return nb, resources

    return preprocess


def _with_compiled_templates(folder: Path):
    """TemplateExporter._create_environment that keeps the compiled templates in `folder`, as the site's own Jinja
    environment does (hooks/render_cache.py): mkdocs-jupyter makes a new exporter, so a new environment, for each
    conversion, and compiling nbconvert's templates was a third of converting a lab. Jinja checks each compiled
    template against its source when it reads it, and writes one whole before renaming it."""
    create = getattr(TemplateExporter._create_environment, "__wrapped__", TemplateExporter._create_environment)

    @functools.wraps(create)
    def create_environment(self):
        environment = create(self)
        environment.bytecode_cache = FileSystemBytecodeCache(str(folder))
        return environment

    return create_environment


def _i18n(config):
    plugin = config.plugins["i18n"]
    languages = [lang.locale for lang in plugin.config.languages if lang.build]
    return plugin, languages


def on_config(config):
    jupyter = config.plugins.get(PLUGIN)
    if jupyter is None:
        return config
    # The site's heading ids, in the notebook's HTML and in its table of contents alike. mkdocs-jupyter slugs
    # with an ASCII-only slugify, then nbconvert percent-encodes what is left; the site's slug is an id as it is.
    site_slugify = config.mdx_configs["toc"]["slugify"]
    mkdocs_jupyter.convert.slugify = lambda text: site_slugify(text, "-")
    nbconvert.filters.strings._convert_header_id = lambda slug: slug
    mkdocs_jupyter.plugin.TocExtension = functools.partial(TocExtension, slugify=site_slugify)
    # The labs' tensors are tiny: threads cost more than they save, and far more on a busy machine.
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    ExecutePreprocessor.preprocess = _execute_once(Path(config.docs_dir) / OUTPUTS)
    templates = Path(config.config_file_path).parent / ".cache" / "jinja"
    templates.mkdir(parents=True, exist_ok=True)
    TemplateExporter._create_environment = _with_compiled_templates(templates)
    return config


def on_pre_build(config):
    jupyter = config.plugins.get(PLUGIN)
    if jupyter is None:
        return
    i18n, languages = _i18n(config)
    problems = check_labs(Path(config.docs_dir), languages)
    if problems:
        raise PluginError("Labs do not match between languages:\n" + "\n".join(problems))
    # Recorded outputs of code that no lab has any more go.
    execution = execution_key(installed_versions())
    labs = Path(config.docs_dir).glob(f"*/{LABS}/*.ipynb")
    current = {outputs_key(code_cells(lab), execution) for lab in labs}
    outputs = Path(config.docs_dir) / OUTPUTS
    for saved in outputs.glob("*.json"):
        if saved.stem not in current:
            saved.unlink()
    # One cache folder per language and environment; other environments' folders of this language go.
    root = Path(config.config_file_path).parent / ".cache" / PLUGIN
    language = i18n.current_language or i18n.default_language
    folder = root / f"{language}-{environment_key(installed_versions())}"
    for stale in root.glob(f"{language}-*"):
        if stale != folder and stale.is_dir():
            shutil.rmtree(stale)
    jupyter.config["cache_dir"] = str(folder)


@event_priority(-50)  # after mkdocs-jupyter (0) has replaced the page's render method
def on_pre_page(page, config, files):
    if not is_lab(page.file) or config.plugins.get(PLUGIN) is None:
        return page
    render = page.render

    def render_naming_the_cell(config, files):
        try:
            render(config, files)
        except CellExecutionError as error:
            cells = code_cells(Path(page.file.abs_src_path))
            number = next((i for i, source in enumerate(cells, 1) if source and source in str(error)), "?")
            traceback = ANSI_COLOUR.sub("", str(error))
            raise PluginError(
                f"{page.file.src_uri}: code cell {number} raised {error.ename}: {error.evalue}\n{traceback}"
            ) from None

    page.render = render_naming_the_cell
    return page


def on_page_markdown(markdown, page, config, files):
    if is_lab(page.file):
        notebook = json.loads(Path(page.file.abs_src_path).read_text(encoding="utf-8"))
        description = notebook["metadata"].get("description")
        if not description:
            raise PluginError(f'{page.file.src_uri}: the notebook\'s metadata has no "description"')
        page.meta["description"] = description
        # A lab repeats its chapter's ideas as exercises: in search, the chapter that explains them comes first.
        page.meta.setdefault("search", {"boost": 0.5})
    return markdown


def colab_url(config, src_uri: str) -> str:
    """Colab opens a notebook from GitHub: repo_url, the branch and docs folder of edit_uri, the file."""
    repo = urlsplit(config.repo_url or "")
    if repo.netloc != "github.com":
        raise PluginError(f"repo_url {config.repo_url!r}: Colab links need a GitHub repository")
    _, branch, docs_path = (config.edit_uri or "edit/main/docs/").strip("/").split("/", 2)
    return f"https://colab.research.google.com/github{repo.path.rstrip('/')}/blob/{branch}/{docs_path}/{src_uri}"


def fold_solutions(html: str, title: str) -> str:
    """Each run of consecutive cells tagged `solution` inside one collapsed <details class="success">."""
    html = SOLUTION_TAG_BAR.sub("", html)
    notebook = html.find('<div class="jp-Notebook"')
    if notebook < 0:
        return html
    cells = []  # (start, end, is a solution) of each cell: the notebook's child divs
    depth = start = 0
    for tag in DIV.finditer(html, notebook):
        if tag[0] != "</div>":
            depth += 1
            if depth == 2:
                start = tag.start()
            continue
        depth -= 1
        if depth == 1:
            cells.append((start, tag.end(), SOLUTION_CELL.search(html, start, tag.end()) is not None))
        if depth == 0:
            break
    opening = f'<details class="success"><summary>{title}</summary>'
    pieces, done, folding, previous_end = [], 0, False, 0
    for start, end, solution in cells:
        if solution != folding:
            cut = start if solution else previous_end
            pieces += [html[done:cut], opening if solution else "</details>"]
            done, folding = cut, solution
        previous_end = end
    if folding:
        pieces += [html[done:previous_end], "</details>"]
        done = previous_end
    return "".join(pieces) + html[done:]


def on_page_content(html, page, config, files):
    if not is_lab(page.file) or config.plugins.get(PLUGIN) is None:
        return html
    language = getattr(page.file, "locale", None)
    if MERMAID_DIAGRAM not in html:
        html = MERMAID_LOADER.sub("", html, count=1)
    html = PLAIN_NAME.sub(r"\1", html)
    html = fold_solutions(html, SOLUTION_TITLE.get(language, SOLUTION_TITLE["en"]))
    download, colab = LINKS.get(language, LINKS["en"])
    name = Path(page.file.src_uri).name
    links = (
        f'<p class="lab-links"><a class="md-button md-button--primary" href="{name}" download>{download}</a> '
        f'<a class="md-button" href="{colab_url(config, page.file.src_uri)}">{colab}</a></p>'
    )
    # Permalinks like the Markdown pages': Material styles them and keeps them out of search results.
    html = html.replace('<a class="anchor-link" href="#', '<a class="headerlink" href="#')
    end_of_title = html.find("</h1>")
    if end_of_title < 0:
        return links + html
    end_of_title += len("</h1>")
    return html[:end_of_title] + links + html[end_of_title:]
