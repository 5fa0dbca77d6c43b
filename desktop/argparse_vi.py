"""An :class:`argparse.ArgumentParser` that speaks Vietnamese.

argparse builds its own words (``usage:``, ``options``, ``invalid choice`` …)
through ``argparse._`` and ``argparse.ngettext``. :class:`ArgumentParser` swaps
those two for the Vietnamese catalogue below while it builds, parses, formats
help or reports an error, and puts them back afterwards, so other users of
argparse in the same process (pytest, for one) keep their own words.
Sub-command parsers made by ``add_subparsers`` are of the same class.
"""
from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Iterator

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (some ms at every start of a command)
if TYPE_CHECKING:
    from typing import NoReturn

__all__ = ["ArgumentParser", "HelpFormatter", "RawEpilogHelpFormatter", "MESSAGES", "VERSION_HELP", "HELP_HELP",
           "quote"]

HELP_HELP = "in hướng dẫn này rồi thoát"
VERSION_HELP = "in phiên bản của chương trình rồi thoát"

# argparse's message ids (Python 3.10 – 3.13) and what the clerk reads instead.
MESSAGES: dict[str, str] = {
    "usage: ": "Cách dùng: ",
    "positional arguments": "đối số",
    "options": "tùy chọn",
    "optional arguments": "tùy chọn",
    "subcommands": "lệnh",
    "show this help message and exit": HELP_HELP,
    "show program's version number and exit": VERSION_HELP,
    "argument %(argument_name)s: %(message)s": "%(argument_name)s: %(message)s",
    "unrecognized arguments: %s": "không hiểu đối số: %s",
    "the following arguments are required: %s": "còn thiếu đối số bắt buộc: %s",
    "expected one argument": "cần một giá trị đi kèm",
    "expected at most one argument": "chỉ nhận nhiều nhất một giá trị",
    "expected at least one argument": "cần ít nhất một giá trị",
    "not allowed with argument %s": "không dùng cùng lúc với %s",
    "one of the arguments %s is required": "cần một trong các tùy chọn %s",
    "ambiguous option: %(option)s could match %(matches)s":
        "tùy chọn %(option)s chưa rõ, có thể là %(matches)s; hãy gõ đủ tên",
    "ignored explicit argument %r": "tùy chọn này không nhận giá trị %r",
    "unexpected option string: %s": "tùy chọn không đúng chỗ: %s",
    "invalid %(type)s value: %(value)r": "giá trị %(value)r không hợp lệ",
    "invalid choice: %(value)r (choose from %(choices)s)": "không có lựa chọn %(value)r (chọn một trong: %(choices)s)",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "không có lệnh %(parser_name)r (các lệnh: %(choices)s)",
    "%(prog)s: error: %(message)s\n": "%(prog)s: lỗi: %(message)s\n",
    "can't open '%(filename)s': %(error)s": "không mở được tệp “%(filename)s”: %(error)s",
}
_PLURALS = {"expected %s argument": "cần %s giá trị đi kèm"}


def _gettext(message: str) -> str:
    return MESSAGES.get(message, message)


def _ngettext(singular: str, plural: str, n: int) -> str:
    if singular in _PLURALS:
        return _PLURALS[singular]
    return singular if n == 1 else plural


def quote(text: object) -> str:
    """Vietnamese quotation marks around a value the user typed."""
    return f"“{text}”"


@contextlib.contextmanager
def vietnamese() -> Iterator[None]:
    """argparse's own words in Vietnamese for the duration of the block."""
    saved = argparse._, argparse.ngettext
    argparse._, argparse.ngettext = _gettext, _ngettext
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved


class HelpFormatter(argparse.HelpFormatter):
    """Wraps help text between words only: page and command names such as ``tong-quan`` stay whole.

    A help text may name the default data files as ``%(default_db)s`` and ``%(demo_db)s``: they are
    worked out only when help is written, so a command's run does not look up the data folder
    (``platformdirs``) to build its parser.
    """

    def _expand_help(self, action: argparse.Action) -> str:
        if "%(default_db)s" in action.help or "%(demo_db)s" in action.help:
            from types import SimpleNamespace

            from desktop.paths import default_db_path, demo_db_path

            action = SimpleNamespace(**vars(action), default_db=default_db_path(), demo_db=demo_db_path())
        return super()._expand_help(action)

    def _split_lines(self, text: str, width: int) -> list[str]:
        import textwrap  # only when help is written, as argparse does

        text = self._whitespace_matcher.sub(" ", text).strip()
        return textwrap.wrap(text, width, break_on_hyphens=False, break_long_words=False)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        import textwrap

        text = self._whitespace_matcher.sub(" ", text).strip()
        return textwrap.fill(text, width, initial_indent=indent, subsequent_indent=indent,
                             break_on_hyphens=False, break_long_words=False)


class RawEpilogHelpFormatter(HelpFormatter):
    """Description and epilog printed line for line, as written (for lists)."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        return "".join(indent + line for line in text.splitlines(keepends=True))


class ArgumentParser(argparse.ArgumentParser):
    """``argparse.ArgumentParser`` with Vietnamese usage, headings, help and errors."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", HelpFormatter)
        with vietnamese():
            super().__init__(*args, **kwargs)
        # Headings are made once, in __init__; set them again in case the
        # interpreter's argparse names them differently.
        self._positionals.title = MESSAGES["positional arguments"]
        self._optionals.title = MESSAGES["options"]
        for action in self._actions:
            if isinstance(action, argparse._HelpAction):
                action.help = HELP_HELP

    def add_argument(self, *args, **kwargs):
        if kwargs.get("action") == "version":
            kwargs.setdefault("help", VERSION_HELP)
        return super().add_argument(*args, **kwargs)

    def add_subparsers(self, **kwargs):
        with vietnamese():
            return super().add_subparsers(**kwargs)

    def parse_args(self, args=None, namespace=None):
        with vietnamese():
            return super().parse_args(args, namespace)

    def parse_known_args(self, args=None, namespace=None):
        with vietnamese():
            return super().parse_known_args(args, namespace)

    def format_usage(self) -> str:
        with vietnamese():
            return super().format_usage()

    def format_help(self) -> str:
        with vietnamese():
            return super().format_help()

    def _check_value(self, action: argparse.Action, value) -> None:
        if action.choices is not None and value not in action.choices:
            choices = ", ".join(str(c) for c in action.choices)
            if isinstance(action, argparse._SubParsersAction):
                message = f"không có lệnh {quote(value)}; các lệnh: {choices}"
                raise argparse.ArgumentError(None, message)
            raise argparse.ArgumentError(action, f"không có lựa chọn {quote(value)} (chọn một trong: {choices})")

    def _get_value(self, action: argparse.Action, arg_string: str):
        try:
            return super()._get_value(action, arg_string)
        except argparse.ArgumentError:
            if action.type is int:
                raise argparse.ArgumentError(action, f"{quote(arg_string)} không phải là một số nguyên") from None
            if action.type is float:
                raise argparse.ArgumentError(action, f"{quote(arg_string)} không phải là một số") from None
            raise argparse.ArgumentError(action, f"giá trị {quote(arg_string)} không hợp lệ") from None

    def error(self, message: str) -> NoReturn:
        """Usage, the problem and where to read more, on standard error; exit status 2."""
        with vietnamese():
            self.print_usage(sys.stderr)
        self.exit(2, f"Lỗi: {message}.\nXem hướng dẫn: {self.prog} --help\n")
