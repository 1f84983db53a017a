"""One glossary, used the same way everywhere: docs/glossary.yml is valid, and Korean pages follow it.

Rules for the prose of every Korean page (code, inline code, math, front matter, HTML comments and tags,
and link URLs are not prose):
  (a) an English glossary term in parentheses, "(loss function)", follows the glossary's Korean: 손실 함수;
  (b) no known wrong variant of a term (wrong_ko: 손실함수, 로스 함수, ...) appears;
  (c) the first time a glossary term appears in a page's prose, outside headings, tables, admonition and tab
      titles and image alt text, it is followed by its English in parentheses: 손실 함수(loss function).
      A term followed by different English in parentheses is another sense of the same word, e.g.
      기울기(slope) for the slope of a line, and does not count as the term's first use;
  (d) a loanword written in Hangul (`gloss: false` in the glossary: 데이터, 텐서) never takes its English;
  (e) a term takes its English once per page: not again in a later section;
  (f) one term for one idea: a term glossed with other English, 기울기(slope), is another idea under the same
      word; say 경사 or 변화율 for a slope;
  (g) "곧" standing alone is a calque of "that is": a Korean writer says 즉 or 다시 말해, or rewrites
      (곧바로 and 곧장 are other words).
Every finding of a rule is listed at once, as file:line.
"""

import importlib.util
import logging
import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent
DOCS = REPO / "docs"
GLOSSARY = DOCS / "glossary.yml"
CHAPTERS = ("ai-ml-dl", "key-components", "data", "models", "loss", "optimization")

_spec = importlib.util.spec_from_file_location("glossary_hook", REPO / "hooks" / "glossary.py")
hook = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(hook)
FIELDS, REQUIRED = hook.FIELDS, hook.REQUIRED

HANGUL = "\uac00-\ud7a3"
# A term starts a word: not glued to Hangul, Latin letters or digits before it (자기회귀 is not 회귀).
# Korean particles follow a term directly (손실 함수는), so nothing is required after it.
START = rf"(?<![{HANGUL}A-Za-z0-9])"
PARENS = re.compile(r"[*_]*\s*\(([^()]{0,200})\)")


def load_terms() -> list[dict]:
    """Through the build's own reader, so that a broken file is reported as docs/glossary.yml:line."""
    return hook.load_glossary(GLOSSARY)


TERMS = load_terms()


# --- the glossary file ------------------------------------------------------------------------------------


def test_every_entry_has_the_fields():
    problems = []
    for number, term in enumerate(TERMS, 1):
        where = f"docs/glossary.yml term {number} ({term.get('ko', '?')})"
        missing = [field for field in REQUIRED if not isinstance(term.get(field), str) or not term[field].strip()]
        unknown = sorted(set(term) - FIELDS)
        if missing:
            problems.append(f"{where}: missing {', '.join(missing)}")
        if unknown:
            problems.append(f"{where}: unknown fields {', '.join(unknown)} (allowed: {', '.join(sorted(FIELDS))})")
        if term.get("chapter") not in CHAPTERS:
            problems.append(f"{where}: chapter {term.get('chapter')!r} is not one of {', '.join(CHAPTERS)}")
        if not isinstance(term.get("wrong_ko", []), list):
            problems.append(f"{where}: wrong_ko must be a list")
        if "gloss" in term and term["gloss"] is not False:
            problems.append(f"{where}: gloss is either absent or false")
        if term.get("page") not in (None, hook.UNLINKED) and not str(term["page"]).endswith(".md"):
            problems.append(f"{where}: page {term['page']!r} is neither a page path (loss/regression.md) nor none")
        if "abbr" in term and not re.fullmatch(r"[A-Z][A-Za-z0-9]+", str(term["abbr"])):
            problems.append(f"{where}: abbr {term['abbr']!r} is not an abbreviation such as MSE")
        for language in ("ko", "en"):
            definition = str(term.get(f"def_{language}", ""))
            if "\n" in definition.strip() or "|" in definition:
                problems.append(f"{where}: def_{language} must be one line without '|'")
    assert not problems, "\n".join(problems)


