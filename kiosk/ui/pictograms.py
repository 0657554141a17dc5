"""Where pictograms live: white-on-transparent PNGs tinted by the theme."""

from __future__ import annotations

from kiosk import PICTOGRAM_DIR


def pictogram_path(name: str) -> str:
    """File of a pictogram, or ``''`` when there is none by that name."""
    path = PICTOGRAM_DIR / f"{name}.png"
    return str(path) if name and path.exists() else ""


#: pictograms that point along the reading direction, swapped right to left
_MIRRORED = {"back": "next", "next": "back"}


def directional(name: str, rtl: bool) -> str:
    """The pictogram to show for ``name`` in a right-to-left language, if it differs."""
    return _MIRRORED.get(name, name) if rtl else name
