"""Every colour a code token takes on the site is readable on its background, in the light and the dark scheme.

Lighthouse flagged the labs' number and comment tokens (nbconvert's Pygments colours, `span.mf`, `span.mi`,
`span.c1`) on four pages; a page it never ran on could hide more. Here Chromium computes the colours from the
site's CSS for every token class that any page of the site uses, in a Markdown page's code block and in a lab's
code cell, in both schemes, and the WCAG contrast ratio of each against the background it is drawn on must reach
4.5:1 (text of normal size, level AA).
"""

from __future__ import annotations

import re

import pytest
from pygments.token import STANDARD_TYPES

from tests.browser_support import without_search_index

MINIMUM = 4.5
TOKEN_CLASSES = set(STANDARD_TYPES.values()) - {"", "w"}  # "w" is whitespace: nothing to read
# A Markdown page's code (Material's highlighting) and a lab's code cells (nbconvert's), in each language.
BLOCKS = {"loss/regression/": "div.highlight pre code", "labs/loss/": ".highlight-ipynb pre"}

CONTRAST = """([selector, classes]) => {
    const rgba = text => { const [r, g, b, a = 1] = text.match(/[\\d.]+/g).map(Number); return [r, g, b, a]; };
    const over = (top, bottom) => top.slice(0, 3).map((c, i) => c * top[3] + bottom[i] * (1 - top[3])).concat(1);
    const backdrop = element => {              // the colour behind an element: its ancestors' backgrounds, composited
        const layers = [];
        for (let node = element; node && node.nodeType === 1; node = node.parentElement) {
            const colour = rgba(getComputedStyle(node).backgroundColor);
            if (colour[3] > 0) layers.push(colour);
            if (colour[3] === 1) break;
        }
        return layers.reverse().reduce((below, layer) => over(layer, below), [255, 255, 255, 1]);
    };
    const luminance = colour => colour.slice(0, 3).map(c => c / 255)
        .map(c => c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)
        .reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i], 0);
    const code = document.querySelector(selector);
    const results = {};
    for (const name of classes) {
        const span = document.createElement("span");
        span.className = name;
        span.textContent = "x";
        code.appendChild(span);
        const background = backdrop(span);
        const colour = over(rgba(getComputedStyle(span).color), background);
        const [light, dark] = [luminance(colour), luminance(background)].sort((a, b) => b - a);
        results[name] = [(light + 0.05) / (dark + 0.05), getComputedStyle(span).color, background.slice(0, 3)];
        span.remove();
    }
    return results;
}"""


@pytest.fixture(scope="module")
def used_classes(site) -> list[str]:
    """The Pygments classes that some page's code actually carries (a class no page uses cannot be unreadable)."""
    used = set()
    for page in site.rglob("*.html"):
        used.update(re.findall(r'<span class="(\w+)">', page.read_text(encoding="utf-8")))
    return sorted(used & TOKEN_CLASSES)


@pytest.mark.parametrize("path", list(BLOCKS))
def test_every_code_token_is_readable_on_its_background(browser, served_site, used_classes, path):
    """One page per kind of code block, read with the system in light mode, then in dark mode (the site follows the
    system until the reader picks a scheme; Material reads it when the page loads)."""
    assert len(used_classes) > 10, used_classes
    context = without_search_index(browser.new_context(color_scheme="light"))
    context.route("**/search/search_index.json", lambda route: route.abort())  # colours do not need search
    low = []
    try:
        page = context.new_page()
        page.goto(served_site + path)
        for system, scheme in (("light", "default"), ("dark", "slate")):
            if system == "dark":
                page.emulate_media(color_scheme=system)
                page.reload()
            assert page.evaluate("document.body.dataset.mdColorScheme") == scheme
            ratios = page.evaluate(CONTRAST, [BLOCKS[path], used_classes])
            low += [
                f"{scheme}: span.{name}: {ratio:.2f}:1, {colour} on rgb{tuple(round(c) for c in background)}"
                for name, (ratio, colour, background) in sorted(ratios.items())
                if ratio < MINIMUM
            ]
    finally:
        context.close()
    assert not low, f"{path}, under {MINIMUM}:1:\n" + "\n".join(low)
