"""Real millimetres and the wheelchair reach band, from the configured mounting."""

from __future__ import annotations

from dataclasses import replace

import pytest

from kiosk.access.geometry import (
    BODY_CAP_MM,
    MIN_REACH_BAND_MM,
    Geometry,
    check_reach,
    reach_layout,
    reach_problem,
)
from kiosk.config import ConfigError, KioskConfig, ScreenConfig

SCREEN = ScreenConfig()  # 527 x 296 mm, 1920 x 1080 px, bottom edge 760 mm, a desk in front


def band_mm(**mounting: object) -> tuple[float, float]:
    return Geometry(replace(SCREEN, **mounting)).reach_band_mm()


@pytest.mark.parametrize(
    ("mounting", "expected"),
    [
        # bottom at 760: the whole screen (760-1056 mm) is under the 1120 mm limit
        ({"bottom_edge_mm": 760}, (0.0, 296.0)),
        # bottom at 900 over a desk: reach ends 1120 - 900 = 220 mm up the screen
        ({"bottom_edge_mm": 900}, (0.0, 220.0)),
        # no obstacle: 1220 mm, so 320 mm, clipped to the 296 mm screen
        ({"bottom_edge_mm": 900, "obstacle": False}, (0.0, 296.0)),
        ({"bottom_edge_mm": 1000, "obstacle": False}, (0.0, 220.0)),
        # a low screen: nothing below 380 mm is within reach
        ({"bottom_edge_mm": 200}, (180.0, 296.0)),
        # mounted too high: nothing within reach
        ({"bottom_edge_mm": 1200}, (0.0, 0.0)),
    ],
)
def test_reach_band_for_sample_mountings(mounting: dict, expected: tuple[float, float]) -> None:
    assert band_mm(**mounting) == pytest.approx(expected)


def test_reach_band_in_pixels_follows_the_resolution() -> None:
    high = replace(SCREEN, bottom_edge_mm=900)
    low_px, high_px = Geometry(high).reach_band_px()
    assert low_px == 0 and high_px == pytest.approx(220 * 1920 / 527)
    half = Geometry(replace(high, width_px=960, height_px=540)).reach_band_px()
    assert half[1] == pytest.approx(high_px / 2)


def test_millimetres_and_body_text_size() -> None:
    geometry = Geometry(SCREEN)
    assert geometry.mm(20) == pytest.approx(20 * 1920 / 527)
    assert geometry.to_mm(geometry.mm(30)) == pytest.approx(30)
    # capital height at 100 %: font size x cap ratio is 6 mm on the configured screen
    assert geometry.body_font_px(1.0) * 0.668 == pytest.approx(geometry.mm(BODY_CAP_MM))
    assert geometry.body_font_px(2.0) == pytest.approx(2 * geometry.body_font_px(1.0))


def test_a_mounting_with_room_for_the_controls_passes() -> None:
    for bottom in (760, 900, 1120 - MIN_REACH_BAND_MM):
        config = KioskConfig(screen=replace(SCREEN, bottom_edge_mm=bottom))
        assert reach_problem(config) is None
        check_reach(config)


def test_too_high_a_mounting_is_one_line_naming_the_keys() -> None:
    config = KioskConfig(screen=replace(SCREEN, bottom_edge_mm=1000))
    problem = reach_problem(config)
    assert problem is not None and "\n" not in problem
    for key in ("screen.bottom_edge_mm = 1000", "screen.height_mm = 296", "screen.obstacle = true"):
        assert key in problem
    assert "only 120 mm" in problem and f"needs {MIN_REACH_BAND_MM:g} mm" in problem
    assert f"screen.bottom_edge_mm <= {1120 - MIN_REACH_BAND_MM:g}" in problem
    assert "screen.obstacle = false" in problem
    with pytest.raises(ConfigError):
        check_reach(config)


def test_too_low_a_mounting_says_to_raise_it() -> None:
    config = KioskConfig(screen=replace(SCREEN, bottom_edge_mm=150))
    problem = reach_problem(config)
    assert problem is not None and "mount the screen higher (screen.bottom_edge_mm >=" in problem


# -- the seated layout: reading parts above the reach band, the touch area inside it ----------

def test_reading_parts_stack_from_the_top_and_the_touch_area_fills_the_band_under_them() -> None:
    # 1000 px to fill, the band from 100 to 700; a title of 80 and a text of 120, 10 px apart
    plan = reach_layout(top=1000, bottom=0, band=(100, 700), heights=[80, 120], spacing=10)
    assert plan.reading_bottoms == (920, 790)
    assert not plan.below
    # the reading parts end at 780 (after their spacing), above the band: the touch area is the band
    assert (plan.touch_bottom, plan.touch_height) == (100, 600)


def test_reading_parts_that_reach_into_the_band_push_the_touch_area_down() -> None:
    plan = reach_layout(top=1000, bottom=0, band=(100, 900), heights=[200, 150], spacing=20)
    assert plan.reading_bottoms == (800, 630)
    # what the reading parts leave (610) is below the band's top: the touch area starts there
    assert (plan.touch_bottom, plan.touch_height) == (100, 510)


def test_the_band_is_clipped_to_the_space_and_a_stretching_part_takes_no_height() -> None:
    # a band wider than the space (the whole screen within reach), unequal paddings
    plan = reach_layout(top=500, bottom=20, band=(-50, 2000), heights=[0, 100], spacing=10)
    assert not plan.below  # the reading parts stay on top, never under the bottom edge
    assert plan.reading_bottoms == (500, 390)
    assert (plan.touch_bottom, plan.touch_height) == (20, 360)


def test_on_a_low_mounting_reading_parts_go_below_the_band_when_they_do_not_fit_above() -> None:
    # the band reaches the top (high 1000) and there is more room below it (low 400)
    plan = reach_layout(top=1000, bottom=0, band=(400, 1000), heights=[150, 100], spacing=10)
    assert plan.below
    assert (plan.touch_bottom, plan.touch_height) == (400, 600)
    # stacked from just under the band downwards, in reading order
    assert plan.reading_bottoms == (240, 130)


def test_reading_parts_stay_above_when_there_is_less_room_below() -> None:
    # they do not fit in the 100 px above the band, but there are only 50 px below it
    plan = reach_layout(top=1000, bottom=0, band=(50, 900), heights=[150, 100], spacing=10)
    assert not plan.below
    assert plan.reading_bottoms == (850, 740)
    assert (plan.touch_bottom, plan.touch_height) == (50, 680)


def test_no_room_left_in_the_band_gives_an_empty_touch_area_not_a_negative_one() -> None:
    plan = reach_layout(top=1000, bottom=0, band=(0, 300), heights=[600, 500], spacing=20)
    assert plan.reading_bottoms == (400, -120)
    assert plan.touch_height == 0 and plan.touch_bottom == 0


def test_no_reading_parts_the_touch_area_is_the_band_within_the_space() -> None:
    plan = reach_layout(top=800, bottom=40, band=(100, 600), heights=[], spacing=10)
    assert plan.reading_bottoms == ()
    assert (plan.touch_bottom, plan.touch_height) == (100, 500)
