"""``keyslots.json`` beside the database: what signing in needs before the database can be read.

For each account that may sign in on this laptop: its login and id, its private key sealed with its password, and
this laptop's database key sealed to its public key; the Argon2id cost for keys made here; the count of wrong
passwords per login (the wait that grows with it must hold before the database is open); disabled logins.
Nothing in it is readable without a password or the recovery key. It is written to a temporary file, flushed and
renamed, so a power cut leaves the old or the new file, never half of one.
"""

import json
import os
import tempfile
import uuid
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path

from .keys import DEFAULT_KDF, KdfParams

SLOTS_FILE = "keyslots.json"


class SlotsUnreadable(Exception):
    """The key-slot file is missing or damaged: only the recovery key (printed at setup) opens the station now."""


@dataclass
class AccountSlot:
    user_id: str
    login: str
    public_key: str
    sealed_private_key: str
    sealed_database_key: str


@dataclass
class Failures:
    count: int
    last: str  # ISO time of the last wrong password

    @property
    def last_at(self) -> datetime:
        return datetime.fromisoformat(self.last)


@dataclass
class KeySlots:
    kdf: str = DEFAULT_KDF.text()
    accounts: list[AccountSlot] = field(default_factory=list)
    failures: dict[str, Failures] = field(default_factory=dict)
    # Logins of disabled accounts: their slots are gone (the disk must not open for them), but the sign-in window
    # can still say why they cannot sign in.
    disabled: list[str] = field(default_factory=list)
    # Wrong passwords not yet in the audit trail, as [login, ISO time]: the trail is inside the database, which a
    # wrong password cannot open, so the next sign-in writes them there (services.accounts).
    unaudited: list[list[str]] = field(default_factory=list)
    # The database key sealed to the city's recovery key (which sync brings): [its public key, the sealed key].
    city: list[str] | None = None
    # The recovery key of a setup whose administrator has not yet checked a copy of it (the program closed at that
    # step): [the administrator's user id, the key sealed to their public key]. Only their password opens it, and
    # it goes once a copy is checked, so the next sign-in can show it again rather than leave the station without.
    unconfirmed_recovery_key: list[str] | None = None

    @property
    def kdf_params(self) -> KdfParams:
        return KdfParams.parse(self.kdf)

    def for_login(self, login: str) -> list[AccountSlot]:
        """The slots for ``login``, oldest account first (two laptops may each have made one; the oldest wins)."""
        return sorted((slot for slot in self.accounts if slot.login == login), key=lambda slot: uuid.UUID(slot.user_id))

    def put(self, slot: AccountSlot) -> None:
        self.accounts = [kept for kept in self.accounts if kept.user_id != slot.user_id] + [slot]

    def remove(self, user_id: str) -> None:
        self.accounts = [kept for kept in self.accounts if kept.user_id != user_id]


def exists(data_dir: Path) -> bool:
    return (data_dir / SLOTS_FILE).exists()


def load(data_dir: Path) -> KeySlots:
    return read(data_dir / SLOTS_FILE)


def read(path: Path) -> KeySlots:
    """A key-slot file wherever it is (a copy the city was brought); SlotsUnreadable when it is not one."""
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
        return KeySlots(
            kdf=document["kdf"],
            accounts=[AccountSlot(**slot) for slot in document["accounts"]],
            failures={login: Failures(**value) for login, value in document["failures"].items()},
            disabled=document["disabled"],
            unaudited=document.get("unaudited", []),
            city=document.get("city"),
            unconfirmed_recovery_key=document.get("unconfirmed_recovery_key"),
        )
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise SlotsUnreadable from error


def save(data_dir: Path, slots: KeySlots) -> None:
    text = json.dumps(asdict(slots), ensure_ascii=False, indent=1)
    handle, temporary = tempfile.mkstemp(dir=data_dir, prefix=".keyslots-")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, data_dir / SLOTS_FILE)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
