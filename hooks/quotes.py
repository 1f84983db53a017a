"""Numbers in prose come from the runs they describe: `{{ name }}` on a page becomes a figure read, at build time,
from a recorded output (`*.out`) or from a snippet's source, so a translator never types a number and a rerun
never leaves a sentence behind.

Each chapter names its figures in `snippets/<chapter>/quotes.yml` (the chapter of `loss/regression.md` is
`loss`; of `key-components.md`, `key_components`; a large chapter may split them into `quotes-<part>.yml` files):

    quotes:
      adam_final_loss:                # a number copied from an output, shown as printed
        from: adam_numpy.out
        find: "step 100: loss {}"     # the output's text around it; {} is the number, {_} skips one
        shown: "0.0421"               # what the pages showed when a person last read them (see below)
      first_gradient_ratio:           # derived from other figures of the chapter
        value: abs(g2 / g1)
        format: ".1f"                 # Python format spec, or "words": 4 -> "four" / "네"
        check: first_gradient_ratio > 5   # a claim the prose makes about it
    elsewhere:                        # numbers in the prose that no run produced, with their source
      "2015": ILSVRC 2015, won by ResNet (He et al. 2016)

`find` must match exactly one place in its file; its whitespace matches any run of spaces. `shown` is written by
`python scripts/quotes.py accept`: when a rerun changes a figure, tests/test_quotes.py fails and lists every
sentence that quotes it, old and new value, so the prose around it is reread before the change is accepted.
A page may quote another chapter's figure as `{{ chapter.name }}`. On Korean pages a particle right after a
figure follows its last sound: `{{ loss }}로` becomes 0.203으로 when the loss ends in 3.
"""

from __future__ import annotations

import ast
import hashlib
import math
import operator
import re
from dataclasses import dataclass
from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError

SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's, when PyYAML has it: ten times faster

ROOT = Path(__file__).resolve().parent.parent
PLACEHOLDER = re.compile(r"\{\{\s*([A-Za-z_][\w]*(?:\.[A-Za-z_]\w*)?)\s*\}\}")
NUMBER = r"[-+−]?(?:\d[\d,]*(?:\.\d+)?|\.\d+)(?:[eE][-+−]?\d+)?"
FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
INLINE_CODE = re.compile(r"(?<!`)(`+)(?!`).*?(?<!`)\1(?!`)")
ENTRY_FIELDS = {"from", "find", "value", "format", "check", "shown", "source"}

WORDS = {
    "en": "zero one two three four five six seven eight nine ten eleven twelve".split(),
    # Native Korean numerals as they stand before a counter: 네 가지, 일곱 배.
    "ko": "영 한 두 세 네 다섯 여섯 일곱 여덟 아홉 열 열한 열두".split(),
}


class QuoteError(PluginError):
    pass


@dataclass
class Quote:
    chapter: str
    name: str
    spec: dict
    file: str = "quotes.yml"
    text: str = ""  # as rendered (language-neutral formats); "words" renders per language
    number: float = math.nan

    def render(self, lang: str) -> str:
        if self.spec.get("format") == "words":
            index = int(self.number)
            if index != self.number or not 0 <= index < len(WORDS["en"]):
                raise QuoteError(f"{self.where}: format 'words' needs a whole number up to 12, got {self.number}")
            return WORDS.get(lang, WORDS["en"])[index]
        return self.text

    @property
    def where(self) -> str:
        return f"snippets/{self.chapter}/{self.file}: {self.name}"


def chapter_of(page_path: str) -> str:
    """`loss/regression.md` -> `loss`; `key-components.md` -> `key_components` (the snippets folder's name)."""
    first = page_path.split("/", 1)[0]
    return first.removesuffix(".md").replace("-", "_")


def to_float(text: str) -> float:
    return float(text.replace(",", "").replace("−", "-"))


