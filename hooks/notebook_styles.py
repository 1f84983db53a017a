"""Move the ~590 KB of CSS that mkdocs-jupyter inlines into every notebook page into one shared stylesheet.

Every lab page carries the same <style> blocks (JupyterLab's theme, Pygments, Mermaid). Written once to
`assets/stylesheets/notebook-<hash>.css` and linked, they are downloaded once and cached for every lab, and
each page drops from about 720 KB to about 130 KB. The empty `<script src="">` of mkdocs-jupyter's MathJax
set-up goes too: it loads nothing.
"""

import hashlib
import re
from pathlib import Path

from mkdocs.plugins import event_priority

STYLE = re.compile(r"<style[^>]*>(.*?)</style>", re.S)
EMPTY_SCRIPT = re.compile(r'<script src="">\s*</script>')


@event_priority(-100)  # after mkdocs-jupyter and the labs hook have produced the page's HTML
def on_page_content(html, page, config, files):
    if not page.file.src_uri.endswith(".ipynb"):
        return html
    css = "\n".join(STYLE.findall(html))
    if not css:
        return html
    name = f"notebook-{hashlib.sha256(css.encode()).hexdigest()[:12]}.css"
    target = Path(config.site_dir) / "assets" / "stylesheets" / name
    if not target.is_file():
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(css, encoding="utf-8")
    depth = page.url.count("/")  # the page's folder depth below the site root ("en/labs/loss/" -> 3)
    link = f'<link rel="stylesheet" href="{"../" * depth}assets/stylesheets/{name}">'
    html = EMPTY_SCRIPT.sub("", STYLE.sub("", html))
    return link + html
