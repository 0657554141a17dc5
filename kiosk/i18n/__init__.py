"""Interface strings per language (YAML files beside this module) and bidi text.

Imports no Kivy. ``t(lang, key, **values)`` returns the string for ``key`` in
``lang``, falling back to French, the kiosk's first language, when a
translation is missing, so a gap shows French text rather than a key name.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

_HERE = Path(__file__).resolve().parent / "strings"
FALLBACK = "fr"
#: libyaml's parser when PyYAML was built with it (several times faster), else pure Python
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@cache
def strings(lang: str) -> dict[str, str]:
    """All interface strings of one language (read once, then cached)."""
    path = _HERE / f"{lang}.yaml"
    if not path.exists():
        raise KeyError(f"no interface strings for language {lang!r}")
    with path.open(encoding="utf-8") as fh:
        return dict(yaml.load(fh, Loader=_Loader))


def available() -> tuple[str, ...]:
    """Language codes that have interface strings."""
    return tuple(sorted(p.stem for p in _HERE.glob("*.yaml")))


def t(lang: str, key: str, **values: object) -> str:
    """The interface string ``key`` in ``lang``, formatted with ``values``."""
    text = strings(lang).get(key)
    if text is None:
        text = strings(FALLBACK)[key]
    return text.format(**values) if values else text


def is_rtl(lang: str) -> bool:
    """Whether ``lang`` is written right to left."""
    return strings(lang).get("direction") == "rtl"
