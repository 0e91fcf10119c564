"""Whether the city revoked this laptop: what the sign-in asks of the sync's settings, without the sync.

Every sign-in asks it (services.accounts), before the workbench shows its data; services.sync, which writes these
settings, brings the replica and the sync tables, and loads after the first data (ui/main_window.py).
"""

from sqlalchemy.orm import Session

from ..storage import settings

DEVICE_ID = "sync_device_id"
# The device id the city answered "revoked" for: the laptop stays locked to all but its administrator until it is
# enrolled again (a new device id), whatever later runs answer (an offline one must not unlock it).
REVOKED_DEVICE = "sync_revoked_device"


def revoked(session: Session) -> bool:
    """Whether the city revoked this laptop's current enrolment (see REVOKED_DEVICE)."""
    device = settings.get(session, DEVICE_ID)
    return device is not None and settings.get(session, REVOKED_DEVICE) == device
