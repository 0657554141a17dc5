"""Practice: the rules of a step's practice replica, as data (no Kivy).

:class:`kiosk.practice.model.PracticeState` says what a touch or a key does on
a practice page; :mod:`kiosk.ui.replica` only draws it and forwards touches.
"""
