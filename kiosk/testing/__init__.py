"""Test support: the pilot that drives the real kiosk headless."""
