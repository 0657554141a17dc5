"""KioskApp: builds the screens, wires the services, locks the kiosk down.

No domain logic lives here: content, speech queue, visit and idle timer are
plain objects built once and handed to the screens through
:class:`kiosk.services.Services`, beside the UI context (style and the
navigator, which also opens and closes the overlays). Call
:func:`kiosk.ui.bootstrap.prepare` before importing this module.
"""

from __future__ import annotations

import importlib
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from kivy.app import App
from kivy.clock import Clock
from kivy.core.window import Window

from kiosk.access.geometry import Geometry
from kiosk.access.profiles import settings_for
from kiosk.config import KioskConfig
from kiosk.content.background import load_in_background
from kiosk.content.contentset import ContentSet
from kiosk.flow import KEY_COMMANDS
from kiosk.flow import effects as fx
from kiosk.idle import IdleTimer
from kiosk.keymap import ESCAPE, KeyMap, parse_key
from kiosk.logbook.events import VisitEnded
from kiosk.logbook.recorder import NoSaver, PendingSaver, Recorder
from kiosk.services import Services
from kiosk.session import Visit
from kiosk.speech.engines import NullEngine
from kiosk.speech.queue import Engine, SpeechQueue
from kiosk.ui import bootstrap, heap
from kiosk.ui.context import UiContext
from kiosk.ui.focus import Focus
from kiosk.ui.navigator import KioskScreens, Navigator
from kiosk.ui.screens.visitor import (
    CatalogueScreen,
    FinishedScreen,
    LanguageScreen,
    WalkthroughScreen,
    WelcomeScreen,
)
from kiosk.ui.style import Style

if TYPE_CHECKING:
    from kiosk.logbook.writer import LogWriter

def _built_later(module: str, screens: str, name: str) -> Callable[..., object]:
    """Builds screen ``name`` from ``module``'s ``screens`` table, importing the module (and its kv) only then:
    start-up loads none of the staff or self-check screens."""
    def build(services: Services, ui: UiContext, name: str = name) -> object:
        return getattr(importlib.import_module(module), screens)[name](services, ui, name=name)
    return build


#: The screens by name (visitor, then staff); each is built the first time it is shown.
SCREENS = {"welcome": WelcomeScreen, "language": LanguageScreen, "catalogue": CatalogueScreen,
           "walkthrough": WalkthroughScreen, "finished": FinishedScreen,
           **{name: _built_later("kiosk.ui.screens.selfcheck", "SELF_CHECK_SCREENS", name)
              for name in ("selfcheck", "selfcheck_done", "diagnostic", "diagnostic_done")},
           **{name: _built_later("kiosk.ui.screens.staff_pages", "STAFF_SCREENS", name)
              for name in ("staff_pin", "staff_panel", "staff_launch", "staff_learners", "staff_learner",
                           "staff_today")}}
#: Key-map actions that move the focus; the others are the flow's (kiosk.flow.KEY_COMMANDS).
FOCUS_ACTIONS: dict[str, Callable[[Focus], object]] = {
    "next": lambda focus: focus.move(+1),
    "previous": lambda focus: focus.move(-1),
    # Enter on nothing focused yet starts the tour of the screen.
    "activate": lambda focus: focus.activate_current() or focus.move(+1),
}
#: how often the idle timer is checked, seconds
IDLE_TICK_S = 0.25


