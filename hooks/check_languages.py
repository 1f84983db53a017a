"""Fail the build on a language code that Material or the docs tree does not know.

mkdocs-static-i18n accepts any two-letter code, so a typo such as `kr` for Korean would build a site
with English interface strings and no pages. Catch it here with the config file named.
"""

from pathlib import Path

import material
from mkdocs.exceptions import PluginError

MATERIAL_LANGUAGES = Path(material.__file__).parent / "templates" / "partials" / "languages"


def on_config(config):
    i18n = config.plugins.get("i18n")
    if i18n is None:
        raise PluginError(f"{config.config_file_path}: the i18n plugin is not configured")
    docs_dir = Path(config.docs_dir)
    for language in i18n.config.languages:
        locale = language.locale
        where = f"{config.config_file_path}: plugins.i18n.languages[{locale}]"
        if not (MATERIAL_LANGUAGES / f"{locale}.html").is_file():
            raise PluginError(f"{where}: unknown language code '{locale}' (Material has no such language)")
        if language.build and not (docs_dir / locale).is_dir():
            raise PluginError(f"{where}: no folder {docs_dir / locale} for this language")
    return config
