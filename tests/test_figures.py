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


def test_a_figure_is_redrawn_when_a_snippet_it_runs_changes_and_only_then(tmp_path):
    """The cache key follows the snippets a figure names ("helper.py"), not every file of its chapter, so editing
    one snippet redraws only the figures that run it."""
    from hooks.figures import _cache_key

    (tmp_path / "helper.py").write_text("VALUE = 1\n")
    (tmp_path / "unrelated.py").write_text("OTHER = 1\n")
    script = tmp_path / "fig_demo.py"
    script.write_text(
        "import runpy\nfrom pathlib import Path\n\n\ndef draw(lang):\n"
        "    import matplotlib.pyplot as plt\n\n"
        "    value = runpy.run_path(str(Path(__file__).with_name('helper.py')))['VALUE']\n"
        "    figure, axes = plt.subplots()\n    axes.plot([0, value])\n    return figure\n"
    )
    before = _cache_key(script, "en")
    (tmp_path / "unrelated.py").write_text("OTHER = 2\n")
    assert _cache_key(script, "en") == before, "an unrelated snippet must not redraw the figure"
    (tmp_path / "helper.py").write_text("VALUE = 2\n")
    assert _cache_key(script, "en") != before, "a snippet the figure runs must redraw it"
    render_svg(script, "en")  # names what it runs: accepted


def test_a_figure_that_runs_a_snippet_without_naming_it_fails(tmp_path):
    from mkdocs.exceptions import PluginError

    (tmp_path / "helper.py").write_text("VALUE = 1\n")
    (tmp_path / "named.py").write_text("VALUE = 2\n")
    script = tmp_path / "fig_hidden.py"
    script.write_text(
        "import runpy\nfrom pathlib import Path\n\n\ndef draw(lang):\n"
        "    import matplotlib.pyplot as plt\n\n"
        "    runpy.run_path(str(Path(__file__).with_name('named.py')))\n"
        "    name = 'hel' + 'per'\n"
        "    runpy.run_path(str(Path(__file__).with_name(name + '.py')))\n"
        "    return plt.figure()\n"
    )
    with pytest.raises(PluginError, match=r"fig_hidden.py: draw\('en'\) ran helper.py without naming it"):
        render_svg(script, "en")
