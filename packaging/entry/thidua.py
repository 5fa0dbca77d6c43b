"""The ``thidua`` command of the installed app (console executable)."""
import sys

from desktop.commands.main import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