def test_there_are_enough_terms_for_every_chapter():
    per_chapter = Counter(term["chapter"] for term in TERMS)
    assert len(TERMS) >= 80, f"docs/glossary.yml has {len(TERMS)} terms; the site needs at least 80"
    empty = [chapter for chapter in CHAPTERS if not per_chapter[chapter]]
    assert not empty, f"no glossary term introduced in chapter(s): {', '.join(empty)}"


def test_no_term_is_defined_twice():
    problems = []
    for field in ("ko", "en", "abbr"):
        values = Counter(str(term[field]).casefold() for term in TERMS if term.get(field))
        problems += [f"{field} {value!r} appears {count} times" for value, count in values.items() if count > 1]
    assert not problems, "docs/glossary.yml:\n" + "\n".join(problems)


def test_wrong_variants_cannot_be_mistaken_for_right_terms():
    """A wrong variant must never match inside correct text, or the lint would flag good pages."""
    right = [term["ko"] for term in TERMS]
    problems = []
    for term in TERMS:
        for wrong in term.get("wrong_ko", []):
            inside = [ko for ko in right if re.search(START + term_pattern(wrong), ko)]
            if inside:
                problems.append(f"{term['ko']}: wrong variant {wrong!r} is part of the term(s) {inside}")
    assert not problems, "docs/glossary.yml:\n" + "\n".join(problems)


def test_definitions_use_the_glossary_terms():
    problems = []
    for term in TERMS:
        for match in wrong_variant_pattern().finditer(term["def_ko"]):
            problems.append(f"{term['ko']}: def_ko uses {match[0]!r}; the glossary says {WRONG[match[0]]!r}")
    assert not problems, "docs/glossary.yml:\n" + "\n".join(problems)


def test_every_chapter_page_exists_in_both_languages():
    nav = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    problems = []
    for chapter in sorted({term["chapter"] for term in TERMS}):
        for language in ("ko", "en"):
            if hook.chapter_page(DOCS, language, chapter) is None:
                problems.append(f"docs/{language}/{chapter}/index.md (or {chapter}.md) is missing")
        if not any(f"- {page}" in nav for page in (f"{chapter}/index.md", f"{chapter}.md")):
            problems.append(f"chapter {chapter} is not in the nav of mkdocs.yml")
    assert not problems, "glossary terms link to chapters that are not there:\n" + "\n".join(problems)


# --- reading a Korean page ------------------------------------------------------------------------------


def _blank(match: re.Match) -> str:
    """Keep line breaks, so that offsets and line numbers stay those of the file."""
    return re.sub(r"[^\n]", " ", match[0])


def prose(text: str) -> tuple[str, str]:
    """Two copies of the page with everything but prose blanked out: for rules (a) and (b), and for rule (c),
    which also leaves out headings, tables, admonition and tab titles and image alt text."""
    lines = text.split("\n")
    fence = None
    in_front_matter = bool(lines) and lines[0].strip() == "---"
    for i, line in enumerate(lines):
        if in_front_matter:
            if i > 0 and line.strip() in ("---", "..."):
                in_front_matter = False
            lines[i] = " " * len(line)
            continue
        opener = re.match(r"\s*(`{3,}|~{3,})", line)
        if fence:
            if (
                opener
                and opener[1][0] == fence[0]
                and len(opener[1]) >= len(fence)
                and not line.strip()[len(opener[1]) :].strip()
            ):
                fence = None
            lines[i] = " " * len(line)
        elif opener:
            fence = opener[1]
            lines[i] = " " * len(line)
        elif re.match(r"\s*(--8<--|\*\[[^\]]*\]:|\[[^\]]+\]:\s)", line):  # includes, abbreviations, link refs
            lines[i] = " " * len(line)
    text = "\n".join(lines)
    for pattern in (
        r"<!--.*?-->",  # HTML comments, pytest-codeblocks markers among them
        r"(`+)(?:(?!\1)[^\n]|\n(?![ \t]*\n))+?\1",  # inline code, which may wrap but not span paragraphs
        r"\$\$.*?\$\$",  # display math
        r"(?<![\\$])\$[^$\n]+\$",  # inline math
        r"\{\s*[:#.][^}\n]*\}",  # attribute lists
        r"<[A-Za-z/!][^>\n]*>",  # HTML tags and autolinks
        r"(?<=\])\([^)\n]*\)",  # link and image URLs
    ):
        text = re.sub(pattern, _blank, text, flags=re.S)
    first_use = re.sub(r"(?m)^[ \t]*(#{1,6}\s|\||!!!|\?\?\?|===).*$", _blank, text)  # headings, tables, titles
    first_use = re.sub(r"!\[[^\]]*\]", _blank, first_use)  # image alt text
    return text, first_use


