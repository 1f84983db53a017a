"""Figures are drawn from code at build time, reproducibly, and every image says what it shows."""

from html.parser import HTMLParser
from pathlib import Path

import pytest

from hooks.figures import render_svg
from tests.site_html import html_pages

REPO = Path(__file__).resolve().parent.parent
FIGURE_SCRIPTS = sorted((REPO / "snippets").glob("*/fig_*.py"))


def built_figure(site: Path, lang: str, script: Path) -> Path:
    prefix = site if lang == "ko" else site / lang
    return prefix / "figures" / script.parent.name / f"{script.stem[len('fig_') :]}.svg"


@pytest.mark.parametrize("script", FIGURE_SCRIPTS, ids=lambda s: f"{s.parent.name}/{s.name}")
def test_a_fresh_render_is_byte_identical_to_the_built_figure(site, script):
    built = built_figure(site, "en", script)
    assert built.is_file(), f"{script.relative_to(REPO)} was not drawn into the site"
    assert render_svg(script, "en") == built.read_bytes(), f"{script.relative_to(REPO)} does not draw reproducibly"


def test_figures_keep_text_as_text_and_have_no_date(site):
    for script in FIGURE_SCRIPTS:
        svg = built_figure(site, "ko", script).read_text(encoding="utf-8")
        assert "<dc:date>" not in svg, f"{script.name}: the SVG carries a date"
        assert "<text" in svg or "<path" in svg


class _Images(HTMLParser):
    def __init__(self):
        super().__init__()
        self.without_alt = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "img" and not (attrs.get("alt") or "").strip():
            self.without_alt.append(attrs.get("src"))


def test_every_image_has_alt_text(site):
    missing = []
    for path in html_pages(site):
        parser = _Images()
        parser.feed(path.read_text(encoding="utf-8"))
        missing += [f"{path.relative_to(site)}: {src}" for src in parser.without_alt]
    assert not missing, "images without alt text:\n" + "\n".join(missing)


def test_every_figure_on_a_page_has_a_caption():
    uncaptioned = []
    for page in sorted((REPO / "docs").rglob("*.md")):
        lines = page.read_text(encoding="utf-8").splitlines()
        for number, line in enumerate(lines, start=1):
            if "](" in line and "figures/" in line and line.lstrip().startswith("!["):
                following = "\n".join(lines[number : number + 3])
                if "<figcaption>" not in following:
                    uncaptioned.append(f"{page.relative_to(REPO)}:{number}")
    assert not uncaptioned, "figures without a <figcaption> right below:\n" + "\n".join(uncaptioned)
