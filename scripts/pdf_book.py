"""The PDF book of each language, printed by Chromium from the built site.

    .venv/bin/python scripts/pdf_book.py            # after `mkdocs build`: site/downloads/deep-learning-basics-<lang>.pdf
    .venv/bin/python scripts/pdf_book.py --site DIR --lang en

Every page of the navigation, in its order, becomes one chapter of one HTML document, styled by the site's own CSS
and a print stylesheet (book.css beside this script), and Chromium prints it through Playwright:
- a cover (title, version, licence) and a table of contents with page numbers;
- each page starts a new sheet; running header with its title, footer with the page number (CSS named pages and
  page-margin boxes, which Chromium prints);
- both tabs of every NumPy/PyTorch pair, one after the other, each under its label; solutions and other folded
  blocks open; labs with their outputs; footnotes and the glossary;
- links between pages become links inside the PDF; links out of the book (source, Colab, downloads) go online;
- long code lines wrap, marked by an indent, and never run off the page;
- PDF bookmarks follow the navigation: part, page, section.
The contents' page numbers come from a first print (the destinations Chromium writes for each link target); the
second print carries them, and the script checks that no page moved between the two.
"""

from __future__ import annotations

import argparse
import base64
import datetime
import hashlib
import html
import logging
import posixpath
import re
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup, Tag
from pypdf.generic import NameObject, TextStringObject

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.browser_support import launch_chromium  # noqa: E402

logging.getLogger("pypdf").setLevel(logging.ERROR)  # Chromium's files make it warn about their trailer size
BOOK_CSS = Path(__file__).with_name("book.css")
DOWNLOADS = "downloads"
WORKING_FILE = "_book-{lang}.html"  # printed from the site's root, so every relative resource resolves; then removed
TEXT = {
    "ko": {"contents": "차례", "version": "판", "online": "온라인"},
    "en": {"contents": "Contents", "version": "Edition", "online": "Online"},
}


def pdf_name(lang: str) -> str:
    return f"deep-learning-basics-{lang}.pdf"


@dataclass
class Entry:
    """One item of the navigation: a part (no page) or a page, with its children."""

    title: str
    page: str | None = None  # the page's path in the site, "en/loss/" or "" for the home page
    children: list[Entry] = field(default_factory=list)
    slug: str = ""


def _slug(page: str) -> str:
    return "p-" + (re.sub(r"[^a-z0-9]+", "-", page.lower()).strip("-") or "home")


def navigation(site: Path, lang_root: str) -> list[Entry]:
    """The primary navigation of the language's home page, as a tree of entries."""
    home = BeautifulSoup((site / lang_root / "index.html").read_text(encoding="utf-8"), "html.parser")
    nav = home.select_one("nav.md-nav--primary > ul.md-nav__list")

    def page_of(href: str) -> str:
        """A link of the home page's navigation as a page's path in the site: "en/loss/", or "" for the root."""
        path = posixpath.normpath(posixpath.join(lang_root or ".", href))
        return "" if path == "." else f"{path}/"

    def walk(items: Tag) -> list[Entry]:
        entries = []
        for item in items.find_all("li", class_="md-nav__item", recursive=False):
            nested = item.find("nav", class_="md-nav", recursive=False)
            if nested is None:
                link = item.find("a", class_="md-nav__link", recursive=False)
                title = link.select_one(".md-ellipsis").get_text(" ", strip=True)
                entries.append(Entry(title, page_of(link["href"])))
                continue
            label = item.find("label", class_="md-nav__link", recursive=False) or item.select_one(
                ".md-nav__container > a.md-nav__link"
            )
            title = label.select_one(".md-ellipsis").get_text(" ", strip=True)
            index = item.select_one(":scope > .md-nav__container > a.md-nav__link")
            entry = Entry(title, page_of(index["href"]) if index else None)
            entry.children = walk(nested.find("ul", class_="md-nav__list", recursive=False))
            entries.append(entry)
        return entries

    entries = walk(nav)
    for entry in _flatten(entries):
        entry.slug = _slug(entry.page) if entry.page is not None else ""
    return entries


def _flatten(entries: list[Entry]) -> list[Entry]:
    out = []
    for entry in entries:
        out.append(entry)
        out += _flatten(entry.children)
    return out


