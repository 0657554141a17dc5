"""The catalogue's map: procedures in groups that follow the skills passport and daily life.

Five groups, in the order a learner meets them: first steps with a computer;
the internet and email; everyday online life (banking, shopping, calls, staying
safe); administrative procedures; office tools. Each group gathers some of the
content themes (``kiosk/content/schema.json``); a theme belongs to exactly one
group. A group's name is the interface string ``group_<key>`` (``kiosk.i18n``).

Also how long a module takes, for its card: the content's ``minutes`` when
given, else an estimate from its steps. Imports no Kivy.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from kiosk.content.model import Procedure


@dataclass(frozen=True)
class Group:
    """One group of the catalogue: its key (``group_<key>`` names it) and its themes, in order."""

    key: str
    themes: tuple[str, ...]
    #: the pictogram shown beside the group's name
    pictogram: str


#: The catalogue's groups, in the order shown. ``safety`` (scams, fake messages, fake
#: shops) sits with banking and shopping: those are the places its pitfalls are met,
#: and a visitor who learns to pay online should find how not to be robbed beside it.
GROUPS: tuple[Group, ...] = (
    Group("computer", ("first_steps", "computer"), "computer"),
    Group("internet", ("internet", "email"), "email"),
    Group("daily_life", ("daily_life", "safety"), "bank"),
    Group("procedures", ("identity", "job", "family", "housing", "health", "taxes", "papers"), "document"),
    Group("office", ("office",), "keyboard"),
)

_GROUP_OF = {theme: group for group in GROUPS for theme in group.themes}
_THEME_RANK = {theme: rank for rank, theme in enumerate(t for g in GROUPS for t in g.themes)}

#: the estimate when a procedure does not say how long it takes: minutes per step
MINUTES_PER_STEP = 1.5
#: estimates are rounded to this many minutes ("about 10 minutes", never "about 11")
ROUND_TO = 5


def group_of(theme: str) -> Group:
    """The group a theme belongs to (an unknown theme goes with the administrative procedures)."""
    return _GROUP_OF.get(theme, GROUPS[3])


def grouped(procedures: Iterable[Procedure]) -> list[tuple[Group, list[Procedure]]]:
    """The procedures by group, groups in catalogue order, empty groups left out.

    Inside a group, procedures follow their themes' order, then the content's
    own order (a stable sort), so a theme's modules stay together.
    """
    by_group: dict[str, list[Procedure]] = {group.key: [] for group in GROUPS}
    for procedure in procedures:
        by_group[group_of(procedure.theme).key].append(procedure)
    out = []
    for group in GROUPS:
        members = sorted(by_group[group.key], key=lambda p: _THEME_RANK.get(p.theme, len(_THEME_RANK)))
        if members:
            out.append((group, members))
    return out


def minutes(procedure: Procedure) -> int:
    """About how long ``procedure`` takes: its own ``minutes``, else 1.5 per step rounded to 5 (at least 5)."""
    if procedure.minutes:
        return procedure.minutes
    estimate = len(procedure.steps) * MINUTES_PER_STEP
    return max(ROUND_TO, int(estimate / ROUND_TO + 0.5) * ROUND_TO)
