"""How often the search box finds the right page: recall@1 and recall@5 per language and kind of query, ours
against Material's default, and how long the first result takes to appear after a keystroke.

    .venv/bin/python bench/search_recall.py                  # builds both sites (a minute or two)
    .venv/bin/python bench/search_recall.py --site /tmp/site --default-site /tmp/site_default
    .venv/bin/python bench/search_recall.py --misses         # also list the queries not answered first

Each query of bench/search_queries.yml is typed into the real search box of the language's home page in
headless Chromium (Debian's, as the browser tests launch it), and the pages of the results are compared with the pages
the query expects. "Material default" is the same site built with a bare `- search` entry, the i18n
plugin's own search handling and without hooks/search_languages.py, as the stack ships.
Queries carry a `kind` (bench/search_queries.yml): the figures are given per kind, "existing" being the 80
queries of the first round, whose recall@1 must not fall. Latency is measured in the page: from the key-up
that Material searches on to the moment the first result (or "no results") is in the DOM, for each query, and
for each key of the Korean queries typed as a two-set input method shows them (손, 손ㅅ, 손시, 손실, 손싫, ...).
Not a test: it prints figures. The targets (issue #18): recall@5 of 95% or more for every kind, recall@1 of
85% or more overall, the first result within 50 ms of a keystroke.
"""

from __future__ import annotations

import argparse
import html
import os
import re
import statistics
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.browser_support import SEARCH_INPUT, SEARCH_META, launch_chromium, serve  # noqa: E402

QUERIES = REPO / "bench" / "search_queries.yml"
LANGUAGE_ROOT = {"ko": "", "en": "en/"}
EXISTING = "existing"  # the queries without a kind: the first round's benchmark
KINDS = [EXISTING, "translation", "spelling", "partial", "joined", "suffix", "abbreviation"]

# --- Korean as an input method types it ------------------------------------------------------------------

INITIALS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
FINALS = " ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ"
# Compound vowels and double finals are two keys: ㅘ = ㅗ ㅏ (vowel indices), ㄺ = ㄹ ㄱ (final indices).
VOWEL_KEYS = {9: (8, 9), 10: (8, 10), 11: (8, 11), 14: (13, 14), 15: (13, 15), 16: (13, 16), 19: (18, 19)}
FINAL_KEYS = {3: (1, 3), 5: (4, 5), 6: (4, 6), 9: (8, 9), 10: (8, 10), 11: (8, 11), 12: (8, 12), 13: (8, 13)}
FINAL_KEYS |= {14: (8, 14), 15: (8, 15), 18: (17, 18)}


def _syllable(initial: int, vowel: int, final: int = 0) -> str:
    return chr(0xAC00 + (initial * 21 + vowel) * 28 + final)


def _double_final(final: int, consonant: str) -> int | None:
    """The final that `final` becomes when the consonant key follows it (ㄹ + ㅎ -> ㅀ), or None."""
    parts = {3: "ㄱㅅ", 5: "ㄴㅈ", 6: "ㄴㅎ", 9: "ㄹㄱ", 10: "ㄹㅁ", 11: "ㄹㅂ", 12: "ㄹㅅ", 13: "ㄹㅌ"}
    parts |= {14: "ㄹㅍ", 15: "ㄹㅎ", 18: "ㅂㅅ"}
    return next((double for double, keys in parts.items() if keys == FINALS[final] + consonant), None)


def typing(text: str) -> list[str]:
    """What the search box holds after each key when a two-set (두벌식) input method types `text`.

    A consonant first joins the syllable before as its final (교 + ㅊ shows 굧; 실 + ㅎ shows 싫), and moves
    to the next syllable when a vowel follows (교차); a compound vowel or a double final takes two keys.
    """
    states, done = [], ""
    for char in text:
        code = ord(char) - 0xAC00
        if not 0 <= code < 11172:
            done += char
            states.append(done)
            continue
        initial, vowel, final = code // 588, code % 588 // 28, code % 28
        consonant = INITIALS[initial]
        previous = ord(done[-1]) - 0xAC00 if done else -1
        if 0 <= previous < 11172:
            p_initial, p_vowel, p_final = previous // 588, previous % 588 // 28, previous % 28
            joined = FINALS.find(consonant) if p_final == 0 else _double_final(p_final, consonant)
            if joined and joined > 0:
                states.append(done[:-1] + _syllable(p_initial, p_vowel, joined))
            else:
                states.append(done + consonant)
        else:
            states.append(done + consonant)
        for key in VOWEL_KEYS.get(vowel, (vowel,)):
            states.append(done + _syllable(initial, key))
        for key in FINAL_KEYS.get(final, (final,) if final else ()):
            states.append(done + _syllable(initial, vowel, key))
        done += char
    return states


