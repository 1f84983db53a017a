"""Translations say which version of their original they translate, and readers see when that is out of date.

- Every English page records `translated_from: <version of the Korean page>` and that version is current;
  the failure lists every stale or unmarked page (the same list as `python scripts/translations.py status`).
- The build puts a banner on an English page whose Korean original changed since (scratch site with the real
  mkdocs.yml and hooks), and none on a fresh one.
- `scripts/translations.py` finds stale pages and `mark-fresh` catches them up.
"""

import importlib.util
import json
import subprocess

import pytest
import yaml

from tests.conftest import REPO, build_site, make_scratch_site

_spec = importlib.util.spec_from_file_location("translations_script", REPO / "scripts" / "translations.py")
translations = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(translations)

BANNER = "The Korean original has changed since this translation"


def test_every_translation_is_marked_and_up_to_date():
    problems = translations.problems(REPO / "docs")
    assert not problems, (
        f"{len(problems)} English page(s) are not known to match their Korean original:\n"
        + "\n".join(problems)
        + "\n\nUpdate the translation, then: python scripts/translations.py mark-fresh <page> (see CONTRIBUTING.md)"
    )


# --- a scratch site, built with the real mkdocs.yml and hooks -------------------------------------------


def english(title: str, original: str, text: str = "Text.") -> str:
    return f"---\ntranslated_from: {translations.source_hash(original)}\n---\n\n# {title}\n\n{text}\n"


