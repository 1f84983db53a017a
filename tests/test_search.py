"""Search finds the section a reader asks for, in the language they read, and nothing typed breaks it.

The browser tests type into Material's real search box in headless Chromium (tests/browser_support.py);
they skip, saying how to install it, where Debian's chromium is missing. bench/search_recall.py measures
recall over a larger query set, against Material's default configuration.
"""

from __future__ import annotations

import json
import re
from html import unescape
from urllib.parse import urljoin

import pytest

from hooks.search_languages import fold_duplicates, split_by_language
from hooks.search_parse_speed import PRE_BLOCK, MaterialParser, PlainCodeParser
from tests.browser_support import (
    SEARCH_INPUT,
    SEARCH_META,
    page_errors,
    search,
    search_many,
    without_search_index,
)

# Every browser test here searches: the `page` fixture serves them the real index.
pytestmark = pytest.mark.search

# (query, pages that answer it, relative to the language root). "loss/*" is any page of a chapter; a question
# about a chapter as a whole is also answered by its notebook (labs/optimization/). A query whose pages are not
# built yet (a chapter still being written) skips. bench/search_recall.py runs a larger set and measures recall.
OPTIMIZATION = ["key-components/", "optimization/*", "labs/optimization/"]
KOREAN = [
    ("함수", ["loss/*"]),  # a part of 손실함수는 and of 손실 함수
    ("손실함수", ["loss/*"]),  # the compound typed without its space
    ("손실 함수", ["loss/*"]),
    ("손실 함수를", ["loss/*"]),  # a particle typed along
    ("하강법", OPTIMIZATION),  # a part of 경사 하강법
    ("경사하강법", OPTIMIZATION),
    ("경사 하강법", OPTIMIZATION),
    ("엔트로피", ["loss/classification/", "loss/"]),  # a part of 교차 엔트로피
    ("교차엔트로피", ["loss/classification/", "loss/"]),
    ("평균 제곱 오차", ["loss/regression/"]),
    ("평균제곱오차", ["loss/regression/"]),
    ("인공지능", ["ai-ml-dl/"]),
    ("핵심 요소", ["key-components/"]),
    ("gradient descent", OPTIMIZATION),  # inside 경사 하강법(gradient descent)을
    ("loss function", ["loss/*"]),  # the English term a Korean page gives in parentheses
    ("Adam", OPTIMIZATION),
    ("ResNet", ["key-components/", "models/*"]),
    ("LSTM", ["key-components/", "models/*"]),
]
ENGLISH = [
    ("loss function", ["loss/*"]),
    ("cross-entropy", ["loss/classification/", "loss/"]),
    ("mean squared error", ["loss/regression/"]),
    ("Huber loss", ["loss/regression/"]),
    ("artificial intelligence", ["ai-ml-dl/"]),
    ("hidden layer", ["ai-ml-dl/", "models/*"]),
    ("learning rate", OPTIMIZATION),
    ("Adam", OPTIMIZATION),
    ("ResNet", ["key-components/", "models/*"]),
    ("LSTM", ["key-components/", "models/*"]),
]
# Code identifiers: a page whose code uses the identifier must be among the first results.
IDENTIFIERS = ["mse_loss", "CrossEntropyLoss", "torch.optim.Adam", "zero_grad", "DataLoader", "nn.Linear"]
TOP = 5


def _index(site, root=""):
    return json.loads((site / root / "search" / "search_index.json").read_text(encoding="utf-8"))


# --- The indexes, without a browser ----------------------------------------------------------------------


def test_each_language_has_an_index_of_its_own(site):
    korean, english = _index(site), _index(site, "en")
    assert not [doc["location"] for doc in korean["docs"] if doc["location"].startswith("en/")]
    titles = {doc["title"] for doc in english["docs"]}
    assert "The four key components" in titles and "네 가지 핵심 요소" not in titles
    assert "네 가지 핵심 요소" in {doc["title"] for doc in korean["docs"]}
    for root, index in (("", korean), ("en/", english)):
        locations = [doc["location"] for doc in index["docs"]]
        assert len(locations) == len(set(locations)), "a location twice breaks Material's search worker"
        for location in locations:
            page = location.split("#")[0]
            assert (site / root / page / "index.html").is_file() or (site / root / page).is_file(), location


