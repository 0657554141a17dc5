"""Describers: what to say about a control, a field or a step (pure functions, no Kivy).

Like a screen reader's speech generators (Orca's ``_generate_push_button``),
each takes plain facts and returns a :class:`~kiosk.speech.sequence.Speech`
(segments in their languages), in the screen's language. A masked field (a
password, a PIN) is never read out: only whether it is filled. Words that
carry what the visitor typed (a field's value) or chose (``private=True``: a
key of the practice keyboard) are marked private: they are never written to
disk, cached or logged.
"""

from __future__ import annotations

from kiosk.i18n import t
from kiosk.speech.sequence import Speech, speech_of


def control(lang: str, kind: str, label: str, *, value: str | None = None, masked: bool = False,
            checked: bool | None = None, private: bool = False) -> Speech:
    """What to say about one actionable item: its label, then what it is and its state.

    ``kind`` is one of ``button``, ``link``, ``checkbox``, ``field``, ``password``, or ``term``
    (a glossary word: "has an explanation").
    """
    role = t(lang, f"kind_{kind}") if kind in ("button", "link", "checkbox", "field", "password", "term") else ""
    comma = "، " if lang == "ar" else ", "
    # A label drawn on several lines (a catalogue card: title, then length) is said with a pause
    # between them: espeak-ng reads a line break as a plain space.
    label = comma.join(line.strip() for line in label.strip(" ☐☑").splitlines() if line.strip())
    parts = [label]
    if role and role.casefold() != label.casefold():
        parts.append(role)
    if kind == "checkbox" and checked is not None:
        parts.append(t(lang, "checked" if checked else "unchecked"))
    if kind in ("field", "password"):
        if not value:
            parts.append(t(lang, "field_empty"))
        elif masked or kind == "password":
            parts.append(t(lang, "field_filled"))
        else:
            parts.append(value)
            private = True  # what the visitor typed
    return speech_of(comma.join(p for p in parts if p) + ".", lang, private=private)
