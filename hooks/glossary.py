"""Render the glossary from docs/glossary.yml, and give every page hover tooltips for its abbreviations.

docs/glossary.yml is the one place where a term's translation lives (see CONTRIBUTING.md, "Translating").
- On `<lang>/glossary.md` the marker `<!-- glossary -->` becomes a table of every term in that language,
  sorted, each row linking to the chapter that introduces the term (`<chapter>.md` or `<chapter>/index.md`).
  A chapter without a page is a warning naming the chapter and its terms, so the strict build fails.
- Every page gets the abbreviation definitions of its language appended to its Markdown
  (`*[MSE]: 평균 제곱 오차(mean squared error)` / `*[MSE]: mean squared error`); the `abbr` extension turns
  them into `<abbr title=...>` outside code, and Material's content.tooltips shows them on hover. The abbr
  extension only matches between word boundaries, which misses `MSE는`: AbbrBeforeParticles ends a match where
  Latin letters end instead. Only the built page changes, never the .md file, so the snippet tests read the
  pages as written.
"""

import copy
import functools
import logging
import re
from pathlib import Path

import yaml
from markdown.extensions import Extension
from markdown.extensions.abbr import AbbrTreeprocessor  # Markdown >= 3.7; pymdown-extensions needs 3.10
from mkdocs.exceptions import PluginError

log = logging.getLogger("mkdocs.hooks.glossary")

MARKER = "<!-- glossary -->"
FIELDS = {"ko", "en", "abbr", "chapter", "page", "gloss", "def_ko", "def_en", "wrong_ko", "also"}
# `page:` the page that teaches the term (inside the language folder), when it is not the chapter's first page;
# `page: none` for a term no page teaches yet, which the glossary lists without a link.
# `gloss: false` for a loanword written in Hangul (데이터, 텐서): it never takes the English in parentheses.
UNLINKED = "none"
REQUIRED = ("ko", "en", "chapter", "def_ko", "def_en")
HEADERS = {
    "ko": ("용어", "영어", "뜻", "처음 다루는 장"),
    "en": ("Term", "Korean", "Definition", "Chapter"),
}

_terms: list[dict] = []
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's, when PyYAML has it: a tenth of the time


def load_glossary(path: Path) -> list[dict]:
    """Read and check the glossary file; an error names the file, the line and the entry. Read again only when its
    text changed: both languages of a build, and the rebuilds of `mkdocs serve`, share one reading."""
    text = path.read_text(encoding="utf-8")
    return copy.deepcopy(_checked_glossary(str(path), text))


@functools.lru_cache(maxsize=4)
def _checked_glossary(name: str, text: str) -> list[dict]:
    path = Path(name)
    try:
        entries = yaml.load(text, Loader=LOADER)
        nodes = yaml.compose(text, Loader=LOADER)
    except yaml.YAMLError as error:
        raise PluginError(f"{path}: not valid YAML: {error}".replace('"<unicode string>"', str(path))) from error
    if not isinstance(entries, list):
        raise PluginError(f"{path}: expected a list of terms")
    lines = [node.start_mark.line + 1 for node in nodes.value]
    for number, entry in enumerate(entries, 1):
        where = f"{path}:{lines[number - 1]}: term {number} ({entry.get('ko', '?') if isinstance(entry, dict) else entry!r})"
        if not isinstance(entry, dict):
            raise PluginError(f"{where}: expected a mapping")
        missing = [field for field in REQUIRED if not str(entry.get(field) or "").strip()]
        unknown = sorted(set(entry) - FIELDS)
        if missing or unknown:
            raise PluginError(f"{where}: missing {missing or 'nothing'}, unknown fields {unknown or 'none'}")
    seen: dict[tuple[str, str], int] = {}
    twice = []
    for entry, line in zip(entries, lines):
        for field in ("ko", "en", "abbr"):
            if not entry.get(field):
                continue
            key = (field, str(entry[field]).casefold())
            if key in seen:
                twice.append(f"{path}:{line}: {field} {entry[field]!r} is already defined on line {seen[key]}")
            seen.setdefault(key, line)
    if twice:
        raise PluginError("a term is defined twice:\n" + "\n".join(twice))
    return entries


def chapter_page(docs_dir: Path, lang: str, chapter: str) -> str | None:
    """The page a chapter's terms link to, relative to the language folder: `<chapter>/index.md` or `<chapter>.md`."""
    for candidate in (f"{chapter}/index.md", f"{chapter}.md"):
        if (docs_dir / lang / candidate).is_file():
            return candidate
    return None


def term_page(docs_dir: Path, lang: str, term: dict) -> str | None:
    """The page a term links to: its `page`, else its chapter's first page; UNLINKED or None (missing)."""
    page = term.get("page")
    if page == UNLINKED:
        return UNLINKED
    if page:
        return page if (docs_dir / lang / page).is_file() else None
    return chapter_page(docs_dir, lang, term["chapter"])


