"""A service run that reports what it changed, for the windows that must show it (domain.changes)."""

from collections.abc import Callable
from typing import Any

from ..domain.changes import EVERYTHING, Change
from ..storage import written
from .station import StationContext


def run_noting_changes(service: Callable[..., Any], context: StationContext, *args: Any) -> tuple[Any, Change]:
    """``service(context, *args)`` and what it wrote. A service that wrote only rows that do not sync (settings,
    the calendar, the audit trail) reports EVERYTHING: what it touched is not known, so every view reloads."""
    with written.recording() as recording:
        result = service(context, *args)
    return result, recording.change or EVERYTHING
