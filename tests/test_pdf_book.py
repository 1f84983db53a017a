"""The PDF book of each language (scripts/pdf_book.py).

The parts that need no browser run in every suite: the book's navigation is the site's, a code block keeps its
text and indent line by line, and links go to the right chapter. Printing both books takes Chromium most of two
minutes, more than the suite has room for: the checks of the printed PDFs run with RUN_PDF_BOOK=1, as .ci/run and
the deploy workflow do.
"""

from __future__ import annotations

import html
import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import pdf_book  # noqa: E402

from tests.site_html import SITE_URL  # noqa: E402

LANGS = ["ko", "en"]


def _nav_titles(lang: str) -> list[str]:
    """Every title of mkdocs.yml's nav, parts and pages, in order, as the built site shows it in `lang`."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    translations = next(item for item in config["plugins"] if "i18n" in item)["i18n"]["languages"][1]
    titles: list[str] = []

    def walk(items):
        for item in items:
            if isinstance(item, dict):
                ((part, children),) = item.items()
                titles.append(part if lang == "ko" else translations["nav_translations"][part])
                walk(children)

    walk(config["nav"])
    return titles


def _flat(entries):
    return pdf_book._flatten(entries)


def test_the_footer_links_the_file_this_script_writes():
    footer = (ROOT / "overrides" / "partials" / "copyright.html").read_text(encoding="utf-8")
    assert pdf_book.pdf_name("{{ config.theme.language }}") in footer


@pytest.mark.parametrize("lang", LANGS)
def test_the_book_follows_the_sites_navigation(site, lang):
    entries = pdf_book.navigation(site, "" if lang == "ko" else f"{lang}/")
    parts = [entry.title for entry in _flat(entries) if entry.children]
    assert parts == _nav_titles(lang)
    pages = [entry.page for entry in _flat(entries) if entry.page is not None]
    built = sorted(
        str(path.parent.relative_to(site / ("" if lang == "ko" else lang)))
        for path in (site / ("" if lang == "ko" else lang)).rglob("index.html")
    )
    expected = sorted("" if p == "." else f"{p}/" for p in built if not p.startswith(("en", "search", "downloads")))
    assert sorted(page.removeprefix("" if lang == "ko" else f"{lang}/") for page in pages) == expected
    assert len(set(pages)) == len(pages), "a page twice"


def test_code_keeps_every_line_and_its_indent():
    code = (
        '<span class="k">def</span> <span class="nf">f</span>():\n'
        '    <span class="sd">"""Two\nlines."""</span>\n'
        "\n"
        '    <span class="k">return</span> x <span class="o">&lt;</span> 1\n'
    )
    lined = pdf_book.code_lines(code)
    lines = re.findall(
        r'<span class="book-line" style="padding-left:(\d+)ch;text-indent:-\1ch">(.*?)</span>(?=<span class="book-line"|$)',
        lined,
    )
    text = [html.unescape(re.sub(r"<[^>]+>", "", line)) for _, line in lines]
    assert text == ["def f():", '    """Two', 'lines."""', "", "    return x < 1"]
    # A wrapped line continues four characters deeper than the line itself starts.
    assert [int(hang) for hang, _ in lines] == [4, 8, 4, 4, 8]
    # Tags are closed at each line's end and reopened on the next, so every line is well formed.
    assert lined.count("<span") == lined.count("</span>")


def test_links_go_to_chapters_and_sections_or_online(site):
    slugs = {"en/loss/": "p-en-loss", "en/loss/regression/": "p-en-loss-regression", "en/": "p-en"}
    href = lambda url: pdf_book._book_href(url, "en/loss/", slugs, SITE_URL, site)  # noqa: E731
    assert href("regression/") == "#p-en-loss-regression"
    assert href("regression/#mse") == "#p-en-loss-regression--mse"
    assert href("#per-sample-losses") == "#p-en-loss--per-sample-losses"
    assert href("../") == "#p-en"
    assert href("../models/") == f"{SITE_URL}en/models/"  # a page this (reduced) book does not hold
    assert href("https://arxiv.org/abs/1512.03385") == "https://arxiv.org/abs/1512.03385"
    assert pdf_book.book_id("p-ko", "번역하기").isascii(), "PDF destination names stay ASCII"


# --- The printed books (RUN_PDF_BOOK=1) ----------------------------------------------------------------------


def printed(test):
    """A check of the printed books: opt-in, and all on one worker, which prints the books once."""
    skip = pytest.mark.skipif(
        not os.environ.get("RUN_PDF_BOOK"), reason="set RUN_PDF_BOOK=1: prints both books (2 min)"
    )
    return pytest.mark.xdist_group("pdf_book")(skip(test))


@pytest.fixture(scope="module")
def books(site):
    from tests.browser_support import launch_chromium

    with launch_chromium() as browser:
        return {lang: pdf_book.build(browser, site, lang, SITE_URL)[0] for lang in LANGS}


CONTINUED = "ai-ml-dl, continued"


@pytest.fixture(scope="module")
def first_sheets(books, site) -> dict[str, dict[str, str]]:
    """The text of the sheet each page of the book starts on, by page, as a PDF reader extracts it, and of the
    four sheets after ai-ml-dl's first (its code block). pypdf takes a while a sheet: not all 700 of them."""
    sheets = {}
    for lang, path in books.items():
        reader = _reader(path)
        landed = pdf_book.destinations(path.read_bytes())
        entries = [
            e for e in _flat(pdf_book.navigation(site, "" if lang == "ko" else f"{lang}/")) if e.page is not None
        ]
        sheets[lang] = {entry.title: reader.pages[landed[entry.slug] - 1].extract_text() for entry in entries}
        start = landed[pdf_book._slug(("" if lang == "ko" else f"{lang}/") + "ai-ml-dl/")]
        sheets[lang][CONTINUED] = "\n".join(reader.pages[n].extract_text() for n in range(start, start + 4))
    return sheets


