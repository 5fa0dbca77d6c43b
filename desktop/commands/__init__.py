"""Sub-commands of ``thidua``, one module per area (see :mod:`desktop.commands.main`)."""
