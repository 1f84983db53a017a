"""Korean search, round two (issue #18): the words readers type that the pages do not write, while they type them.

The query side is the search worker overrides/assets/javascripts/workers/search-reader.js, which wraps Material's
worker; the other names of a term come from docs/glossary.yml through hooks/search_languages.py. The browser
tests type into Material's real search box in headless Chromium and skip where it is missing.
bench/search_recall.py measures recall@1 and recall@5 per kind of query over the held-out set.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from bench.search_recall import typing
from hooks.search_languages import (
    READER,
    analyse,
    glossary_variants,
    names_for_index,
    term_names,
    unwritten,
    variant_key,
)
from tests.browser_support import SEARCH_INPUT, ask_the_worker, search, search_many

# Every browser test here searches: the `page` fixture serves them the real index.
pytestmark = pytest.mark.search

REPO = Path(__file__).resolve().parent.parent
OPTIMIZATION = ["key-components/", "optimization/*", "labs/optimization/"]
TOP = 5


def _index(site, root=""):
    return json.loads((site / root / "search" / "search_index.json").read_text(encoding="utf-8"))


# --- The names of a term, without a browser --------------------------------------------------------------

TERMS = [
    {"ko": "규제", "en": "regularization", "wrong_ko": ["정칙화"], "also": ["정규화", "L2 penalty"]},
    {"ko": "정규화", "en": "normalization"},
    {"ko": "매개변수", "en": "parameter", "wrong_ko": ["파라미터"]},
    {"ko": "하이퍼파라미터", "en": "hyperparameter", "wrong_ko": ["하이퍼 파라미터"], "also": ["hyper-parameter"]},
    {"ko": "이진 교차 엔트로피", "en": "binary cross-entropy", "abbr": "BCE"},
]


def test_korean_pages_get_every_other_name_of_a_term():
    variants, left_out = glossary_variants(TERMS, "ko")
    assert variants["정칙화"] == "규제"
    assert variants["l2penalty"] == "규제" and variants["regularization"] == "규제"  # English typed on Korean pages
    assert variants["하이퍼파라미터"] == "하이퍼파라미터"  # typed with a space, it adds the one word
    assert variants["bce"] == "이진 교차 엔트로피"
    # 정규화 is a term of its own (normalisation), 파라미터 is inside 하이퍼파라미터: neither may add 규제 or 매개변수.
    assert "정규화" not in variants and "파라미터" not in variants
    assert left_out == ["정규화 (규제)", "파라미터 (매개변수)"]


def test_english_pages_get_the_latin_names_only():
    variants, _ = glossary_variants(TERMS, "en")
    assert variants == {
        "bce": "binary cross-entropy",
        "hyperparameter": "hyperparameter",
        "l2penalty": "regularization",
    }


def test_names_no_page_writes_are_replaced_not_added():
    variants = {"holdoutset": "validation set", "bce": "binary cross-entropy", "hyperparameter": "hyperparameter"}
    docs = [{"title": "Losses", "text": "<p>BCE, and a hyperparameter</p>"}]
    assert unwritten(variants, docs) == ["holdoutset", "hyperparameter"]


def test_names_the_pages_write_in_their_own_script_are_left_to_them():
    docs = [{"title": "손실", "text": "<p>BCE와 정칙화, 하이퍼파라미터</p>"}]
    korean, korean_absent = names_for_index(TERMS, "ko", docs)
    assert "정칙화" not in korean  # written: found as typed
    assert korean["bce"] == "이진 교차 엔트로피" and "bce" not in korean_absent  # Latin on a Korean page: added
    assert "하이퍼파라미터" in korean_absent  # spelt with a space: replaced by the one word
    english, english_absent = names_for_index(TERMS, "en", [{"title": "Loss", "text": "BCE"}])
    assert english == {"hyperparameter": "hyperparameter", "l2penalty": "regularization"}  # not BCE: written
    assert english_absent == ["hyperparameter", "l2penalty"]


def test_the_glossary_names_are_unambiguous():
    """A name in `also` that is another term, or sits inside another term, would be dropped without a word:
    list it under the term it belongs to, or not at all (정규화 is normalisation, not 규제: measured in README)."""
    terms = yaml.safe_load((REPO / "docs" / "glossary.yml").read_text(encoding="utf-8"))
    problems = []
    left_out = set(glossary_variants(terms, "ko")[1] + glossary_variants(terms, "en")[1])
    for term in terms:
        also = term.get("also", [])
        if not isinstance(also, list) or not all(isinstance(name, str) and name.strip() for name in also):
            problems.append(f"{term['ko']}: also must be a list of names")
            continue
        for name in also:
            if f"{name} ({term['ko']})" in left_out:
                problems.append(f"{term['ko']}: {name!r} is another term, or inside one: left out")
            if name not in term_names(term, "ko") + term_names(term, "en"):
                problems.append(f"{term['ko']}: {name!r} is used by neither language")
    assert not problems, "docs/glossary.yml:\n" + "\n".join(sorted(set(problems)))


def test_each_index_ships_the_names_of_its_language(site):
    korean, english = _index(site)["config"], _index(site, "en")["config"]
    assert korean["variants"]["객체검출"] == "객체 탐지" and "객체검출" in korean["unwritten"]
    assert korean["variants"]["bce"] == "이진 교차 엔트로피" and "bce" not in korean["unwritten"]
    assert "bce" not in english["variants"], "English pages write BCE: as typed, it finds them in Material's order"
    assert english["variants"]["holdoutset"] == "validation set" and "holdoutset" in english["unwritten"]
    assert not [key for key in english["variants"] if re.search("[가-힣]", key)]
    for config in (korean, english):
        assert set(config["unwritten"]) <= set(config["variants"])
        assert config["separator"].startswith("[\u2013\u2014]+|"), "dashes cut words: 편향–분산, bias–variance"


def test_kiwis_analyses_read_from_the_cache_are_the_ones_it_makes(tmp_path):
    """The cache changes how fast a build is, not what it writes; and written through a link, it stays a link (the
    tests' scratch sites share the project's this way, tests/conftest.py)."""
    words = {"손실", "함수를", "경사하강법", "교차엔트로피의"}
    shared = tmp_path / "project" / "search_kiwi.json"
    link = tmp_path / "scratch" / "search_kiwi.json"
    link.parent.mkdir()
    link.symlink_to(shared)
    made = analyse(words, link)
    assert link.is_symlink() and shared.is_file()
    assert analyse(words, shared) == made and analyse(words, None) == made
    assert [start for start, _, _ in made["함수를"]] == [0, 2], made["함수를"]  # 함수 + 를


@pytest.mark.parametrize("page", ["index.html", "loss/index.html", "en/index.html", "en/loss/index.html"])
def test_every_page_searches_with_the_reader(site, page):
    html = (site / page).read_text(encoding="utf-8")
    config = json.loads(html.split('<script id="__config" type="application/json">')[1].split("</script>")[0])
    worker, _, query = config["search"].partition("?")
    worker_file = (site / page).parent / worker
    assert worker_file.resolve() == (site / "assets/javascripts/workers/search-reader.js").resolve()
    assert worker_file.read_text(encoding="utf-8") == READER.read_text(encoding="utf-8")
    material = re.fullmatch(r"material=(search\.[0-9a-f]+\.min\.js)&v=[0-9a-f]{8}", query)
    assert material and (worker_file.parent / material[1]).is_file(), config["search"]


# --- In the browser --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def reader(home, served_site):
    """reader(lang, query): the query the worker gives Material, from the worker's own code and the real index."""
    loaded = set()

    def expand(lang: str, query: str) -> str:
        page = home(lang)
        if lang not in loaded:
            page.add_script_tag(url=served_site + "assets/javascripts/workers/search-reader.js")
            page.evaluate(
                """async () => {
                    const index = await (await fetch("search/search_index.json")).json();
                    window.testReader = new Reader(index);
                }"""
            )
            loaded.add(lang)
        return page.evaluate("query => window.testReader.expand(query).query", query)

    return expand


