"""Bad input fails the build loudly, naming the file: never a silent pass.

Each case builds a small scratch site with the real mkdocs.yml settings and hooks, and one defect.
(A snippet that raises is covered in test_codeblocks_plugin.py.)
"""

import re
from pathlib import Path

import pytest

from tests.conftest import build_site, make_scratch_site

GOOD_PAGE = "# {title}\n\nText.\n"


@pytest.fixture
def scratch_site(tmp_path) -> Path:
    pages = {
        f"{lang}/{name}.md": GOOD_PAGE.format(title=name.title()) for lang in ("ko", "en") for name in ("index", "page")
    }
    make_scratch_site(tmp_path, pages, ["index.md", "page.md"])
    (tmp_path / "snippets" / "demo").mkdir()
    (tmp_path / "snippets" / "demo" / "ok.py").write_text("# --8<-- [start:part]\nx = 1\n# --8<-- [end:part]\n")
    return tmp_path


def build(root: Path):
    return build_site(root / "mkdocs.yml", root / "site")


def test_the_scratch_site_builds(scratch_site):
    result = build(scratch_site)
    assert result.returncode == 0 and not result.warnings, result.log


def test_dead_link_dead_anchor_and_missing_translation_each_fail_the_build(scratch_site):
    """Three defects that MkDocs reports as warnings, in one build: the strict build fails, and the log names each."""
    (scratch_site / "docs/en/page.md").write_text("# Page\n\nSee [there](nowhere.md).\n")
    (scratch_site / "docs/ko/page.md").write_text("# Page\n\nSee [there](index.md#no-such-heading).\n")
    (scratch_site / "docs/en/index.md").unlink()
    result = build(scratch_site)
    assert result.returncode != 0
    assert "'en/page.md' contains a link 'nowhere.md'" in result.log, result.log
    assert "'ko/page.md' contains a link 'index.md#no-such-heading'" in result.log, result.log
    assert "'index.md' is included in the 'nav' configuration, which is not found" in result.log, result.log
    assert len(result.warnings) >= 3, result.warnings


def test_include_of_a_missing_file_or_section(scratch_site):
    page = scratch_site / "docs/ko/page.md"
    page.write_text('# Page\n\n```python\n--8<-- "snippets/demo/nope.py"\n```\n')
    result = build(scratch_site)
    assert result.returncode != 0
    # One line with page and line, before any page is built (hooks/includes.py), not a traceback after the labs.
    assert 'docs/ko/page.md:4: --8<-- "snippets/demo/nope.py": snippets/demo/nope.py does not exist' in result.log
    assert "Traceback" not in result.log and "Converting notebook" not in result.log, result.log

    page.write_text('# Page\n\n```python\n--8<-- "snippets/demo/ok.py:nope"\n```\n')
    result = build(scratch_site)
    assert result.returncode != 0
    assert 'docs/ko/page.md:4: --8<-- "snippets/demo/ok.py:nope": snippets/demo/ok.py has no section' in result.log


def test_unknown_language_code(scratch_site):
    config = scratch_site / "mkdocs.yml"
    config.write_text(config.read_text().replace("- locale: en", "- locale: xx"))
    result = build(scratch_site)
    assert result.returncode != 0
    assert re.search(r"mkdocs\.yml: plugins\.i18n\.languages\[xx\]: unknown language code 'xx'", result.log)


def test_formula_that_cannot_be_read(scratch_site):
    (scratch_site / "docs/en/page.md").write_text("# Page\n\n$$\n\\frac{1}{\n$$\n")
    result = build(scratch_site)
    assert result.returncode != 0
    assert "en/page.md: cannot convert formula" in result.log


def test_figure_script_that_raises(scratch_site):
    (scratch_site / "snippets/demo/fig_broken.py").write_text("def draw(lang):\n    raise ValueError('no data')\n")
    result = build(scratch_site)
    assert result.returncode != 0
    assert "snippets/demo/fig_broken.py: draw('ko') failed: no data" in result.log