def _page_title(page_file: Path) -> str:
    for line in page_file.read_text(encoding="utf-8").splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return page_file.stem


def _cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", r"\|")


def _sort_key(lang: str):
    """가나다 order in Korean, with terms that start with a Latin letter (KL 발산) after the Hangul ones."""
    if lang == "ko":
        return lambda term: (not "\uac00" <= term["ko"][0] <= "\ud7a3", term["ko"])
    return lambda term: term["en"].casefold()


def render_table(terms: list[dict], lang: str, docs_dir: Path, page_uri: str) -> str:
    """The glossary table for one language, as Markdown."""
    rows = ["| " + " | ".join(HEADERS[lang]) + " |", "| --- | --- | --- | --- |"]
    unlinked: dict[str, list[str]] = {}
    for term in sorted(terms, key=_sort_key(lang)):
        english = term["en"] + (f" ({term['abbr']})" if term.get("abbr") else "")
        name, other = (term["ko"], english) if lang == "ko" else (english, term["ko"])
        target = term_page(docs_dir, lang, term)
        if target == UNLINKED:
            chapter = "—"
        elif target is None:
            unlinked.setdefault(term.get("page") or term["chapter"], []).append(f"{term['ko']} ({term['en']})")
            chapter = _cell(term["chapter"])
        else:
            chapter = f"[{_cell(_page_title(docs_dir / lang / target))}]({target})"
        rows.append(f"| **{_cell(name)}** | {_cell(other)} | {_cell(term['def_' + lang])} | {chapter} |")
    for chapter, names in unlinked.items():
        if chapter.endswith(".md"):
            log.warning(f"{page_uri}: docs/glossary.yml: page {chapter} does not exist: {', '.join(names)}")
            continue
        log.warning(
            f"{page_uri}: docs/glossary.yml: {len(names)} term(s) of chapter '{chapter}' cannot link to it, because "
            f"neither docs/{lang}/{chapter}/index.md nor docs/{lang}/{chapter}.md exists: {', '.join(names)}"
        )
    return "\n".join(rows)


def abbreviations(terms: list[dict], lang: str) -> str:
    """Markdown abbreviation definitions for one language."""
    lines = []
    for term in terms:
        if term.get("abbr"):
            title = f"{term['ko']}({term['en']})" if lang == "ko" else term["en"]
            lines.append(f"*[{term['abbr']}]: {title}")
    return "\n".join(lines)


class _AbbrBeforeParticles(AbbrTreeprocessor):
    """The abbr extension finds an abbreviation between word boundaries, but Korean glues particles to it
    (MSE는, CNN이나), and a Hangul syllable counts as a word character. End it where Latin letters end."""

    def run(self, root):
        if not self.abbrs:
            return
        keys = "|".join(re.escape(key) for key in sorted(self.abbrs, key=len, reverse=True))
        self.RE = re.compile(rf"(?<![A-Za-z0-9_])(?:{keys})(?![A-Za-z0-9_])")
        self.iter_element(root)


class AbbrBeforeParticles(Extension):
    def extendMarkdown(self, md):
        if "abbr" in md.treeprocessors:  # registered by the abbr extension, listed before this one
            md.treeprocessors.register(_AbbrBeforeParticles(md, md.treeprocessors["abbr"].abbrs), "abbr", 7)


def on_config(config):
    global _terms
    path = Path(config.docs_dir) / "glossary.yml"
    _terms = load_glossary(path) if path.is_file() else []
    if not any(isinstance(extension, AbbrBeforeParticles) for extension in config.markdown_extensions):
        config.markdown_extensions.append(AbbrBeforeParticles())
    return config


def _language(page, config) -> str:
    locale = getattr(page.file, "locale", None)  # set by mkdocs-static-i18n
    return locale or config.theme.get("language", "en")


def on_page_markdown(markdown, page, config, files):
    lang = _language(page, config)
    if page.file.src_uri == f"{lang}/glossary.md":
        if MARKER not in markdown:
            raise PluginError(f"{page.file.src_uri}: the glossary page lost its marker {MARKER}")
        if not _terms:
            raise PluginError(f"{page.file.src_uri}: no terms: docs/glossary.yml is missing or empty")
        if lang not in HEADERS:
            raise PluginError(f"{page.file.src_uri}: the glossary has no columns for language '{lang}'")
        table = render_table(_terms, lang, Path(config.docs_dir), page.file.src_uri)
        markdown = markdown.replace(MARKER, table)
    if _terms and lang in HEADERS:
        definitions = abbreviations(_terms, lang)
        if definitions:
            markdown = markdown.rstrip("\n") + "\n\n" + definitions + "\n"
    return markdown
