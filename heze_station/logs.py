"""The station program's own log: warnings and errors on standard error, never what a record held.

A logged exception shows its kind and where it arose (every frame, and the exceptions it came from), never its
message: messages quote values. SQLAlchemy's parameters are hidden by the engine already (storage.database), but a
KeyError, a ValueError or pydantic's ValidationError repeats whatever it was given, an ID number or a name.
"""

import logging
import sys
import threading
import traceback
from types import TracebackType

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None] | tuple[None, None, None]


class PrivateFormatter(logging.Formatter):
    def formatException(self, ei: ExcInfo) -> str:
        error: BaseException | None = ei[1]
        lines: list[str] = []
        seen: set[int] = set()
        while error is not None and id(error) not in seen:
            seen.add(id(error))
            if lines:
                lines.append("which arose from:")
            lines.extend(f'  File "{frame.filename}", line {frame.lineno}, in {frame.name}'
                         for frame in traceback.extract_tb(error.__traceback__))  # fmt: skip
            lines.append(f"{type(error).__module__}.{type(error).__qualname__} (its message is not logged)")
            error = error.__cause__ or error.__context__
        return "\n".join(lines)


def configure() -> None:
    """Log warnings and errors of the whole program (and the libraries) through the private formatter."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(PrivateFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.WARNING)
    # An exception nobody caught (in a Qt slot, a result delivered to the window, a thread) went to Python's own
    # hook, which prints its message: a KeyError of a name and an ID number reached standard error whole.
    sys.excepthook = _uncaught
    threading.excepthook = lambda hooked: _uncaught(hooked.exc_type, hooked.exc_value, hooked.exc_traceback)
    sys.unraisablehook = lambda hooked: _uncaught(type(hooked.exc_value), hooked.exc_value, hooked.exc_traceback)


def _uncaught(kind: type[BaseException], error: BaseException | None, trace: TracebackType | None) -> None:
    logging.getLogger("heze_station").error("uncaught exception", exc_info=(kind, error, trace))
