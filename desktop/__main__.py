"""Entry point of the ``thidua`` command."""
import sys

from .cli import main as _main


def main() -> int:
    return _main(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
