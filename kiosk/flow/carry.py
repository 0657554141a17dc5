"""The domain's part of the flow's effects: speech, the logbook, the staff desk, the memo printer.

:func:`carry_out` does one effect and says whether it was the domain's; the
Kivy navigator does the rest (screens, overlays, the style). Tests run a
story's effects through it with a real speech queue and recorder, and so hear
and read what a visitor would. Imports no Kivy.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import kiosk.flow.effects as fx

if TYPE_CHECKING:
    from kiosk.services import Services

#: Prints a memo: ``print_memo(procedure_id, lang)``.
MemoPrint = Callable[[str, str], object]


def carry_out(effect: fx.Effect, services: Services, print_memo: MemoPrint | None = None) -> bool:
    """Do ``effect`` if it is the domain's; False if it is the screen's to do."""
    speech = services.speech
    if isinstance(effect, fx.Say):
        speech.say(effect.text, effect.lang, context=effect.context)
    elif isinstance(effect, fx.Record):
        services.recorder.emit(effect.kind, **effect.fields)
    elif isinstance(effect, fx.StopSpeech):
        speech.stop()
    elif isinstance(effect, fx.SpeechEnabled):
        speech.enabled = effect.on
    elif isinstance(effect, fx.SetVoice):
        speech.set_voice(effect.volume, effect.rate)
    elif isinstance(effect, fx.Repeat):
        speech.repeat()
    elif isinstance(effect, fx.ForgetSpeech):
        speech.forget()
    elif isinstance(effect, fx.CallDesk):
        if services.staff is not None:
            services.staff.call_helper(**effect.where)
    elif isinstance(effect, fx.PrintMemo):
        if print_memo is not None:
            print_memo(effect.procedure_id, effect.lang)
    else:
        return False
    return True
