#!/bin/sh
# Install the Debian/Ubuntu packages Sổ thi đua needs, if missing.
#
#   sh packaging/linux-deps.sh run    what the window needs on a real X display
#   sh packaging/linux-deps.sh test   that, plus what the tests use (Xvfb, SoftHSM2, poppler-utils,
#                                     LibreOffice Writer to read the Word files back, …)
#   sh packaging/linux-deps.sh list run|test   print the package names and exit
#
# The "run" list is what Qt's xcb platform plugin (PySide6/Qt/plugins/platforms/libqxcb.so and
# libQt6XcbQpa) and the Qt libraries the app loads link to, found with `ldd` and `dpkg -S` on a
# bare Debian 12; a bare Ubuntu lacks the same ones. Installs only what is missing; needs root or
# sudo, otherwise prints the exact command to run.
set -e

RUN_PKGS="libegl1 libgl1 libfontconfig1 libfreetype6 libdbus-1-3 libglib2.0-0 \
libx11-6 libx11-xcb1 libxcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 \
libxcb-randr0 libxcb-render0 libxcb-render-util0 libxcb-shape0 libxcb-shm0 libxcb-sync1 \
libxcb-util1 libxcb-xfixes0 libxcb-xkb1 libxkbcommon0 libxkbcommon-x11-0"
TEST_PKGS="$RUN_PKGS xvfb xauth softhsm2 opensc poppler-utils openssl faketime libreoffice-writer-nogui"
# LibreOffice's recommendations (Java, a desktop's fonts and themes) are not wanted: the tests give
# it the app's own fonts.
LEAN_PKGS="libreoffice-writer-nogui"

mode="${1:-test}"
case "$mode" in
  run) PKGS="$RUN_PKGS" ;;
  test) PKGS="$TEST_PKGS" ;;
  list) [ "$2" = run ] && echo $RUN_PKGS || echo $TEST_PKGS; exit 0 ;;
  *) echo "linux-deps: usage: $0 run|test|list run|test" >&2; exit 2 ;;
esac

command -v dpkg-query >/dev/null 2>&1 || {
  echo "linux-deps: not a Debian/Ubuntu system; install your distribution's equivalents of: $PKGS"; exit 0; }

missing=""
for p in $PKGS; do
  # Ubuntu 24.04 renamed some libraries with a t64 suffix; either name will do.
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" && continue
  dpkg-query -W -f='${Status}' "${p}t64" 2>/dev/null | grep -q "install ok installed" && continue
  missing="$missing $p"
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" = 0 ]; then SUDO=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo"
elif command -v sudo >/dev/null 2>&1 && [ -t 0 ]; then SUDO="sudo"
else
  echo "linux-deps: these packages are missing:$missing" >&2
  echo "linux-deps: install them with:  sudo apt-get install -y$missing" >&2
  exit 1
fi
echo "linux-deps: installing$missing"
$SUDO apt-get update -qq
plain="" lean=""
for p in $missing; do
  case " $LEAN_PKGS " in *" $p "*) lean="$lean $p" ;; *) plain="$plain $p" ;; esac
done
[ -z "$plain" ] || DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $plain >/dev/null
[ -z "$lean" ] || DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $lean >/dev/null