def find_pattern(template: str) -> re.Pattern:
    """The template's text taken literally, whitespace as any run of spaces, {} as the number, {_} as any number."""
    parts = re.split(r"(\{_?\}|\s+)", template.strip())
    pattern = ""
    for part in parts:
        if part == "{}":
            pattern += f"({NUMBER})"
        elif part == "{_}":
            pattern += NUMBER
        elif part and part.isspace():
            pattern += r"[ \t]+"
        else:
            pattern += re.escape(part)
    compiled = re.compile(pattern)
    if compiled.groups != 1:
        raise ValueError(f"find {template!r} must hold exactly one {{}}")
    return compiled


_BINARY = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
    ast.Pow: operator.pow,
    ast.FloorDiv: operator.floordiv,
    ast.Mod: operator.mod,
}
_COMPARE = {
    ast.Gt: operator.gt,
    ast.GtE: operator.ge,
    ast.Lt: operator.lt,
    ast.LtE: operator.le,
    ast.Eq: operator.eq,
    ast.NotEq: operator.ne,
}
_FUNCTIONS = {"abs": abs, "min": min, "max": max, "round": round, "log10": math.log10, "sqrt": math.sqrt}


def evaluate(expression: str, names: dict[str, float]) -> float | bool:
    """Arithmetic, comparisons, `and`/`or` and a few functions over the chapter's figures; nothing else."""

    def walk(node):
        if isinstance(node, ast.Expression):
            return walk(node.body)
        if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
            return node.value
        if isinstance(node, ast.Name):
            if node.id not in names:
                raise KeyError(node.id)
            return names[node.id]
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
            return -walk(node.operand) if isinstance(node.op, ast.USub) else walk(node.operand)
        if isinstance(node, ast.BinOp) and type(node.op) in _BINARY:
            return _BINARY[type(node.op)](walk(node.left), walk(node.right))
        if isinstance(node, ast.BoolOp):
            values = [walk(value) for value in node.values]
            return all(values) if isinstance(node.op, ast.And) else any(values)
        if isinstance(node, ast.Compare):
            left = walk(node.left)
            for op, right_node in zip(node.ops, node.comparators):
                right = walk(right_node)
                if type(op) not in _COMPARE or not _COMPARE[type(op)](left, right):
                    return False
                left = right
            return True
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in _FUNCTIONS:
            return _FUNCTIONS[node.func.id](*(walk(arg) for arg in node.args))
        raise ValueError(f"not allowed here: {ast.unparse(node)}")

    return walk(ast.parse(str(expression), mode="eval"))


_loaded: dict[str, tuple[dict[str, Quote], dict[str, str]]] = {}


def load_chapter(chapter: str, root: Path = ROOT) -> tuple[dict[str, Quote], dict[str, str]]:
    """As `_load_chapter`, read again only when a file of the chapter's folder has changed (both languages of a
    build, and every rebuild of `mkdocs serve` that touched no snippet, share one reading)."""
    folder = root / "snippets" / chapter
    files = sorted(folder.iterdir()) if folder.is_dir() else []
    digest = hashlib.sha256(str(folder).encode())
    for file in files:  # contents, not times: two writes within one clock tick keep the same mtime
        if file.is_file():
            digest.update(file.name.encode() + b"\0" + file.read_bytes())
    signature = digest.hexdigest()
    if signature not in _loaded:
        _loaded[signature] = _load_chapter(chapter, root)
    return _loaded[signature]


