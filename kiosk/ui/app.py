"""KioskApp: builds the screens, wires the services, locks the kiosk down.

No domain logic lives here: content, speech queue, visit and idle timer are
plain objects built once and handed to the screens through
:class:`kiosk.services.Services`, beside the UI context (style and the
navigator, which also opens and closes the overlays). Call
:func:`kiosk.ui.bootstrap.prepare` before importing this module.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from kivy.app import App
from kivy.clock import Clock
from kivy.core.window import Window

from kiosk.access.geometry import Geometry
from kiosk.config import KioskConfig
from kiosk.content.background import load_in_background
from kiosk.content.contentset import ContentSet
from kiosk.i18n import t
from kiosk.idle import IdleState, IdleTimer
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

def _staff_screen(name: str) -> Callable[..., object]:
    """Builds staff screen ``name``, importing the staff screens (and their kv) only then."""
    def build(services: Services, ui: UiContext, name: str = name) -> object:
        from kiosk.ui.screens.staff_pages import STAFF_SCREENS

        return STAFF_SCREENS[name](services, ui, name=name)
    return build


#: The screens by name (visitor, then staff); each is built the first time it is shown.
SCREENS = {"welcome": WelcomeScreen, "language": LanguageScreen, "catalogue": CatalogueScreen,
           "walkthrough": WalkthroughScreen, "finished": FinishedScreen,
           **{name: _staff_screen(name) for name in ("staff_pin", "staff_panel", "staff_launch", "staff_learners",
                                                     "staff_learner", "staff_today")}}
#: three taps in the staff corner within this many seconds open the staff PIN screen
STAFF_TAPS_S = 2.0
#: two touches on the welcome background within this many seconds start speech mode
DOUBLE_TOUCH_S = 1.5
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
        nav = Navigator(manager, services, style, screens=SCREENS, idle=self.idle,
                        stop_kiosk=self.stop, on_overlay_open=self._raise_badge)  # staff's Exit; the badge on top
        self._navigator, self.ui = nav, nav.ui
        nav.apply_profiles()  # the staff preset (kiosk run --profile), if any
        self._apply_voice()  # before the first announcement
        # The first screen: the manager enters it (refresh, then its announcement).
        # Start-up draws it without building the others.
        nav.ensure("welcome")
        if bootstrap.offscreen():
            heap.finish_every_frame()  # no display shows the frames, so nothing else would finish them
        Window.clearcolor = style.background
        style.bind(background=lambda _s, value: setattr(Window, "clearcolor", value))
        self.keymap = KeyMap({"staff": (config.staff.entry_key,), **config.keys})
        self._hold_code = parse_key(config.staff.hold_key)[0]
        self._hold_started: float | None = None
        self._hold_repeat = False
        self._staff_taps: list[float] = []
        self._staff_active = self._now()
        self._badge = None
        staff.on_change(self._update_badge)
        self.focus = Focus(services, style, top=lambda: nav.top)
        manager.bind(current=lambda *_: self.focus.clear())
        # Back on the welcome screen, nobody waits: the full garbage collection then (kiosk.ui.heap).
        manager.bind(current=lambda _m, name: heap.tidy_after_next_frame() if name == "welcome" else None)
        self._welcome_touches: list[float] = []
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
        if key == self._hold_code and self._hold_repeat:
            return True  # the staff key held down: its action once, not once per repeat
        handler = getattr(self.root.current_screen, "handle_key", None)
        if handler and not self.nav.overlays and handler(key, codepoint):
            return True  # typed into a practice field
        action = self.keymap.action(key, "shift" in (modifiers or []))
        if action is None:
            return key == ESCAPE  # Escape never reaches Kivy's quit
        self.do(action)
        return True

    def do(self, action: str) -> None:
        """Carry out a key-map action (see :mod:`kiosk.keymap`)."""
        services, focus, nav = self.services, self.focus, self.nav
        visit, lang = services.visit, services.visit.language
        if action == "staff":
            nav.enter_staff()
        elif nav.in_staff and action in ("speech", "call_helper", "volume_down", "volume_up", "slower", "faster"):
            return  # staff mode is silent
        elif action == "call_helper" or (action == "help" and nav.overlays and nav.overlays[-1] is nav.help_overlay):
            nav.call_helper()  # the Help key pressed again while Help is open calls a person
        elif action == "next":
            focus.move(+1)
        elif action == "previous":
            focus.move(-1)
        elif action == "activate":
            if not focus.activate_current():
                focus.move(+1)  # nothing focused yet: Enter starts the tour of the screen
        elif action == "back":
            nav.back()
        elif action == "help":
            if nav.screen_name == "welcome" and not nav.overlays:
                self.start_exploring()
            nav.show_help()
        elif action == "repeat":
            nav.repeat()
        elif action in ("volume_down", "volume_up"):
            volume = visit.change_volume(-1 if action == "volume_down" else +1)
            self._apply_voice()
            services.speech.say(t(lang, "volume_now", n=round(volume * 10)), lang, context="volume")
        elif action in ("slower", "faster"):
            rate = visit.change_rate(-1 if action == "slower" else +1)
            self._apply_voice()
            services.speech.say(t(lang, "rate_now", n=round((rate - 0.4) / 0.2)), lang, context="rate")
        elif action == "speech":
            if visit.explore_by_touch:
                visit.exploring = False
                visit.profiles.discard("blind")
                services.speech.say(t(lang, "speech_off"), lang, context="speech")
                visit.speech_on = False
                services.speech.enabled = False
            else:
                visit.speech_on = True
                services.speech.enabled = True
                self.start_exploring()
            nav.record_settings()

    def start_exploring(self) -> None:
        """Speech mode: explore by touch, focus spoken (double touch on welcome, Help or speech key)."""
        visit = self.services.visit
        visit.exploring = True
        visit.speech_on = True
        self.services.speech.enabled = True
        self.services.speech.say(t(visit.language, "speech_on"), visit.language, context="speech")

    def _apply_voice(self) -> None:
        """Hand the visit's volume and speed to the speech engine."""
        visit = self.services.visit
        self.services.speech.set_voice(visit.volume, visit.rate)

    # -- activity and the idle reset ------------------------------------------------
    def _on_activity(self, _window: object = None, touch: object = None) -> bool:
        """Any touch: stops speech, restarts the idle delay, and answers the warning.

        In speech mode the first touch on an item only says what it is (explore by
        touch); the kiosk keeps that touch from reaching the item.
        """
        self.services.speech.stop()
        self._staff_active = self._now()
        if self.idle.state is IdleState.WARNING and not self.nav.in_staff:
            self.nav.still_here()
            return True  # the touch answered the warning; it reaches nothing behind
        self.idle.activity()
        if touch is None:
            return False
        self._count_staff_taps(touch)
        if self.nav.in_staff:
            return False  # staff screens: a touch acts at once, silently
        if self.services.visit.explore_by_touch:
            return self.focus.explore(touch.x, touch.y)
        self._count_welcome_touches(touch)
        return False

    def _on_touch_move(self, _window: object, touch: object) -> bool:
        """Sliding a finger in speech mode speaks each item it enters."""
        if self.services.visit.explore_by_touch:
            self.idle.activity()
            self.focus.slide(touch.x, touch.y)
            return True
        return False

    def _count_welcome_touches(self, touch: object) -> None:
        """Two touches on the welcome screen's background switch speech mode on."""
        nav = self.nav
        if nav.screen_name != "welcome" or nav.overlays or self.focus.item_at(touch.x, touch.y) is not None:
            self._welcome_touches.clear()
            return
        now = time.monotonic()
        self._welcome_touches = [t0 for t0 in self._welcome_touches if now - t0 < DOUBLE_TOUCH_S] + [now]
        if len(self._welcome_touches) >= 2:
            self._welcome_touches.clear()
            self.start_exploring()

    def _count_staff_taps(self, touch: object) -> None:
        """Three taps in the staff corner (20 mm square) within 2 s open the staff PIN screen."""
        size = self.ui.style.target
        corner = self.kiosk_config.staff.corner
        x_ok = touch.x <= size if corner.endswith("left") else touch.x >= Window.width - size
        y_ok = touch.y >= Window.height - size if corner.startswith("top") else touch.y <= size
        if not (x_ok and y_ok):
            self._staff_taps.clear()
            return
        now = self._now()
        self._staff_taps = [t0 for t0 in self._staff_taps if now - t0 < STAFF_TAPS_S] + [now]
        if len(self._staff_taps) >= 3:
            self._staff_taps.clear()
            Clock.schedule_once(lambda _dt: self.nav.enter_staff(), 0)  # after this touch has done its work

    def _on_key_up(self, _window: object, key: int, *_: object) -> bool:
        if key == self._hold_code:
            self._hold_started, self._hold_repeat = None, False
        return False

    def _on_key_activity(self, _window: object = None, key: int = 0, *_: object) -> bool:
        self._staff_active = self._now()
        if key == self._hold_code:
            self._hold_repeat = self._hold_started is not None
            if self._hold_started is None:
                self._hold_started = self._now()
        self.services.speech.stop()
        if self.nav.in_staff:
            return False
        if self.idle.state is IdleState.WARNING:
            self.nav.still_here()
            return True
        self.idle.activity()
        return False

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
        nav = self.nav
        now, staff = self._now(), self.kiosk_config.staff
        if self._hold_started is not None and now - self._hold_started >= staff.hold_s:
            self._hold_started = None
            nav.enter_staff()
        if nav.in_staff:
            if now - self._staff_active >= staff.idle_s:
                nav.leave_staff()  # staff walked away: back to the visitor flow
            return
        if nav.screen_name == "welcome" and not nav.overlays:
            self.idle.restart()  # nothing to protect yet
            return
        change = self.idle.tick()
        nav.prepare_idle_warning()
        if change is IdleState.WARNING:
            nav.warn_idle(self.idle.seconds_left())
        elif change is IdleState.EXPIRED:
            nav.end_visit("idle")
            self.idle.restart()
        elif self.idle.state is IdleState.WARNING:
            nav.count_down(self.idle.seconds_left())
