"""Staff mode's domain: the PIN and its lockout, learner codes, help calls, today's figures.

Imports no Kivy. The staff screens (:mod:`kiosk.ui.screens.staff`) use these
through one :class:`kiosk.staff.desk.StaffDesk`; ``kiosk staff set-pin`` uses
:mod:`kiosk.staff.pin` directly.
"""