READINGS = [
    # As typed, where the words find something: untouched, so their results keep their order.
    ("", "손실 함수", "손실 함수"),
    ("", "손실함수", "손실 함수"),  # a spelling the glossary knows (wrong_ko): the same words Material cuts
    ("", "정규화", "정규화"),  # normalisation; not also 규제 (README: measured both ways)
    # Halfway through a compound, and while the input method composes a syllable.
    ("", "손실함", "손실"),  # 손실 + 함, whose lone syllable would find every word it starts
    ("", "교차엔트", "교차 엔트"),
    ("", "손시", "손실"),
    ("", "손싫", "손실"),  # 손실 + ㅎ, on the way to 손실함수
    ("", "경샇", "경사"),  # 경사 + ㅎ, on the way to 경사하강법
    ("", "역전ㅍ", "역전"),
    # Without the dash or space; a suffix the pages do not write; loanword spelling.
    ("", "편향분산", "편향분산"),  # the index cuts it, as the page writes 편향–분산 with a dash
    ("", "클래스불균형", "클래스 불균형"),
    ("", "적대적", "적대"),
    ("", "생성형", "생성"),
    ("", "옵티마이져", "옵티마이저"),
    # Other names: replaced where no page writes them, added where pages do.
    ("", "객체 검출", "객체 탐지"),
    ("", "경사 소실", "기울기 소실"),
    ("", "bce", "bce 이진 교차 엔트로피"),
    ("en/", "learningrate", "learning rate"),
    ("en/", "regularisation", "regularization"),
    ("en/", "hold-out set", "validation set"),
    ("en/", "lr", "lr"),  # English pages write lr: it finds them as typed, in Material's order
    ("en/", "bce", "bce"),
]


