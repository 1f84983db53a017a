"""Keep each page's Markdown-to-HTML conversion, and convert again only what changed.

Converting the 86 pages' Markdown is the largest part of a rebuild, most of it Pygments highlighting 1,100 code
blocks, and a writer's edit changes one page or one snippet. So `Page.render` is wrapped: its result (the HTML, the
table of contents, the title, the anchors and links it found, and what it logged) is stored in `.cache/rendered/`
under a digest of everything the conversion reads:
- the page's Markdown as the other hooks left it (quoted figures filled in), its path and URL;
- every file of the site with its URL (links are resolved against them);
- the Markdown extensions and their settings, the versions of the packages doing the work, and the source of any
  extension a hook defines;
- the files pymdownx.snippets reads while converting (`--8<--` includes): their digests are recorded with the
  result, and a stored result whose includes changed since is not used.
A page found in the cache gets the same attributes and replays the same log messages (so `--strict` fails on the
same warnings).

The search plugin's reading of each page's HTML into sections, the next largest part, is kept the same way, under a
digest of the HTML and of the parser's source. tests/test_render_cache.py builds a site cold and warm and compares
every file.
"""

from __future__ import annotations

import hashlib
import inspect
import json
import logging
import os
import time
from importlib import metadata
from pathlib import Path

from jinja2 import FileSystemBytecodeCache
from material.plugins.search import plugin as search_plugin
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from pymdownx.snippets import SnippetPreprocessor

FORMAT = 1  # bump when the stored entry changes shape
PACKAGES = ("markdown", "pymdown-extensions", "pygments", "mkdocs", "mkdocs-material", "latex2mathml")
UNUSED_FOR = 7 * 24 * 3600  # entries not used for a week are pruned

_state = {"folder": None, "static": None, "files": (None, None)}
_reads: list[str] | None = None  # paths pymdownx.snippets reads during one conversion


def _recording_read_lines(self, path):
    if _reads is not None:
        _reads.append(os.fspath(path))
    return _original_read_lines(self, path)


_original_read_lines = getattr(SnippetPreprocessor, "_uncached_read_lines", SnippetPreprocessor.read_lines)
SnippetPreprocessor._uncached_read_lines = _original_read_lines
SnippetPreprocessor.read_lines = _recording_read_lines


def _digest(*parts: str | bytes) -> str:
    sha = hashlib.sha256()
    for part in parts:
        sha.update(part.encode() if isinstance(part, str) else part)
        sha.update(b"\0")
    return sha.hexdigest()


def _file_digest(path: str) -> str | None:
    try:
        return _digest(Path(path).read_bytes())
    except OSError:
        return None


def _stable(value) -> str:
    """Settings as text that does not change between runs (no memory addresses of functions or objects)."""

    def default(obj):
        if callable(obj):
            return f"{getattr(obj, '__module__', '')}.{getattr(obj, '__qualname__', type(obj).__qualname__)}"
        settings = obj.getConfigs() if hasattr(obj, "getConfigs") else sorted(getattr(obj, "__dict__", {}))
        return f"{type(obj).__module__}.{type(obj).__qualname__}:{json.dumps(settings, sort_keys=True, default=repr)}"

    return json.dumps(value, sort_keys=True, default=default)


def _static_digest() -> str:
    versions = []
    for package in PACKAGES:
        try:
            versions.append(f"{package}=={metadata.version(package)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{package} missing")
    return _digest(str(FORMAT), *versions)


def _source_digest(cls) -> str:
    try:
        return _file_digest(inspect.getsourcefile(cls)) or ""
    except TypeError:  # built in
        return ""


def _config_digest(config) -> str:
    # An extension object (a hook's own, like glossary.py's) by its class and the source of its module.
    extensions = [
        e if isinstance(e, str) else _stable(e) + _source_digest(type(e)) for e in config["markdown_extensions"]
    ]
    return _digest(
        _state["static"],
        _stable(extensions),
        _stable(config["mdx_configs"] or {}),
        _stable(dict(config["validation"])) if "validation" in config else "",
        str(config["use_directory_urls"]),
        str(config["docs_dir"]),
    )


def _files_digest(files) -> str:
    if _state["files"][0] is not files:
        listing = sorted(f"{f.src_uri}\t{f.url}\t{f.is_documentation_page()}" for f in files)
        _state["files"] = (files, _digest(*listing))
    return _state["files"][1]


def _cached_render(self: Page, config, files) -> None:
    folder = _state["folder"]
    if folder is None or self.markdown is None:
        return Page._uncached_render(self, config, files)
    key = _digest(
        _config_digest(config),
        _files_digest(files),
        self.file.src_uri,
        self.file.url,
        self.markdown,
        str(logging.getLogger("mkdocs.structure.pages").getEffectiveLevel() > logging.DEBUG),  # links are kept then
    )
    path = folder / f"{key}.json"
    if _restore(self, path, files):
        return None
    global _reads
    records = []
    catcher = _Catcher(records)
    mkdocs_log = logging.getLogger("mkdocs")
    mkdocs_log.addHandler(catcher)
    _reads = []
    try:
        Page._uncached_render(self, config, files)
        reads = sorted(set(_reads))
    finally:
        _reads = None
        mkdocs_log.removeHandler(catcher)
    _store(self, path, reads, records)
    return None


