"""The audit trail's entries and their hash chain: who did what, when, and proof that no entry was changed since.

Each entry's hash covers the previous entry's hash and the entry itself, so changing, removing or inserting one
breaks every later link. Whoever controls the laptop can rebuild the whole chain, which is why its head also goes to
the city at every sync (services.audit): a rebuilt chain no longer matches what the city saw.
Entries never hold personal data (no ID numbers, phones, accounts, injuries): a case is named by its number.
"""

import enum
import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from .messages import QT_TRANSLATE_NOOP

GENESIS = "0" * 64  # the "previous hash" of the first entry


class AuditAction(enum.StrEnum):
    SIGNED_IN = "signed_in"
    SIGN_IN_FAILED = "sign_in_failed"
    RECOVERED = "recovered"
    LOCKED = "locked"
    UNLOCKED = "unlocked"
    SIGNED_OUT = "signed_out"
    CASE_VIEWED = "case_viewed"
    CASE_PURGED = "case_purged"
    CASE_CORRECTED = "case_corrected"
    WORKER_ADDED = "worker_added"
    WORKER_REMOVED = "worker_removed"
    CASE_VOIDED = "case_voided"
    SEARCHED = "searched"
    IDS_REVEALED = "ids_revealed"
    PHONES_REVEALED = "phones_revealed"
    ACCOUNTS_REVEALED = "accounts_revealed"
    DOCUMENT_ISSUED = "document_issued"
    DOCUMENT_PRINTED = "document_printed"
    EXPORTED = "exported"
    IMPORTED = "imported"
    ACCOUNT_ADDED = "account_added"
    ACCOUNT_DISABLED = "account_disabled"
    ACCOUNT_ENABLED = "account_enabled"
    PASSWORD_RESET = "password_reset"
    PASSWORD_CHANGED = "password_changed"
    SETTING_CHANGED = "setting_changed"
    SEAL_SET = "seal_set"
    ENROLLED = "enrolled"
    CITY_KEY_SEALED = "city_key_sealed"
    CITY_KEY_CHANGED = "city_key_changed"
    BACKUP_MADE = "backup_made"
    RESTORED = "restored"
    CHAIN_BROKEN = "chain_broken"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    AuditAction.SIGNED_IN: QT_TRANSLATE_NOOP("Domain", "Signed in"),
    AuditAction.SIGN_IN_FAILED: QT_TRANSLATE_NOOP("Domain", "Wrong password"),
    AuditAction.RECOVERED: QT_TRANSLATE_NOOP("Domain", "Opened with the recovery key"),
    AuditAction.LOCKED: QT_TRANSLATE_NOOP("Domain", "Locked"),
    AuditAction.UNLOCKED: QT_TRANSLATE_NOOP("Domain", "Unlocked"),
    AuditAction.SIGNED_OUT: QT_TRANSLATE_NOOP("Domain", "Signed out"),
    AuditAction.CASE_VIEWED: QT_TRANSLATE_NOOP("Domain", "Opened a case"),
    AuditAction.CASE_PURGED: QT_TRANSLATE_NOOP("Domain", "Removed a closed file after its retention"),
    AuditAction.SEARCHED: QT_TRANSLATE_NOOP("Domain", "Searched"),
    AuditAction.CASE_CORRECTED: QT_TRANSLATE_NOOP("Domain", "Corrected a case"),
    AuditAction.WORKER_ADDED: QT_TRANSLATE_NOOP("Domain", "Added a worker to a case"),
    AuditAction.WORKER_REMOVED: QT_TRANSLATE_NOOP("Domain", "Removed a worker from a case"),
    AuditAction.CASE_VOIDED: QT_TRANSLATE_NOOP("Domain", "Voided a case"),
    AuditAction.IDS_REVEALED: QT_TRANSLATE_NOOP("Domain", "Showed full ID numbers"),
    AuditAction.PHONES_REVEALED: QT_TRANSLATE_NOOP("Domain", "Showed full phone numbers"),
    AuditAction.ACCOUNTS_REVEALED: QT_TRANSLATE_NOOP("Domain", "Showed full bank accounts"),
    AuditAction.DOCUMENT_ISSUED: QT_TRANSLATE_NOOP("Domain", "Issued a document"),
    AuditAction.DOCUMENT_PRINTED: QT_TRANSLATE_NOOP("Domain", "Printed a document"),
    AuditAction.EXPORTED: QT_TRANSLATE_NOOP("Domain", "Exported"),
    AuditAction.IMPORTED: QT_TRANSLATE_NOOP("Domain", "Imported"),
    AuditAction.ACCOUNT_ADDED: QT_TRANSLATE_NOOP("Domain", "Added an account"),
    AuditAction.ACCOUNT_DISABLED: QT_TRANSLATE_NOOP("Domain", "Disabled an account"),
    AuditAction.ACCOUNT_ENABLED: QT_TRANSLATE_NOOP("Domain", "Enabled an account"),
    AuditAction.PASSWORD_RESET: QT_TRANSLATE_NOOP("Domain", "Reset a password"),
    AuditAction.PASSWORD_CHANGED: QT_TRANSLATE_NOOP("Domain", "Changed own password"),
    AuditAction.SETTING_CHANGED: QT_TRANSLATE_NOOP("Domain", "Changed a setting"),
    AuditAction.SEAL_SET: QT_TRANSLATE_NOOP("Domain", "Set the station seal"),
    AuditAction.ENROLLED: QT_TRANSLATE_NOOP("Domain", "Joined city sync"),
    AuditAction.CITY_KEY_SEALED: QT_TRANSLATE_NOOP("Domain", "Station key sealed to the city's recovery key"),
    AuditAction.CITY_KEY_CHANGED: QT_TRANSLATE_NOOP(
        "Domain", "The city's recovery key changed: station key sealed to the new one"
    ),
    AuditAction.BACKUP_MADE: QT_TRANSLATE_NOOP("Domain", "Made a backup"),
    AuditAction.RESTORED: QT_TRANSLATE_NOOP("Domain", "Restored a backup"),
    AuditAction.CHAIN_BROKEN: QT_TRANSLATE_NOOP("Domain", "Audit trail found altered"),
}