# One worker per group, so that the fixture types its queries once.
@pytest.mark.xdist_group("search_reader")
@pytest.mark.parametrize("lang, query, expected", READINGS, ids=[q for _, q, _ in READINGS])
def test_the_worker_reads_what_readers_type(reader, lang, query, expected):
    assert reader(lang, query) == expected


# One or two held-out queries of each kind (bench/search_queries.yml has them all), each with a page to find.
FOUND = [
    ("", "객체 검출", ["data/detection/"]),  # translation
    ("", "정칙화", ["optimization/regularization/"]),
    ("", "오버피팅", ["optimization/*"]),  # spelling
    ("", "하이퍼 파라미터", ["optimization/adaptive/"]),
    ("", "손실함", ["loss/"]),  # partial
    ("", "역전ㅍ", ["optimization/backpropagation/"]),
    ("", "편향분산", ["optimization/generalization/"]),  # joined
    ("", "적대적", ["models/generative/"]),  # suffix
    ("", "bce", ["loss/classification/"]),  # abbreviation
    ("", "lr", OPTIMIZATION),
    ("en/", "cost function", ["loss/"]),
    ("en/", "regularisation", ["optimization/regularization/"]),
    ("en/", "weightdecay", ["optimization/regularization/", "optimization/adaptive/"]),
    ("en/", "NLL", ["loss/classification/", "loss/probabilistic/"]),
]


@pytest.fixture(scope="module")
def found(home):
    """found(lang, query): the result pages of FOUND's queries, typed into one language's box in one go."""
    done: dict[str, dict[str, list[str]]] = {}

    def answer(lang: str, query: str) -> list[str]:
        if lang not in done:
            done[lang] = search_many(home(lang), [q for language, q, _ in FOUND if language == lang])
        return done[lang][query]

    return answer


@pytest.mark.xdist_group("search_found")
@pytest.mark.parametrize("lang, query, pages", FOUND, ids=[q for _, q, _ in FOUND])
def test_held_out_queries_find_their_page(home, found, site, lang, query, pages):
    expected = [p for p in pages if (site / lang / p.rstrip("*")).is_dir()]
    if not expected:
        pytest.skip(f"{', '.join(pages)}: not written yet")
    results = [url.removeprefix(home(lang).url) for url in found(lang, query)][:TOP]
    hits = [r for r in results if any(r.startswith(p[:-1]) if p.endswith("*") else r == p for p in expected)]
    assert hits, f"{query!r} should find one of {expected} among the first {TOP} results, got {results}"


def test_words_the_reader_did_not_type_are_never_shown_missing(home):
    """Material lists a query's words that a result lacks ("Missing: ..."); the added ones are left out."""
    page = home("")
    assert search(page, "bce")
    missing = page.locator(".md-search-result__terms del").all_text_contents()
    assert not set(missing) & {"이진", "교차", "엔트로피"}, missing


# --- Typing Korean, one key at a time (bench.search_recall.typing) ---------------------------------------


