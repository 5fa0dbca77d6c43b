"""Entry point of every way the app starts: ``python -m desktop``, the ``thidua`` script, and the
installer's two programs (``packaging/entry``), which all call :func:`main`."""
import gc
import sys

from desktop.commands.main import main as _main
from desktop.files import clean_stale_temp


def main(argv: list[str] | None = None) -> int:
    # Temporary folders left by a program that was killed (they hold unsigned
    # dossier documents) go at the next start, whatever the command.
    clean_stale_temp()
    try:
        return _main(sys.argv[1:] if argv is None else argv)
    finally:
        _leave_the_rest_to_the_system()


def _leave_the_rest_to_the_system() -> None:
    """The process ends next: its objects are left to the operating system, not collected one by one.

    Python's last garbage collection at exit walks every object the libraries made (pyHanko,
    asn1crypto, cryptography, Qt's wrappers): 50–90 ms at the end of every command that checks a
    signature (``bench/run.py --only verify``). Nothing needs it: the app closes its files and
    databases itself (``atomic_write``, ``with Store(…)``), and the standard streams are flushed here
    and again by Python.
    """
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (AttributeError, OSError, ValueError):  # closed by a reader that stopped (`| head`), or none
            pass
    gc.freeze()


if __name__ == "__main__":
    sys.exit(main())