class _Catcher(logging.Handler):
    """Keeps what the conversion logs, to be said again when the stored result is used."""

    def __init__(self, records: list):
        super().__init__(level=logging.INFO)
        self.records = records

    def emit(self, record):
        self.records.append({"name": record.name, "level": record.levelno, "message": record.getMessage()})


def _store(page: Page, path: Path, reads: list[str], records: list[dict]) -> None:
    entry = {
        "content": page.content,
        "toc": _toc_tokens(page.toc),
        "title": page._title_from_render,
        "anchors": sorted(page.present_anchor_ids or ()),
        "links": None
        if page.links_to_anchors is None
        else {f.src_uri: links for f, links in page.links_to_anchors.items()},
        "reads": {read: _file_digest(read) for read in reads},
        "log": records,
    }
    _write(path, entry)


def _restore(page: Page, path: Path, files) -> bool:
    entry = _read(path)
    if entry is None:
        return False
    if any(_file_digest(read) != digest for read, digest in entry["reads"].items()):
        return False
    links = None
    if entry["links"] is not None:
        links = {}
        for src_uri, anchors in entry["links"].items():
            target = files.get_file_from_path(src_uri)
            if target is None:
                return False
            links[target] = anchors
    page.content = entry["content"]
    page.toc = get_toc(entry["toc"] or [])
    page._title_from_render = entry["title"]
    page.present_anchor_ids = set(entry["anchors"])
    if links is not None:
        page.links_to_anchors = links
    for record in entry["log"]:
        logging.getLogger(record["name"]).log(record["level"], record["message"])
    return True


def _toc_tokens(toc) -> list[dict]:
    """The TableOfContents back as the tokens get_toc reads."""

    def token(item) -> dict:
        return {
            "level": item.level,
            "id": item.id,
            "name": item.title,
            "children": [token(child) for child in item.children],
        }

    return [token(item) for item in toc.items]


def _keeping_sections(parser_class):
    """search_plugin.Parser (hooks/search_parse_speed.py's, on Material's), the sections it reads kept per HTML,
    under the parser's source too. Material's SearchIndex feeds it a page, closes it and reads `data`."""
    if getattr(parser_class, "keeps_sections", False):
        return parser_class
    parser_source = _source_digest(parser_class)

    class SectionsKept(parser_class):
        keeps_sections = True

        def feed(self, data: str) -> None:
            folder = _state["folder"]
            self._kept = (
                None if folder is None else folder / f"sections-{_digest(_state['static'], parser_source, data)}.json"
            )
            stored = _read(self._kept) if self._kept is not None else None
            if stored is None:
                super().feed(data)
                return
            self.data = [_section(**fields) for fields in stored]
            self._kept = None  # nothing new to keep

        def close(self) -> None:
            super().close()
            if getattr(self, "_kept", None) is not None:
                keep = ("tag", "attrs", "depth", "id", "title", "text")
                _write(
                    self._kept,
                    [dict(zip(keep, (s.el.tag, s.el.attrs, s.depth, s.id, s.title, s.text))) for s in self.data],
                )

    return SectionsKept


def _read(path: Path):
    """A kept entry, marked as used (not pruned), or None."""
    try:
        value = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    os.utime(path)
    return value


def _section(tag, attrs, depth, id, title, text):
    section = search_plugin.Section(search_plugin.Element(tag, attrs), depth)
    section.id, section.title, section.text = id, title, text
    return section


def _write(path: Path, value) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    scratch = path.with_suffix(f".{os.getpid()}.tmp")
    scratch.write_text(json.dumps(value, ensure_ascii=False), encoding="utf-8")
    scratch.replace(path)


def on_env(env, config, files):
    # The theme's templates compiled once, not at every build (Jinja checks each template's source against it).
    if _state["folder"] is not None:
        jinja = _state["folder"].parent / "jinja"
        jinja.mkdir(parents=True, exist_ok=True)
        env.bytecode_cache = FileSystemBytecodeCache(str(jinja))
    return env


def on_config(config):
    folder = Path(config.config_file_path).resolve().parent / ".cache" / "rendered"
    _state["folder"], _state["static"] = folder, _static_digest()
    if folder.is_dir():
        cutoff = time.time() - UNUSED_FOR
        for entry in folder.glob("*.json"):
            if entry.stat().st_mtime < cutoff:
                entry.unlink(missing_ok=True)
    Page._uncached_render = getattr(Page, "_uncached_render", Page.render)
    Page.render = _cached_render
    search_plugin.Parser = _keeping_sections(search_plugin.Parser)
    return config
