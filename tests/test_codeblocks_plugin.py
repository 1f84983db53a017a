"""The codeblock plugin's promises, checked on a scratch repository with deliberately broken pages."""

import re
import shutil
import textwrap
from pathlib import Path

import pytest

from tests.conftest import make_scratch_site

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def scratch(pytester):
    """A minimal copy of the site: the real mkdocs.yml and hooks, no pages yet."""
    make_scratch_site(pytester.path, {}, ["index.md"])
    shutil.copytree(REPO / "tests", pytester.path / "tests", ignore=shutil.ignore_patterns("test_*", "__pycache__"))
    (pytester.path / "pyproject.toml").write_text(
        '[tool.pytest.ini_options]\naddopts = ["-p", "tests.codeblocks_plugin"]\n'
    )
    return pytester


def write(root: Path, relative: str, text: str) -> None:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")


def run(scratch, *args):
    return scratch.runpytest_subprocess("docs", "-p", "no:cacheprovider", *args)


def test_every_python_fence_style_is_collected_and_includes_are_expanded(scratch):
    write(scratch.path, "snippets/demo/ok.py", "value = 2 + 2\nprint(value)\n")
    write(
        scratch.path,
        "docs/ko/page.md",
        """
        # Page

        ```python
        assert 1 + 1 == 2
        ```

        ```python title="ok.py"
        --8<-- "snippets/demo/ok.py"
        ```

        ```py
        assert True
        ```

        ```{.python}
        assert True
        ```

        === "Tab"

            ```python
            --8<-- "snippets/demo/ok.py"
            ```

        ```text
        not python
        ```
    """,
    )
    result = run(scratch, "-v")
    result.assert_outcomes(passed=5)


def test_a_fence_spelled_with_capitals_is_run_too(scratch):
    """Pygments highlights ```Python like ```python, so the page's own test run must run it (it once skipped it)."""
    write(
        scratch.path,
        "docs/ko/page.md",
        "# Page\n\n```Python\nraise ValueError('Python')\n```\n\n```PY\nraise ValueError('PY')\n```\n",
    )
    result = run(scratch)
    result.assert_outcomes(failed=2)


def test_a_block_that_hangs_fails_instead_of_stalling_the_suite(scratch, monkeypatch):
    monkeypatch.setenv("CODEBLOCK_TIMEOUT", "1")
    write(scratch.path, "docs/ko/page.md", "# Page\n\n```python\nimport time\n\ntime.sleep(30)\n```\n")
    result = run(scratch)
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*docs/ko/page.md:3: the block ran past 1 s*"])


def test_a_block_whose_child_process_hangs_fails_and_the_run_still_ends(scratch, monkeypatch):
    """A stuck child (a DDP worker, say) must not hold the suite at exit, where multiprocessing joins it."""
    monkeypatch.setenv("CODEBLOCK_TIMEOUT", "2")
    code = (
        "import multiprocessing\nimport time\n\n\ndef stuck():\n    time.sleep(600)\n\n\n"
        "child = multiprocessing.get_context('fork').Process(target=stuck)\nchild.start()\nchild.join()\n"
    )
    write(scratch.path, "docs/ko/page.md", f"# Page\n\n```python\n{code}```\n")
    result = scratch.runpytest_subprocess("docs", "-p", "no:cacheprovider", timeout=60)
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(
        ["*docs/ko/page.md:3: the block ran past 2 s; stopped the 1 process(es) it had started*"]
    )


def test_a_failing_block_names_page_snippet_and_line(scratch):
    write(
        scratch.path, "snippets/demo/bad.py", "import math\n\nratio = math.sqrt(4)\nassert ratio == 3, 'ratio is off'\n"
    )
    write(
        scratch.path,
        "docs/en/page.md",
        """
        # Page

        Some text.

        ```python title="bad.py"
        --8<-- "snippets/demo/bad.py"
        ```
    """,
    )
    result = run(scratch)
    result.assert_outcomes(failed=1)
    output = result.stdout.str()
    assert "docs/en/page.md:5: code block failed with AssertionError: ratio is off" in output
    assert "snippets/demo/bad.py:4 (block line 4)" in output
    assert "assert ratio == 3" in output


def test_missing_include_file_or_section_fails_collection_with_page_and_line(scratch):
    write(scratch.path, "snippets/demo/ok.py", "# --8<-- [start:part]\nx = 1\n# --8<-- [end:part]\n")
    write(scratch.path, "docs/ko/missing_file.md", '# T\n\n```python\n--8<-- "snippets/demo/nope.py"\n```\n')
    write(scratch.path, "docs/ko/missing_section.md", '# T\n\n```python\n--8<-- "snippets/demo/ok.py:nope"\n```\n')
    result = run(scratch)
    output = result.stdout.str()
    assert result.ret != 0
    assert "docs/ko/missing_file.md:4:" in output and "snippets/demo/nope.py" in output
    assert "docs/ko/missing_section.md:4:" in output and "nope" in output


