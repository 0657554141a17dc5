"""The speech queue without any UI: priorities, interruption, stale speech, Repeat."""

from __future__ import annotations

import threading

import pytest

from kiosk.speech.engines import RecordingEngine
from kiosk.speech.queue import Priority, SpeechQueue, Utterance


class HeldEngine(RecordingEngine):
    """A held RecordingEngine that also keeps every ``done`` it was given."""

    def __init__(self) -> None:
        super().__init__(hold=True)
        self.dones: list = []

    def speak(self, utterance: Utterance, done) -> None:  # noqa: ANN001
        self.dones.append(done)
        super().speak(utterance, done)


@pytest.fixture
def engine() -> HeldEngine:
    return HeldEngine()


@pytest.fixture
def queue(engine: HeldEngine) -> SpeechQueue:
    return SpeechQueue(engine)


def finish_all(engine: RecordingEngine, limit: int = 20) -> None:
    for _ in range(limit):
        engine.finish()


def test_now_interrupts_and_stops_the_engine(queue: SpeechQueue, engine: HeldEngine) -> None:
    queue.say("Bienvenue", "fr")
    assert engine.texts == ["Bienvenue"]
    assert engine.stops == 0
    queue.say("Suivant", "fr", Priority.NOW)
    assert engine.stops == 1
    assert engine.texts == ["Bienvenue", "Suivant"]
    assert queue.speaking.text == "Suivant"


def test_now_drops_what_was_queued(queue: SpeechQueue, engine: HeldEngine) -> None:
    queue.say("Titre", "fr")
    queue.say("Bouton un", "fr", Priority.NORMAL)
    queue.say("Bouton deux", "fr", Priority.NORMAL)
    queue.say("Retour", "fr", Priority.NOW)
    finish_all(engine)
    assert engine.texts == ["Titre", "Retour"]


def test_normal_waits_for_the_current_utterance(queue: SpeechQueue, engine: HeldEngine) -> None:
    queue.say("Titre", "fr")
    queue.say("Consigne", "fr", Priority.NORMAL)
    assert engine.texts == ["Titre"]
    engine.finish()
    assert engine.texts == ["Titre", "Consigne"]
    engine.finish()
    assert queue.speaking is None


def test_next_goes_before_normal(queue: SpeechQueue, engine: HeldEngine) -> None:
    queue.say("Titre", "fr")
    queue.say("Consigne", "fr", Priority.NORMAL)
    queue.say("Bouton", "fr", Priority.NORMAL)
    queue.say("Étape 3 sur 9", "fr", Priority.NEXT)
    assert engine.stops == 0  # NEXT does not interrupt
    finish_all(engine)
    assert engine.texts == ["Titre", "Étape 3 sur 9", "Consigne", "Bouton"]


def test_several_next_keep_their_order(queue: SpeechQueue, engine: HeldEngine) -> None:
    queue.say("Titre", "fr")
    queue.say("Consigne", "fr", Priority.NORMAL)
    queue.say("Premier", "fr", Priority.NEXT)
    queue.say("Deuxième", "fr", Priority.NEXT)
    finish_all(engine)
    assert engine.texts == ["Titre", "Premier", "Deuxième", "Consigne"]


def test_next_when_idle_speaks_at_once(queue: SpeechQueue, engine: HeldEngine) -> None:
    queue.say("Aide", "fr", Priority.NEXT)
    assert engine.texts == ["Aide"]


def test_drop_stale_discards_queued_speech_about_other_items(queue: SpeechQueue, engine: HeldEngine) -> None:
    queue.say("Écran", "fr", context="screen")
    queue.say("Bouton Oui", "fr", Priority.NORMAL, context="yes")
    queue.say("Bouton Non", "fr", Priority.NORMAL, context="no")
    queue.say("Sans contexte", "fr", Priority.NORMAL)
    queue.drop_stale("no")
    finish_all(engine)
    assert engine.texts == ["Écran", "Bouton Non", "Sans contexte"]


