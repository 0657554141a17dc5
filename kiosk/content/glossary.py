"""A glossary of hard words per language, and finding its terms in a text.

A :class:`Glossary` holds the entries of one language (``content/glossary/fr.yaml``
and its siblings, read by :mod:`kiosk.content.glossary_loader`).
:meth:`Glossary.find` says where its terms occur in a text: whole words only,
any letter case, straight or curly apostrophes, any run of spaces; the longest
term wins where two overlap ("numéro de sécurité sociale" before "numéro").
The walkthrough marks what it finds and offers each term's explanation; the
lint (:mod:`kiosk.content.hard_words`) warns about hard words it does not find.
Imports no Kivy.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from kiosk.content.model import Source
from kiosk.i18n import sentences


@dataclass(frozen=True)
class Entry:
    """One hard word: as written in the text, its other written forms, and its explanation in easy words."""

    term: str
    explain: str
    forms: tuple[str, ...] = ()
    pictogram: str | None = None
    example: str | None = None
    source: Source | None = None
    #: for staff (French): what in the explanation could not be confirmed, and why
    unconfirmed: str | None = None

    @property
    def key(self) -> str:
        """A plain ASCII name for the term (widget names, tests): ``numéro allocataire`` -> ``numero_allocataire``."""
        plain = unicodedata.normalize("NFKD", self.term).encode("ascii", "ignore").decode()
        slug = re.sub(r"[^a-z0-9]+", "_", plain.lower()).strip("_")
        if slug:
            return slug
        return "term_" + "_".join(f"{ord(c):x}" for c in self.term if not c.isspace())[:40]

    @property
    def written(self) -> tuple[str, ...]:
        """Every written form that counts as this term: the term first, then its forms."""
        return (self.term, *self.forms)

    def spoken(self) -> str:
        """What the kiosk says when the term is opened: the term, its explanation and the example."""
        parts = [self.term, self.explain] + ([self.example] if self.example else [])
        return sentences(parts)


#: one-letter Arabic words written joined to the next: and (و, ف), with (ب), for (ل), like (ك)
ARABIC_PREFIXES = "وفبلك"


@dataclass(frozen=True)
class Match:
    """Where one glossary term occurs in a text (``text[start:end]``)."""

    entry: Entry
    start: int
    end: int


def _normal(written: str) -> str:
    """A written form as the index keeps it: one apostrophe, single spaces, any letter case."""
    return " ".join(written.replace("’", "'").split()).casefold()


#: a term is a whole word: not inside a longer word, nor a piece of a file name, an address or a link
#: (« attestation.pdf », 17cyber.gouv.fr, contact@...), where a sign would break what is written
WORD_BEFORE = r"(?<![\w.@/])"
WORD_AFTER = r"(?!\w|[.@/]\w)"


def form_pattern(form: str) -> str:
    """One written form as a regular expression: any apostrophe, any run of spaces."""
    out = []
    for part in re.split(r"(\s+|['’])", form.strip()):
        if not part:
            continue
        if part.isspace():
            out.append(r"\s+")
        elif part in ("'", "’"):
            out.append("['’]")
        else:
            out.append(re.escape(part))
    return "".join(out)


@dataclass(frozen=True)
class Glossary:
    """The glossary of one language: its entries, and the file they came from."""

    lang: str
    entries: tuple[Entry, ...] = ()
    source: Path | None = None
    _index: dict[str, Entry] = field(default_factory=dict, init=False, repr=False, compare=False)

    @cached_property
    def _pattern(self) -> re.Pattern[str] | None:
        """All written forms, longest first, each a whole word (one pass finds them all)."""
        forms: list[tuple[str, Entry]] = []
        for entry in self.entries:
            for form in entry.written:
                if form.strip():
                    forms.append((form, entry))
                    self._index.setdefault(_normal(form), entry)
        if not forms:
            return None
        forms.sort(key=lambda fe: len(fe[0]), reverse=True)
        alternatives = "|".join(form_pattern(f) for f, _ in forms)
        # Arabic writes "and", "with", "for" as one letter joined to the next word (برقمك = ب + رقمك):
        # such a prefix may come before a term, and is marked with it.
        prefix = f"(?P<prefix>[{ARABIC_PREFIXES}])?" if self.lang == "ar" else ""
        return re.compile(rf"{WORD_BEFORE}{prefix}(?P<term>{alternatives}){WORD_AFTER}", re.IGNORECASE)

    def _entry_for(self, written: str) -> Entry | None:
        return self._index.get(_normal(written))

    def find(self, text: str) -> list[Match]:
        """Every occurrence of a term in ``text``, in order, never overlapping."""
        pattern = self._pattern
        if pattern is None or not text:
            return []
        found = []
        for m in pattern.finditer(text):
            entry = self._entry_for(m.group("term"))
            if entry is not None:
                found.append(Match(entry, m.start(), m.end()))
        return found

    def terms_in(self, *texts: str) -> list[Entry]:
        """The entries whose terms occur in ``texts``, each once, in order of first appearance."""
        seen: dict[str, Entry] = {}
        for text in texts:
            for match in self.find(text):
                seen.setdefault(match.entry.term, match.entry)
        return list(seen.values())

    def get(self, term: str) -> Entry | None:
        """The entry for ``term`` (or one of its forms), any letter case."""
        _ = self._pattern  # fills the index
        return self._entry_for(term)

    def __len__(self) -> int:
        return len(self.entries)
