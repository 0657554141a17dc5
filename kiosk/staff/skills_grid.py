"""A learner's skills: for each outcome of the catalogue, not seen, practised or checked, with its date.

Read from the visit records staff attached the learner's code to: an outcome
is *practised* once the learner opened a module that teaches it, and
*checked* once they passed one of its self-checks (a record's
``skills_checked``: outcome ids, written by the self-checks). Nothing a
learner typed is in the records, so none of it is here. Imports no Kivy.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from kiosk.content.skills import Outcome, SkillsCatalogue


class SkillState(StrEnum):
    NOT_SEEN = "not_seen"
    PRACTISED = "practised"
    CHECKED = "checked"


@dataclass(frozen=True)
class SkillRow:
    """One outcome in a learner's grid: its state and the day it was reached (ISO date; "" if not seen)."""

    outcome: Outcome
    state: SkillState
    day: str = ""


def skills_grid(records: Iterable[dict[str, Any]], code: str, catalogue: SkillsCatalogue) -> list[SkillRow]:
    """The learner ``code``'s grid, in the catalogue's order."""
    practised: dict[str, str] = {}
    checked: dict[str, str] = {}
    for record in records:
        if record.get("learner") != code:
            continue
        day = str(record.get("start_local") or record.get("start") or "")[:10]
        for proc in record.get("procedures", []):
            for outcome in catalogue.taught_by(str(proc.get("id", ""))):
                practised[outcome.id] = max(practised.get(outcome.id, ""), day)
        for outcome_id in record.get("skills_checked", []):
            # the first day it was checked: the day the learner first showed it
            checked[outcome_id] = min(checked.get(outcome_id, day), day)
    rows = []
    for outcome in catalogue.outcomes:
        if outcome.id in checked:
            rows.append(SkillRow(outcome, SkillState.CHECKED, checked[outcome.id]))
        elif outcome.id in practised:
            rows.append(SkillRow(outcome, SkillState.PRACTISED, practised[outcome.id]))
        else:
            rows.append(SkillRow(outcome, SkillState.NOT_SEEN))
    return rows


def grid_lines(rows: list[SkillRow], catalogue: SkillsCatalogue, code: str, lang: str) -> list[str]:
    """The grid as text for a terminal: a count line, then each area's outcomes with their state."""
    counts = {state: sum(1 for r in rows if r.state is state) for state in SkillState}
    lines = [f"{code}: {len(rows)} outcomes: {counts[SkillState.CHECKED]} checked, "
             f"{counts[SkillState.PRACTISED]} practised, {counts[SkillState.NOT_SEEN]} not seen"]
    for area in catalogue.areas.values():
        lines.append(f"{area.syllabus}: {area.name.get(lang)}")
        for row in rows:
            if row.outcome.area == area.id:
                mark = {SkillState.CHECKED: "checked  ", SkillState.PRACTISED: "practised",
                        SkillState.NOT_SEEN: "-        "}[row.state]
                lines.append(f"  {mark} {row.day or '':10} {row.outcome.ref:6} {row.outcome.text.get(lang)}")
    return lines


def load_grid(data_dir: Path, code: str, catalogue: SkillsCatalogue) -> list[SkillRow]:
    """The learner's grid from the logbook in ``data_dir`` (all "not seen" when there is none yet)."""
    from kiosk.staff.progress import learner_records

    return skills_grid(learner_records(data_dir), code, catalogue)


def shown_lines(rows: list[SkillRow], area: str, lang: str) -> list[str]:
    """An area's outcomes a learner checked or practised, one line each, checked first (for staff's page and sheet)."""
    from kiosk.i18n import t

    lines = []
    for state, key in ((SkillState.CHECKED, "staff_skill_checked"), (SkillState.PRACTISED, "staff_skill_practised")):
        lines += [f"• {row.outcome.text.get(lang)} ({t(lang, key, date=row.day)})"
                  for row in rows if row.outcome.area == area and row.state is state]
    return lines


def counts_line(rows: list[SkillRow], lang: str) -> str:
    """"12 checked, 20 practised, 45 not seen yet", in ``lang``."""
    from kiosk.i18n import t

    counts = {state: sum(1 for r in rows if r.state is state) for state in SkillState}
    return t(lang, "staff_skills_counts", checked=counts[SkillState.CHECKED],
             practised=counts[SkillState.PRACTISED], not_seen=counts[SkillState.NOT_SEEN])