class KioskApp(App):
    """The fullscreen kiosk. ``windowed`` is the development mode that may quit."""

    title = "Passerelle"

    def __init__(
        self,
        config: KioskConfig,
        *,
        windowed: bool = False,
        content: ContentSet | None = None,
        engine: Engine | None = None,
        lang: str | None = None,
        profile: str | None = None,
        now: Callable[[], float] = time.monotonic,
        wall: Callable[[], float] = time.time,
        record: bool = True,
        **kwargs: object,
    ) -> None:
        super().__init__(**kwargs)
        self.kiosk_config = config
        self.windowed = windowed
        self._content = content
        self._engine = engine
        self._lang = lang
        self._profile = profile
        self._now = now
        self._wall = wall
        self._record = record  # False for renders that are not visits (screenshots, the audit)
        self.logbook: LogWriter | None = None
        self.services: Services | None = None
        self.ui: UiContext | None = None
        self.idle: IdleTimer | None = None
        self._navigator: Navigator | None = None

    def build(self) -> KioskScreens:
        config = self.kiosk_config
        content = self._content
        if content is None:
            content = load_in_background([config.content_dir], on_done=self._report_content, deferred=True)
            Window.bind(on_flip=self._after_first_frame)  # a set given by the caller loads when the caller says
        visit = Visit(default_language=self._lang or config.default_language,
                      default_profile=self._profile or "standard")
        style = Style(Geometry(config.screen))
        style.lang = visit.language
        speech = SpeechQueue(self._engine or NullEngine())
        # The logbook opens after the first frame; a visit's records wait in memory until then.
        recorder = Recorder(PendingSaver() if self._record else NoSaver(), kiosk_id=config.kiosk_id,
                            now=self._wall, monotonic=self._now)
        if self._record:
            Window.bind(on_flip=self._open_logbook)
        from kiosk.staff.desk import StaffDesk

        staff = StaffDesk(config.data_dir, config.kiosk_id, help_command=config.staff.help_command or None,
                          print_command=config.staff.print_command or None,
                          command_timeout_s=config.staff.command_timeout_s, now=self._now, wall=self._wall)
        services = Services(config=config, content=content, visit=visit, speech=speech, recorder=recorder,
                            staff=staff)
        self.services = services
        self.idle = IdleTimer(config.idle_delay_s, config.idle_warning_s, now=self._now)
        manager = KioskScreens()
        # Staff's Exit; the badge on top; switch scanning follows the visit's profiles.
        nav = Navigator(manager, services, style, screens=SCREENS, idle=self.idle, now=self._now,
                        stop_kiosk=self.stop, on_overlay_open=self._raise_badge,
                        on_style=lambda: self.scan.follow() if getattr(self, "scan", None) else None)
        self._navigator, self.ui = nav, nav.ui
        # The staff preset (kiosk run --profile), if any; the voice before the first announcement.
        nav.run([fx.ApplyStyle(visit.language, settings_for(visit.profiles, visit.text_scale)),
                 fx.SetVoice(visit.volume, visit.rate)])
        # The first screen: the manager enters it (refresh, then its announcement).
        # Start-up draws it without building the others.
        nav.ensure("welcome")
        if bootstrap.offscreen():
            heap.finish_every_frame()  # no display shows the frames, so nothing else would finish them
        Window.clearcolor = style.background
        style.bind(background=lambda _s, value: setattr(Window, "clearcolor", value))
        self.keymap = KeyMap({"staff": (config.staff.entry_key,), **config.keys})
        self._hold_code = parse_key(config.staff.hold_key)[0]
        self._badge = None
        staff.on_change(self._update_badge)
        self.focus = Focus(services, style, top=lambda: nav.top)
        manager.bind(current=lambda *_: self.focus.clear())
        from kiosk.ui.scanning import ScanControl, settings_from

        #: switch access (the switch profile): the screen scanned, Space and Enter by default
        self.scan = ScanControl(services, style, top=lambda: nav.top, now=self._now,
                                settings=settings_from(config.access), in_staff=lambda: nav.flow.in_staff)
        self.scan.follow()
        manager.bind(current=lambda *_: self.scan.soon())
        # Back on the welcome screen, nobody waits: the full garbage collection then (kiosk.ui.heap).
        manager.bind(current=lambda _m, name: heap.tidy_after_next_frame() if name == "welcome" else None)
        return manager

    @property
    def nav(self) -> Navigator:
        """The navigator (screens, flow and overlays)."""
        return self._navigator

    def _report_content(self, content: ContentSet) -> None:
        """Tell staff which procedures were left out and why (the kiosk runs with the rest).

        Logged, and kept in ``content-problems.txt`` in the data folder for staff
        (removed again once the content is clean). Runs on the loading thread.
        """
        from kiosk.content.loader import write_problem_report

        write_problem_report(content, self.kiosk_config.data_dir)

    def on_start(self) -> None:
        Window.bind(on_touch_down=self._on_activity, on_touch_move=self._on_touch_move,
                    on_key_down=self._on_key_activity, on_key_up=self._on_key_up,
                    on_keyboard=self._on_keyboard, on_request_close=self._on_request_close)
        self._idle_event = Clock.schedule_interval(self._tick_idle, IDLE_TICK_S)

    def _after_first_frame(self, *_: object) -> None:
        """The welcome screen is on the glass: load the procedures while the visitor reads it."""
        Window.unbind(on_flip=self._after_first_frame)
        self.services.content.start()
        self.services.content.when_loaded(lambda _c: Clock.schedule_once(heap.tidy_after_next_frame))  # long-lived

    def _open_logbook(self, *_: object) -> None:
        """Open the logbook's writer (its thread tidies the data folder), off the first frame's path."""
        Window.unbind(on_flip=self._open_logbook)
        from kiosk.logbook.writer import LogWriter

        config = self.kiosk_config
        self.logbook = LogWriter(config.data_dir, keep_days=config.logbook_keep_days)
        self.services.recorder.attach(self.logbook)

    def on_stop(self) -> None:
        Window.unbind(on_touch_down=self._on_activity, on_touch_move=self._on_touch_move,
                      on_key_down=self._on_key_activity, on_key_up=self._on_key_up,
                      on_keyboard=self._on_keyboard, on_request_close=self._on_request_close,
                      on_flip=self._after_first_frame)
        Window.unbind(on_flip=self._open_logbook)
        if self.services and self.services.recorder.in_visit:
            self.services.recorder.emit(VisitEnded, how="left")  # the kiosk stops mid-visit
        if self.logbook is not None:
            self.logbook.close(timeout=10)
        if getattr(self, "_idle_event", None):
            self._idle_event.cancel()
        if self._navigator:
            self._navigator.close_overlays()
        if getattr(self, "scan", None) is not None:
            self.scan.stop()
        if self.services:
            self.services.speech.stop()
        heap.cancel()

    # -- lock-down ------------------------------------------------------------------
    def _on_request_close(self, *_: object, **__: object) -> bool:
        """Window-manager closes and Alt+F4: refused in kiosk mode (True vetoes)."""
        return not self.windowed

    def _on_keyboard(self, _window: object, key: int, _scancode: int = 0, codepoint: str | None = None,
                     modifiers: list[str] | None = None) -> bool:
        """Keys: typing in a practice field first, then the key map (never quit)."""
        if key == self._hold_code and self.nav.flow.hold_repeat:
            return True  # the staff key held down: its action once, not once per repeat
        if self.scan.key_down(key):
            return True  # a switch: it moves or selects, nothing else
        handler = getattr(self.root.current_screen, "handle_key", None)
        if handler and not self.nav.overlays and handler(key, codepoint):
            return True  # typed into a practice field
        action = self.keymap.action(key, "shift" in (modifiers or []))
        if action is None:
            return key == ESCAPE  # Escape never reaches Kivy's quit
        self.do(action)
        return True

    def do(self, action: str) -> None:
        """Carry out a key-map action (see :mod:`kiosk.keymap`): the focus's, or a flow command."""
        focus_move = FOCUS_ACTIONS.get(action)
        if focus_move is not None:
            focus_move(self.focus)
        elif action in KEY_COMMANDS:
            self.nav.run(self.nav.flow.key_action(action))

    # -- activity and the idle reset ------------------------------------------------
    def _on_activity(self, _window: object = None, touch: object = None) -> bool:
        """Any touch: stops speech, restarts the idle delay, and answers the warning.

        In speech mode the first touch on an item only says what it is (explore by
        touch); the kiosk keeps that touch from reaching the item.
        """
        if touch is None:
            effects = self.nav.flow.touch()
        else:
            effects = self.nav.flow.touch(in_staff_corner=self._in_staff_corner(touch),
                                          on_item=lambda: self.focus.item_at(touch.x, touch.y) is not None)
        self.nav.run(effects)
        if fx.Swallow() in effects:
            return True  # the touch answered the warning; it reaches nothing behind
        if fx.Explore() in effects:
            return self.focus.explore(touch.x, touch.y)
        return False

    def _on_touch_move(self, _window: object, touch: object) -> bool:
        """Sliding a finger in speech mode speaks each item it enters."""
        if self.nav.flow.touch_move():
            self.focus.slide(touch.x, touch.y)
            return True
        return False

    def _in_staff_corner(self, touch: object) -> bool:
        """Whether a touch landed in the staff corner (a 20 mm square; three taps open staff mode)."""
        size = self.ui.style.target
        corner = self.kiosk_config.staff.corner
        x_ok = touch.x <= size if corner.endswith("left") else touch.x >= Window.width - size
        y_ok = touch.y >= Window.height - size if corner.startswith("top") else touch.y <= size
        return x_ok and y_ok

    def _on_key_up(self, _window: object, key: int, *_: object) -> bool:
        self.nav.run(self.nav.flow.key_up(staff_key=key == self._hold_code))
        return self.scan.key_up(key)

    def _on_key_activity(self, _window: object = None, key: int = 0, *_: object) -> bool:
        effects = self.nav.flow.key_down(staff_key=key == self._hold_code)
        self.nav.run(effects)
        return fx.Swallow() in effects

    def _update_badge(self) -> None:
        """Show the help-call badge while calls wait for staff; gone once they acknowledge."""
        from kiosk.ui.staff_badge import HelpBadge

        waiting = self.services.staff.calls_waiting
        if waiting and self._badge is None:
            self._badge = HelpBadge(style=self.ui.style)
        if self._badge is not None:
            self._badge.count = waiting
            if waiting:
                self._raise_badge()
            elif self._badge.parent is not None:
                Window.remove_widget(self._badge)

    def _raise_badge(self) -> None:
        """Keep the badge above everything, overlays included."""
        badge = self._badge
        if badge is not None and badge.count:
            if badge.parent is not None:
                Window.remove_widget(badge)
            Window.add_widget(badge)

    def _tick_idle(self, _dt: float) -> None:
        self.nav.run(self.nav.flow.tick())
        self.scan.tick()
