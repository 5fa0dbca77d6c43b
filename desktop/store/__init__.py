"""Storage: the SQLite file, its schema and its audit trail."""
from desktop.store.db import Store
from desktop.store.schema import SCHEMA_VERSION

__all__ = ["Store", "SCHEMA_VERSION"]
