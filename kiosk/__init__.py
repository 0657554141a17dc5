"""Passerelle: an accessibility-first touchscreen kiosk for public digital spaces.

The packages split along what they own:

- ``kiosk.config``: the kiosk's TOML configuration, validated (no Kivy);
- ``kiosk.content``: procedures, their model, loader and checks (no Kivy);
- ``kiosk.speech``: what to say, the speech queue and the engines (no Kivy
  outside the audio player);
- ``kiosk.access``: geometry in millimetres, reach band, profiles, themes and
  contrast (no Kivy);
- ``kiosk.i18n``: the languages, interface strings and right-to-left text;
- ``kiosk.session``: the visit in progress, wiped at its end (no Kivy);
- ``kiosk.practice``: the practice rules of the replicas (no Kivy);
- ``kiosk.logbook``: visit records, their storage and the reports (no Kivy);
- ``kiosk.services``: the domain services handed to every screen (no Kivy);
- ``kiosk.ui``: the Kivy app, navigator, screens and widgets; the headless
  runner, the audit and the visit simulator;
- ``kiosk.testing``: the pilot that drives the real app headless in tests.

docs/architecture.md draws the layers.

The bundled procedures (``content/``) and pictograms (``assets/``) live at the
top of the repository; an installed package carries a copy (:func:`bundled`).
"""

from __future__ import annotations

from pathlib import Path

__version__ = "0.1.0"

_HERE = Path(__file__).resolve().parent


def bundled(name: str) -> Path:
    """The folder ``name`` (``"content"``, ``"assets"``) shipped with the kiosk.

    An installed package (a wheel, ``pip install .``) carries it as package data
    in ``kiosk/_bundled/`` (see ``setup.py``); a clone, and the editable install
    made in it, has it beside the package. The package folder is taken from
    ``__file__``, which is what ``importlib.resources.files`` gives for a package
    on disk (Kivy opens images by file name, so the kiosk is never run from a
    zip) without importing importlib.resources before the first frame.
    """
    packaged = _HERE / "_bundled" / name
    return packaged if packaged.is_dir() else _HERE.parent / name


#: The bundled procedures (the default ``content_dir``).
CONTENT_DIR = bundled("content")
#: The pictograms: white-on-transparent PNGs tinted by the theme.
PICTOGRAM_DIR = bundled("assets") / "pictograms"
