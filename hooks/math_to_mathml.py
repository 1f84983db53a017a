"""Turn `$...$` and `$$...$$` math into MathML while the site is built.

pymdownx.arithmatex (generic mode) wraps math as `<span class="arithmatex">\\(...\\)</span>` and
`<div class="arithmatex">\\[...\\]</div>`. Browsers render MathML natively, so pages need no math
script and make no request to a CDN. A formula latex2mathml cannot read fails the build, naming the page.
"""

import functools
import html
import re

from latex2mathml.converter import convert
from mkdocs.exceptions import PluginError

INLINE = re.compile(r'<span class="arithmatex">\\\((.+?)\\\)</span>', re.S)
BLOCK = re.compile(r'<div class="arithmatex">\\\[(.+?)\\\]</div>', re.S)
# The same formula is on the Korean and the English page, and again at every rebuild of `mkdocs serve`.
_convert = functools.lru_cache(maxsize=None)(convert)


def _to_mathml(latex: str, display: str, page) -> str:
    source = html.unescape(latex).strip()
    try:
        mathml = _convert(source, display=display)
    except Exception as error:  # latex2mathml raises many kinds; all mean "cannot read this formula"
        raise PluginError(f"{page.file.src_uri}: cannot convert formula {source!r}: {error}") from error
    # Keep the LaTeX in alttext, an attribute: screen readers may use it, and the search index (which takes
    # text, not attributes) does not fill up with TeX.
    return mathml.replace("<math ", f'<math alttext="{html.escape(source)}" ', 1)


def on_page_content(html_text, page, config, files):
    html_text = BLOCK.sub(lambda m: f'<div class="math-block">{_to_mathml(m.group(1), "block", page)}</div>', html_text)
    return INLINE.sub(lambda m: _to_mathml(m.group(1), "inline", page), html_text)