def _load_chapter(chapter: str, root: Path = ROOT) -> tuple[dict[str, Quote], dict[str, str]]:
    """Every figure of one chapter, computed from the files as they are now, and its `elsewhere` marks."""
    quotes, elsewhere = {}, {}
    for path in sorted((root / "snippets" / chapter).glob("quotes*.yml")):
        where = path.relative_to(root).as_posix()
        try:
            data = yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER) or {}
        except yaml.YAMLError as error:
            raise QuoteError(f"{where}: not valid YAML: {error}") from None
        unknown = sorted(set(data) - {"quotes", "elsewhere"})
        if unknown:
            raise QuoteError(f"{where}: unknown sections {unknown} (allowed: quotes, elsewhere)")
        for name, spec in (data.get("quotes") or {}).items():
            if name in quotes:
                raise QuoteError(f"{where}: {name} is named in {quotes[name].file} too")
            quotes[name] = Quote(chapter, name, spec or {}, path.name)
        for number, source in (data.get("elsewhere") or {}).items():
            elsewhere[str(number).replace(" ", "")] = str(source)
    for quote in quotes.values():
        extra = sorted(set(quote.spec) - ENTRY_FIELDS)
        if extra:
            raise QuoteError(f"{quote.where}: unknown fields {extra} (allowed: {', '.join(sorted(ENTRY_FIELDS))})")
        if "from" in quote.spec:
            _read_from_file(quote, path.parent, root)
    pending = [quote for quote in quotes.values() if "from" not in quote.spec]
    while pending:  # derived figures, in whatever order they depend on each other
        known = {name: quote.number for name, quote in quotes.items() if not math.isnan(quote.number)}
        progressed = False
        for quote in list(pending):
            if "value" not in quote.spec:
                raise QuoteError(f"{quote.where}: give either from + find, or value")
            try:
                quote.number = float(evaluate(quote.spec["value"], known))
            except KeyError:
                continue
            except (ValueError, SyntaxError, ZeroDivisionError, TypeError) as error:
                raise QuoteError(f"{quote.where}: value {quote.spec['value']!r}: {error}") from None
            if "format" not in quote.spec and "source" not in quote.spec:
                raise QuoteError(f"{quote.where}: a derived figure needs a format (e.g. '.1f', '.0%', 'words')")
            quote.text = _format(quote, str(quote.spec["value"]))
            pending.remove(quote)
            progressed = True
        if not progressed:
            names = ", ".join(quote.name for quote in pending)
            raise QuoteError(f"snippets/{chapter}: {names}: value names an unknown figure, or a cycle")
    numbers = {name: quote.number for name, quote in quotes.items()}
    for quote in quotes.values():
        if "check" in quote.spec:
            try:
                holds = evaluate(quote.spec["check"], numbers)
            except (KeyError, ValueError, SyntaxError, ZeroDivisionError) as error:
                raise QuoteError(f"{quote.where}: check {quote.spec['check']!r}: {error}") from None
            if not holds:
                shown = ", ".join(
                    f"{n} = {quote_text(quotes[n])}" for n in _names_in(quote.spec["check"]) if n in quotes
                )
                raise QuoteError(
                    f"{quote.where}: the prose claims {quote.spec['check']!r}, which no longer holds ({shown}); "
                    f"reread the sentences that quote it"
                )
    return quotes, elsewhere


def quote_text(quote: Quote) -> str:
    return quote.render("en") if quote.spec.get("format") == "words" else quote.text


def _names_in(expression: str) -> list[str]:
    return [node.id for node in ast.walk(ast.parse(str(expression), mode="eval")) if isinstance(node, ast.Name)]


def _read_from_file(quote: Quote, folder: Path, root: Path) -> None:
    source = folder / str(quote.spec["from"])
    if not source.is_file():
        raise QuoteError(f"{quote.where}: from: {source.relative_to(root)} does not exist")
    if "find" not in quote.spec:
        raise QuoteError(f"{quote.where}: from needs find: the text around the number, with {{}} for it")
    try:
        pattern = find_pattern(str(quote.spec["find"]))
    except ValueError as error:
        raise QuoteError(f"{quote.where}: {error}") from None
    matches = list(pattern.finditer(source.read_text(encoding="utf-8")))
    if len(matches) != 1:
        raise QuoteError(
            f"{quote.where}: find {quote.spec['find']!r} matches {len(matches)} places in "
            f"{source.relative_to(root)}; it must match exactly one (quote more of the line around the number)"
        )
    printed = matches[0].group(1)
    quote.number = to_float(printed)
    quote.text = _format(quote, printed) if "format" in quote.spec else printed


def _format(quote: Quote, fallback: str) -> str:
    spec = quote.spec.get("format")
    if spec is None:
        value = quote.spec.get("value")
        return fallback if not isinstance(value, (int, float)) else str(value)
    if spec == "words":
        return str(int(quote.number)) if quote.number == int(quote.number) else str(quote.number)
    try:
        return format(quote.number, str(spec))
    except ValueError as error:
        raise QuoteError(f"{quote.where}: format {spec!r}: {error}") from None


