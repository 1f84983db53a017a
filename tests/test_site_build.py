"""The strict build passes with zero warnings, and the built site is what a reader should get."""

import re

REPO_PAGES = ["index.html", "ai-ml-dl/index.html", "key-components/index.html"]


def test_strict_build_has_no_warnings(built_site):
    assert built_site.returncode == 0 and not built_site.warnings, "mkdocs build --strict failed:\n" + "\n".join(
        built_site.warnings or built_site.log.splitlines()[-30:]
    )


def test_korean_is_the_default_and_english_lives_under_en(site):
    assert '<html lang="ko"' in (site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in (site / "en" / "index.html").read_text(encoding="utf-8")


def test_language_switcher_leads_to_the_same_page(site):
    korean = (site / "key-components" / "index.html").read_text(encoding="utf-8")
    english = (site / "en" / "key-components" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'href="[./]*en/key-components/"[^>]*hreflang="en"', korean), "no switch to English"
    assert re.search(r'href="[./]*key-components/"[^>]*hreflang="ko"', english), "no switch to Korean"


def test_headings_get_readable_unicode_anchors(site):
    html = (site / "key-components" / "index.html").read_text(encoding="utf-8")
    assert 'id="네-가지-요소"' in html
    assert 'id="_1"' not in html and 'id="_2"' not in html


def test_navigation_is_translated(site):
    assert "시작하기" in (site / "index.html").read_text(encoding="utf-8")
    english = (site / "en" / "index.html").read_text(encoding="utf-8")
    assert "Getting started" in english and "시작하기" not in english


def test_math_is_mathml_and_needs_no_script(site):
    html = (site / "key-components" / "index.html").read_text(encoding="utf-8")
    assert re.search(
        r'<math alttext="L\(w, b\) = [^"]+" xmlns="http://www.w3.org/1998/Math/MathML" display="block">', html
    )
    assert "arithmatex" not in html and "mathjax" not in html.lower() and "katex" not in html.lower()


def test_figures_are_drawn_for_each_language(site):
    korean = (site / "figures" / "ai_ml_dl" / "nested_sets.svg").read_text(encoding="utf-8")
    english = (site / "en" / "figures" / "ai_ml_dl" / "nested_sets.svg").read_text(encoding="utf-8")
    assert "인공지능" in korean and "Artificial intelligence" in english