def term_pattern(korean: str) -> str:
    return r"\s+".join(re.escape(word) for word in korean.split())


def normalize_english(english: str) -> str:
    return re.sub(r"[\s\-‐–]+", "", english.casefold())


ENGLISH = {normalize_english(term["en"]): term for term in TERMS}
KOREAN = re.compile(
    START + "(" + "|".join(term_pattern(t["ko"]) for t in sorted(TERMS, key=lambda t: -len(t["ko"]))) + ")"
)
WRONG = {wrong: term["ko"] for term in TERMS for wrong in term.get("wrong_ko", [])}


def wrong_variant_pattern() -> re.Pattern:
    variants = sorted(WRONG, key=len, reverse=True)
    return re.compile(START + "(" + "|".join(term_pattern(v) for v in variants) + ")")


def english_term(part: str) -> dict | None:
    """The glossary term a normalized English word names, plurals included."""
    for candidate in (part, part.removesuffix("s"), part.removesuffix("es")):
        if candidate in ENGLISH:
            return ENGLISH[candidate]
    return None


def korean_of(match_text: str) -> dict:
    return next(t for t in TERMS if " ".join(match_text.split()) == t["ko"])


def english_parts(parenthesized: str) -> list[str]:
    return [normalize_english(part) for part in re.split(r"[,;]", parenthesized) if part.strip()]


def names_english(parenthesized: str, term: dict) -> bool:
    wanted = normalize_english(term["en"])
    return any(part in (wanted, wanted + "s", wanted + "es") for part in english_parts(parenthesized))


def line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def lint_page(path: Path, where: str | None = None) -> list[str]:
    """Every finding of rules (a), (b) and (c) on one Korean page, as 'file:line: rule: message'."""
    text = path.read_text(encoding="utf-8")
    where = where or path.relative_to(REPO).as_posix()
    checked, first_use_text = prose(text)
    findings = []

    # (a) "(loss function)" must follow the glossary's Korean.
    for match in PARENS.finditer(checked):
        parts = english_parts(match[1])
        term = english_term(parts[0]) if parts else None
        if term is None:
            continue
        before = checked[: match.start()].rstrip()
        if not before or not re.match(f"[{HANGUL}]", before[-1]):
            continue  # not a Korean word glossed in English
        if re.search(START + term_pattern(term["ko"]) + r"$", before):
            continue
        said = re.search(
            rf"[{HANGUL}A-Za-z0-9-]+(?:\s+[{HANGUL}A-Za-z0-9-]+){{0,{len(term['ko'].split()) - 1}}}$", before
        )
        findings.append(
            f"{where}:{line_of(text, match.start())}: (a) '{said[0] if said else before[-10:]}({match[1]})' "
            f"should be '{term['ko']}({term['en']})'"
        )

    # (b) known wrong variants.
    for match in wrong_variant_pattern().finditer(checked):
        variant = " ".join(match[0].split())
        findings.append(f"{where}:{line_of(text, match.start())}: (b) '{variant}' should be '{WRONG[variant]}'")

    # (c) first use gives the English in parentheses; (d) not for a loanword; (e) only once per page.
    seen, glossed = set(), {}
    for match in KOREAN.finditer(first_use_text):
        term = korean_of(match[0])
        gloss = PARENS.match(first_use_text, match.end())
        gives_english = bool(gloss and names_english(gloss[1], term))
        line = line_of(text, match.start())
        if term.get("gloss") is False:
            if gives_english:
                findings.append(f"{where}:{line}: (d) '{term['ko']}' is a loanword: write it without '({gloss[1]})'")
            continue
        if gives_english and term["ko"] in glossed:
            findings.append(
                f"{where}:{line}: (e) '{term['ko']}' is glossed again; its English is given once per page, "
                f"on line {glossed[term['ko']]}"
            )
            continue
        if gives_english:
            glossed[term["ko"]] = line
        if term["ko"] in seen:
            continue
        if gives_english:
            seen.add(term["ko"])
            continue
        abbreviation = normalize_english(term.get("abbr", "")) in english_parts(gloss[1]) if gloss else False
        compound = gloss and any(part.endswith(normalize_english(term["en"])) for part in english_parts(gloss[1]))
        if compound:
            continue  # 로지스틱 회귀(logistic regression): a longer name that ends in the term
        if gloss and re.search("[A-Za-z]", gloss[1]) and not re.search(f"[{HANGUL}]", gloss[1]) and not abbreviation:
            findings.append(
                f"{where}:{line}: (f) '{term['ko']}({gloss[1]})': {term['ko']} means {term['en']} only; "
                f"name this other idea with another word"
            )
            continue
        seen.add(term["ko"])
        later = [
            line_of(text, m.start())
            for m in KOREAN.finditer(first_use_text, match.end())
            if korean_of(m[0]) is term and (g := PARENS.match(first_use_text, m.end())) and names_english(g[1], term)
        ]
        hint = f" (the English is given later, on line {later[0]})" if later else ""
        findings.append(f"{where}:{line}: (c) first use of '{term['ko']}' without '({term['en']})'{hint}")
    # (g) the calque "곧" for "that is".
    for match in re.finditer(rf"(?<![{HANGUL}])곧(?=[\s,])", checked):
        findings.append(
            f"{where}:{line_of(text, match.start())}: (g) '곧' for 'that is': write 즉 or 다시 말해, or rewrite"
        )
    return sorted(findings, key=lambda finding: int(finding.split(":")[1]))


