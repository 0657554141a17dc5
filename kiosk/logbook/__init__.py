"""The logbook: one record per visit, written crash-safe to small hourly TinyDB files.

- :mod:`~kiosk.logbook.events`: what the app tells the logbook;
- :mod:`~kiosk.logbook.recorder`: folds a visit's events and saves its record;
- :mod:`~kiosk.logbook.writer`: the one writer thread;
- :mod:`~kiosk.logbook.journal`: each save made durable by one append and one fdatasync;
- :mod:`~kiosk.logbook.hourfiles`: a record upserted into the TinyDB file of its hour;
- :mod:`~kiosk.logbook.storage`: atomic hour files, start-up tidying (journal replay), retention;
- :mod:`~kiosk.logbook.summary`: a closed day's figures, so a year's report reads 365 small files;
- :mod:`~kiosk.logbook.reading`: the report's fast reader (only the fields it uses);
- :mod:`~kiosk.logbook.stats` and :mod:`~kiosk.logbook.report`: ``kiosk report``.

Nothing a visitor types is ever recorded. Imports no Kivy.
"""
