"""The whole window drawn small, off screen: the audit's contact sheets, and tests that look at colours.

Much cheaper than a screenshot: the window's canvases are drawn once into a
small frame buffer, then put back where they were.
"""

from __future__ import annotations


def window_thumbnail(width: int) -> tuple[int, int, bytes]:
    """The whole window (screen and overlays) drawn at ``width`` pixels wide.

    Returns ``(width, height, rgba)``, rows from the bottom up. Drawn off
    screen into a small frame buffer, so it costs far less than a screenshot.
    """
    from kivy.core.window import Window
    from kivy.graphics import ClearBuffers, ClearColor, Fbo, Scale

    scale = width / Window.width
    size = (width, max(1, round(Window.height * scale)))
    fbo = Fbo(size=size, with_stencilbuffer=True)
    with fbo:
        ClearColor(*Window.clearcolor)
        ClearBuffers()
        Scale(scale, scale, 1)
    moved, added = [], []
    for child in reversed(Window.children):  # the screens first, overlays on top
        index = Window.canvas.indexof(child.canvas)
        if index > -1:
            Window.canvas.remove(child.canvas)
            moved.append((index, child.canvas))
        fbo.add(child.canvas)
        added.append(child.canvas)
    try:
        fbo.draw()
        pixels = fbo.texture.pixels
    finally:
        for canvas in added:
            fbo.remove(canvas)
        for index, canvas in reversed(moved):  # undo the removals, last first
            Window.canvas.insert(index, canvas)
    return size[0], size[1], pixels
