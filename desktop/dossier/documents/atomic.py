"""Writing an exported file all at once: kept for the document renderers' imports.

The one implementation is :func:`desktop.files.atomic_write` (a private
``.part`` file beside the target, renamed into place on success).
"""
from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

from desktop.files import atomic_write

__all__ = ["atomic_target"]


@contextmanager
def atomic_target(path: Path | str, *, overwrite: bool | None = None):
    """:func:`desktop.files.atomic_write`, creating the destination folder when missing."""
    with atomic_write(path, overwrite=overwrite, make_parents=True) as tmp:
        yield tmp
