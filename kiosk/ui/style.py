"""The look of the kiosk as Kivy properties: sizes in real millimetres, colours, fonts.

One :class:`Style` is shared by every screen and widget (passed in, never fetched
from the app). Changing ``text_scale``, ``theme_name`` or ``lang`` updates every
binding at once. Sizes derive from the configured screen geometry, never from
Kivy's own ``mm()``.
"""

from __future__ import annotations

import weakref

from kivy.event import EventDispatcher
from kivy.properties import BooleanProperty, ColorProperty, NumericProperty, StringProperty

from kiosk.access.geometry import BODY_CAP_MM, GAP_MM, MAIN_TARGET_MM, TARGET_MM, Geometry
from kiosk.access.profiles import Settings
from kiosk.access.themes import DEFAULT_THEME, SCAN_BAND_MM, THEMES, rgba
from kiosk.i18n import is_rtl

#: Capital height over em size: Atkinson Hyperlegible 668/1000, Noto Sans Arabic 714/1000.
CAP_RATIO = {"Kiosk": 0.668, "KioskArabic": 0.714}


def font_for(lang: str) -> str:
    """The registered font that covers ``lang``'s script."""
    return "KioskArabic" if lang == "ar" else "Kiosk"


#: a heading that names a section of a list (a group of the catalogue) stops growing here: above,
#: it is a little smaller than body text, still bold (as section headers of lists are smaller than
#: their items in Apple's and Google's designs), and the room goes to the items
HEADING_SCALE_MAX = 1.5


def title_ratio(text_scale: float) -> float:
    """How much larger a title is than body text: 1.3 at 100 %, down to 1.1 at 200 %.

    Body text grows the most; titles, already large, grow less (as Apple's
    Dynamic Type does at its accessibility sizes): at 200 % a title stays larger
    and bold, and the room it no longer takes goes to the content (the catalogue
    keeps four modules in sight).
    """
    return 1.3 - 0.2 * min(1.0, max(0.0, text_scale - 1.0))


