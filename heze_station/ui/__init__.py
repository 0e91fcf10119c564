"""PySide6 GUI: the only package that imports Qt. It calls services and never touches the database."""

import sys

import PySide6  # noqa: F401 (its import hook is installed by it, and changed below)


def _no_source_scan() -> None:
    """PySide6 reads the whole source of every module imported after it (shibokensupport.feature) to find out
    whether it names PySide6 and may use ``from __feature__ import``. The program never does, yet at start that
    was some 600 files read and kept in linecache: about a tenth of the start's time and 20 MiB held for good.
    Every module counts as one that may use PySide6 without features, as PySide6's own modules are."""
    feature = sys.modules.get("shibokensupport.feature")
    if feature is not None and hasattr(feature, "_mod_uses_pyside"):
        feature._mod_uses_pyside = lambda _module: True


_no_source_scan()
