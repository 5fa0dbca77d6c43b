"""The ``thidua`` command of the installed app (console executable)."""
import sys

from desktop.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
