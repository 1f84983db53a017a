"""The offline copy: the built site as one zip that works opened from disk (file://), with no server and no network.

`mkdocs build` writes `site/downloads/deep-learning-basics-offline.zip`; every page links to it from its footer
(overrides/partials/copyright.html). `mkdocs serve` skips it. The zip holds both languages under one folder, so the
language switch works, and each page is the built page with four changes, the work Material's offline plugin does
for a one-language site:
- links to a folder name its `index.html` (`../loss/` -> `../loss/index.html`): from disk, a folder is no page;
- search reads `search/search_index.js` (Material loads it with a script tag from file://) instead of the JSON,
  one per language, its locations rewritten the same way;
- the search worker runs in an iframe (assets/javascripts/vendor/iframe-worker-shim.js), because Chromium refuses
  Web Workers from file://;
- the links that only make sense online go: the canonical URL, og:url, and the editions' download links.
Links out of the site (source, edit, licences, Colab) stay as they are.
"""

from __future__ import annotations

import json
import posixpath
import re
import zipfile
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.plugins import event_priority

ZIP_NAME = "deep-learning-basics-offline.zip"
FOLDER = "deep-learning-basics"  # the one folder the zip unpacks to
DOWNLOADS = "downloads"
SHIM = "assets/javascripts/vendor/iframe-worker-shim.js"
LEFT_OUT = {"sitemap.xml", "sitemap.xml.gz", "404.html"}  # online-only files; a missing file shows the browser's page
FIXED_TIME = (2020, 1, 1, 0, 0, 0)  # the same site gives the same zip

URL_ATTRIBUTE = re.compile(r'\b(href|src)="([^"]*)"')
ONLINE_ONLY = re.compile(
    r'\s*<link rel="canonical"[^>]*>|\s*<meta property="og:url"[^>]*>'
    r'|\s*<div class="md-copyright__editions">.*?</div>',
    re.S,
)
BUNDLE = re.compile(r'<script src="([^"]*)assets/javascripts/bundle\.[0-9a-f]+\.min\.js"></script>')

_command = {"name": None}


def on_startup(command, dirty):
    _command["name"] = command


def offline_url(url: str, page: str = "index.html", site_path: str = "/") -> str:
    """A link within the site as it must read from disk, from the page `page` (its path in the site): a folder
    becomes its index.html, and a root-relative URL (`site_path` is where the site is published) a relative one."""
    if not url or url.startswith(("#", "data:", "mailto:", "javascript:", "//")) or "://" in url:
        return url
    path, hash_mark, fragment = url.partition("#")
    path, question_mark, query = path.partition("?")
    if path.startswith(site_path):
        start = posixpath.dirname(page) or "."
        path = posixpath.relpath(path[len(site_path) :] or ".", start) + ("/" if path.endswith("/") else "")
    if path.split("/")[-1] in (".", ".."):
        path += "/"
    if path.endswith("/"):
        path += "index.html"
    elif path == "":
        return url
    return path + question_mark + query + hash_mark + fragment


def offline_page(html: str, page: str, site_path: str) -> str:
    html = ONLINE_ONLY.sub("", html)
    html = URL_ATTRIBUTE.sub(lambda m: f'{m[1]}="{offline_url(m[2], page, site_path)}"', html)
    # The shim, from the same folder the bundle comes from, before the bundle creates the search worker.
    return BUNDLE.sub(lambda m: f'<script src="{m[1]}{SHIM}"></script>\n    {m[0]}', html, count=1)


def offline_index(index_json: str) -> str:
    index = json.loads(index_json)
    for doc in index["docs"]:
        location = doc["location"]  # relative to the language's root; "" and "#part" are its home page
        doc["location"] = "index.html" + location if location[:1] in ("", "#") else offline_url(location)
    return "var __index = " + json.dumps(index, ensure_ascii=False, separators=(",", ":"))


def write_offline_copy(site: Path, target: Path, site_path: str) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive:

        def add(name: str, data: bytes) -> None:
            info = zipfile.ZipInfo(f"{FOLDER}/{name}", date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)

        for path in sorted(site.rglob("*")):
            name = path.relative_to(site).as_posix()
            if not path.is_file() or name.split("/")[0] == DOWNLOADS or name in LEFT_OUT or name.endswith(".map"):
                continue
            if path.suffix == ".html":
                add(name, offline_page(path.read_text(encoding="utf-8"), name, site_path).encode("utf-8"))
            elif path.name == "search_index.json":
                add(name[: -len(".json")] + ".js", offline_index(path.read_text(encoding="utf-8")).encode("utf-8"))
            else:
                add(name, path.read_bytes())


@event_priority(-300)  # after hooks/search_languages.py (-200) has written the index of each language
def on_post_build(config):
    i18n = config.plugins.get("i18n")
    if _command["name"] == "serve" or (i18n is not None and getattr(i18n, "building", False)):
        return  # not on every live reload; and only once every language is built
    site = Path(config.site_dir)
    site_path = urlsplit(config.site_url or "/").path or "/"
    write_offline_copy(site, site / DOWNLOADS / ZIP_NAME, site_path.rstrip("/") + "/")
