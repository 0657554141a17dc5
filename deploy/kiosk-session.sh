#!/bin/sh
# The whole X session of the kiosk, started by xinit from passerelle-kiosk.service:
# no window manager, no desktop, the screen never blanks, the kiosk fullscreen.
# When the kiosk stops (a crash, or staff's "Exit the kiosk"), the session ends and
# systemd starts it again (Restart=always).
set -eu
HOME_DIR=${PASSERELLE_HOME:-/opt/passerelle}
CONFIG=${PASSERELLE_CONFIG:-/etc/passerelle/kiosk.toml}
xset s off -dpms s noblank 2>/dev/null || true   # no screen saver, no power saving
if [ -f "$CONFIG" ]; then
  exec "$HOME_DIR/.venv/bin/kiosk" run --config "$CONFIG"
fi
exec "$HOME_DIR/.venv/bin/kiosk" run --data-dir /var/lib/passerelle