def test_pages_fetch_the_index_of_their_language(site):
    """Material fetches <base>/search/search_index.json and resolves result links against the same base."""
    for page, language_root in [
        ("key-components/", "/"),
        ("", "/"),
        ("en/key-components/", "/en/"),
        ("en/", "/en/"),
    ]:
        html = (site / page / "index.html").read_text(encoding="utf-8")
        config = json.loads(html.split('<script id="__config" type="application/json">')[1].split("</script>")[0])
        assert urljoin(f"http://host/{page}", config["base"]) == f"http://host{language_root}", page


def test_text_shown_in_results_is_the_page_text(site):
    """The Korean cuts live in the separator, not in the text: nothing is inserted into what readers see."""
    docs = _index(site)["docs"]
    assert not [doc["location"] for doc in docs if "\u200b" in doc["text"] + doc["title"]]
    section = next(
        doc for doc in docs if doc["location"] == "key-components/#네-요소가-모두-들어-있는-가장-작은-프로그램"
    )
    assert "경사 하강법(gradient descent)" in section["text"]


def _sections(parser_class, html: str) -> list[tuple]:
    parser = parser_class()
    parser.feed(html)
    parser.close()
    # As Material's create_entry_for_section reads them: the pieces joined.
    return [(section.id, "".join(section.title), "".join(section.text)) for section in parser.data]


def test_code_indexed_as_plain_text_gives_the_same_sections(site):
    """hooks/search_parse_speed.py drops the highlighting inside <pre> before Material's parser reads a page.

    It changes nothing outside a <pre> block, and inside one Material's parser only appends to the section it is in,
    whatever surrounds the block, so every distinct block of the built site is compared on its own (a fifth of the
    time of reading all the pages twice); the two pages with the most code are compared whole as well."""
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 50
    texts = {path: path.read_text(encoding="utf-8") for path in pages}
    blocks = {block for text in texts.values() for block in PRE_BLOCK.findall(text)}
    assert len(blocks) > 500
    for block in blocks:
        html = f'<article><h2 id="s">S</h2><div class="highlight">{block}</div><p>after</p></article>'
        assert _sections(PlainCodeParser, html) == _sections(MaterialParser, html), block[:300]
    for english in (False, True):
        of_language = [p for p in pages if p.relative_to(site).as_posix().startswith("en/") == english]
        most_code = max(of_language, key=lambda p: len(PRE_BLOCK.findall(texts[p])))
        html = texts[most_code]
        assert _sections(PlainCodeParser, html) == _sections(MaterialParser, html), most_code.relative_to(site)


def test_sections_without_an_id_are_folded_into_the_one_before():
    """Jupyter gives headings without Latin letters an empty id, so their location repeats the page's."""
    docs = [
        {"location": "labs/loss/", "title": "손실 실습", "text": "<p>소개</p>"},
        {"location": "labs/loss/", "title": "평균 제곱 오차", "text": "<p>mse_loss</p>"},
        {"location": "labs/loss/#setup", "title": "Setup", "text": ""},
    ]
    folded = fold_duplicates(docs)
    assert [doc["location"] for doc in folded] == ["labs/loss/", "labs/loss/#setup"]
    assert "평균 제곱 오차" in folded[0]["text"] and "mse_loss" in folded[0]["text"]


def test_entries_are_split_by_language_and_made_relative_to_their_root():
    docs = [
        {"location": "", "title": "홈"},
        {"location": "en/", "title": "Home"},
        {"location": "en/a/#b", "title": "B"},
    ]
    split = split_by_language(docs, "ko", ["en"])
    assert [doc["location"] for doc in split["ko"]] == [""]
    assert [doc["location"] for doc in split["en"]] == ["", "a/#b"]


# --- In the browser ----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def answers(home):
    """answers(lang, query): the result pages of the parametrized queries below, all typed into one language's box
    in one go (search_many), as the first test of that language asks."""
    batches = {"": [q for q, _ in KOREAN] + IDENTIFIERS, "en/": [q for q, _ in ENGLISH] + IDENTIFIERS}
    done: dict[str, dict[str, list[str]]] = {}

    def answer(lang: str, query: str) -> list[str]:
        if lang not in done:
            done[lang] = search_many(home(lang), batches[lang])
        return done[lang][query]

    return answer


