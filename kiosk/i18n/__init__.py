"""Interface strings per language (TOML files in ``strings/``) and bidi text.

Imports no Kivy. ``t(lang, key, **values)`` returns the string for ``key`` in
``lang``, falling back to French, the kiosk's first language, when a
translation is missing, so a gap shows French text rather than a key name.
``plural(lang, key, n)`` picks the plural form of ``key`` that ``n`` asks for in
``lang`` (Arabic has six), by the Unicode CLDR rules that Babel carries.
"""

from __future__ import annotations

import threading
import tomllib
from functools import cache
from pathlib import Path
from typing import Any

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


#: how a written sentence may end (Latin and Arabic); anything else gets a full stop before speech
SENTENCE_ENDS = (".", "!", "?", "؟", ":")


def sentence(text: str) -> str:
    """``text`` ending like a sentence, so that speech pauses after it."""
    return text if text.rstrip().endswith(SENTENCE_ENDS) else text + "."


def sentences(parts: list[str]) -> str:
    """Parts said one after the other, each ending like a sentence."""
    return " ".join(sentence(p) for p in parts)


def is_rtl(lang: str) -> bool:
    """Whether ``lang`` is written right to left."""
    return strings(lang).get("direction") == "rtl"


#: The plural forms of the Unicode CLDR rules; a plural string ``key`` is written as
#: ``key_one``, ``key_other``... with the forms its language uses (``key_other`` always).
PLURAL_FORMS = ("zero", "one", "two", "few", "many", "other")


@cache
def _plural_rule(lang: str) -> Any:  # babel.plural.PluralRule (babel has no types)
    # Babel (and its locale data) loads with the first plural string, not at start-up.
    from babel import Locale

    return Locale.parse(lang).plural_form


def plural_forms(lang: str) -> tuple[str, ...]:
    """The plural forms ``lang`` distinguishes, e.g. ``("one", "other")`` for French."""
    tags = _plural_rule(lang).tags
    return tuple(form for form in PLURAL_FORMS if form in tags or form == "other")


#: languages whose plural rules are loaded or being loaded (see :func:`prepare_plurals`)
_PREPARED: set[str] = set()


def prepare_plurals(langs: tuple[str, ...]) -> threading.Thread | None:
    """Load the plural rules of ``langs`` on a worker thread, before a screen needs them.

    Babel and its locale data take 0.1-0.3 s to load: the language screen starts
    this while the visitor chooses, so the catalogue never waits for it. Once
    per language: None when every one was asked for already.
    """
    langs = tuple(lang for lang in langs if lang not in _PREPARED)
    if not langs:
        return None
    _PREPARED.update(langs)

    def work() -> None:
        for lang in langs:
            _plural_rule(lang)

    thread = threading.Thread(target=work, name="plural-rules", daemon=True)
    thread.start()
    return thread


def plural(lang: str, key: str, n: int, **values: object) -> str:
    """The form of plural string ``key`` that the number ``n`` takes in ``lang``, with ``n`` filled in.

    ``plural("fr", "minutes_about", 10)`` -> "environ 10 minutes";
    ``plural("ar", "minutes_about", 10)`` takes the Arabic "few" form (3 to 10).
    """
    form = _plural_rule(lang)(n)
    table = strings(lang)
    chosen = f"{key}_{form}" if f"{key}_{form}" in table else f"{key}_other"
    return t(lang, chosen, n=n, **values)
