#!/bin/sh
# Install the Debian/Ubuntu packages that Sổ thi đua's tests need, if missing.
set -e
PKGS="libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libglib2.0-0 xvfb softhsm2 opensc poppler-utils openssl"
command -v dpkg-query >/dev/null 2>&1 || { echo "linux-deps: not a Debian system; install the equivalents of: $PKGS"; exit 0; }
missing=""
for p in $PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ]; then SUDO=""; elif command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
  echo "linux-deps: missing packages:$missing (run as root: apt-get install -y$missing)"; exit 1; fi
echo "linux-deps: installing$missing"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >/dev/null