def korean_pages() -> list[Path]:
    return sorted((DOCS / "ko").rglob("*.md"))


def test_korean_pages_follow_the_glossary():
    findings = [finding for page in korean_pages() for finding in lint_page(page)]
    assert not findings, (
        f"{len(findings)} glossary finding(s) in Korean pages (rules in tests/test_glossary.py; "
        "terms in docs/glossary.yml):\n" + "\n".join(findings)
    )


# --- the lint itself ------------------------------------------------------------------------------------


def lint_text(tmp_path: Path, text: str) -> list[str]:
    page = tmp_path / "page.md"
    page.write_text(text, encoding="utf-8")
    return [finding.split(": ", 1)[1] for finding in lint_page(page, where="page.md")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("손실 함수(loss function)는 손실 함수입니다.\n", []),
        ("손실 함수\n(loss function)는 줄어듭니다.\n", []),
        ("**평균 제곱 오차**(mean squared error, MSE)를 씁니다.\n", []),
        (
            "비용 함수(loss function)를 줄입니다.\n",
            ["(a) '비용 함수(loss function)' should be '손실 함수(loss function)'"],
        ),
        ("손실함수를 줄입니다.\n", ["(b) '손실함수' should be '손실 함수'"]),
        ("모델은 손실 함수를 줄입니다.\n", ["(c) first use of '손실 함수' without '(loss function)'"]),
        (
            "데이터(data)와 모델(model), 텐서\n",
            [
                "(d) '데이터' is a loanword: write it without '(data)'",
                "(d) '모델' is a loanword: write it without '(model)'",
            ],
        ),
        (
            "과적합(overfitting)입니다.\n\n## 다음 절\n\n과적합(overfitting)을 막습니다.\n",
            ["(e) '과적합' is glossed again; its English is given once per page, on line 1"],
        ),
        (
            "손실 함수를 줄입니다. 손실 함수(loss function)는\n",
            [
                "(c) first use of '손실 함수' without '(loss function)' (the English is given later, on line 1)",
            ],
        ),
        ("매개변수(parameters)와 손실 함수(loss\nfunction)\n", []),
        ('!!! warning "손실함수를 조심"\n    본문\n', ["(b) '손실함수' should be '손실 함수'"]),
        ("손실 함수(예측의 오차)\n", ["(c) first use of '손실 함수' without '(loss function)'"]),
        ("배치 정규화(batch normalization)는 배치를 표준화(standardization)합니다.\n", []),
        (
            "확률적 경사 하강법(SGD)\n",
            ["(c) first use of '확률적 경사 하강법' without '(stochastic gradient descent)'"],
        ),
        # Longest term first; a term glued to a Hangul prefix is another word.
        ("확률적 경사 하강법(stochastic gradient descent, SGD)과 자기회귀\n", []),
        # One term for one idea: the slope of a line is not the gradient.
        (
            "직선의 기울기(slope)와 절편\n",
            ["(f) '기울기(slope)': 기울기 means gradient only; name this other idea with another word"],
        ),
        # Not prose: code, math, comments, link URLs, headings and tables (for rule c).
        (
            "# 손실 함수\n\n| 손실 함수 |\n| --- |\n\n`손실함수` $x$ <!-- 로스 함수 -->\n"
            "```python\n# 손실함수\n```\n[손실 함수(loss function)](loss/index.md)\n",
            [],
        ),
        ("---\ndescription: 손실함수\n---\n\n본문\n", []),
        (
            "손실의 미분, 곧 변화율을 씁니다. 곧바로 곧장 갑니다.\n",
            ["(g) '곧' for 'that is': write 즉 or 다시 말해, or rewrite"],
        ),
    ],
)
def test_the_lint_finds_what_it_should(tmp_path, text, expected):
    assert lint_text(tmp_path, text) == expected


