"""The digests of a package's files, computed on a second thread while the signature is checked.

Checking a package is two kinds of work: hashing every file (SHA-256 and the
ZIP's CRC-32 of each byte, read once, in chunks of :data:`CHUNK_SIZE`) and everything else — loading
the certificate libraries, checking the CMS signature and its chain, reading
the PDFs. ``hashlib`` and ``zlib.crc32`` release the GIL on large buffers, so
the hashing runs on a worker thread while the main thread does the rest; on
two cores the check takes about the longer of the two instead of their sum.
The CRC-32 runs on a third thread (:class:`_CrcThread`), so that once the
signature is checked the two hashes of each chunk run on both cores. Memory
stays flat: the worker holds a few chunks at a time, and the bytes of a PDF
only until the checks take them.

The worker owns the file from :class:`FileHashing` until :meth:`FileHashing.close`
(the main thread reads nothing from it in between) and hands its results over
in the manifest's order; :meth:`~FileHashing.close` stops it at the next chunk
and joins it, also when the checks end early or the user cancels.
"""
from __future__ import annotations

import queue
import threading
import zlib
from collections.abc import Iterator
from typing import BinaryIO

from desktop.package.manifest import ManifestReference
from desktop.package.zipfmt import Crc32, ZipEntry, iter_entry
from desktop.progress import Progress

__all__ = ["FileHashing"]

_WAIT = 0.05
"""Seconds between two looks at the cancel flag while a file is being hashed."""

CHUNK_SIZE = 8 << 20
"""Bytes read at a time. Large, because each time a worker takes Python's lock back it may wait for the
main thread's switch interval (5 ms) while the signature is checked: with 1 MiB chunks the hashing of a
262 MB package ended about 100 ms later (BENCHMARKS.md). Peak memory 66 MiB for any size of package."""

_QUEUED_CHUNKS = 2
"""Chunks that may wait for the CRC-32 thread (memory stays flat when it falls behind)."""


class _Stopped(Exception):
    """The checks no longer want the digests (closed early, or cancelled)."""


class _CrcThread(Crc32):
    """A :class:`~.zipfmt.Crc32` computed on a thread of its own, the pieces handed over in order."""

    _END = object()
    """Handed over after a file's last piece: the thread answers that file's CRC-32."""

    def __init__(self) -> None:
        self._pieces: queue.Queue = queue.Queue(maxsize=_QUEUED_CHUNKS)
        self._values: queue.SimpleQueue = queue.SimpleQueue()
        self._thread = threading.Thread(target=self._run, name="thidua-crc", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        crc = 0
        while (piece := self._pieces.get()) is not None:
            if piece is self._END:
                self._values.put(crc)
                crc = 0
            else:
                crc = zlib.crc32(piece, crc)

    def update(self, piece: bytes) -> None:
        self._pieces.put(piece)

    def value(self) -> int:
        self._pieces.put(self._END)
        return self._values.get()

    def close(self) -> None:
        self._pieces.put(None)
        self._thread.join()


class FileHashing:
    """Hash ``files`` (manifest references with their ZIP entries) from ``handle`` on a worker thread, in order."""

    def __init__(self, handle: BinaryIO, files: list[tuple[ManifestReference, ZipEntry]]) -> None:
        self._results: queue.SimpleQueue = queue.SimpleQueue()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._hash_all, args=(handle, files), name="thidua-hashing",
                                        daemon=True)
        self._thread.start()

    def _hash_all(self, handle: BinaryIO, files: list[tuple[ManifestReference, ZipEntry]]) -> None:
        crc = _CrcThread()
        try:
            for ref, entry in files:
                try:
                    result: object = ref.digest_of(self._until_stopped(iter_entry(handle, entry, CHUNK_SIZE, crc=crc)))
                except _Stopped:
                    return
                except Exception as exc:  # noqa: BLE001 - handed to the checks, which report or raise it
                    result = exc
                self._results.put(result)
        finally:
            crc.close()

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
