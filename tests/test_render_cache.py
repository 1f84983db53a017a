"""hooks/render_cache.py and hooks/git_dates_cache.py: a warm build writes what a cold one writes, and an edit or a
new commit is never hidden by what they keep."""

import filecmp
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import build_site, make_scratch_site

PAGE = """# {title}

[Home](index.md) and [a page that is not there](missing.md).

## Code

```python
--8<-- "snippets/demo/shown.py"
```
"""


def _differences(left: Path, right: Path) -> list[str]:
    found = []

    def walk(compare: filecmp.dircmp, prefix: str) -> None:
        found.extend(f"{prefix}{name}" for name in compare.left_only + compare.right_only + compare.diff_files)
        for name, sub in compare.subdirs.items():
            walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(left, right, ignore=[]), "")
    return found


@pytest.fixture(scope="module")
def scratch(tmp_path_factory) -> Path:
    pages = {f"{lang}/index.md": f"# {lang}\n\nText.\n" for lang in ("ko", "en")}
    pages |= {f"{lang}/page.md": PAGE.format(title=f"Page {lang}") for lang in ("ko", "en")}
    # Every cache its own, none shared with the project's (tests/conftest.py): the first build here is cold.
    root = make_scratch_site(
        tmp_path_factory.mktemp("render-cache"), pages, ["index.md", "page.md"], shared_caches=False
    )
    (root / "snippets" / "demo").mkdir()
    (root / "snippets" / "demo" / "shown.py").write_text("first_version = 1\n", encoding="utf-8")
    # Committed, so that both builds date the pages from git rather than by the clock.
    date = {"GIT_AUTHOR_DATE": "2026-01-02T03:04:05Z", "GIT_COMMITTER_DATE": "2026-01-02T03:04:05Z"}
    for command in (["init", "-q"], ["add", "."], ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "t"]):
        subprocess.run(["git", *command], cwd=root, check=True, env={**os.environ, **date})
    return root


def _dead_link_warnings(build) -> list[str]:
    return [line for line in build.log.splitlines() if "missing.md" in line]


@pytest.mark.xdist_group("render_cache")
def test_a_warm_build_writes_every_file_as_a_cold_one_and_says_the_same(scratch):
    """The pages hold a dead link, so that both builds must fail --strict on it: the warm one by the warning the
    stored conversion replays. (A failing build still writes the site.)"""
    cold = build_site(scratch / "mkdocs.yml", scratch / "cold")
    stored = sorted((scratch / ".cache" / "rendered").glob("*.json"))
    assert len(stored) >= 4, "nothing was stored"  # two pages per language, and their search sections
    warm = build_site(scratch / "mkdocs.yml", scratch / "warm")
    assert sorted((scratch / ".cache" / "rendered").glob("*.json")) == stored, "the warm build converted again"
    assert not _differences(scratch / "cold", scratch / "warm")
    assert cold.returncode != 0 and warm.returncode != 0
    assert len(_dead_link_warnings(cold)) == 2 and _dead_link_warnings(warm) == _dead_link_warnings(cold), warm.log


@pytest.mark.xdist_group("render_cache")
def test_an_edited_include_is_converted_again(scratch):
    """The page's Markdown is unchanged; the snippet it includes is not."""
    (scratch / "snippets" / "demo" / "shown.py").write_text("second_version = 2\n", encoding="utf-8")
    edited = build_site(scratch / "mkdocs.yml", scratch / "edited")
    assert len(_dead_link_warnings(edited)) == 2, edited.log
    html = (scratch / "edited" / "page" / "index.html").read_text(encoding="utf-8")
    assert "second_version" in html and "first_version" not in html
    shutil.rmtree(scratch / "edited")


@pytest.mark.xdist_group("render_cache")
def test_a_new_commit_moves_the_date_the_cache_kept(scratch):
    """hooks/git_dates_cache.py keeps each page's last commit per HEAD: the builds above stored the first one."""
    assert list((scratch / ".cache" / "git-dates").glob("*.json")), "no answers were kept"
    page = scratch / "docs" / "en" / "page.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nMore.\n", encoding="utf-8")
    date = {"GIT_AUTHOR_DATE": "2026-03-04T05:06:07Z", "GIT_COMMITTER_DATE": "2026-03-04T05:06:07Z"}
    for command in (["add", "."], ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "later"]):
        subprocess.run(["git", *command], cwd=scratch, check=True, env={**os.environ, **date})
    later = build_site(scratch / "mkdocs.yml", scratch / "later")
    assert "March 4, 2026" in (scratch / "later" / "en" / "page" / "index.html").read_text(encoding="utf-8")
    assert "January 2, 2026" in (scratch / "later" / "en" / "index.html").read_text(encoding="utf-8"), later.log
