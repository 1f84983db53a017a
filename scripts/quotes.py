"""Quoted figures (hooks/quotes.py): what prose still types by hand, and accepting figures after a rerun.

    python scripts/quotes.py unchecked [PAGE...]   # numbers in prose neither quoted nor marked; exit 1 if any
    python scripts/quotes.py changed               # figures whose output moved since the prose was last read
    python scripts/quotes.py accept [CHAPTER...]   # after rereading: record each figure's value as `shown`

`unchecked` lists, under each number, the lines of the page's recorded outputs that print it: the place to
quote it from. A PAGE is docs/ko/loss/index.md or loss/index.md (both languages).
"""

import argparse
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from hooks.quotes import chapter_of, load_chapter, prose_numbers, quote_text  # noqa: E402

DOCS = REPO / "docs"
LANGS = ("ko", "en")
# Pages that are not chapter prose: legal text and the contributor's guide quote versions and licences.
NOT_CHAPTERS = ("about/",)
INCLUDE = re.compile(r"--8<--\s+[\"']([^\"':]+\.out)")


def chapter_pages() -> list[str]:
    pages = {p.relative_to(DOCS / "ko").as_posix() for p in (DOCS / "ko").rglob("*.md")}
    return sorted(page for page in pages if not page.startswith(NOT_CHAPTERS))


def unchecked(page: str, root: Path = REPO) -> list[tuple[str, int, str, str]]:
    """(file, line, number, the line) for each number on both language versions of a page left unaccounted."""
    chapter = chapter_of(page)
    quotes, elsewhere = load_chapter(chapter, root)
    problems = []
    for lang in LANGS:
        path = root / "docs" / lang / page
        if not path.is_file():
            continue
        for line, number, text in prose_numbers(path.read_text(encoding="utf-8")):
            if number not in elsewhere:
                problems.append((path.relative_to(root).as_posix(), line, number, text))
    return problems


def chapters(root: Path = REPO) -> list[str]:
    """The snippets folders that hold quoted figures."""
    return sorted({path.parent.name for path in (root / "snippets").glob("*/quotes*.yml")})


def changed(root: Path = REPO) -> list[tuple[str, str, str, str]]:
    """(chapter, name, shown, now) for every figure whose value is not what the prose was last read with."""
    found = []
    for chapter in chapters(root):
        quotes, _ = load_chapter(chapter, root)
        for name, quote in quotes.items():
            shown = quote.spec.get("shown")
            if shown is None or str(shown) != quote_text(quote):
                found.append((chapter, name, "(never read)" if shown is None else str(shown), quote_text(quote)))
    return found


def uses(chapter: str, name: str, root: Path = REPO) -> list[str]:
    """Every sentence that quotes a figure: `file:line: text`."""
    pattern = re.compile(r"\{\{\s*(?:" + re.escape(chapter) + r"\.)?" + re.escape(name) + r"\s*\}\}")
    found = []
    for lang in LANGS:
        for path in sorted((root / "docs" / lang).rglob("*.md")):
            page = path.relative_to(root / "docs" / lang).as_posix()
            qualified = f"{chapter}.{name}"
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                match = pattern.search(line)
                if match and (chapter_of(page) == chapter or qualified in match.group()):
                    found.append(f"{path.relative_to(root).as_posix()}:{number}: {line.strip()}")
    return found


def accept(only: list[str], root: Path = REPO) -> int:
    """Write each figure's current value as the last line of its entry, `shown: "..."`; nothing else changes.
    Entries are written in block style: `  name:` and then its fields indented by four spaces."""
    count = 0
    for path in sorted((root / "snippets").glob("*/quotes*.yml")):
        chapter = path.parent.name
        if only and chapter not in only:
            continue
        quotes = {name: quote for name, quote in load_chapter(chapter, root)[0].items() if quote.file == path.name}
        out, section, current, last_field = [], None, None, None
        for line in path.read_text(encoding="utf-8").split("\n"):
            if re.match(r"^\S", line) and not line.startswith("#"):
                section = line.split(":")[0]
            entry = re.match(r"^  ([A-Za-z_]\w*):\s*(?:#.*)?$", line) if section == "quotes" else None
            if entry or (re.match(r"^\S", line) and not line.startswith("#")):
                _write_shown(out, quotes.get(current), last_field)
                current, last_field = (entry.group(1) if entry else None), None
            if current and line.startswith("    shown:"):
                continue
            out.append(line)
            if current and line.startswith("    "):
                last_field = len(out)
        _write_shown(out, quotes.get(current), last_field)
        text = "\n".join(out)
        if text != path.read_text(encoding="utf-8"):
            path.write_text(text, encoding="utf-8")
        count += len(quotes)
    return count


def _write_shown(out: list[str], quote, after: int | None) -> None:
    if quote is not None and after is not None:
        shown = quote_text(quote).replace("\\", "\\\\").replace('"', '\\"')
        out.insert(after, f'    shown: "{shown}"')


def suggestions(page: str, number: str, root: Path = REPO) -> list[str]:
    """Lines of the outputs a page shows that print this number."""
    found = []
    bare = number.replace(",", "")
    for lang in LANGS:
        path = root / "docs" / lang / page
        if not path.is_file():
            continue
        for target in INCLUDE.findall(path.read_text(encoding="utf-8")):
            source = root / target
            if not source.is_file():
                continue
            for line in source.read_text(encoding="utf-8").splitlines():
                if re.search(rf"(?<![\d.]){re.escape(bare)}(?![\d])", line.replace(",", "")):
                    hint = f"{target}: {line.strip()}"
                    if hint not in found:
                        found.append(hint)
        break
    return found


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    command = commands.add_parser("unchecked")
    command.add_argument("pages", nargs="*")
    commands.add_parser("changed")
    command = commands.add_parser("accept")
    command.add_argument("chapters", nargs="*")
    args = parser.parse_args(argv)

    if args.command == "unchecked":
        pages = [re.sub(r"^(docs/)?(ko|en)/", "", page) for page in args.pages] or chapter_pages()
        total = 0
        for page in pages:
            for file, line, number, text in unchecked(page):
                total += 1
                print(f"{file}:{line}: {number}    {text[:100]}")
                for hint in suggestions(page, number)[:3]:
                    print(f"    printed by {hint[:110]}")
        print(f"{total} numbers neither quoted ({{{{ name }}}}) nor marked (elsewhere:)")
        return 1 if total else 0
    if args.command == "changed":
        rows = changed()
        for chapter, name, shown, now in rows:
            print(f"snippets/{chapter}: {name}: shown {shown}, now {now}")
            for use in uses(chapter, name):
                print(f"    {use[:140]}")
        return 1 if rows else 0
    print(f"recorded the shown value of {accept(args.chapters)} figures")
    return 0


if __name__ == "__main__":
    sys.exit(main())
