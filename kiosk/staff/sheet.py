"""A learner's progress sheet: one PDF page they can keep (fpdf2; Arabic shaped with uharfbuzz).

Fonts are the kiosk's own: Atkinson Hyperlegible for Latin text, Noto Sans
Arabic for Arabic, shaped right to left as ../shared/ENGINEERING.md says.
Written to ``progress-<CODE>-<date>.pdf`` in the data folder.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from kiosk.i18n import is_rtl, t
from kiosk.staff.progress import Progress


def _fonts() -> tuple[Path, Path, Path]:
    import fontpkg_atkinson_hyperlegible as atkinson
    import fontpkg_noto_sans_arabic as noto

    latin = Path(atkinson.__file__).parent / "files"
    arabic = next((Path(noto.__file__).parent / "files").glob("NotoSansArabic*.ttf"))
    return latin / "AtkinsonHyperlegible-Regular.ttf", latin / "AtkinsonHyperlegible-Bold.ttf", arabic


def write_sheet(progress: Progress, lang: str, titles: dict[str, str], data_dir: Path,
                today: date | None = None) -> Path:
    """Write the sheet for ``progress`` in ``lang``; return the PDF's path."""
    from fpdf import FPDF

    regular, bold, arabic = _fonts()
    rtl = is_rtl(lang)
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(True, margin=15)
    pdf.add_page()
    if rtl:
        pdf.add_font("body", fname=str(arabic))
        pdf.add_font("body", style="B", fname=str(arabic))
        pdf.set_text_shaping(use_shaping_engine=True, direction="rtl", script="arab", language="ar")
    else:
        pdf.add_font("body", fname=str(regular))
        pdf.add_font("body", style="B", fname=str(bold))
    align = "R" if rtl else "L"
    width = pdf.epw

    def para(text: str, size: int = 14, style: str = "", gap: float = 2) -> None:
        pdf.set_font("body", style=style, size=size)
        pdf.multi_cell(width, size * 0.55, text, align=align, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(gap)

    para(t(lang, "sheet_title"), size=22, style="B", gap=4)
    para(t(lang, "sheet_code", code=progress.code), size=18, style="B")
    para(t(lang, "staff_learner_summary", code=progress.code, n=progress.visits, date=progress.last_visit or "–"),
         gap=6)
    if not progress.procedures:
        para(t(lang, "staff_learner_nothing"))
    for item in progress.procedures:
        para(titles.get(item.procedure_id, item.procedure_id), size=16, style="B", gap=1)
        helps = ", ".join(str(n) for n in sorted(item.help_steps)) or "–"
        for line in (t(lang, "staff_finished_yes" if item.finished else "staff_finished_no"),
                     t(lang, "staff_times", n=item.times), t(lang, "staff_last_visit", date=item.last_visit),
                     t(lang, "staff_help_steps", steps=helps)):
            para(line, size=13, gap=0.5)
        pdf.ln(4)
    para(t(lang, "sheet_footer", date=(today or date.today()).isoformat()), size=11)
    path = Path(data_dir) / f"progress-{progress.code}-{(today or date.today()).isoformat()}.pdf"
    path.parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(path))
    return path
