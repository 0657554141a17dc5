""""Where do I start?" on the real kiosk: a newcomer's whole story, from the first task to the attestation."""

from __future__ import annotations

from kiosk.flow import Launch
from kiosk.i18n import t
from kiosk.staff.learners import Learners
from kiosk.staff.skills_grid import SkillState, load_grid
from kiosk.testing.pilot import Pilot
from kiosk.ui.simulate import right_moves
from tests.ui.test_logbook_visits import flushed, records_on_disk


def do(pilot: Pilot, replica) -> None:  # noqa: ANN001 (a content Replica)
    """What the practice page asks, as a visitor does it: taps, the example, OK."""
    for name in right_moves(replica, pilot.services.visit.language):
        pilot.tap(name)


def test_a_newcomer_finds_where_to_start_follows_the_path_and_shows_a_skill(config, shipped_content,
                                                                              tmp_path) -> None:
    from pypdf import PdfReader

    from kiosk.staff.attestation import write_attestation

    code = Learners(config.data_dir).create().code
    diagnostic = shipped_content.skills.diagnostic
    with Pilot.run(config, content=shipped_content) as pilot:
        pilot.ui.nav.hand_over(Launch(language="fr", learner=code))  # staff hand over to a learner they follow
        pilot.settle()
        pilot.tap("diagnostic_button")  # "Par où commencer ?", on the catalogue
        assert pilot.screen == "diagnostic"
        first = diagnostic.tasks[0]
        assert first.task.get("fr") in pilot.texts() and first.task.get("fr") in pilot.spoken[-1]
        assert not pilot.find("replica_start_button").highlighted  # nothing gives the answer away
        do(pilot, first.replica)
        assert pilot.spoken[-1].startswith(t("fr", "selfcheck_right"))
        pilot.tap("skip_button")  # "Je ne sais pas": the picture task is hard for them
        assert pilot.spoken[-1].startswith(t("fr", "diagnostic_move_on"))
        pilot.tap("practice_banner")  # the scroll task: not yet...
        assert pilot.spoken[-1] == t("fr", "selfcheck_not_yet") and pilot.screen == "diagnostic"
        pilot.tap("practice_banner")  # ...twice: the second hard task ends it early
        assert pilot.screen == "diagnostic_done"
        path = pilot.services.visit.diagnostic_path
        assert 3 <= len(path) <= 5 and path[0] == "first_steps"
        texts = " ".join(pilot.texts())
        for n, module in enumerate(path, 1):  # each with its picture, in order
            card = pilot.find(f"path_{module}")
            assert card.icon.endswith(f"{shipped_content.get(module).pictogram}.png")
            assert t("fr", "diagnostic_step", n=n, title=shipped_content.get(module).title.get("fr")) in texts
        assert "%" not in texts and "/10" not in texts and " sur 10" not in texts  # never a score

        pilot.tap("path_first_steps")  # they follow the path: its first module, step by step
        procedure = shipped_content.get("first_steps")
        assert pilot.screen == "walkthrough" and pilot.ui.nav.procedure.id == "first_steps"
        for step in procedure.steps:
            do(pilot, step.replica)
        assert pilot.screen == "finished"
        pilot.tap("selfcheck_button")
        check = procedure.checks[0]
        do(pilot, check.replica)  # the first self-check passes at the first try
        assert pilot.services.visit.check_index == 1
        pilot.tap("back_button")
        pilot.tap("end_button")  # "J'ai fini"
        assert pilot.screen == "welcome"
        record = records_on_disk(flushed(pilot))[-1]
        assert record["learner"] == code
        assert record["diagnostic"] == {"done": [first.id], "hard": [t.id for t in diagnostic.tasks[1:3]],
                                        "path": list(path)}
        assert record["skills_checked"] == sorted(check.skills)

        pilot.ui.nav.hand_over(Launch(language="fr", learner=code))  # next week: the path waits for them
        for _ in range(50):
            pilot.settle()
            if pilot.has("path_card_first_steps"):
                break
        assert pilot.has("path_card_first_steps") and t("fr", "catalogue_path") in pilot.texts()

    rows = {row.outcome.id: row for row in load_grid(config.data_dir, code, shipped_content.skills)}
    for outcome in check.skills:  # the learner's grid: checked, with its day
        assert rows[outcome].state is SkillState.CHECKED and rows[outcome].day
    out = write_attestation(code, list(rows.values()), shipped_content.skills, "fr", "Espace Belleville",
                            tmp_path / "attestation.pdf")
    text = " ".join(page.extract_text() for page in PdfReader(out).pages).replace("\n", " ")
    for outcome in check.skills:
        assert shipped_content.skills.get(outcome).text.get("fr")[:20] in text
