"""Moves the visitor between screens and keeps the visit's state in step.

Screens call these methods (``services.nav.next_step()``), never each other. The
visitor flow is welcome -> language -> catalogue -> walkthrough -> finished;
help and the idle warning are overlays. :meth:`Navigator.end_visit` wipes every
trace of the visit and returns to the welcome screen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kivy.uix.screenmanager import NoTransition, ScreenManager

from kiosk.access.profiles import settings_for
from kiosk.ui.services import Services

if TYPE_CHECKING:
    from kiosk.content.model import Procedure, Step


class KioskScreens(ScreenManager):
    """The window's screens, one at a time, switched without animation.

    Kivy's ``ScreenManager`` clips its screens with a stencil pass, for sliding
    transitions. The kiosk never slides (motion can disorient, and a screen is
    the whole window), so its rule (``screens.kv``) draws no stencil: that pass
    covers the whole window at every frame in software rendering.
    """

    def __init__(self, **kwargs: object) -> None:
        kwargs.setdefault("transition", NoTransition())
        super().__init__(**kwargs)


class Navigator:
    """The visitor flow over one :class:`KioskScreens`."""

    def __init__(self, manager: ScreenManager, services: Services) -> None:
        self.manager = manager
        self.services = services
        self.overlays: list[object] = []
        #: screen name -> screen class, built on first use by :meth:`ensure`
        self.factories: dict[str, type] = {}

    # -- where we are -------------------------------------------------------------
    @property
    def screen_name(self) -> str:
        """The screen on show."""
        return self.manager.current

    @property
    def procedure(self) -> Procedure | None:
        """The procedure the visitor opened, if any."""
        visit = self.services.visit
        return self.services.content.get(visit.procedure_id) if visit.procedure_id else None

    @property
    def step(self) -> Step | None:
        """The step on show in the walkthrough, if any."""
        procedure = self.procedure
        if procedure is None:
            return None
        return procedure.steps[self.services.visit.step_index]

    def ensure(self, name: str) -> object:
        """The screen called ``name``, built and added the first time it is needed."""
        if not self.manager.has_screen(name):
            self.manager.add_widget(self.factories[name](self.services, name=name))
        return self.manager.get_screen(name)

    def go(self, name: str) -> None:
        """Show screen ``name`` (re-entering it if already shown, so it refreshes)."""
        self.ensure(name)
        if self.manager.current == name:
            screen = self.manager.get_screen(name)
            screen.dispatch("on_pre_enter")
            screen.dispatch("on_enter")
        else:
            self.manager.current = name

    # -- the flow -------------------------------------------------------------------
    def start_visit(self) -> None:
        """From the welcome screen: choose a language, or skip when only one is offered."""
        self.services.visit.started = True
        if len(self.services.config.languages) > 1:
            self.go("language")
        else:
            self.go("catalogue")

    def choose_language(self, lang: str) -> None:
        """Switch the screen (and speech) language, then show the catalogue."""
        self.set_language(lang)
        self.go("catalogue")

    def set_language(self, lang: str) -> None:
        """Switch the visit's language everywhere at once."""
        self.services.visit.language = lang
        self.services.style.lang = lang

    def toggle_profile(self, profile: str) -> None:
        """Switch an accessibility profile for this visit and apply what it asks for."""
        self.services.visit.toggle_profile(profile)
        self.apply_profiles()

    def apply_profiles(self) -> None:
        """Text size, theme and seated layout from the visit's profiles, everywhere at once."""
        visit = self.services.visit
        self.services.style.apply(settings_for(visit.profiles, visit.text_scale))

    def open_procedure(self, procedure_id: str, step_index: int = 0) -> None:
        """Start a walkthrough at its first (or given) step."""
        visit = self.services.visit
        visit.procedure_id = procedure_id
        visit.step_index = step_index
        visit.leave_step()
        self.go("walkthrough")

    def next_step(self) -> None:
        """The next step, or the finished screen after the last one."""
        procedure = self.procedure
        visit = self.services.visit
        if procedure is None:
            return
        visit.leave_step()
        if visit.step_index + 1 < len(procedure.steps):
            visit.step_index += 1
            self.go("walkthrough")
        else:
            self.go("finished")

    def previous_step(self) -> None:
        """The previous step, or the catalogue from the first one."""
        visit = self.services.visit
        visit.leave_step()
        if visit.step_index > 0:
            visit.step_index -= 1
            self.go("walkthrough")
        else:
            visit.procedure_id = None
            self.go("catalogue")

    def back(self) -> None:
        """The Back key or button: one step back in the flow, never out of the app."""
        if self.overlays:
            self.overlays[-1].dismiss()
            return
        name = self.manager.current
        if name == "walkthrough":
            self.previous_step()
        elif name == "finished":
            self.go("catalogue")
        elif name == "catalogue":
            self.go("language" if len(self.services.config.languages) > 1 else "welcome")
        elif name == "language":
            self.go("welcome")

    def learn_more(self) -> None:
        """From the finished screen: back to the catalogue."""
        self.services.visit.procedure_id = None
        self.go("catalogue")

    def end_visit(self) -> None:
        """Wipe every trace of the visit and show the welcome screen."""
        for overlay in list(self.overlays):
            overlay.dismiss()
        services = self.services
        services.speech.forget()
        services.visit.reset()
        # Speech back on, volume and speed back to the defaults for the next visitor.
        services.speech.enabled = services.visit.speech_on
        services.speech.set_voice(services.visit.volume, services.visit.rate)
        services.style.reset(services.visit.language)
        self.apply_profiles()  # the staff preset (kiosk run --profile), if any
        for screen in self.manager.screens:
            screen.forget()
        self.go("welcome")
