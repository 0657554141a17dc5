"""Right-to-left lines: what a visitor reads on screen, left to right, for Arabic mixed with Latin and digits.

The renderer (SDL2_ttf with HarfBuzz, right-to-left) lays the string it is
handed out from right to left as a whole, so the characters seen from left to
right are that string reversed: :func:`on_screen` models it. Arabic letters
are joined by HarfBuzz from logical order, which does not change their order.
"""

from __future__ import annotations

from kiosk.i18n.bidi import display_line, display_text, has_rtl_letters, wrap_logical

HELLO, WRITE, HERE, STEP, OF = "مرحبا", "اكتب", "هنا", "الخطوة", "من"


_MIRROR = str.maketrans("()[]{}«»", ")(][}{»«")


def on_screen(handed: str) -> str:
    """What a right-to-left renderer shows, read from left to right (it mirrors every bracket)."""
    return handed[::-1].translate(_MIRROR)


def reading_right_to_left(word: str) -> str:
    """An Arabic word as it sits on screen read from left to right (its first letter rightmost)."""
    return word[::-1]


def test_arabic_alone_reaches_the_renderer_in_logical_order() -> None:
    assert display_line(HELLO) == HELLO  # HarfBuzz shapes and joins from logical order
    assert display_line(f"{WRITE} {HERE}") == f"{WRITE} {HERE}"
    assert on_screen(display_line(f"{WRITE} {HERE}")) == f"{reading_right_to_left(HERE)} {reading_right_to_left(WRITE)}"


def test_a_latin_word_in_arabic_reads_left_to_right_in_its_place() -> None:
    shown = on_screen(display_line(f"{WRITE} test@mail.fr {HERE}"))
    assert "test@mail.fr" in shown  # not reversed letter by letter
    assert shown.startswith(reading_right_to_left(HERE))  # the last Arabic word is on the left
    assert shown.endswith(reading_right_to_left(WRITE))  # the first is on the right, where reading starts


def test_numbers_keep_their_digit_order_and_sit_where_arabic_puts_them() -> None:
    shown = on_screen(display_line(f"{STEP} 12 {OF} 15"))
    assert shown == f"15 {reading_right_to_left(OF)} 12 {reading_right_to_left(STEP)}"


def test_latin_only_text_is_shown_as_written() -> None:
    assert on_screen(display_line("Gmail")) == "Gmail"
    assert on_screen(display_line("Step 3 of 9")) == "Step 3 of 9"


def test_brackets_are_left_for_the_renderer_to_mirror() -> None:
    # HarfBuzz mirrors brackets in a right-to-left run; mirroring them here too would undo it.
    assert display_line(f"({HELLO})") == f"({HELLO})"


def test_brackets_around_arabic_read_right_to_left() -> None:
    assert on_screen(display_line(f"({HELLO})")) == f"({reading_right_to_left(HELLO)})"


def test_brackets_around_latin_in_an_arabic_line_are_not_turned_round() -> None:
    # Seen on the Arabic Today page: "ok (RecordingEngine)" came out as "ok )RecordingEngine(".
    shown = on_screen(display_line(f"{HELLO} ok (RecordingEngine)"))
    assert shown == f"ok (RecordingEngine) {reading_right_to_left(HELLO)}"
    # A real French label quoted in Arabic reads as on the site, its translation beside it.
    shown = on_screen(display_line(f"{WRITE} « Mon compte » ({HERE})"))
    assert shown == f"({reading_right_to_left(HERE)}) « Mon compte » {reading_right_to_left(WRITE)}"


def test_two_bracketed_latin_words_of_an_arabic_sentence_each_keep_their_brackets() -> None:
    # Seen on caf_quarterly (ar): "(RSA(" and ")prime d'activité)".
    shown = on_screen(display_line(f"{HELLO} (RSA) {WRITE} (prime d'activité) {HERE}"))
    assert "(RSA)" in shown and "(prime d'activité)" in shown


def test_a_quoted_french_label_and_a_grouped_number_are_never_split_across_lines() -> None:
    text = f"{HELLO} « Mot de passe oublié » {WRITE} 0 805 805 817 {HERE}"
    lines = wrap_logical(text, 12, len)  # narrow: about two words a line
    assert "« Mot de passe oublié »" in lines and "0 805 805 817" in lines


def test_a_phone_number_in_groups_keeps_its_groups_in_order() -> None:
    # The bidi algorithm alone shows "0 805 805 817" as "817 805 805 0" in an Arabic line.
    shown = on_screen(display_line(f"{WRITE} 0 805 805 817 {HERE}"))
    assert shown == f"{reading_right_to_left(HERE)} 0 805 805 817 {reading_right_to_left(WRITE)}"
    assert "\u2066" not in display_line(f"{WRITE} 0 805 805 817") and "\u2069" not in display_line(f"{WRITE} 0 805")


def test_which_text_is_right_to_left() -> None:
    assert has_rtl_letters(HELLO) and has_rtl_letters(f"Gmail {WRITE}")
    assert has_rtl_letters("שלום")  # Hebrew too
    assert not has_rtl_letters("Gmail 12 (é, ç)")
    assert not has_rtl_letters("")


def test_wrapping_keeps_the_logical_order_of_lines_and_words() -> None:
    words = [WRITE, "test@mail.fr", HERE, STEP, "12", OF, "15"]
    text = " ".join(words)
    width = 14.0
    lines = wrap_logical(text, width, measure=len)
    assert " ".join(lines).split() == words  # nothing lost or moved: the first line holds the first words
    assert len(lines) > 1
    assert all(len(display_line(line)) <= width for line in lines)
    shown = display_text(text, width, measure=len).split("\n")
    assert [on_screen(line) for line in shown] == [on_screen(display_line(line)) for line in lines]


def test_paragraphs_stay_apart_and_a_too_long_word_gets_its_own_line() -> None:
    long_word = "https://www.service-public.fr/particuliers"
    lines = wrap_logical(f"{HELLO}\n{WRITE} {long_word} {HERE}", 12, measure=len)
    assert lines == [HELLO, WRITE, long_word, HERE]
    assert wrap_logical(f"{HELLO}\n\n{HERE}", 40, measure=len) == [HELLO, "", HERE]  # an empty line is kept


def test_a_french_label_with_the_glossarys_sign_inside_stays_one_unit_on_its_line() -> None:
    from kiosk.i18n.bidi import wrap_logical

    text = "في قسيمة الراتب، انظر إلى سطر « montant net social\u00a0(؟) ». هذا هو المبلغ"
    lines = wrap_logical(text, 30, len)
    assert any("« montant net social\u00a0(؟) »" in line for line in lines), lines
