"""A page printed from the browser (Ctrl+P) is its content: title, prose, math, code and its output, no navigation.

One chapter page per language is printed to PDF by Chromium, as a reader's "Save as PDF" does, and read back with
pypdf. Text is compared with spaces and control characters left out: PDF text extraction does not keep them
reliably (a space of the code font comes back as \\x01).
"""

from __future__ import annotations

import io
import unicodedata

import pytest

from tests.browser_support import without_search_index
from tests.conftest import REPO

# The last line the page's XOR snippet prints, as recorded.
OUTPUT = (REPO / "snippets" / "ai_ml_dl" / "xor_needs_layers.out").read_text(encoding="utf-8").splitlines()[-1]
# The shortest chapter page with prose, math, code, its output and a figure: printing costs Chromium CPU by the page.
PAGES = {
    "ai-ml-dl/": {"has": ["AI ⊃ ML ⊃ DL", "머신러닝: 규칙을 데이터에서 배운다", "F=1.8C+32", "def train(model", OUTPUT]},
    "en/ai-ml-dl/": {"has": ["AI ⊃ ML ⊃ DL", "Machine learning: rules learned from data", "F=1.8C+32",
                             "def train(model", OUTPUT]},
}  # fmt: skip
# Labels that only the navigation, the header and the footer carry on these pages.
NAVIGATION = {
    "ai-ml-dl/": ["라이선스", "용어집", "딥러닝 기초"],
    "en/ai-ml-dl/": ["License", "Glossary", "Deep Learning Basics"],
}


def plain(text: str) -> str:
    return "".join(ch for ch in text if not (ch.isspace() or unicodedata.category(ch).startswith("C")))


@pytest.mark.parametrize("path", list(PAGES))
def test_a_printed_page_is_its_content_without_the_navigation(browser, served_site, path):
    import pypdf

    page = without_search_index(browser.new_context()).new_page()
    try:
        page.goto(served_site + path, wait_until="load")
        pdf = pypdf.PdfReader(io.BytesIO(page.pdf(format="A4")))
    finally:
        page.context.close()
    raw = [sheet.extract_text() for sheet in pdf.pages]
    # Copied from the PDF, code keeps its spaces (a Nanum font's space came back as \x01: docs/assets/stylesheets).
    assert not any("\x01" in text for text in raw), f"/{path}: spaces printed as U+0001"
    assert any("def train(model: torch.nn.Module" in text for text in raw), f"/{path}: the code lost its spaces"
    texts = [plain(text) for text in raw]
    assert all(texts), f"blank pages: {[n for n, text in enumerate(texts, 1) if not text]}"
    text = "".join(texts)
    missing = [probe for probe in PAGES[path]["has"] if plain(probe) not in text]
    assert not missing, f"/{path} printed without: {missing}"
    shown = [label for label in NAVIGATION[path] if plain(label) in text]
    assert not shown, f"/{path} printed the navigation: {shown}"