def _check(answers, served_site, lang: str, site, query: str, pages: list[str]):
    expected = [p for p in pages if (site / lang / p.rstrip("*")).is_dir()]
    if not expected:
        pytest.skip(f"{', '.join(pages)}: not written yet")
    results = [url.removeprefix(served_site + lang) for url in answers(lang, query)]
    hits = [r for r in results[:TOP] if any(r.startswith(p[:-1]) if p.endswith("*") else r == p for p in expected)]
    assert hits, f"{query!r} should find one of {expected} among the first {TOP} results, got {results[:TOP]}"


# The tests of one group run on one worker, which types each language's queries once for all of them.
@pytest.mark.xdist_group("search_answers")
@pytest.mark.parametrize("query, pages", KOREAN, ids=[q for q, _ in KOREAN])
def test_korean_search_finds(answers, served_site, site, query, pages):
    _check(answers, served_site, "", site, query, pages)


@pytest.mark.xdist_group("search_answers")
@pytest.mark.parametrize("query, pages", ENGLISH, ids=[q for q, _ in ENGLISH])
def test_english_search_finds(answers, served_site, site, query, pages):
    _check(answers, served_site, "en/", site, query, pages)


def _text_of(site, url_path: str) -> str:
    html = (site / url_path / "index.html").read_text(encoding="utf-8")
    article = html[html.find("<article") : html.find("</article>")]
    return unescape(re.sub(r"<[^>]+>", "", article))


@pytest.mark.xdist_group("search_answers")
@pytest.mark.parametrize("lang", ["", "en/"], ids=["ko", "en"])
@pytest.mark.parametrize("identifier", IDENTIFIERS)
def test_code_identifiers_find_pages_that_use_them(answers, served_site, site, lang, identifier):
    users = [p for p in (site / lang).rglob("index.html") if identifier in _text_of(site, p.parent.relative_to(site))]
    if not users:
        pytest.skip(f"no page in /{lang} uses {identifier} yet")
    results = [url.removeprefix(served_site) for url in answers(lang, identifier)][:TOP]
    assert [r for r in results if identifier in _text_of(site, r)], f"no page using {identifier} among {results}"


def test_a_terms_chapter_comes_before_the_glossary(home, served_site):
    """The glossary repeats every term in one line; with `search.boost` 0.5 the explaining chapter ranks first."""
    results = search(home("en/"), "overfitting")
    assert results[0].startswith(served_site + "en/optimization/"), results[:3]
    assert served_site + "en/glossary/" in results, "the glossary is still among the results"


def test_each_language_finds_only_its_own_pages(home, served_site):
    korean = search(home(""), "loss")
    english = search(home("en/"), "loss")
    assert korean and english
    assert not [url for url in korean if url.startswith(served_site + "en/")], korean
    assert all(url.startswith(served_site + "en/") for url in english), english


def test_korean_words_are_cut_alike_in_index_and_query(home):
    """The separator the Korean index ships, applied as Material's worker applies it."""
    cut = home("").evaluate(
        """async texts => {
            const index = await (await fetch("search/search_index.json")).json();
            const separator = new RegExp(index.config.separator, "g");
            return texts.map(text => {           // Material's split(): zero-width matches move on by one
                const tokens = []; let match, start = 0; separator.lastIndex = 0;
                do {
                    match = separator.exec(text);
                    const end = match ? match.index : text.length;
                    if (start < end) tokens.push(text.slice(start, end));
                    if (match) { start = match.index + match[0].length;
                                 if (!match[0].length) separator.lastIndex = match.index + 1; }
                } while (match);
                return tokens.join("|");
            });
        }""",
        ["손실함수는", "경사하강법(gradient descent)을", "교차엔트로피", "optimizer.zero_grad()", "torch.optim.Adam"],
    )
    assert cut == [
        "손실|함수|는",
        "경사|하강법|gradient|descent|을",
        "교차|엔트로피",
        "optimizer|zero_grad",
        "torch|optim|Adam",
    ]


