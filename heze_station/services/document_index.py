"""The index of the documents this station issued, in a file beside the encrypted database, which ``heze-station
verify`` reads without signing in: every document by id, with the SHA-256 of its PDF (neither is personal; both are
printed on the document).

Its own module, apart from services/documents.py: every sign-in rewrites the index, and the document layer it would
otherwise bring is not needed until a document is issued.
"""

import os
import uuid
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import select

from ..storage.models import IssuedDocument
from .access import EVERYONE, requires
from .station import StationContext

DOCUMENTS_INDEX = "documents.index"

# What ``heze-station verify`` asks: document id -> SHA-256 of the PDF as issued (None: not issued here).
DocumentLookup = Callable[[uuid.UUID], str | None]


@requires(EVERYONE)
def write_index(context: StationContext) -> None:
    """The whole index again, from the documents the database holds."""
    with context.database.transaction() as session:
        rows = session.execute(select(IssuedDocument.id, IssuedDocument.pdf_sha256)).all()
    write(context.data_dir, [(row.id, row.pdf_sha256) for row in rows], append=False)


def write(data_dir: Path, rows: list[tuple[uuid.UUID, str]], *, append: bool) -> None:
    """``rows`` (document id, SHA-256 of its PDF) added to the index, or in its place."""
    text = "".join(f"{document_id} {sha256}\n" for document_id, sha256 in rows)
    path = data_dir / DOCUMENTS_INDEX
    if append:
        with path.open("a", encoding="ascii") as file:
            file.write(text)
        return
    temporary = path.with_suffix(".tmp")
    temporary.write_text(text, encoding="ascii")
    os.replace(temporary, path)


def station_lookup(data_dir: Path) -> DocumentLookup:
    """The lookup for ``heze-station verify``: document id -> SHA-256 of the PDF as issued (None: not known here)."""
    try:
        lines = (data_dir / DOCUMENTS_INDEX).read_text(encoding="ascii").splitlines()
    except (OSError, UnicodeDecodeError):
        lines = []
    known = dict(line.split(" ", 1) for line in lines if line.count(" ") == 1)
    return lambda document_id: known.get(str(document_id))
