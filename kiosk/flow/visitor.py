"""The visitor's moves: welcome -> language -> catalogue -> walkthrough -> finished, Help, speech.

Mixed into :class:`kiosk.flow.Flow`. Each move changes the visit and returns
its effects, in order. Imports no Kivy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import kiosk.flow.effects as fx
from kiosk.flow.core import Effects, FlowCore
from kiosk.i18n import t
from kiosk.logbook import events as ev

if TYPE_CHECKING:
    from kiosk.content.glossary import Entry


class VisitorMoves(FlowCore):
    """What a visitor's touches and keys do to the visit."""

    # -- the flow -------------------------------------------------------------------
    def start_visit(self, launched_by: str = "visitor") -> Effects:
        """From the welcome screen: choose a language, or skip when only one is offered."""
        out: Effects = []
        self._begin_visit(out, launched_by)
        self._show(out, "language" if len(self.languages) > 1 else "catalogue")
        return out

    def _begin_visit(self, out: Effects, launched_by: str, **extra: object) -> None:
        """The visit starts: tell the logbook how (``extra``: staff's learner code and expected autonomy)."""
        visit, settings = self.visit, self.settings
        visit.started = True
        self._record(out, ev.VisitStarted, launched_by=launched_by, language=visit.language,
                     profiles=frozenset(visit.profiles), text_scale=settings.text_scale,
                     speech_on=visit.speech_on, theme=settings.theme, **extra)

    def choose_language(self, lang: str) -> Effects:
        """Switch the screen (and speech) language, then show the catalogue."""
        out = self.set_language(lang)
        self._show(out, "catalogue")
        return out

    def set_language(self, lang: str) -> Effects:
        """Switch the visit's language everywhere at once."""
        out: Effects = []
        changed = lang != self.visit.language
        self.visit.language = lang
        self._style(out)
        if changed:
            self._record(out, ev.LanguageChosen, language=lang)
        return out

    def toggle_profile(self, profile: str) -> Effects:
        """Switch an accessibility profile for this visit and apply what it asks for."""
        visit = self.visit
        visit.toggle_profile(profile)
        out: Effects = []
        if visit.explore_by_touch and not visit.speech_on:  # a touch that only speaks needs a voice
            visit.speech_on = True
            self._sync_speech(out)
        self._style(out)
        out.append(fx.SetVoice(self.visit.volume, self.visit.rate))  # the easy profile speaks slower
        return out + self.record_settings()

    def record_settings(self) -> Effects:
        """The visit's profile, text size, theme and speech as they are now, for the logbook."""
        out: Effects = []
        visit, settings = self.visit, self.settings
        self._record(out, ev.ProfileChanged, profiles=frozenset(visit.profiles), text_scale=settings.text_scale,
                     speech_on=visit.speech_on, theme=settings.theme)
        return out

    def open_procedure(self, procedure_id: str, step_index: int = 0) -> Effects:
        """Start a walkthrough at its first (or given) step."""
        out: Effects = []
        visit = self.visit
        visit.procedure_id = procedure_id
        visit.step_index = step_index
        visit.leave_step()
        procedure = self.procedure
        if procedure is not None:
            self._record(out, ev.ProcedureOpened, procedure_id=procedure_id, theme=procedure.theme,
                         step_count=len(procedure.steps))
            self._record(out, ev.StepShown, procedure_id=procedure_id, step_index=step_index)
        self._show(out, "walkthrough")
        return out

    def next_step(self, praise: str = "") -> Effects:
        """The next step, or the finished screen after the last one.

        ``praise``: the practice page was done right; said and shown with what comes next.
        """
        out: Effects = []
        procedure, visit = self.procedure, self.visit
        if procedure is None:
            return out
        visit.praise = praise
        visit.leave_step()
        self._record(out, ev.StepCompleted, procedure_id=procedure.id, step_index=visit.step_index)
        if visit.step_index + 1 < len(procedure.steps):
            visit.step_index += 1
            self._record(out, ev.StepShown, procedure_id=procedure.id, step_index=visit.step_index)
            self._show(out, "walkthrough")
        else:
            self._record(out, ev.ProcedureFinished, procedure_id=procedure.id)
            self._show(out, "finished")
        return out

    def previous_step(self) -> Effects:
        """The previous step, or the catalogue from the first one."""
        out: Effects = []
        visit = self.visit
        visit.leave_step()
        if visit.step_index > 0:
            visit.step_index -= 1
            if visit.procedure_id:
                self._record(out, ev.StepShown, procedure_id=visit.procedure_id, step_index=visit.step_index)
            self._show(out, "walkthrough")
        else:
            visit.procedure_id = None
            self._show(out, "catalogue")
        return out

    def learn_more(self) -> Effects:
        """From the finished screen: back to the catalogue."""
        out: Effects = []
        self.visit.procedure_id = None
        self._show(out, "catalogue")
        return out

    def end_visit(self, how: str = "left") -> Effects:
        """Wipe every trace of the visit and show the welcome screen.

        ``how`` the visit ended, for the logbook: ``finished`` (the visitor's
        "end" after a procedure), ``left``, ``idle`` (the privacy reset) or
        ``staff``.
        """
        out: Effects = []
        self._close_all(out)
        self._record(out, ev.VisitEnded, how=how)
        self.memos_taken = frozenset()  # the next visitor's first tap prints again
        out.append(fx.ForgetSpeech())
        visit = self.visit
        visit.reset()
        # Speech back on, volume and speed back to the defaults for the next visitor.
        out.append(fx.SetVoice(visit.volume, visit.rate))
        self._style(out, reset=True)  # with the staff preset (kiosk run --profile), if any
        out.append(fx.ForgetScreens())
        self._show(out, "welcome")
        return out

    # -- asking for help, hearing again -----------------------------------------------
    def help_text(self) -> str:
        """What Help says and shows about the screen on show."""
        lang, name = self.visit.language, self.screen
        if self.in_staff:
            return t(lang, "help_staff")
        if name == "walkthrough" and "easy" in self.visit.profiles:
            return t(lang, "help_walkthrough_easy")  # how to go from one idea to the next
        return t(lang, f"help_{name}")

    def show_help(self) -> Effects:
        """Explain the screen on show, on screen and aloud."""
        out: Effects = []
        if not self.in_staff:  # staff's own Help is not the visitor's
            self._record(out, ev.HelpAsked, **self.where())
        text = self.help_text()
        self._open(out, fx.HELP, text=text)
        out.append(fx.Say(text, self.visit.language, "help"))
        return out

    def help_key(self) -> Effects:
        """The Help key: Help; pressed again while Help is open, it calls a person.

        On the welcome screen it also switches speech mode on: a blind visitor's first key.
        """
        if self.in_staff:
            return self.show_help()
        if self.overlays and self.overlays[-1] == fx.HELP:
            return self.call_helper()
        out: Effects = []
        if self.screen == "welcome" and not self.overlays:
            out += self.start_exploring()
        return out + self.show_help()

    def call_helper(self) -> Effects:
        """A visitor calls a helper: they are told one is coming; staff see the badge; recorded."""
        if self.in_staff:
            return []  # staff mode is silent
        out: Effects = []
        where = self.where()
        if self.services.staff is not None:
            out.append(fx.CallDesk(where))
        self._record(out, ev.HelpCalled, **where)
        out.append(fx.Chime())  # staff hear it across the room
        lang = self.visit.language
        text = t(lang, "helper_coming")
        self._open(out, fx.HELP, text=text)
        out.append(fx.Say(text, lang, "help_call"))
        return out

    def explain(self, entry: Entry) -> Effects:
        """A glossary word was touched: show its explanation over the step and say it."""
        out: Effects = []
        self._open(out, fx.GLOSSARY, entry=entry, text=t(self.visit.language, "glossary_example"))
        out.append(fx.Say(entry.spoken(), self.visit.language, "glossary"))
        return out

    def repeat(self) -> Effects:
        """Say the screen (or what was last said) again: the Repeat button and key."""
        out: Effects = [fx.Repeat()]
        if not self.in_staff:
            self._record(out, ev.RepeatAsked, **self.where())
        return out

    def practice_mistake(self) -> Effects:
        """A wrong touch or entry on the step's practice page (what was typed is not carried)."""
        out: Effects = []
        visit = self.visit
        if visit.procedure_id:
            self._record(out, ev.PracticeMistake, procedure_id=visit.procedure_id, step_index=visit.step_index)
        return out

    # -- the take-away memo -------------------------------------------------------------
    def memo_available(self) -> bool:
        """Whether "Take a memo" is offered: a procedure is open, a printer is configured and found."""
        return self.procedure is not None and self.memo_ready()

    def take_memo(self) -> Effects:
        """Print the open procedure's memo in the visit's language (once a visit), and say it is printing."""
        out: Effects = []
        procedure, lang = self.procedure, self.visit.language
        if procedure is None or not self.memo_ready():
            return out
        if (procedure.id, lang) not in self.memos_taken:  # a second tap must not print a second sheet
            self.memos_taken |= {(procedure.id, lang)}
            out.append(fx.PrintMemo(procedure.id, lang))
            self._record(out, ev.MemoTaken, procedure_id=procedure.id)
        out.append(fx.Say(t(lang, "memo_printing"), lang, "memo"))
        return out

    # -- speech: on and off, louder, faster -------------------------------------------
    def start_exploring(self) -> Effects:
        """Speech mode: explore by touch, focus spoken (double touch on welcome, Help or speech key)."""
        out: Effects = []
        visit = self.visit
        visit.exploring = True
        visit.speech_on = True
        self._sync_speech(out)
        out.append(fx.Say(t(visit.language, "speech_on"), visit.language, "speech"))
        return out

    def speech_key(self) -> Effects:
        """The speech key: speech mode off (explore by touch and speech), or on."""
        if self.in_staff:
            return []
        visit = self.visit
        if visit.explore_by_touch:
            visit.exploring = False
            visit.profiles.discard("blind")
            out: Effects = [fx.Say(t(visit.language, "speech_off"), visit.language, "speech")]
            visit.speech_on = False
            self._sync_speech(out)
        else:
            out = self.start_exploring()
        return out + self.record_settings()

    def change_volume(self, steps: int) -> Effects:
        """Louder (+1) or quieter (-1), said at the new volume."""
        if self.in_staff:
            return []
        visit = self.visit
        volume = visit.change_volume(steps)
        return [fx.SetVoice(visit.volume, visit.rate),
                fx.Say(t(visit.language, "volume_now", n=round(volume * 10)), visit.language, "volume")]

    def change_rate(self, steps: int) -> Effects:
        """Faster (+1) or slower (-1), said at the new speed."""
        if self.in_staff:
            return []
        visit = self.visit
        rate = visit.change_rate(steps)
        return [fx.SetVoice(visit.volume, visit.rate),
                fx.Say(t(visit.language, "rate_now", n=round((rate - 0.4) / 0.2)), visit.language, "rate")]