# Subjects that are not a case number or a login: stored in English, shown translated (the window translates
# every subject it can).
REGISTRATION_FORM = QT_TRANSLATE_NOOP("Domain", "Registration form (not yet saved)")
AUDIT_TRAIL = QT_TRANSLATE_NOOP("Domain", "Audit trail")
SYNC_CONFLICTS = QT_TRANSLATE_NOOP("Domain", "Sync conflicts")
UNSENT_CHANGES = QT_TRANSLATE_NOOP("Domain", "Unsent changes")
WAGE_CLUES = QT_TRANSLATE_NOOP("Domain", "Wage-arrears clues")


@dataclass(frozen=True)
class Entry:
    """One line of the trail as stored. ``subject``: what it was done to (a case number, a login, a file kind)."""

    seq: int
    at: datetime
    user_id: str  # empty when nobody was signed in (a wrong password)
    user_name: str
    action: str
    subject: str
    details: str  # canonical JSON object, values only for display
    hash: str


def canonical_details(details: dict[str, object]) -> str:
    return json.dumps(details, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def entry_hash(previous: str, entry: Entry) -> str:
    """sha256 of the previous entry's hash and this entry's content (its own ``hash`` left out)."""
    moment = entry.at.astimezone(UTC).isoformat(timespec="microseconds")
    content = json.dumps(
        [entry.seq, moment, entry.user_id, entry.user_name, entry.action, entry.subject, entry.details],
        ensure_ascii=False,
    )
    return hashlib.sha256(previous.encode("ascii") + content.encode("utf-8")).hexdigest()


def first_break(entries: Iterable[Entry]) -> int | None:
    """The sequence number of the first entry that was changed, removed or inserted; None when the chain holds."""
    previous, expected = GENESIS, 1
    for entry in entries:
        if entry.seq != expected or entry.hash != entry_hash(previous, entry):
            return expected
        previous, expected = entry.hash, expected + 1
    return None


# Six or more digits in a row (an ID number, a phone, a bank account typed into the search field) are kept out
# of the trail: the trail is shown and exported, personal numbers must not be. A number typed in pieces counts as
# one, whatever separates them ("371724 1966", "139-1234-0817", "3729.0119", "139，1234"; half- or full-width),
# with an ID number's final X: each piece of it is hidden, a long one but its first two.
_NUMBER_IN_PIECES = re.compile(r"\d+(?:[\s\-‐‑–—－.．/／·,，、_]+\d+)*[Xx]?")
_DIGITS = re.compile(r"\d+|[Xx]$")
LONG_NUMBER = 6


def _hidden(digits: str) -> str:
    return digits[:2] + "*" * (len(digits) - 2) if len(digits) >= LONG_NUMBER else "*" * len(digits)


def without_numbers(text: str) -> str:
    def hide(match: re.Match[str]) -> str:
        number = match.group()
        if sum(character.isdigit() for character in number) < LONG_NUMBER:
            return number
        return _DIGITS.sub(lambda piece: _hidden(piece.group()), number)

    return _NUMBER_IN_PIECES.sub(hide, text)
