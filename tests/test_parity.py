"""Both languages have the same pages, and each pair has the same skeleton: code, figures, headings, exercises,
admonitions, content tabs, footnotes and quoted figures."""

import difflib
import re
from pathlib import Path

import pytest

DOCS = Path(__file__).resolve().parent.parent / "docs"

INCLUDE = re.compile(r"--8<--\s+[\"']([^\"']+)[\"']")
FIGURE = re.compile(r"!\[[^\]]*\]\(([^)\s]+\.(?:svg|png|jpg|webp))")
HEADING = re.compile(r"^(#{1,6})\s")
EXERCISE = re.compile(r"^\s*\?\?\?\+?\s+success")
# Admonitions by kind (`!!! warning`, `??? success`); content tabs by label, which must match for linked tabs.
ADMONITION = re.compile(r"^\s*(?:!!!|\?\?\?\+?)\s+([\w-]+)")
TAB = re.compile(r"^\s*===\+?\s+\"([^\"]*)\"")
FENCE = re.compile(r"^\s*```")
FOOTNOTE_MARK = re.compile(r"\[\^([^\]\s]+)\](?!:)")  # [^adam] in the text; [^adam]: starts its reference
QUOTE = re.compile(r"\{\{\s*([\w.]+)\s*\}\}")  # a figure quoted from a run (hooks/quotes.py)
FENCE_INFO = re.compile(r"^\s*```+\s*\{?\s*\.?([\w-]+)")


def pages(lang: str) -> set[str]:
    return {p.relative_to(DOCS / lang).as_posix() for p in (DOCS / lang).rglob("*.md")}


def skeleton(path: Path) -> dict[str, list[str]]:
    """What must match between the two languages, in page order."""
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    in_fence, headings, admonitions, tabs, footnotes = False, [], [], [], []
    for line in lines:
        if FENCE.match(line):
            in_fence = not in_fence
        elif not in_fence and HEADING.match(line):
            headings.append(HEADING.match(line)[1])
        elif not in_fence and ADMONITION.match(line):
            admonitions.append(ADMONITION.match(line)[1])
        elif not in_fence and TAB.match(line):
            tabs.append(TAB.match(line)[1])
        if not in_fence:
            footnotes += FOOTNOTE_MARK.findall(line)
    return {
        # A page may include its own language's copy of a root file: CONTRIBUTING.ko.md / CONTRIBUTING.md.
        "snippet includes": [re.sub(r"\.(ko|en)\.md$", ".md", target) for target in INCLUDE.findall(text)],
        "figures": FIGURE.findall(text),
        "heading levels": headings,
        "exercises (??? success)": [line.strip().split()[1] for line in lines if EXERCISE.match(line)],
        "admonitions (!!! kind)": admonitions,
        'content tab labels (=== "...")': tabs,
        "footnote marks ([^name])": footnotes,
        # The same figures, in whatever order each language's sentences need.
        "quoted figures ({{ name }})": sorted(QUOTE.findall(text)),
        # Language of each code block in order (its title may be translated).
        "code blocks": [FENCE_INFO.match(line)[1] for line in lines if FENCE_INFO.match(line)],
    }


def test_every_page_exists_in_both_languages():
    korean, english = pages("ko"), pages("en")
    problems = [f"docs/en/{p} is missing (docs/ko/{p} exists)" for p in sorted(korean - english)]
    problems += [f"docs/ko/{p} is missing (docs/en/{p} exists)" for p in sorted(english - korean)]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("page", sorted(pages("ko") & pages("en")))
def test_both_languages_share_the_skeleton(page):
    korean, english = skeleton(DOCS / "ko" / page), skeleton(DOCS / "en" / page)
    problems = []
    for part in korean:
        if korean[part] != english[part]:
            diff = "\n".join(
                difflib.unified_diff(korean[part], english[part], f"docs/ko/{page}", f"docs/en/{page}", lineterm="")
            )
            problems.append(f"{part} differ:\n{diff}")
    assert not problems, "\n\n".join(problems)