# --- Korean particles after a figure ------------------------------------------------------------------------

# The final consonant of each digit as read in Sino-Korean (영 일 이 삼 사 오 육 칠 팔 구): None for a vowel.
_DIGIT_FINAL = {
    "0": "ㅇ",
    "1": "ㄹ",
    "2": None,
    "3": "ㅁ",
    "4": None,
    "5": None,
    "6": "ㄱ",
    "7": "ㄹ",
    "8": "ㄹ",
    "9": None,
}
# Powers of ten that a whole number ending in zeros is read with: 10 십, 100 백, 1000 천, 10000 만.
_ZEROS_FINAL = {1: "ㅂ", 2: "ㄱ", 3: "ㄴ", 4: "ㄴ"}
_PAIRS = {
    "으로": ("으로", "로"),
    "로": ("으로", "로"),
    "이": ("이", "가"),
    "가": ("이", "가"),
    "은": ("은", "는"),
    "는": ("은", "는"),
    "을": ("을", "를"),
    "를": ("을", "를"),
    "과": ("과", "와"),
    "와": ("과", "와"),
}
PARTICLE_AFTER = re.compile(r"^(으로|로|이|가|은|는|을|를|과|와)(?![\uac00-\ud7a3])")


def final_consonant(text: str) -> str | None | bool:
    """The last sound of a figure as read aloud in Korean: a consonant, None for a vowel, False if unknown."""
    text = text.rstrip()
    if not text:
        return False
    last = text[-1]
    if "\uac00" <= last <= "\ud7a3":
        code = (ord(last) - 0xAC00) % 28
        return None if code == 0 else "ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ"[code - 1]
    if last == "%":
        return None  # 퍼센트
    if not last.isdigit():
        return False
    number = re.search(r"[\d,.]+$", text).group().replace(",", "")
    if "." not in number and number != "0":
        zeros = len(number) - len(number.rstrip("0"))
        if zeros:
            return _ZEROS_FINAL.get(zeros % 4 or 4, "ㄴ")
    return _DIGIT_FINAL[last]


def particle_for(figure: str, particle: str) -> str:
    final = final_consonant(figure)
    if final is False:
        return particle
    with_final, without = _PAIRS[particle]
    if with_final == "으로":
        return without if final in (None, "ㄹ") else with_final
    return without if final is None else with_final


# --- the build ---------------------------------------------------------------------------------------------

_cache: dict[str, tuple[dict[str, Quote], dict[str, str]]] = {}


def resolve(name: str, page_path: str, root: Path = ROOT, cache: dict | None = None) -> Quote:
    cache = _cache if cache is None else cache
    chapter, _, short = name.rpartition(".")
    chapter = chapter or chapter_of(page_path)
    if chapter not in cache:
        cache[chapter] = load_chapter(chapter, root)
    quotes = cache[chapter][0]
    if short not in quotes:
        raise KeyError(f"{{{{ {name} }}}} is not in snippets/{chapter}/quotes*.yml")
    return quotes[short]


def render_markdown(
    markdown: str, page_path: str, lang: str, source: str, root: Path = ROOT, cache: dict | None = None
) -> str:
    """Replace every `{{ name }}` outside code blocks; an unknown name fails with the page and line."""
    out, fence = [], None
    for number, line in enumerate(markdown.split("\n"), 1):
        match = FENCE.match(line)
        if match and fence is None:
            fence = match.group(1)
        elif match and line.strip() == fence[0] * len(line.strip()) and len(line.strip()) >= len(fence):
            fence = None
        if fence is not None or "{{" not in line:
            out.append(line)
            continue
        rendered, at = [], 0
        for code in INLINE_CODE.finditer(line):  # inline code stays as written
            rendered += [
                _render_text(line[at : code.start()], page_path, lang, f"{source}:{number}", root, cache),
                code.group(),
            ]
            at = code.end()
        out.append("".join(rendered) + _render_text(line[at:], page_path, lang, f"{source}:{number}", root, cache))
    return "\n".join(out)


