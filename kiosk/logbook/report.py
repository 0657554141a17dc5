"""``kiosk report``: the logbook's figures as a terminal table, CSV and one HTML page.

The table is for a quick look, the CSV for spreadsheets (one block per
table, blank lines between), the HTML page for printing or mailing: one
self-contained file, charts embedded as SVG, no network. Duration bands,
themes and autonomy follow the national form so staff can copy them across.
Imports no Kivy.
"""

from __future__ import annotations

import csv
import html
import io
import time
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

from kiosk.files import write_atomic
from kiosk.logbook.national import THEMES
from kiosk.logbook.stats import WEEKDAYS, Stats
from kiosk.logbook.storage import LogbookError
from kiosk.logbook.summary import figures

NO_VISITS = "no visits yet"


def _minutes(seconds: float | None) -> str:
    return "-" if seconds is None else f"{seconds / 60:.1f} min"


def tables(stats: Stats) -> Iterator[tuple[str, list[str], list[list[object]]]]:
    """Every table of the report: (title, header, rows)."""
    rows = []
    for p in sorted(stats.procedures.values(), key=lambda p: -p.started):
        stop = p.stop_step
        rows.append([stats.name(p.id), THEMES.get(p.national_theme, THEMES["other"])[0], p.started, p.finished,
                     f"{100 * p.completion:.0f} %", _minutes(p.median_s),
                     f"step {stop[0]} ({stop[1]})" if stop else "-", p.help, p.repeats, p.mistakes])
    yield ("Procedures", ["procedure", "theme (national form)", "started", "finished", "completion",
                          "median time (finished)", "most stop at", "help", "repeats", "practice mistakes"], rows)
    checks = sorted(stats.checks.items(), key=lambda kv: -kv[1].tasks)
    yield ("Self-checks", ["procedure", "tasks done", "passed", "passed at the first try", "first-try rate"],
           [[stats.name(pid), c.tasks, c.passed, c.first_try, f"{100 * c.first_try_rate:.0f} %"] for pid, c in checks])
    outcomes = sorted(stats.outcome_learners.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    yield ("Outcomes shown by learners", ["outcome", "learners"],
           [[stats.outcome_titles.get(o, o), len(codes)] for o, codes in outcomes])
    yield ("Duration (national form)", ["duration", "visits"], [list(b) for b in stats.ordered_bands()])
    yield ("Themes (national form)", ["theme", "visits"], [[label, n] for _key, label, n in stats.ordered_themes()])
    yield ("Autonomy (national form)", ["autonomy", "visits"], [list(a) for a in stats.ordered_autonomy()])
    yield ("Languages", ["language", "visits"], [list(kv) for kv in stats.languages.most_common()])
    yield ("Profiles", ["profile", "visits"], [list(kv) for kv in stats.profiles.most_common()])
    yield ("Weekdays", ["weekday", "visits"], [[d, stats.weekdays[d]] for d in WEEKDAYS])
    yield ("Hours", ["hour", "visits"], [[f"{h:02d}:00", stats.hours[h]] for h in sorted(stats.hours)])
    yield ("How visits ended", ["ended", "visits"], [list(kv) for kv in stats.endings.most_common()])
    yield ("Kiosks", ["kiosk", "visits"], [list(kv) for kv in stats.kiosks.most_common()])


def heading(stats: Stats) -> str:
    """One line: how many visits, over which days, from how many kiosks."""
    return (f"{stats.visits} visits from {stats.first} to {stats.last}, "
            f"{len(stats.kiosks)} kiosk{'s' if len(stats.kiosks) != 1 else ''}")


def text(stats: Stats) -> str:
    """The report as aligned plain-text tables."""
    if not stats.visits:
        return NO_VISITS
    out = [heading(stats)]
    for title, header, rows in tables(stats):
        cells = [header] + [[str(c) for c in row] for row in rows]
        widths = [max(len(r[i]) for r in cells) for i in range(len(header))]
        out += ["", title, "  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)).rstrip(),
                "  ".join("-" * w for w in widths)]
        # Counts line up on the right, words on the left.
        out += ["  ".join(str(c).rjust(w) if isinstance(c, int) or str(c)[-1:] == "%" else str(c).ljust(w)
                          for c, w in zip(row, widths, strict=True)).rstrip() for row in rows]
    return "\n".join(out)


def csv_text(stats: Stats) -> str:
    """Every table as one CSV text: a title row, a header row, the rows, a blank row."""
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    if not stats.visits:
        writer.writerow([NO_VISITS])
        return out.getvalue()
    writer.writerow([heading(stats)])
    for title, header, rows in tables(stats):
        writer.writerows([[], [title], header, *rows])
    return out.getvalue()


def write_csv(stats: Stats, path: Path) -> None:
    """Every table into one CSV file, written whole (:func:`csv_text`)."""
    write_atomic(path, csv_text(stats))


_STYLE = """
body { font-family: sans-serif; max-width: 60rem; margin: 2rem auto; color: #111; }
table { border-collapse: collapse; margin: 0.5rem 0 1.5rem; }
th, td { border: 1px solid #999; padding: 0.25rem 0.6rem; text-align: left; }
td.n { text-align: right; } figure { margin: 1rem 0; } svg { max-width: 100%; height: auto; }
@media print { figure, table { page-break-inside: avoid; } }
"""


def html_page(stats: Stats) -> str:
    """The whole report as one self-contained HTML page (charts inline)."""
    esc = html.escape
    parts = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
             "<title>Passerelle: visits report</title>", f"<style>{_STYLE}</style></head><body>",
             "<h1>Passerelle: visits report</h1>"]
    if not stats.visits:
        parts += [f"<p>{NO_VISITS}.</p>", "</body></html>"]
        return "\n".join(parts)
    from kiosk.logbook import charts

    parts.append(f"<p>{esc(heading(stats))}.</p>")
    for title, svg in (("Visits per week", charts.visits_per_week(stats)),
                       ("Completion per procedure", charts.completion(stats)),
                       ("Self-checks passed at the first try", charts.first_try(stats))):
        parts.append(f'<figure aria-label="{esc(title)}">{svg}</figure>')
    for title, header, rows in tables(stats):
        parts.append(f"<h2>{esc(title)}</h2><table><tr>{''.join(f'<th>{esc(h)}</th>' for h in header)}</tr>")
        for row in rows:
            cells = "".join(f'<td class="n">{esc(str(c))}</td>' if isinstance(c, int) else f"<td>{esc(str(c))}</td>"
                            for c in row)
            parts.append(f"<tr>{cells}</tr>")
        parts.append("</table>")
    parts.append(f'<h2>Where visitors stop</h2><figure aria-label="drop-off per procedure">'
                 f"{charts.drop_off(stats)}</figure>")
    parts.append("</body></html>")
    return "\n".join(parts)


