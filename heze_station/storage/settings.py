"""The device's key-value settings (the ``setting`` table): what this computer keeps about itself and its sync."""

from sqlalchemy.orm import Session

from .models import Setting


def get(session: Session, key: str) -> str | None:
    row = session.get(Setting, key)
    return row.value if row else None


def put(session: Session, key: str, value: str | None) -> None:
    """Set ``key`` to ``value``; None removes it."""
    row = session.get(Setting, key)
    if value is None:
        if row is not None:
            session.delete(row)
    elif row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value
