"""Read the built site: every page, the resources each one loads, the links in it and its ids."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

# rel values that name a document without loading it.
NOT_LOADED = {"canonical", "alternate", "prev", "next", "search", "license", "author"}
# Root-relative URLs ("/deep-learning-basics/en/") start with the path of site_url, where the site is published.
_CONFIG = (Path(__file__).resolve().parent.parent / "mkdocs.yml").read_text(encoding="utf-8")
SITE_URL = re.search(r"^site_url:\s*(\S+)", _CONFIG, re.M)[1]
SITE_PATH = urlsplit(SITE_URL).path
REPO_URL = re.search(r"^repo_url:\s*(\S+)", _CONFIG, re.M)[1].rstrip("/")
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)")


@dataclass
class Page:
    path: Path
    loads: list[str] = field(default_factory=list)  # URLs the browser fetches when the page loads
    links: list[str] = field(default_factory=list)  # <a href>, fetched only when the reader clicks
    ids: set[str] = field(default_factory=set)
    description: str | None = None
    images_without_alt: list[str | None] = field(default_factory=list)  # their src


class _Parser(HTMLParser):
    def __init__(self, page: Page):
        super().__init__(convert_charrefs=True)
        self.page = page

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for key in ("id", "name"):
            if attrs.get(key) and (key == "id" or tag == "a"):
                self.page.ids.add(attrs[key])
        if tag == "a" and attrs.get("href"):
            self.page.links.append(attrs["href"])
        elif tag == "link" and attrs.get("href"):
            rel = set((attrs.get("rel") or "").split())
            (self.page.links if rel & NOT_LOADED else self.page.loads).append(attrs["href"])
        elif tag in {"script", "img", "iframe", "source", "video", "audio", "embed"}:
            for key in ("src", "data-src"):
                if attrs.get(key):
                    self.page.loads.append(attrs[key])
            for candidate in (attrs.get("srcset") or "").split(","):
                if candidate.strip():
                    self.page.loads.append(candidate.split()[0])
        if tag == "img" and not (attrs.get("alt") or "").strip():
            self.page.images_without_alt.append(attrs.get("src"))
        if tag == "meta" and attrs.get("name") == "description":
            self.page.description = attrs.get("content")
        if attrs.get("style"):
            self.page.loads.extend(CSS_URL.findall(attrs["style"]))

    def handle_data(self, data):
        if self.lasttag == "style":
            self.page.loads.extend(CSS_URL.findall(data))


@cache
def parse(path: Path) -> Page:
    page = Page(path)
    _Parser(page).feed(path.read_text(encoding="utf-8"))
    return page


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def is_external(url: str) -> bool:
    parts = urlsplit(url)
    return bool(parts.netloc) or parts.scheme not in ("", "data", "blob")


def resolve(site: Path, page: Path, url: str) -> tuple[Path | None, str]:
    """The file a same-site URL points to (None if it leaves the site), and its fragment."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return None, ""
    if not parts.path:
        return page, unquote(parts.fragment)
    if parts.path.startswith("/"):
        if not parts.path.startswith(SITE_PATH):
            return site / "__outside_the_site__", ""
        target = (site / unquote(parts.path[len(SITE_PATH) :])).resolve()
    else:
        target = (page.parent / unquote(parts.path)).resolve()
    if target.is_dir() or parts.path.endswith("/"):
        target = target / "index.html"
    return target, unquote(parts.fragment)