def parse_date(value: str | None, option: str) -> date | None:
    """A ``YYYY-MM-DD`` option value; :class:`LogbookError` naming the option otherwise."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise LogbookError(f"{option} {value}: not a date (expected YYYY-MM-DD, e.g. 2026-03-31)") from None


def run(folders: list[Path], date_from: str | None = None, date_to: str | None = None,
        csv_path: Path | None = None, html_path: Path | None = None, progress: bool = True,
        phases: dict[str, float] | None = None, titles: dict[str, str] | None = None,
        outcome_titles: dict[str, str] | None = None) -> str:
    """Load, compute, write the files asked for; return the terminal text.

    Raises :class:`LogbookError` (one line) for bad input: a date that is not a
    date, dates in the wrong order, a missing folder, an unreadable file, an
    output file that cannot be written. ``phases``, when given, receives the
    seconds each phase took (``load``: reading and counting, ``csv``, ``html``, ``text``).
    ``titles`` (procedure id -> title) names the procedures by their titles.
    """
    start, end = parse_date(date_from, "--from"), parse_date(date_to, "--to")
    if start and end and start > end:
        raise LogbookError(f"--from {start} is after --to {end}")
    clock = {"last": time.perf_counter()}

    def done(phase: str) -> None:
        now = time.perf_counter()
        if phases is not None:
            phases[phase] = now - clock["last"]
        clock["last"] = now

    stats = figures(folders, start, end, progress=progress)  # day summaries where they hold, else the files
    stats.titles = dict(titles or {})
    stats.outcome_titles = dict(outcome_titles or {})
    done("load")
    outputs: list[tuple[str, Path | None, Callable[[], str]]] = [
        ("csv", csv_path, lambda: csv_text(stats)), ("html", html_path, lambda: html_page(stats))]
    for name, path, make in outputs:
        if path is None:
            continue
        # Written whole: an interrupted run (Ctrl+C, a full disk) leaves no half file.
        try:
            write_atomic(path, make())
        except OSError as exc:
            raise LogbookError(f"{path}: cannot write it ({exc.strerror or exc})") from None
        done(name)
    out = text(stats)
    done("text")
    return out
