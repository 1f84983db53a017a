"""No Python block on the site escapes the codeblock tests."""

import re
from pathlib import Path

import pytest

from tests.codeblocks_plugin import collect_python_blocks, expand_includes

DOCS = Path(__file__).resolve().parent.parent / "docs"
PAGES = sorted(DOCS.rglob("*.md"))
# Deliberately broader than the plugin: any fence, backticks or tildes, whose info string mentions Python.
ANY_PYTHON_FENCE = re.compile(r"^\s*(`{3,}|~{3,})\s*\{?\s*\.?(python3?|py|pycon|ipython)\b", re.IGNORECASE)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(DOCS)))
def test_every_python_fence_is_collected(page):
    lines, origins = expand_includes(page)
    fences = [origins[i] for i, line in enumerate(lines) if ANY_PYTHON_FENCE.match(line)]
    collected = {block.fence_origin for block in collect_python_blocks(page)}
    missed = [str(origin) for origin in fences if origin not in collected]
    assert not missed, (
        "these Python fences would not be tested (write them as ```python, with backticks): " + ", ".join(missed)
    )


def test_pages_exist():
    assert len(PAGES) >= 2
