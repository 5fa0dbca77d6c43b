"""The ``thidua`` command line: a thin layer over the domain.

Each area registers its sub-commands from a module in :mod:`desktop.commands`
(a ``register(subparsers)`` function that sets ``func`` on its parsers). A
command returns its exit status; a :class:`~desktop.errors.UserError` is
printed in Vietnamese on standard error with status 2.
"""
from __future__ import annotations

import argparse
import importlib
import logging
import sqlite3
import sys
import warnings
from pathlib import Path

from . import __version__
from .argparse_vi import ArgumentParser
from .errors import UserError, explain_error
from .paths import default_db_path

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
    "desktop.commands.register",
]


def build_parser() -> argparse.ArgumentParser:
    parser = ArgumentParser(
        prog="thidua",
        description="Sổ thi đua: sổ thành tích, phong trào thi đua và hồ sơ khen thưởng của đơn vị.",
    )
    parser.add_argument("--version", action="version", version=f"Sổ thi đua {__version__}")
    parser.add_argument(
        "--db", type=Path, default=None, metavar="TỆP",
        help=f"tệp dữ liệu (mặc định: {default_db_path()})",
    )
    sub = parser.add_subparsers(dest="command", metavar="LỆNH")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:  # an area not built yet in this checkout
                continue
            raise
        module.register(sub)
    return parser


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
        from .store.db import require_existing

        require_existing(path)
    elif not path.exists() and getattr(args, "announce_new_db", True):
        print(f"Tạo tệp dữ liệu mới: {path.expanduser().resolve()}", file=sys.stderr)
    return path


def _quiet_libraries() -> None:
    """Libraries' own English warnings (pypdf's "EOF marker not found", openpyxl's notes on
    Excel extensions) are not shown: every problem reaches the clerk as a Vietnamese message.
    ``python -W default`` (or PYTHONWARNINGS) shows Python warnings again for developers."""
    root = logging.getLogger()
    if not any(isinstance(h, logging.NullHandler) for h in root.handlers):
        root.addHandler(logging.NullHandler())  # no "last resort" printing of library log records
    if not sys.warnoptions:
        warnings.simplefilter("ignore")


def main(argv: list[str]) -> int:
    with warnings.catch_warnings():
        _quiet_libraries()
        return _main(argv)


def _main(argv: list[str]) -> int:
    parser = build_parser()
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
