"""The catalogue never waits on the loading thread: it says it is loading, then fills itself in."""

from __future__ import annotations

import threading
import time

from kiosk.content.contentset import ContentSet
from kiosk.content.loader import load_files
from kiosk.i18n import t
from kiosk.testing.pilot import Pilot
from tests.conftest import ROOT


def held_back_content(release: threading.Event) -> ContentSet:
    """A real loader on its own thread that reads the shipped procedures only once ``release`` is set."""

    def work() -> None:
        release.wait(60)
        content.fill(*load_files([ROOT / "content"]))

    content = ContentSet.loading(starter=threading.Thread(target=work, daemon=True).start)
    return content


def wait_for(pilot: Pilot, name: str, timeout: float = 30) -> None:
    """Run frames until widget ``name`` is on show (bounded)."""
    deadline = time.monotonic() + timeout
    while not pilot.has(name):
        assert time.monotonic() < deadline, f"{name} did not appear within {timeout} s"
        pilot.settle(1)


def test_the_catalogue_says_it_is_loading_then_shows_the_procedures(config) -> None:
    release = threading.Event()
    content = held_back_content(release)
    try:
        with Pilot.run(config, content=content) as pilot:
            pilot.tap("start_button")
            pilot.tap("language_en")  # the UI thread goes on while the loader is held back
            assert pilot.screen == "catalogue"
            assert t("en", "catalogue_loading") in pilot.texts()
            assert t("en", "catalogue_loading") in pilot.spoken[-1]
            assert not pilot.has("procedure_email") and not content.finished()
            release.set()
            wait_for(pilot, "procedure_email")
            assert t("en", "catalogue_loading") not in pilot.texts()
            assert pilot.spoken[-1] == t("en", "announce_catalogue")  # said again, now ready
            pilot.tap("procedure_email")
            assert pilot.screen == "walkthrough"
    finally:
        release.set()


def test_loading_that_ends_while_the_visitor_is_elsewhere_is_shown_on_return(config) -> None:
    release = threading.Event()
    content = held_back_content(release)
    try:
        with Pilot.run(config, content=content) as pilot:
            pilot.tap("start_button")
            pilot.tap("language_ar")
            assert t("ar", "catalogue_loading") in pilot.texts()
            pilot.tap("back_button")
            assert pilot.screen == "language"
            release.set()
            assert content.finished(timeout=30)
            pilot.settle()
            assert pilot.screen == "language"  # the catalogue did not jump in
            pilot.tap("language_ar")
            assert pilot.has("procedure_email") and t("ar", "catalogue_loading") not in pilot.texts()
    finally:
        release.set()
