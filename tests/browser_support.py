"""Browser fixtures: the built site served on 127.0.0.1, and Debian's Chromium driven by Playwright.

- `served_site`: the session's built site (the `site` fixture of conftest.py) served by a threading HTTP
  server on a free port of 127.0.0.1; the value is the base URL, ending in "/".
- `browser`: Playwright's Chromium, launched once per session from Debian's packages, never a downloaded browser:
  chromium-headless-shell where it is installed, else /usr/bin/chromium. The shell is the same Chromium release
  without the desktop browser around it (what Playwright itself runs for headless tests); a page load costs it
  about half the CPU (the suite's browser tests, a third of its time). Tests that use it skip, saying how to
  install it, where neither is.
- `home`: home("") is the Korean home page, home("en/") the English one, each opened once per test module.
- `page`: a fresh browser context and page per test, served an empty search index unless the test is marked
  `search` (`without_search_index(context)` does the same for a context a test makes itself);
  `page_errors(page)` collects what the page throws and what it logs as an error, to assert on at the end.
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

import pytest

from bench.serve import serve  # one static server for tests and benchmarks, gzip as a host serves

HEADLESS_SHELL = Path("/usr/lib/chromium/chromium-headless-shell")  # Debian's chromium-headless-shell
CHROMIUM = HEADLESS_SHELL if HEADLESS_SHELL.exists() else Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
INSTALL_HINT = "install Debian's chromium: apt-get install chromium chromium-headless-shell"


@contextlib.contextmanager
def launch_chromium():
    """Playwright's Chromium from CHROMIUM; raises RuntimeError with the fix when it cannot start."""
    if not CHROMIUM.exists():
        raise RuntimeError(INSTALL_HINT)
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as error:
        raise RuntimeError("Playwright is missing: pip install -r requirements.txt") from error
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture(scope="session")
def served_site(site):
    with serve(site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(INSTALL_HINT)
    with launch_chromium() as chromium:
        yield chromium


@pytest.fixture(scope="module")
def home(browser, served_site):
    """home("") is the Korean home page, home("en/") the English one; each opened once per module."""
    pages = {}

    def open_home(lang: str):
        if lang not in pages:
            pages[lang] = browser.new_page()
            pages[lang].goto(served_site + lang)
        return pages[lang]

    yield open_home
    for page in pages.values():
        page.close()


@pytest.fixture
def page(browser, request):
    """A fresh context and page; with an empty search index unless the test is marked `search`."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    if not request.node.get_closest_marker("search"):
        without_search_index(context)
    page = context.new_page()
    yield page
    context.close()


# What Material's worker needs to start, with nothing to find. Building the real index costs Chromium about 0.8 s
# of CPU per page load (measured over ten loads), a fifth of the suite's browser time; only search tests need it.
# The config carries what the site's search reader expects (hooks/search_languages.py).
EMPTY_SEARCH_INDEX = json.dumps(
    {
        "config": {
            "lang": ["en"],
            "separator": "[\\s\\-]+",
            "pipeline": [],
            "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}},
            "variants": {},
            "unwritten": [],
        },
        "docs": [],
    }
)


def without_search_index(context):
    """Serve every page of this browser context an empty search index; returns the context."""
    context.route(
        "**/search/search_index.json",
        lambda route: route.fulfill(status=200, content_type="application/json", body=EMPTY_SEARCH_INDEX),
    )
    return context


def page_errors(page) -> list[str]:
    """A list that fills with the page's uncaught exceptions and console errors from now on."""
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(f"pageerror: {error}"))
    page.on("console", lambda message: message.type == "error" and errors.append(f"console: {message.text}"))
    return errors


# --- Material's search box ---------------------------------------------------------------------------

SEARCH_INPUT = "input.md-search__input"
SEARCH_META = ".md-search-result__meta"


def _translation(page, key: str) -> str:
    return page.evaluate(f"() => JSON.parse(document.getElementById('__config').textContent).translations[{key!r}]")


def search(page, query: str, *, timeout: float = 15_000) -> list[str]:
    """Type a query into Material's search box as a reader does and return the result pages, best first.

    Material searches on key-up, so the value is filled in and a key-up follows. The box is emptied first
    and the placeholder awaited, so the results read afterwards belong to this query, not the last one.
    Each result is the absolute URL of a page (sections of one page are grouped under it).
    """
    placeholder = _translation(page, "search.result.placeholder")
    box = page.locator(SEARCH_INPUT)
    box.focus()
    box.fill("")
    box.dispatch_event("keyup")
    page.wait_for_function(
        "([meta, text]) => document.querySelector(meta).textContent.trim() === text",
        arg=[SEARCH_META, placeholder],
        timeout=timeout,
    )
    box.fill(query)
    box.dispatch_event("keyup")
    if query:
        page.wait_for_function(
            "([meta, text]) => document.querySelector(meta).textContent.trim() !== text",
            arg=[SEARCH_META, placeholder],
            timeout=timeout,
        )
    return page.eval_on_selector_all(
        ".md-search-result__list > li",
        "items => items.map(item => item.querySelector('a.md-search-result__link').href.split('#')[0].split('?')[0])",
    )


