"""The ``thidua`` command line: a thin layer over the domain.

Each area registers its sub-commands from a module in :mod:`desktop.commands`
(a ``register(subparsers)`` function that sets ``func`` on its parsers). A
command returns its exit status; a :class:`~desktop.errors.UserError` is
printed in Vietnamese on standard error with status 2.
"""
from __future__ import annotations

import argparse
import importlib
import sqlite3
import sys
import warnings
from collections.abc import Callable
from pathlib import Path

from desktop import __version__
from desktop.argparse_vi import ArgumentParser
from desktop.errors import UserError, explain_error
from desktop.paths import default_db_path

COMMAND_MODULES = [
    "desktop.commands.core",
    "desktop.commands.plan",
    "desktop.commands.campaign",
    "desktop.commands.documents",
    "desktop.commands.cert",
    "desktop.commands.package",
    "desktop.commands.excel",
    "desktop.commands.records",
    "desktop.commands.verify",
    "desktop.commands.backup",
    "desktop.commands.outcome",
    "desktop.commands.register",
    "desktop.commands.rules",
]

# Which module registers each command, so that a run imports only the module of its
# command (the others pull in reportlab, pyHanko, openpyxl… and cost hundreds of ms).
# A module missing from this table is always imported; ``--help`` imports them all.
# A command some other module adds sub-commands to lists that module too (``plan``:
# ``campaign`` adds ``plan import``); tests/test_cli.py checks the table is complete.
COMMANDS: dict[str, str | tuple[str, ...]] = {
    "gui": "desktop.commands.core", "info": "desktop.commands.core", "demo": "desktop.commands.core",
    "search": "desktop.commands.core", "check": "desktop.commands.core",
    "plan": ("desktop.commands.plan", "desktop.commands.campaign"),
    "campaign": ("desktop.commands.plan", "desktop.commands.campaign"),  # campaign adds `plan import`
    "draft": "desktop.commands.documents", "print": "desktop.commands.documents",
    "cert": "desktop.commands.cert",
    "package": "desktop.commands.package",
    "template": "desktop.commands.excel", "import": "desktop.commands.excel",
    "export": ("desktop.commands.excel", "desktop.commands.outcome"),  # outcome adds `export awards`
    "person": "desktop.commands.records", "collective": "desktop.commands.records",
    # outcome adds `nomination outcome`…, rules adds `nomination checks`
    "nomination": ("desktop.commands.records", "desktop.commands.outcome", "desktop.commands.rules"),
    "meeting": "desktop.commands.records", "review": "desktop.commands.outcome",
    "verify": "desktop.commands.verify", "trust": "desktop.commands.verify",
    "backup": "desktop.commands.backup", "restore": "desktop.commands.backup",
    "register": "desktop.commands.register", "deadlines": "desktop.commands.register",
    "rules": "desktop.commands.rules",
}

