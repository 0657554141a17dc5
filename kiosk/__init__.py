"""Passerelle: an accessibility-first touchscreen kiosk for public digital spaces.

The packages split along what they own:

- ``kiosk.config``: the kiosk's TOML configuration, validated (no Kivy);
- ``kiosk.content``: procedures, their model, loader and checks (no Kivy);
- ``kiosk.speech``: what to say, the speech queue and the engines (no Kivy
  outside the audio player);
- ``kiosk.access``: geometry in millimetres, reach band, themes and contrast;
- ``kiosk.i18n``: interface strings per language and right-to-left text;
- ``kiosk.session``: the visit in progress, wiped at its end (no Kivy);
- ``kiosk.ui``: the Kivy app, screens and widgets;
- ``kiosk.testing``: the pilot that drives the real app headless in tests.
"""

from __future__ import annotations

from pathlib import Path

__version__ = "0.1.0"

#: The clone's root: bundled content and assets live beside the package.
PROJECT_ROOT = Path(__file__).resolve().parent.parent
