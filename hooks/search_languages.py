"""Search in the reader's language: one index per language, Korean compounds searchable by their parts.

Material's search worker (lunr) cuts the indexed text and the typed query with the same regular expression,
the `separator` of the search plugin. A zero-width alternative such as `(?=함수)(?<=손실)` therefore cuts
"손실함수는" into 손실|함수는 in the index and "손실함수" into 손실|함수 in the query, so "함수", "손실함수"
and "손실 함수" all find the page, while the text shown in results stays exactly as written: nothing is
inserted into it. This hook derives those cuts at build time from the site's own Korean words with Kiwi, an
offline morphological analyser:
- between the nouns of a compound (손실|함수, 확률적|경사|하강법, 인공|지능); a noun Kiwi keeps whole
  (경사하강법, 교차엔트로피) is split into nouns the site uses elsewhere (경사|하강법, 교차|엔트로피);
- between two nouns the pages write with a space (손실 함수), for readers who type them as one word;
- before a particle that follows a noun (함수|는, 하강법|을), so "과적합을" finds "과적합은" too.
Kiwi's analyses are cached per word in `.cache/search_kiwi.json`: it loads only for words it has not seen.
Words the pages join with a dash (편향–분산) are cut like words joined by a space, and dashes cut both indexes.

What readers type that the pages do not write is read on the query side, by the search worker
`overrides/assets/javascripts/workers/search-reader.js`, which every page's `__config.search` points to; it
wraps Material's worker and passes its query on rewritten: a compound typed halfway or without its space
(교차엔트 -> 교차 엔트, 클래스불균형 -> 클래스 불균형), a syllable the input method is still composing (손시, 경샇, 역전ㅍ),
a derivational suffix the pages do not write (적대적 -> 적대, regularize -> regulariz), British spelling. The
other names of a term come from docs/glossary.yml (`wrong_ko`, `also`, `abbr`, and the English term on Korean
pages): this hook ships them in the index as `config.variants`, normalised name -> the term as the pages of
that language write it, and the worker adds the term to a query that contains one of its names, or puts it in
the place of the name where no page writes the name (`config.unwritten`: 경사 소실 -> 기울기 소실).

mkdocs-static-i18n merges every language into `/search/search_index.json`, where an English query finds
Korean pages and the reverse. After the last language is built this hook writes one index per language,
`/search/search_index.json` for the default language and `/<locale>/search/search_index.json` for the
others, and points each non-default page's `__config.base` at its language root, because Material fetches
the index from `<base>/search/search_index.json` and resolves result links against the same base.
A section whose heading has no id (Jupyter pages, headings without Latin letters) repeats its page's
location, which breaks the worker; such a section is folded into the entry before it.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import re
from collections import defaultdict
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

HANGUL = "가-힣"
HANGUL_RUN = re.compile(f"[{HANGUL}]+")
NOUN_TAGS = {"NNG", "NNP", "NR", "XR"}  # morphemes that can start a searchable part of a compound
PARTICLE_TAGS = ("J", "VCP")  # 조사, and 이다 ("함수입니다")
CONFIG_BASE = re.compile(r'("base": ")([^"]*)(")')
CONFIG_WORKER = re.compile(r'("search": ")([^"]*/)(search\.[0-9a-f]+\.min\.js)(")')
READER = (
    Path(__file__).resolve().parent.parent / "overrides" / "assets" / "javascripts" / "workers" / "search-reader.js"
)
DASHES = "\u2013\u2014"  # en and em dash: 편향–분산, bias–variance
JOINERS = {" ", "-", "\u2013", "\u2014"}  # what pages put between two words that readers type as one
CACHE_VERSION = 1


# --- Korean splits --------------------------------------------------------------------------------


def hangul_words(docs: list[dict]) -> tuple[set[str], set[tuple[str, str]]]:
    """Every run of Hangul in the titles and texts of the index, and the runs that follow each other
    with only a space or a dash between them ("손실 함수", "편향–분산"), which readers also type as one word."""
    words, neighbours = set(), set()
    for doc in docs:
        for text in (doc.get("title", ""), doc.get("text", "")):
            runs = list(HANGUL_RUN.finditer(text))
            words.update(run[0] for run in runs)
            for first, second in zip(runs, runs[1:]):
                if text[first.end() : second.start()] in JOINERS:
                    neighbours.add((first[0], second[0]))
    return words, neighbours


def analyse(words: set[str], cache_file: Path | None) -> dict[str, list[list]]:
    """Kiwi's morphemes of each word as [start, length, tag], read from and written to the cache."""
    try:
        version = metadata.version("kiwipiepy")
    except metadata.PackageNotFoundError:
        version = None
    key = f"{CACHE_VERSION}|{version}"
    cache = {}
    if cache_file and cache_file.is_file():
        try:
            stored = json.loads(cache_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):  # unreadable: analyse again and rewrite it
            stored = {}
        cache = stored.get("words", {}) if stored.get("key") == key else {}
    missing = sorted(words - cache.keys())
    if missing:
        try:
            from kiwipiepy import Kiwi
        except ImportError as error:
            raise PluginError("hooks/search_languages.py needs kiwipiepy: pip install -r requirements.txt") from error
        kiwi = Kiwi(num_workers=1, load_typo_dict=False, load_multi_dict=False)
        for word, tokens in zip(missing, kiwi.tokenize(missing)):
            cache[word] = [[token.start, token.len, token.tag] for token in tokens]
        if cache_file:  # written whole and then renamed: a build running beside this one never reads half a file
            cache_file = cache_file.resolve()  # a link to a cache shared between sites (the tests' scratch sites)
            cache_file.parent.mkdir(parents=True, exist_ok=True)
            partial = cache_file.with_name(f"{cache_file.name}.{os.getpid()}")
            partial.write_text(json.dumps({"key": key, "words": cache}, ensure_ascii=False, sort_keys=True))
            os.replace(partial, cache_file)
    return {word: cache[word] for word in words}


