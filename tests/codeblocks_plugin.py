"""Run every Python block of every page in docs/ as the reader sees it.

pytest-codeblocks parses the blocks; this plugin closes its holes for this site:
- `--8<--` includes are expanded first, with the very pymdownx.snippets settings of mkdocs.yml;
- fences written `python title="..."`, `py` or `{.python}` are collected too (pytest-codeblocks only takes `python`);
- a failure names the Markdown file and line, the snippet file and line, and shows the traceback into the block;
- a block marked `<!--pytest-codeblocks:cont-->` must say so visibly in the prose above it;
- `--update-outputs` rewrites a recorded `*.out` file that a page shows as the block's output.
Identical blocks (the Korean and English pages include the same snippet) run once per session.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import linecache
import os
import random
import re
import signal
import sys
import threading
import time
import traceback
import warnings
from dataclasses import dataclass
from pathlib import Path

import pytest
from pytest_codeblocks.main import extract_from_buffer, stdout_io

# Torch's threads spin-wait on a busy machine (see tests/conftest.py); set here too, so that `pytest docs/x.md`,
# which loads no conftest, runs the blocks as fast as the full suite does.
os.environ.setdefault("OMP_NUM_THREADS", "1")

# The repository root; pytest_configure points it at pytest's rootdir (a scratch repo in the plugin's own tests).
ROOT = Path(__file__).resolve().parent.parent

# Any spelling a reader's highlighter accepts: Pygments finds lexers case-insensitively (```Python, ```PY).
PYTHON_INFO = re.compile(r"^(?:python3?|py)(?:\s|$)|^\{\s*\.(?:python3?|py)[\s}]", re.IGNORECASE)
FENCE_OPEN = re.compile(r"^(?P<indent>\s*)(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
SNIPPET_LINE = re.compile(r"^(?P<indent>\s*)-{1,}8<-{1,}\s+(?P<quote>[\"'])(?P<target>.+?)(?P=quote)\s*$")
CONT_MARK = re.compile(r"<!--[-\s]*pytest-codeblocks:\s*cont\s*-->")
# Words that tell a reader, in either language, that a block continues the one above.
CONTINUATION_WORDS = (
    "이어서",
    "이어지는",
    "위 코드",
    "위 블록",
    "앞 블록",
    "continues",
    "continuing",
    "block above",
    "code above",
)


@dataclass(frozen=True)
class Origin:
    """Where one line of the expanded page comes from."""

    path: Path
    line: int

    def __str__(self) -> str:
        return f"{self.path.relative_to(ROOT)}:{self.line}"


class ExpansionError(Exception):
    pass


def _snippet_preprocessor():
    """A pymdownx.snippets preprocessor configured exactly as in mkdocs.yml. The file is read with MkDocs' own YAML
    loader (its tags: !ENV, !relative), not validated: validation loads every plugin, a second and a half of each
    `pytest docs/page.md`."""
    from types import SimpleNamespace

    import markdown
    from mkdocs.utils.yaml import get_yaml_loader, yaml_load
    from pymdownx.snippets import SnippetPreprocessor

    config_file = ROOT / "mkdocs.yml"
    with config_file.open("rb") as file:
        raw = yaml_load(file, loader=get_yaml_loader(config=SimpleNamespace(config_file_path=str(config_file))))
    entries = [entry for entry in raw.get("markdown_extensions", []) if isinstance(entry, dict)]
    options = next((dict(entry["pymdownx.snippets"] or {}) for entry in entries if "pymdownx.snippets" in entry), {})
    options["base_path"] = [os.fspath(base) for base in options.get("base_path", ["."])]
    md = markdown.Markdown(extensions=["pymdownx.snippets"], extension_configs={"pymdownx.snippets": options})
    return next(p for p in md.preprocessors if isinstance(p, SnippetPreprocessor))


_PREPROCESSOR = None


def pytest_configure(config):
    global ROOT, _PREPROCESSOR
    ROOT, _PREPROCESSOR = Path(config.rootpath), None


def expand_includes(page: Path) -> tuple[list[str], list[Origin]]:
    """Expand the `--8<--` lines of a page; return the lines and, for each, where it comes from."""
    global _PREPROCESSOR
    if _PREPROCESSOR is None:
        _PREPROCESSOR = _snippet_preprocessor()
    lines, origins = [], []
    for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), start=1):
        match = SNIPPET_LINE.match(line)
        if "8<-" in line and not match:
            raise ExpansionError(
                f'{page.relative_to(ROOT)}:{number}: write includes on one line: --8<-- "snippets/<chapter>/<file>"'
            )
        if not match:
            lines.append(line)
            origins.append(Origin(page, number))
            continue
        try:
            included = _PREPROCESSOR.run([line])
        except Exception as error:  # SnippetMissingError and friends
            raise ExpansionError(f"{page.relative_to(ROOT)}:{number}: {error}") from error
        source = ROOT / match["target"].split(":")[0]
        source_lines = source.read_text(encoding="utf-8").splitlines() if source.is_file() else []
        indent = match["indent"]
        first = included[0][len(indent) :] if included else ""
        offset = source_lines.index(first) if first in source_lines else 0
        for index, expanded in enumerate(included):
            lines.append(expanded)
            origins.append(Origin(source, offset + index + 1))
    return lines, origins


def python_fences(lines: list[str]) -> list[int]:
    """Line indexes (0-based) of every fence that opens a Python block, found independently of pytest-codeblocks."""
    found, open_fence = [], None
    for index, line in enumerate(lines):
        match = FENCE_OPEN.match(line)
        if not match:
            continue
        if open_fence is None:
            open_fence = match["fence"]
            if PYTHON_INFO.match(match["info"].strip()):
                found.append(index)
        elif (
            match["fence"][0] == open_fence[0] and len(match["fence"]) >= len(open_fence) and not match["info"].strip()
        ):
            open_fence = None
    return found


def _normalise_fences(lines: list[str]) -> list[str]:
    """Give every Python fence the plain info string `python`, which pytest-codeblocks collects."""
    out = list(lines)
    for index in python_fences(lines):
        match = FENCE_OPEN.match(lines[index])
        out[index] = f"{match['indent']}{match['fence']}python"
    return out


def _check_continuations(page: Path, lines: list[str], origins: list[Origin]) -> None:
    for index, line in enumerate(lines):
        if not CONT_MARK.search(line):
            continue
        above = []
        for previous in reversed(lines[:index]):
            if FENCE_OPEN.match(previous):
                break
            above.append(previous)
        if not any(word in " ".join(above) for word in CONTINUATION_WORDS):
            raise ExpansionError(
                f"{origins[index]}: a block marked pytest-codeblocks:cont must say in the text above it that it "
                f"continues the previous block (e.g. '이어서' / 'continues the block above')"
            )


_RESULTS: dict[tuple[str, str | None], str | None] = {}  # (code, expected output) -> failure message or None


def pytest_addoption(parser):
    parser.addoption(
        "--update-outputs",
        action="store_true",
        help="rewrite the recorded snippets/**/*.out files that pages show as a block's output",
    )


def pytest_collect_file(file_path: Path, parent):
    if file_path.suffix == ".md" and ROOT / "docs" in file_path.parents:
        return MarkdownPage.from_parent(parent, path=file_path)
    return None


@dataclass
class CollectedBlock:
    block: object  # pytest_codeblocks.main.CodeBlock
    fence_origin: Origin
    code_origins: list[Origin]
    output_origins: list[Origin]


def collect_python_blocks(page: Path) -> list[CollectedBlock]:
    """Every Python block of a page as the reader sees it (includes expanded), with where each line comes from."""
    lines, origins = expand_includes(page)
    _check_continuations(page, lines, origins)
    try:
        blocks = extract_from_buffer(io.StringIO("\n".join(_normalise_fences(lines)) + "\n"))
    except RuntimeError as error:  # pytest-codeblocks' own parse errors
        raise ExpansionError(f"{page.relative_to(ROOT)}: {error}") from None
    collected = []
    for block in blocks:
        if block.syntax != "python":
            continue
        start = block.lineno  # 1-based line of the opening fence in the expanded text
        collected.append(
            CollectedBlock(
                block,
                origins[start - 1],
                origins[start : start + block.code.count("\n")],
                _output_origins(block, lines, origins, start),
            )
        )
    return collected


class MarkdownPage(pytest.File):
    def collect(self):
        try:
            collected = collect_python_blocks(self.path)
        except ExpansionError as error:
            raise self.CollectError(str(error)) from None
        for found in collected:
            item = CodeBlockItem.from_parent(self, name=f"line {found.fence_origin.line}")
            item.block = found.block
            item.fence_origin = found.fence_origin
            item.code_origins = found.code_origins
            item.output_origins = found.output_origins
            for mark in found.block.marks:
                item.add_marker(eval(mark, {"sys": sys, "pytest": pytest}))
            # The Korean and English pages include the same snippets: one worker runs both, so the second is free.
            code_key = hashlib.sha1(f"{found.block.code}\0{found.block.expected_output}".encode()).hexdigest()[:16]
            item.add_marker(pytest.mark.xdist_group(name=code_key))
            yield item


def _output_origins(block, lines, origins, start) -> list[Origin]:
    """Origins of the expected-output block's lines (to find a recorded .out file), if any."""
    if block.expected_output is None:
        return []
    marker = next(i for i in range(start, len(lines)) if "expected-output" in lines[i])
    fence = next(i for i in range(marker, len(lines)) if FENCE_OPEN.match(lines[i]))
    return origins[fence + 1 : fence + 1 + block.expected_output.count("\n")]


