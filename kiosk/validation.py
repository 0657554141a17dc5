"""One way to turn JSON-schema violations into lines a person can act on.

Both the kiosk configuration and the procedure files are checked with
``jsonschema``; this module turns its errors into ``(dotted.path, message)``
pairs that name the key and say what is expected, so every caller prints them
the same way.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import jsonschema
from jsonschema.exceptions import ValidationError

_TYPE_WORDS = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "array": "a list",
    "object": "a table of keys",
}


def dotted(path: Iterable[Any]) -> str:
    """``['screen', 'width_mm']`` -> ``'screen.width_mm'``; list items as ``[2]``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def _describe(error: ValidationError) -> tuple[list[Any], str]:
    """Return the path an error is about and a plain-words explanation."""
    path = list(error.absolute_path)
    schema = error.schema if isinstance(error.schema, Mapping) else {}
    v = error.validator
    if v == "additionalProperties":
        allowed = sorted(schema.get("properties", {}))
        extra = sorted(set(error.instance) - set(allowed)) if isinstance(error.instance, Mapping) else []
        key = extra[0] if extra else "?"
        return path + [key], f"unknown key (expected one of: {', '.join(allowed)})"
    if v == "required":
        missing = str(error.message).split("'")[1] if "'" in error.message else "?"
        return path + [missing], "is required"
    if v == "type":
        wanted = error.validator_value
        wanted = wanted if isinstance(wanted, list) else [wanted]
        words = " or ".join(_TYPE_WORDS.get(w, w) for w in wanted)
        return path, f"expected {words}, got {error.instance!r}"
    if v in ("minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum"):
        sign = {"minimum": ">=", "exclusiveMinimum": ">", "maximum": "<=", "exclusiveMaximum": "<"}[v]
        return path, f"expected a value {sign} {error.validator_value}, got {error.instance!r}"
    if v == "enum":
        choices = ", ".join(repr(c) for c in error.validator_value)
        return path, f"expected one of {choices}, got {error.instance!r}"
    if v == "pattern":
        return path, f"{error.instance!r} does not match the expected form {error.validator_value}"
    if v in ("minItems", "maxItems"):
        word = "at least" if v == "minItems" else "at most"
        return path, f"expected {word} {error.validator_value} item(s)"
    if v in ("minLength",):
        return path, "must not be empty"
    if v == "uniqueItems":
        return path, "items must not repeat"
    return path, error.message


def schema_errors(instance: Any, schema: Mapping[str, Any]) -> Iterator[tuple[list[Any], str]]:
    """Yield ``(path, message)`` for every violation, in document order."""
    validator_cls = jsonschema.validators.validator_for(schema)
    validator = validator_cls(schema)
    errors = sorted(validator.iter_errors(instance), key=lambda e: [str(p) for p in e.absolute_path])
    for error in errors:
        # oneOf/anyOf: report the most specific child error, which names the real problem.
        best = jsonschema.exceptions.best_match([error]) if error.context else error
        yield _describe(best)
