"""``kiosk audit``: render every screen headless and check it on the live widget tree.

Every screen (welcome, language, catalogue, each procedure's every step,
finished, help, idle warning) is put on show for each language x theme x text
size, and again in the seated profile, and checked for:

- **target size**: every touch target >= 20 mm both ways, main actions >= 30 mm,
  >= 3 mm between targets;
- **reach** (seated): every target inside the wheelchair reach band (a target in
  a scroll pane: the pane's visible part);
- **clipping and overlap**: a label whose text is larger than its box, or has a
  word wider than its box (cut), or sticks out of its container (its scroll
  pane's content when scrolling); targets, labels and pictograms overlapping;
- **contrast** of the colours actually drawn: each label's colour on the fill
  behind it (7:1), borders, frames, pictograms, the focus ring and the practice
  target outline against what surrounds them (3:1); a target must be told
  apart from its surroundings by its border or its face (3:1);
- **mirroring** in right-to-left languages: Back on the right of Next, the
  scroll buttons on the left.

Each violation reads ``screen/lang/theme/scale: widget: what is wrong``. A
contact sheet per language (PNG) shows the main screens in every theme and size.

The package, by job: the rules themselves are pure functions in
:mod:`kiosk.access.rules` (no Kivy); :mod:`.reader` reads the live widget
tree; :mod:`.plan` lists the settings; :mod:`.runner` drives the headless
kiosk over them, on several processes; :mod:`.sheets` draws the contact
sheets. Nothing here imports Kivy until it is called.
"""

from __future__ import annotations

from kiosk.access.rules import Box, Case, Violation
from kiosk.ui.audit.plan import SHEET_COLUMNS, THUMB_WIDTH, Result, Setting, settings
from kiosk.ui.audit.reader import TreeReader, word_measurer
from kiosk.ui.audit.runner import Auditor, run

__all__ = ["SHEET_COLUMNS", "THUMB_WIDTH", "Auditor", "Box", "Case", "Result", "Setting", "TreeReader",
           "Violation", "run", "settings", "word_measurer"]
