"""The Kivy side: app, screens and widgets. Import :mod:`kiosk.ui.bootstrap` first."""