def test_recorded_output_must_match_and_can_be_updated(scratch):
    write(scratch.path, "snippets/demo/hello.py", "print('hello', 6 * 7)\n")
    write(scratch.path, "snippets/demo/hello.out", "hello 41\n")
    write(
        scratch.path,
        "docs/ko/page.md",
        """
        # T

        ```python
        --8<-- "snippets/demo/hello.py"
        ```

        <!--pytest-codeblocks:expected-output-->
        ```text
        --8<-- "snippets/demo/hello.out"
        ```
    """,
    )
    result = run(scratch)
    result.assert_outcomes(failed=1)
    assert "is not what the code prints" in result.stdout.str()
    assert "snippets/demo/hello.out:1" in result.stdout.str()

    run(scratch, "--update-outputs").assert_outcomes(passed=1)
    assert (scratch.path / "snippets/demo/hello.out").read_text() == "hello 42\n"
    run(scratch).assert_outcomes(passed=1)


def test_an_output_listed_as_varying_by_cpu_may_differ_in_its_numbers_within_its_bound_only(scratch):
    page = """
        # T

        ```python
        --8<-- "snippets/demo/{name}.py"
        ```

        <!--pytest-codeblocks:expected-output-->
        ```text
        --8<-- "snippets/demo/{name}.out"
        ```
    """
    # Each page's code prints "accuracy 0.800, 7 of 10"; what its .out file shows, and whether it is listed.
    shown = {
        "listed_within": ("accuracy 0.797, 7 of 10", True),
        "listed_too_far": ("accuracy 0.790, 7 of 10", True),
        "listed_other_count": ("accuracy 0.800, 6 of 10", True),
        "listed_other_words": ("precision 0.800, 7 of 10", True),
        "unlisted_within": ("accuracy 0.797, 7 of 10", False),
    }
    listing = ""
    for name, (output, listed) in shown.items():
        # Not identical code: identical blocks with identical outputs run once
        write(scratch.path, f"snippets/demo/{name}.py", f"print(f'accuracy {{0.8:.3f}}, 7 of 10')  # {name}\n")
        write(scratch.path, f"snippets/demo/{name}.out", output + "\n")
        write(scratch.path, f"docs/ko/{name}.md", page.format(name=name))
        listing += f"demo/{name}.out:\n  within: 0.005\n  why: float32\n" if listed else ""
    write(scratch.path, "snippets/outputs_that_vary.yml", listing)
    result = run(scratch, "-rA")
    passed = {name for name in shown if re.search(rf"PASSED docs/ko/{name}\.md", result.stdout.str())}
    assert passed == {"listed_within"}, result.stdout.str()


def test_a_continued_block_must_say_so_in_the_text(scratch):
    silent = "# T\n\n```python\nx = 1\n```\n\n<!--pytest-codeblocks:cont-->\n```python\nassert x == 1\n```\n"
    write(scratch.path, "docs/ko/silent.md", silent)
    result = run(scratch)
    assert result.ret != 0
    assert "docs/ko/silent.md:7: a block marked pytest-codeblocks:cont must say" in result.stdout.str()

    said = silent.replace("<!--", "This block continues the block above.\n\n<!--")
    write(scratch.path, "docs/ko/silent.md", said)
    run(scratch).assert_outcomes(passed=1)


def test_blocks_do_not_share_names(scratch):
    write(scratch.path, "docs/ko/page.md", "# T\n\n```python\nshared = 1\n```\n\n```python\nprint(shared)\n```\n")
    result = run(scratch)
    result.assert_outcomes(passed=1, failed=1)
    assert "NameError: name 'shared' is not defined" in result.stdout.str()


def test_the_group_of_a_block_reaches_the_scheduler(pytester):
    """The Korean and English copies of a block share an xdist_group, so that one worker runs both and the second
    is free. With pytest 9.2 the group never reached the scheduler (pytest-xdist#1386): each ran on its own."""
    from types import SimpleNamespace

    from xdist.remote import WorkerInteractor

    item = pytester.getitem("import pytest\n\n@pytest.mark.xdist_group(name='same-code')\ndef test_func():\n    pass\n")
    WorkerInteractor.pytest_collection_modifyitems(None, SimpleNamespace(getvalue=lambda name: True), [item])
    assert item.nodeid.endswith("@same-code"), item.nodeid
