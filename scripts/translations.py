"""Which translations have fallen behind their Korean original, and mark one as caught up.

    python scripts/translations.py status                 # every stale or unmarked English page; exit 1 if any
    python scripts/translations.py status --changed F...  # only translations of the files F (pre-commit runs this)
    python scripts/translations.py status --summary       # a Markdown table for the pull request's job summary
    python scripts/translations.py mark-fresh PAGE...     # after translating: record the original's version
    python scripts/translations.py mark-fresh --unmarked  # first adoption: mark every page that has no version

A PAGE is docs/en/loss/index.md, docs/ko/loss/index.md, en/loss/index.md or loss/index.md. Each English page
records `translated_from: <hash>` in its front matter: the version (hooks/freshness.py, source_hash) of the Korean
page it was translated from. A lab (labs/loss.ipynb) records it in the notebook's metadata. The build shows a
banner on a page whose original has changed since.
"""

import argparse
import importlib.util
import json
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SOURCE, TARGETS = "ko", ("en",)


def _load_freshness():
    spec = importlib.util.spec_from_file_location("freshness_hook", REPO / "hooks" / "freshness.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


freshness = _load_freshness()
source_hash, FIELD = freshness.source_hash, freshness.FIELD
FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
RECORD = re.compile(rf"^{FIELD}:[ \t]*['\"]?([^'\"\s#]*)['\"]?[ \t]*(?:#.*)?$", re.M)


@dataclass
class Translation:
    page: str  # path inside the language folder: loss/index.md
    lang: str
    docs: Path

    @property
    def path(self) -> Path:
        return self.docs / self.lang / self.page

    @property
    def original(self) -> Path:
        return self.docs / SOURCE / self.page

    @property
    def is_notebook(self) -> bool:
        return self.path.suffix == ".ipynb"

    @property
    def recorded(self) -> str | None:
        text = self.path.read_text(encoding="utf-8")
        if self.is_notebook:
            return freshness.notebook_version(text)
        match = FRONT_MATTER.match(text)
        found = RECORD.search(match[1] or "") if match else None
        return found[1] if found else None

    @property
    def current(self) -> str | None:
        return source_hash(self.original.read_text(encoding="utf-8")) if self.original.is_file() else None

    def problem(self) -> str | None:
        where = self.path.relative_to(self.docs.parent).as_posix()
        original = self.original.relative_to(self.docs.parent).as_posix()
        if self.current is None:
            return f"no original: {where} ({original} does not exist)"
        if self.recorded is None:
            place = "metadata" if self.is_notebook else "front matter"
            return f"unmarked: {where} (no '{FIELD}' in its {place}; translate it, then mark it fresh)"
        if self.recorded != self.current:
            since = self.marked_commit()
            show = f"git diff {since[:12]} -- {original}" if since else f"git log -p -- {original}"
            return (
                f"stale: {where} was translated from {original} version {self.recorded}; "
                f"the original is now version {self.current}\n    what changed in the original since: {show}"
            )
        return None

    def marked_commit(self, depth: int = 200) -> str | None:
        """The newest commit in which the original had the version the translation records."""
        original = self.original.relative_to(self.docs.parent).as_posix()
        root = self.docs.parent
        log = subprocess.run(
            ["git", "log", f"-{depth}", "--format=%H", "--", original], cwd=root, capture_output=True, text=True
        )
        for commit in log.stdout.split():
            shown = subprocess.run(["git", "show", f"{commit}:{original}"], cwd=root, capture_output=True, text=True)
            if shown.returncode == 0 and source_hash(shown.stdout) == self.recorded:
                return commit
        return None


def translations(docs: Path) -> list[Translation]:
    return [
        Translation(path.relative_to(docs / lang).as_posix(), lang, docs)
        for lang in TARGETS
        for path in sorted([*(docs / lang).rglob("*.md"), *(docs / lang).rglob("*.ipynb")])
    ]


def problems(docs: Path) -> list[str]:
    """One line for every translation that is stale, unmarked or has no original."""
    return [problem for t in translations(docs) if (problem := t.problem())]


def resolve(argument: str, docs: Path) -> list[Translation]:
    """Accept docs/en/x.md, docs/ko/x.md, en/x.md, ko/x.md or x.md; all mean the translations of x.md."""
    page = Path(argument).as_posix()
    for prefix in [f"{docs.name}/"] + [f"{lang}/" for lang in (SOURCE, *TARGETS)]:
        page = page.removeprefix(prefix)
    found = [Translation(page, lang, docs) for lang in TARGETS if (docs / lang / page).is_file()]
    if not found:
        raise SystemExit(
            f"error: no translated page {argument!r} (looked for {', '.join(f'docs/{lang}/{page}' for lang in TARGETS)})"
        )
    return found


def mark_fresh(translation: Translation) -> str:
    """Write the original's current version into the translation's front matter; return what changed."""
    version = translation.current
    if version is None:
        raise SystemExit(f"error: {translation.original} does not exist, so {translation.path} translates nothing")
    text = translation.path.read_text(encoding="utf-8")
    if translation.is_notebook:
        notebook = json.loads(text)
        notebook["metadata"][FIELD] = version
        # As Jupyter writes notebooks, so the diff is one line.
        text = json.dumps(notebook, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
        translation.path.write_text(text, encoding="utf-8")
        return f"{translation.path.relative_to(translation.docs.parent).as_posix()}: {FIELD} {version}"
    # YAML would read an all-digit version as a number (and a leading 0 as octal): quote it then.
    line = f'{FIELD}: "{version}"' if version.isdigit() else f"{FIELD}: {version}"
    match = FRONT_MATTER.match(text)
    if match is None:
        text = f"---\n{line}\n---\n\n{text}"
    elif RECORD.search(match[1] or ""):
        body = RECORD.sub(line, match[1], count=1)
        text = text[: match.start(1)] + body + text[match.end(1) :]
    else:
        insert_at = match.end(1) if match[1] is not None else text.index("\n") + 1
        text = text[:insert_at] + line + "\n" + text[insert_at:]
    translation.path.write_text(text, encoding="utf-8")
    where = translation.path.relative_to(translation.docs.parent).as_posix()
    return f"{where}: {FIELD} {version}"


def main(argv: list[str] | None = None, docs: Path = REPO / "docs") -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    status = commands.add_parser("status", help="list stale and unmarked translations; exit 1 if there are any")
    status.add_argument("--changed", nargs="*", metavar="FILE", help="only translations of these files")
    status.add_argument("--summary", action="store_true", help="a Markdown table; exit 0")
    fresh = commands.add_parser("mark-fresh", help="record that a translation has caught up with its original")
    fresh.add_argument("pages", nargs="*", help="pages to mark, e.g. docs/en/loss/index.md")
    fresh.add_argument("--unmarked", action="store_true", help="mark every translation that records no version yet")
    args = parser.parse_args(argv)

    if args.command == "status":
        chosen = translations(docs)
        if args.changed is not None:
            touched = {Path(name).resolve() for name in args.changed}
            chosen = [t for t in chosen if t.path.resolve() in touched or t.original.resolve() in touched]
        found = [problem for t in chosen if (problem := t.problem())]
        if args.summary:
            print("### Translations behind their Korean original\n")
            print("\n".join(f"- {line.splitlines()[0]}" for line in found) or "All translations are up to date.")
            if found:
                print(
                    "\nThese fail tests/test_translations.py: update each page and mark it fresh (a Korean change that"
                )
                print("needs nothing in English, such as a typo, is fixed by marking the page fresh).")
            return 0
        for line in found:
            print(line)
        if not found and args.changed is None:
            print(f"all {len(translations(docs))} translations are up to date with their Korean originals")
        if found and args.changed is not None:
            print("this change leaves them behind: update each, then python scripts/translations.py mark-fresh PAGE")
        return 1 if found else 0

    chosen = [t for argument in args.pages for t in resolve(argument, docs)]
    if args.unmarked:
        chosen += [t for t in translations(docs) if t.recorded is None and t.original.is_file()]
    if not chosen:
        parser.error("name the pages to mark fresh, or pass --unmarked")
    for translation in chosen:
        print(mark_fresh(translation))
    return 0


if __name__ == "__main__":
    sys.exit(main())
