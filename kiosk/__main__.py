"""``python -m kiosk`` is the same as the ``kiosk`` command."""

from __future__ import annotations

import sys

from kiosk.cli import main

sys.exit(main())
