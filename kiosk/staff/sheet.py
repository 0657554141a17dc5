"""A learner's progress sheet: one PDF page they can keep (fpdf2; Arabic shaped with uharfbuzz).

Fonts and right-to-left set-up: :mod:`kiosk.staff.pdfpage`. Written to
``progress-<CODE>-<date>.pdf`` in the data folder.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from kiosk.content.skills import SkillsCatalogue
from kiosk.i18n import t
from kiosk.staff.pdfpage import PdfPage
from kiosk.staff.progress import Progress
from kiosk.staff.skills_grid import SkillRow, counts_line, shown_lines


def write_sheet(progress: Progress, lang: str, titles: dict[str, str], data_dir: Path,
                today: date | None = None, skills: tuple[SkillsCatalogue | None, list[SkillRow]] | None = None) -> Path:
    """Write the sheet for ``progress`` in ``lang``; return the PDF's path.

    ``skills``: the catalogue and the learner's grid; the sheet then lists their skills too.
    """
    page = PdfPage(lang)
    pdf, para = page.pdf, page.para
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
    catalogue, rows = skills or (None, [])
    if catalogue is not None and rows:
        para(t(lang, "staff_skills_title"), size=16, style="B", gap=1)
        para(counts_line(rows, lang), size=13, gap=2)
        for area in catalogue.areas.values():
            lines = shown_lines(rows, area.id, lang)
            if lines:
                para(area.name.get(lang), size=13, style="B", gap=0.5)
                for line in lines:
                    para(line, size=12, gap=0.5)
                pdf.ln(2)
    para(t(lang, "sheet_footer", date=(today or date.today()).isoformat()), size=11)
    path = Path(data_dir) / f"progress-{progress.code}-{(today or date.today()).isoformat()}.pdf"
    return page.save(path)