# Type a query as Material's search box receives it (its value, then a key-up) and time, inside the page, how
# long until the result list shows the answer: a first result, or the "no results" line. The box is emptied
# first and the placeholder awaited, so the answer read belongs to this query.
TIMED_SEARCH = """async ([query, input, meta]) => {
    const box = document.querySelector(input), info = document.querySelector(meta);
    const list = document.querySelector(".md-search-result__list");
    const config = JSON.parse(document.getElementById("__config").textContent);
    const placeholder = config.translations["search.result.placeholder"];
    const none = config.translations["search.result.none"];
    const until = (test, timeout = 15000) => new Promise((resolve, reject) => {
        if (test()) return resolve();
        const observer = new MutationObserver(() => { if (test()) { observer.disconnect(); resolve(); } });
        observer.observe(info.parentElement, { childList: true, subtree: true, characterData: true });
        setTimeout(() => { observer.disconnect(); reject(new Error("no answer for " + query)); }, timeout);
    });
    box.focus();
    box.value = "";
    box.dispatchEvent(new KeyboardEvent("keyup"));
    await until(() => info.textContent.trim() === placeholder);
    await new Promise(resolve => setTimeout(resolve, 20));
    box.value = query;
    const start = performance.now();
    box.dispatchEvent(new KeyboardEvent("keyup"));
    await until(() => list.children.length > 0 || info.textContent.trim() === none);
    const elapsed = performance.now() - start;
    const pages = [...list.children].map(item =>
        item.querySelector("a.md-search-result__link").href.split("#")[0].split("?")[0]);
    return [pages, elapsed];
}"""


def build(config: Path, site: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)]
    result = subprocess.run(command, capture_output=True, text=True, env=env, cwd=REPO)
    if result.returncode:
        sys.exit(f"build failed ({config.name}):\n{result.stdout}{result.stderr}")


def default_config() -> str:
    """mkdocs.yml with the search settings of a bare install: `- search`, no search hook, i18n's merging."""
    text = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    text, plugin = re.subn(r"^  - search:\n(?:      .*\n)+", "  - search\n", text, flags=re.M)
    text, hook = re.subn(r"^  - hooks/search_languages\.py\n", "", text, flags=re.M)
    text = re.sub(r"^      reconfigure_search: .*\n", "", text, flags=re.M)
    if not (plugin and hook):
        sys.exit("mkdocs.yml changed shape: cannot find the search plugin's options or the search hook")
    return text


def expected_pages(site: Path, lang: str, item: dict) -> list[str]:
    """The pages that answer a query and exist in this build, as paths under the site root ("en/loss/").
    A chapter ("optimization/*") keeps its star and stands for any page in it."""
    root = LANGUAGE_ROOT[lang]
    if "uses" in item:
        return sorted(
            path
            for path in pages_of(site, lang)
            if item["uses"] in html.unescape(re.sub(r"<[^>]+>", "", read_article(site / path / "index.html")))
        )
    pages = []
    for page in item["expect"]:
        path = root + ("" if page == "/" else page)
        if page.endswith("/*"):
            if (site / path[:-1]).is_dir():
                pages.append(path)
        elif (site / path / "index.html").is_file():
            pages.append(path)
    return pages


def pages_of(site: Path, lang: str) -> list[str]:
    """Every page of a language, as its path under the site root."""
    root = site / LANGUAGE_ROOT[lang]
    pages = []
    for index in root.rglob("index.html"):
        path = index.parent.relative_to(site).as_posix() + "/"
        path = "" if path == "./" else path
        if lang == "ko" and path.startswith(tuple(f"{other}" for other in LANGUAGE_ROOT.values() if other)):
            continue
        pages.append(path)
    return pages


def read_article(page: Path) -> str:
    text = page.read_text(encoding="utf-8")
    start = text.find("<article")
    return text[start : text.find("</article>", start)] if start >= 0 else ""


def first_hit(results: list[str], pages: list[str]) -> int | None:
    """1-based rank of the first result that is one of the pages, or None."""
    for rank, result in enumerate(results, 1):
        if any(result.startswith(page[:-1]) if page.endswith("*") else result == page for page in pages):
            return rank
    return None


def run(site: Path, queries: dict, browser, also_built: list[Path]) -> dict:
    """Per language: (query, kind, rank of the first hit or None, top five) for the queries whose pages exist
    in this site and in the sites compared with it, the other queries, and each query's latency in ms."""
    outcome = {}
    with serve(site) as url:
        for lang, items in queries.items():
            page = browser.new_page()
            page.goto(url + LANGUAGE_ROOT[lang])
            ranked, pending, latency = [], [], []
            for item in items:
                pages = expected_pages(site, lang, item)
                if not pages or not all(expected_pages(other, lang, item) for other in also_built):
                    pending.append(item["query"])
                    continue
                found, elapsed = page.evaluate(TIMED_SEARCH, [item["query"], SEARCH_INPUT, SEARCH_META])
                results = [result.removeprefix(url) for result in found]
                ranked.append((item["query"], item.get("kind", EXISTING), first_hit(results, pages), results[:5]))
                latency.append(elapsed)
            keys = []
            for item in items if lang == "ko" else []:
                for state in typing(item["query"]):
                    if re.search("[가-힣]", state):
                        keys.append(page.evaluate(TIMED_SEARCH, [state, SEARCH_INPUT, SEARCH_META])[1])
            page.close()
            outcome[lang] = {"ranked": ranked, "pending": pending, "latency": latency, "keys": keys}
    return outcome


