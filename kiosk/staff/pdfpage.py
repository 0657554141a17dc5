"""One printed A4 page in a given language: the set-up the progress sheet and the take-away memo share.

Fonts are the kiosk's own: Atkinson Hyperlegible for Latin text, Noto Sans
Arabic for Arabic, shaped right to left by fpdf2 with uharfbuzz as
../shared/ENGINEERING.md says. fpdf2 runs its own bidi algorithm, so a right
to left line only gets its quoted French labels and grouped numbers isolated
left to right (:func:`kiosk.i18n.bidi.isolate_left_to_right`), as on screen.
Imports no Kivy.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import platformdirs

from kiosk.files import write_atomic
from kiosk.i18n import is_rtl
from kiosk.i18n.bidi import isolate_left_to_right


def fonts() -> tuple[Path, Path, Path]:
    """The font files: Latin regular, Latin bold, Arabic (one variable font, see :func:`arabic_weights`)."""
    import fontpkg_atkinson_hyperlegible as atkinson
    import fontpkg_noto_sans_arabic as noto

    latin = Path(atkinson.__file__).parent / "files"
    arabic = next((Path(noto.__file__).parent / "files").glob("NotoSansArabic*.ttf"))
    return latin / "AtkinsonHyperlegible-Regular.ttf", latin / "AtkinsonHyperlegible-Bold.ttf", arabic


def arabic_weights(cache: Path | None = None) -> tuple[Path, Path]:
    """Noto Sans Arabic's regular and bold as static fonts, made once from the variable font and cached.

    fpdf2 can pin a variable font's axes itself, but at 1 to 2 s of CPU per
    document; a memo must not wait for that each time. Cached in the user's
    cache folder, named after the source font's size and date, so a new font
    package makes new files.
    """
    from fontTools.ttLib import TTFont
    from fontTools.varLib.instancer import instantiateVariableFont

    source = fonts()[2]
    stat = source.stat()
    folder = Path(cache or platformdirs.user_cache_dir("passerelle")) / "fonts"
    out = []
    for weight in (400, 700):
        path = folder / f"NotoSansArabic-{weight}-{stat.st_size}-{int(stat.st_mtime)}.ttf"
        if not path.exists():
            static = instantiateVariableFont(TTFont(source), {"wght": weight, "wdth": 100})
            font = io.BytesIO()
            static.save(font)
            # A cache: no fsync. Written whole, as two kiosks' processes may race.
            write_atomic(path, font.getvalue(), durable=False, make_folder=True)
        out.append(path)
    return out[0], out[1]


class PdfPage:
    """An fpdf2 document with the ``body`` font (regular and bold) set for ``lang``, one page open."""

    def __init__(self, lang: str, auto_page_break: bool = True) -> None:
        from fpdf import FPDF  # only printing needs it

        regular, bold, _ = fonts()
        self.lang = lang
        self.rtl = is_rtl(lang)
        pdf = self.pdf = FPDF(format="A4")
        pdf.set_auto_page_break(auto_page_break, margin=15)
        pdf.add_page()
        if self.rtl:
            # one variable font: its weight axis gives the bold headings (the default instance has none)
            arabic_regular, arabic_bold = arabic_weights()
            pdf.add_font("body", fname=str(arabic_regular))
            pdf.add_font("body", style="B", fname=str(arabic_bold))
            pdf.set_text_shaping(use_shaping_engine=True, direction="rtl", script="arab", language="ar")
        else:
            pdf.add_font("body", fname=str(regular))
            pdf.add_font("body", style="B", fname=str(bold))
        #: where a line starts: "R" right to left, else "L"
        self.align = "R" if self.rtl else "L"

    @property
    def width(self) -> float:
        """The width between the margins, in millimetres."""
        return self.pdf.epw

    def text(self, text: str) -> str:
        """``text`` ready for fpdf2: right to left, French labels and grouped numbers kept left to right."""
        return isolate_left_to_right(text) if self.rtl else text

    def para(self, text: str, size: float = 14, style: str = "", gap: float = 2, width: float | None = None,
             **cell: Any) -> None:
        """A paragraph in the page's direction from the current position, then ``gap`` mm of space."""
        self.pdf.set_font("body", style=style, size=size)
        self.pdf.multi_cell(width or self.width, size * 0.55, self.text(text), align=cell.pop("align", self.align),
                            new_x="LMARGIN", new_y="NEXT", **cell)
        self.pdf.ln(gap)

    def save(self, path: Path) -> Path:
        """Write the PDF to ``path`` atomically (temporary file, fsync, rename): never half a file to print."""
        # 0644: a print spooler running as another user reads it.
        return write_atomic(path, bytes(self.pdf.output()), mode=0o644, make_folder=True)
