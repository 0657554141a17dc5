"""What a visitor types is never written to disk as speech: the real synthesizer, the real kiosk.

A blind visitor types a marker into a practice field with speech on, then the
kiosk reads the field out ("Nom d'utilisateur, champ, <marker>"). The test
listens (SDL's disk audio driver writes what the loudspeaker would play) and
watches every file under the speech folder, the data folder and the logs while
that private utterance is made and played: none may be created or changed,
and the marker must be in no file and no log line. The same story with the
privacy switched off (``FAULT=leak``: the private mark dropped before
synthesis) must be caught, so the check is shown able to fail.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MARKER = "zq7wkx"

STORY = r"""
import dataclasses, json, os, sys, time
from dataclasses import replace
from pathlib import Path
sys.path.insert(0, {root!r})
from kiosk.config import KioskConfig
from kiosk.content.loader import load
from kiosk.ui import bootstrap

data, content_dir, logs, disk = (Path(p) for p in sys.argv[1:5])
MARKER = {marker!r}
config = replace(KioskConfig(), data_dir=data, content_dir=content_dir)
bootstrap.prepare(config, windowed=True, headless=True)
from kiosk.speech.factory import make_engine
from kiosk.speech import tts
from kiosk.ui.headless import Headless

engine = make_engine("real")
assert engine.reason is None, engine.reason
if os.environ.get("FAULT") == "leak":  # privacy switched off: the check below must catch it
    request = tts.Synthesizer.request
    def leaky(self, text, lang, callback, rate=None):
        if getattr(text, "private", False):
            text = dataclasses.replace(text, private=False)
        return request(self, text, lang, callback, rate)
    tts.Synthesizer.request = leaky
speech_dir = Path(engine.synth.cache_dir)

def files():
    seen = {{}}
    for folder in (speech_dir.parent, data, logs):
        for path in folder.rglob("*"):
            if path.is_file():
                st = path.stat()
                seen[str(path)] = (st.st_size, st.st_mtime_ns, st.st_ino)
    return seen

def quiet(kiosk, timeout=20):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        kiosk.wait(0.1)
        if kiosk.services.speech.speaking is None and not engine.speaking:
            return True
    return False

content = load([content_dir])
with Headless.run(config, content=content, engine=engine) as kiosk:
    kiosk.toggle_profile("blind")
    kiosk.start_visit("fr")
    procedure, index, field = next(
        (p, i, e) for p in content.procedures for i, s in enumerate(p.steps) if s.replica
        for e in s.replica.elements if e.typable and e.kind == "field" and not e.masked)
    kiosk.ui.nav.open_procedure(procedure.id, index)
    kiosk.settle()
    kiosk.activate(f"replica_{{field.id}}")
    for key in MARKER:
        kiosk.press(key)
    assert MARKER in kiosk.services.visit.typed.values()
    assert quiet(kiosk)
    before, heard_before = files(), disk.stat().st_size
    widget = kiosk.find(f"replica_{{field.id}}")
    kiosk.app.focus.set(widget)  # the focus lands on the field: the kiosk reads it out
    said = kiosk.services.speech.speaking
    assert quiet(kiosk)
    after = files()
    with_marker = [p for p in after if MARKER.encode() in Path(p).read_bytes()]
    print(json.dumps({{
        "said": said.text if said else None, "private": bool(said and said.private),
        "created": sorted(set(after) - set(before)),
        "changed": sorted(p for p in set(after) & set(before) if after[p] != before[p]),
        "with_marker": with_marker, "heard_bytes": disk.stat().st_size - heard_before,
        "speech_dir": str(speech_dir), "mode": oct(speech_dir.parent.stat().st_mode & 0o777),
        "in_data": str(speech_dir).startswith(str(data)),
    }}), flush=True)
"""


def story(tmp_path: Path, fault: str = "") -> tuple[subprocess.CompletedProcess[str], list[dict]]:
    data, logs, disk = tmp_path / "data", tmp_path / "kivy", tmp_path / "loudspeaker.raw"
    data.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.update(KIVY_HOME=str(logs), SDL_AUDIODRIVER="disk", SDL_DISKAUDIOFILE=str(disk), FAULT=fault,
               TMPDIR=str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    code = STORY.format(root=str(ROOT), marker=MARKER)
    result = subprocess.run([sys.executable, "-c", code, str(data), str(ROOT / "content"), str(logs), str(disk)],
                            capture_output=True, text=True, env=env, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    return result, [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]


@pytest.mark.timeout(400)
def test_what_a_visitor_typed_is_spoken_from_memory_and_never_written(tmp_path: Path) -> None:
    result, (report,) = story(tmp_path)
    assert report["said"] and MARKER in report["said"] and report["private"], report
    assert report["heard_bytes"] > 20000, report  # the field really was read out loud
    assert report["created"] == [] and report["changed"] == [], report
    assert report["with_marker"] == [], report
    assert MARKER not in result.stderr  # nor in any log line
    assert report["mode"] == "0o700" and not report["in_data"], report  # the kiosk's own folder, not the data's
    assert not Path(report["speech_dir"]).exists()  # emptied when the kiosk exits


@pytest.mark.timeout(400)
def test_the_check_catches_a_private_utterance_that_reaches_the_cache(tmp_path: Path) -> None:
    _result, (report,) = story(tmp_path, fault="leak")
    assert report["said"] and MARKER in report["said"], report
    assert report["created"], report  # the clip was written to the speech folder: caught
