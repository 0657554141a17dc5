"""The curriculum's practice kinds through the practice model, without Kivy.

result, message, file, keypad, toggle, tool, document and sheet (content/FORMAT.md,
"Practice kinds of the curriculum"): what completes a step, what a wrong touch
says, what each holds, and that nothing typed outlives the step.
"""

from __future__ import annotations

import pytest

from kiosk.content.model import Element, Replica, Step, Text
from kiosk.i18n import t
from kiosk.practice.model import PracticeState, digits


def text(fr: str, en: str | None = None, ar: str | None = None) -> Text:
    return Text({"fr": fr, "en": en or fr, "ar": ar or fr})


ELEMENTS = (
    Element("ad", "result", text("Carte grise en ligne"), address="carte-grise-express.com",
            badge=text("Sponsorisé", "Sponsored", "إعلان")),
    Element("gouv", "result", text("Carte grise - ANTS"), address="ants.gouv.fr"),
    Element("mail", "message", text("Votre rendez-vous"), sender="CAF", unread=True),
    Element("big", "file", text("scan.pdf"), size="25 Mo",
            hint=text("Le fichier est trop lourd (25 Mo maximum 5 Mo).", "The file is too big.")),
    Element("docs", "file", text("Documents"), folder=True),
    Element("mic", "toggle", text("Micro"), on=True),
    Element("bold", "tool", text("Gras"), icon="bold"),
    Element("page", "document", text("Madame, Monsieur,")),
)
KEYPAD = Element("code", "keypad", text("Code secret"), example=Text({"fr": "1234", "en": "1234", "ar": "١٢٣٤"}))
SHEET = Element("budget", "sheet", text("Budget"), example=text("450"),
                cells=(("", "Montant"), ("Loyer", "450"), ("Total", "")), cell="B3")


def step(action: str, target: str, *extra: Element) -> Step:
    replica = Replica("https://exemple.fr", text("Page"), ELEMENTS + extra, target, action)
    return Step("s1", text("Titre"), text("Faites-le"), replica=replica)


@pytest.mark.parametrize("target", ["gouv", "mail", "docs", "mic", "bold"])
def test_each_tap_kind_completes_its_step_and_only_its_own(target: str) -> None:
    state = PracticeState.for_step(step("tap", target))
    wrong = state.tap("ad")
    assert wrong.wrong and not state.is_complete
    assert state.target.label.get("fr") in wrong.hint("fr")
    right = state.tap(target)
    assert right.right and state.is_complete


def test_a_touched_elements_own_hint_replaces_the_generic_one_and_does_not_complete() -> None:
    state = PracticeState.for_step(step("tap", "docs"))
    outcome = state.tap("big")
    assert outcome.wrong and not state.is_complete
    assert outcome.hint("fr") == "Le fichier est trop lourd (25 Mo maximum 5 Mo)."
    assert outcome.hint("en") == "The file is too big."
    assert state.tap(None).hint("fr") == t("fr", "replica_hint_tap", label="Documents")


def test_a_document_is_read_not_used() -> None:
    state = PracticeState.for_step(step("tap", "gouv"))
    assert state.tap("page").wrong and not state.is_complete


def test_a_switch_starts_as_the_content_says_and_a_tap_flips_it() -> None:
    state = PracticeState.for_step(step("tap", "bold"))
    assert state.held("mic") is True
    assert state.tap("mic").wrong  # not the target: a hint, but the switch still moves
    assert state.held("mic") is False
    state.tap("mic")
    assert state.held("mic") is True
    state.reset()
    assert state.held("mic") is True


def test_a_tool_is_pressed_and_released() -> None:
    state = PracticeState.for_step(step("tap", "gouv"))
    assert state.held("bold") is False
    state.tap("bold")
    assert state.held("bold") is True
    state.tap("bold")
    assert state.held("bold") is False
    target = PracticeState.for_step(step("tap", "bold"))
    assert target.tap("bold").right and target.held("bold") is True


def test_the_keypad_order_is_shuffled_at_each_opening_and_known_from_a_seed() -> None:
    the_step = step("type", "code", KEYPAD)
    orders = {PracticeState.for_step(the_step).key_order("code") for _ in range(12)}
    assert all(sorted(order) == list("0123456789") for order in orders)
    assert len(orders) > 1  # twelve openings in the same order: 1 chance in 10!^11
    seeded = PracticeState.for_step(the_step, seed=7).key_order("code")
    assert PracticeState.for_step(the_step, seed=7).key_order("code") == seeded
    state = PracticeState.for_step(the_step, seed=7)
    first = state.key_order("code")
    state.reset()  # the step opened again
    assert state.key_order("code") != first or state.key_order("code") != seeded