def book_id(slug: str, anchor: str) -> str:
    """A page's id inside the book: the page's slug first, so ids of different pages never meet; ASCII only,
    because Chromium writes an id into the PDF's destination names, which readers decode differently."""
    if not re.fullmatch(r"[A-Za-z0-9_.:-]+", anchor):
        anchor = "h" + hashlib.sha1(anchor.encode("utf-8")).hexdigest()[:10]
    return f"{slug}--{anchor}"


def page_path(page: str) -> str:
    return f"{page}index.html"


def _book_href(url: str, page: str, slugs: dict[str, str], site_url: str, site: Path) -> str:
    """Where a link of `page` points in the book: a chapter or a part of it, or the online site."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or url.startswith(("mailto:", "data:")):
        return url
    if not parts.path:
        return f"#{book_id(slugs[page], unquote(parts.fragment))}" if parts.fragment else f"#{slugs[page]}"
    target = posixpath.normpath(posixpath.join(page or ".", unquote(parts.path)))
    key = "" if target == "." else f"{target}/"  # as a page of the book would be named
    if key in slugs:
        anchor = unquote(parts.fragment)
        return f"#{book_id(slugs[key], anchor)}" if anchor else f"#{slugs[key]}"
    online = site_url + ("" if target == "." else target) + ("/" if (site / target).is_dir() and target != "." else "")
    return online + (f"#{parts.fragment}" if parts.fragment else "")


# Markdown's blocks are <pre><code>; the labs' cells and outputs (nbconvert) are <pre> alone.
CODE_BLOCK = re.compile(r"(<pre\b[^>]*>(?:<span></span>)?(?:\s*<code\b[^>]*>)?)(.*?)((?:</code>\s*)?</pre>)", re.S)
MARKUP = re.compile(r"(<[^>]+>|\n)")
VOID = re.compile(r"<(br|img|input|wbr)\b|/>$")


def code_lines(code: str) -> str:
    """The HTML inside a <code> block, one block element per line, tags closed and reopened at each line end. A
    line too long for the page wraps, and its continuation sits 4 characters deeper than the line's own indent."""
    lines, current, open_tags = [], "", []

    def closed(line: str) -> str:
        return line + "".join(f"</{tag.split()[0][1:].rstrip('>')}>" for tag in reversed(open_tags))

    for piece in MARKUP.split(code):
        if piece == "\n":
            lines.append(closed(current))
            current = "".join(open_tags)
        elif piece.startswith("</"):
            open_tags.pop()
            current += piece
        elif piece.startswith("<") and not VOID.search(piece):
            open_tags.append(piece)
            current += piece
        else:
            current += piece
    if MARKUP.sub("", current):
        lines.append(closed(current))
    out = []
    for line in lines:
        text = html.unescape(MARKUP.sub("", line))
        hang = len(text) - len(text.lstrip(" ")) + 4
        out.append(f'<span class="book-line" style="padding-left:{hang}ch;text-indent:-{hang}ch">{line}</span>')
    return "".join(out)


def figure_for_print(svg: Path) -> str:
    """A figure as a data URL whose text starts with a Latin font, for the reason book.css gives: from Nanum, its
    spaces would read back as U+0001. Hangul still comes from the fonts after it."""
    text = svg.read_text(encoding="utf-8").replace("font-family: ", "font-family: 'Liberation Sans', 'DejaVu Sans', ")
    return "data:image/svg+xml;base64," + base64.b64encode(text.encode("utf-8")).decode("ascii")


