"""Draw every figure of the site from code, once per language, before MkDocs collects the files.

Each `snippets/<chapter>/fig_<name>.py` defines `draw(lang) -> matplotlib.figure.Figure`. The result is
`docs/<lang>/figures/<chapter>/<name>.svg`, so pages link to it like any image and the strict build checks the link.
The SVG files are recorded outputs, committed like the `.out` files: drawing all of them takes most of a minute,
so a fresh clone builds from them. Each names, in a comment after its XML declaration, the script it comes from and
a digest of what it was drawn from: its own code, the snippets it runs (the files of its folder it names,
"outlier_fit.py", and theirs in turn), this hook's style and drawing version, the language and the matplotlib and
NumPy versions. A figure whose digest differs is drawn again and rewritten, and the build logs "Figure drawn" (a
test fails on that line in the suite's build: commit the new file). An unchanged file is never rewritten, so
`mkdocs serve` does not loop. Builds are reproducible: fixed SVG ids, no date, text kept as text.
"""

import functools
import hashlib
import importlib.util
import logging
import os
import re
import sys
import traceback
import warnings
from importlib.metadata import version
from pathlib import Path

from mkdocs.exceptions import PluginError

log = logging.getLogger("mkdocs.hooks.figures")

# Mid-grey ink and a transparent background read on both the light and the slate (dark) theme.
INK = "#808080"
STYLE = {
    "svg.fonttype": "none",
    "svg.hashsalt": "deep-learning-basics",
    "figure.facecolor": "none",
    "axes.facecolor": "none",
    "savefig.facecolor": "none",
    "savefig.transparent": True,
    "text.color": INK,
    "axes.labelcolor": INK,
    "axes.edgecolor": INK,
    "xtick.color": INK,
    "ytick.color": INK,
    "grid.color": INK,
    "grid.alpha": 0.3,
    "legend.frameon": False,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "font.size": 11,
}
COLOURS = ["#3b82f6", "#f97316", "#10b981", "#e11d48", "#a855f7", "#eab308", "#06b6d4", "#84cc16"]
# With text kept as text the browser picks the font: the pages' stack, with Latin fonts before the Nanum fallback
# (as the pages have when printed: a Nanum font's space is U+0001 in Chromium's PDFs, docs/assets/stylesheets).
FONT_STACK = (
    "'Pretendard', 'Apple SD Gothic Neo', 'Noto Sans KR', 'Malgun Gothic', 'Liberation Sans', 'DejaVu Sans', "
    "'NanumGothic', sans-serif"
)

# What this hook does to a drawing, in the digest: the style above, and a version to bump by hand when a change to
# the code below alters the SVG it writes. (Its whole source was in the digest: any edit, even of a comment,
# re-recorded all 66 files.)
DRAWING = repr(("drawing 2", STYLE, COLOURS, FONT_STACK)).encode()

# Files opened while a figure is drawn (an audit hook, on only then): a snippet the figure runs must be a dependency.
_opened: set[Path] = set()
_watching = [False]


def _audit(event, args):
    if _watching[0] and event == "open" and isinstance(args[0], (str, os.PathLike)):
        _opened.add(Path(args[0]).resolve())


if not getattr(sys, "_figures_audit_hook", False):
    sys.addaudithook(_audit)
    sys._figures_audit_hook = True


def _languages(config) -> list[str]:
    return [lang.locale for lang in config.plugins["i18n"].config.languages if lang.build]


