"""How long a take-away memo takes to make: the first one (Arabic fonts pinned and cached) and the others.

Run: ``python bench/memo.py``. Writes every shipped procedure's memo in every
language to a temporary data folder, with a fresh font cache (``XDG_CACHE_HOME``
pointed at a temporary folder), in this process. The last line is one JSON
object: ``first_ar_s`` (the first Arabic memo, fonts made), ``median_s`` and
``max_s`` (CPU seconds of the others), ``memos``, ``cores``. Goal: a memo in
under 1 s once the fonts are cached (it is made off the UI thread; the visitor
hears "Your memo is printing" at once).
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
GOAL_S = 1.0


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["XDG_CACHE_HOME"] = str(Path(tmp) / "cache")  # a fresh font cache: the first memo pays
        from kiosk.content.loader import load
        from kiosk.i18n import LANGUAGES
        from kiosk.staff.memo import write_memo

        content = load([ROOT / "content"])
        procedures = content.procedures
        start = time.process_time()
        write_memo(procedures[0], "ar", Path(tmp))
        first = time.process_time() - start
        times = []
        for procedure in procedures:
            for lang in LANGUAGES:
                start = time.process_time()
                write_memo(procedure, lang, Path(tmp))
                times.append(time.process_time() - start)
    result = {"first_ar_s": round(first, 3), "median_s": round(statistics.median(times), 3),
              "max_s": round(max(times), 3), "memos": len(times), "goal_s": GOAL_S, "cores": os.cpu_count()}
    print(json.dumps(result))


if __name__ == "__main__":
    main()
