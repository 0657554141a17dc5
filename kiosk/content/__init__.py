"""Procedures: the model, the loader with its checks, and easy-to-read lint.

Imports no Kivy. Use :func:`kiosk.content.loader.load` to read a folder, or
:func:`kiosk.content.background.load_in_background` to read it on a worker thread.
"""
