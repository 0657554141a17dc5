"""Problems kept for staff in the data folder: one small text file per source.

Content problems (``content-problems.txt``) and logbook problems
(``logbook-problems.txt``) are kept the same way: the file lists what is wrong
now, and is removed once nothing is. A folder that cannot be written is
logged and the kiosk goes on. Imports no Kivy.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path


def keep_for_staff(data_dir: Path, name: str, lines: Sequence[str], log: logging.Logger) -> Path | None:
    """Write ``lines`` to ``data_dir/name`` (or remove it when there are none); its path, or None."""
    report = data_dir / name
    try:
        if not lines:
            if report.exists():  # (a read-only folder refuses even removing a file that is not there)
                report.unlink()
            return None
        data_dir.mkdir(parents=True, exist_ok=True)
        report.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return report
    except OSError as exc:
        log.warning("cannot write %s: %s", report, exc)
        return None
