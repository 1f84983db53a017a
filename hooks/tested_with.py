"""Stamp every chapter page with the torch and numpy versions its snippets were tested with, and the build date.

The site is built in the environment the tests run in (CI installs requirements.txt, runs the tests, then builds),
so the installed versions are the tested ones. The date is SOURCE_DATE_EPOCH's when set (reproducible builds),
else today's, in UTC. The line is written in the page's language, at the end of its content.
"""

import os
from datetime import date, datetime, timezone
from importlib.metadata import PackageNotFoundError, version

from mkdocs.exceptions import PluginError

CHAPTERS = ("data", "models", "loss", "optimization")
PACKAGES = ("torch", "numpy")
# The Korean particle after a number depends on how its last digit is read: 0 영, 3 삼, 6 육 take 으로.
_EURO = set("036")
SENTENCE = {
    "ko": "이 페이지의 코드는 {torch}, {numpy}{particle} {date}에 테스트했습니다.",
    "en": "The code on this page was last tested with {torch} and {numpy} on {date}.",
}

_build: dict = {}  # filled once per build by on_config: {"versions": {...}, "date": date}


def installed_version(package: str) -> str:
    """The installed version, without a local label such as `+cpu`."""
    try:
        return version(package).split("+")[0]
    except PackageNotFoundError as error:
        raise PluginError(
            f"hooks/tested_with.py: {package} is not installed, so the page cannot say which version its code was "
            f"tested with; build in the test environment: pip install -r requirements.txt"
        ) from error


def build_date() -> date:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.fromtimestamp(int(epoch), tz=timezone.utc).date()
    return datetime.now(tz=timezone.utc).date()


def korean_particle(text: str) -> str:
    """으로 after a final consonant (0, 3, 6), 로 otherwise (1, 7, 8 end in ㄹ and take 로)."""
    last = text[-1]
    if last.isdigit():
        return "으로" if last in _EURO else "로"
    return "(으)로"


def stamp_text(lang: str, versions: dict[str, str], day: date) -> str:
    numpy = f"numpy {versions['numpy']}"
    return SENTENCE.get(lang, SENTENCE["en"]).format(
        torch=f"torch {versions['torch']}", numpy=numpy, particle=korean_particle(numpy), date=day.isoformat()
    )


def is_chapter_page(page) -> bool:
    uri = getattr(page.file, "norm_src_uri", page.file.src_uri)
    return uri.split("/", 1)[0] in CHAPTERS


def on_config(config):
    _build["versions"] = {package: installed_version(package) for package in PACKAGES}
    _build["date"] = build_date()
    return config


def on_page_content(html, page, config, files):
    if not is_chapter_page(page):
        return html
    lang = getattr(page.file, "locale", None) or config.theme.get("language", "en")
    if not _build:
        on_config(config)
    text = stamp_text(lang, _build["versions"], _build["date"])
    # data-search-exclude: Material's search leaves the line out, so it does not match on every chapter page.
    return f'{html}\n<p class="tested-with" data-search-exclude><small>{text}</small></p>\n'
