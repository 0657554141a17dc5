"""The report's charts, drawn with matplotlib into inline SVG (no network, no files).

Matplotlib is imported here only, when an HTML report is asked for. Figures
are made with :class:`matplotlib.figure.Figure` and its SVG canvas, not
pyplot: no global figure registry, no GUI backend. Each chart is one Axes of
plain bars (an Axes is the costly part to build and draw): the drop-off
charts are small multiples laid out inside a single Axes, one panel per
procedure. Text stays text in the SVG (smaller, sharp when printed). Imports
no Kivy.
"""

from __future__ import annotations

import io
import math
import re
from typing import Any

from kiosk.logbook.stats import Stats

_BLUE, _GREEN, _GREY = "#1f4e99", "#2e7d32", "#666666"
_RC: dict[str, Any] = {"svg.fonttype": "none", "font.size": 10, "axes.spines.top": False, "axes.spines.right": False,
       "svg.hashsalt": "passerelle"}


def _figure(width: float, height: float) -> Any:
    import matplotlib

    matplotlib.rcParams.update(_RC)  # type: ignore[arg-type]  # matplotlib types each key by name
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height))


def _svg(fig: Any) -> str:
    from matplotlib.backends.backend_svg import FigureCanvasSVG

    buffer = io.StringIO()
    FigureCanvasSVG(fig).print_svg(buffer, metadata={"Date": None})  # type: ignore[no-untyped-call]  # same page
    text = buffer.getvalue()
    text = re.sub(r"\s*<metadata>.*?</metadata>", "", text, flags=re.S)  # who made it, when: not for staff
    return text[text.index("<svg"):]  # drop the XML prologue: the SVG sits inside the HTML page


def _bars(ax: Any, rects: list[tuple[float, float, float, float]], color: str) -> None:
    """Draw (x, y, width, height) rectangles as one collection: one artist, not one patch per bar."""
    from matplotlib.collections import PolyCollection

    polygons = [[(x, y), (x, y + h), (x + w, y + h), (x + w, y)] for x, y, w, h in rects]
    ax.add_collection(PolyCollection(polygons, facecolors=color, edgecolors="none"), autolim=False)


def visits_per_week(stats: Stats) -> str:
    """Bars: visits per week (weeks start on Monday)."""
    weeks = sorted(stats.weeks)
    fig = _figure(9, 3)
    ax = fig.add_subplot()
    _bars(ax, [(i - 0.4, 0, 0.8, stats.weeks[w]) for i, w in enumerate(weeks)], _BLUE)
    ax.set_ylim(0, max(stats.weeks.values(), default=0) * 1.05 or 1)
    ax.set_ylabel("visits")
    ax.set_title("Visits per week")
    fig.subplots_adjust(left=0.1, right=0.98, bottom=0.3, top=0.88)  # room for the first date, slanted
    step = max(1, math.ceil(len(weeks) / 12))
    ax.set_xticks(range(0, len(weeks), step), [weeks[i].strftime("%d %b %Y") for i in range(0, len(weeks), step)],
                  rotation=30, ha="right")
    ax.set_xlim(-0.6, len(weeks) - 0.4)
    return _svg(fig)


def completion(stats: Stats) -> str:
    """Horizontal bars: share of the visitors who finished each procedure."""
    procs = sorted(stats.procedures.values(), key=lambda p: p.completion)
    height = 0.4 * len(procs) + 1
    fig = _figure(9, height)
    ax = fig.add_subplot()
    _bars(ax, [(0, y - 0.4, 100 * p.completion, 0.8) for y, p in enumerate(procs)], _GREEN)
    ax.set_yticks(range(len(procs)), [p.id for p in procs])
    for y, p in enumerate(procs):
        ax.text(100 * p.completion + 1, y, f"{100 * p.completion:.0f} % of {p.started}", va="center", color=_GREY)
    ax.set_xlim(0, 115)
    ax.set_ylim(-0.6, len(procs) - 0.4)
    ax.set_xlabel("finished, % of those who started")
    ax.set_title("Completion per procedure")
    fig.subplots_adjust(left=0.28, right=0.98, bottom=0.6 / height, top=1 - 0.4 / height)
    return _svg(fig)


def first_try(stats: Stats) -> str:
    """Horizontal bars: share of each module's self-check tasks passed at the first try."""
    rows = sorted(stats.checks.items(), key=lambda kv: kv[1].first_try_rate)
    if not rows:
        return "<p>No self-check done yet.</p>"
    height = 0.4 * len(rows) + 1
    fig = _figure(9, height)
    ax = fig.add_subplot()
    _bars(ax, [(0, y - 0.4, 100 * c.first_try_rate, 0.8) for y, (_pid, c) in enumerate(rows)], _BLUE)
    ax.set_yticks(range(len(rows)), [pid for pid, _c in rows])
    for y, (_pid, c) in enumerate(rows):
        ax.text(100 * c.first_try_rate + 1, y, f"{100 * c.first_try_rate:.0f} % of {c.tasks}", va="center",
                color=_GREY)
    ax.set_xlim(0, 115)
    ax.set_ylim(-0.6, len(rows) - 0.4)
    ax.set_xlabel("passed at the first try, % of the tasks done")
    ax.set_title("Self-checks passed at the first try")
    fig.subplots_adjust(left=0.28, right=0.98, bottom=0.6 / height, top=1 - 0.4 / height)
    return _svg(fig)


def drop_off(stats: Stats) -> str:
    """Small multiples: for each procedure, how many visitors reached each step.

    One panel per procedure (most visited first), three to a row, all in one
    Axes and every bar in one collection: each panel's bars are scaled to the
    visitors who started it, with the count over the first and last bars and
    the first and last step numbers below.
    """
    procs = sorted(stats.procedures.values(), key=lambda p: -p.started)
    cols = 3
    rows = max(1, math.ceil(len(procs) / cols))
    fig = _figure(10, 2.1 * rows + 0.6)
    ax = fig.add_axes((0.01, 0.01, 0.98, 1 - 0.6 / (2.1 * rows + 0.6)))
    ax.set_axis_off()
    panel_w, panel_h = 11.0, 1.0  # a panel is 11 units wide (steps plus a margin), 1 unit high
    bars: list[tuple[float, float, float, float]] = []
    for n, p in enumerate(procs):
        row, col = divmod(n, cols)
        x0, y0 = col * (panel_w + 1), (rows - 1 - row) * (panel_h + 0.9)
        reach = p.reaching()
        top = max(reach, default=0) or 1
        width = min(1.0, panel_w / max(len(reach), 1))  # a procedure with more steps than the panel holds
        for i, count in enumerate(reach):
            bars.append((x0 + (i + 0.1) * width, y0, 0.8 * width, panel_h * count / top))
        for i in sorted({0, len(reach) - 1}) if reach else ():
            middle = x0 + (i + 0.5) * width
            ax.text(middle, y0 + panel_h * reach[i] / top + 0.03, str(reach[i]), ha="center", va="bottom",
                    fontsize=7)
            ax.text(middle, y0 - 0.06, f"step {i + 1}", ha="center", va="top", fontsize=7, color=_GREY)
        ax.text(x0, y0 + panel_h + 0.3, f"{p.id} ({p.finished}/{p.started} finished)", fontsize=9)
        ax.plot([x0, x0 + panel_w * 0.9], [y0, y0], color=_GREY, linewidth=0.6)
    _bars(ax, bars, _BLUE)
    ax.set_xlim(-0.3, cols * (panel_w + 1))
    ax.set_ylim(-0.35, rows * (panel_h + 0.9) - 0.2)
    fig.suptitle("How many visitors reached each step")
    return _svg(fig)
