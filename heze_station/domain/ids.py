"""Primary keys are UUIDv7, made on the device: time-ordered (index-friendly) and collision-free across stations."""

import uuid

import uuid6


def new_id() -> uuid.UUID:
    # uuid6 returns its own UUID subclass; normalise so equality and hashing match stdlib UUIDs read from the database.
    return uuid.UUID(bytes=uuid6.uuid7().bytes)
