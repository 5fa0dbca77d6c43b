"""Errors the user sees. Their text is Vietnamese and says what to do."""
from __future__ import annotations


class UserError(Exception):
    """A failure caused by input or environment, explained to the clerk.

    ``str(error)`` is the Vietnamese message; the CLI prints it and the window
    shows it in a dialog. Nothing was written when one of these is raised.
    """


class StoreError(UserError):
    """The database file cannot be opened or written."""


class ValidationError(UserError):
    """A record's fields are not acceptable.

    ``fields`` maps a field name to its Vietnamese message so that a dialog
    can show each message next to its field.
    """

    def __init__(self, fields: dict[str, str]):
        self.fields = dict(fields)
        super().__init__("; ".join(self.fields.values()))


class NotFound(UserError):
    """A record asked for by id does not exist."""
