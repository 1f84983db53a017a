"""Every `--8<--` include of every page points at a file (and section) that exists, checked before anything is built.

pymdownx.snippets finds a missing include only when it converts that page, which comes after the labs have run
(a minute on a cold cache), and reports it in a long traceback. This hook reads all pages first and fails at once
with one line per broken include: the page, the line, and what is missing.
"""

import re
from pathlib import Path

from mkdocs.exceptions import PluginError

INCLUDE = re.compile(r"^\s*-{1,}8<-{1,}\s+([\"'])(?P<target>[^\"']+)\1\s*$")


def broken_includes(page: Path, root: Path) -> list[str]:
    problems = []
    for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), 1):
        match = INCLUDE.match(line)
        if not match:
            continue
        target = match["target"]
        name, _, section = target.partition(":")
        where = f'{page.relative_to(root).as_posix()}:{number}: --8<-- "{target}"'
        source = root / name
        if not source.is_file():
            problems.append(f"{where}: {name} does not exist")
        elif (
            section
            and not re.fullmatch(r"[\d:,-]+", section)
            and f"[start:{section}]" not in source.read_text(encoding="utf-8")
        ):
            problems.append(f"{where}: {name} has no section '{section}' (--8<-- [start:{section}])")
    return problems


def on_files(files, config):
    root = Path(config.config_file_path).parent
    problems = []
    for file in files.documentation_pages():
        if file.src_uri.endswith(".md"):
            problems += broken_includes(Path(file.abs_src_path), root)
    if problems:
        raise PluginError("broken include(s):\n" + "\n".join(problems))
    return files
