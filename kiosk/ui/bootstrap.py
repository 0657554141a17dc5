"""Prepare Kivy before it is imported: environment, kiosk lock-down, true dpi, fonts.

Kivy reads its environment and much of its configuration when its modules are
first imported, so :func:`prepare` must run before anything imports
``kivy.core.window``. It sets a private ``KIVY_HOME`` (Kivy would otherwise
write ``~/.kivy``), logs through Python's logging, derives ``KIVY_DPI`` from the
configured physical screen size (SDL reports 96 dpi on Linux whatever the
panel), and, in kiosk mode, fullscreen, borderless, no cursor, no screen saver,
no multitouch dots and no Escape-to-quit.
"""

from __future__ import annotations

import logging
import os
import sys
import tempfile
from pathlib import Path

from kiosk.access.geometry import Geometry
from kiosk.config import KioskConfig

_prepared: dict[str, object] = {}


def has_display() -> bool:
    """Whether a graphical display is reachable (X11 or Wayland)."""
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def prepare(config: KioskConfig, *, windowed: bool, headless: bool, paced: bool = False) -> None:
    """Set Kivy's environment and configuration; call once, before importing Kivy UI.

    Headless, frames are drawn back to back (screenshots, the audit, tests) unless
    ``paced``: the real kiosk running with no display keeps Kivy's 60 frames per
    second, or it would keep a core busy for nothing.
    """
    if _prepared:
        return
    geometry = Geometry(config.screen)
    env = os.environ
    env.setdefault("KIVY_NO_ARGS", "1")
    env.setdefault("KIVY_NO_FILELOG", "1")
    env.setdefault("KIVY_NO_CONSOLELOG", "1")
    env.setdefault("KIVY_LOG_MODE", "PYTHON")
    env.setdefault("KIVY_HOME", str(Path(tempfile.gettempdir()) / f"passerelle-kivy-{os.getuid()}"))
    env["KIVY_DPI"] = f"{geometry.dpi:.3f}"
    # SDL would turn SIGTERM and SIGINT into a window close request, which kiosk mode
    # refuses: the system could not stop the kiosk. ``kiosk run`` handles them itself.
    env.setdefault("SDL_NO_SIGNAL_HANDLERS", "1")
    env.setdefault("KIVY_AUDIO", "sdl2")  # speech plays through SDL2 mixer, stoppable at once
    if headless:
        env["SDL_VIDEODRIVER"] = "offscreen"
        env.setdefault("SDL_AUDIODRIVER", "dummy")

    import logging

    # Kivy imports every Linux input provider; without libmtdev it logs a traceback
    # although the kiosk never uses that provider.
    logging.getLogger("kivy").addFilter(lambda record: "MTDev is not supported" not in record.getMessage())
    from kivy.config import Config

    Config.set("kivy", "exit_on_escape", "0")
    Config.set("kivy", "log_level", "warning")
    Config.set("kivy", "keyboard_mode", "system")
    # Only the mouse provider: touchscreens arrive as mouse events under X11 and the
    # kernel providers (which also need read access to /dev/input) would deliver
    # each touch twice.
    for key in list(Config.options("input")) if Config.has_section("input") else []:
        Config.remove_option("input", key)
    Config.set("input", "mouse", "mouse,disable_multitouch")
    Config.set("graphics", "width", str(config.screen.width_px))
    Config.set("graphics", "height", str(config.screen.height_px))
    Config.set("graphics", "resizable", "0")
    Config.set("graphics", "allow_screensaver", "0")
    Config.set("graphics", "multisamples", "0")
    if headless and not paced:
        Config.set("graphics", "maxfps", "0")  # nothing to pace offscreen: draw frames back to back
    if windowed or headless:
        Config.set("graphics", "fullscreen", "0")
        Config.set("graphics", "borderless", "0")
        Config.set("graphics", "show_cursor", "1")
    else:
        Config.set("graphics", "fullscreen", "auto")
        Config.set("graphics", "borderless", "1")
        Config.set("graphics", "show_cursor", "0")
    _prepared.update(config=config, windowed=windowed, headless=headless)
    keep_heap_from_growing()
    register_fonts()


