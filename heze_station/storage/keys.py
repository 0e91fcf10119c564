"""The cryptography of data at rest: the database key, what is derived from it, and how it is wrapped.

One random 256-bit key opens the station's database (SQLCipher, given as a raw key: there is no second key
derivation to pay for). Keys for the other things kept on disk (attachments, the signing key) are derived from it
with HKDF, one per purpose. The database key itself is never stored in clear; it is wrapped:

- for each account, to the account's X25519 public key (an ephemeral key agreement, HKDF, AES-GCM: a "sealed box").
  The account's private key is stored wrapped by a key derived from its password with Argon2id. Both halves travel
  with the account's row, so any laptop of the station that is open can wrap its own database key for an account
  made on another laptop, and that person can then sign in on it offline (keyslots.py);
- by the recovery key printed at setup (high-entropy, so HKDF suffices).

The formats are text: ``v1$`` then ``$``-separated base64 fields, so they fit in a JSON file and a database column.
"""

import base64
import os
import secrets
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

KEY_BYTES = 32
_NONCE_BYTES = 12
ENCRYPTION_OVERHEAD = _NONCE_BYTES + 16  # what encrypt() adds: the nonce and the tag
_SALT_BYTES = 16
_VERSION = "v1"
# Recovery keys may be typed from paper: 32 letters and digits, without 0, 1, I and O, which people confuse.
_RECOVERY_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
_RECOVERY_GROUPS = 13  # 13 groups of 4 characters: 260 bits, of which 256 carry the key
RECOVERY_CHARACTERS = 4 * _RECOVERY_GROUPS


class WrongKey(Exception):
    """The password, recovery key or database key does not open this (or the data was altered)."""


@dataclass(frozen=True)
class KdfParams:
    """Argon2id's cost: passes, memory in KiB, lanes."""

    time_cost: int
    memory_kib: int
    parallelism: int

    def text(self) -> str:
        return f"{self.time_cost},{self.memory_kib},{self.parallelism}"

    @classmethod
    def parse(cls, text: str) -> "KdfParams":
        time_cost, memory_kib, parallelism = (int(part) for part in text.split(","))
        return cls(time_cost, memory_kib, parallelism)

    def at_least(self, other: "KdfParams") -> "KdfParams":
        """Each cost the greater of the two."""
        return KdfParams(
            max(self.time_cost, other.time_cost),
            max(self.memory_kib, other.memory_kib),
            max(self.parallelism, other.parallelism),
        )

    def at_most(self, other: "KdfParams") -> "KdfParams":
        """Each cost the lesser of the two."""
        return KdfParams(
            min(self.time_cost, other.time_cost),
            min(self.memory_kib, other.memory_kib),
            min(self.parallelism, other.parallelism),
        )


# About 300 ms on a station laptop (make bench: sign_in_ms): each guess at a stolen key file costs as much.
DEFAULT_KDF = KdfParams(time_cost=3, memory_kib=160 * 1024, parallelism=4)


def random_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def subkey(key: bytes, purpose: str) -> bytes:
    """The key for one ``purpose`` ("attachments", "signing key", ...), derived from the database key."""
    return HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=None, info=purpose.encode()).derive(key)


def encrypt(key: bytes, data: bytes, associated: bytes = b"") -> bytes:
    """AES-256-GCM: a random nonce, then the ciphertext and its tag. ``associated`` is authenticated, not stored."""
    nonce = os.urandom(_NONCE_BYTES)
    return nonce + AESGCM(key).encrypt(nonce, data, associated)


def decrypt(key: bytes, sealed: bytes, associated: bytes = b"") -> bytes:
    try:
        return AESGCM(key).decrypt(sealed[:_NONCE_BYTES], sealed[_NONCE_BYTES:], associated)
    except (InvalidTag, ValueError) as error:
        raise WrongKey from error


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    try:
        return base64.b64decode(text.encode("ascii"), validate=True)
    except (ValueError, UnicodeEncodeError) as error:
        raise WrongKey from error


def _fields(text: str, count: int) -> list[str]:
    fields = text.split("$")
    if len(fields) != count + 1 or fields[0] != _VERSION:
        raise WrongKey
    return fields[1:]


class Derivations:
    """What this process's Argon2id derivations cost. They are slow and big on purpose, so the start's figures
    (make bench) leave them out: a safer password setting must not read as a slower or bigger program."""

    seconds = 0.0
    # With peaks_tracked (Linux): the highest resident memory outside the derivations. The kernel's high-water
    # mark is read before each and reset after it (its memory is given back by then), so it holds the rest.
    peaks_tracked = False
    peak_kib_before = 0

    @classmethod
    def peak_rss_kib(cls) -> int:
        return max(cls.peak_kib_before, _high_water_kib())


def _high_water_kib() -> int:
    for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def password_key(password: str, salt: bytes, kdf: KdfParams) -> bytes:
    if Derivations.peaks_tracked:
        Derivations.peak_kib_before = Derivations.peak_rss_kib()
    started = time.perf_counter()
    key = hash_secret_raw(
        password.encode("utf-8"),
        salt,
        time_cost=kdf.time_cost,
        memory_cost=kdf.memory_kib,
        parallelism=kdf.parallelism,
        hash_len=KEY_BYTES,
        type=Type.ID,
    )
    Derivations.seconds += time.perf_counter() - started
    if Derivations.peaks_tracked:
        Path("/proc/self/clear_refs").write_text("5", encoding="ascii")  # 5: reset the high-water mark
    return key


