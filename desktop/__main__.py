"""Entry point of the ``thidua`` command (and of the window, which is its default command)."""
import sys

from desktop.commands.main import main as _main
from desktop.files import clean_stale_temp


def main() -> int:
    # Temporary folders left by a program that was killed (they hold unsigned
    # dossier documents) go at the next start, whatever the command.
    clean_stale_temp()
    return _main(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
