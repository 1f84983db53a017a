"""What Material gives the reader works on our pages: theme that follows the system, copy button, code annotations,
linked NumPy/PyTorch tabs, footnotes, foldable solutions, edit link, last-updated date and back-to-top button.

The first tests read the built HTML; the rest click through the pages in headless Chromium (tests/browser_support.py).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.browser_support import page_errors, without_search_index
from tests.site_html import REPO_URL

ROOT = Path(__file__).resolve().parent.parent
LANGS = [("", "ko"), ("en/", "en")]


def _html(site, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("prefix, lang", LANGS, ids=["ko", "en"])
def test_chapter_pages_link_to_their_source_and_show_when_they_changed(site, prefix, lang):
    html = _html(site, prefix + "optimization/adaptive")
    assert f'href="{REPO_URL}/edit/main/docs/{lang}/optimization/adaptive.md"' in html
    assert re.search(r'class="git-revision-date-localized-plugin[^"]*"[^>]*>[^<]*\d{4}', html), "no last-updated date"
    assert 'data-md-component="top"' in html, "no back-to-top button"
    assert '<details class="success">' in _html(site, prefix + "optimization"), "exercise solutions are not folded"


@pytest.mark.parametrize("prefix", ["", "en/"], ids=["ko", "en"])
def test_footnotes_link_both_ways(site, prefix):
    html = _html(site, prefix + "optimization/adaptive")
    marks = re.findall(r'<sup id="fnref:([\w-]+)"><a class="footnote-ref" href="#fn:\1"', html)
    assert marks == ["adagrad", "adadelta", "rmsprop", "adam", "adamw"]
    for name in marks:
        note = re.search(rf'<li id="fn:{name}">(.*?)</li>', html, re.S)
        assert note and f'href="#fnref:{name}"' in note[1], f"footnote {name} does not lead back to the text"


def test_the_theme_follows_the_system_until_the_reader_picks_one(site):
    first_palette_input = re.search(r'<input class="md-option" data-md-color-media="([^"]*)"', _html(site, ""))
    assert first_palette_input and first_palette_input[1] == "(prefers-color-scheme)"


# --- In the browser ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("scheme, expected", [("dark", "slate"), ("light", "default")])
def test_a_new_reader_gets_the_systems_colour_scheme(browser, served_site, scheme, expected):
    context = without_search_index(browser.new_context(color_scheme=scheme))
    try:
        page = context.new_page()
        page.goto(served_site)
        assert page.evaluate("document.body.dataset.mdColorScheme") == expected
    finally:
        context.close()


# What restyles every element of a page, recorded from the first line of the page on: a class given to or taken
# from <html>, data-md-color-switching on <body>, a color-scheme meta added or changed. Values set again unchanged
# are left out: Chromium does no style work for them.
RESTYLES_EVERYTHING = """
window.restyledEverything = [];
new MutationObserver(records => {
  for (const r of records) {
    const where = r.target === document.documentElement ? "html" : r.target === document.body ? "body" : "";
    const classes = value => new Set((value || "").split(/\\s+/).filter(Boolean));
    if (where === "html" && r.attributeName === "class") {
      const before = classes(r.oldValue), after = classes(r.target.getAttribute("class"));
      if (before.size !== after.size || [...after].some(name => !before.has(name)))
        restyledEverything.push(`<html class> ${r.oldValue} -> ${r.target.getAttribute("class")}` +
                                (document.body ? " (page parsed)" : ""));
    }
    if (where === "body" && r.attributeName === "data-md-color-switching")
      restyledEverything.push("<body data-md-color-switching>");
    if (r.target.matches?.("meta[name=color-scheme]") || [...r.addedNodes].some(n => n.matches?.("meta[name=color-scheme]")))
      restyledEverything.push("<meta name=color-scheme>");
  }
}).observe(document, {subtree: true, childList: true, attributes: true, attributeOldValue: true});
"""


def test_a_page_starts_without_restyling_every_element(browser, served_site):
    """Material's start-up restyled every element of the page six times (palette and <html> classes): 700 ms of a
    long chapter's start at Lighthouse's phone CPU (README, Performance). overrides/main.html gives <html> its
    classes while the page is empty, and overrides/partials/palette-start-quietly.html keeps the palette from
    switching to the colours it already has. Only the first class change, before the page's body, may be seen."""
    context = without_search_index(browser.new_context(color_scheme="light"))
    try:
        context.add_init_script(RESTYLES_EVERYTHING)
        page = context.new_page()
        errors = page_errors(page)
        page.goto(served_site + "models/convolution/", wait_until="load")
        page.wait_for_timeout(200)  # Material takes data-md-color-switching away on the next frame
        assert page.evaluate("restyledEverything") == ["<html class> no-js -> js js-focus-visible"]
        assert page.evaluate("typeof window.__md_palette_started") == "undefined", "the start-up shim stayed on"
        assert errors == []
    finally:
        context.close()


