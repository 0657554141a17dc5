"""The report's charts, drawn with matplotlib into inline SVG (no network, no files).

Matplotlib is imported here only, when an HTML report is asked for, with the
non-interactive Agg backend. Text stays text in the SVG (smaller, sharp when
printed). Imports no Kivy.
"""

from __future__ import annotations

import io
import math
import re
from typing import Any

from kiosk.logbook.stats import Stats

_BLUE, _GREEN, _GREY = "#1f4e99", "#2e7d32", "#666666"


def _pyplot() -> Any:
    import matplotlib

    matplotlib.use("Agg")
    matplotlib.rcParams.update({"svg.fonttype": "none", "font.size": 10, "axes.spines.top": False,
                                "axes.spines.right": False, "svg.hashsalt": "passerelle"})
    import matplotlib.pyplot as plt

    return plt


def _svg(fig: Any) -> str:
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", metadata={"Date": None})  # same data, same page
    _pyplot().close(fig)
    text = buffer.getvalue()
    text = re.sub(r"\s*<metadata>.*?</metadata>", "", text, flags=re.S)  # who made it, when: not for staff
    return text[text.index("<svg"):]  # drop the XML prologue: the SVG sits inside the HTML page


def visits_per_week(stats: Stats) -> str:
    """Bars: visits per week (weeks start on Monday)."""
    plt = _pyplot()
    weeks = sorted(stats.weeks)
    fig, ax = plt.subplots(figsize=(9, 3))
    ax.bar([w.isoformat() for w in weeks], [stats.weeks[w] for w in weeks], color=_BLUE)
    ax.set_ylabel("visits")
    ax.set_title("Visits per week")
    fig.subplots_adjust(left=0.08, right=0.98, bottom=0.3, top=0.88)
    step = max(1, math.ceil(len(weeks) / 12))
    ax.set_xticks(range(0, len(weeks), step), [weeks[i].strftime("%d %b %Y") for i in range(0, len(weeks), step)],
                  rotation=30, ha="right")
    return _svg(fig)


def completion(stats: Stats) -> str:
    """Horizontal bars: share of the visitors who finished each procedure."""
    plt = _pyplot()
    procs = sorted(stats.procedures.values(), key=lambda p: p.completion)
    fig, ax = plt.subplots(figsize=(9, 0.4 * len(procs) + 1))
    ax.barh([p.id for p in procs], [100 * p.completion for p in procs], color=_GREEN)
    for y, p in enumerate(procs):
        ax.text(100 * p.completion + 1, y, f"{100 * p.completion:.0f} % of {p.started}", va="center", color=_GREY)
    ax.set_xlim(0, 115)
    ax.set_xlabel("finished, % of those who started")
    ax.set_title("Completion per procedure")
    fig.subplots_adjust(left=0.28, right=0.98, bottom=0.6 / (0.4 * len(procs) + 1), top=1 - 0.4 / (0.4 * len(procs) + 1))
    return _svg(fig)


def drop_off(stats: Stats) -> str:
    """Small multiples: for each procedure, how many visitors reached each step."""
    plt = _pyplot()
    procs = sorted(stats.procedures.values(), key=lambda p: -p.started)
    cols = 3
    rows = math.ceil(len(procs) / cols)
    fig, axes = plt.subplots(rows, cols, figsize=(10, 2.4 * rows), squeeze=False)
    for ax, p in zip(axes.flat, procs):
        reach = p.reaching()
        ax.bar(range(1, len(reach) + 1), reach, color=_BLUE)
        ax.set_title(f"{p.id} ({p.finished}/{p.started} finished)", fontsize=9)
        ax.set_xticks(range(1, len(reach) + 1))
        ax.set_xlabel("step", fontsize=8)
    for ax in list(axes.flat)[len(procs):]:
        ax.set_visible(False)
    fig.suptitle("How many visitors reached each step")
    fig.subplots_adjust(left=0.06, right=0.98, bottom=0.08, top=1 - 0.5 / (2.4 * rows), hspace=0.7, wspace=0.25)
    return _svg(fig)