# The loop of search() run inside the page, for many queries at once: the same box, events and waits, without a
# round trip to Python for each (a few hundred searches cost the suite seconds, not tens of seconds).
_SEARCH_MANY = """async ([queries, input, meta, placeholder, timeout]) => {
    const box = document.querySelector(input);
    const shown = () => document.querySelector(meta).textContent.trim();
    const until = test => new Promise((resolve, reject) => {
        const started = performance.now();
        const check = () => test() ? resolve()
            : performance.now() - started > timeout ? reject(new Error(`no answer within ${timeout} ms`))
            : setTimeout(check, 2);
        check();
    });
    const type = value => {
        box.value = value;
        box.dispatchEvent(new Event("input", {bubbles: true}));
        box.dispatchEvent(new KeyboardEvent("keyup", {bubbles: true}));
    };
    box.focus();
    const answers = [];
    for (const query of queries) {
        type("");
        await until(() => shown() === placeholder);
        type(query);
        if (query) await until(() => shown() !== placeholder);
        answers.push([...document.querySelectorAll(".md-search-result__list > li")].map(
            item => item.querySelector("a.md-search-result__link").href.split("#")[0].split("?")[0]));
    }
    return answers;
}"""


def search_many(page, queries: list[str], *, timeout: float = 15_000) -> dict[str, list[str]]:
    """search() for each query in turn, typed into the same box in the page itself: query -> result pages."""
    placeholder = _translation(page, "search.result.placeholder")
    answers = page.evaluate(_SEARCH_MANY, [list(queries), SEARCH_INPUT, SEARCH_META, placeholder, timeout])
    return dict(zip(queries, answers, strict=True))


# What the box shows, asked of the search worker itself: the page's own worker script (the site's reader around
# Material's worker), set up with the real index as Material sets it up, sent the queries as Material sends them.
# Drawing the results list is what costs Chromium its time (about 40 ms of the page's main thread a query), and
# the list is drawn from the worker's answer alone: test_search_korean.py checks that the two agree. Setting a
# worker up costs about a second, once per page; typing costs less up to a dozen queries.
_ASK_THE_WORKER = """async ([queries, timeout]) => {
    const SETUP = 0, QUERY = 2, RESULT = 3;  // Material's SearchMessageType
    const config = JSON.parse(document.getElementById("__config").textContent);
    const base = new URL(config.base, location.href);
    if (!window.testSearchWorker) {
        const index = await (await fetch(new URL("search/search_index.json", base))).json();
        const worker = new Worker(config.search);
        const options = {suggest: config.features.includes("search.suggest")};
        worker.postMessage({type: SETUP, data: {config: index.config, docs: index.docs, options}});
        window.testSearchWorker = worker;
    }
    const worker = window.testSearchWorker;
    const ask = query => new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no answer within ${timeout} ms`)), timeout);
        const answer = event => {
            if (event.data.type !== RESULT) return;
            clearTimeout(timer);
            worker.removeEventListener("message", answer);
            resolve(event.data.data.items);
        };
        worker.addEventListener("message", answer);
        worker.postMessage({type: QUERY, data: query});
    });
    // As Material's result list links a group: to its page's own entry, the one whose URL has no fragment.
    const page = group => {
        const own = group.findIndex(doc => !`${new URL(doc.location, base)}`.includes("#"));
        const doc = own === -1 ? group[group.length - 1] : group[own];
        return `${new URL(doc.location, base)}`.split("#")[0].split("?")[0];
    };
    const answers = [];
    for (const query of queries)  // an empty box shows the placeholder, no results
        answers.push(query ? (await ask(query)).map(page) : []);
    return answers;
}"""


def ask_the_worker(page, queries: list[str], *, timeout: float = 15_000) -> dict[str, list[str]]:
    """search_many() without drawing the results: query -> every result page the box would list, best first."""
    answers = page.evaluate(_ASK_THE_WORKER, [list(queries), timeout])
    return dict(zip(queries, answers, strict=True))
