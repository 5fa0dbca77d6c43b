"""The window of the installed app: the Start-menu shortcut and the desktop entry start this.

On Windows it is built without a console, so ``sys.stdout`` and ``sys.stderr`` are
``None``; messages the command line would print go nowhere instead of failing.
With no arguments it opens the window; ``sothidua gui --page kiem-tra-goi FILE.asice``
opens a package on the Kiểm tra gói page (the file association does that).
"""
import os
import sys

from desktop.__main__ import main

if __name__ == "__main__":
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))
    sys.exit(main())