class Style(EventDispatcher):
    """Sizes (pixels, from millimetres), colours by role, font and direction."""

    px_per_mm = NumericProperty(1.0)
    text_scale = NumericProperty(1.0)
    lang = StringProperty("fr")
    rtl = BooleanProperty(False)
    font_name = StringProperty("Kiosk")
    theme_name = StringProperty(DEFAULT_THEME)
    #: seated profile: every touch target inside the reach band (see ReachLayout)
    seated = BooleanProperty(False)
    #: the wheelchair reach band, window pixels from the bottom edge (from the configuration)
    reach_low = NumericProperty(0)
    reach_high = NumericProperty(0)

    body = NumericProperty(0)      # body font size, px
    title = NumericProperty(0)     # title font size, px
    target = NumericProperty(0)    # 20 mm
    main = NumericProperty(0)      # 30 mm
    gap = NumericProperty(0)       # spacing between targets (>= 3 mm)
    pad = NumericProperty(0)       # inner padding
    ring = NumericProperty(0)      # focus ring thickness (1.5 mm)
    outline = NumericProperty(0)   # practice target outline thickness
    scan_band = NumericProperty(0)  # each of the switch highlight's two bands (2 x 2.25 mm = 4.5 mm)

    background = ColorProperty()
    text = ColorProperty()
    button = ColorProperty()
    button_text = ColorProperty()
    border = ColorProperty()
    focus = ColorProperty()
    scan = ColorProperty()
    scan_inner = ColorProperty()
    target_outline = ColorProperty()
    panel = ColorProperty()
    panel_text = ColorProperty()
    warning = ColorProperty()
    warning_text = ColorProperty()
    banner = ColorProperty()
    banner_text = ColorProperty()

    def __init__(self, geometry: Geometry, **kwargs: object) -> None:
        super().__init__(**kwargs)
        #: property -> {widget: [method names]}, widgets held weakly (see :meth:`watch`)
        self._watchers: dict[str, weakref.WeakKeyDictionary] = {}
        self.geometry = geometry
        self.px_per_mm = geometry.px_per_mm
        self.reach_low, self.reach_high = geometry.reach_band_px()
        self.bind(px_per_mm=self._sizes, text_scale=self._sizes, font_name=self._sizes)
        self.bind(theme_name=self._colours, lang=self._language)
        self._language()
        self._colours()
        self._sizes()

    def watch(self, widget: object, method: str, *props: str) -> None:
        """Call ``widget.<method>()`` when any of ``props`` changes; ``widget`` is held weakly.

        Every label and row on screen follows the one shared style. Kivy's ``bind``
        would scan all earlier bindings each time (it refuses duplicates) and
        ``fbind`` would keep every widget ever shown alive; this registry costs
        nothing per widget and forgets a widget once it is gone.
        """
        for prop in props:
            watchers = self._watchers.get(prop)
            if watchers is None:
                watchers = self._watchers[prop] = weakref.WeakKeyDictionary()
                self.fbind(prop, self._notify, prop)
            methods = watchers.setdefault(widget, [])
            if method not in methods:
                methods.append(method)

    def unwatch(self, widget: object, method: str, *props: str) -> None:
        """Stop calling ``widget.<method>()`` when ``props`` change."""
        for prop in props:
            methods = self._watchers.get(prop, {}).get(widget)
            if methods and method in methods:
                methods.remove(method)

    def _notify(self, prop: str, *_: object) -> None:
        for widget, methods in list(self._watchers[prop].items()):
            for method in tuple(methods):
                getattr(widget, method)()

    def mm(self, value: float) -> float:
        """Millimetres to pixels on this screen."""
        return value * self.px_per_mm

    def _language(self, *_: object) -> None:
        self.rtl = is_rtl(self.lang)
        self.font_name = font_for(self.lang)

    def font_px(self, role: str, font_name: str) -> float:
        """Font size in pixels for a text role in a font, at the current text scale.

        Sized so the capital height is 6 mm (body) at 100 %, whatever the font. Roles: ``body``,
        ``title`` (larger, see :func:`title_ratio`) and ``heading`` (a title up to
        :data:`HEADING_SCALE_MAX`, then no larger).
        """
        scale = min(self.text_scale, HEADING_SCALE_MAX) if role == "heading" else self.text_scale
        body_em = self.mm(BODY_CAP_MM) / CAP_RATIO[font_name] * scale
        return body_em if role == "body" else body_em * title_ratio(scale)

    def _sizes(self, *_: object) -> None:
        self.body = self.font_px("body", self.font_name)
        self.title = self.font_px("title", self.font_name)
        self.target = self.mm(TARGET_MM)
        self.main = self.mm(MAIN_TARGET_MM)
        self.gap = self.mm(max(GAP_MM, 4.0))
        self.pad = self.mm(4.0)
        self.ring = self.mm(1.5)
        self.outline = self.mm(2.0)
        self.scan_band = self.mm(SCAN_BAND_MM)

    def _colours(self, *_: object) -> None:
        theme = THEMES[self.theme_name]
        for role, value in theme.colours().items():
            setattr(self, "target_outline" if role == "target" else role, rgba(value))

    def apply(self, settings: Settings) -> None:
        """Take on what the visitor's profiles ask for (text size, theme, seated layout)."""
        self.text_scale = settings.text_scale
        self.theme_name = settings.theme
        self.seated = settings.seated

    def reset(self, lang: str) -> None:
        """Back to the kiosk's defaults at the end of a visit."""
        self.lang = lang
        self.text_scale = 1.0
        self.theme_name = DEFAULT_THEME
        self.seated = False


def follow_style(widget: object, method: str, *props: str, now: bool = True) -> None:
    """Call ``widget.<method>()`` whenever ``props`` of the widget's style change, or its style does.

    The one way widgets follow the shared :class:`Style`: the previous style is
    unwatched when the widget is given another. With ``now`` the method also runs
    at once (a row that must wait for its kv children passes ``now=False``).
    """
    widget.fbind("style", _restyle, method, props)
    _restyle(method, props, widget, widget.style, call=now)


def _restyle(method: str, props: tuple[str, ...], widget: object, style: object, call: bool = True) -> None:
    # A module function, not a closure: the widget's own binding must not keep it alive.
    followed = widget.__dict__.setdefault("_followed_styles", {})
    previous = followed.get(method)
    if previous is not None:
        previous.unwatch(widget, method, *props)
    followed[method] = style
    if style is not None:
        style.watch(widget, method, *props)
    if call:
        getattr(widget, method)()
