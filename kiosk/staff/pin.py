"""The staff PIN: a salted scrypt hash in the data folder, checked in constant time, with a lockout.

The PIN itself is never written, logged or kept: :func:`set_pin` stores only
``staff-pin.json`` (salt, scrypt parameters, hash), :func:`verify` compares
hashes with :func:`hmac.compare_digest`. :class:`Lockout` refuses every try
for 60 s after five wrong PINs, doubling after each further lock.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kiosk.staff.files import read_json, write_json

PIN_FILE = "staff-pin.json"
MIN_DIGITS, MAX_DIGITS = 4, 12
#: scrypt cost: about 50 ms and 16 MB per check, slow enough for a stolen file, quick for staff
SCRYPT = {"n": 2**14, "r": 8, "p": 1}


class PinError(ValueError):
    """A PIN that is not 4 to 12 digits, or an unreadable PIN file (worded for a person)."""


def check_format(pin: str) -> None:
    """Raise :class:`PinError` unless ``pin`` is 4 to 12 ASCII digits."""
    if not (MIN_DIGITS <= len(pin) <= MAX_DIGITS and pin.isascii() and pin.isdigit()):
        raise PinError(f"a staff PIN is {MIN_DIGITS} to {MAX_DIGITS} digits (0-9), nothing else")


def _hash(pin: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(pin.encode("ascii"), salt=salt, n=n, r=r, p=p, maxmem=64 * 1024 * 1024, dklen=32)


def set_pin(data_dir: Path, pin: str) -> Path:
    """Store ``pin``'s salted hash in ``data_dir/staff-pin.json``; return the file's path."""
    check_format(pin)
    salt = secrets.token_bytes(16)
    digest = _hash(pin, salt, **SCRYPT)
    path = Path(data_dir) / PIN_FILE
    write_json(path, {"version": 1, "algorithm": "scrypt", **SCRYPT, "salt": salt.hex(), "hash": digest.hex()})
    return path


def has_pin(data_dir: Path) -> bool:
    """Whether a staff PIN has been set in ``data_dir``."""
    return (Path(data_dir) / PIN_FILE).is_file()


def verify(data_dir: Path, pin: str) -> bool:
    """Whether ``pin`` is the staff PIN (False when none is set or the file is unusable)."""
    try:
        stored = read_json(Path(data_dir) / PIN_FILE)
        if not isinstance(stored, dict) or stored.get("algorithm") != "scrypt":
            return False
        salt, expected = bytes.fromhex(stored["salt"]), bytes.fromhex(stored["hash"])
        n, r, p = int(stored["n"]), int(stored["r"]), int(stored["p"])
    except (OSError, ValueError, KeyError, TypeError):
        return False
    if not (pin.isascii() and pin.isdigit()):
        return False
    return hmac.compare_digest(_hash(pin, salt, n, r, p), expected)


@dataclass
class Lockout:
    """Five wrong PINs lock staff entry for 60 s; each further lock lasts twice as long."""

    now: Callable[[], float] = time.monotonic
    tries: int = 5
    first_lock_s: float = 60.0
    wrong: int = 0
    locks: int = 0
    until: float = 0.0

    def locked_for(self) -> float:
        """Seconds left of the current lock (0 when not locked)."""
        return max(0.0, self.until - self.now())

    def failed(self) -> None:
        """A wrong PIN: the fifth in a row locks entry."""
        self.wrong += 1
        if self.wrong >= self.tries:
            self.until = self.now() + self.first_lock_s * 2**self.locks
            self.locks += 1
            self.wrong = 0

    def succeeded(self) -> None:
        """The right PIN: the count and the doubling start again."""
        self.wrong = 0
        self.locks = 0
        self.until = 0.0