# Outputs whose last digits depend on the CPU (snippets/outputs_that_vary.yml says which, and why).
NUMBER = re.compile(r"[-+]?\d+(?:\.\d+)?(?:e[-+]?\d+)?")


def _alike_on_another_cpu(expected: str, printed: str, recorded: Path) -> bool:
    """True if `recorded` is listed as varying by CPU and the two outputs differ only in numbers within its bound."""
    import yaml

    listed = ROOT / "snippets" / "outputs_that_vary.yml"
    if not listed.is_file() or not recorded.is_relative_to(ROOT / "snippets"):
        return False
    entry = (yaml.safe_load(listed.read_text(encoding="utf-8")) or {}).get(
        recorded.relative_to(ROOT / "snippets").as_posix()
    )
    if entry is None:
        return False
    expected, printed = expected.rstrip("\n"), printed.rstrip("\n")
    if NUMBER.split(expected) != NUMBER.split(printed):
        return False
    pairs = zip(NUMBER.findall(expected), NUMBER.findall(printed), strict=True)
    return all(abs(float(a) - float(b)) <= float(entry["within"]) for a, b in pairs)


class CodeBlockFailure(Exception):
    pass


class CodeBlockItem(pytest.Item):
    block = None
    fence_origin: Origin
    code_origins: list[Origin]
    output_origins: list[Origin]

    def runtest(self):
        key = (self.block.code, self.block.expected_output)
        if key not in _RESULTS:
            _RESULTS[key] = self._run()
        if _RESULTS[key] is not None:
            raise CodeBlockFailure(_RESULTS[key])

    def _run(self) -> str | None:
        if self.block.importorskip is not None:
            pytest.importorskip(self.block.importorskip)
        filename = f"<code block {self.fence_origin}>"
        code_lines = self.block.code.splitlines(keepends=True)
        linecache.cache[filename] = (len(self.block.code), None, code_lines, filename)
        # A block that forgot its seed must not pass by luck of the block before it.
        _scramble_global_rngs()
        started = time.perf_counter()
        with stdout_io() as captured, _fresh_global_settings(), _watchdog(self.fence_origin):
            try:
                exec(compile(self.block.code, filename, "exec"), {"__name__": "__main__"})
            except BaseException as error:  # noqa: BLE001 - report anything a block raises
                if isinstance(error, (KeyboardInterrupt, pytest.skip.Exception)):
                    raise
                return self._describe_exception(error, filename, captured.getvalue())
        self.user_properties.append(("seconds", time.perf_counter() - started))
        return self._compare_output(captured.getvalue())

    def _describe_exception(self, error: BaseException, filename: str, printed: str) -> str:
        frames = traceback.extract_tb(error.__traceback__)
        while frames and frames[0].filename != filename:
            frames = frames[1:]
        report = [f"{self.fence_origin}: code block failed with {type(error).__name__}: {error}"]
        for frame in frames:
            if frame.filename == filename:
                origin = self.code_origins[frame.lineno - 1] if frame.lineno <= len(self.code_origins) else "?"
                report.append(f"  {origin} (block line {frame.lineno}), in {frame.name}")
            else:
                report.append(f"  {frame.filename}:{frame.lineno}, in {frame.name}")
            if frame.line:
                report.append(f"      {frame.line.strip()}")
        if printed:
            report.append("printed before the error:\n" + printed.rstrip())
        return "\n".join(report)

    def _compare_output(self, printed: str) -> str | None:
        expected = self.block.expected_output
        if expected is None:
            return None
        if self.block.expected_output_ignore_whitespace:
            same = re.sub(r"\s+", "", expected) == re.sub(r"\s+", "", printed)
        else:
            same = expected.rstrip("\n") == printed.rstrip("\n")
        recorded = {origin.path for origin in self.output_origins}
        if not same and len(recorded) == 1:
            same = _alike_on_another_cpu(expected, printed, next(iter(recorded)))
        if same:
            return None
        if self.config.getoption("--update-outputs") and len(recorded) == 1 and recorded.pop().suffix == ".out":
            self.output_origins[0].path.write_text(printed, encoding="utf-8")
            return None
        where = self.output_origins[0] if self.output_origins else self.fence_origin
        return (
            f"{self.fence_origin}: the output shown on the page ({where}) is not what the code prints "
            f"(run pytest --update-outputs to record the new output)\n--- shown\n{expected}--- printed\n{printed}"
        )

    def repr_failure(self, excinfo):
        if isinstance(excinfo.value, CodeBlockFailure):
            return str(excinfo.value)
        return super().repr_failure(excinfo)

    def reportinfo(self):
        return self.path, self.fence_origin.line - 1, f"code block at {self.fence_origin}"


