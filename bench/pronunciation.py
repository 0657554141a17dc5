"""Pronunciation: what espeak-ng really says of every string the kiosk can speak.

Run: ``python bench/pronunciation.py``. For every language, over every string
of the shipped content and glossaries, the words are turned into speech
exactly as the kiosk does (segments, Arabic vowelled, lexicon) and espeak-ng's
phonemes (IPA) are read back. Reported:

- ``clusters``: the share of spoken words holding three or more consonants
  in a row (``new_pct``). Arabic almost never allows that: each such word is
  mangled (goal for Arabic: <= 5 %). An affricate (dʒ, tʃ) is one consonant,
  a doubled one (a shadda) is one long consonant; espeak's language-switch
  marks are left out (``strict_*``: every consonant letter counts). The same
  figures for the old pipeline (``old_pct``: one segment in the screen's
  voice, no vowels, no lexicon) are measured in the same run as the peer.
- ``quoted_labels``: quoted real-site labels (« ... », in French) in English and
  Arabic strings, and how many of them the French voice says (goal: all).
- ``clip_ready_ms``: from asking for a clip to the clip ready to play, p50/p95,
  for strings never said before, old pipeline and new, paired and alternated
  (the rest of the time to first audio is the device's buffer: see
  ``bench/speech.py``, whose goal is first audio <= 100 ms p50).
- ``vowel_ms``: the Arabic diacritizer alone, p50/p95 per string.

The last line printed is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402

from kiosk.speech.phonetics import SWITCH, cluster_words  # noqa: E402
from kiosk.speech.pronounce import Pronouncer  # noqa: E402
from kiosk.speech.sequence import SITE_LANGUAGE, Segment, Speech, has_arabic, speech_of  # noqa: E402
from kiosk.speech.tts import Synthesizer  # noqa: E402

LANGS = ("fr", "en", "ar")
QUOTED = re.compile(r"«\s*([^«»]+?)\s*»")


def strings(content: Path) -> dict[str, list[str]]:
    """Every string the kiosk may speak, by language: procedures' language maps and the glossaries."""
    out: dict[str, list[str]] = {lang: [] for lang in LANGS}

    def walk(node: object) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key in out and isinstance(value, str):
                    out[key].append(value)
                else:
                    walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for path in sorted(content.glob("*.yaml")):
        walk(yaml.safe_load(path.read_text(encoding="utf-8")))
    for lang in LANGS:
        glossary = content / "glossary" / f"{lang}.yaml"
        if glossary.exists():
            for entry in yaml.safe_load(glossary.read_text(encoding="utf-8"))["terms"]:
                out[lang] += [entry["term"], entry["explain"]] + ([entry["example"]] if entry.get("example") else [])
    return out


def old_speech(text: str, lang: str) -> Speech:
    """What the kiosk said before: the whole string in the screen's voice."""
    return Speech((Segment(text, lang),), lang, False, text)


def _pct(part: int, whole: int) -> float:
    return round(100 * part / whole, 2) if whole else 0.0


