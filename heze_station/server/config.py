"""Server settings, read from the environment (prefix ``HEZE_SERVER_``), with single-machine defaults.

Without ``HEZE_SERVER_DATABASE_URL`` the server keeps a SQLite file in ``HEZE_SERVER_DATA_DIR`` (by default the
platform's user data folder); production sets a PostgreSQL URL (``postgresql://user@host/db`` works as is).
"""

from functools import cached_property
from pathlib import Path

import platformdirs
from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from ..sync.hlc import MAX_AHEAD_MS
from ..sync.schemas import MAX_OPS_PER_PUSH, Limits


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="HEZE_SERVER_", frozen=True)

    database_url: str | None = None
    data_dir: Path = Field(default_factory=lambda: Path(platformdirs.user_data_dir("heze-station-server")))
    host: str = "127.0.0.1"
    port: int = 8080
    # The reverse proxy in front of the server (comma-separated addresses): X-Forwarded-For from it names the client.
    forwarded_allow_ips: str | None = None
    # Connections per server process (PostgreSQL); several processes share the database's max_connections.
    pool_size: int = 10
    # HTTP worker processes of ``serve`` on the one port, each with its own pool: a push's Python work runs on as
    # many cores (deployment.md).
    workers: int = Field(default=1, ge=1)
    # Each process counts the supervision page's first figures as it starts (web/pages.warm_up); off, the first
    # supervisor to visit a process waits for them.
    count_at_start: bool = True

    access_token_seconds: int = 900
    enrolment_code_hours: int = 72
    # Failed enrolment codes or credentials per client address before it must wait (brute-force throttle).
    auth_failures_allowed: int = 10
    auth_failure_window_seconds: int = 300

    max_request_bytes: int = 8 * 1024 * 1024
    max_page_rows: int = 1000
    max_page_bytes: int = 2 * 1024 * 1024
    max_attachment_bytes: int = 50 * 1024 * 1024
    max_chunk_bytes: int = 1024 * 1024
    # How far an operation's clock may run ahead of the server's: a time further ahead is refused (F7 stays fine:
    # stations stamp their changes by the server's time, see storage.replica.bound_clock).
    max_clock_ahead_seconds: int = MAX_AHEAD_MS // 1000
    # The city's recovery public key (base64 X25519, made by `heze-station city-recovery-key`): every station seals
    # its database key to it, so that the city can open a station whose passwords and recovery sheet are lost.
    recovery_public_key: str | None = None
    # Oldest station database revision whose rows this server understands.
    min_station_schema: str = "0002"

    # The city's document-signing authority (``heze-station-server ca init``); by default ``<data_dir>/ca``.
    ca_dir: Path | None = None
    # Its key's passphrase: a file (first line) is preferred to the variable, which other processes may read.
    ca_passphrase_file: Path | None = None
    ca_passphrase: SecretStr | None = None

    @property
    def ca_folder(self) -> Path:
        return self.ca_dir or self.data_dir / "ca"

    @cached_property
    def sqlalchemy_url(self) -> str:
        url = self.database_url or f"sqlite:///{self.data_dir / 'server.sqlite3'}"
        for plain in ("postgresql://", "postgres://"):
            if url.startswith(plain):
                return "postgresql+psycopg://" + url.removeprefix(plain)
        return url

    def limits(self) -> Limits:
        return Limits(
            max_ops_per_push=MAX_OPS_PER_PUSH,
            max_request_bytes=self.max_request_bytes,
            max_page_rows=self.max_page_rows,
            max_page_bytes=self.max_page_bytes,
            max_attachment_bytes=self.max_attachment_bytes,
            max_chunk_bytes=self.max_chunk_bytes,
            max_clock_ahead_ms=self.max_clock_ahead_seconds * 1000,
        )
