"""KioskApp: builds the screens, wires the services, locks the kiosk down.

No domain logic lives here: content, speech queue, visit and idle timer are
plain objects built once and handed to the screens through :class:`Services`.
Call :func:`kiosk.ui.bootstrap.prepare` before importing this module.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from kivy.app import App
from kivy.clock import Clock
from kivy.core.window import Window
from kivy.uix.screenmanager import NoTransition, ScreenManager

from kiosk.access.geometry import Geometry
from kiosk.config import KioskConfig
from kiosk.content.loader import ContentSet
from kiosk.content.loader import load_in_background
from kiosk.idle import IdleState, IdleTimer
from kiosk.session import Visit
from kiosk.speech.engines import NullEngine
from kiosk.speech.queue import Engine, SpeechQueue
from kiosk.ui.navigator import Navigator
from kiosk.ui.overlays import HelpOverlay, IdleWarning
from kiosk.ui.screens.visitor import (
    CatalogueScreen,
    FinishedScreen,
    LanguageScreen,
    WalkthroughScreen,
    WelcomeScreen,
)
from kiosk.ui.services import Services
from kiosk.ui.style import Style

KEY_ESCAPE = 27
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
        self.services: Services | None = None
        self.idle: IdleTimer | None = None

    def build(self) -> ScreenManager:
        config = self.kiosk_config
        content = self._content
        if content is None:
            content = load_in_background([config.content_dir], on_done=self._report_content)
        visit = Visit(default_language=self._lang or config.default_language,
                      default_profile=self._profile or "standard")
        style = Style(Geometry(config.screen))
        style.lang = visit.language
        speech = SpeechQueue(self._engine or NullEngine())
        services = Services(config=config, content=content, visit=visit, speech=speech, style=style)
        manager = ScreenManager(transition=NoTransition())
        nav = Navigator(manager, services)
        services.nav = nav
        nav.show_help = self.show_help
        nav.still_here = self.still_here
        nav.apply_profiles()  # the staff preset (kiosk run --profile), if any
        self.services = services
        # Screens are built the first time they are shown: start-up draws the welcome
        # screen without waiting for the others.
        nav.factories.update(
            welcome=WelcomeScreen, language=LanguageScreen, catalogue=CatalogueScreen,
            walkthrough=WalkthroughScreen, finished=FinishedScreen,
        )
        nav.ensure("welcome")
        self.idle = IdleTimer(config.idle_delay_s, config.idle_warning_s, now=self._now)
        self._idle_warning: IdleWarning | None = None
        self._help_overlay: HelpOverlay | None = None
        Window.clearcolor = style.background
        style.bind(background=lambda _s, value: setattr(Window, "clearcolor", value))
        return manager

    @property
    def idle_warning(self) -> IdleWarning:
        """The idle warning overlay (built when first needed)."""
        if self._idle_warning is None:
            self._idle_warning = IdleWarning(self.services)
        return self._idle_warning

    @property
    def help_overlay(self) -> HelpOverlay:
        """The help overlay (built when first needed)."""
        if self._help_overlay is None:
            self._help_overlay = HelpOverlay(self.services)
        return self._help_overlay

    def _report_content(self, content: ContentSet) -> None:
        """Tell staff which procedures were left out and why (the kiosk runs with the rest).

        Logged, and kept in ``content-problems.txt`` in the data folder for staff
        (removed again once the content is clean). Runs on the loading thread.
        """
        from kiosk.content.loader import write_problem_report

        write_problem_report(content, self.kiosk_config.data_dir)

    def on_start(self) -> None:
        Window.bind(on_touch_down=self._on_activity, on_key_down=self._on_key_activity,
                    on_keyboard=self._on_keyboard, on_request_close=self._on_request_close)
        self._idle_event = Clock.schedule_interval(self._tick_idle, IDLE_TICK_S)
        # The first screen announces itself once the window is up.
        Clock.schedule_once(lambda *_: self.root.current_screen.dispatch("on_enter"), 0)

    def on_stop(self) -> None:
        Window.unbind(on_touch_down=self._on_activity, on_key_down=self._on_key_activity,
                      on_keyboard=self._on_keyboard, on_request_close=self._on_request_close)
        if getattr(self, "_idle_event", None):
            self._idle_event.cancel()
        for overlay in (self._idle_warning, self._help_overlay):
            if overlay is not None and overlay.parent is not None:
                overlay.dismiss(animation=False)
        if self.services:
            self.services.speech.stop()

    # -- lock-down ------------------------------------------------------------------
    def _on_request_close(self, *_: object, **__: object) -> bool:
        """Window-manager closes and Alt+F4: refused in kiosk mode (True vetoes)."""
        return not self.windowed

    def _on_keyboard(self, _window: object, key: int, _scancode: int = 0, codepoint: str | None = None,
                     modifiers: list[str] | None = None) -> bool:
        """Escape is Back, never quit; other keys go to the screen (typing in practice)."""
        if key == KEY_ESCAPE:
            self.services.nav.back()
            return True
        handler = getattr(self.root.current_screen, "handle_key", None)
        return bool(handler and not self.services.nav.overlays and handler(key, codepoint))

    # -- activity and the idle reset ------------------------------------------------
    def _on_activity(self, *_: object) -> bool:
        """Any touch: stops speech, restarts the idle delay, and answers the warning."""
        self.services.speech.stop()
        if self.idle.state is IdleState.WARNING:
            self.still_here()
            return True  # the touch answered the warning; it reaches nothing behind
        self.idle.activity()
        return False

    def _on_key_activity(self, *_: object) -> bool:
        return self._on_activity()

    def still_here(self) -> None:
        """The visitor answered the idle warning: carry on where they were."""
        self.idle.activity()
        if self._idle_warning is not None and self._idle_warning.parent is not None:
            self._idle_warning.dismiss(animation=False)
        screen = self.root.current_screen
        self.services.speech.announce(screen.announcement(), self.services.visit.language, context=screen.name)

    def _tick_idle(self, _dt: float) -> None:
        nav = self.services.nav
        if nav.screen_name == "welcome" and not nav.overlays:
            self.idle.restart()  # nothing to protect yet
            return
        change = self.idle.tick()
        warning = self.idle_warning
        if change is IdleState.WARNING:
            warning.seconds_left = self.idle.seconds_left()
            warning.open(animation=False)
            lang = self.services.visit.language
            from kiosk.i18n import t

            self.services.speech.say(
                " ".join([t(lang, "idle_title"), t(lang, "idle_body"),
                          t(lang, "idle_countdown", s=int(warning.seconds_left)), t(lang, "idle_continue")]),
                lang, context="idle")
        elif change is IdleState.EXPIRED:
            nav.end_visit()
            self.idle.restart()
        elif self.idle.state is IdleState.WARNING:
            warning.seconds_left = self.idle.seconds_left()

    # -- help -----------------------------------------------------------------------
    def show_help(self) -> None:
        """Explain the current screen, on screen and aloud."""
        screen = self.root.current_screen
        text = screen.help_text()
        overlay = self.help_overlay
        pane = overlay.ids.pane
        pane.clear_content()
        from kiosk.ui.widgets import KioskLabel

        pane.add_content(KioskLabel(style=self.services.style, logical=text, name="help_text"))
        if overlay.parent is None:
            overlay.open(animation=False)
        self.services.speech.say(text, self.services.visit.language, context="help")
