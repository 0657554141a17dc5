"""The take-away memo: one printed page a visitor keeps, in their language, about one procedure.

What is on it: the procedure's name, the real site's address, what to bring as
a checklist (empty boxes), the steps as short lines with their pictograms, the
useful phone number, the date the content was checked against its sources, the
print date, and a reminder never to give codes. Nothing about the visitor: no
learner code, no date of the visit beyond the print date. So a memo is the same
for everyone, and ``<data_dir>/memos/<procedure>-<lang>.pdf`` is rewritten
(atomically) each time, for staff to reprint.

:class:`MemoPrinter` writes it and hands it to ``[kiosk] memo_print_command``
(``lp`` by default) on a background thread; the outcome goes to the staff
journal, never to the visitor. No command, or one not found on ``PATH``: no
printer, and the kiosk shows no "Take a memo" button. Imports no Kivy.
"""

from __future__ import annotations

import logging
import shlex
import shutil
import threading
from collections.abc import Callable
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk import PICTOGRAM_DIR
from kiosk.i18n import t
from kiosk.staff.helpcall import BackgroundCommand
from kiosk.staff.pdfpage import PdfPage

if TYPE_CHECKING:
    from kiosk.content.model import Procedure

log = logging.getLogger("kiosk.memo")

#: the memo cache, inside the data folder
MEMO_DIR = "memos"
#: pictograms are white on transparent for the screen's dark themes: drawn this dark on paper
INK = (25, 25, 25)


def memo_path(data_dir: Path, procedure_id: str, lang: str) -> Path:
    """Where the memo of ``procedure_id`` in ``lang`` is kept for staff to reprint."""
    return Path(data_dir) / MEMO_DIR / f"{procedure_id}-{lang}.pdf"


def printer_ready(command: str | None) -> bool:
    """Whether ``command`` can print: set, parsable, and its program found (on ``PATH`` or as a path)."""
    try:
        argv = shlex.split(command or "")
    except ValueError:
        return False
    return bool(argv) and shutil.which(argv[0]) is not None


@lru_cache(maxsize=64)
def dark_pictogram(name: str) -> Any:
    """Pictogram ``name`` drawn in :data:`INK` on white (a Pillow image, cached), or None if there is none."""
    from PIL import Image

    path = PICTOGRAM_DIR / f"{name}.png"
    if not name or not path.exists():
        return None
    with Image.open(path) as source:
        alpha = source.convert("RGBA").getchannel("A")
    page = Image.new("RGB", alpha.size, (255, 255, 255))
    page.paste(INK, mask=alpha)  # the shape keeps its anti-aliased edge, in ink instead of white
    return page


def _date(day: date) -> str:
    """A date as people write it in France (30/11/2026), in every language."""
    return day.strftime("%d/%m/%Y")


def build_memo(procedure: Procedure, lang: str, today: date | None = None) -> PdfPage:
    """The memo of ``procedure`` in ``lang``, on one A4 page (not yet saved).

    Drawn big for people who read little; a procedure too long for that is
    drawn again a little smaller, so it always stays on one sheet.
    """
    for scale in (1.0, 0.85, 0.72):
        page = _draw(procedure, lang, today or date.today(), scale)
        if page.pdf.page == 1 and page.pdf.get_y() <= page.pdf.h - page.pdf.b_margin:
            break
    return page


def _draw(procedure: Procedure, lang: str, today: date, scale: float) -> PdfPage:
    page = PdfPage(lang, auto_page_break=False)  # one sheet: build_memo checks the bottom is reached
    pdf, para = page.pdf, page.para
    para(t(lang, "memo_title", title=procedure.title.get(lang)), size=22 * scale, style="B", gap=3 * scale)
    para(t(lang, "memo_site"), size=13 * scale, style="B", gap=0.5)
    para(procedure.site_url, size=15 * scale, gap=3 * scale)  # the address alone: a URL reads left to right
    if procedure.bring:
        _heading(page, t(lang, "memo_bring"), scale)
        for item in procedure.bring:
            _row(page, item.get(lang), scale, box=True)
        pdf.ln(2 * scale)
    _heading(page, t(lang, "memo_steps"), scale)
    for number, step in enumerate(procedure.steps, start=1):
        _row(page, step.title.get(lang), scale, number=number, picture=step.picture or procedure.pictogram)
    pdf.ln(2 * scale)
    if procedure.help_phone is not None:
        _heading(page, t(lang, "memo_phone"), scale)
        para(procedure.help_phone.number, size=18 * scale, style="B", gap=0.5)
        para(procedure.help_phone.label.get(lang), size=13 * scale, gap=3 * scale)
    if procedure.help_web is not None:
        _heading(page, t(lang, "memo_web"), scale)
        para(procedure.help_web.address, size=18 * scale, style="B", gap=0.5)  # an address reads left to right
        para(procedure.help_web.label.get(lang), size=13 * scale, gap=3 * scale)
    _reminder(page, t(lang, "memo_never_codes"), scale)
    para(t(lang, "memo_checked", date=_date(procedure.last_checked)), size=11 * scale, gap=0.5)
    para(t(lang, "memo_printed", date=_date(today)), size=11 * scale, gap=0)
    return page


