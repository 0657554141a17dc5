"""Moves the visitor between screens and keeps the visit's state in step.

Screens call these methods (``self.nav.next_step()``), never each other. The
visitor flow is welcome -> language -> catalogue -> walkthrough -> finished;
help and the idle warning are overlays, opened and closed here too.
:meth:`Navigator.end_visit` wipes every trace of the visit and returns to the
welcome screen. The navigator satisfies :class:`kiosk.ui.context.Navigation`
as soon as it is built.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from kivy.uix.screenmanager import NoTransition, ScreenManager

from kiosk.access.profiles import Settings, settings_for
from kiosk.i18n import t
from kiosk.idle import IdleTimer
from kiosk.logbook import events as ev
from kiosk.services import Services
from kiosk.ui.chime import Chime
from kiosk.ui.context import UiContext
from kiosk.ui.memo_nav import MemoNavigation
from kiosk.ui.staff_nav import StaffNavigation
from kiosk.ui.style import Style

if TYPE_CHECKING:
    from kiosk.content.glossary import Entry
    from kiosk.content.model import Procedure, Step
    from kiosk.ui.overlays import GlossaryOverlay, HelpOverlay, IdleWarning, KioskOverlay
    from kiosk.ui.screens.base import KioskScreen

#: Builds a screen: ``factory(services, ui, name=name)`` (a screen class).
ScreenFactory = Callable[..., "KioskScreen"]


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


class Navigator(StaffNavigation, MemoNavigation):
    """The visitor flow over one :class:`KioskScreens`, with its overlays.

    ``screens`` maps each screen name to what builds it; a screen is built the
    first time it is shown, so start-up draws the welcome screen without
    waiting for the others. ``idle`` is the visit's idle timer, which an answer
    to the idle warning restarts.
    """

    def __init__(self, manager: ScreenManager, services: Services, style: Style,
                 screens: Mapping[str, ScreenFactory], idle: IdleTimer, *,
                 stop_kiosk: Callable[[], object] | None = None,
                 on_overlay_open: Callable[[], object] | None = None) -> None:
        self.manager = manager
        #: staff's "Exit the kiosk" (the app's stop); none in tools that are not the kiosk
        self.stop_kiosk = stop_kiosk
        #: called after an overlay opens (the app keeps the help-call badge on top)
        self.on_overlay_open = on_overlay_open
        self.services = services
        self.style = style
        self.idle = idle
        self.ui = UiContext(style=style, nav=self)
        self._factories = dict(screens)
        #: open overlays, bottom to top (kept by the navigator as they open and close)
        self.overlays: list[KioskOverlay] = []
        self._help: HelpOverlay | None = None  # overlays are built when first needed
        self._idle_warning: IdleWarning | None = None
        self._glossary: GlossaryOverlay | None = None
        #: the help-call chime staff hear (kiosk.ui.chime)
        self.chime = Chime()

    # -- where we are -------------------------------------------------------------
    @property
    def screen_name(self) -> str:
        """The screen on show."""
        return self.manager.current

    @property
    def top(self) -> Any:
        """What the visitor sees on top: the last overlay opened, else the screen."""
        return self.overlays[-1] if self.overlays else self.manager.current_screen

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

    def ensure(self, name: str) -> KioskScreen:
        """The screen called ``name``, built and added the first time it is needed.

        The first screen added is entered at once: the screen manager sends it
        ``on_pre_enter`` and ``on_enter``, as it does at every switch.
        """
        if not self.manager.has_screen(name):
            self.manager.add_widget(self._factories[name](self.services, self.ui, name=name))
        return self.manager.get_screen(name)

    def go(self, name: str) -> None:
        """Show screen ``name``; already on show, it shows its new state (the next step)."""
        screen = self.ensure(name)
        if self.manager.current == name:
            screen.show_again()
        else:
            self.manager.current = name  # the manager sends on_pre_enter and on_enter

    # -- the flow -------------------------------------------------------------------
    def start_visit(self, launched_by: str = "visitor") -> None:
        """From the welcome screen: choose a language, or skip when only one is offered."""
        self._begin_visit(launched_by)
        if len(self.services.config.languages) > 1:
            self.go("language")
        else:
            self.go("catalogue")

    def _begin_visit(self, launched_by: str, **extra: object) -> None:
        """The visit starts: tell the logbook how (``extra``: staff's learner code and expected autonomy)."""
        self.services.visit.started = True
        visit, settings = self.services.visit, self._settings()
        self._record(ev.VisitStarted, launched_by=launched_by, language=visit.language,
                     profiles=frozenset(visit.profiles), text_scale=settings.text_scale,
                     speech_on=visit.speech_on, theme=settings.theme, **extra)

    def choose_language(self, lang: str) -> None:
        """Switch the screen (and speech) language, then show the catalogue."""
        self.set_language(lang)
        self.go("catalogue")

    def set_language(self, lang: str) -> None:
        """Switch the visit's language everywhere at once."""
        changed = lang != self.services.visit.language
        self.services.visit.language = lang
        self.style.lang = lang
        if changed:
            self._record(ev.LanguageChosen, language=lang)

    def toggle_profile(self, profile: str) -> None:
        """Switch an accessibility profile for this visit and apply what it asks for."""
        self.services.visit.toggle_profile(profile)
        self.apply_profiles()
        self.record_settings()

    def _settings(self) -> Settings:
        visit = self.services.visit
        return settings_for(visit.profiles, visit.text_scale)

    def _record(self, kind: type[ev.Event], **fields: object) -> None:
        """Tell the logbook (only during a visit: the welcome screen's choices come with its start)."""
        if self.services.visit.started:
            self.services.recorder.emit(kind, **fields)

    def record_settings(self) -> None:
        """The visit's profile, text size, theme and speech as they are now, for the logbook."""
        visit, settings = self.services.visit, self._settings()
        self._record(ev.ProfileChanged, profiles=frozenset(visit.profiles), text_scale=settings.text_scale,
                     speech_on=visit.speech_on, theme=settings.theme)

    def apply_profiles(self) -> None:
        """Text size, theme and seated layout from the visit's profiles, everywhere at once."""
        visit = self.services.visit
        self.style.apply(settings_for(visit.profiles, visit.text_scale))

    def open_procedure(self, procedure_id: str, step_index: int = 0) -> None:
        """Start a walkthrough at its first (or given) step."""
        visit = self.services.visit
        visit.procedure_id = procedure_id
        visit.step_index = step_index
        visit.leave_step()
        procedure = self.procedure
        if procedure is not None:
            self._record(ev.ProcedureOpened, procedure_id=procedure_id, theme=procedure.theme,
                         step_count=len(procedure.steps))
            self._record(ev.StepShown, procedure_id=procedure_id, step_index=step_index)
        self.go("walkthrough")

    def next_step(self) -> None:
        """The next step, or the finished screen after the last one."""
        procedure = self.procedure
        visit = self.services.visit
        if procedure is None:
            return
        visit.leave_step()
        self._record(ev.StepCompleted, procedure_id=procedure.id, step_index=visit.step_index)
        if visit.step_index + 1 < len(procedure.steps):
            visit.step_index += 1
            self._record(ev.StepShown, procedure_id=procedure.id, step_index=visit.step_index)
            self.go("walkthrough")
        else:
            self._record(ev.ProcedureFinished, procedure_id=procedure.id)
            self.go("finished")

    def previous_step(self) -> None:
        """The previous step, or the catalogue from the first one."""
        visit = self.services.visit
        visit.leave_step()
        if visit.step_index > 0:
            visit.step_index -= 1
            if visit.procedure_id:
                self._record(ev.StepShown, procedure_id=visit.procedure_id, step_index=visit.step_index)
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
            self.manager.current_screen.go_back()  # the previous page first (easy profile)
        elif name == "finished":
            self.go("catalogue")
        elif name == "catalogue":
            self.go("language" if len(self.services.config.languages) > 1 else "welcome")
        elif name == "language":
            self.go("welcome")
        elif name in ("staff_pin", "staff_panel"):
            self.leave_staff()
        elif name == "staff_learner":
            self.go("staff_learners")
        elif self.in_staff:
            self.go("staff_panel")

    def learn_more(self) -> None:
        """From the finished screen: back to the catalogue."""
        self.services.visit.procedure_id = None
        self.go("catalogue")

    def end_visit(self, how: str = "left") -> None:
        """Wipe every trace of the visit and show the welcome screen.

        ``how`` the visit ended, for the logbook: ``finished`` (the visitor's
        "end" after a procedure), ``left``, ``idle`` (the privacy reset) or
        ``staff``.
        """
        self.close_overlays()
        services = self.services
        self._record(ev.VisitEnded, how=how)
        self.forget_memos()
        services.speech.forget()
        services.visit.reset()
        # Speech back on, volume and speed back to the defaults for the next visitor.
        services.speech.enabled = services.visit.speech_on
        services.speech.set_voice(services.visit.volume, services.visit.rate)
        self.style.reset(services.visit.language)
        self.apply_profiles()  # the staff preset (kiosk run --profile), if any
        for screen in self.manager.screens:
            screen.forget()
        self.go("welcome")

    # -- overlays -------------------------------------------------------------------
    def _overlay(self, kind: type[KioskOverlay]) -> KioskOverlay:
        """A new overlay of ``kind``, kept in :attr:`overlays` while it is open."""
        overlay = kind(self.ui)
        overlay.bind(on_open=self._opened, on_dismiss=self._closed)
        return overlay

    def _opened(self, overlay: KioskOverlay) -> None:
        self.overlays.append(overlay)
        # The screen behind is hidden, not dimmed: an overlay covers it (touches too), and
        # Kivy skips a canvas at opacity 0, so the frame draws the panel alone. A dimmed
        # screen under a see-through layer cost a whole extra window of blending (Help
        # took 120 ms to show in software rendering; ``python bench/latency.py``).
        self.manager.opacity = 0
        if self.on_overlay_open is not None:
            self.on_overlay_open()

    def _closed(self, overlay: KioskOverlay) -> None:
        if overlay in self.overlays:
            self.overlays.remove(overlay)
        if not self.overlays:
            self.manager.opacity = 1

    @property
    def help_overlay(self) -> HelpOverlay:
        """The help overlay (built when first needed)."""
        if self._help is None:
            from kiosk.ui.overlays import HelpOverlay  # its kv loads with the first overlay

            self._help = self._overlay(HelpOverlay)
        return self._help

    @property
    def idle_warning(self) -> IdleWarning:
        """The idle warning overlay (built when first needed)."""
        if self._idle_warning is None:
            from kiosk.ui.overlays import IdleWarning

            self._idle_warning = self._overlay(IdleWarning)
        return self._idle_warning

    @property
    def glossary_overlay(self) -> GlossaryOverlay:
        """The overlay that explains a glossary word (built when first needed)."""
        if self._glossary is None:
            from kiosk.ui.overlays import GlossaryOverlay

            self._glossary = self._overlay(GlossaryOverlay)
        return self._glossary

    def explain(self, entry: Entry) -> None:
        """A glossary word was touched: show its explanation over the step and say it."""
        lang = self.services.visit.language
        overlay = self.glossary_overlay
        overlay.show(entry, t(lang, "glossary_example"))
        overlay.open()  # nothing happens if it is already open
        self.services.speech.say(entry.spoken(), lang, context="glossary")

    def repeat(self) -> None:
        """Say the screen (or what was last said) again: the Repeat button and key."""
        self.services.speech.repeat()
        self._record_here(ev.RepeatAsked)

    def _record_here(self, kind: type[ev.Event]) -> None:
        """A request on the step on show (or outside any procedure)."""
        visit = self.services.visit
        where = ({"procedure_id": visit.procedure_id, "step_index": visit.step_index}
                 if visit.procedure_id and self.manager.current == "walkthrough" else {})
        self._record(kind, **where)

    def practice_mistake(self) -> None:
        """A wrong touch or entry on the step's practice page (what was typed is not carried)."""
        visit = self.services.visit
        if visit.procedure_id:
            self._record(ev.PracticeMistake, procedure_id=visit.procedure_id, step_index=visit.step_index)

    def show_help(self) -> None:
        """Explain the current screen, on screen and aloud."""
        self._record_here(ev.HelpAsked)
        text = self.manager.current_screen.help_text()
        overlay = self.help_overlay
        overlay.show(text)
        overlay.open()  # nothing happens if it is already open
        self.services.speech.say(text, self.services.visit.language, context="help")

    def prepare_idle_warning(self) -> None:
        """Build the idle warning ahead, while the visitor reads a screen after welcome.

        The warning (and Help, whose kv it shares) then opens without loading anything.
        """
        _ = self.idle_warning

    def warn_idle(self, seconds_left: float) -> None:
        """"Are you still there?": open the warning with its countdown and say it."""
        warning = self.idle_warning
        warning.seconds_left = seconds_left
        warning.open()
        lang = self.services.visit.language
        self.services.speech.say(
            " ".join([t(lang, "idle_title"), t(lang, "idle_body"),
                      t(lang, "idle_countdown", s=int(seconds_left)), t(lang, "idle_continue")]),
            lang, context="idle")

    def count_down(self, seconds_left: float) -> None:
        """The idle warning's countdown, as it runs."""
        self.idle_warning.seconds_left = seconds_left

    def still_here(self) -> None:
        """The visitor answered the idle warning: carry on where they were."""
        self.idle.activity()
        if self._idle_warning is not None:
            self._idle_warning.dismiss()  # nothing happens if it is not open
        screen = self.manager.current_screen
        self.services.speech.announce(screen.announcement(), self.services.visit.language, context=screen.name)

    def close_overlays(self) -> None:
        """Close every open overlay (the end of a visit, the app stopping)."""
        for overlay in list(self.overlays):
            overlay.dismiss()
