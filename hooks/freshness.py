"""Tell readers of a translation when its original has changed since it was translated.

A translated page (every language but the default one) records in its front matter which version of the
original it was translated from: `translated_from: <source_hash(original)>`, the first 12 hex digits of the
SHA-256 of the original page's text. When the original (docs/<default language>/<same path>) no longer has
that hash, the built page gets a warning banner under its title, in the reader's language, linking to the
original. `scripts/translations.py status` lists such pages and `mark-fresh` records a new hash.
A page without `translated_from` gets no banner; the status command and tests/test_translations.py list it.
Labs work alike: a translated notebook records the version of the original notebook's file in its metadata
(`"translated_from"`), and its page gets the same banner, as HTML, since a notebook has no Markdown to add to.
"""

import hashlib
import json
from html import escape
from pathlib import Path

from mkdocs.utils import get_relative_url

FIELD = "translated_from"

BANNERS = {
    "en": (
        "The Korean original has changed since this translation",
        "Parts of this page may be out of date. The Korean page is the reference:",
        "read the Korean original",
    ),
}


def source_hash(text: str) -> str:
    """The version of a page's text: line endings do not count, every other character does."""
    normalized = text.replace("\r\n", "\n").replace("\r", "\n")
    return hashlib.sha256(normalized.encode("utf-8")).hexdigest()[:12]


def _i18n(config):
    plugin = config.plugins.get("i18n")
    if plugin is None:
        return None, None
    default = next(lang.locale for lang in plugin.config.languages if lang.default)
    return plugin, default


def banner(lang: str, href: str) -> str:
    title, text, link = BANNERS.get(lang, BANNERS["en"])
    return f'!!! warning "{title}"\n    {text} <a href="{href}" hreflang="ko">{link}</a>.\n'


def banner_html(lang: str, href: str) -> str:
    """The banner as the admonition extension renders it, for pages that are not Markdown (notebooks)."""
    title, text, link = (escape(part) for part in BANNERS.get(lang, BANNERS["en"]))
    return (
        f'<div class="admonition warning"><p class="admonition-title">{title}</p>'
        f'<p>{text} <a href="{escape(href)}" hreflang="ko">{link}</a>.</p></div>'
    )


def notebook_version(text: str) -> str | None:
    """The version a translated notebook says it was translated from: `"translated_from"` in its metadata."""
    recorded = json.loads(text).get("metadata", {}).get(FIELD)
    return None if recorded is None else str(recorded)


def _insert_after_title(markdown: str, block: str) -> str:
    """Under the page's first `# ` heading, so that it stays the page title; at the top if there is none."""
    lines = markdown.split("\n")
    in_fence = False
    for index, line in enumerate(lines):
        if line.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
        elif not in_fence and line.startswith("# "):
            return "\n".join(lines[: index + 1] + ["", block] + lines[index + 1 :])
    return block + "\n" + markdown


def _stale_original_href(page, config) -> str | None:
    """The link from a stale translation to its original; None for an original, a fresh or an unmarked page."""
    plugin, default = _i18n(config)
    lang = getattr(page.file, "locale", None)
    if plugin is None or lang is None or lang == default:
        return None
    if page.file.src_uri.endswith(".ipynb"):
        recorded = notebook_version(Path(page.file.abs_src_path).read_text(encoding="utf-8"))
    else:
        recorded = None if page.meta.get(FIELD) is None else str(page.meta[FIELD])
    if recorded is None:
        return None
    relative = page.file.src_uri.split("/", 1)[1]  # en/loss/index.md -> loss/index.md
    original = Path(config.docs_dir) / default / relative
    if original.is_file() and source_hash(original.read_text(encoding="utf-8")) == recorded:
        return None
    # The original's URL is this page's URL without the language folder (Korean is served at the root).
    prefix = f"{lang}/"
    original_url = page.url[len(prefix) :] if page.url.startswith(prefix) else page.url
    return get_relative_url(original_url or ".", page.url or ".")


def on_page_markdown(markdown, page, config, files):
    if page.file.src_uri.endswith(".ipynb"):
        return markdown
    href = _stale_original_href(page, config)
    return markdown if href is None else _insert_after_title(markdown, banner(page.file.locale, href))


def on_page_content(html, page, config, files):
    if not page.file.src_uri.endswith(".ipynb"):
        return html
    href = _stale_original_href(page, config)
    if href is None:
        return html
    end_of_title = html.find("</h1>")
    at = end_of_title + len("</h1>") if end_of_title >= 0 else 0
    return html[:at] + banner_html(page.file.locale, href) + html[at:]
