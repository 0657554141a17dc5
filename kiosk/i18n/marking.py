"""Kivy label markup that underlines words of a text and adds a bold sign after each, in both directions.

The walkthrough marks glossary terms this way: an underline and a sign, never
colour alone. Left to right, the logical text gets ``[u]...[/u]`` around each
span. Right to left, SDL2_ttf draws a line handed over in reversed visual order
(:mod:`kiosk.i18n.bidi`); Kivy's markup label draws each styled chunk on its
own and places the chunks left to right, so a marked line is handed over as
its chunks (after the term, the term, before it), each in the form
:func:`~kiosk.i18n.bidi.display_line` gives it. That holds when the three
chunks reorder on their own as they do inside the line (checked with the bidi
algorithm); a line where it does not (a term glued to a number, say) is left
unmarked rather than drawn in the wrong order. Pure functions, no Kivy.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from bidi import get_display

from kiosk.i18n.bidi import display_line, wrap_logical

#: what follows a marked term: a no-break space (the sign never starts a line) and a question mark
SIGN = "\u00a0(?)"
#: the same in Arabic script
SIGN_RTL = "\u00a0(؟)"


def escape(text: str) -> str:
    """Text that Kivy's markup shows as written (``&``, ``[`` and ``]`` escaped)."""
    return text.replace("&", "&amp;").replace("[", "&bl;").replace("]", "&br;")


def marked_ltr(text: str, spans: Sequence[tuple[int, int]], sign: str = SIGN) -> str:
    """Left-to-right markup: each ``text[start:end]`` underlined and followed by ``sign``."""
    out, at = [], 0
    for start, end in sorted(spans):
        if start < at:
            continue  # overlapping spans: the first wins
        out.append(escape(text[at:start]))
        out.append(f"[u]{escape(text[start:end])}[/u][b]{escape(sign)}[/b]")
        at = end
    out.append(escape(text[at:]))
    return "".join(out)


#: stands in for a no-break space while wrapping (a private-use character: no text holds one)
_STAND_IN = "\ue000"


def _visual(text: str) -> str:
    return str(get_display(text, base_dir="R"))


def marked_rtl(text: str, spans: Sequence[tuple[int, int]], width: float, measure: Callable[[str], float],
               sign: str = SIGN_RTL) -> tuple[str, list[tuple[int, int]]]:
    """Right-to-left markup, wrapped to ``width``: the display text and the spans that were marked.

    The sign is added to the logical text first (so lines wrap with it); each
    line then holds at most one marked span (others on that line stay plain,
    as does a span cut by a line end).
    """
    # the logical text with its signs, and where each span now lies
    logical, shifted, at = [], [], 0
    for start, end in sorted(spans):
        if start < at:
            continue
        logical.append(text[at:start])
        offset = sum(len(p) for p in logical)
        logical.append(text[start:end] + sign)
        shifted.append((offset, offset + end - start, (start, end)))
        at = end
    logical.append(text[at:])
    full = "".join(logical)
    # The wrapper breaks at any space, a no-break one too: hide it behind a letter-like stand-in.
    wrapped = wrap_logical(full.replace("\u00a0", _STAND_IN), width, measure)
    lines = [line.replace(_STAND_IN, "\u00a0") for line in wrapped]
    out: list[str] = []
    marked: list[tuple[int, int]] = []
    cursor = 0
    for line in lines:
        begin = full.find(line, cursor) if line else cursor
        begin = cursor if begin < 0 else begin
        cursor = begin + len(line)
        inside = [(s - begin, e - begin, span) for s, e, span in shifted
                  if begin <= s and e + len(sign) <= begin + len(line)]
        done = False
        if inside:
            s, e, span = inside[0]
            before, term, mark, after = line[:s], line[s:e], line[e:e + len(sign)], line[e + len(sign):]
            # drawn left to right: what comes after the term, the sign, the term, what comes before
            chunks = (after, mark, term, before)
            if _visual(line) == "".join(_visual(c) for c in chunks):
                # each a chunk of its own (Kivy draws one chunk right to left as a whole)
                # The spaces that meet the term stay: Kivy dropped a space at a chunk's edge ("على شبكة"
                # drawn "علىشبكة"); a no-break one it keeps.
                before, after = _keep_edge_space(before, end=True), _keep_edge_space(after, end=False)
                out.append(escape(display_line(after)) + f"[b]{escape(display_line(mark))}[/b]"
                           + f"[u]{escape(display_line(term))}[/u]" + escape(display_line(before)))
                marked.append(span)
                done = True
        if not done:
            out.append(escape(display_line(line)))
    return "\n".join(out), marked


def _keep_edge_space(chunk: str, end: bool) -> str:
    """``chunk`` with the space at its end (or start) that touches the marked term made no-break."""
    if end and chunk.endswith(" "):
        return chunk[:-1] + "\u00a0"
    if not end and chunk.startswith(" "):
        return "\u00a0" + chunk[1:]
    return chunk