def chapter_html(site: Path, entry: Entry, slugs: dict[str, str], site_url: str) -> tuple[str, list[tuple[str, str]]]:
    """The article of a page made into a chapter: ids made unique, links pointed into the book, tabs and folds
    opened. Returns the HTML and the chapter's sections (id, title) for the contents and the bookmarks."""
    source = BeautifulSoup((site / page_path(entry.page)).read_text(encoding="utf-8"), "html.parser")
    article = source.select_one("article.md-content__inner")
    for unwanted in article.select(
        "a.headerlink, .md-content__button, aside.md-source-file, .md-source-file, form, script, .md-feedback"
    ):
        unwanted.decompose()
    for element in article.find_all(id=True):
        element["id"] = book_id(entry.slug, element["id"])
    for label in article.find_all("label", attrs={"for": True}):
        label["for"] = book_id(entry.slug, label["for"])
    for link in article.find_all("a", href=True):
        link["href"] = _book_href(link["href"], entry.page, slugs, site_url, site)
    page_dir = posixpath.dirname(page_path(entry.page))
    for image in article.find_all(["img", "source"], src=True):
        if not urlsplit(image["src"]).scheme and not image["src"].startswith("/"):
            image["src"] = posixpath.normpath(posixpath.join(page_dir, image["src"]))
            if image["src"].endswith(".svg"):
                image["src"] = figure_for_print(site / image["src"])
    for folded in article.find_all("details"):
        folded["open"] = ""
    for tabs in article.select("div.tabbed-set"):
        labels = [label.get_text(" ", strip=True) for label in tabs.select(":scope > .tabbed-labels > label")]
        blocks = tabs.select(":scope > .tabbed-content > .tabbed-block")
        opened = source.new_tag("div", attrs={"class": "book-tabs"})
        for label, block in zip(labels, blocks):
            caption = source.new_tag("p", attrs={"class": "book-tab-label"})
            caption.string = label
            opened.append(caption)
            opened.append(block.extract())
        tabs.replace_with(opened)
    h1 = article.find("h1")
    if h1 is not None:
        h1["id"] = entry.slug
    sections = [(h2["id"], h2.get_text(" ", strip=True)) for h2 in article.find_all("h2", id=True)]
    styles = "".join(str(style) for style in source.select("body > style"))  # the article's own come with it
    body = article.decode_contents()  # str() of a comment would print its text
    # On the serialised HTML: BeautifulSoup would collapse the indent of a line that starts with a tag.
    body = CODE_BLOCK.sub(lambda m: m[1] + code_lines(m[2]) + m[3], body)
    return styles + body, sections


def stylesheets(site: Path, entries: list[Entry]) -> list[str]:
    """Every stylesheet the pages link, as paths from the site's root, once each, in order."""
    found: list[str] = []
    for entry in entries:
        page = page_path(entry.page)
        text = (site / page).read_text(encoding="utf-8")
        for href in re.findall(r'<link rel="stylesheet" href="([^"]+)"', text):
            path = posixpath.normpath(posixpath.join(posixpath.dirname(page), href))
            if path not in found:
                found.append(path)
    return found


def version() -> str:
    """The git tag or, without one, the date of the last commit (a copy without git: today)."""
    for command in (["git", "describe", "--tags", "--exact-match"], ["git", "log", "-1", "--format=%cs"]):
        result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
        if result.returncode == 0 and result.stdout.strip():
            return result.stdout.strip()
    return datetime.date.today().isoformat()


_chapters: dict[tuple[Path, str], tuple[str, list]] = {}


def book_html(
    site: Path, lang: str, site_url: str, numbers: dict[str, int] | None
) -> tuple[str, list[Entry], dict, str]:
    lang_root = "" if lang == "ko" else f"{lang}/"
    entries = navigation(site, lang_root)
    pages = [entry for entry in _flatten(entries) if entry.page is not None]
    slugs = {entry.page: entry.slug for entry in pages}
    home = BeautifulSoup((site / page_path(lang_root)).read_text(encoding="utf-8"), "html.parser")
    title = home.select_one("meta[property='og:site_name']")["content"]
    text = TEXT[lang]
    chapters, sections, named_pages = [], {}, []
    for number, entry in enumerate(pages):
        key = (site, entry.page)
        if key not in _chapters:  # the same in every print of the book; only the contents change
            _chapters[key] = chapter_html(site, entry, slugs, site_url)
        body, sections[entry.slug] = _chapters[key]
        named_pages.append(f'@page c{number} {{ @top-center {{ content: "{_css_string(entry.title)}" }} }}')
        chapters.append(
            f'<section class="book-chapter" style="page: c{number}">'
            f'<article class="md-content__inner md-typeset">{body}</article></section>'
        )

    def number(anchor: str) -> str:
        return str(numbers[anchor]) if numbers else "000"  # the same width in both prints

    def contents(items: list[Entry], depth: int) -> str:
        rows = []
        for entry in items:
            if entry.page is None:
                rows.append(f'<li class="book-toc-part">{html.escape(entry.title)}')
            else:
                rows.append(
                    f'<li class="book-toc-page"><a href="#{entry.slug}"><span>{html.escape(entry.title)}</span>'
                    f'<span class="book-toc-number">{number(entry.slug)}</span></a>'
                )
            if entry.page is not None and sections.get(entry.slug):
                rows.append('<ol class="book-toc-sections">')
                for anchor, name in sections[entry.slug]:
                    rows.append(
                        f'<li><a href="#{anchor}"><span>{html.escape(name)}</span>'
                        f'<span class="book-toc-number">{number(anchor)}</span></a></li>'
                    )
                rows.append("</ol>")
            if entry.children:
                rows.append(f'<ol class="book-toc-level-{depth + 1}">{contents(entry.children, depth + 1)}</ol>')
            rows.append("</li>")
        return "".join(rows)

    css = "".join(f'<link rel="stylesheet" href="{path}">' for path in stylesheets(site, pages))
    document = f"""<!doctype html>
<html lang="{lang}"><head><meta charset="utf-8"><title>{html.escape(title)}</title>{css}
<style>{BOOK_CSS.read_text(encoding="utf-8")}
{"".join(named_pages)}</style></head>
<body class="book" data-md-color-scheme="default">
<section class="book-cover"><h1 class="book-title">{html.escape(title)}</h1>
<p class="book-subtitle">{html.escape(home.select_one("meta[name='description']")["content"])}</p>
<p class="book-version">{text["version"]}: {html.escape(version())}</p>
<p class="book-licence">{home.select_one(".md-copyright__highlight").decode_contents().strip()}<br>{text["online"]}: <a href="{site_url}{lang_root}">{site_url}{lang_root}</a></p>
</section>
<nav class="book-toc"><h1>{text["contents"]}</h1><ol class="book-toc-level-0">{contents(entries, 0)}</ol></nav>
{"".join(chapters)}
</body></html>"""
    return document, entries, sections, title


