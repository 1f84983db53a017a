"""Numbers in prose are quoted from the runs they describe (hooks/quotes.py), never typed by hand.

- every figure of every chapter resolves: its file exists, its `find` matches one place, its claims (`check`) hold;
- every `{{ name }}` on a page names a figure;
- the prose was last read with the figures the outputs print now: a rerun that moves a figure fails here, naming
  each sentence that quotes it in both languages, with the old and the new value;
- no number in chapter prose is left unaccounted: each is quoted or marked as coming from elsewhere.
The mechanism itself is tested on a scratch chapter: change an output, and the stale sentences are named.
"""

from pathlib import Path

import pytest

from hooks.quotes import QuoteError, final_consonant, load_chapter, particle_for, render_markdown
from scripts import quotes as quotes_script

REPO = Path(__file__).resolve().parent.parent
CHAPTERS = quotes_script.chapters()


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_every_figure_resolves_and_its_claims_hold(chapter):
    quotes, _ = load_chapter(chapter)
    assert quotes, f"snippets/{chapter}/quotes*.yml name no figure"


@pytest.mark.parametrize("page", quotes_script.chapter_pages())
def test_every_placeholder_names_a_figure(page):
    for lang in quotes_script.LANGS:
        path = REPO / "docs" / lang / page
        render_markdown(path.read_text(encoding="utf-8"), page, lang, f"docs/{lang}/{page}")


def test_prose_was_read_with_the_figures_the_outputs_print_now():
    report = []
    for chapter, name, shown, now in quotes_script.changed():
        report.append(f"snippets/{chapter}: {name}: shown {shown}, now {now}, quoted by:")
        report += [f"    {use}" for use in quotes_script.uses(chapter, name)] or ["    (no sentence)"]
    assert not report, (
        "these figures changed since the prose around them was read; reread each sentence (does it still hold?), "
        "then record the new values: python scripts/quotes.py accept\n" + "\n".join(report)
    )


def test_no_number_in_chapter_prose_is_typed_by_hand():
    report = [
        f"{file}:{line}: {number}    {text[:100]}"
        for page in quotes_script.chapter_pages()
        for file, line, number, text in quotes_script.unchecked(page)
    ]
    assert not report, (
        f"{len(report)} numbers in prose are neither quoted ({{{{ name }}}} from snippets/<chapter>/quotes.yml) nor "
        "marked as coming from elsewhere (its elsewhere: section); python scripts/quotes.py unchecked shows where "
        "each is printed\n" + "\n".join(report)
    )


# --- the mechanism, on a scratch chapter ---------------------------------------------------------------------

QUOTES = """\
quotes:
  first_loss:         # a comment after the name
    from: train.out
    find: "step 0: loss {}"
  last_loss:
    from: train.out
    find: "step 20: loss {}"
  steps:
    from: train.py
    find: "for step in range({}):"
  fall:
    value: first_loss / last_loss
    format: ".1f"
    check: fall > 2
  layers:
    value: 4
    format: words
elsewhere:
  "1986": Rumelhart, Hinton & Williams
"""
OUT = "step 0: loss 0.900\nstep 10: loss 0.500\nstep 20: loss 0.300\n"
KO = "# 학습\n\n손실이 {{ first_loss }}에서 {{ last_loss }}로, {{ fall }}배 줄었습니다({{ layers }} 층, 1986).\n"
EN = "# Training\n\nThe loss fell from {{ first_loss }} to {{ last_loss }}, {{ fall }}× in {{ steps }} steps.\n"


@pytest.fixture
def chapter(tmp_path) -> Path:
    (tmp_path / "snippets" / "demo").mkdir(parents=True)
    (tmp_path / "snippets" / "demo" / "quotes.yml").write_text(QUOTES, encoding="utf-8")
    (tmp_path / "snippets" / "demo" / "train.out").write_text(OUT, encoding="utf-8")
    (tmp_path / "snippets" / "demo" / "train.py").write_text("for step in range(21):\n    pass\n", encoding="utf-8")
    for lang, text in (("ko", KO), ("en", EN)):
        (tmp_path / "docs" / lang / "demo").mkdir(parents=True)
        (tmp_path / "docs" / lang / "demo" / "index.md").write_text(text, encoding="utf-8")
    return tmp_path


def render(root: Path, lang: str) -> str:
    text = (root / "docs" / lang / "demo" / "index.md").read_text(encoding="utf-8")
    return render_markdown(text, "demo/index.md", lang, f"docs/{lang}/demo/index.md", root, cache={})


