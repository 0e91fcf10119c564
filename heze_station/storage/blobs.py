"""The bytes of attachments (photos, scans, receipts, signatures), stored by their SHA-256 beside the database.

Content addressing means a file is written once and never overwritten: the same scan attached twice is stored
once, and a name can only ever hold the bytes that hash to it, which is what lets sync move attachments by hash
and verify them on arrival. A file is written to a temporary name, flushed to disk, then renamed, so a power cut
leaves either the whole file or none. The bytes on disk are encrypted (AES-GCM, with the attachments' key derived
from the database key, and the hash as associated data, so a file cannot be passed off under another's name).
"""

import contextlib
import hashlib
import os
import tempfile
from pathlib import Path

from . import disk
from .keys import ENCRYPTION_OVERHEAD, WrongKey, decrypt, encrypt


class BlobMissing(Exception):
    """The bytes for a hash are not on this device (not synced yet, or lost)."""


class BlobCorrupt(Exception):
    """The stored bytes no longer hash to their name (disk damage)."""


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class BlobStore:
    def __init__(self, root: Path, key: bytes):
        self.root = root
        self.key = key

    def _path(self, digest: str) -> Path:
        # Two levels of fan-out keep any one folder small on a station with tens of thousands of scans.
        return self.root / digest[:2] / digest[2:4] / digest

    def put(self, data: bytes) -> str:
        """Store ``data`` and return its SHA-256 (hex). Storing the same bytes again is a no-op."""
        digest = sha256_hex(data)
        path = self._path(digest)
        if path.exists():
            return digest
        path.parent.mkdir(parents=True, exist_ok=True)
        self._write(path, digest, data)
        return digest

    def seal_plain_files(self) -> int:
        """Encrypt the files stored before the station's data was (the version without sign-in kept them as they
        came): an upgrade left them readable on the laptop, and every backup copied them so. A plain file is one
        whose bytes hash to its name, which encrypted bytes never do. Returns how many were sealed."""
        sealed = 0
        for path in self.root.glob("*/*/*"):
            if path.name.startswith(".incoming-"):
                continue
            data = path.read_bytes()
            if sha256_hex(data) == path.name:
                self._write(path, path.name, data)
                sealed += 1
        return sealed

    def _write(self, path: Path, digest: str, data: bytes) -> None:
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".incoming-")
        try:
            with os.fdopen(handle, "wb") as file:
                file.write(encrypt(self.key, data, digest.encode("ascii")))
                file.flush()
                os.fsync(file.fileno())
            os.replace(temporary, path)
        except BaseException as error:
            Path(temporary).unlink(missing_ok=True)
            if disk.is_full(error):
                raise disk.full_error() from error
            raise

    def has(self, digest: str) -> bool:
        return self._path(digest).exists()

    def size(self, digest: str) -> int:
        """The size of the bytes stored under this hash, without reading (or checking) them."""
        return self._path(digest).stat().st_size - ENCRYPTION_OVERHEAD

    def get(self, digest: str) -> bytes:
        path = self._path(digest)
        try:
            stored = path.read_bytes()
        except FileNotFoundError as missing:
            raise BlobMissing(digest) from missing
        try:
            data = decrypt(self.key, stored, digest.encode("ascii"))
        except WrongKey as damaged:
            if sha256_hex(stored) != digest:
                raise BlobCorrupt(digest) from damaged
            # Stored before the station's data was encrypted and not sealed since (an upgrade cut short, or made by
            # an earlier build): the very bytes named, read as they are and sealed now.
            with contextlib.suppress(OSError):
                self._write(path, digest, stored)
            return stored
        if sha256_hex(data) != digest:
            raise BlobCorrupt(digest)
        return data