def seal_with_password(secret: bytes, password: str, kdf: KdfParams) -> str:
    salt = os.urandom(_SALT_BYTES)
    sealed = encrypt(password_key(password, salt, kdf), secret)
    return "$".join([_VERSION, kdf.text(), _b64(salt), _b64(sealed)])


def open_with_password(sealed: str, password: str) -> bytes:
    """What seal_with_password sealed, with the cost it was sealed with; WrongKey for a wrong password."""
    kdf = sealed_kdf(sealed)
    if kdf is None:
        raise WrongKey
    _, salt, ciphertext = _fields(sealed, 3)
    return decrypt(password_key(password, _unb64(salt), kdf), _unb64(ciphertext))


@dataclass(frozen=True)
class AccountKeys:
    """An account's key pair as stored: the public key, and the private key sealed with the password."""

    public_key: str
    sealed_private_key: str


def sealed_kdf(sealed: str) -> KdfParams | None:
    """The cost a key sealed with a password was sealed at; None when it is no sealed key."""
    try:
        return KdfParams.parse(_fields(sealed, 3)[0])
    except (WrongKey, ValueError):
        return None


def new_account_keys(password: str, kdf: KdfParams) -> AccountKeys:
    private = X25519PrivateKey.generate()
    raw = private.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )
    public = private.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return AccountKeys(_b64(public), seal_with_password(raw, password, kdf))


def reseal_private_key(sealed_private_key: str, current: str, new: str, kdf: KdfParams) -> str:
    """The same private key, sealed with a new password (WrongKey if ``current`` is wrong)."""
    return seal_with_password(open_with_password(sealed_private_key, current), new, kdf)


def seal_to(public_key: str, secret: bytes) -> str:
    """``secret`` readable only with the private key of ``public_key``; WrongKey when it is no key (a weak point such
    as 32 zero bytes has the form of one, synced by a device, and no shared key can be made with it)."""
    ephemeral = X25519PrivateKey.generate()
    try:
        shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(_unb64(public_key)))
    except ValueError as error:
        raise WrongKey from error
    ephemeral_public = ephemeral.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    sealed = encrypt(subkey(shared, "sealed to an account"), secret, ephemeral_public)
    return "$".join([_VERSION, _b64(ephemeral_public), _b64(sealed)])


def open_sealed(private_key: bytes, sealed: str) -> bytes:
    ephemeral_text, ciphertext = _fields(sealed, 2)
    ephemeral_public = _unb64(ephemeral_text)
    try:
        shared = X25519PrivateKey.from_private_bytes(private_key).exchange(
            X25519PublicKey.from_public_bytes(ephemeral_public)
        )
    except ValueError as error:
        raise WrongKey from error
    return decrypt(subkey(shared, "sealed to an account"), _unb64(ciphertext), ephemeral_public)


def account_file_key(private_key: bytes, purpose: str) -> bytes:
    """A key only the holder of an account's private key can make (its X25519 key agreed with itself): for a file
    one person writes on one laptop of the station and opens on another, where the account has synced."""
    private = X25519PrivateKey.from_private_bytes(private_key)
    return subkey(private.exchange(private.public_key()), purpose)


def new_recovery_key() -> str:
    """A recovery key as printed: 13 groups of 4 letters and digits."""
    characters = "".join(secrets.choice(_RECOVERY_ALPHABET) for _ in range(4 * _RECOVERY_GROUPS))
    return "-".join(characters[start : start + 4] for start in range(0, len(characters), 4))


_CITY_MARK = "CITY"


def city_recovery_code(database_key: bytes) -> str:
    """The database key as the city reads it out to a station that lost every password and its recovery sheet:
    CITY and 13 groups of 4 (base32), typed into 忘记密码 like a recovery key."""
    characters = _CITY_MARK + base64.b32encode(database_key).decode("ascii").rstrip("=")
    return "-".join(characters[start : start + 4] for start in range(0, len(characters), 4))


def new_city_recovery_keys(passphrase: bytes) -> tuple[str, bytes]:
    """The city's recovery key pair: the public key (base64, for the server's configuration) and the private key
    as an encrypted PEM file's bytes (kept by the city, opened with ``passphrase``)."""
    private = X25519PrivateKey.generate()
    public = private.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    pem = private.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(passphrase),
    )
    return _b64(public), pem


def open_city_slot(pem: bytes, passphrase: bytes, sealed: str) -> bytes:
    """The database key sealed to the city (keyslots.json's ``city``), with the city's private key file."""
    try:
        private = serialization.load_pem_private_key(pem, passphrase)
    except (ValueError, TypeError) as error:
        raise WrongKey from error
    if not isinstance(private, X25519PrivateKey):
        raise WrongKey
    raw = private.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )
    return open_sealed(raw, sealed)


def recovery_secret(text: str) -> bytes:
    """The key a typed recovery key (or the city's recovery code) stands for; WrongKey when it cannot be one (a
    typo, a missing group)."""
    # NFKC: typed with a Chinese input method in full-width mode (ＴＱＮＴ－９７ＷＹ), as enrolment codes are read.
    characters = "".join(character for character in unicodedata.normalize("NFKC", text).upper() if character.isalnum())
    if characters.startswith(_CITY_MARK) and len(characters) == len(_CITY_MARK) + 4 * _RECOVERY_GROUPS:
        try:
            return base64.b32decode(characters[len(_CITY_MARK) :] + "====")
        except ValueError as error:
            raise WrongKey from error
    if len(characters) != 4 * _RECOVERY_GROUPS or any(c not in _RECOVERY_ALPHABET for c in characters):
        raise WrongKey
    return subkey(characters.encode("ascii"), "recovery key")
