"""The visit flow on screen: a thin adapter from :class:`kiosk.flow.Flow` to Kivy's screens and overlays.

Screens call these methods (``self.nav.next_step()``), never each other. Each
asks the flow, which changes the visit and returns its effects; :meth:`run`
carries them out: the domain's (speech, the logbook, the staff desk, the memo
printer) through :func:`kiosk.flow.carry_out`, the screen's here (show a
screen, open or close an overlay, restyle). The rules live in the flow; here
is only what needs a window. The navigator satisfies
:class:`kiosk.ui.context.Navigation` as soon as it is built.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

from kivy.clock import Clock
from kivy.uix.screenmanager import NoTransition, ScreenManager

from kiosk.flow import Flow, Launch, carry_out
from kiosk.flow import effects as fx
from kiosk.idle import IdleTimer
from kiosk.services import Services
from kiosk.ui.chime import Chime
from kiosk.ui.context import UiContext
from kiosk.ui.style import Style

if TYPE_CHECKING:
    from kiosk.content.glossary import Entry
    from kiosk.content.model import Procedure, Step
    from kiosk.staff.memo import MemoPrinter
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


class Navigator:
    """The visit flow over one :class:`KioskScreens`, with its overlays.

    ``screens`` maps each screen name to what builds it; a screen is built the
    first time it is shown, so start-up draws the welcome screen without
    waiting for the others. ``idle`` is the visit's idle timer and ``now`` its
    clock (both the flow's).
    """

    def __init__(self, manager: ScreenManager, services: Services, style: Style,
                 screens: Mapping[str, ScreenFactory], idle: IdleTimer, *,
                 now: Callable[[], float] = time.monotonic,
                 stop_kiosk: Callable[[], object] | None = None,
                 on_overlay_open: Callable[[], object] | None = None,
                 on_style: Callable[[], object] | None = None) -> None:
        self.manager = manager
        #: called after the visit's profiles were applied (the app starts or stops switch scanning)
        self.on_style = on_style
        #: staff's "Exit the kiosk" (the app's stop); none in tools that are not the kiosk
        self.stop_kiosk = stop_kiosk
        #: called after an overlay opens (the app keeps the help-call badge on top)
        self.on_overlay_open = on_overlay_open
        self.services = services
        self.style = style
        self.idle = idle
        self._memo_printer: MemoPrinter | None = None
        #: the visit's rules: what each touch, key and tick does
        self.flow = Flow(services, idle, now=now, memo_ready=lambda: self.memo_printer().available)
        self.ui = UiContext(style=style, nav=self)
        self._factories = dict(screens)
        #: open overlays, bottom to top (kept as they open and close on screen)
        self.overlays: list[KioskOverlay] = []
        self._built: dict[str, KioskOverlay] = {}  # overlays are built when first needed
        #: the help-call chime staff hear (kiosk.ui.chime)
        self.chime = Chime()

    # -- where we are -------------------------------------------------------------
    @property
    def screen_name(self) -> str:
        """The screen on show."""
        return self.flow.screen

    @property
    def in_staff(self) -> bool:
        """Whether a staff screen is on show."""
        return self.flow.in_staff

    @property
    def top(self) -> Any:
        """What the visitor sees on top: the last overlay opened, else the screen."""
        return self.overlays[-1] if self.overlays else self.manager.current_screen

    @property
    def procedure(self) -> Procedure | None:
        """The procedure the visitor opened, if any."""
        return self.flow.procedure

    @property
    def step(self) -> Step | None:
        """The step on show in the walkthrough, if any."""
        return self.flow.step

    def ensure(self, name: str) -> KioskScreen:
        """The screen called ``name``, built and added the first time it is needed.

        The first screen added is entered at once: the screen manager sends it
        ``on_pre_enter`` and ``on_enter``, as it does at every switch.
        """
        if not self.manager.has_screen(name):
            self.manager.add_widget(self._factories[name](self.services, self.ui, name=name))
        return self.manager.get_screen(name)

    # -- carrying out the flow's effects ------------------------------------------------
    def run(self, effects: Iterable[fx.Effect]) -> None:
        """Carry out a flow command's effects, in order."""
        for effect in effects:
            if not carry_out(effect, self.services, self._print_memo):
                self._on_screen(effect)

    def _on_screen(self, effect: fx.Effect) -> None:  # noqa: C901 (one branch per kind of effect)
        if isinstance(effect, fx.Show):
            self._display(effect.screen)
        elif isinstance(effect, fx.OpenOverlay):
            self._open(effect)
        elif isinstance(effect, fx.CloseOverlay):
            overlay = self._built.get(effect.kind)
            if overlay is not None:
                overlay.dismiss()  # nothing happens if it is not open
        elif isinstance(effect, fx.CloseOverlays):
            self.close_overlays()
        elif isinstance(effect, fx.Countdown):
            self.idle_warning.seconds_left = effect.seconds_left
        elif isinstance(effect, fx.PrepareOverlay):
            self._overlay(effect.kind)
        elif isinstance(effect, fx.AnnounceScreen):
            self.manager.current_screen.announce()
        elif isinstance(effect, fx.StepBack):
            self.manager.current_screen.go_back()  # the previous page first (easy profile)
        elif isinstance(effect, fx.ApplyStyle):
            if effect.reset:
                self.style.reset(effect.lang)
            self.style.lang = effect.lang
            self.style.apply(effect.settings)
            if self.on_style is not None:
                self.on_style()
        elif isinstance(effect, fx.ForgetScreens):
            for screen in self.manager.screens:
                screen.forget()
        elif isinstance(effect, fx.Chime):
            self.chime.play()  # staff hear it across the room
        elif isinstance(effect, fx.Later):
            Clock.schedule_once(lambda _dt, command=effect.command: self.run(getattr(self.flow, command)()), 0)
        elif isinstance(effect, fx.StopKiosk):
            if self.stop_kiosk is not None:
                self.stop_kiosk()
        elif not isinstance(effect, fx.Swallow | fx.Explore):  # the app reads those two
            raise TypeError(f"the navigator cannot carry out {effect!r}")

    def _display(self, name: str) -> None:
        """Show screen ``name``; already on show, it shows its new state (the next step)."""
        screen = self.ensure(name)
        if self.manager.current == name:
            screen.show_again()
        else:
            self.manager.current = name  # the manager sends on_pre_enter and on_enter

    # -- overlays -------------------------------------------------------------------
    def _overlay(self, kind: str) -> KioskOverlay:
        """Overlay ``kind`` (built when first needed; its kv loads with the first overlay)."""
        overlay = self._built.get(kind)
        if overlay is None:
            from kiosk.ui.overlays import GlossaryOverlay, HelpOverlay, IdleWarning

            cls = {fx.HELP: HelpOverlay, fx.IDLE: IdleWarning, fx.GLOSSARY: GlossaryOverlay}[kind]
            overlay = self._built[kind] = cls(self.ui)
            overlay.bind(on_open=self._opened, on_dismiss=lambda o, kind=kind: self._closed(o, kind))
        return overlay

    def _open(self, effect: fx.OpenOverlay) -> None:
        overlay = self._overlay(effect.kind)
        if effect.kind == fx.GLOSSARY:
            overlay.show(effect.entry, effect.text)
        elif effect.kind == fx.IDLE:
            overlay.seconds_left = effect.seconds_left
        else:
            overlay.show(effect.text)
        overlay.open()  # nothing happens if it is already open

    def _opened(self, overlay: KioskOverlay) -> None:
        self.overlays.append(overlay)
        # The screen behind is hidden, not dimmed: an overlay covers it (touches too), and
        # Kivy skips a canvas at opacity 0, so the frame draws the panel alone. A dimmed
        # screen under a see-through layer cost a whole extra window of blending (Help
        # took 120 ms to show in software rendering; ``python bench/latency.py``).
        self.manager.opacity = 0
        if self.on_overlay_open is not None:
            self.on_overlay_open()

    def _closed(self, overlay: KioskOverlay, kind: str) -> None:
        if overlay in self.overlays:
            self.overlays.remove(overlay)
        if not self.overlays:
            self.manager.opacity = 1
        self.flow.overlay_closed(kind)  # closed by its own button, the flow forgets it too

    @property
    def help_overlay(self) -> HelpOverlay:
        """The help overlay (built when first needed)."""
        return self._overlay(fx.HELP)

    @property
    def idle_warning(self) -> IdleWarning:
        """The idle warning overlay (built when first needed)."""
        return self._overlay(fx.IDLE)

    @property
    def glossary_overlay(self) -> GlossaryOverlay:
        """The overlay that explains a glossary word (built when first needed)."""
        return self._overlay(fx.GLOSSARY)

    def close_overlays(self) -> None:
        """Close every open overlay (the end of a visit, the app stopping)."""
        for overlay in list(self.overlays):
            overlay.dismiss()

    # -- the memo printer -------------------------------------------------------------
    def memo_printer(self) -> MemoPrinter:
        """Writes and prints memos with ``[kiosk] memo_print_command`` (built when first asked for)."""
        if self._memo_printer is None:
            from kiosk.staff.memo import MemoPrinter

            config, staff = self.services.config, self.services.staff
            self._memo_printer = MemoPrinter(config.memo_print_command, config.data_dir, config.kiosk_id,
                                             config.staff.command_timeout_s,
                                             report=staff.memo_printed if staff is not None else None)
        return self._memo_printer

    def _print_memo(self, procedure_id: str, lang: str) -> None:
        procedure = self.services.content.get(procedure_id)
        if procedure is not None:
            self.memo_printer().take(procedure, lang)

    def memo_available(self) -> bool:
        """Whether "Take a memo" is offered: a procedure is open, a printer is configured and found."""
        return self.flow.memo_available()

    # -- the flow's commands, as screens ask for them ----------------------------------
    def go(self, name: str, procedure_id: str | None = None) -> None:
        """Show screen ``name`` (staff screens among themselves; tools, any screen, for a procedure)."""
        self.run(self.flow.show(name, procedure_id))

    def start_visit(self, launched_by: str = "visitor") -> None:
        self.run(self.flow.start_visit(launched_by))

    def choose_language(self, lang: str) -> None:
        self.run(self.flow.choose_language(lang))

    def set_language(self, lang: str) -> None:
        self.run(self.flow.set_language(lang))

    def toggle_profile(self, profile: str) -> None:
        self.run(self.flow.toggle_profile(profile))

    def open_procedure(self, procedure_id: str, step_index: int = 0) -> None:
        self.run(self.flow.open_procedure(procedure_id, step_index))

    def next_step(self, praise: str = "") -> None:
        self.run(self.flow.next_step(praise))

    def previous_step(self) -> None:
        self.run(self.flow.previous_step())

    def back(self) -> None:
        self.run(self.flow.back())

    def learn_more(self) -> None:
        self.run(self.flow.learn_more())

    def end_visit(self, how: str = "left") -> None:
        self.run(self.flow.end_visit(how))

    def explain(self, entry: Entry) -> None:
        self.run(self.flow.explain(entry))

    def repeat(self) -> None:
        self.run(self.flow.repeat())

    def practice_mistake(self) -> None:
        self.run(self.flow.practice_mistake())

    def show_help(self) -> None:
        self.run(self.flow.show_help())

    def still_here(self) -> None:
        self.run(self.flow.still_here())

    def call_helper(self) -> None:
        self.run(self.flow.call_helper())

    def take_memo(self) -> None:
        self.run(self.flow.take_memo())

    def start_checks(self) -> None:
        self.run(self.flow.start_checks())

    def start_diagnostic(self) -> None:
        self.run(self.flow.start_diagnostic())

    def check_answer(self, right: bool) -> None:
        self.run(self.flow.check_answer(right))

    def skip_check(self) -> None:
        self.run(self.flow.skip_check())

    def enter_staff(self) -> None:
        self.run(self.flow.enter_staff())

    def leave_staff(self) -> None:
        self.run(self.flow.leave_staff())

    def hand_over(self, launch: Launch) -> None:
        self.run(self.flow.hand_over(launch))

    def staff_end_visit(self) -> None:
        self.run(self.flow.staff_end_visit())

    def exit_kiosk(self) -> None:
        self.run(self.flow.exit_kiosk())