def test_drop_stale_leaves_the_current_utterance(queue: SpeechQueue, engine: HeldEngine) -> None:
    queue.say("Bouton Oui", "fr", context="yes")
    queue.drop_stale("no")
    assert queue.speaking.text == "Bouton Oui"
    assert engine.stops == 0


def test_repeat_says_the_last_announcement(queue: SpeechQueue, engine: HeldEngine) -> None:
    queue.announce("Choisissez votre langue", "fr", context="language")
    queue.say("Bouton Français", "fr", Priority.NOW, context="fr")
    stops = engine.stops
    queue.repeat()
    assert engine.texts[-1] == "Choisissez votre langue"
    assert engine.spoken[-1].lang == "fr"
    assert engine.spoken[-1].context == "language"
    assert engine.stops == stops + 1  # Repeat interrupts


def test_repeat_after_forget_says_nothing(queue: SpeechQueue, engine: HeldEngine) -> None:
    queue.announce("Bienvenue", "fr")
    queue.forget()
    engine.clear()
    queue.repeat()
    assert engine.texts == []
    assert queue.speaking is None


def test_stale_completion_is_ignored(queue: SpeechQueue, engine: HeldEngine) -> None:
    queue.say("Premier", "fr")
    stale_done = engine.dones[-1]
    queue.say("Deuxième", "fr", Priority.NOW)
    queue.say("Troisième", "fr", Priority.NORMAL)
    stale_done()  # the interrupted utterance's sound reports its end late
    stale_done()
    assert queue.speaking.text == "Deuxième"
    assert engine.texts == ["Premier", "Deuxième"]
    engine.finish()
    assert engine.texts == ["Premier", "Deuxième", "Troisième"]


def test_stop_silences_and_forgets_the_queue(queue: SpeechQueue, engine: HeldEngine) -> None:
    queue.say("Titre", "fr")
    queue.say("Consigne", "fr", Priority.NORMAL)
    queue.stop()
    assert engine.stops == 1
    assert queue.speaking is None
    finish_all(engine)
    assert engine.texts == ["Titre"]


def test_completion_from_another_thread_advances(queue: SpeechQueue, engine: HeldEngine) -> None:
    queue.say("Titre", "fr")
    queue.say("Consigne", "fr", Priority.NORMAL)
    worker = threading.Thread(target=engine.finish)
    worker.start()
    worker.join(5)
    assert engine.texts == ["Titre", "Consigne"]


def test_a_failing_engine_does_not_wedge_the_queue() -> None:
    class Flaky(RecordingEngine):
        def __init__(self) -> None:
            super().__init__(hold=True)
            self.fail = True

        def speak(self, utterance: Utterance, done) -> None:  # noqa: ANN001
            if self.fail:
                self.fail = False
                raise RuntimeError("audio device lost")
            super().speak(utterance, done)

    engine = Flaky()
    queue = SpeechQueue(engine)
    queue.say("Perdu", "fr")
    assert queue.speaking is None
    queue.say("Entendu", "fr")
    assert engine.texts == ["Entendu"]


def test_disabled_queue_says_nothing(queue: SpeechQueue, engine: HeldEngine) -> None:
    queue.enabled = False
    queue.say("Rien", "fr")
    assert engine.texts == []


def test_synchronous_engine_runs_through_the_queue() -> None:
    engine = RecordingEngine()  # finishes each utterance at once
    queue = SpeechQueue(engine)
    queue.say("Un", "fr")
    queue.say("Deux", "fr", Priority.NORMAL)
    queue.say("Trois", "fr", Priority.NEXT)
    assert engine.texts == ["Un", "Deux", "Trois"]
    assert queue.speaking is None


def test_a_recording_engine_told_to_keep_few_forgets_the_oldest() -> None:
    # A 50,000-event monkey run speaks tens of thousands of times: its record must not grow for ever.
    engine = RecordingEngine(keep=3)
    queue = SpeechQueue(engine)
    for number in range(10):
        queue.say(f"line {number}", "fr")
    assert 3 <= len(engine.spoken) <= 6
    assert engine.texts[-1] == "line 9" and "line 0" not in engine.texts
