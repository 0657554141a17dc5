"""The logbook: one record per visit, written crash-safe to small daily TinyDB files.

- :mod:`~kiosk.logbook.events`: what the app tells the logbook;
- :mod:`~kiosk.logbook.recorder`: folds a visit's events and saves its record;
- :mod:`~kiosk.logbook.writer`: the one writer thread;
- :mod:`~kiosk.logbook.storage`: atomic day files, start-up tidying, retention;
- :mod:`~kiosk.logbook.stats` and :mod:`~kiosk.logbook.report`: ``kiosk report``.

Nothing a visitor types is ever recorded. Imports no Kivy.
"""