# Seconds; every block runs in seconds, so this only stops a hang (a stuck child process) from stalling the suite.
BLOCK_TIMEOUT = int(os.environ.get("CODEBLOCK_TIMEOUT", "180"))


class BlockTimeout(Exception):
    pass


@contextlib.contextmanager
def _watchdog(origin):
    """Fail a block that runs past BLOCK_TIMEOUT instead of hanging the whole suite (SIGALRM, main thread only)."""
    if not hasattr(signal, "SIGALRM") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum, frame):
        stuck = _stop_child_processes()
        raise BlockTimeout(
            f"{origin}: the block ran past {BLOCK_TIMEOUT} s"
            + (f"; stopped the {stuck} process(es) it had started" if stuck else "")
        )

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(BLOCK_TIMEOUT)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _stop_child_processes() -> int:
    """Stop the processes a timed-out block started with multiprocessing (torch.multiprocessing too): a stuck child
    that is not a daemon would otherwise hold the suite at exit, where multiprocessing joins it for ever."""
    import multiprocessing

    children = multiprocessing.active_children()
    for child in children:
        child.kill()
    for child in children:
        child.join(timeout=5)
    return len(children)


@contextlib.contextmanager
def _fresh_global_settings():
    """Undo what a block changes process-wide, as a fresh interpreter would never see it."""
    numpy = sys.modules.get("numpy")
    torch = sys.modules.get("torch")
    print_options = numpy.get_printoptions() if numpy else None
    torch_state = (torch.get_default_dtype(), torch.is_grad_enabled(), torch.get_num_threads()) if torch else None
    try:
        yield
    finally:
        if numpy and print_options is not None:
            numpy.set_printoptions(**print_options)
        if torch and torch_state is not None:
            torch.set_default_dtype(torch_state[0])
            torch.set_grad_enabled(torch_state[1])
            torch.set_num_threads(torch_state[2])
        warnings.resetwarnings()


def _scramble_global_rngs() -> None:
    seed = random.SystemRandom().randrange(2**31)
    random.seed(seed)
    if "numpy" in sys.modules:
        sys.modules["numpy"].random.seed(seed)
    if "torch" in sys.modules:
        sys.modules["torch"].manual_seed(seed)
