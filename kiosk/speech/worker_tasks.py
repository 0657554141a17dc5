"""Work run on the synthesizer's worker thread for another thread (espeak-ng is process-wide).

:class:`WorkerTasks` is mixed into :class:`kiosk.speech.tts.Synthesizer`: a
caller hands a function over (:meth:`WorkerTasks._on_worker`) and waits for its
result; the worker runs it between two clips (:meth:`WorkerTasks._run_task`).
``kiosk say --phonemes`` and the pronunciation benchmark read espeak-ng's
phonemes this way. Imports no Kivy.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable
from typing import TypeVar, cast

from kiosk.speech.errors import SpeechUnavailable, SynthesisError

T = TypeVar("T")
#: work to run on the worker thread, the box its result goes into, and the event that says it is there
Task = tuple[Callable[[], object], list[tuple[object, BaseException | None]], threading.Event]


class WorkerTasks:
    """Hands work to the worker thread and back; the synthesizer owns the lock, thread and queue."""

    closed: bool
    _lock: threading.Lock
    _wake: threading.Condition
    _thread: threading.Thread
    _tasks: deque[Task]

    def _on_worker(self, work: Callable[[], T], timeout: float) -> T:
        """Run ``work`` on the worker thread (espeak-ng is process-wide) and return its result."""
        if threading.current_thread() is self._thread:
            return work()
        box: list[tuple[object, BaseException | None]] = []
        done = threading.Event()
        with self._lock:
            if self.closed:
                raise SpeechUnavailable("the synthesizer is closed")
            self._tasks.append((work, box, done))
            self._wake.notify()
        if not done.wait(timeout):
            raise SynthesisError(f"the speech worker did not answer within {timeout} s")
        result, error = box[0]
        if error is not None:
            raise error
        return cast(T, result)

    def _run_task(self, work: Callable[[], object], box: list[tuple[object, BaseException | None]],
                  done: threading.Event) -> None:
        """Run one task, with the lock released (called with it held)."""
        self._lock.release()
        try:
            box.append((work(), None))
        except Exception as exc:  # noqa: BLE001
            box.append((None, exc))  # handed to the caller, who raises it
        finally:
            self._lock.acquire()
            done.set()
