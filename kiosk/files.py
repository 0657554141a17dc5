"""One way to write a file: whole or not at all, and durable when it matters.

:func:`write_atomic` writes beside the file (a temporary ``.NAME.*.tmp`` in the
same folder), flushes and fsyncs it, renames it over the old file and fsyncs
the folder, so that a crash or a power cut leaves the old file or the new one,
never half of one, and a file said to be written is on the disk. A cache that
is only made again when lost (a speech clip, a day summary, a font) passes
``durable=False`` and skips the two fsyncs. :func:`append_line` adds one line
to a journal and fsyncs it. Imports no Kivy.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

#: the temporary file's suffix; a start-up clean-up may remove leftovers by it
TEMP_SUFFIX = ".tmp"


def fsync_folder(folder: Path) -> None:
    """Make a rename (or a new file) in ``folder`` durable."""
    fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomic(path: Path | str, data: bytes | str, *, mode: int | None = None, durable: bool = True,
                 prefix: str | None = None, make_folder: bool = False) -> Path:
    """Replace ``path`` with ``data`` (text is UTF-8): temporary file, fsync, rename, fsync of the folder.

    ``mode``: the file's permissions (e.g. 0o600 for staff files, 0o644 for a PDF a
    print spooler reads). ``prefix``: the temporary file's name start (default
    ``.NAME.``). ``make_folder``: create the folder if missing. Returns the path.
    """
    path = Path(path)
    if make_folder:
        path.parent.mkdir(parents=True, exist_ok=True)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=prefix or f".{path.name}.", suffix=TEMP_SUFFIX)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(payload)
            if durable:
                f.flush()
                os.fsync(f.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    if durable:
        fsync_folder(path.parent)
    return path


def append_line(path: Path, line: str) -> None:
    """Append ``line`` and a newline to ``path`` and make it durable (a journal).

    A new file's name is made durable too (the folder is fsynced once, when it is created).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    new = not path.exists()
    with path.open("a", encoding="utf-8") as f:
        f.write(line + "\n")
        f.flush()
        os.fdatasync(f.fileno()) if hasattr(os, "fdatasync") else os.fsync(f.fileno())
    if new:
        fsync_folder(path.parent)
