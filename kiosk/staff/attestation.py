"""The « attestation de parcours »: the outcomes a learner showed, with their dates, on one PDF page.

In the learner's language (Arabic right to left), with the space's name
(``[kiosk] organisation``) and one honest sentence on what it is: a record of
training, not a diploma nor a certification. The kiosk never knows a learner's
name: a line is left for staff to write it by hand. Fonts and direction:
:mod:`kiosk.staff.pdfpage`. Imports no Kivy.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from kiosk.content.skills import SkillsCatalogue
from kiosk.i18n import t
from kiosk.staff.pdfpage import PdfPage
from kiosk.staff.skills_grid import SkillRow, SkillState


def long_date(day: date, lang: str) -> str:
    """``6 décembre 2026``, ``December 6, 2026``, ``6 ديسمبر 2026``: a date as people write it."""
    from babel.dates import format_date

    return str(format_date(day, format="long", locale=lang))


def write_attestation(code: str, rows: list[SkillRow], catalogue: SkillsCatalogue, lang: str, organisation: str,
                      out: Path, today: date | None = None) -> Path:
    """Write the attestation of learner ``code`` to ``out`` (atomically); return its path."""
    day = long_date(today or date.today(), lang)
    page = PdfPage(lang)
    para = page.para
    para(t(lang, "attestation_title"), size=22, style="B", gap=3)
    para(t(lang, "attestation_organisation", organisation=organisation), size=15, style="B", gap=2)
    para(t(lang, "attestation_code", code=code), size=13, gap=1)
    para(t(lang, "attestation_name"), size=13, gap=4)
    para(t(lang, "attestation_what", organisation=organisation), size=12, gap=5)
    checked = [row for row in rows if row.state is SkillState.CHECKED]
    if not checked:
        para(t(lang, "attestation_none"), size=13, gap=4)
    else:
        para(t(lang, "attestation_checked"), size=14, style="B", gap=3)
    for area in catalogue.areas.values():
        mine = [row for row in checked if row.outcome.area == area.id]
        if not mine:
            continue
        para(f"{area.name.get(lang)} ({area.syllabus})", size=13, style="B", gap=1)
        for row in mine:
            para(t(lang, "attestation_line", outcome=row.outcome.text.get(lang),
                   date=long_date(date.fromisoformat(row.day), lang) if row.day else ""), size=12, gap=1)
        page.pdf.ln(3)
    para(t(lang, "attestation_footer", date=day, organisation=organisation), size=11, gap=1)
    return page.save(out)
