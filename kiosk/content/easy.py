"""A step in the easy-to-read profile: one idea per page. Imports no Kivy.

FALC asks for one idea at a time with a picture beside it. In the easy
profile a step is shown as pages: what to bring (on the procedure's first
step only), then each sentence of the instruction with its own pictogram
(:mod:`kiosk.content.sentence_pictograms`), then the tip and the warning, and last the
practice page alone. Next and Back go from page to page; past the last page
Next goes to the next step.
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.content.model import Procedure, Step
from kiosk.content.sentence_pictograms import illustrated

#: What a page shows: the list to bring, a sentence, the tip, the warning, the practice page.
PAGE_KINDS = ("bring", "sentence", "tip", "warning", "practice")


@dataclass(frozen=True)
class Page:
    """One page of a step in the easy profile: its kind, its words and its pictogram."""

    kind: str
    text: str = ""
    pictogram: str = ""
    #: the things to bring, one per line (a ``bring`` page)
    items: tuple[str, ...] = ()


def easy_pages(procedure: Procedure, step_index: int, lang: str) -> list[Page]:
    """The pages of step ``step_index`` of ``procedure`` in ``lang``, in the order they are shown."""
    step: Step = procedure.steps[step_index]
    pages = []
    if step_index == 0 and procedure.bring:
        pages.append(Page("bring", pictogram="document", items=tuple(item.get(lang) for item in procedure.bring)))
    fallback = step.picture or procedure.pictogram
    pages += [Page("sentence", sentence, picto) for sentence, picto in illustrated(step.text.get(lang), lang, fallback)]
    if step.tip:
        pages.append(Page("tip", step.tip.get(lang), "search"))
    if step.warning:
        pages.append(Page("warning", step.warning.get(lang), "warning"))
    if step.replica is not None:
        pages.append(Page("practice", pictogram="hand"))
    return pages
