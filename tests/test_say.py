"""``kiosk say`` and the pronunciation lexicons: what staff and content authors use to check the voice."""

from __future__ import annotations

import os
import subprocess
import sys
import wave
from pathlib import Path

from kiosk.speech.phonetics import cluster_words

ROOT = Path(__file__).resolve().parent.parent


def kiosk(*args: str, stdin: str = "", cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["SDL_AUDIODRIVER"] = "dummy"
    return subprocess.run([sys.executable, "-m", "kiosk", *args], input=stdin, capture_output=True, text=True,
                          env=env, timeout=120, cwd=cwd)


def test_say_answers_one_line_per_input_line_through_the_kiosks_pipeline() -> None:
    lines = ["ورقة وقلم", "", "اضغط على «Valider» ثم انتظر."]
    result = kiosk("say", "--lang", "ar", "--phonemes", stdin="\n".join(lines) + "\n")
    assert result.returncode == 0, result.stderr
    out = result.stdout.splitlines()
    assert len(out) == 3 and out[1] == ""
    assert out[0].startswith("ar: ") and cluster_words(out[0][4:]) == (0, 2)  # syllables, not "wrqt wqlm"
    assert [part.split(":")[0] for part in out[2].split(" | ")] == ["ar", "fr", "ar"]  # the label in French


def test_say_prints_one_line_per_segment_and_writes_the_sound(tmp_path: Path) -> None:
    out = tmp_path / "label.wav"
    result = kiosk("say", "--lang", "en", "--phonemes", "--out", str(out), "Tap « Créer un compte ».")
    assert result.returncode == 0, result.stderr
    rows = [line.split("\t") for line in result.stdout.splitlines()[:-1]]
    assert [(lang, text) for lang, text, _ipa in rows] == [("en", "Tap"), ("fr", "Créer un compte")]
    assert result.stdout.splitlines()[-1].startswith(f"{out}: ")
    with wave.open(str(out)) as w:
        assert w.getnframes() / w.getframerate() > 0.5


def test_a_broken_lexicon_is_named_by_file_line_and_field_and_the_rest_still_loads(tmp_path: Path) -> None:
    content = tmp_path / "content"
    content.mkdir()
    (content / "lexicon").mkdir()
    (content / "lexicon" / "ar.yaml").write_text(
        'words:\n  - {word: "ورقة", say: "وَرَقَة"}\n  - {word: "قلم", sey: "قَلَم"}\n', encoding="utf-8")
    (content / "lexicon" / "fr.yaml").write_text('words:\n  - {word: "CAF", say: "cé a èf"}\n', encoding="utf-8")
    result = kiosk("content", "check", str(content))
    assert result.returncode == 1
    assert f"{content / 'lexicon' / 'ar.yaml'}:3: words[1].sey: unknown key" in result.stdout, result.stdout
    from kiosk.speech.pronounce import Pronouncer

    pronouncer = Pronouncer.from_dir(content, vowel=None)
    assert list(pronouncer.lexicons) == ["fr"]  # the broken Arabic file is left out, French still works
    assert pronouncer.spoken("La CAF.", "fr") == "La cé a èf."
