"""Figures are drawn from code, recorded, reproducible, and every image says what it shows."""

import base64
import io
import os
import re
from pathlib import Path

import matplotlib.image
import numpy as np
import pytest
from scipy.spatial import cKDTree

from hooks.figures import figure_path, provenance, render_svg, without_provenance
from tests.site_html import html_pages, parse

REPO = Path(__file__).resolve().parent.parent
FIGURE_SCRIPTS = sorted((REPO / "snippets").glob("*/fig_*.py"))
LANGUAGES = ("ko", "en")
# A number in an SVG, or an id matplotlib derives from the drawing (or a reference to one).
NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:e[-+]?\d+)?")
# A path's drawing instructions, and a bitmap matplotlib embeds (base64, wrapped over lines).
PATH_DATA = re.compile(r'(?<= d=")[^"]*(?=")')
PNG_DATA = re.compile(r'(?<=data:image/png;base64,)[^"]*(?=")')
DERIVED_ID = re.compile(r'(?<=id=")[^"]*(?=")|(?<=xlink:href="#)[^"]*(?=")|(?<=url\(#)[^)]*(?=\))')


def built_figure(site: Path, lang: str, script: Path) -> Path:
    prefix = site if lang == "ko" else site / lang
    return prefix / "figures" / script.parent.name / f"{script.stem[len('fig_') :]}.svg"


def drawn_alike(recorded: str, fresh: str, tolerance: float = 0.01, pixel_tolerance: float = 0.05) -> str | None:
    """None if two SVGs draw the same figure: the same text and structure, every number within `tolerance` (in
    points, a hundredth of a pixel at most), ids matched in order. Torch's float32 kernels differ between CPUs (an
    AVX-512 Intel and an AVX2 AMD machine add in another order) and a network trained on one drifts by a few
    rounding errors on the other; what a reader can see does not move. So a path is compared as the points it
    passes through, whatever order and pieces matplotlib's contour tracer split it into, and an embedded bitmap
    pixel by pixel, each channel within `pixel_tolerance` (of 1)."""
    names: dict[str, str] = {}

    def canonical(svg: str) -> tuple[list[str], list[float], list[str], list[str]]:
        paths, bitmaps = PATH_DATA.findall(svg), PNG_DATA.findall(svg)
        svg = PNG_DATA.sub("png", PATH_DATA.sub("path", svg))
        svg = DERIVED_ID.sub(lambda m: names.setdefault(m.group(), f"id{len(names)}"), svg)
        return NUMBER.split(svg), [float(n) for n in NUMBER.findall(svg)], paths, bitmaps

    names.clear()
    text_a, numbers_a, paths_a, bitmaps_a = canonical(recorded)
    names.clear()
    text_b, numbers_b, paths_b, bitmaps_b = canonical(fresh)
    if text_a != text_b:
        first = (
            next((a, b) for a, b in zip(text_a, text_b, strict=False) if a != b) if len(text_a) == len(text_b) else None
        )
        return f"the drawing differs: {first or 'another number of elements'}"
    far = [(a, b) for a, b in zip(numbers_a, numbers_b, strict=True) if abs(a - b) > tolerance]
    if far:
        return f"{len(far)} numbers differ, e.g. {far[0][0]} and {far[0][1]}"
    for number, (a, b) in enumerate(zip(paths_a, paths_b, strict=True)):
        if (distance := _path_distance(a, b)) > tolerance:
            return f"path {number} moved by up to {distance:.3g} points"
    for number, (a, b) in enumerate(zip(bitmaps_a, bitmaps_b, strict=True)):
        if (difference := _bitmap_difference(a, b)) > pixel_tolerance:
            return f"bitmap {number} differs: {difference}"
    return None


def _path_distance(a: str, b: str) -> float:
    """How far the farthest point of either path lies from the other path's nearest point."""
    points_a, points_b = (np.array([float(n) for n in NUMBER.findall(d)]).reshape(-1, 2) for d in (a, b))
    if len(points_a) == 0 or len(points_b) == 0:
        return 0.0 if len(points_a) == len(points_b) else float("inf")
    return max(cKDTree(points_b).query(points_a)[0].max(), cKDTree(points_a).query(points_b)[0].max())


def _bitmap_difference(a: str, b: str) -> float | str:
    pixels_a, pixels_b = (matplotlib.image.imread(io.BytesIO(base64.b64decode(data)), format="png") for data in (a, b))
    if pixels_a.shape != pixels_b.shape:
        return f"{pixels_a.shape} against {pixels_b.shape} pixels"
    return float(np.abs(pixels_a.astype(float) - pixels_b.astype(float)).max())


