"""The offline copy (hooks/offline_copy.py): the zip the build writes, unpacked and opened from disk in Chromium."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from hooks.offline_copy import DOWNLOADS, FOLDER, SHIM, ZIP_NAME, offline_url
from tests.browser_support import page_errors, search
from tests.site_html import SITE_URL, html_pages, parse


@pytest.fixture(scope="module")
def offline(site, tmp_path_factory) -> Path:
    """The zip unpacked (a third of a second; no xdist group, which would pull these tests before the build ends)."""
    with zipfile.ZipFile(site / DOWNLOADS / ZIP_NAME) as archive:
        names = archive.namelist()
        assert all(name.startswith(f"{FOLDER}/") for name in names), "the zip unpacks into one folder"
        target = tmp_path_factory.mktemp("offline")
        archive.extractall(target)
    return target / FOLDER


@pytest.mark.parametrize(
    "url, expected",
    [
        ("../loss/", "../loss/index.html"),
        ("./", "./index.html"),
        ("..", "../index.html"),
        ("../..", "../../index.html"),
        ("/deep-learning-basics/", "../../index.html"),  # root-relative, from en/loss/index.html
        ("/deep-learning-basics/en/models/#cnn", "../models/index.html#cnn"),
        ("regression/#mse", "regression/index.html#mse"),
        ("#mse", "#mse"),
        ("../figures/loss/mse.svg", "../figures/loss/mse.svg"),
        ("https://github.com/dl-basics/deep-learning-basics", "https://github.com/dl-basics/deep-learning-basics"),
        ("data:image/png;base64,AAAA", "data:image/png;base64,AAAA"),
    ],
)
def test_a_folder_link_names_its_index_page(url, expected):
    assert offline_url(url, "en/loss/index.html", "/deep-learning-basics/") == expected


def test_the_copy_holds_both_languages_with_search_read_from_scripts(site, offline):
    for page in (site / "index.html", site / "en" / "index.html", site / "en" / "glossary" / "index.html"):
        assert (offline / page.relative_to(site)).is_file(), page
    for root in ("", "en/"):
        script = (offline / root / "search" / "search_index.js").read_text(encoding="utf-8")
        assert script.startswith("var __index = {"), root
        assert not (offline / root / "search" / "search_index.json").exists()
    assert (offline / SHIM).is_file()
    assert not (offline / DOWNLOADS).exists(), "the copy does not hold the downloads"


def test_every_link_within_the_copy_names_a_file(offline):
    """From disk a folder is no page: every link and resource of every page is a file of the copy."""
    broken = []
    for path in html_pages(offline):
        page = parse(path)
        for url in page.links + page.loads:
            parts = urlsplit(url)
            if parts.scheme or parts.netloc or not parts.path:
                continue
            target = (path.parent / unquote(parts.path)).resolve()
            if not target.is_file():
                broken.append(f"{path.relative_to(offline)} -> {url}")
            elif parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in parse(target).ids:
                broken.append(f"{path.relative_to(offline)} -> {url}: no such id")
    assert not broken, f"{len(broken)} links that do not work from disk:\n" + "\n".join(broken[:30])


def test_no_link_points_at_the_online_site(offline):
    """Only links out of the site stay absolute (source, edit, licences); none points at the published site."""
    online = [
        f"{path.relative_to(offline)}: {url}"
        for path in html_pages(offline)
        for url in parse(path).links + parse(path).loads
        if url.startswith(SITE_URL.rstrip("/"))
    ]
    assert not online, "\n".join(online[:20])
    page = (offline / "index.html").read_text(encoding="utf-8")
    assert "md-copyright__editions" not in page and 'rel="canonical"' not in page


def test_every_page_offers_both_editions_in_its_language(site):
    """The footer's two downloads: the PDF of the page's language (printed after the build by scripts/pdf_book.py,
    whose name tests/test_pdf_book.py checks) and the offline copy, which the build has written."""
    wrong = []
    for path in html_pages(site / "en") + [p for p in html_pages(site) if p.relative_to(site).parts[0] != "en"]:
        relative = path.relative_to(site).as_posix()
        if relative.split("/")[0] in (DOWNLOADS, "search") or relative == "404.html" or relative.startswith("_"):
            continue
        lang = "en" if relative.startswith("en/") else "ko"
        downloads = {
            (path.parent / url).resolve().relative_to(site.resolve()).as_posix()
            for url in parse(path).links
            if "/downloads/" in f"/{url}"
        }
        if downloads != {f"{DOWNLOADS}/deep-learning-basics-{lang}.pdf", f"{DOWNLOADS}/{ZIP_NAME}"}:
            wrong.append(f"{relative}: {sorted(downloads)}")
    assert not wrong, "\n".join(wrong[:10])


def test_search_results_open_pages_of_the_copy(offline):
    for root in ("", "en/"):
        script = (offline / root / "search" / "search_index.js").read_text(encoding="utf-8")
        locations = re.findall(r'"location":"([^"]*)"', script)
        missing = [loc for loc in locations if not (offline / root / loc.split("#")[0]).is_file()]
        assert locations and not missing, missing[:10]


def test_the_copy_works_from_disk_with_the_network_off(browser, offline):
    """Opened from file:// with no network: links across chapters and languages, figures, math, and search in
    both languages with the site's Korean splitting, and not one request that leaves the disk."""
    context = browser.new_context(offline=True, viewport={"width": 1280, "height": 900})
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    errors = page_errors(page)
    home = (offline / "index.html").as_uri()
    page.goto(home)

    def follow(selector: str, ending: str) -> None:
        with page.expect_navigation(url=f"**{ending}"):  # the next page has loaded, not only its URL changed
            page.locator(selector).first.dispatch_event("click")

    follow('nav.md-nav--primary a.md-nav__link[href="loss/index.html"]', "/loss/index.html")
    follow('a.md-nav__link[href="probabilistic/index.html"]', "/loss/probabilistic/index.html")
    assert page.locator("article math").count() > 0
    figures = page.locator("article img[src$='.svg']")
    assert figures.count() > 0
    assert figures.first.evaluate("img => img.complete && img.naturalWidth > 0")

    term = page.locator("article abbr[title]").first  # a glossary tooltip, drawn by Material's script
    meaning = term.get_attribute("title")
    term.hover()
    assert page.locator(".md-tooltip2--active").inner_text() == meaning

    follow('a[hreflang="en"]', "/en/loss/probabilistic/index.html")
    follow('nav.md-nav--primary a.md-nav__link[href="../../models/index.html"]', "/en/models/index.html")

    assert any(url.endswith("/en/optimization/adaptive/index.html") for url in search(page, "Adam"))
    page.goto(home)
    # A compound typed without its space and one typed halfway: the Korean splitting of the online site.
    assert any(url.endswith("/loss/class-imbalance/index.html") for url in search(page, "클래스불균형"))
    assert any(url.endswith("/loss/index.html") for url in search(page, "손실함"))

    context.close()
    assert not [url for url in requests if not url.startswith(("file:", "data:"))]
    assert errors == []
