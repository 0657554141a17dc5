"""Label textures are drawn once and shared; the shared store stays within its budget."""

from __future__ import annotations

from types import SimpleNamespace

from kiosk.testing.pilot import Pilot


def _label(pilot: Pilot, text: str):
    from kiosk.ui.widgets import KioskLabel

    return KioskLabel(style=pilot.ui.style, logical=text, size_hint_x=None, width=600)


def test_the_same_text_drawn_twice_shares_one_texture_and_a_new_text_leaves_it_as_drawn(pilot: Pilot) -> None:
    from kivy.core.window import Window

    first = _label(pilot, "Texte partagé entre deux étiquettes")
    Window.add_widget(first)
    try:
        pilot.settle()  # drawn: the texture is filled and kept
        shared = first.texture
        second = _label(pilot, "Texte partagé entre deux étiquettes")
        Window.add_widget(second)
        pilot.settle()
        assert second.texture is shared
        assert second.texture_size == first.texture_size
        first.logical = "Un autre texte"
        pilot.settle()
        assert first.texture is not shared  # drawn into a new texture ...
        assert second.texture is shared  # ... the shared one still shows the first text
        first.logical = "Texte partagé entre deux étiquettes"
        pilot.settle()
        assert first.texture is shared
        Window.remove_widget(second)
    finally:
        Window.remove_widget(first)


def test_the_store_drops_the_least_recently_used_past_its_budget() -> None:
    from kiosk.ui.widgets.text import TextureCache

    cache = TextureCache(budget_bytes=3 * 100 * 10 * 4)  # room for three 100x10 textures
    textures = {name: SimpleNamespace(size=(100, 10)) for name in "abcd"}
    for name in "abc":
        cache.put((name,), textures[name])
    assert cache.get(("a",)) is textures["a"]  # "a" used: "b" is now the oldest
    cache.put(("d",), textures["d"])
    assert len(cache) == 3 and cache.used <= cache.budget
    assert cache.get(("b",)) is None
    assert [cache.get((n,)) for n in "acd"] == [textures[n] for n in "acd"]