# --- the build: glossary page and abbreviation tooltips -------------------------------------------------

SCRATCH_GLOSSARY = """
- ko: 평균 제곱 오차
  en: mean squared error
  abbr: MSE
  chapter: {chapter}
  def_ko: 차이를 제곱해 평균한 값.
  def_en: The average of squared differences.
- ko: 손실 함수
  en: loss function
  chapter: loss
  def_ko: 예측이 얼마나 틀렸는지 재는 함수.
  def_en: A function that measures how wrong a prediction is.
"""


def scratch_glossary_site(root: Path, chapter: str = "loss") -> Path:
    from tests.conftest import make_scratch_site

    return make_scratch_site(
        root,
        {
            "glossary.yml": SCRATCH_GLOSSARY.format(chapter=chapter),
            "ko/index.md": "# 홈\n\nMSE는 제곱을, CNN이나 MSEX는 아닙니다.\n\n```python\nMSE = 1\n```\n\n`MSE` 끝.\n",
            "en/index.md": "# Home\n\nThe MSE squares errors.\n\n```python\nMSE = 1\n```\n",
            "ko/loss/index.md": "# 손실 함수\n\n본문.\n",
            "en/loss/index.md": "# Loss functions\n\nText.\n",
            "ko/glossary.md": (DOCS / "ko" / "glossary.md").read_text(encoding="utf-8"),
            "en/glossary.md": (DOCS / "en" / "glossary.md").read_text(encoding="utf-8"),
        },
        ["index.md", "loss/index.md", "glossary.md"],
    )


@pytest.fixture(scope="module")
def glossary_site(tmp_path_factory) -> Path:
    from tests.conftest import build_site

    root = scratch_glossary_site(tmp_path_factory.mktemp("glossary"))
    result = build_site(root / "mkdocs.yml", root / "site")
    assert result.returncode == 0 and not result.warnings, result.log
    return root / "site"


def test_the_glossary_page_lists_every_term_linking_to_its_chapter(glossary_site):
    korean = (glossary_site / "glossary" / "index.html").read_text(encoding="utf-8")
    english = (glossary_site / "en" / "glossary" / "index.html").read_text(encoding="utf-8")
    assert "<th>용어</th>" in korean and "<th>Term</th>" in english
    # Sorted in each language's order: 손실 before 평균 in Korean, loss before mean in English.
    assert korean.index("<strong>손실 함수</strong>") < korean.index("<strong>평균 제곱 오차</strong>")
    assert english.index("<strong>loss function</strong>") < english.index("<strong>mean squared error (")
    assert korean.count('<a href="../loss/">손실 함수</a>') == 2
    assert english.count('<a href="../loss/">Loss functions</a>') == 2
    assert "<!-- glossary -->" not in korean


