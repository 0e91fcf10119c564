"""What an issued PDF says about itself: its Keywords entry names the document and its content digest.

Written by the station (documents.layout) into every PDF it issues, and read back by whoever checks a file: the
station's ``verify`` and the city's ``/v1/verify``. The signature covers it, so a valid signature vouches for it.
"""

import re
import uuid

KEYWORDS_PATTERN = re.compile(r"heze-document:(?P<id>[0-9a-f-]{36}) content-sha256:(?P<digest>[0-9a-f]{64})")


def keywords(document_id: uuid.UUID, content_digest: str) -> str:
    return f"heze-document:{document_id} content-sha256:{content_digest}"


def named_in(text: str) -> tuple[uuid.UUID, str] | None:
    """The document id and content digest that ``text`` (a Keywords entry, or a damaged file's bytes) names."""
    match = KEYWORDS_PATTERN.search(text)
    return (uuid.UUID(match["id"]), match["digest"]) if match else None
