"""Pictograms: white-on-transparent pictures tinted by the theme, never cropped."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kivy.lang import Builder
from kivy.uix.image import Image


class Pictogram(Image):
    """A pictogram scaled to fit its box, tinted by ``color``.

    Kivy's ``Image`` clips every picture with a stencil pass, needed only when
    the picture may overflow (``fit_mode: "cover"``). A pictogram is always
    contained, so its rule (``pictogram.kv``) draws the texture alone: a stencil
    costs each image a pass over the window in software rendering.
    """

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("fit_mode", "contain")
        if kwargs["fit_mode"] == "cover":
            raise ValueError("a Pictogram is never cropped: use fit_mode contain, fill or scale-down")
        super().__init__(**kwargs)


Builder.load_file(str(Path(__file__).with_name("pictogram.kv")))
