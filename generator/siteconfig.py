"""What the command line needs from mkdocs.yml, read without starting MkDocs.

`mkdocs.config.load_config` validates the whole configuration and imports the theme and
every plugin: a fifth of a second before a rebuild that may take two. The command line needs
four settings, read here as the briefings plugin reads them from the validated config
(`plugin._site_languages`, `plugin._site_names`; a test compares the two readings). A file
that inherits from another (`INHERIT`) goes through MkDocs.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml

SiteSettings = tuple[str | None, tuple[str, ...] | None, tuple[tuple[str, str], ...]]  # site_url, languages, site names


class _Loader(yaml.SafeLoader):
    """Safe YAML plus the tags mkdocs.yml files use: `!ENV` is read, others are left out."""


def _env(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    # !ENV NAME, or !ENV [NAME, OTHER, default]: the first variable set, else the last item.
    names = [loader.construct_scalar(node)] if isinstance(node, yaml.ScalarNode) else loader.construct_sequence(node)  # type: ignore[arg-type]
    for name in names[:-1] if len(names) > 1 else names:
        if isinstance(name, str) and name in os.environ:
            return yaml.safe_load(os.environ[name])
    return names[-1] if len(names) > 1 else None


_Loader.add_constructor("!ENV", _env)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)


def _plugin(plugins: Any, name: str) -> dict[str, Any] | None:
    entries = plugins.items() if isinstance(plugins, dict) else ((next(iter(p)), p[next(iter(p))]) if isinstance(p, dict) else (p, {}) for p in plugins or [])
    for key, config in entries:
        if key == name:
            return config or {}
    return None


def read_site_settings(path: Path) -> SiteSettings:
    if not path.exists():
        return None, None, ()
    with path.open(encoding="utf-8") as handle:
        data = yaml.load(handle, Loader=_Loader)  # noqa: S506 - a safe loader
    if not isinstance(data, dict) or "INHERIT" in data:
        return _through_mkdocs(path)
    site_name = str(data.get("site_name") or "")
    i18n = _plugin(data.get("plugins"), "i18n")
    if i18n is None:
        theme = data.get("theme") or {}
        languages: tuple[str, ...] = (str((theme.get("language") if isinstance(theme, dict) else None) or "en"),)
        names = {languages[0]: site_name}
    else:
        built = [lang for lang in i18n.get("languages") or [] if lang.get("build", True)]
        default = next((lang["locale"] for lang in built if lang.get("default")), built[0]["locale"])
        languages = (default, *(lang["locale"] for lang in built if lang["locale"] != default))
        names = {lang: site_name for lang in languages}
        names.update({lang["locale"]: str(lang["site_name"]) for lang in i18n.get("languages") or [] if lang.get("site_name")})
    return data.get("site_url") or None, languages, tuple(sorted(names.items()))


def _through_mkdocs(path: Path) -> SiteSettings:
    from mkdocs.config import load_config

    from .plugin import _site_languages, _site_names

    config = load_config(config_file=str(path))
    languages, _ = _site_languages(config)
    return config.site_url or None, languages, _site_names(config, languages)