def _css_string(value: str) -> str:
    return value.replace("\\", "\\\\").replace('"', '\\"')


def print_pdf(browser, site: Path, document: str, lang: str) -> bytes:
    working = site / WORKING_FILE.format(lang=lang)
    working.write_text(document, encoding="utf-8")
    try:
        page = browser.new_page()
        page.goto(working.as_uri(), wait_until="load")
        pdf = page.pdf(format="A4", print_background=True, prefer_css_page_size=True)
        page.close()
        return pdf
    finally:
        working.unlink()


def destinations(pdf: bytes) -> dict[str, int]:
    """The page number (1-based) of every named destination Chromium wrote, one per link target."""
    import io

    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf))
    return {
        name.lstrip("/"): reader.get_destination_page_number(dest) + 1
        for name, dest in reader.named_destinations.items()
    }


def add_outline(
    pdf: bytes, entries: list[Entry], sections: dict, numbers: dict[str, int], title: str, lang: str
) -> bytes:
    """Bookmarks that follow the navigation (part, page, section), and the document's title and language."""
    import io

    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))

    def first_page(entry: Entry) -> int:
        return numbers[entry.slug] if entry.page is not None else first_page(entry.children[0])

    def add(items: list[Entry], parent) -> None:
        for entry in items:
            item = writer.add_outline_item(title=entry.title, page_number=first_page(entry) - 1, parent=parent)
            if entry.page is not None:
                for anchor, name in sections.get(entry.slug, []):
                    writer.add_outline_item(title=name, page_number=numbers[anchor] - 1, parent=item)
            add(entry.children, item)

    add(entries, None)
    writer.add_metadata({"/Title": title})
    writer._root_object[NameObject("/Lang")] = TextStringObject(lang)
    writer.page_mode = "/UseOutlines"
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def build(browser, site: Path, lang: str, site_url: str) -> tuple[Path, int]:
    """Print the book of `lang` until its contents' page numbers are the pages the chapters landed on."""
    numbers = None
    for _ in range(3):
        document, entries, sections, title = book_html(site, lang, site_url, numbers)
        pdf = print_pdf(browser, site, document, lang)
        landed = destinations(pdf)
        if numbers is not None and all(landed.get(anchor) == page for anchor, page in numbers.items()):
            break
        numbers = landed
    else:
        raise RuntimeError(f"{lang}: the contents' page numbers did not settle in three prints")
    target = site / DOWNLOADS / pdf_name(lang)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(add_outline(pdf, entries, sections, numbers, title, lang))
    return target, len(numbers)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--lang", action="append", choices=sorted(TEXT), help="default: every language")
    args = parser.parse_args()
    site_url = re.search(r"^site_url:\s*(\S+)", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M)[1]
    with launch_chromium() as browser:
        for lang in args.lang or sorted(TEXT):
            start = time.perf_counter()
            target, anchors = build(browser, args.site, lang, site_url)
            print(f"{target}: {target.stat().st_size / 1e6:.1f} MB, {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    main()