def test_the_palette_switches_the_page_and_its_root_and_is_remembered(browser, served_site):
    """The palette after start-up is Material's own: each click sets the next scheme on <body>, the page's root
    follows (scrollbar, canvas: extra.css, in place of Material's color-scheme meta), and a reload keeps it."""
    context = without_search_index(browser.new_context(color_scheme="light"))
    try:
        page = context.new_page()
        page.goto(served_site)
        state = "[document.body.dataset.mdColorScheme, getComputedStyle(document.documentElement).colorScheme]"
        assert page.evaluate(state) == ["default", "normal"]
        seen = []
        for _ in range(3):  # system -> light -> dark -> system
            page.locator("form[data-md-component=palette] label:not([hidden])").click()
            page.wait_for_function("!document.body.hasAttribute('data-md-color-switching')")
            seen.append(page.evaluate(state) + [page.evaluate("__md_get('__palette').color.media")])
        assert seen == [
            ["default", "normal", "(prefers-color-scheme: light)"],
            ["slate", "dark", "(prefers-color-scheme: dark)"],
            ["default", "normal", "(prefers-color-scheme)"],
        ]
        page.locator("form[data-md-component=palette] label:not([hidden])").click()
        page.locator("form[data-md-component=palette] label:not([hidden])").click()
        page.reload()
        assert page.evaluate(state) == ["slate", "dark"]
    finally:
        context.close()


@pytest.mark.parametrize(
    "prefix, note", [("", "지난 단계의 기울기를 지웁니다"), ("en/", "Clears the gradients")], ids=["ko", "en"]
)
def test_code_annotations_open_in_the_pages_language(page, served_site, prefix, note):
    errors = page_errors(page)
    page.goto(served_site + prefix + "key-components/")
    block = page.locator("div.highlight", has=page.locator("text=optimizer.zero_grad")).first
    block.scroll_into_view_if_needed()  # content.lazy: a code block is set up when it comes into view
    markers = block.locator(".md-annotation")
    markers.first.wait_for()
    assert markers.count() == 3
    # On screen, an unopened marker pulses (Material's animation): never "stable", so no waiting for that.
    markers.first.locator(".md-annotation__index").click(force=True)
    assert note in markers.first.locator(".md-tooltip__inner").inner_text()
    assert "(1)!" not in block.locator("pre > code").inner_text()
    # A link a screen reader can name (Lighthouse's link-name audit failed on these markers).
    word = "주석" if prefix == "" else "Annotation"
    labels = block.locator(".md-annotation__index").evaluate_all(
        "links => links.map(l => l.getAttribute('aria-label'))"
    )
    assert labels == [f"{word} 1", f"{word} 2", f"{word} 3"], labels
    assert errors == []