@dataclass
class Word:
    parts: list[str]  # the compound's parts: 확률적|경사|하강법
    heads: list[str]  # each part's leading noun, what a query typed so far surely has: 확률|경사|하강
    rest: str  # what follows the nouns: a particle (을, 에서는, 입니다), an ending, or ""
    particle: bool  # whether the rest starts with a particle or 이다


def parse_word(word: str, morphemes: list[list]) -> Word:
    """Cut a word into compound parts at Kiwi's noun boundaries; a part keeps its suffixes (은닉층)."""
    parts: list[str] = []
    heads: list[str] = []
    end = 0
    for start, length, tag in morphemes:
        surface = word[start : start + length]
        if start != end or not HANGUL_RUN.fullmatch(surface) or tag not in NOUN_TAGS | {"XSN", "XPN"}:
            break
        # A noun of two syllables or more starts a new part, unless the part so far is a lone syllable (비선형).
        if tag in NOUN_TAGS and length >= 2 and (not parts or len(parts[-1]) >= 2):
            parts.append(surface)
            heads.append(surface)
        elif parts:
            parts[-1] += surface
        else:
            parts.append(surface)
            heads.append(surface)
        end = start + length
    following = next((tag for start, _, tag in morphemes if start >= end), "")
    return Word(parts, heads, word[end:], following.startswith(PARTICLE_TAGS))


def decompose(noun: str, known: set[str]) -> list[tuple[str, str]] | None:
    """Split a noun that Kiwi keeps whole (경사하강법, 교차엔트로피) into nouns the site uses elsewhere.

    Returns (part, head) pairs with the fewest parts, each part a known noun of two syllables or more,
    the last one possibly followed by one more syllable (하강 + 법), or None.
    """
    best: list[list[tuple[str, str]] | None] = [None] * (len(noun) + 1)
    best[0] = []
    for end in range(2, len(noun) + 1):
        for start in range(0, end - 1):
            if best[start] is None:
                continue
            piece = noun[start:end]
            head = piece if piece in known else None
            if head is None and end == len(noun) and noun[start : end - 1] in known and end - start >= 3:
                head = noun[start : end - 1]
            if head is None or piece == noun:
                continue
            candidate = best[start] + [(piece, head)]
            if best[end] is None or len(candidate) < len(best[end]):
                best[end] = candidate
    result = best[len(noun)]
    return result if result and len(result) >= 2 else None


