"""Switch scanning as data: the tree of zones and groups, the presses, the auto clock, tremor filters. No Kivy."""

from __future__ import annotations

from kiosk.access.scanning import BACK, GOAL_STEPS, Scanner, ScanSettings, build_tree, max_steps, steps_to


def test_zones_come_first_then_their_items_and_a_long_zone_is_split_into_groups() -> None:
    root = build_tree([("content", list(range(27))), ("practice", []), ("bar", ["back", "help"])])
    assert [child.zone for child in root.children] == ["content", "bar"]  # an empty zone is left out
    assert max_steps(root) <= GOAL_STEPS
    assert steps_to(root, 0) == 4  # select the zone, its first group, that group's first, the item
    assert steps_to(root, "help") == 1 + 1 + 2  # move to the bar, select it, move once, select
    assert sorted(root.leaves(), key=str) == sorted([*range(27), "back", "help"], key=str)


def test_one_zone_is_scanned_directly_and_without_groups_everything_is_one_list() -> None:
    assert [c.item for c in build_tree([("content", ["a", "b"])]).children] == ["a", "b"]
    flat = build_tree([("content", list(range(10))), ("bar", ["x"])], groups=False)
    assert steps_to(flat, "x") == 11


def test_two_switches_move_and_select_and_every_group_has_a_way_back() -> None:
    scanner = Scanner(ScanSettings())
    root = build_tree([("content", ["a", "b"]), ("bar", ["back", "help"])])
    scanner.load(root)
    assert scanner.current is root.children[0]
    assert scanner.key_down("spacebar", 1.0) == "move"  # Space moves...
    scanner.move(1.0)
    assert scanner.current is root.children[1]
    scanner.key_up("spacebar", 1.1)
    assert scanner.key_down("enter", 2.0) == "select"  # ...Enter selects
    assert scanner.select(2.0) is None and scanner.current.item == "back"  # into the bar
    scanner.move()
    scanner.move()
    assert scanner.current is BACK
    scanner.select()
    assert scanner.current is root.children[1]  # back out, on the group it left
    scanner.select()
    scanner.move()
    assert scanner.select() == "help" and scanner.current is root.children[0]  # chosen: from the top again


def test_a_held_switch_is_one_press_and_tremor_filters_drop_short_and_bouncing_presses() -> None:
    scanner = Scanner(ScanSettings(accept_ms=200, ignore_repeat_ms=500))
    scanner.load(build_tree([("content", ["a", "b", "c"])]))
    assert scanner.key_down("spacebar", 0.0) is None  # counted when released, if held long enough
    assert scanner.key_down("spacebar", 0.1) is None  # the key repeating while held
    assert scanner.key_up("spacebar", 0.15) is None  # 150 ms: a tremor
    scanner.key_down("spacebar", 1.0)
    assert scanner.key_up("spacebar", 1.3) == "move"  # 300 ms: a press
    scanner.key_down("spacebar", 1.4)
    assert scanner.key_up("spacebar", 1.65) is None  # 350 ms after the last press: a bounce
    assert not Scanner(ScanSettings()).is_switch("f1") and Scanner(ScanSettings()).is_switch("enter")


def test_auto_scanning_moves_on_the_clock_then_rests_after_its_rounds_until_the_switch() -> None:
    scanner = Scanner(ScanSettings(mode="auto", interval_s=1.5, loops=2))
    root = build_tree([("content", ["a", "b", "c"])])
    scanner.load(root, now=0.0)
    assert scanner.tick(1.0) is None  # not yet
    seen = [scanner.tick(1.5 * n).item for n in range(1, 6) if scanner.current is not None]
    assert seen == ["b", "c", "a", "b", "c"]
    assert scanner.tick(9.0).item == "a" and scanner.resting  # two rounds: it rests on the first stop
    assert scanner.tick(20.0) is None
    assert scanner.key_down("enter", 21.0) == "wake"  # the press wakes it, choosing nothing
    scanner.key_up("enter", 21.1)
    assert scanner.tick(22.5).item == "b"
    assert scanner.key_down("enter", 23.0) == "select" and scanner.select(23.0) == "b"
