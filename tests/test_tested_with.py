"""Every chapter page says, in its language, which torch and numpy its code was tested with, and when."""

import importlib.util
from datetime import date
from importlib.metadata import version
from pathlib import Path
from types import SimpleNamespace

import pytest

from tests.test_site_quality import CHAPTERS

HOOK = Path(__file__).resolve().parent.parent / "hooks" / "tested_with.py"
spec = importlib.util.spec_from_file_location("tested_with", HOOK)
tested_with = importlib.util.module_from_spec(spec)
spec.loader.exec_module(tested_with)


@pytest.mark.parametrize(
    "numpy_version, particle",
    [("2.4.0", "으로"), ("2.4.1", "로"), ("2.4.2", "로"), ("2.4.3", "으로"), ("2.4.6", "으로"), ("2.4.8", "로")],
)
def test_korean_particle_follows_the_last_digit(numpy_version, particle):
    text = tested_with.stamp_text("ko", {"torch": "2.13.0", "numpy": numpy_version}, date(2026, 11, 24))
    assert text == f"이 페이지의 코드는 torch 2.13.0, numpy {numpy_version}{particle} 2026-11-24에 테스트했습니다."


def test_english_stamp():
    text = tested_with.stamp_text("en", {"torch": "2.13.0", "numpy": "2.4.6"}, date(2026, 11, 24))
    assert text == "The code on this page was last tested with torch 2.13.0 and numpy 2.4.6 on 2026-11-24."


def test_source_date_epoch_fixes_the_date(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")  # 2027-01-15 08:00 UTC
    assert tested_with.build_date() == date(2027, 1, 15)


def test_local_version_labels_are_dropped():
    assert "+" not in tested_with.installed_version("torch")


@pytest.mark.parametrize(
    "uri, chapter", [("data/index.md", True), ("loss/mse.md", True), ("index.md", False), ("about/license.md", False)]
)
def test_only_chapter_pages_are_stamped(uri, chapter):
    page = SimpleNamespace(file=SimpleNamespace(src_uri=f"ko/{uri}", norm_src_uri=uri, locale="ko"))
    html = tested_with.on_page_content("<p>body</p>", page, SimpleNamespace(theme={"language": "ko"}), None)
    assert ('class="tested-with"' in html) is chapter


@pytest.mark.parametrize("prefix, words", [("", "테스트했습니다"), ("en/", "was last tested with")])
def test_built_chapter_pages_show_the_installed_versions(site, prefix, words):
    torch_version, numpy_version = (version(p).split("+")[0] for p in ("torch", "numpy"))
    for chapter in CHAPTERS:
        html = (site / f"{prefix}{chapter}" / "index.html").read_text(encoding="utf-8")
        assert 'class="tested-with"' in html and words in html, f"{prefix}{chapter}/: no tested-with line"
        assert f"torch {torch_version}" in html and f"numpy {numpy_version}" in html
    assert 'class="tested-with"' not in (site / prefix / "index.html").read_text(encoding="utf-8")
