"""One way to turn JSON-schema violations into lines a person can act on.

Both the kiosk configuration and the procedure files are checked with
``jsonschema``; this module turns its errors into ``(dotted.path, message)``
pairs that name the key and say what is expected, so every caller prints them
the same way.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import fastjsonschema

if TYPE_CHECKING:
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
        words = " or ".join(_TYPE_WORDS.get(w) or str(w) for w in wanted)
        return path, f"expected {words}, got {error.instance!r}"
    if v in ("minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum"):
        sign = {"minimum": ">=", "exclusiveMinimum": ">", "maximum": "<=", "exclusiveMaximum": "<"}[v]
        return path, f"expected a value {sign} {error.validator_value}, got {error.instance!r}"
    if v == "enum":
        values = list(error.validator_value)
        choices = ", ".join(repr(c) for c in values[:12]) + (", ..." if len(values) > 12 else "")
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


@lru_cache(maxsize=8)
def _fast_checker(schema_json: str) -> Callable[[Any], Any]:
    """A compiled validator for one schema (fast, but stops at the first problem)."""
    return fastjsonschema.compile(json.loads(schema_json))


@lru_cache(maxsize=8)
def _full_checker(schema_json: str) -> Any:
    """A ``jsonschema`` validator that lists every problem (imported only when needed)."""
    import jsonschema

    schema = json.loads(schema_json)
    return jsonschema.validators.validator_for(schema)(schema)


def schema_errors(instance: Any, schema: Mapping[str, Any]) -> Iterator[tuple[list[Any], str]]:
    """Yield ``(path, message)`` for every violation, in document order.

    Valid documents (the usual case) are confirmed by ``fastjsonschema``'s
    compiled validator, about 20 times faster; only an invalid one goes through
    ``jsonschema``, which lists every problem with its path.
    """
    key = json.dumps(schema, sort_keys=True)
    try:
        _fast_checker(key)(instance)
        return
    except fastjsonschema.JsonSchemaException:
        pass
    validator = _full_checker(key)
    errors = sorted(validator.iter_errors(instance), key=lambda e: [str(p) for p in e.absolute_path])
    for error in errors:
        # oneOf/anyOf: report the most specific child error, which names the real problem.
        from jsonschema.exceptions import best_match

        best = best_match([error]) if error.context else error
        yield _describe(best)