def test_figures_render_from_outputs_code_and_arithmetic(chapter):
    assert "손실이 0.900에서 0.300으로, 3.0배 줄었습니다(네 층, 1986)." in render(chapter, "ko")
    assert "The loss fell from 0.900 to 0.300, 3.0× in 21 steps." in render(chapter, "en")


def test_a_rerun_names_every_stale_sentence_in_both_languages_with_old_and_new_values(chapter):
    quotes_script.accept([], chapter)
    assert quotes_script.changed(chapter) == []
    (chapter / "snippets/demo/train.out").write_text(OUT.replace("0.300", "0.250"), encoding="utf-8")
    changed = {name: (shown, now) for _, name, shown, now in quotes_script.changed(chapter)}
    assert changed == {"last_loss": ("0.300", "0.250"), "fall": ("3.0", "3.6")}
    uses = quotes_script.uses("demo", "last_loss", chapter)
    assert [use.split(":")[:2] for use in uses] == [["docs/ko/demo/index.md", "3"], ["docs/en/demo/index.md", "3"]]
    assert "0.250로" not in render(chapter, "ko") and "0.250으로" in render(chapter, "ko")
    quotes_script.accept([], chapter)
    assert quotes_script.changed(chapter) == []
    assert 'shown: "0.250"' in (chapter / "snippets/demo/quotes.yml").read_text(encoding="utf-8")


def test_a_claim_that_no_longer_holds_fails(chapter):
    (chapter / "snippets/demo/train.out").write_text(OUT.replace("0.300", "0.600"), encoding="utf-8")
    with pytest.raises(QuoteError, match=r"snippets/demo/quotes.yml: fall: the prose claims 'fall > 2'.*fall = 1.5"):
        load_chapter("demo", chapter)


@pytest.mark.parametrize(
    ("find", "message"),
    [("step {}: loss", "matches 3 places"), ("epoch 0: loss {}", "matches 0 places"), ("loss", "exactly one {}")],
)
def test_a_find_that_is_not_one_place_fails_naming_the_figure(chapter, find, message):
    quotes = chapter / "snippets/demo/quotes.yml"
    quotes.write_text(QUOTES.replace('"step 0: loss {}"', f'"{find}"'), encoding="utf-8")
    with pytest.raises(QuoteError, match=rf"snippets/demo/quotes.yml: first_loss: .*{message}"):
        load_chapter("demo", chapter)


def test_an_unknown_figure_fails_with_the_page_and_line(chapter):
    page = chapter / "docs/en/demo/index.md"
    page.write_text(EN + "\nAnd {{ no_such_figure }}.\n", encoding="utf-8")
    with pytest.raises(QuoteError, match=r"docs/en/demo/index.md:5: \{\{ no_such_figure \}\} is not in snippets/demo"):
        render(chapter, "en")


def test_placeholders_inside_code_stay_as_written(chapter):
    page = chapter / "docs/en/demo/index.md"
    page.write_text(
        "# T\n\n```python\nprint(f'{{{{ nothing }}}}')\n```\n\nWrite `{{ name }}`: {{ steps }}.\n", encoding="utf-8"
    )
    rendered = render(chapter, "en")
    assert "{{ nothing }}" in rendered and "Write `{{ name }}`: 21." in rendered


def test_numbers_left_in_prose_are_listed_and_marks_cover_theirs(chapter):
    page = chapter / "docs/ko/demo/index.md"
    page.write_text(KO + "\n학습률 0.1, ResNet-18, `x = 3`, $2^{10}$, 3×3 합성곱.\n", encoding="utf-8")
    listed = [(file, line, number) for file, line, number, _ in quotes_script.unchecked("demo/index.md", chapter)]
    assert listed == [("docs/ko/demo/index.md", 5, "0.1"), ("docs/ko/demo/index.md", 5, "3×3")]


@pytest.mark.parametrize(
    ("figure", "particle", "expected"),
    [
        ("0.203", "로", "으로"),
        ("0.202", "으로", "로"),
        ("11", "으로", "로"),
        ("10", "로", "으로"),
        ("93.3%", "이", "가"),
        ("1000", "가", "이"),
        ("일곱", "은", "은"),
        ("네", "을", "를"),
    ],
)
def test_korean_particles_follow_the_figure_as_read_aloud(figure, particle, expected):
    assert final_consonant(figure) is not False
    assert particle_for(figure, particle) == expected
