"""How often the search box finds the right page: recall@1 and recall@5 per language, ours against Material's default.

    .venv/bin/python bench/search_recall.py                  # builds both sites (a minute or two)
    .venv/bin/python bench/search_recall.py --site /tmp/site --default-site /tmp/site_default
    .venv/bin/python bench/search_recall.py --misses         # also list the queries not answered first

Each query of bench/search_queries.yml is typed into the real search box of the language's home page in
headless Chromium (Debian's /usr/bin/chromium), and the pages of the results are compared with the pages
the query expects. "Material default" is the same site built with a bare `- search` entry, the i18n
plugin's own search handling and without hooks/search_languages.py, as the stack ships.
Not a test: it prints figures. The target is recall@5 of 95% or more in both languages.
"""

from __future__ import annotations

import argparse
import html
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.browser_support import launch_chromium, search, serve  # noqa: E402

QUERIES = REPO / "bench" / "search_queries.yml"
LANGUAGE_ROOT = {"ko": "", "en": "en/"}


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
    """Per language: (query, rank of the first hit or None, top five) for the queries whose pages exist
    in this site and in the sites compared with it, and the other queries."""
    outcome = {}
    with serve(site) as url:
        for lang, items in queries.items():
            page = browser.new_page()
            page.goto(url + LANGUAGE_ROOT[lang])
            ranked, pending = [], []
            for item in items:
                pages = expected_pages(site, lang, item)
                if not pages or not all(expected_pages(other, lang, item) for other in also_built):
                    pending.append(item["query"])
                    continue
                results = [result.removeprefix(url) for result in search(page, item["query"])]
                ranked.append((item["query"], first_hit(results, pages), results[:5]))
            page.close()
            outcome[lang] = {"ranked": ranked, "pending": pending}
    return outcome


def recall(ranked: list, k: int) -> float:
    return sum(1 for _, rank, _ in ranked if rank is not None and rank <= k) / len(ranked) if ranked else float("nan")


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
    counted = {lang: len(results["this project"][lang]["ranked"]) for lang in langs}
    print()
    print(f"{'':18}" + "".join(f"{names.get(lang, lang) + f' ({counted[lang]} queries)':>24}" for lang in langs))
    print(f"{'':18}" + "".join(f"{'recall@1':>14}{'recall@5':>10}" for _ in langs))
    for name, outcome in results.items():
        cells = "".join(
            f"{recall(outcome[lang]['ranked'], 1):>14.1%}{recall(outcome[lang]['ranked'], 5):>10.1%}" for lang in langs
        )
        print(f"{name:18}{cells}")
    for lang in langs:
        pending = results["this project"][lang]["pending"]
        if pending:
            print(f"\n{lang}: {len(pending)} queries not counted, their pages are not built yet: {', '.join(pending)}")
    if args.misses:
        print()
        for name, outcome in results.items():
            for lang in langs:
                for query, rank, top in outcome[lang]["ranked"]:
                    if rank is None or rank > 1:
                        print(f"[{name}] {lang} {query!r}: rank {rank}, top {top}")


if __name__ == "__main__":
    main()
