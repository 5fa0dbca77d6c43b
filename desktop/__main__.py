"""Entry point of every way the app starts: ``python -m desktop``, the ``thidua`` script, and the
installer's two programs (``packaging/entry``), which all call :func:`main`."""
import sys

from desktop.commands.main import main as _main
from desktop.files import clean_stale_temp


def main(argv: list[str] | None = None) -> int:
    # Temporary folders left by a program that was killed (they hold unsigned
    # dossier documents) go at the next start, whatever the command.
    clean_stale_temp()
    return _main(sys.argv[1:] if argv is None else argv)


if __name__ == "__main__":
    sys.exit(main())
