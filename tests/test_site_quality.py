"""The built site is private, whole and light: no third-party requests, no broken links, pages within budget."""

import gzip
import re
from pathlib import Path
from xml.etree import ElementTree

import pytest

from tests.site_html import CSS_URL, SITE_URL, html_pages, is_external, parse, resolve

REPO = Path(__file__).resolve().parent.parent

# Bytes of HTML per page, uncompressed. 200 KB until the site grew to 43 pages per language: the navigation every page
# carries is now 44 KB, and the fundamentals pages hold long, tested code. First loads stay within FIRST_LOAD_BUDGET.
PAGE_BUDGET = 220 * 1024
FIRST_LOAD_BUDGET = 400 * 1024  # bytes transferred (gzip) for a chapter page and all it loads, search index aside
CHAPTERS = ["data", "models", "loss", "optimization"]
PDF_BOOK = re.compile(r"downloads/deep-learning-basics-[a-z]{2}\.pdf$")  # scripts/pdf_book.py, run after the build
SITEMAP = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def test_no_request_to_another_host(site):
    offenders = []
    for path in html_pages(site):
        offenders += [f"{path.relative_to(site)}: {url}" for url in parse(path).loads if is_external(url)]
    for css in site.rglob("*.css"):
        urls = CSS_URL.findall(css.read_text(encoding="utf-8", errors="replace"))
        offenders += [f"{css.relative_to(site)}: {url}" for url in urls if is_external(url)]
    assert not offenders, "resources loaded from another host:\n" + "\n".join(offenders)


def test_every_internal_link_anchor_and_resource_resolves(site):
    broken = []
    for path in html_pages(site):
        page = parse(path)
        for url in page.links + page.loads:
            if url.startswith(("mailto:", "javascript:", "data:")):
                continue
            target, fragment = resolve(site, path, url)
            if target is None or PDF_BOOK.search(url):
                continue  # printed after the build (scripts/pdf_book.py); tests/test_offline_copy.py checks the links
            where = f"{path.relative_to(site)} -> {url}"
            if not target.exists():
                broken.append(f"{where}: no such file")
            elif fragment and target.suffix == ".html" and fragment not in parse(target).ids:
                broken.append(f"{where}: no element with id '{fragment}'")
    assert not broken, f"{len(broken)} broken links:\n" + "\n".join(broken[:50])


def test_every_page_fits_the_size_budget(site):
    heavy = [
        f"{p.relative_to(site)}: {p.stat().st_size // 1024} KB"
        for p in html_pages(site)
        if p.stat().st_size > PAGE_BUDGET
    ]
    assert not heavy, f"pages over {PAGE_BUDGET // 1024} KB:\n" + "\n".join(heavy)


def _first_load_bytes(site, path) -> int:
    """Gzip size of a page plus everything it loads (stylesheets' own url()s included), once each."""
    seen, queue, total = set(), [path], 0
    while queue:
        current = queue.pop()
        if current in seen or not current.is_file():
            continue
        seen.add(current)
        total += len(gzip.compress(current.read_bytes(), compresslevel=6))
        urls = parse(current).loads if current.suffix == ".html" else []
        if current.suffix == ".css":
            urls = CSS_URL.findall(current.read_text(encoding="utf-8", errors="replace"))
        for url in urls:
            target, _ = resolve(site, current, url)
            if target is not None and "search" not in target.parts:
                queue.append(target)
    return total


@pytest.mark.parametrize("lang_prefix", ["", "en/"])
def test_chapter_first_load_fits_the_budget(site, lang_prefix):
    sizes = {c: _first_load_bytes(site, site / f"{lang_prefix}{c}" / "index.html") for c in CHAPTERS}
    over = {c: s // 1024 for c, s in sizes.items() if s > FIRST_LOAD_BUDGET}
    assert not over, f"first load over {FIRST_LOAD_BUDGET // 1024} KB (gzip): {over}"


def test_every_page_has_its_own_description(site):
    default = {"": None, "en/": None}
    missing = []
    for path in html_pages(site):
        relative = path.relative_to(site).as_posix()
        if relative.endswith("404.html"):
            continue
        description = parse(path).description
        prefix = "en/" if relative.startswith("en/") else ""
        home = site / prefix / "index.html"
        default[prefix] = default[prefix] or parse(home).description
        if not description or (path != home and description == default[prefix]):
            missing.append(relative)
    assert not missing, "pages without a description of their own (front matter `description:`):\n" + "\n".join(missing)


def test_repository_link_does_not_call_the_github_api(site):
    html = (site / "index.html").read_text(encoding="utf-8")
    assert 'class="md-source"' in html
    assert 'data-md-component="source"' not in html


def test_open_graph_tags_and_canonical(site):
    html = (site / "en" / "key-components" / "index.html").read_text(encoding="utf-8")
    assert '<meta property="og:locale" content="en_US">' in html
    assert re.search(r'<link rel="canonical" href="https://[^"]+/en/key-components/">', html)
    assert re.search(r'<meta property="og:description" content="[^"]{20,}">', html)


def test_sitemap_pairs_every_page_with_its_translation(site):
    """Search engines read the hreflang pairs from sitemap.xml (hooks/seo_and_a11y_fixes.py says why not <head>)."""
    built = {
        str(page.parent.relative_to(site)).removeprefix(".") for page in site.rglob("index.html")
    }  # "" for the home page, "en/loss" for a chapter
    listed = {}
    for url in ElementTree.parse(site / "sitemap.xml").getroot().findall("s:url", SITEMAP):
        alternates = {link.get("hreflang"): link.get("href") for link in url.findall("x:link", SITEMAP)}
        listed[url.findtext("s:loc", namespaces=SITEMAP)] = alternates
    paths = {url.removeprefix(SITE_URL).rstrip("/") for url in listed}
    assert paths == built, f"in the sitemap, not built: {paths - built}; built, not listed: {built - paths}"
    for url, alternates in listed.items():
        assert set(alternates) == {"ko", "en"}, url
        assert url in alternates.values(), f"{url} is not among its own alternates"
        korean = alternates["ko"].removeprefix(SITE_URL)
        assert alternates["en"] == f"{SITE_URL}en/{korean}", url
        assert listed[alternates["ko"]] == listed[alternates["en"]] == alternates, f"{url}: pairs disagree"


def test_the_404_page_speaks_both_languages(site):
    html = (site / "404.html").read_text(encoding="utf-8")
    assert "페이지를 찾을 수 없습니다" in html and "Page not found" in html


def test_the_code_spans_dropped_from_pages_are_invisible_in_the_theme():
    """hooks/plain_code_spans.py removes Pygments' `n` and `w` spans: Material must give `.n` the code block's own
    colour and `.w` none, and extra.css must not change that."""
    import material

    sheets = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
    css = "".join(path.read_text(encoding="utf-8") for path in sheets.glob("*.css"))
    assert ".highlight .n{color:var(--md-code-hl-name-color)}" in css
    assert set(re.findall(r"--md-code-hl-name-color:([^;}]*)", css)) == {"var(--md-code-fg-color)"}
    assert not re.search(r"\.highlight \.w[\s,{]", css)
    extra = (REPO / "docs" / "assets" / "stylesheets" / "extra.css").read_text(encoding="utf-8")
    assert "--md-code-hl-name-color" not in extra and not re.search(r"\.w[\s,{]", extra)


def test_pages_carry_no_name_or_whitespace_spans(site):
    heavy = [
        p.relative_to(site).as_posix() for p in html_pages(site) if '<span class="n">' in p.read_text(encoding="utf-8")
    ]
    assert not heavy, f"pages that still wrap names in spans: {heavy[:5]}"