def test_typing_shows_the_states_of_an_input_method():
    assert typing("교차") == ["ㄱ", "교", "굧", "교차"]
    assert typing("손실함수") == [
        "ㅅ",
        "소",
        "손",
        "손ㅅ",
        "손시",
        "손실",
        "손싫",
        "손실하",
        "손실함",
        "손실함ㅅ",
        "손실함수",
    ]
    assert typing("확률") == ["ㅎ", "호", "화", "확", "확ㄹ", "확류", "확률"]
    assert typing("손실 함수")[6:8] == ["손실 ", "손실 ㅎ"]


# Terms as the pages write them, and as readers type them without the space.
TYPED = ["손실 함수", "손실함수", "경사하강법", "교차엔트로피", "평균 제곱 오차", "확률적 경사 하강법", "배치정규화",
         "편향분산", "역전파", "드롭아웃", "레이블 스무딩", "합성곱 신경망"]  # fmt: skip


# Partial and composing Korean, other names, code, a letter alone and nothing to find: typed into the box, and
# asked of the search worker as the next test asks its hundred and fifty states (ask_the_worker).
BOTH_WAYS = ["손", "손실함", "역전ㅍ", "교차엔트", "객체 검출", "bce", "torch.optim.Adam", "ㄱ", "zzzq"]
FIRST_DRAWN = 10  # Material draws a list's first ten results, the rest as the reader scrolls


def test_the_box_lists_what_the_worker_answers(home):
    asked = ask_the_worker(home(""), BOTH_WAYS)
    typed = search_many(home(""), BOTH_WAYS)
    for query in BOTH_WAYS:
        assert typed[query] == asked[query][:FIRST_DRAWN], query
    assert any(len(pages) > FIRST_DRAWN for pages in asked.values()), "no query tried a list longer than the drawn"
    assert not asked["zzzq"] and asked["손"]


def test_results_never_go_empty_while_korean_is_typed(home, site):
    """From the first syllable on, every state of the box on the way to a term on the site finds something; the
    worker is asked (the box lists what it answers, as the test above checks)."""
    text = variant_key(" ".join(f"{doc['title']} {doc['text']}" for doc in _index(site)["docs"]))
    states = {}
    for term in TYPED:
        assert variant_key(term) in text, f"{term} is not on the site any more: choose another term"
        # a lone consonant is not a word yet
        states.update({state: term for state in typing(term) if re.search("[가-힣]", state)})
    answers = ask_the_worker(home(""), list(states))
    empty = [f"{state!r} (on the way to {term})" for state, term in states.items() if not answers[state]]
    assert not empty, "no results for:\n" + "\n".join(empty)


def test_the_box_reads_an_input_method_as_it_types(home):
    """Material searches on key-up; a fast typist's intermediate states are answered in order, never stuck."""
    page = home("")
    box = page.locator(SEARCH_INPUT)
    for state in typing("손실함수"):
        box.fill(state)
        box.dispatch_event("keyup")
    assert search(page, "손실함수")


@pytest.mark.xdist_group("search_reader")
def test_pages_with_the_typed_words_together_come_first(reader, home):
    """The worker reorders Material's groups by where the typed words occur together: a page's title, a section's
    title, the text, nowhere; Material's order within a tier; the glossary lifted only when it is what was typed."""
    reader("", "손실")  # loads search-reader.js into the page
    groups = [
        [{"location": "a/", "title": "A", "text": "배치 크기와 정규화"}],
        [{"location": "glossary/", "title": "용어집", "text": "<p>배치 정규화</p>"}],
        [{"location": "b/", "title": "B", "text": "<p>배치 정규화는</p>"}],
        [{"location": "c/#x", "title": "배치 정규화", "text": ""}],
        [{"location": "d/", "title": "배치 정규화", "text": ""}],
    ]
    order = "(args) => byPhrase(...args).map(group => group[0].location)"
    page = home("")
    assert page.evaluate(order, [groups, "배치정규화"]) == ["d/", "c/#x", "b/", "a/", "glossary/"]
    assert page.evaluate(order, [groups, "용어집"])[0] == "glossary/"
    assert page.evaluate(order, [groups, "정규화 배치"]) == [g[0]["location"] for g in groups], "no tier: as given"
    assert page.evaluate(order, [groups, "비용 함수", "배치 정규화"])[:2] == ["d/", "c/#x"], "the words given instead"
