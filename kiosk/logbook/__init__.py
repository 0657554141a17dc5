"""The logbook: one record per visit, written crash-safe to small hourly TinyDB files.

- :mod:`~kiosk.logbook.events`: what the app tells the logbook;
- :mod:`~kiosk.logbook.recorder`: folds a visit's events and saves its record;
- :mod:`~kiosk.logbook.writer`: the one writer thread;
- :mod:`~kiosk.logbook.storage`: atomic hour files, start-up tidying, retention;
- :mod:`~kiosk.logbook.reading`: the report's fast reader (only the fields it uses);
- :mod:`~kiosk.logbook.stats` and :mod:`~kiosk.logbook.report`: ``kiosk report``.

Nothing a visitor types is ever recorded. Imports no Kivy.
"""
