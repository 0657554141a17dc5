"""Make libespeak-ng loadable by pyttsx3, once per process.

A system ``libespeak-ng.so.1`` is used if the dynamic loader finds one;
otherwise the copy shipped in the ``espeakng-loader`` wheel is loaded with
``RTLD_GLOBAL`` (so that pyttsx3's own ``CDLL("libespeak-ng.so.1")`` finds it
already loaded) and ``ESPEAK_DATA_PATH`` points at its data, so that
``pip install`` alone is enough to speak. Imports no Kivy.
"""

from __future__ import annotations

import ctypes
import logging
import os
import sys
import threading

from kiosk.speech.errors import SpeechUnavailable

log = logging.getLogger(__name__)

#: where a system espeak-ng is looked for, in order (read at each call: tests replace it)
SYSTEM_LIBRARIES: tuple[str, ...] = ("libespeak-ng.so.1", "/usr/local/lib/libespeak-ng.so.1")

_library_lock = threading.Lock()
_library: dict[str, str] | None = None


def load_library(prefer: str = "auto") -> dict[str, str]:
    """Make libespeak-ng loadable by pyttsx3 (once per process).

    ``prefer``: ``"auto"`` (system library if the loader finds one, else the
    bundled one), ``"system"`` or ``"bundled"``. Returns ``{"source", "path"}``.
    Raises :class:`SpeechUnavailable` when no library can be loaded.
    """
    global _library  # noqa: PLW0603
    with _library_lock:
        if _library is not None:
            return _library
        if "pyttsx3.drivers._espeak" in sys.modules:
            _library = {"source": "preloaded", "path": "?"}
            return _library
        errors: list[str] = []
        if prefer in ("auto", "system"):
            for name in SYSTEM_LIBRARIES:
                try:
                    ctypes.CDLL(name, mode=ctypes.RTLD_GLOBAL)
                except OSError as exc:
                    errors.append(f"{name}: {exc}")
                    continue
                _library = {"source": "system", "path": name}
                return _library
        if prefer in ("auto", "bundled"):
            try:
                import espeakng_loader

                path = espeakng_loader.get_library_path()
                data = espeakng_loader.get_data_path()
                ctypes.CDLL(path, mode=ctypes.RTLD_GLOBAL)
            except (ImportError, OSError, RuntimeError) as exc:
                errors.append(f"espeakng-loader: {exc}")
            else:
                # The bundled library must read its own data (same version).
                previous = os.environ.get("ESPEAK_DATA_PATH")
                if previous and previous != data:
                    log.info("ESPEAK_DATA_PATH %s replaced by the bundled data %s", previous, data)
                os.environ["ESPEAK_DATA_PATH"] = data
                _library = {"source": "bundled", "path": path}
                return _library
        raise SpeechUnavailable(
            "No espeak-ng speech library: install the system package libespeak-ng1 "
            "or the Python package espeakng-loader (" + "; ".join(errors) + ")"
        )