def offscreen() -> bool:
    """Whether Kivy was prepared to draw off screen (no display: SDL's offscreen driver)."""
    return bool(_prepared.get("headless"))


def keep_heap_from_growing() -> None:
    """Hand large freed blocks back to the system at once (glibc), so memory levels off.

    Every screen change frees large buffers (text and picture pixels, Mesa's
    drawing). glibc raises its mmap threshold to the largest block freed, after
    which such buffers come from heaps that fragment and are never returned:
    resident memory grew by 40 % over 300 screen changes with no object alive
    to show for it (``bench/memory.py``). A fixed threshold (glibc's own
    starting value) keeps them in separate mappings, unmapped when freed.
    """
    import ctypes

    try:
        mallopt = ctypes.CDLL("libc.so.6").mallopt
    except (OSError, AttributeError):
        return  # not glibc (another libc manages its heap its own way)
    m_mmap_threshold = -3
    mallopt(m_mmap_threshold, 128 * 1024)


#: fonts that could not be found at start-up, worded for staff (the staff Today page shows them)
MISSING_FONTS: list[str] = []


def register_fonts() -> None:
    """Register Atkinson Hyperlegible (Latin) and Noto Sans Arabic with Kivy.

    A missing font package or file does not stop the kiosk: Kivy's own font
    (Roboto; DejaVu Sans for Arabic) stands in, and :data:`MISSING_FONTS` says what is missing.
    """
    import kivy
    from kivy.core.text import LabelBase

    roboto = Path(kivy.kivy_data_dir) / "fonts"  # Kivy's own fonts: the stand-in
    MISSING_FONTS.clear()
    try:
        import fontpkg_atkinson_hyperlegible as atkinson

        latin = Path(atkinson.__file__).parent / "files"
        regular, bold = latin / "AtkinsonHyperlegible-Regular.ttf", latin / "AtkinsonHyperlegible-Bold.ttf"
        if not (regular.is_file() and bold.is_file()):
            raise FileNotFoundError(regular)
        LabelBase.register("Kiosk", fn_regular=str(regular), fn_bold=str(bold))
    except (ImportError, OSError) as exc:
        MISSING_FONTS.append(f"Atkinson Hyperlegible ({exc}); Kivy's Roboto stands in")
        LabelBase.register("Kiosk", fn_regular=str(roboto / "Roboto-Regular.ttf"),
                           fn_bold=str(roboto / "Roboto-Bold.ttf"))
    try:
        import fontpkg_noto_sans_arabic as noto

        arabic = next((Path(noto.__file__).parent / "files").glob("NotoSansArabic*.ttf"), None)
        if arabic is None:
            raise FileNotFoundError(Path(noto.__file__).parent / "files" / "NotoSansArabic*.ttf")
        LabelBase.register("KioskArabic", fn_regular=str(arabic))
    except (ImportError, OSError) as exc:
        # Kivy's DejaVu Sans has Arabic letters: readable, if less so; staff must know.
        MISSING_FONTS.append(f"Noto Sans Arabic ({exc}); DejaVu Sans stands in")
        LabelBase.register("KioskArabic", fn_regular=str(roboto / "DejaVuSans.ttf"))
    for missing in MISSING_FONTS:
        logging.getLogger("kiosk.fonts").warning("font missing: %s", missing)


def quiet_kivy_logging() -> None:
    """Keep Kivy's log at warnings on stderr (it logs every provider at start)."""
    import logging

    logging.getLogger("kivy").setLevel(logging.WARNING)
    if not logging.getLogger().handlers:
        logging.basicConfig(stream=sys.stderr, level=logging.WARNING, format="%(levelname)s %(message)s")
