"""Contact sheets: every audited setting's main screens, tiled per language, drawn with Pillow.

One PNG per language: a row per setting (theme, text size, seated), a column
per screen (:data:`~kiosk.ui.audit.plan.SHEET_COLUMNS`), the row's name on
the left in the kiosk's own font (drawn by Kivy's text engine, so Arabic and
the font match the kiosk's), on a mid grey.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image

from kiosk.ui.audit.plan import SHEET_COLUMNS, Setting

#: The grey between tiles and behind the row names.
GREY = 0x80
#: Space between tiles and around the sheet, in pixels.
PAD = 8
#: What white text on the grey looks like, by the text's coverage (alpha) 0..255.
_ON_GREY = [(255 * alpha + GREY * (255 - alpha)) // 255 for alpha in range(256)]


class ContactSheet:
    """Thumbnails tiled per language: one row per setting, one column per screen."""

    LABEL_WIDTH = 260

    def __init__(self) -> None:
        self.tiles: dict[str, dict[tuple[str, str], tuple[int, int, bytes]]] = {}
        self.rows: dict[str, list[str]] = {}

    def add(self, setting: Setting, column: str, thumbnail: tuple[int, int, bytes]) -> None:
        """Keep one thumbnail (``(w, h, rgba)``, rows bottom-up, as frame buffers give them)."""
        row = setting.label()
        rows = self.rows.setdefault(setting.lang, [])
        if row not in rows:
            rows.append(row)
        self.tiles.setdefault(setting.lang, {})[(row, column)] = thumbnail

    def write(self, folder: Path) -> list[Path]:
        """One PNG per language, ``contact-<lang>.png``; returns the files written."""
        folder.mkdir(parents=True, exist_ok=True)
        written = []
        for lang, tiles in self.tiles.items():
            if not tiles:
                continue
            tw, th, _ = next(iter(tiles.values()))
            rows = self.rows[lang]
            width = self.LABEL_WIDTH + len(SHEET_COLUMNS) * (tw + PAD) + PAD
            height = len(rows) * (th + PAD) + PAD
            sheet = Image.new("RGBA", (width, height), (GREY, GREY, GREY, 255))
            for r, row_label in enumerate(rows):
                top = PAD + r * (th + PAD)
                label = _label_image(f"{lang} {row_label}", self.LABEL_WIDTH - PAD)
                sheet.paste(label, (PAD, top + (th - label.height) // 2))
                for c, column in enumerate(SHEET_COLUMNS):
                    tile = tiles.get((row_label, column))
                    if tile is None:
                        continue
                    w, h, pixels = tile
                    image = Image.frombytes("RGBA", (w, h), pixels).transpose(Image.Transpose.FLIP_TOP_BOTTOM)
                    sheet.paste(image, (self.LABEL_WIDTH + c * (tw + PAD), top))
            path = folder / f"contact-{lang}.png"
            sheet.save(path)
            written.append(path)
        return written


def _label_image(text: str, max_width: int) -> Image.Image:
    """White text on the sheet's grey, opaque, at most ``max_width`` wide (longer text is cut)."""
    from kivy.core.text import Label as CoreLabel

    label = CoreLabel(text=text, font_size=24, font_name="Kiosk", color=(1, 1, 1, 1))
    label.refresh()
    w, h = label.texture.size
    text_image = Image.frombytes("RGBA", (w, h), label.texture.pixels)  # text textures run top-down
    grey = text_image.getchannel("A").point(_ON_GREY).crop((0, 0, min(w, max_width), h))
    return Image.merge("RGBA", (grey, grey, grey, Image.new("L", grey.size, 255)))
