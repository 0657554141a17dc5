"""Small JSON files in the data folder, written atomically (:func:`kiosk.files.write_atomic`)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from kiosk.files import write_atomic


def write_json(path: Path, data: Any) -> None:
    """Write ``data`` as JSON to ``path``: a crash leaves the old file or the new one, never half of one."""
    # Staff files (the PIN's hash, learner codes) are nobody else's business: 0600.
    write_atomic(path, json.dumps(data, ensure_ascii=False, indent=1), mode=0o600, make_folder=True)


def read_json(path: Path) -> Any:
    """The JSON in ``path``, or ``None`` when there is no such file."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