def test_abbreviations_get_tooltips_in_each_language_outside_code(glossary_site):
    korean = (glossary_site / "index.html").read_text(encoding="utf-8")
    english = (glossary_site / "en" / "index.html").read_text(encoding="utf-8")
    assert '<abbr title="평균 제곱 오차(mean squared error)">MSE</abbr>는' in korean, "a Korean particle follows"
    assert '<abbr title="mean squared error">MSE</abbr> squares' in english
    assert "MSEX" in korean and '<abbr title="평균 제곱 오차(mean squared error)">MSE</abbr>X' not in korean
    for html in (korean, english):
        code = re.findall(r"<pre.*?</pre>|<code>.*?</code>", html, re.S)
        assert code and all("<abbr" not in block for block in code), "abbreviations stay out of code"


def test_a_term_whose_chapter_page_is_missing_is_a_warning_naming_it(tmp_path, caplog):
    """A warning fails the strict build (tests/test_site_build.py), so the build fails naming the term."""
    (tmp_path / "ko" / "loss").mkdir(parents=True)
    (tmp_path / "ko" / "loss" / "index.md").write_text("# 손실 함수\n", encoding="utf-8")
    terms = yaml.safe_load(SCRATCH_GLOSSARY.format(chapter="models"))
    with caplog.at_level(logging.WARNING):
        table = hook.render_table(terms, "ko", tmp_path, "ko/glossary.md")
    assert [record.getMessage() for record in caplog.records] == [
        "ko/glossary.md: docs/glossary.yml: 1 term(s) of chapter 'models' cannot link to it, because neither "
        "docs/ko/models/index.md nor docs/ko/models.md exists: 평균 제곱 오차 (mean squared error)"
    ]
    assert "[손실 함수](loss/index.md)" in table


# --- the glossary's links -------------------------------------------------------------------------------


def uses_term(path: Path, term: dict, lang: str) -> bool:
    """Whether a page's prose (or headings) names the term: the Korean on Korean pages, the English on English."""
    checked, _ = prose(path.read_text(encoding="utf-8"))
    if lang == "ko":
        return re.search(START + term_pattern(term["ko"]), checked) is not None
    return normalize_english(term["en"]) in normalize_english(checked)  # warm-up, warmup; data set, dataset


def test_every_term_links_to_a_page_that_uses_it():
    """A reader who follows a term's link finds the term there; a term no page teaches yet is not linked."""
    problems = []
    for term in TERMS:
        for lang in ("ko", "en"):
            target = hook.term_page(DOCS, lang, term)
            name = term[lang]
            if target == hook.UNLINKED:
                users = [
                    p.relative_to(DOCS / lang).as_posix()
                    for p in sorted((DOCS / lang).rglob("*.md"))
                    if p.name != "glossary.md" and uses_term(p, term, lang)
                ]
                if users and lang == "ko":
                    problems.append(f"{term['ko']}: page: none, but {', '.join(users[:3])} use it: link the page")
            elif target is None:
                problems.append(f"{term['ko']}: docs/{lang}/{term.get('page')} does not exist")
            elif not uses_term(DOCS / lang / target, term, lang):
                problems.append(
                    f"{term['ko']}: links to docs/{lang}/{target}, which never says '{name}' "
                    f"(give the term a page: that uses it, or page: none)"
                )
    assert not problems, "docs/glossary.yml:\n" + "\n".join(problems)


def test_a_broken_or_doubled_glossary_fails_naming_the_file_and_line(tmp_path):
    from mkdocs.exceptions import PluginError

    broken = tmp_path / "glossary.yml"
    broken.write_text("- ko: 손실 함수\n  en: [loss\n", encoding="utf-8")
    with pytest.raises(
        PluginError, match=rf"(?s){re.escape(str(broken))}: not valid YAML: .*in {re.escape(str(broken))}, line 2"
    ):
        hook.load_glossary(broken)
    entry = "- ko: {ko}\n  en: {en}\n  chapter: loss\n  def_ko: 뜻.\n  def_en: Meaning.\n"
    broken.write_text(entry.format(ko="손실 함수", en="loss function") + entry.format(ko="손실 함수", en="loss"))
    with pytest.raises(PluginError, match=rf"{re.escape(str(broken))}:6: ko '손실 함수' is already defined on line 1"):
        hook.load_glossary(broken)