def _render_text(text: str, page_path: str, lang: str, where: str, root: Path, cache: dict | None) -> str:
    pieces, at = [], 0
    for found in PLACEHOLDER.finditer(text):
        try:
            quote = resolve(found.group(1), page_path, root, cache)
        except KeyError as error:
            raise QuoteError(f"{where}: {error.args[0]}") from None
        figure = quote.render(lang)
        pieces.append(text[at : found.start()] + figure)
        at = found.end()
        particle = PARTICLE_AFTER.match(text[at:]) if lang == "ko" else None
        if particle:
            pieces.append(particle_for(figure, particle.group(1)))
            at += particle.end()
    return "".join(pieces) + text[at:]


def on_pre_build(config):
    _cache.clear()  # load_chapter reads a chapter again when its files change (mkdocs serve)


def on_page_markdown(markdown, page, config, files):
    if page.file.src_uri.endswith(".ipynb"):
        return markdown
    lang, _, page_path = page.file.src_uri.partition("/")
    source = f"docs/{page.file.src_uri}"
    if "{{" in str(page.meta.get("description", "")):
        page.meta["description"] = render_markdown(page.meta["description"], page_path, lang, f"{source} (description)")
    return render_markdown(markdown, page_path, lang, source)


# --- numbers in prose, for the coverage test and scripts/quotes.py ------------------------------------------

# A number as prose writes it: 0.943, 1,000, 1e-8, 10⁻⁴, 8×8, 7.5×. Glued to a Latin letter it is part of a
# name (ResNet-18, float32, L2, 2D), not a figure.
PROSE_NUMBER = re.compile(
    r"(?<![A-Za-z_\d.,])(?<![A-Za-z]-)"
    r"(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?(?:[eE][-−+]?\d+)?[⁰¹²³⁴⁵⁶⁷⁸⁹⁻]*"
    r"(?:\s?×\s?(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?)*"
    r"(?![A-Za-z_\d])"
)
_NOT_PROSE = [
    re.compile(r"`[^`\n]*`"),  # inline code
    re.compile(r"(?<!\\)\$[^$\n]+\$"),  # inline math
    re.compile(r"<!--.*?-->"),
    re.compile(r"<[^>\n]+>"),  # HTML tags and their attributes
    re.compile(r"\]\([^)\s]*(?:\s+\"[^\"]*\")?\)"),  # link targets
    re.compile(r"\[\^[^\]]+\]"),  # footnote marks
    re.compile(r"\{[#.][^}\n]*\}"),  # attribute lists: {#resnet}
    PLACEHOLDER,
]
_LIST_MARKER = re.compile(r"^(\s*)\d+\.(\s)")


def prose_numbers(text: str) -> list[tuple[int, str, str]]:
    """(line, number, the line) for every number in a page's prose, outside code, math, links and citations."""
    found, fence, in_math, in_front = [], None, False, text.startswith("---\n")
    for number, line in enumerate(text.split("\n"), 1):
        stripped = line.strip()
        if in_front:
            in_front = not (number > 1 and stripped == "---")
            prose = line.partition(":")[2] if line.startswith("description:") else ""
        else:
            match = FENCE.match(line)
            if match and fence is None:
                fence = match.group(1)
                continue
            if fence is not None:
                if stripped == fence[0] * len(stripped) and len(stripped) >= len(fence):
                    fence = None
                continue
            if stripped.startswith("$$"):
                in_math = not in_math if stripped == "$$" else (in_math if stripped.endswith("$$") else not in_math)
                continue
            if in_math or stripped.startswith(("--8<--", "[^")) or re.match(r"^\s*\[\^[^\]]+\]:", line):
                continue
            prose = _LIST_MARKER.sub(r"\1\2", line)
        for pattern in _NOT_PROSE:
            prose = pattern.sub(" ", prose)
        found += [(number, m.group().replace(" ", ""), stripped) for m in PROSE_NUMBER.finditer(prose)]
    return found
