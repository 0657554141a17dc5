"""How long loading and validating content takes: the shipped set and a big synthetic one.

Run: ``python bench/content.py``. The last line is one JSON object:
``shipped_load_s`` (the bundled procedures, median of 5) and ``synthetic_load_s``
(100 procedures x 3 languages x 10 steps, generated in this run; median of 5).
Goal: synthetic <= 0.5 s, so start-up never waits on content.
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kiosk.content.loader import load  # noqa: E402

SENTENCE = {
    "fr": "Touchez le bouton bleu en bas de la page.",
    "en": "Touch the blue button at the bottom of the page.",
    "ar": "المس الزر الأزرق في أسفل الصفحة.",
}


def text(prefix: str) -> dict[str, str]:
    return {lang: f"{sentence} {prefix}." for lang, sentence in SENTENCE.items()}


def synthetic_procedure(n: int) -> dict:
    steps = []
    for i in range(10):
        step = {"id": f"step_{i}", "title": text(f"Titre {i}"), "text": text(f"Etape {i}"),
                "tip": text("Astuce"), "picture": "computer"}
        if i % 3 == 0:
            step["replica"] = {
                "heading": text("Page"),
                "elements": [
                    {"id": "name", "kind": "field", "label": text("Nom"), "example": text("Marie")},
                    {"id": "go", "kind": "button", "label": text("Suivant")},
                ],
                "target": "go", "action": "tap",
            }
        steps.append(step)
    return {"id": f"synthetic_{n}", "theme": "job", "pictogram": "job", "title": text(f"Demarche {n}"),
            "summary": text("Resume"), "site": {"name": text("Site"), "url": "https://exemple.fr"},
            "last_checked": "2026-11-01", "checked_by": "Bench", "bring": [text("Papier")], "steps": steps}


def timed(paths: list[Path], runs: int = 5) -> tuple[float, int]:
    times, count = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        content = load(paths)
        times.append(time.perf_counter() - start)
        count = len(content.procedures)
        assert not content.errors, content.errors[:3]
    return statistics.median(times), count


def main() -> None:
    shipped_s, shipped_n = timed([ROOT / "content"])
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for n in range(100):
            (folder / f"synthetic_{n}.yaml").write_text(
                yaml.safe_dump(synthetic_procedure(n), allow_unicode=True, sort_keys=False), encoding="utf-8")
        synthetic_s, synthetic_n = timed([folder])
    print(f"shipped: {shipped_n} procedures in {shipped_s:.3f} s; synthetic: {synthetic_n} in {synthetic_s:.3f} s",
          file=sys.stderr)
    print(json.dumps({"shipped_procedures": shipped_n, "shipped_load_s": round(shipped_s, 4),
                      "synthetic_procedures": synthetic_n, "synthetic_load_s": round(synthetic_s, 4),
                      "goal_synthetic_s": 0.5}))


if __name__ == "__main__":
    main()