def test_the_copy_button_copies_the_snippet_the_tests_ran(browser, served_site):
    context = without_search_index(browser.new_context(permissions=["clipboard-read", "clipboard-write"]))
    try:
        page = context.new_page()
        page.goto(served_site + "key-components/")
        block = page.locator("div.highlight", has=page.locator("text=optimizer.zero_grad")).first
        block.hover()
        block.locator("button[data-md-type=copy]").click()
        copied = page.evaluate("navigator.clipboard.readText()")
    finally:
        context.close()
    source = (ROOT / "snippets" / "key_components" / "tiny_regression.py").read_text(encoding="utf-8")
    without_markers = re.sub(r"  # \(\d+\)!$", "", source, flags=re.M)
    assert [line.rstrip() for line in copied.splitlines()] == without_markers.rstrip().splitlines()


def test_choosing_pytorch_in_one_tab_set_switches_them_all(page, served_site):
    page.goto(served_site + "optimization/optimizers/")
    sets = page.locator(".tabbed-set")
    assert sets.count() >= 2
    sets.first.locator("label", has_text="PyTorch").click()
    for i in range(sets.count()):
        assert sets.nth(i).locator("input").nth(1).is_checked(), f"tab set {i} still shows NumPy"


def test_code_blocks_are_set_up_as_they_come_into_view(page, served_site):
    """Material's content.lazy (mkdocs.yml): a code block is measured and given its buttons when it nears the
    screen, not all at once as the page loads, which on the longest pages blocked the main thread for half a
    second on a phone (README, Lighthouse). A block far below the first screen has no copy button yet; scrolled to,
    it has one. The flag is not in Material's documentation: if an upgrade drops it, this test says so."""
    page.goto(served_site + "optimization/landscapes/")
    blocks = page.locator(".md-content__inner > .highlight:has(code)")
    block = blocks.nth(blocks.count() - 2)
    assert block.evaluate("el => el.getBoundingClientRect().top > 3 * innerHeight")
    copy = block.locator(".md-code__button[data-md-type=copy]")
    assert copy.count() == 0
    block.scroll_into_view_if_needed()
    copy.wait_for(state="attached")


def test_far_blocks_wait_to_be_laid_out_and_jumps_still_land_on_their_target(browser, served_site):
    """extra.css leaves a chapter's blocks far from the screen unlaid out (content-visibility: auto), which took most
    of the start-up's work off the long chapters (README, Performance). A jump computed from estimated heights could
    land short: a table-of-contents link, a footnote and a page opened at an anchor must each put their target on
    the screen, just under the header."""
    context = without_search_index(browser.new_context(viewport={"width": 1280, "height": 900}))
    try:
        page = context.new_page()
        page.goto(served_site + "optimization/landscapes/")
        far = page.locator(".md-content__inner > .highlight").last
        assert far.evaluate("el => getComputedStyle(el).contentVisibility") == "auto"
        assert far.locator("pre").evaluate("el => !el.checkVisibility({contentVisibilityAuto: true})"), "laid out"
        on_screen = "el => { const r = el.getBoundingClientRect(); return [r.top >= 0 && r.top < 160, r.bottom <= innerHeight]; }"

        heading_id = page.locator(".md-content__inner h2[id]").last.get_attribute("id")
        page.locator(f".md-sidebar--secondary a.md-nav__link[href='#{heading_id}']").click()
        page.wait_for_timeout(300)
        assert page.locator(f"[id='{heading_id}']").evaluate(on_screen) == [True, True], "table of contents link"

        page.goto(served_site + "optimization/landscapes/")
        reference = page.locator("a.footnote-ref").first
        note_id = reference.get_attribute("href")[1:]
        reference.click()
        page.wait_for_timeout(300)
        note = page.locator(f"[id='{note_id}']")
        assert note.evaluate(
            "el => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }"
        )

        page.goto(served_site + f"optimization/landscapes/#{heading_id}")
        page.wait_for_timeout(300)
        assert page.locator(f"[id='{heading_id}']").evaluate(on_screen) == [True, True], "page opened at an anchor"
    finally:
        context.close()
