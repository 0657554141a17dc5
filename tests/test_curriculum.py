"""The nine curriculum modules (issue 13) meet the bar of today's procedures.

Each is walked through the Pilot in fr/en/ar, a wrong touch before each right one, by
``tests/ui/test_practice.py`` (its ``WALKED`` list holds them all).
"""

from __future__ import annotations

import pytest

MODULES = ("search_safely", "email_daily", "send_document", "online_banking", "shopping_online",
           "video_call", "files_folders", "write_letter", "household_budget")
LANGUAGES = ("fr", "en", "ar")


@pytest.mark.parametrize("module", MODULES)
def test_a_module_meets_the_curriculum_bar(shipped_content, module: str) -> None:
    procedure = shipped_content.get(module)
    assert procedure is not None, f"content/{module}.yaml did not load"
    practice = [s for s in procedure.steps if s.replica is not None]
    assert 5 <= len(procedure.steps) <= 12 and len(practice) >= 3
    assert procedure.minutes and procedure.sources
    assert set(LANGUAGES) <= set(procedure.languages)
    for step in practice:
        for element in step.replica.elements:
            if element.kind == "keypad":  # a keypad has digits only: its example must be typeable on it
                assert all(element.example.get(lang).isdigit() for lang in LANGUAGES)


def test_every_module_is_walked_by_the_practice_test() -> None:
    from tests.ui.test_practice import WALKED

    assert set(MODULES) <= set(WALKED)