def korean_vocabulary(
    analyses: dict[str, list[list]], neighbours: set[tuple[str, str]] = frozenset()
) -> tuple[set[str], set[str], set[str], set[str]]:
    """Where Korean words may be cut: (lefts, rights) of compound boundaries, (stems, particles).

    From 매개변수를 (매개/NNG 변수/NNG 를/JKO): left 매개, right 변수, stem 변수, particle 를. From the
    neighbours 손실 함수: left 손실, right 함수, so that "손실함수" typed as one word is cut the same way.
    """
    words = {word: parse_word(word, morphemes) for word, morphemes in analyses.items()}
    known = {part for word in words.values() for part in word.parts + word.heads if len(part) >= 2}
    lefts, rights, stems, particles = set(), set(), set(), set()
    for text, word in words.items():
        parts: list[tuple[str, str]] = []
        for part, head in zip(word.parts, word.heads):
            parts.extend((len(part) >= 4 and decompose(part, known)) or [(part, head)])
        word.parts, word.heads = [p for p, _ in parts], [h for _, h in parts]
        for (left, _), (_, right) in zip(parts, parts[1:]):
            lefts.add(left)
            rights.add(right)
        if word.particle and parts and len(parts[-1][0]) >= 2:
            stems.add(parts[-1][0])
            particles.add(word.rest)
    for first, second in neighbours:
        before, after = words.get(first), words.get(second)
        if before and after and before.parts and not before.rest and after.parts and len(after.heads[0]) >= 2:
            if len(before.parts[-1]) >= 2:
                lefts.add(before.parts[-1])
                rights.add(after.heads[0])
    return lefts, rights, stems, particles


def _minimal(strings: set[str], *, suffixes: bool = False) -> list[str]:
    """Drop every string that a shorter one already covers as its prefix (or, for stems, its suffix)."""
    kept: list[str] = []
    for text in sorted(strings, key=len):
        if not any((text.endswith(k) if suffixes else text.startswith(k)) for k in kept):
            kept.append(text)
    return sorted(kept)


