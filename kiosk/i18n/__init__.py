"""Interface strings per language (TOML files in ``strings/``) and bidi text.

Imports no Kivy. ``t(lang, key, **values)`` returns the string for ``key`` in
``lang``, falling back to French, the kiosk's first language, when a
translation is missing, so a gap shows French text rather than a key name.
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

# TOML, not YAML: flat ``key = "text"`` lines leave a translator no YAML trap
# (an unquoted "no" read as false, a colon ending a value), and the standard
# library reads them without importing PyYAML before the first frame.
_HERE = Path(__file__).resolve().parent / "strings"
#: The languages the kiosk speaks and shows, in the order it offers them: the one
#: list the configuration, the content and the command line check against.
LANGUAGES = ("fr", "en", "ar")
#: The kiosk's first language, shown where a translation is missing.
FALLBACK = "fr"


@cache
def strings(lang: str) -> dict[str, str]:
    """All interface strings of one language (read once, then cached)."""
    path = _HERE / f"{lang}.toml"
    if not path.exists():
        raise KeyError(f"no interface strings for language {lang!r}")
    with path.open("rb") as fh:
        return tomllib.load(fh)


def available() -> tuple[str, ...]:
    """Language codes that have interface strings."""
    return tuple(sorted(p.stem for p in _HERE.glob("*.toml")))


def t(lang: str, key: str, **values: object) -> str:
    """The interface string ``key`` in ``lang``, formatted with ``values``."""
    text = strings(lang).get(key)
    if text is None:
        text = strings(FALLBACK)[key]
    return text.format(**values) if values else text


def is_rtl(lang: str) -> bool:
    """Whether ``lang`` is written right to left."""
    return strings(lang).get("direction") == "rtl"