def _reader(path: Path):
    from pypdf import PdfReader

    return PdfReader(io.BytesIO(path.read_bytes()))


def _outline_titles(items) -> list[str]:
    titles = []
    for item in items:
        titles += _outline_titles(item) if isinstance(item, list) else [item.title]
    return titles


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


@printed
@pytest.mark.parametrize("lang", LANGS)
def test_the_outline_lists_every_part_page_and_section(site, books, lang):
    entries = pdf_book.navigation(site, "" if lang == "ko" else f"{lang}/")
    outline = _outline_titles(_reader(books[lang]).outline)
    expected = []
    for entry in _flat(entries):
        expected.append(entry.title)
        if entry.page is not None:
            page = (site / pdf_book.page_path(entry.page)).read_text(encoding="utf-8")
            article = page.split('<article class="md-content__inner', 1)[1].split("</article>", 1)[0]
            expected += [
                html.unescape(re.sub(r"<[^>]+>", "", h2)).replace("¶", "").strip()
                for h2 in re.findall(r"<h2[^>]*\bid=[^>]*>(.*?)</h2>", article, re.S)
            ]
    assert [_squeeze(t) for t in outline] == [_squeeze(t) for t in expected]


@printed
@pytest.mark.parametrize("lang", LANGS)
def test_every_page_title_is_on_its_first_sheet_and_no_sheet_is_blank(books, first_sheets, lang):
    sheets = first_sheets[lang]
    missing = [title for title, text in sheets.items() if title != CONTINUED and _squeeze(title) not in _squeeze(text)]
    assert not missing, f"titles not on their page's first sheet: {missing}"
    assert not [title for title, text in sheets.items() if "\ufffd" in text], "a character the text layer lost"
    reader = _reader(books[lang])
    # Every sheet has its running header and its number. A sheet with few runs of text is read: with those two
    # lines taken away, something must be left. (Every sheet draws an XObject, so images tell nothing.)
    blank = []
    for number, page in enumerate(reader.pages, start=1):
        if len(re.findall(rb"T[Jj]\b", page.get_contents().get_data())) > 8:
            continue
        lines = [line.strip() for line in page.extract_text().splitlines() if line.strip()]
        if len([line for line in lines[1:] if line != str(number)]) == 0:
            blank.append(number)
    assert not blank, f"sheets with nothing but their header and number: {blank}"
    assert books[lang].stat().st_size <= 20 * 1024 * 1024


@printed
@pytest.mark.parametrize("lang", LANGS)
def test_fonts_are_embedded_and_spaces_read_back_as_spaces(books, first_sheets, lang):
    reader = _reader(books[lang])
    not_embedded, spaceless = set(), set()
    for page in reader.pages:
        for font in (page.get("/Resources", {}).get("/Font") or {}).values():
            font = font.get_object()
            for descendant in font.get("/DescendantFonts") or [font]:
                descriptor = descendant.get_object().get("/FontDescriptor")
                if descriptor is None or not any(
                    k in descriptor.get_object() for k in ("/FontFile", "/FontFile2", "/FontFile3")
                ):
                    not_embedded.add(str(font.get("/BaseFont")))
            # Nanum maps its space glyph to U+0001 in Chromium's text layer: book.css and the figures put a Latin
            # font first, so that no font the book uses has such an entry.
            if "/ToUnicode" in font and re.search(
                rb"<[0-9A-Fa-f]{4}>\s*<0001>", font["/ToUnicode"].get_object().get_data()
            ):
                spaceless.add(str(font.get("/BaseFont")))
    assert not not_embedded
    assert not spaceless, f"fonts whose space reads back as U+0001: {spaceless}"
    assert not [title for title, text in first_sheets[lang].items() if "\x01" in text]


@printed
@pytest.mark.parametrize("lang", LANGS)
def test_code_copied_from_the_pdf_runs(first_sheets, lang, tmp_path):
    """The text of a code block, as a PDF reader copies it, keeps its indent and runs, printing the page's output."""
    snippet = ROOT / "snippets" / "ai_ml_dl" / "xor_needs_layers.py"
    wanted = [line for line in snippet.read_text(encoding="utf-8").splitlines() if line.strip()]
    lines = first_sheets[lang][CONTINUED].splitlines()
    start = lines.index(wanted[0])
    copied = [line for line in lines[start:] if line.strip()][: len(wanted)]
    assert copied == wanted
    script = tmp_path / "copied.py"
    script.write_text("\n".join(copied) + "\n", encoding="utf-8")
    run = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stdout == snippet.with_suffix(".out").read_text(encoding="utf-8")


@printed
@pytest.mark.parametrize("lang", LANGS)
def test_links_between_pages_stay_inside_the_book(books, lang):
    reader = _reader(books[lang])
    inside = outside = 0
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            action = annotation.get("/A")
            if "/Dest" in annotation or (action is not None and action.get_object().get("/S") == "/GoTo"):
                inside += 1
            elif action is not None and action.get_object().get("/S") == "/URI":
                outside += 1
                assert not str(action.get_object()["/URI"]).startswith(
                    f"{SITE_URL}{'' if lang == 'ko' else 'en/'}loss/"
                ), "a page of the book linked online"
    assert inside > 300 and outside > 0
