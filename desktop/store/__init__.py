"""Storage: the SQLite file, its schema and its audit trail."""
from .db import Store
from .migrations import SCHEMA_VERSION

__all__ = ["Store", "SCHEMA_VERSION"]
