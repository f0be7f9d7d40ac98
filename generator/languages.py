"""Add a site language: the gettext catalog, the mkdocs.yml entry and a starting About page.

    python -m generator add-language tr --name Türkçe

Translators then fill in locales/<lang>/LC_MESSAGES/messages.po and the nav titles and
site name in mkdocs.yml (see locales/README.md); `make test` checks the catalog is complete.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.messages.pofile import read_po, write_po

NAV_TITLES = ("Home", "Timeline", "Figures", "Discrepancies", "People and places", "Corrections", "About")


class LanguageError(ValueError):
    pass


def add_language(root: Path, code: str, name: str | None = None) -> list[str]:
    """Create what a new site language needs; returns the paths it created or changed."""
    if not re.fullmatch(r"[a-z]{2,3}", code):
        raise LanguageError(f"'{code}' is not an ISO 639 language code such as tr or pl")
    try:
        locale = Locale.parse(code)
    except (UnknownLocaleError, ValueError):
        raise LanguageError(f"Babel has no locale data for '{code}'") from None
    display = name or (locale.display_name or code).capitalize()
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    if re.search(rf"(?m)^\s+- locale: {code}\s*$", text):
        raise LanguageError(f"mkdocs.yml already has the language '{code}'")
    po_path = root / "locales" / code / "LC_MESSAGES" / "messages.po"
    if po_path.exists():
        raise LanguageError(f"{po_path} exists already; not overwritten")
    changed: list[str] = []
    with (root / "locales" / "messages.pot").open("rb") as handle:
        catalog = read_po(handle, locale=code)
    catalog.locale = locale
    catalog.project, catalog.version = "briefings-generator", "0.1"
    catalog.fuzzy = False
    po_path.parent.mkdir(parents=True, exist_ok=True)
    with po_path.open("wb") as handle:
        write_po(handle, catalog, width=76, omit_header=False)
    changed.append(str(po_path.relative_to(root)))
    default_site_name = re.search(r"(?m)^site_name: (.*)$", text)
    nav = "\n".join(f"            {title}: {title}" for title in NAV_TITLES)
    block = (
        f"        - locale: {code}\n"
        f"          name: {display}\n"
        f"          build: true\n"
        f"          # Translate the site name and the navigation titles.\n"
        f"          site_name: {default_site_name.group(1) if default_site_name else 'Briefings'}\n"
        f"          nav_translations:\n{nav}\n"
    )
    config.write_text(text.rstrip("\n") + "\n" + block, encoding="utf-8")
    changed.append("mkdocs.yml")
    about = root / "content" / code / "about.md"
    if not about.exists():
        about.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(root / "content" / "en" / "about.md", about)
        changed.append(str(about.relative_to(root)))
    return changed
