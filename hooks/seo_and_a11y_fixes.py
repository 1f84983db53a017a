"""Fixes to Material's HTML that Lighthouse asks for, done after rendering instead of copying templates.

- hreflang: Material's script fetches `sitemap.xml` next to every <link rel="alternate"> in the head, which
  suits links to language roots but not mkdocs-static-i18n's per-page links: each page load then asks for
  `<page>/sitemap.xml` (a 404, or the production host from a local copy). The per-page hreflang pairs
  already live in sitemap.xml, where search engines read them, so the head links are dropped.
- The search overlay has role="dialog" but no accessible name.
"""

import re

HEAD_ALTERNATE = re.compile(r'\s*<link rel="alternate" href="[^"]+" hreflang="[^"]+">')
SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
SEARCH_LABEL = {"ko": "검색", "en": "Search"}


def on_post_page(output, page, config):
    head_end = output.find("</head>")
    output = HEAD_ALTERNATE.sub("", output[:head_end]) + output[head_end:]
    label = SEARCH_LABEL.get(config.theme.get("language"), "Search")
    return output.replace(SEARCH_DIALOG, SEARCH_DIALOG[:-1] + f' aria-label="{label}">', 1)