def test_results_show_the_text_as_written(home):
    search(home(""), "하강법")
    texts = home("").locator(".md-search-result__article").all_text_contents()
    assert any("경사 하강법(gradient descent)" in text for text in texts), texts
    assert not any("\u200b" in text for text in texts)


def test_a_result_opens_its_page_with_the_terms_highlighted(page, served_site):
    """Material's page highlighter builds a regular expression from the separator; it must stay valid."""
    errors = page_errors(page)
    page.goto(served_site)
    search(page, "손실함수")
    with page.expect_navigation():
        page.locator(".md-search-result__link").first.click()
    assert "h=" in page.url
    page.wait_for_selector("mark[data-md-highlight]", timeout=5_000)
    assert errors == []


BAD_INPUT = [
    "",
    "a",
    "손",
    "(",
    ")",
    "*",
    "~",
    ":",
    "^",
    "+",
    "-",
    "+-*~:^()",
    '"',
    '"손실',
    "\\",
    "title:",
    "손실:",
    "loss^",
    "loss~",
    "손실 -함수 +경사",
    "*함수*",
    "x" * 2000,
    "손실 함수 " * 200,
    "<script>alert(1)</script>",
    "&amp; &lt;",
]
# What the box holds while an IME composes 손실함수, one keystroke at a time.
COMPOSING = ["ㅅ", "소", "손", "손ㅅ", "손시", "손실", "손실ㅎ", "손실하", "손실함", "손실함ㅅ", "손실함수"]


@pytest.mark.parametrize("lang", ["", "en/"], ids=["ko", "en"])
def test_nothing_typed_breaks_the_search_box(page, served_site, lang):
    errors = page_errors(page)
    page.goto(served_site + lang)
    box = page.locator(SEARCH_INPUT)
    for query in BAD_INPUT + COMPOSING:  # each one searched on its key-up, without waiting, as a fast typist
        box.fill(query)
        box.dispatch_event("keyup")
    page.keyboard.type("ㄱㄴ(*~")
    # The worker answers in order: once this answer is shown, every query above has been answered and shown.
    assert search(page, "손실" if not lang else "loss"), page.locator(SEARCH_META).text_content()
    assert errors == []


# --- When the index loads (overrides/partials/search-index-after-paint.html) -------------------------------

INDEX_TIMING = """() => {
    const index = performance.getEntriesByType("resource").find(e => e.name.endsWith("/search/search_index.json"));
    const paint = performance.getEntriesByName("first-contentful-paint")[0];
    const load = performance.getEntriesByType("navigation")[0];
    return index && paint && load.loadEventEnd ? [index.startTime, paint.startTime, load.loadEventEnd] : null;
}"""


@pytest.mark.parametrize("path", ["optimization/", "en/optimization/"], ids=["ko", "en"])
def test_the_index_waits_until_the_page_has_painted_and_loaded(page, served_site, path):
    """The 190 KB index must not compete with the page: it is requested after first paint and the load event. When
    it comes, not what it holds: served empty, it spares Chromium the second and a half of building it."""
    without_search_index(page.context)
    page.goto(served_site + path)
    started, painted, loaded = page.wait_for_function(INDEX_TIMING, timeout=10_000).json_value()
    assert started >= painted and started >= loaded, (
        f"index at {started:.0f} ms, paint {painted:.0f}, load {loaded:.0f}"
    )


def test_search_works_offline_once_the_page_has_loaded(page, served_site):
    """Nobody touches the search box: the index still arrives on its own, so search works with the network gone."""
    page.goto(served_site + "en/")
    page.wait_for_function(INDEX_TIMING, timeout=10_000)
    page.context.set_offline(True)
    assert any(url.endswith("/en/optimization/adaptive/") for url in search(page, "Adam"))


def test_focusing_the_search_box_loads_the_index_at_once(page, served_site):
    """A reader who searches before the page has finished loading does not wait for the idle-time request."""
    page.route("**/figures/**", lambda route: None)  # a figure that never arrives: no load event, no idle time
    page.goto(served_site + "optimization/", wait_until="domcontentloaded")
    assert any(url.endswith("/optimization/adaptive/") for url in search(page, "Adam"))
    assert page.evaluate("document.readyState") != "complete", "the load event came after all"
