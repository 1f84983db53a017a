"""Code blocks without the spans that change nothing on screen: about a sixth of a code-heavy page.

Pygments wraps every name in `<span class="n">` and every run of whitespace in `<span class="w">`. Material colours
`.n` with `--md-code-hl-name-color`, which is `--md-code-fg-color`, the colour the code block already has, and has
no rule for `.w` (tests/test_site_quality.py checks both in the installed theme): the text stays, the spans go.
Labs are left to hooks/notebooks.py, which does the same for the notebook theme.
"""

import re

PLAIN = re.compile(r'<span class="[nw]">([^<]*)</span>')


def on_page_content(html, page, config, files):
    if page.file.src_uri.endswith(".ipynb"):
        return html
    return PLAIN.sub(r"\1", html)
