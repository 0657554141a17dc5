"""Loading content on a worker thread, so the kiosk draws while procedures load.

The parsers and checks (PyYAML, the schema) are imported on the worker thread,
not before the first frame. Whatever happens there, the set is filled: a crash
becomes a clear problem ("content loading failed: ...") logged with its
traceback, and readers never wait for ever. Imports no Kivy.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable
from pathlib import Path

from kiosk.content.contentset import ContentSet, Problem

log = logging.getLogger("kiosk.content")


def load_in_background(paths: Iterable[Path], on_done: Callable[[ContentSet], None] | None = None, *,
                       deferred: bool = False) -> ContentSet:
    """Load ``paths`` on a worker thread and return the (loading) set at once.

    With ``deferred``, loading starts at :meth:`ContentSet.start` or at the first
    read, whichever comes first: the kiosk draws its welcome screen first, then
    loads while the visitor reads it (a loading thread started earlier competes
    with drawing for the interpreter lock). ``on_done`` is called on the worker
    thread once the set is filled, before other listeners
    (:meth:`ContentSet.when_loaded`).
    """
    paths = list(paths)
    thread = threading.Thread(target=lambda: _work(content, paths), name="content-loader", daemon=True)
    content = ContentSet.loading(starter=thread.start)
    if on_done is not None:
        content.when_loaded(on_done)
    return content if deferred else content.start()


def _work(content: ContentSet, paths: list[Path]) -> None:
    """The worker: load, and fill the set whatever happens."""
    try:
        from kiosk.content.loader import load_all  # parsers and checks load here, off the main thread

        procedures, problems, glossaries, skills = load_all(paths)
    except Exception as exc:  # a bug or a broken install: report it and let the kiosk run without procedures
        log.exception("content loading failed")
        where = paths[0] if paths else Path(".")
        procedures, problems, glossaries = [], [Problem(where, 0, "", f"content loading failed: {exc!r}")], {}
        skills = None
    content.fill(procedures, problems, glossaries, skills)
