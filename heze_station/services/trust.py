"""The city's document-signing trust as this station keeps it (reference tables ``city_certificate`` and
``revoked_certificate``), and its copy in the file ``heze-station verify`` reads without signing in."""

from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..storage.models import CityCertificate, RevokedCertificate
from .access import EVERYONE, requires
from .station import StationContext

if TYPE_CHECKING:  # the signing libraries load when a document is checked, not when the window starts
    from ..documents.trust import Trust


def _city_part(session: Session) -> tuple[list[str], dict]:
    roots = list(session.scalars(select(CityCertificate.pem)))
    rows = session.execute(select(RevokedCertificate.serial, RevokedCertificate.revoked_at))
    revoked = {serial: revoked_at for serial, revoked_at in rows}
    return roots, revoked


@requires(EVERYONE)
def current(context: StationContext) -> "Trust":
    from ..documents import trust

    with context.database.transaction() as session:
        roots, revoked = _city_part(session)
    return trust.of(context.data_dir, roots, revoked)


@requires(EVERYONE)
def write_file(context: StationContext) -> None:
    """The file as the tables stand: written at sign-in, at enrolment and whenever a pull changed them."""
    from ..documents import trust

    with context.database.transaction() as session:
        roots, revoked = _city_part(session)
    if roots or revoked or (context.data_dir / trust.TRUST_FILE).exists():  # none until the city sends some
        trust.write(context.data_dir, roots, revoked)