def _load_draw(script: Path):
    spec = importlib.util.spec_from_file_location(f"figure_{script.parent.name}_{script.stem}", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    if not callable(getattr(module, "draw", None)):
        raise PluginError(f"{script}: a figure script must define draw(lang) -> Figure")
    return module.draw


def render_svg(script: Path, lang: str) -> bytes:
    """Run one figure script for one language and return the SVG bytes."""
    # Imported here, not at the top: a rebuild with every figure cached skips matplotlib's 0.3 s import.
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    with plt.rc_context({**STYLE, "axes.prop_cycle": matplotlib.cycler(color=COLOURS)}), warnings.catch_warnings():
        # Text stays text in the SVG, drawn by the browser in the page's fonts; matplotlib's own font has no Hangul
        # and would say so for every syllable (750 lines in the build log).
        warnings.filterwarnings("ignore", message=r"Glyph \d+ .* missing from font", category=UserWarning)
        try:
            _opened.clear()
            _watching[0] = True
            figure = _load_draw(script)(lang)
        except PluginError:
            raise
        except Exception as error:
            detail = traceback.format_exc(limit=-3)
            raise PluginError(f"{script}: draw({lang!r}) failed: {error}\n{detail}") from error
        finally:
            _watching[0] = False
        unnamed = sorted(
            {p.name for p in _opened if p.parent == script.parent.resolve() and p.suffix == ".py"}
            - {p.name for p in dependencies(script)}
        )
        if unnamed:
            raise PluginError(
                f"{script}: draw({lang!r}) ran {', '.join(unnamed)} without naming it in the script; write each "
                f'name as a string ("{unnamed[0]}") so that the figure is redrawn when that snippet changes'
            )
        from io import BytesIO

        buffer = BytesIO()
        figure.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None})
        plt.close(figure)
    svg = buffer.getvalue().decode()
    return svg.replace("'DejaVu Sans'", FONT_STACK).replace('"DejaVu Sans"', FONT_STACK).encode()


SNIPPET_NAME = re.compile(r"[\"']([\w.-]+\.py)[\"']")
RUNS_CODE = re.compile(r"\brun_path\b|\bimport_module\b|\bexec\(|\bspec_from_file_location\b")


def dependencies(script: Path) -> list[Path]:
    """The script and every snippet of its folder it runs, named in its text, and theirs in turn. A script that runs
    code it does not name depends on the whole folder."""
    found, pending = {script}, [script]
    while pending:
        text = pending.pop().read_text(encoding="utf-8")
        named = [script.parent / name for name in SNIPPET_NAME.findall(text) if (script.parent / name).is_file()]
        if RUNS_CODE.search(text) and not named:
            return sorted(script.parent.glob("*.py"))
        for source in named:
            if source not in found:
                found.add(source)
                pending.append(source)
    return sorted(found)


def _cache_key(script: Path, lang: str) -> str:
    # A figure may run its chapter's snippets to show exactly what the page's code computes: they count too.
    # Not the Python version: the recorded figures serve every Python the site supports (tests/test_figures.py draws
    # them again and compares).
    digest = hashlib.sha256(DRAWING)
    for source in dependencies(script):
        digest.update(source.name.encode() + source.read_bytes())
    digest.update(f"{lang}|{_versions()}".encode())
    return digest.hexdigest()


@functools.cache
def _versions() -> str:
    return f"{version('matplotlib')}|{version('numpy')}"  # 132 look-ups a build took half a second


def provenance(script: Path, lang: str) -> bytes:
    """The comment a recorded figure carries: where it comes from, and the digest it was drawn from."""
    return (
        f"<!-- drawn by snippets/{script.parent.name}/{script.name}, inputs {_cache_key(script, lang)} -->\n".encode()
    )


def with_provenance(svg: bytes, comment: bytes) -> bytes:
    declaration, _, rest = svg.partition(b"\n")
    return declaration + b"\n" + comment + rest


def without_provenance(svg: bytes) -> bytes:
    declaration, _, rest = svg.partition(b"\n")
    if rest.startswith(b"<!-- drawn by "):
        rest = rest.partition(b"\n")[2]
    return declaration + b"\n" + rest


def figure_path(docs_dir: Path, lang: str, script: Path) -> Path:
    return docs_dir / lang / "figures" / script.parent.name / f"{script.stem[len('fig_') :]}.svg"


def on_pre_build(config):
    root = Path(config.config_file_path).parent
    for script in sorted((root / "snippets").glob("*/fig_*.py")):
        for lang in _languages(config):
            target = figure_path(Path(config.docs_dir), lang, script)
            comment = provenance(script, lang)
            if target.is_file() and comment in target.read_bytes()[:300]:
                continue
            svg = with_provenance(render_svg(script, lang), comment)
            target.parent.mkdir(parents=True, exist_ok=True)
            if not target.is_file() or target.read_bytes() != svg:
                target.write_bytes(svg)
            log.info("Figure drawn (its code changed since it was recorded; commit it): %s", target.relative_to(root))
