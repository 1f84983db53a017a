"""A page's "last updated" date is the date of the last commit that changed it, never the day of the build.

Checked through the plugin itself, with the settings of mkdocs.yml and the git of this machine: without
`enable_git_follow`, Debian 12's git 2.39 returns no commit for `git log --diff-filter=r`, and every page showed
the build date while nothing failed.
"""

import subprocess
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs_git_revision_date_localized_plugin.util import Util

REPO = Path(__file__).resolve().parent.parent


def committed_pages() -> list[Path]:
    listed = subprocess.run(["git", "ls-files", "docs/ko", "docs/en"], cwd=REPO, capture_output=True, text=True)
    return [REPO / name for name in listed.stdout.split() if name.endswith(".md")]


@pytest.fixture(scope="module")
def plugin_util() -> Util:
    config = load_config(str(REPO / "mkdocs.yml"))
    plugin = config.plugins["git-revision-date-localized"]
    return Util(config=plugin.config, mkdocs_dir=str(REPO))


@pytest.mark.skipif(not (REPO / ".git").exists(), reason="not a git checkout (a ZIP download builds with build dates)")
def test_every_page_dates_from_its_last_commit(plugin_util):
    pages = committed_pages()
    assert pages, "git lists no committed page"
    wrong = []
    for page in pages:
        # The last commit that changed the file, whitespace-only changes included (the plugin ignores those).
        last = subprocess.run(
            ["git", "log", "-1", "--format=%at", "--ignore-all-space", "--ignore-blank-lines", "--", str(page)],
            cwd=REPO,
            capture_output=True,
            text=True,
        ).stdout.strip()
        _, shown = plugin_util.get_git_commit_timestamp(str(page))
        if str(shown) != last:
            wrong.append(f"{page.relative_to(REPO)}: the plugin dates it {shown}, git log {last}")
    assert not wrong, "\n".join(wrong)