def recall(ranked: list, k: int) -> float:
    hits = sum(1 for _, _, rank, _ in ranked if rank is not None and rank <= k)
    return hits / len(ranked) if ranked else float("nan")


def by_kind(ranked: list) -> dict[str, list]:
    groups = defaultdict(list)
    for entry in ranked:
        groups[entry[1]].append(entry)
    return {kind: groups[kind] for kind in KINDS + sorted(set(groups) - set(KINDS)) if groups[kind]}


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a build of this repository to use instead of building one")
    parser.add_argument("--default-site", type=Path, help="a build with Material's default search settings")
    parser.add_argument("--queries", type=Path, default=QUERIES)
    parser.add_argument("--misses", action="store_true", help="list the queries whose page is not the first result")
    args = parser.parse_args()
    queries = yaml.safe_load(args.queries.read_text(encoding="utf-8"))

    with tempfile.TemporaryDirectory(prefix="search-recall-") as temp:
        temp = Path(temp)
        site = args.site
        if site is None:
            site = temp / "site"
            print("building the site ...", flush=True)
            build(REPO / "mkdocs.yml", site)
        default_site = args.default_site
        if default_site is None:
            default_site = temp / "site-default"
            # Next to mkdocs.yml, so that its relative paths (docs/, hooks/, snippets/) resolve the same.
            config = REPO / f".mkdocs-default-search-{os.getpid()}.yml"
            config.write_text(default_config(), encoding="utf-8")
            print("building the site with Material's default search ...", flush=True)
            try:
                build(config, default_site)
            finally:
                config.unlink()

        try:
            with launch_chromium() as browser:
                results = {
                    "this project": run(site, queries, browser, [default_site]),
                    "Material default": run(default_site, queries, browser, [site]),
                }
        except RuntimeError as error:  # no Chromium, or no Playwright: say how to get it
            sys.exit(str(error))

    langs = list(queries)
    names = {"ko": "Korean", "en": "English"}
    sites = list(results)
    cell = lambda ranked: f"{recall(ranked, 1):>7.1%} / {recall(ranked, 5):<7.1%}"  # noqa: E731
    for lang in langs:
        ours = results[sites[0]][lang]["ranked"]
        print(f"\n{names.get(lang, lang)}: recall@1 / recall@5 ({len(ours)} queries)")
        print(f"{'kind':14}{'queries':>8}" + "".join(f"{name:>20}" for name in sites))
        kinds = {name: by_kind(results[name][lang]["ranked"]) for name in sites}
        for kind, entries in kinds[sites[0]].items():
            print(f"{kind:14}{len(entries):>8}" + "".join(f"{cell(kinds[name][kind]):>20}" for name in sites))
        new = [entry for entry in ours if entry[1] != EXISTING]
        if new:
            print(
                f"{'new, all kinds':14}{len(new):>8}"
                + "".join(
                    f"{cell([e for e in results[name][lang]['ranked'] if e[1] != EXISTING]):>20}" for name in sites
                )
            )
        print(f"{'all':14}{len(ours):>8}" + "".join(f"{cell(results[name][lang]['ranked']):>20}" for name in sites))
    print("\nms from key-up to the first result (or 'no results') in the page: median / 95th percentile / max")
    for name in sites:
        cells = []
        for lang in langs:
            times = results[name][lang]["latency"]
            cells.append(
                f"{names.get(lang, lang)} {statistics.median(times):.0f} / {percentile(times, 0.95):.0f} / "
                f"{max(times):.0f}"
                if times
                else f"{names.get(lang, lang)} -"
            )
        print(f"{name:18}" + "    ".join(cells))
    for name in sites:
        keys = [ms for lang in langs for ms in results[name][lang]["keys"]]
        if keys:
            print(
                f"{name:18}Korean typed key by key ({len(keys)} keys): {statistics.median(keys):.0f} / "
                f"{percentile(keys, 0.95):.0f} / {max(keys):.0f}, {sum(ms <= 50 for ms in keys) / len(keys):.1%} within 50 ms"
            )
    for lang in langs:
        pending = results[sites[0]][lang]["pending"]
        if pending:
            print(f"\n{lang}: {len(pending)} queries not counted, their pages are not built yet: {', '.join(pending)}")
    if args.misses:
        print()
        for name, outcome in results.items():
            for lang in langs:
                for query, kind, rank, top in outcome[lang]["ranked"]:
                    if rank is None or rank > 1:
                        print(f"[{name}] {lang} {kind} {query!r}: rank {rank}, top {top}")


if __name__ == "__main__":
    main()
