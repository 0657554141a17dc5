"""Runs the configured help-call command in the background: never blocking, never crashing the kiosk.

``[staff] help_command`` (a command line, split like a shell would, no shell
run) gets the kiosk's id as its last argument and in ``PASSERELLE_KIOSK_ID``.
It runs on its own thread in its own process group, is killed (with its
children) after ``timeout_s``, and its outcome (``ok``, ``exit 3``, ``timed out
after 10 s``, ``cannot run: ...``) goes to ``on_done`` from that thread.
"""

from __future__ import annotations

import logging
import os
import shlex
import signal
import subprocess
import threading
from collections.abc import Callable

log = logging.getLogger("kiosk.staff")


class BackgroundCommand:
    """One configured command (help call, printing), run in the background each time it is asked for."""

    def __init__(self, command: str | None, kiosk_id: str, timeout_s: float = 10.0,
                 on_done: Callable[[str], None] | None = None) -> None:
        self.argv = shlex.split(command) if command else []
        self.kiosk_id = kiosk_id
        self.timeout_s = timeout_s
        self.on_done = on_done
        self.threads: list[threading.Thread] = []

    def run(self, *args: str) -> bool:
        """Start the command in the background (``args`` after the command's own, else the kiosk id).

        Returns False when no command is configured.
        """
        if not self.argv:
            return False
        thread = threading.Thread(target=self._run, args=(args or (self.kiosk_id,),), name="staff-command",
                                  daemon=True)
        self.threads = [t for t in self.threads if t.is_alive()] + [thread]
        thread.start()
        return True

    def _run(self, args: tuple[str, ...]) -> None:
        outcome = self.outcome(*args)
        if outcome != "ok":
            log.warning("staff command %s: %s", self.argv[0], outcome)
        if self.on_done is not None:
            try:
                self.on_done(outcome)
            except Exception:  # the outcome's bookkeeping must not kill the thread loudly
                log.exception("help call: outcome not recorded")

    def outcome(self, *args: str) -> str:
        """Run the command now (on the caller's thread) with ``args`` and say how it went."""
        env = {**os.environ, "PASSERELLE_KIOSK_ID": self.kiosk_id}
        try:
            proc = subprocess.Popen([*self.argv, *(args or (self.kiosk_id,))], env=env, stdin=subprocess.DEVNULL,
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        except OSError as exc:
            return f"cannot run: {exc.strerror or exc}"
        try:
            code = proc.wait(self.timeout_s)
        except subprocess.TimeoutExpired:
            try:
                os.killpg(proc.pid, signal.SIGKILL)  # the command and whatever it started
            except OSError:
                pass
            proc.wait()
            return f"timed out after {self.timeout_s:g} s"
        return "ok" if code == 0 else f"exit {code}"
