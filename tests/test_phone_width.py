"""Every page reads on a phone: at 360 px wide, no page scrolls sideways.

Wide tables, equations and code blocks must scroll inside their own box, and figures must shrink to the column.
Each built page is opened at 360 x 740 in Chromium; the document must be no wider than the viewport. A page that is
names the elements that stick out, so the fix is plain.

Opening all 86 pages takes half a minute of the 2-core machine, more than the suite's 3-minute budget leaves: set
RUN_PHONE_WIDTH=1 to run it (as before a release). It also leaves screenshots of a few pages at phone width, light and
dark, in the folder it prints (pytest's temporary folder, never committed), for a person to look at.
"""

from __future__ import annotations

import os

import pytest

PHONE = {"width": 360, "height": 740}
# Pages worth a look on a phone: the home page, a page with wide tables and formulas, one with figures, a lab.
SCREENSHOTS = ["", "en/", "loss/class-imbalance/", "optimization/landscapes/", "en/labs/optimization/"]

# Blocks far from the screen are not laid out (content-visibility in extra.css), so they could not stick out:
# the page is laid out whole first, as before a jump (overrides/partials/lay-out-before-jumps.html).
OVERFLOW = """() => {
    document.documentElement.classList.add("md-laid-out");
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= width) return null;
    const scrolls = element => ["auto", "scroll", "hidden"].includes(getComputedStyle(element).overflowX);
    const boxed = element => { for (let up = element.parentElement; up; up = up.parentElement) if (scrolls(up)) return true;
                               return false; };
    const wide = [...document.querySelectorAll("body *")]
        .filter(element => element.getBoundingClientRect().right > width + 1 && !boxed(element))
        .filter(element => !element.parentElement || element.parentElement.getBoundingClientRect().right <= width + 1)
        .slice(0, 3)
        .map(element => `${element.tagName.toLowerCase()}.${[...element.classList].join(".")} ` +
                        `(${Math.round(element.getBoundingClientRect().right)} px)`);
    return `${document.documentElement.scrollWidth} px wide: ${wide.join(", ")}`;
}"""


@pytest.mark.skipif(not os.environ.get("RUN_PHONE_WIDTH"), reason="set RUN_PHONE_WIDTH=1: every page in Chromium")
def test_no_page_scrolls_sideways_on_a_phone(browser, served_site, site):
    pages = sorted(str(path.parent.relative_to(site)) for path in site.rglob("index.html"))
    pages = [page.removeprefix(".") + "/" if page != "." else "" for page in pages]
    assert len(pages) > 70, pages
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=2)
    # Layout does not wait for the search index; leaving it out saves each page its biggest download.
    context.route("**/search/search_index.json", lambda route: route.abort())
    page = context.new_page()
    wide = []
    try:
        for path in pages:
            page.goto(served_site + path, wait_until="load")
            problem = page.evaluate(OVERFLOW)
            if problem:
                wide.append(f"/{path}: {problem}")
    finally:
        context.close()
    assert not wide, f"{len(wide)} of {len(pages)} pages scroll sideways at 360 px:\n" + "\n".join(wide)


@pytest.mark.skipif(not os.environ.get("RUN_PHONE_WIDTH"), reason="set RUN_PHONE_WIDTH=1: screenshots to look at")
def test_screenshots_at_phone_width_in_both_schemes(browser, served_site, tmp_path_factory):
    folder = tmp_path_factory.mktemp("phone-screenshots")
    for scheme in ("light", "dark"):
        context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, color_scheme=scheme)
        page = context.new_page()
        for path in SCREENSHOTS:
            page.goto(served_site + path, wait_until="load")
            name = (path.strip("/").replace("/", "-") or "home") + f"-{scheme}.png"
            page.screenshot(path=folder / name, full_page=False)
        context.close()
    taken = sorted(folder.glob("*.png"))
    assert len(taken) == 2 * len(SCREENSHOTS) and all(shot.stat().st_size > 10_000 for shot in taken)
    print(f"\nscreenshots for a person to look at: {folder}")
