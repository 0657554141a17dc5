"""The catalogue's map without Kivy: every theme in one group, groups in passport order, lengths."""

from __future__ import annotations

import json
from dataclasses import replace

from kiosk.content.groups import GROUPS, group_of, grouped, minutes
from kiosk.staff.completed import finished_ids
from tests.conftest import ROOT


def test_every_theme_of_the_schema_belongs_to_exactly_one_group() -> None:
    schema = json.loads((ROOT / "kiosk" / "content" / "schema.json").read_text(encoding="utf-8"))
    themes = schema["properties"]["theme"]["enum"]
    placed = [theme for group in GROUPS for theme in group.themes]
    assert sorted(placed) == sorted(themes)
    assert [g.key for g in GROUPS] == ["computer", "internet", "daily_life", "procedures", "office"]
    assert group_of("safety").key == "daily_life" and group_of("first_steps").key == "computer"


def test_groups_keep_theme_order_and_leave_out_empty_ones(shipped_content) -> None:
    procedures = shipped_content.procedures
    groups = grouped(procedures)
    assert [g.key for g, _ in groups] == ["computer", "internet", "daily_life", "procedures", "office"]
    assert sum(len(members) for _, members in groups) == len(procedures)
    themes = [p.theme for p in groups[3][1]]
    order = GROUPS[3].themes
    assert themes == sorted(themes, key=order.index)


def test_length_is_the_content_s_or_one_and_a_half_minutes_a_step_rounded_to_five(shipped_content) -> None:
    email = shipped_content.get("email")
    assert minutes(replace(email, minutes=25)) == 25
    assert minutes(replace(email, minutes=None, steps=email.steps[:1])) == 5  # never "about 0 minutes"
    assert minutes(replace(email, minutes=None, steps=email.steps[:7])) == 10  # 10.5 -> 10
    assert minutes(replace(email, minutes=None, steps=email.steps[:5])) == 10  # 7.5 -> 10


def test_finished_modules_are_the_learner_s_own() -> None:
    records = [
        {"id": "a", "learner": "KMR-472", "procedures": [{"id": "email", "finished": True},
                                                          {"id": "ameli", "finished": False}]},
        {"id": "b", "learner": "ABC-234", "procedures": [{"id": "cv", "finished": True}]},
        {"id": "c", "procedures": [{"id": "impots", "finished": True}]},
    ]
    assert finished_ids(records, "KMR-472") == {"email"}