def test_the_keypad_completes_with_the_example_code_and_ok_only() -> None:
    state = PracticeState.for_step(step("type", "code", KEYPAD), seed=1)
    assert state.tap("code") == state.focus("code")
    state.type("code", "12a3")  # a keypad keeps digits only
    assert state.value("code") == "123"
    assert state.confirm("fr").wrong  # 3 digits: not the example
    assert state.value("code") == ""  # a wrong code is erased, as a bank does
    for digit in "1234":
        state.type("code", digit)
    assert not state.is_complete  # not before OK
    assert state.typed() == {"code": "1234"}
    assert state.confirm("fr").right and state.is_complete


def test_a_wrong_code_gets_a_hint_naming_the_example_code() -> None:
    state = PracticeState.for_step(step("type", "code", KEYPAD))
    state.focus("code")
    state.type("code", "9999")
    outcome = state.confirm("en")
    assert outcome.hint("en") == t("en", "replica_hint_code", code="1234")
    assert not state.is_complete


def test_the_keypad_code_in_arabic_is_compared_as_digits() -> None:
    assert digits("١٢٣٤") == "1234" and digits("12 34") == "1234"
    state = PracticeState.for_step(step("type", "code", KEYPAD))
    state.focus("code")
    state.type("code", "١٢٣٤")
    assert state.value("code") == "1234"
    assert state.confirm("ar").right


def test_the_sheet_cell_is_typed_into_like_a_field() -> None:
    state = PracticeState.for_step(step("type", "budget", SHEET))
    assert state.tap("mic").wrong  # another thing than the sheet
    assert not state.tap("budget").wrong
    assert state.confirm().hint_key == "replica_hint_empty"
    state.type("budget", "=SOMME(B2)")
    state.erase("budget")
    state.type("budget", ")")
    assert state.value("budget") == "=SOMME(B2)"
    assert state.typed() == {"budget": "=SOMME(B2)"}
    assert state.confirm().right and state.is_complete


def test_nothing_typed_or_chosen_outlives_the_step() -> None:
    state = PracticeState.for_step(step("type", "budget", SHEET, KEYPAD))
    state.focus("code")
    state.type("code", "12")
    state.focus("budget")
    state.type("budget", "qzj4")
    state.tap("bold")
    state.tap("mic")
    assert state.typed() == {"code": "12", "budget": "qzj4"}
    state.reset()
    assert state.typed() == {}
    assert state.held("bold") is False and state.held("mic") is True and state.focused is None


def test_only_keypads_have_a_key_order() -> None:
    state = PracticeState.for_step(step("tap", "gouv"))
    with pytest.raises(ValueError):
        state.key_order("gouv")


# -- choose by picture, put in order (the self-checks' and the diagnostic's kinds) -----------------
CARDS = (Element("send", "card", text("Envoyer")), Element("address", "card", text("Adresse")),
         Element("write", "card", text("Écrire")))


def order_state() -> PracticeState:
    replica = Replica("https://exemple.fr", text("Page"), CARDS, "address", "order", ("address", "write", "send"))
    return PracticeState("s1", replica)


def test_a_picture_is_chosen_by_a_tap() -> None:
    pictures = (Element("house", "picture", text("Maison"), picture="house"),
                Element("mail", "picture", text("E-mail"), picture="email"))
    state = PracticeState("s1", Replica("https://exemple.fr", text("Page"), pictures, "mail", "tap"))
    assert state.tap("house").wrong and not state.is_complete
    assert state.tap("mail").right and state.is_complete


def test_cards_touched_in_order_take_their_places_and_complete_at_the_last() -> None:
    state = order_state()
    assert state.next_card == "address"
    assert not state.tap("address").wrong and state.place("address") == 1 and not state.is_complete
    assert not state.tap("address").wrong and state.place("address") == 1  # again: nothing changes
    assert not state.tap("write").wrong and state.next_card == "send"
    assert state.tap("send").right and state.is_complete and state.next_card is None


def test_a_card_out_of_order_starts_again_and_the_hint_names_the_first() -> None:
    state = order_state()
    state.tap("address")
    outcome = state.tap("send")
    assert outcome.wrong and [state.place(c.id) for c in CARDS] == [0, 0, 0]
    assert outcome.hint("en") == t("en", "replica_hint_order", label="Adresse")