# Commands that load no library writing log records (tests/test_cli.py checks that they never
# import ``logging``): they start without importing it to silence the root logger.
WITHOUT_LIBRARIES = frozenset({"info", "search", "check"})


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The whole command line, or (``command`` given and known) only what that command needs."""
    parser = ArgumentParser(
        prog="thidua",
        description="Sổ thi đua: sổ thành tích, phong trào thi đua và hồ sơ khen thưởng của đơn vị.",
    )
    parser.add_argument("--version", action="version", version=f"Sổ thi đua {__version__}")
    parser.add_argument(
        "--db", type=Path, default=None, metavar="TỆP",
        help="tệp dữ liệu (mặc định: %(default_db)s)",
    )
    sub = parser.add_subparsers(dest="command", metavar="LỆNH")
    if command in COMMANDS:
        tables = {c: (m,) if isinstance(m, str) else m for c, m in COMMANDS.items()}
        known = {m for ms in tables.values() for m in ms}
        modules = [m for m in COMMAND_MODULES if m in tables[command] or m not in known]
    else:
        modules = COMMAND_MODULES
    for name in modules:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:  # an area not built yet in this checkout
                continue
            raise
        module.register(sub)
    return parser


def command_of(argv: list[str]) -> str | None:
    """The command word of ``argv`` (after the global options), or ``None``."""
    i = 0
    while i < len(argv):
        word = argv[i]
        if word == "--db":
            i += 2
            continue
        if word == "--":
            return argv[i + 1] if i + 1 < len(argv) else None
        if word.startswith("-"):
            if word in ("-h", "--help", "--version"):
                return None
            i += 1
            continue
        return word
    return None


def db_location(args: argparse.Namespace) -> Path:
    """Where the database of this run is (``--db``, ``THIDUA_DB`` or the default), checking nothing."""
    return args.db if args.db is not None else default_db_path()


def db_path(args: argparse.Namespace) -> Path:
    """The database a command works on.

    Only the commands meant to make a database (``demo``, the window, whose first
    start offers to set up the unit, and ``import --create``) set ``creates_db``;
    every other command refuses a path that is not an existing Sổ thi đua file
    before anything is created or written. A command that makes a new file says where.
    """
    path = db_location(args)
    if not getattr(args, "creates_db", False):
        from desktop.store.db import require_existing

        require_existing(path)
    elif not path.exists() and getattr(args, "announce_new_db", True):
        print(f"Tạo tệp dữ liệu mới: {path.expanduser().resolve()}", file=sys.stderr)
    return path


# -- what several commands share ------------------------------------------------------------

def add_command(group: argparse._SubParsersAction, name: str, help_text: str, func: Callable[[argparse.Namespace], int],
                number: tuple[str, str, str] | None = None) -> argparse.ArgumentParser:
    """The sub-command ``name`` of ``group``, run by ``func``; ``number`` is its numeric argument (an id, a year)
    as ``(name, metavar, help)``."""
    p = group.add_parser(name, help=help_text)
    if number is not None:
        dest, metavar, arg_help = number
        p.add_argument(dest, type=int, metavar=metavar, help=arg_help)
    p.set_defaults(func=func)
    return p


def add_json_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true", help="in kết quả dạng JSON")


def add_print_options(p: argparse.ArgumentParser) -> None:
    """The printer and the number of copies of a command that prints."""
    p.add_argument("--printer", default="", metavar="TÊN", help="tên máy in (mặc định: máy in mặc định)")
    p.add_argument("--copies", type=int, default=1, metavar="SỐ", help="số bản in (mặc định 1)")


def _quiet_libraries(command: str | None) -> None:
    """Libraries' own English warnings (pypdf's "EOF marker not found", openpyxl's notes on
    Excel extensions) are not shown: every problem reaches the clerk as a Vietnamese message.
    ``python -W default`` (or PYTHONWARNINGS) shows Python warnings again for developers."""
    if command not in WITHOUT_LIBRARIES:
        import logging

        root = logging.getLogger()
        if not any(isinstance(h, logging.NullHandler) for h in root.handlers):
            root.addHandler(logging.NullHandler())  # no "last resort" printing of library log records
    if not sys.warnoptions:
        warnings.simplefilter("ignore")


def main(argv: list[str]) -> int:
    command = command_of(argv)
    with warnings.catch_warnings():
        _quiet_libraries(command)
        return _main(argv, command)


def _main(argv: list[str], command: str | None) -> int:
    if command is None and not any(a in ("-h", "--help", "--version") for a in argv):
        command = "gui"  # no command: the window, as double-clicking the app opens it
    parser = build_parser(command)
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        # No command: open the window, as double-clicking the app does.
        args = parser.parse_args([*argv, "gui"])
    try:
        return int(args.func(args) or 0)
    except UserError as exc:
        print(f"Lỗi: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # The reader (``| head``) stopped early; nothing is wrong with the data.
        sys.stderr.close()
        return 0
    except (OSError, sqlite3.Error) as exc:
        # Raw operating-system and SQLite errors are English and say nothing
        # of what to do; the domain's explanation does.
        print(f"Lỗi: {explain_error(exc)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("Đã hủy.", file=sys.stderr)
        return 130
