"""The digests of a package's files, computed on a second thread while the signature is checked.

Checking a package is two kinds of work: hashing every file (SHA-256 and the
ZIP's CRC-32 of each byte, read once, in chunks) and everything else — loading
the certificate libraries, checking the CMS signature and its chain, reading
the PDFs. ``hashlib`` and ``zlib.crc32`` release the GIL on large buffers, so
the hashing runs on a worker thread while the main thread does the rest; on
two cores the check takes about the longer of the two instead of their sum.
Memory stays flat: the worker holds one chunk at a time, and the bytes of a
PDF only until the checks take them.

The worker owns the file from :class:`FileHashing` until :meth:`FileHashing.close`
(the main thread reads nothing from it in between) and hands its results over
in the manifest's order; :meth:`~FileHashing.close` stops it at the next chunk
and joins it, also when the checks end early or the user cancels.
"""
from __future__ import annotations

import queue
import threading
from collections.abc import Iterator
from typing import BinaryIO

from desktop.package.manifest import ManifestReference
from desktop.package.zipfmt import ZipEntry, iter_entry
from desktop.progress import Progress

__all__ = ["FileHashing"]

_WAIT = 0.05
"""Seconds between two looks at the cancel flag while a file is being hashed."""


class _Stopped(Exception):
    """The checks no longer want the digests (closed early, or cancelled)."""


class FileHashing:
    """Hash ``files`` (manifest references with their ZIP entries) from ``handle`` on a worker thread, in order."""

    def __init__(self, handle: BinaryIO, files: list[tuple[ManifestReference, ZipEntry]]) -> None:
        self._results: queue.SimpleQueue = queue.SimpleQueue()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._hash_all, args=(handle, files), name="thidua-hashing",
                                        daemon=True)
        self._thread.start()

    def _hash_all(self, handle: BinaryIO, files: list[tuple[ManifestReference, ZipEntry]]) -> None:
        for ref, entry in files:
            try:
                result: object = ref.digest_of(self._until_stopped(iter_entry(handle, entry)))
            except _Stopped:
                return
            except Exception as exc:  # noqa: BLE001 - handed to the checks, which report or raise it
                result = exc
            self._results.put(result)

    def _until_stopped(self, chunks: Iterator[bytes]) -> Iterator[bytes]:
        for chunk in chunks:
            if self._stop.is_set():
                raise _Stopped
            yield chunk

    def next(self, progress: Progress) -> tuple[bool, bytes | None]:
        """The next file's :meth:`~.manifest.ManifestReference.digest_of`, waiting for it.

        Raises what reading the file raised (:class:`~.zipfmt.ZipFormatError`, :class:`OSError`), and
        :class:`~desktop.progress.Cancelled` when ``progress`` is cancelled while waiting.
        """
        while True:
            try:
                result = self._results.get(timeout=_WAIT)
            except queue.Empty:
                progress.check()
                continue
            if isinstance(result, Exception):
                raise result
            return result

    def close(self) -> None:
        """Stop the worker at its next chunk and wait for it; the file is the caller's again."""
        self._stop.set()
        self._thread.join()