def notebook(title: str, prose: str, translated_from: str | None = None) -> str:
    """A lab as Jupyter writes it: a title, one line of prose, one code cell."""
    metadata = {"description": f"{title}: a lab", "kernelspec": {"name": "python3", "display_name": "Python 3"}}
    if translated_from is not None:
        metadata["translated_from"] = translations.source_hash(translated_from)
    cells = [
        {"cell_type": "markdown", "id": "intro", "metadata": {}, "source": [f"# {title}\n", "\n", prose]},
        {
            "cell_type": "code",
            "execution_count": None,
            "id": "run",
            "metadata": {},
            "outputs": [],
            "source": ["print(6 * 7)"],
        },
    ]
    document = {"cells": cells, "metadata": metadata, "nbformat": 4, "nbformat_minor": 5}
    return json.dumps(document, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


# The scratch site is built once, by one worker, for the four tests below, in their order (the last edits it).
ON_ONE_WORKER = pytest.mark.xdist_group("stale_site")


@pytest.fixture(scope="module")
def stale_site(tmp_path_factory):
    """index.md is fresh; page.md's and labs/lab.ipynb's Korean originals changed after they were translated."""
    home_ko = "# 홈\n\n본문입니다.\n"
    page_ko_then = "# 페이지\n\n처음 쓴 본문입니다.\n"
    page_ko_now = "# 페이지\n\n고쳐 쓴 본문입니다.\n"
    lab_ko_then = notebook("실습", "처음 쓴 설명입니다.")
    root = make_scratch_site(
        tmp_path_factory.mktemp("stale"),
        {
            "ko/index.md": home_ko,
            "en/index.md": english("Home", home_ko),
            "ko/page.md": page_ko_now,
            "en/page.md": english("Page", page_ko_then, "Text.\n\n```python\nprint('code stays as it is')\n```"),
            "ko/labs/lab.ipynb": notebook("실습", "고쳐 쓴 설명입니다."),
            "en/labs/lab.ipynb": notebook("Lab", "The first explanation.", translated_from=lab_ko_then),
        },
        ["index.md", "page.md", "labs/lab.ipynb"],
    )
    result = build_site(root / "mkdocs.yml", root / "site")
    assert result.returncode == 0 and not result.warnings, result.log
    return root


@ON_ONE_WORKER
def test_a_stale_translation_shows_a_banner_linking_to_the_original(stale_site):
    html = (stale_site / "site" / "en" / "page" / "index.html").read_text(encoding="utf-8")
    assert BANNER in html
    assert 'class="admonition warning"' in html
    assert '<a href="../../page/" hreflang="ko">' in html, "the banner links to the Korean page"
    # Under the title, which stays the page's title.
    assert html.index("<h1") < html.index(BANNER)
    assert "<title>Page - " in html


@ON_ONE_WORKER
def test_a_stale_lab_shows_the_banner_too(stale_site):
    html = (stale_site / "site" / "en" / "labs" / "lab" / "index.html").read_text(encoding="utf-8")
    assert BANNER in html and 'class="admonition warning"' in html
    assert '<a href="../../../labs/lab/" hreflang="ko">' in html, "the banner links to the Korean lab"
    assert html.index("<h1") < html.index(BANNER)
    assert "42" in html, "the lab still runs"


@ON_ONE_WORKER
def test_a_fresh_translation_and_the_original_show_no_banner(stale_site):
    for page in ("en/index.html", "index.html", "page/index.html", "labs/lab/index.html"):
        assert BANNER not in (stale_site / "site" / page).read_text(encoding="utf-8"), page


@ON_ONE_WORKER
def test_the_status_command_lists_the_stale_page_and_mark_fresh_fixes_it(stale_site, capsys):
    docs = stale_site / "docs"
    assert translations.main(["status"], docs=docs) == 1
    out = [line for line in capsys.readouterr().out.splitlines() if not line.startswith("    what changed")]
    assert out[0].startswith("stale: docs/en/labs/lab.ipynb was translated from docs/ko/labs/lab.ipynb version ")
    assert out[1].startswith("stale: docs/en/page.md was translated from docs/ko/page.md version ")
    assert len(out) == 2, "index.md is fresh"

    lab_before = (docs / "en" / "labs" / "lab.ipynb").read_text(encoding="utf-8")
    assert translations.main(["mark-fresh", "docs/en/page.md", "labs/lab.ipynb"], docs=docs) == 0
    assert translations.main(["status"], docs=docs) == 0
    text = (docs / "en" / "page.md").read_text(encoding="utf-8")
    assert text.count("translated_from:") == 1 and text.endswith("```\n")
    lab_after = (docs / "en" / "labs" / "lab.ipynb").read_text(encoding="utf-8")
    changed = [line for line in lab_after.splitlines() if line not in lab_before.splitlines()]
    assert changed == [f'  "translated_from": "{translations.source_hash((docs / "ko/labs/lab.ipynb").read_text())}"']


@pytest.mark.parametrize(
    "before, after",
    [
        ("# Page\n", "---\ntranslated_from: {v}\n---\n\n# Page\n"),
        ("---\ndescription: d\n---\n# Page\n", "---\ndescription: d\ntranslated_from: {v}\n---\n# Page\n"),
        (
            "---\ntranslated_from: 000000000000 # old\ndescription: d\n---\n",
            "---\ntranslated_from: {v}\ndescription: d\n---\n",
        ),
        ("---\n---\n# Page\n", "---\ntranslated_from: {v}\n---\n# Page\n"),
    ],
)
def test_mark_fresh_edits_only_the_version_line(tmp_path, before, after):
    (tmp_path / "ko").mkdir()
    (tmp_path / "en").mkdir()
    (tmp_path / "ko" / "x.md").write_text("# 원문\n", encoding="utf-8")
    (tmp_path / "en" / "x.md").write_text(before, encoding="utf-8")
    assert translations.main(["status"], docs=tmp_path) == 1
    translations.main(["mark-fresh", "x.md"], docs=tmp_path)
    version = translations.source_hash("# 원문\n")
    assert (tmp_path / "en" / "x.md").read_text(encoding="utf-8") == after.format(v=version)
    assert translations.main(["status"], docs=tmp_path) == 0


def test_an_all_digit_version_stays_a_string_in_front_matter(tmp_path):
    original = next(text for i in range(100_000) if translations.source_hash(text := f"# {i}\n").isdigit())
    (tmp_path / "ko").mkdir()
    (tmp_path / "en").mkdir()
    (tmp_path / "ko" / "x.md").write_text(original, encoding="utf-8")
    (tmp_path / "en" / "x.md").write_text("# x\n", encoding="utf-8")
    translations.main(["mark-fresh", "x.md"], docs=tmp_path)
    front_matter = (tmp_path / "en" / "x.md").read_text(encoding="utf-8").split("---")[1]
    assert yaml.safe_load(front_matter)["translated_from"] == translations.source_hash(original)
    assert translations.main(["status"], docs=tmp_path) == 0


def test_the_version_ignores_line_endings_only():
    assert translations.source_hash("a\r\nb\n") == translations.source_hash("a\nb\n")
    assert translations.source_hash("a\nb\n") != translations.source_hash("a\nb \n")
    assert len(translations.source_hash("")) == 12


def test_a_commit_that_leaves_a_translation_behind_is_told_before_push_with_the_diff_to_read(tmp_path, capsys):
    """The pre-commit hook runs `status --changed` on the committed files; it names the stale page and the
    `git diff` of the Korean page since the translation was marked fresh."""

    def git(*args):
        subprocess.run(["git", *args], cwd=tmp_path, check=True, capture_output=True)

    git("init", "-q")
    git("config", "user.email", "t@example.com")
    git("config", "user.name", "t")
    docs = tmp_path / "docs"
    (docs / "ko").mkdir(parents=True)
    (docs / "en").mkdir()
    (docs / "ko" / "x.md").write_text("# 원문\n", encoding="utf-8")
    (docs / "ko" / "y.md").write_text("# 다른 글\n", encoding="utf-8")
    for name, korean in (("x.md", "# 원문\n"), ("y.md", "# 다른 글\n")):
        version = translations.source_hash(korean)
        (docs / "en" / name).write_text(f"---\ntranslated_from: {version}\n---\n# Text\n", encoding="utf-8")
    git("add", ".")
    git("commit", "-qm", "both languages")
    marked = subprocess.run(["git", "rev-parse", "HEAD"], cwd=tmp_path, capture_output=True, text=True).stdout.strip()
    (docs / "ko" / "x.md").write_text("# 원문, 고침\n", encoding="utf-8")

    assert translations.main(["status", "--changed", str(docs / "ko" / "y.md")], docs=docs) == 0
    capsys.readouterr()
    assert translations.main(["status", "--changed", str(docs / "ko" / "x.md")], docs=docs) == 1
    out = capsys.readouterr().out
    assert "stale: docs/en/x.md was translated from docs/ko/x.md" in out
    assert f"git diff {marked[:12]} -- docs/ko/x.md" in out and "y.md" not in out


def test_pre_commit_and_the_pull_request_report_stale_translations():
    hooks = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    entries = {hook["id"]: hook for repo in hooks["repos"] for hook in repo["hooks"]}
    assert entries["stale-translations"]["entry"].endswith("scripts/translations.py status --changed")
    workflow = (REPO / ".github" / "workflows" / "pr.yml").read_text(encoding="utf-8")
    assert 'scripts/translations.py status --summary >> "$GITHUB_STEP_SUMMARY"' in workflow