def _heading(page: PdfPage, text: str, scale: float) -> None:
    page.para(text, size=16 * scale, style="B", gap=1.5 * scale)


def _row(page: PdfPage, text: str, scale: float, *, box: bool = False, number: int | None = None,
         picture: str | None = None) -> None:
    """One checklist or step line: a box (or the step's number and pictogram) on the reading side, then text."""
    pdf, size, line = page.pdf, 14 * scale, 7.6 * scale
    icon = 10 * scale
    lead = (10 if box else 21) * scale  # room on the reading side for the box, or the number and the pictogram
    y = pdf.get_y()
    start = pdf.l_margin + page.width - lead if page.rtl else pdf.l_margin  # x of the lead area
    if box:
        side = 5.5 * scale
        pdf.set_line_width(0.4)
        pdf.rect(start + (lead - side) / 2, y + (line - side) / 2, side, side)
    else:
        pdf.set_font("body", style="B", size=size)
        number_w = 8 * scale
        pdf.set_xy(start + lead - number_w if page.rtl else start, y + (icon - line) / 2)
        pdf.cell(number_w, line, str(number), align="C")
        image = dark_pictogram(picture or "")
        if image is not None:
            pdf.image(image, x=start if page.rtl else start + number_w + scale, y=y, w=icon, h=icon)
    pdf.set_xy(pdf.l_margin if page.rtl else pdf.l_margin + lead, y + (0 if box else (icon - line) / 2))
    pdf.set_font("body", size=size)
    pdf.multi_cell(page.width - lead, line, page.text(text), align=page.align, new_x="LMARGIN", new_y="NEXT")
    pdf.set_y(max(pdf.get_y(), y + (line if box else icon + 1.5 * scale)))


def _reminder(page: PdfPage, text: str, scale: float) -> None:
    """The reminder never to give codes: bold, framed, with the warning pictogram on the reading side."""
    pdf = page.pdf
    pdf.ln(1)
    y = pdf.get_y()
    icon, lead = 12 * scale, 17 * scale
    pdf.set_xy(pdf.l_margin + 3 if page.rtl else pdf.l_margin + lead, y + 3 * scale)
    pdf.set_font("body", style="B", size=15 * scale)
    pdf.multi_cell(page.width - lead - 3, 8 * scale, page.text(text), align=page.align, new_x="LMARGIN",
                   new_y="NEXT")
    bottom = max(pdf.get_y() + 3 * scale, y + icon + 6 * scale)
    pdf.set_line_width(0.8)
    pdf.rect(pdf.l_margin, y, page.width, bottom - y)
    image = dark_pictogram("warning")
    if image is not None:
        x = pdf.l_margin + page.width - lead + 2 * scale if page.rtl else pdf.l_margin + 3 * scale
        pdf.image(image, x=x, y=y + (bottom - y - icon) / 2, w=icon, h=icon)
    pdf.set_y(bottom + 4 * scale)


def write_memo(procedure: Procedure, lang: str, data_dir: Path, today: date | None = None) -> Path:
    """Write the memo of ``procedure`` in ``lang`` to the memo cache (atomically); return its path."""
    return build_memo(procedure, lang, today).save(memo_path(data_dir, procedure.id, lang))


class MemoPrinter:
    """Writes memos to the cache and sends them to the print command, off the caller's thread.

    ``report(outcome, path)`` gets each attempt's outcome (``ok``, ``exit 1``,
    ``cannot write: ...``) from the worker thread: for staff, not the visitor.
    """

    def __init__(self, command: str | None, data_dir: Path, kiosk_id: str, timeout_s: float = 10.0,
                 report: Callable[[str, str], None] | None = None) -> None:
        self.available = printer_ready(command)
        self.data_dir = Path(data_dir)
        self.command = BackgroundCommand(command if self.available else None, kiosk_id, timeout_s)
        self.report = report
        self.threads: list[threading.Thread] = []

    def take(self, procedure: Procedure, lang: str) -> bool:
        """Write and print the memo in the background; False (nothing done) without a printer."""
        if not self.available:
            return False
        thread = threading.Thread(target=self._work, args=(procedure, lang), name="memo", daemon=True)
        self.threads = [th for th in self.threads if th.is_alive()] + [thread]
        thread.start()
        return True

    def _work(self, procedure: Procedure, lang: str) -> None:
        path = memo_path(self.data_dir, procedure.id, lang)
        try:
            write_memo(procedure, lang, self.data_dir)
        except Exception as exc:  # a memo that cannot be made must not take the kiosk down
            log.exception("memo %s: not written", path.name)
            outcome = f"cannot write: {exc}"
        else:
            outcome = self.command.outcome(str(path))
            if outcome != "ok":
                log.warning("memo print command %s: %s", self.command.argv[0], outcome)
        if self.report is not None:
            try:
                self.report(outcome, path.name)
            except Exception:
                log.exception("memo: outcome not reported")

    def wait(self, timeout: float = 30.0) -> None:
        """Wait for the memos under way (the app stopping, tests)."""
        for thread in list(self.threads):
            thread.join(timeout)