def _p(values: list[float], q: float) -> float:
    values = sorted(values)
    return round(values[min(len(values) - 1, int(q * len(values)))], 1) if values else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--content", type=Path, default=ROOT / "content")
    parser.add_argument("--timed", type=int, default=40, help="strings timed per language")
    args = parser.parse_args()

    texts = strings(args.content)
    new = Pronouncer.from_dir(args.content)
    old = Pronouncer({}, vowel=None)
    synth = Synthesizer(pronouncer=new)
    result: dict[str, object] = {"strings": {lang: len(v) for lang, v in texts.items()}}
    try:
        print("pronunciation: phonemes of every string, old and new pipelines ...", flush=True)
        clusters: dict[str, dict[str, object]] = {}
        worst: dict[str, int] = {}
        for lang in LANGS:
            counts = {"old": [0, 0], "new": [0, 0], "new_arabic_words": [0, 0], "old_strict": [0, 0],
                      "new_strict": [0, 0]}
            for text in texts[lang]:
                synth.pronouncer = old
                for _segment, ipa in synth.phonemes(old_speech(text, lang), lang):
                    for key, strict in (("old", False), ("old_strict", True)):
                        bad, total = cluster_words(ipa, strict=strict)
                        counts[key][0] += bad
                        counts[key][1] += total
                synth.pronouncer = new
                for segment, ipa in synth.phonemes(speech_of(text, lang), lang):
                    bad, total = cluster_words(ipa, strict=True)
                    counts["new_strict"][0] += bad
                    counts["new_strict"][1] += total
                    bad, total = cluster_words(ipa)
                    counts["new"][0] += bad
                    counts["new"][1] += total
                    if lang == "ar" and segment.lang == "ar":
                        counts["new_arabic_words"][0] += bad
                        counts["new_arabic_words"][1] += total
                        for word, said in zip(segment.text.split(), SWITCH.sub(" ", ipa).split(), strict=False):
                            if cluster_words(said)[0]:
                                worst[word] = worst.get(word, 0) + 1
            clusters[lang] = {
                "old_pct": _pct(*counts["old"]), "new_pct": _pct(*counts["new"]),
                "words": counts["new"][1], "words_flagged": counts["new"][0],
                "strict_old_pct": _pct(*counts["old_strict"]), "strict_new_pct": _pct(*counts["new_strict"]),
            }
            if lang == "ar":
                clusters[lang]["arabic_voice_only_pct"] = _pct(*counts["new_arabic_words"])
            print(f"  {lang}: {clusters[lang]}", flush=True)
        result["clusters"] = clusters
        result["worst_arabic"] = sorted(worst.items(), key=lambda kv: -kv[1])[:15]

        quoted = said_french = 0
        for lang in ("en", "ar"):
            for text in texts[lang]:
                labels = [q for q in QUOTED.findall(text) if not has_arabic(q)]
                if not labels:
                    continue
                french = [s.text for s in speech_of(text, lang).segments if s.lang == SITE_LANGUAGE]
                quoted += len(labels)
                said_french += sum(1 for label in labels if any(label.strip() in f for f in french))
        result["quoted_labels"] = {"in_en_and_ar": quoted, "said_by_french_voice": said_french}
        print(f"  quoted labels: {result['quoted_labels']}", flush=True)

        print("clip ready time, never-said strings, old and new pipelines alternated ...", flush=True)
        rng = random.Random(2026)
        ready: dict[str, dict[str, list[float]]] = {lang: {"old": [], "new": []} for lang in LANGS}
        for lang in LANGS:
            sample = rng.sample(texts[lang], min(args.timed, len(texts[lang])))
            for i, text in enumerate(sample):
                for which in (("old", "new") if i % 2 else ("new", "old")):
                    synth.pronouncer = Pronouncer({}, vowel=None) if which == "old" else \
                        Pronouncer(new.lexicons, vowel=new.diacritizer)  # nothing remembered: a first time
                    speech = old_speech(text, lang) if which == "old" else speech_of(text, lang)
                    synth.clear_cache()
                    t0 = time.perf_counter()
                    synth.synthesize(speech, lang)
                    ready[lang][which].append((time.perf_counter() - t0) * 1000)
        result["clip_ready_ms"] = {
            lang: {which: {"p50": round(statistics.median(v), 1), "p95": _p(v, 0.95)} for which, v in d.items()}
            for lang, d in ready.items()}
        print(f"  {result['clip_ready_ms']}", flush=True)

        vowel = new.diacritizer
        times = []
        if vowel is not None:
            for text in texts["ar"]:
                t0 = time.perf_counter()
                vowel(text)
                times.append((time.perf_counter() - t0) * 1000)
        result["vowel_ms"] = {"p50": round(statistics.median(times), 2), "p95": _p(times, 0.95)} if times else None
        result["goals"] = {"ar_clusters_pct": 5, "quoted_labels": "all"}
        result["met"] = {
            "ar_clusters": clusters["ar"]["new_pct"] <= 5,
            "quoted_labels": quoted == said_french,
        }
    finally:
        synth.close()
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