def trie_pattern(strings: list[str]) -> str:
    """An alternation of literal strings factored by common prefix: 손실|손익 -> 손(?:실|익)."""
    trie: dict = {}
    for text in strings:
        node = trie
        for char in text:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [re.escape(char) + emit(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:  # a string ends here and longer ones go on
            return f"(?:{body})?"
        return body

    return "(?:" + emit(trie) + ")"


@functools.lru_cache(maxsize=4)
def _separator_for(base: str, *vocabulary: frozenset[str]) -> str:
    return korean_separator(base, *vocabulary)


def korean_separator(base: str, lefts: set[str], rights: set[str], stems: set[str], particles: set[str]) -> str:
    """Material's separator plus zero-width cuts inside Korean words; index and query are cut alike.

    Each cut is a lookahead then a lookbehind: the lookahead rules out most positions at once. Only
    non-capturing groups: Material's page highlighter splices the separator into a larger expression
    and counts that expression's capture groups.
    """
    cuts = [base]
    if lefts and rights:  # 손실함수 -> 손실|함수, 경사하강법 -> 경사|하강법
        cuts.append(f"(?={trie_pattern(_minimal(rights))})(?<={trie_pattern(_minimal(lefts, suffixes=True))})")
    if stems and particles:  # 함수는 -> 함수|는
        cuts.append(f"(?={trie_pattern(_minimal(particles))})(?<={trie_pattern(_minimal(stems, suffixes=True))})")
    cuts.append(f"(?<=[A-Za-z0-9])(?=[{HANGUL}])")  # Adam은 -> Adam|은
    return "|".join(cuts)


# --- Other names of a term, from the glossary ---------------------------------------------------------

VARIANT_JUNK = re.compile(r"[\s\-\u2013\u2014·.]+")


def variant_key(name: str) -> str:
    """How the worker compares a name with a query: case folded, without spaces, dashes and dots."""
    return VARIANT_JUNK.sub("", str(name)).casefold()


def _has_hangul(text: str) -> bool:
    return bool(HANGUL_RUN.search(text))


def term_names(term: dict, locale: str) -> list[str]:
    """The names a reader may type for a term, besides the term itself as the pages of `locale` write it.

    Korean pages: the Korean variants (`wrong_ko`, the Hangul ones of `also`), the abbreviation, the Latin
    names of `also` and the English term (written once per page, in parentheses). English pages: the
    abbreviation and the Latin names of `also`.
    """
    also = [str(name) for name in term.get("also") or []]
    latin = [str(term["abbr"])] if term.get("abbr") else []
    latin += [name for name in also if not _has_hangul(name)]
    if locale == "ko":
        korean = [str(name) for name in term.get("wrong_ko") or []] + [name for name in also if _has_hangul(name)]
        return korean + latin + [str(term["en"])]
    return latin


def glossary_variants(terms: list[dict], locale: str) -> tuple[dict[str, str], list[str]]:
    """Normalised name -> the term (or terms, space-separated) as the pages of `locale` write it.

    A name that is another term, or another term's abbreviation, is ambiguous and left out (정규화 is
    normalisation; a reader who types it is not adding 규제); so is a Korean name found inside another term
    that does not contain its own (파라미터 in 하이퍼파라미터), which a reader typing that term would set off.
    Returns the table and the names left out.
    """
    if locale not in ("ko", "en"):
        return {}, []
    own = {}
    for term in terms:
        for name in (term.get("ko"), term.get("en"), term.get("abbr")):
            if name:
                own.setdefault(variant_key(name), term[locale])
    terms_text = [variant_key(term["ko"]) for term in terms if term.get("ko")]
    table: dict[str, list[str]] = {}
    left_out = []
    for term in terms:
        target = str(term.get(locale) or "")
        for name in term_names(term, locale):
            key = variant_key(name)
            if not key or name.casefold() == target.casefold():
                continue  # "하이퍼 파라미터" stays: typed, it adds the one word 하이퍼파라미터
            if own.get(key, target) != target or (
                _has_hangul(key) and any(key in other and variant_key(target) not in other for other in terms_text)
            ):
                left_out.append(f"{name} ({term['ko']})")
                continue
            table.setdefault(key, [])
            if target not in table[key]:
                table[key].append(target)
    return {key: " ".join(targets) for key, targets in sorted(table.items())}, left_out


def unwritten(variants: dict[str, str], docs: list[dict]) -> list[str]:
    """The names that no page of the index writes (옵티마이져, hold-out set), and those that are their term
    spelt with other spaces or dashes (hyper-parameter): the worker puts the term in their place instead of
    adding it, as their own words find only pages that use them in another sense."""
    text = variant_key(" ".join(f"{doc.get('title', '')} {doc.get('text', '')}" for doc in docs))
    return [key for key, term in variants.items() if key not in text or key == variant_key(term)]


def names_for_index(terms: list[dict], locale: str, docs: list[dict]) -> tuple[dict[str, str], list[str]]:
    """The names the worker reads for the index of `locale`, and those of them no page writes.

    A name the pages write in their own script (BCE, LSTM and lr on English pages) already finds them as typed,
    ranked as Material ranks it: it is left out, so such queries keep their order. Latin names on Korean pages
    stay: there the English is written once per page, in parentheses, and the Korean term is what pages say.
    """
    variants, _ = glossary_variants(terms, locale)
    absent = set(unwritten(variants, docs))
    kept = {key: term for key, term in variants.items() if key in absent or _has_hangul(key) != (locale == "ko")}
    return kept, [key for key in kept if key in absent]


def read_glossary(config) -> list[dict]:
    path = Path(config.docs_dir) / "glossary.yml"
    if not path.is_file():
        return []
    try:
        terms = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:
        return []  # hooks/glossary.py reports it, naming the line
    return [term for term in terms or [] if isinstance(term, dict) and term.get("ko") and term.get("en")]


# --- One index per language -------------------------------------------------------------------------


def _languages(config) -> tuple[str, list[str]]:
    """The default locale and the other built locales, from mkdocs-static-i18n (or the theme alone)."""
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return config.theme.get("language", "en"), []
    languages = [lang for lang in i18n.config.languages if lang.build]
    default = next((lang.locale for lang in languages if lang.default), languages[0].locale)
    return default, [lang.locale for lang in languages if lang.locale != default]


def fold_duplicates(docs: list[dict]) -> list[dict]:
    """Keep each location once: a later entry with the same location is appended to the first one."""
    seen: dict[str, dict] = {}
    kept = []
    for doc in docs:
        first = seen.get(doc["location"])
        if first is None:
            doc = dict(doc)
            seen[doc["location"]] = doc
            kept.append(doc)
            continue
        extra = " ".join(part for part in (doc.get("title", ""), doc.get("text", "")) if part)
        first["text"] = f"{first.get('text', '')} {extra}".strip()
    return kept


def split_by_language(docs: list[dict], default: str, others: list[str]) -> dict[str, list[dict]]:
    """Entries per locale; locations of other languages become relative to their language root."""
    result: dict[str, list[dict]] = defaultdict(list)
    for doc in docs:
        locale = next((lang for lang in others if doc["location"].startswith(f"{lang}/")), default)
        if locale != default:
            doc = {**doc, "location": doc["location"][len(locale) + 1 :]}
        result[locale].append(doc)
    return {locale: fold_duplicates(result.get(locale, [])) for locale in [default, *others]}


def _page_locale(page, config) -> str | None:
    locale = getattr(page.file, "locale", None)
    default, others = _languages(config)
    return locale if locale in others else None


def _reader_version(config) -> str:
    """A hash of the reader's worker, where the theme ships it (overrides/ is the theme's custom_dir), or ""."""
    for folder in config.theme.dirs:
        shipped = Path(folder) / READER.relative_to(READER.parents[3])
        if shipped.is_file():
            return hashlib.sha256(shipped.read_bytes()).hexdigest()[:8]
    return ""


def on_post_page(output, page, config):
    """Every page searches with the reader's worker; a page of a non-default language reads the index of its
    own language, under /<locale>/."""
    locale = _page_locale(page, config)
    start = output.find('<script id="__config"')
    if start < 0:
        return output
    end = output.find("</script>", start)
    script = output[start:end]
    version = _reader_version(config)
    if version:  # Material's worker is named by its hash; the reader loads it by that name, from beside it
        script = CONFIG_WORKER.sub(
            lambda m: f"{m[1]}{m[2]}{READER.name}?material={m[3]}&v={version}{m[4]}", script, count=1
        )
    if locale is not None:

        def rebase(match):
            base = match[2].rstrip("/") or "."
            return f"{match[1]}{base}/{locale}/{match[3]}"  # a trailing slash, or URLs resolve beside it

        script = CONFIG_BASE.sub(rebase, script, count=1)
    return output[:start] + script + output[end:]


@event_priority(-200)  # after mkdocs-static-i18n (-100) has built every language and merged the index
def on_post_build(config):
    i18n = config.plugins.get("i18n")
    if i18n is not None and getattr(i18n, "building", False):
        return  # a language built from inside i18n; the merged index comes at the end
    site = Path(config.site_dir)
    merged_file = site / "search" / "search_index.json"
    if not merged_file.is_file():
        return
    merged = json.loads(merged_file.read_text(encoding="utf-8"))
    default, others = _languages(config)
    cache_file = Path(config.config_file_path).parent / ".cache" / "search_kiwi.json"
    terms = read_glossary(config)
    for locale, docs in split_by_language(merged["docs"], default, others).items():
        index_config = dict(merged["config"])
        index_config["lang"] = ["en"]  # lunr's own language support: none has Korean tokens right
        index_config["pipeline"] = ["stopWordFilter"]
        index_config["separator"] = f"[{DASHES}]+|{merged['config']['separator']}"
        if locale == "ko":
            words, neighbours = hangul_words(docs)
            vocabulary = korean_vocabulary(analyse(words, cache_file), neighbours)
            # The same words, the same separator: kept across the rebuilds of `mkdocs serve` (a quarter second each).
            index_config["separator"] = _separator_for(index_config["separator"], *map(frozenset, vocabulary))
        variants, absent = names_for_index(terms, locale, docs)
        if variants:
            index_config["variants"] = variants
            index_config["unwritten"] = absent
        target = (
            site / "search" / "search_index.json"
            if locale == default
            else site / locale / "search" / "search_index.json"
        )
        target.parent.mkdir(parents=True, exist_ok=True)
        data = json.dumps({"config": index_config, "docs": docs}, ensure_ascii=False, separators=(",", ":"))
        target.write_text(data, encoding="utf-8")
