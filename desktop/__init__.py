"""Sổ thi đua: the ledger, campaigns and award dossiers of a public unit.

The package is split in two: the domain (every module here except ``ui``),
which knows nothing of Qt and is what the command line and the tests use, and
``desktop.ui``, the Qt window that presents it.
"""
__version__ = "0.1.0"
