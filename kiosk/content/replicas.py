"""Practice replicas read from content: a step's, a self-check's or a diagnostic task's page.

Shared by the procedure loader and the diagnostic's (:mod:`kiosk.content.diagnostic`):
the element and replica built from their YAML, and the rules the schema cannot
say (distinct ids, a target that exists and fits its action, an order of cards).
Imports no Kivy.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

from kiosk import PICTOGRAM_DIR
from kiosk.content.model import Element, Replica, Text

SCHEMA_PATH = Path(__file__).with_name("schema.json")


@cache
def procedure_schema() -> dict[str, Any]:
    """The procedure JSON schema (read once); the diagnostic's borrows its definitions."""
    loaded: dict[str, Any] = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return loaded


def text_or_none(raw: dict[str, str] | None) -> Text | None:
    return Text(dict(raw)) if raw else None


def element_from(e: dict[str, Any]) -> Element:
    return Element(
        e["id"], e["kind"], Text(e["label"]), text_or_none(e.get("example")),
        hint=text_or_none(e.get("hint")), address=e.get("address"), badge=text_or_none(e.get("badge")),
        sender=e.get("sender"), unread=bool(e.get("unread", False)), size=e.get("size"),
        folder=bool(e.get("folder", False)), on=bool(e.get("on", False)), icon=e.get("icon"),
        cells=tuple(tuple(row) for row in e.get("cells", ())), cell=e.get("cell"),
        picture=e.get("picture"),
    )


def replica_from(r: dict[str, Any], site_url: str) -> Replica:
    return Replica(
        address=r.get("address", site_url),
        heading=Text(r["heading"]),
        elements=tuple(element_from(e) for e in r["elements"]),
        target=r["target"],
        action=r["action"],
        order=tuple(r.get("order", ())),
    )


#: what each element kind can be the target of (the practice model registers the same; kept
#: here so that checking content needs no practice code)
TAP_KINDS = ("button", "checkbox", "link", "result", "message", "file", "toggle", "tool", "picture")
TYPE_KINDS = ("field", "password", "keypad", "sheet")


def replica_errors(replica: dict[str, Any], at: list[Any]) -> Iterable[tuple[list[Any], str]]:
    """A replica's elements have distinct ids and its target exists and fits its action."""
    kinds: dict[str, str] = {}
    for j, element in enumerate(replica["elements"]):
        if element["id"] in kinds:
            yield [*at, "elements", j, "id"], f"element id {element['id']!r} is used twice"
        kinds[element["id"]] = element["kind"]
        if "example" in element and element["kind"] not in TYPE_KINDS:
            where = [*at, "elements", j, "example"]
            yield where, f"only a {', '.join(TYPE_KINDS)} has an example"
        if element["kind"] == "picture" and not element.get("picture"):
            yield [*at, "elements", j, "kind"], "a picture needs its pictogram: picture: NAME"
        elif element.get("picture") and PICTOGRAM_DIR.is_dir() \
                and not (PICTOGRAM_DIR / f"{element['picture']}.png").exists():
            yield [*at, "elements", j, "picture"], f"no pictogram named {element['picture']!r} in assets/pictograms"
    target, action = replica["target"], replica["action"]
    where = [*at, "target"]
    if target not in kinds:
        yield where, f"target {target!r} is not one of the replica's elements ({', '.join(kinds)})"
    elif action == "type" and kinds[target] not in TYPE_KINDS:
        yield where, f"action 'type' needs a {', '.join(TYPE_KINDS)} target, {target!r} is a {kinds[target]}"
    elif action == "tap" and kinds[target] not in TAP_KINDS:
        yield where, f"action 'tap' needs a {', '.join(TAP_KINDS)} target, {target!r} is a {kinds[target]}"
    if action == "order":
        yield from _order_errors(replica, kinds, at)
    elif "order" in replica:
        yield [*at, "order"], "only a replica with action 'order' has an order"


def _order_errors(replica: dict[str, Any], kinds: dict[str, str], at: list[Any]) -> Iterable[tuple[list[Any], str]]:
    """An order names every card of the page, each once, and starts with the target."""
    order, cards = replica.get("order"), [i for i, kind in kinds.items() if kind == "card"]
    if not order:
        yield [*at, "action"], "action 'order' needs an order: the cards' ids, first to last"
        return
    for k, card in enumerate(order):
        if kinds.get(card) != "card":
            yield [*at, "order", k], f"{card!r} is not a card of the replica (cards: {', '.join(cards) or 'none'})"
    missing = [c for c in cards if c not in order]
    if missing:
        yield [*at, "order"], f"every card is in the order: {', '.join(missing)} is not"
    if replica["target"] != order[0]:
        yield [*at, "target"], f"with action 'order' the target is the first card, {order[0]!r}"