def test_the_recorded_figures_are_current_and_a_clean_checkout_draws_none(built_site):
    """A fresh clone builds from the committed SVG files: each carries the digest of the code it was drawn from.
    A build that had to draw one means its code changed and the new figure was not committed."""
    stale = [
        f"{path.relative_to(REPO)}"
        for script in FIGURE_SCRIPTS
        for lang in LANGUAGES
        if not (path := figure_path(REPO / "docs", lang, script)).is_file()
        or provenance(script, lang) not in path.read_bytes()[:300]
    ]
    drawn = [line for line in built_site.log.splitlines() if "Figure drawn" in line]
    assert not stale, "figures not recorded for their current code (run mkdocs build):\n" + "\n".join(stale)
    assert not drawn, "the build drew these figures: their code changed; commit the new files\n" + "\n".join(drawn)


def test_recorded_figures_belong_to_a_script():
    scripts = {figure_path(REPO / "docs", lang, script) for script in FIGURE_SCRIPTS for lang in LANGUAGES}
    orphans = sorted(str(p.relative_to(REPO)) for p in (REPO / "docs").glob("*/figures/*/*.svg") if p not in scripts)
    assert not orphans, "figures no script draws any more (delete them):\n" + "\n".join(orphans)


@pytest.mark.skipif(
    not os.environ.get("RUN_FIGURE_RENDERS"), reason="set RUN_FIGURE_RENDERS=1: draws every figure again (a minute)"
)
@pytest.mark.parametrize("script", FIGURE_SCRIPTS, ids=lambda s: f"{s.parent.name}/{s.name}")
def test_a_fresh_render_draws_the_recorded_figure(site, script):
    """The English figure is drawn again and compared with the recorded one, which the site serves. The Korean one
    carries the same digest of the same code (above), with labels in Korean. Drawing all of them again runs the
    networks several figures train, a minute of CPU the suite has no room for: .ci/run runs it after the suite,
    and the digest check above, in the suite, fails on any figure whose code changed since it was recorded."""
    built = built_figure(site, "en", script)
    assert built.is_file(), f"{script.relative_to(REPO)} was not drawn into the site"
    recorded = built.read_bytes()
    assert recorded == figure_path(REPO / "docs", "en", script).read_bytes()
    difference = drawn_alike(without_provenance(recorded).decode(), render_svg(script, "en").decode())
    assert difference is None, f"{script.relative_to(REPO)} does not draw its recorded figure: {difference}"


def test_drawn_alike_sees_what_a_reader_would_and_nothing_else():
    svg = '<svg><g id="m1f2"><path d="M 10.5 20.25 L 30 40"/></g><use xlink:href="#m1f2" x="3"/><text>손실</text></svg>'
    assert drawn_alike(svg, svg) is None
    last_bits = svg.replace("20.25", "20.250004").replace("m1f2", "m9a8")  # and the id derived from the path
    assert drawn_alike(svg, last_bits) is None
    assert "path 0 moved" in drawn_alike(svg, svg.replace("20.25", "21.25"))
    assert "numbers differ" in drawn_alike(svg, svg.replace('x="3"', 'x="4"'))
    assert "differs" in drawn_alike(svg, svg.replace("손실", "오차"))
    assert "differs" in drawn_alike(svg, svg.replace("</g>", '<path d="M 0 0"/></g>'))


def test_drawn_alike_takes_a_contour_in_other_pieces_and_a_bitmap_off_by_a_shade():
    contour = '<svg><path d="M 0 0 L 1 0 L 2 1 L 3 3"/>{}</svg>'
    image = '<image xlink:href="data:image/png;base64,{}" width="2"/>'
    assert drawn_alike(contour.format(""), contour.format("").replace("L 2 1", "M 2 1")) is None
    assert "path 0 moved by up to 1" in drawn_alike(contour.format(""), contour.format("").replace("L 3 3", "L 3 4"))

    def png(shade: float) -> str:
        buffer = io.BytesIO()
        matplotlib.image.imsave(buffer, np.full((2, 2), shade), vmin=0, vmax=1, cmap="gray", format="png")
        return base64.b64encode(buffer.getvalue()).decode()

    first, shade_off, different = (contour.format(image.format(png(v))) for v in (0.5, 0.51, 0.9))
    assert drawn_alike(first, shade_off) is None
    assert "bitmap 0 differs" in drawn_alike(first, different)


def test_figures_keep_text_as_text_and_have_no_date(site):
    for script in FIGURE_SCRIPTS:
        svg = built_figure(site, "ko", script).read_text(encoding="utf-8")
        assert "<dc:date>" not in svg, f"{script.name}: the SVG carries a date"
        assert "<text" in svg or "<path" in svg


def test_every_image_has_alt_text(site):
    missing = []
    for path in html_pages(site):  # parse() is shared with the other tests that read every page
        missing += [f"{path.relative_to(site)}: {src}" for src in parse(path).images_without_alt]
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
