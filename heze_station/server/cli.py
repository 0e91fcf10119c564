"""``heze-station-server``: run the city sync server and administer it.

    heze-station-server migrate                 bring the database to the current schema
    heze-station-server serve [--host --port]   migrate, then serve HTTP
    heze-station-server create-station NAME     a new station; prints its id
    heze-station-server enrol-code STATION      a one-time code that enrols one device for STATION (name or id)
    heze-station-server enrol-code --supervisor a one-time code for a city bureau supervisor client
    heze-station-server list-devices            every device, its station and state
    heze-station-server revoke-device DEVICE    revoke a device (a lost laptop) at once
    heze-station-server import-reference FILE   employers, projects, calendar, templates, clues (JSON)
    heze-station-server assign-case CASE STATION  share a case (and its rows) with another station
    heze-station-server restored                after restoring a backup: devices re-read from the start
    heze-station-server openapi                 print the API's OpenAPI document (docs/openapi.json)
    heze-station-server ca init [--name NAME]   create the city's document-signing authority (once)
    heze-station-server create-supervisor NAME [--district D]  an account for the supervision web page (/city/)
    heze-station-server set-supervisor-district NAME D  the district a supervisor sees; empty for the whole city
    heze-station-server set-district STATION DISTRICT  the district (区县) the supervision page groups it under

Settings come from the environment (``HEZE_SERVER_DATABASE_URL``, ``HEZE_SERVER_DATA_DIR``, ...; see config.py).
The signing authority's passphrase: ``--passphrase-file`` for ``ca init``, else ``HEZE_SERVER_CA_PASSPHRASE_FILE``
or ``HEZE_SERVER_CA_PASSPHRASE``; ``serve`` needs the same to certify laptops at enrolment. A supervisor's
password: the file named by ``HEZE_SERVER_SUPERVISOR_PASSWORD_FILE`` (first line), else asked twice at the terminal.
"""

import argparse
import gc
import getpass
import json
import logging
import os
import sys
import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cryptography.hazmat.primitives import hashes
from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.exc import DBAPIError

from ..domain.ids import new_id
from ..domain.text import invisible
from . import assignment, auth, ca, migrations, reference
from .config import Settings
from .db import Database
from .errors import ApiError
from .models import Device, ServerSetting, Station
from .web import accounts

if TYPE_CHECKING:
    from fastapi import FastAPI
    from sqlalchemy.orm import Session


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="heze-station-server", description="菏谐驿站 city sync server")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("migrate", help="bring the database to the current schema")
    serve = commands.add_parser("serve", help="migrate, then serve HTTP")
    serve.add_argument("--host", default=None)
    serve.add_argument("--port", type=int, default=None)
    serve.add_argument(
        "--forwarded-allow-ips",
        default=None,
        help="the reverse proxy's address(es), comma-separated: X-Forwarded-For from there names the real client "
        "(the throttle and the access log then count real clients, not the proxy)",
    )
    create = commands.add_parser("create-station", help="register a station")
    create.add_argument("name")
    code = commands.add_parser("enrol-code", help="issue a one-time enrolment code")
    who = code.add_mutually_exclusive_group(required=True)
    who.add_argument("station", nargs="?", help="station name or id")
    who.add_argument("--supervisor", action="store_true", help="a code for a city bureau supervisor client")
    commands.add_parser("list-devices", help="list enrolled devices")
    revoke = commands.add_parser("revoke-device", help="revoke a device")
    revoke.add_argument("device", type=uuid.UUID)
    cleared = commands.add_parser(
        "clear-audit-mismatch",
        help="after checking with the station why its audit trail stopped matching (e.g. a backup restored), "
        "clear the mark; later reports are compared with the head it sent last",
    )
    cleared.add_argument("device", type=uuid.UUID)
    load = commands.add_parser("import-reference", help="import reference data and clues from a JSON file")
    load.add_argument("file", type=Path)
    assign = commands.add_parser("assign-case", help="share a case with another station (escalation)")
    assign.add_argument("case", type=uuid.UUID)
    assign.add_argument("station", help="station name or id")
    commands.add_parser("restored", help="declare the database restored: every device re-reads from the start")
    commands.add_parser("openapi", help="print the OpenAPI document")
    authority = commands.add_parser("ca", help="the city's document-signing authority")
    authority_commands = authority.add_subparsers(dest="ca_command", required=True)
    create_ca = authority_commands.add_parser("init", help="create the signing authority (never replaces one)")
    create_ca.add_argument("--name", default=DEFAULT_CA_NAME, help="the city body named in the root certificate")
    create_ca.add_argument(
        "--passphrase-file", type=Path, default=None, help="a file whose first line is the key's passphrase"
    )
    supervisor = commands.add_parser("create-supervisor", help="an account for the supervision web page")
    supervisor.add_argument("name")
    supervisor.add_argument("--district", default=None, help="a district bureau's: sees that district's stations only")
    scope = commands.add_parser(
        "set-supervisor-district", help="the district a supervisor sees (a district bureau's); empty for the city"
    )
    scope.add_argument("name")
    scope.add_argument("district", help="the district's name, as set-district gives it to stations; empty: the city")
    password = commands.add_parser(
        "reset-supervisor-password", help="a new password for a supervisor (leaked, forgotten): ends their sessions"
    )
    password.add_argument("name")
    removed = commands.add_parser("remove-supervisor", help="a supervisor who left: the account and its sessions end")
    removed.add_argument("name")
    district = commands.add_parser("set-district", help="the district a station belongs to (supervision page)")
    district.add_argument("station", help="station name or id")
    district.add_argument("district", help="the district's name; empty to clear it")
    return parser


DEFAULT_CA_NAME = "菏泽市劳动人事争议调解"


def _init_ca(arguments: argparse.Namespace, settings: Settings) -> int:
    if arguments.passphrase_file is not None:
        settings = settings.model_copy(update={"ca_passphrase_file": arguments.passphrase_file})
    passphrase = ca.passphrase(settings)
    if passphrase is None:
        raise ca.CaError("Give the passphrase with --passphrase-file or HEZE_SERVER_CA_PASSPHRASE_FILE.")
    certificate = ca.init(settings.ca_folder, passphrase, arguments.name)
    print(settings.ca_folder / ca.CERTIFICATE_FILE)
    print(f"SHA-256 fingerprint {certificate.fingerprint(hashes.SHA256()).hex(':')}", file=sys.stderr)
    return 0


def _find_station(database: Database, name_or_id: str) -> Station:
    with database.transaction() as session:
        try:
            station = session.get(Station, uuid.UUID(name_or_id))
        except ValueError:
            station = session.scalars(select(Station).where(Station.name == name_or_id)).one_or_none()
    if station is None:
        raise ApiError(404, "unknown_station", f"No station named {name_or_id!r}; create it with create-station.")
    return station


def _run(arguments: argparse.Namespace, settings: Settings) -> int:
    if arguments.command == "serve":
        return _serve(arguments, settings)
    if arguments.command == "openapi":
        sys.stdout.write(openapi_document())
        return 0
    if arguments.command == "ca":
        return _init_ca(arguments, settings)
    database = Database(settings)
    try:
        migrations.upgrade(database.engine)
        if arguments.command == "migrate":
            print(f"database at the current schema: {database.engine.url.render_as_string(hide_password=True)}")
        elif arguments.command == "create-station":
            with database.transaction() as session:
                name = _shown_name(arguments.name)
                if session.scalars(select(Station).where(Station.name == name)).first():
                    raise ApiError(409, "station_exists", f"A station named {name!r} exists already.")
                station = Station(id=new_id(), name=name)
                session.add(station)
            print(station.id)
        elif arguments.command == "enrol-code":
            station = None if arguments.supervisor else _find_station(database, arguments.station)
            role = auth.SUPERVISOR_ROLE if arguments.supervisor else auth.STATION_ROLE
            with database.transaction() as session:
                issued = auth.issue_enrolment_code(session, settings, station.id if station else None, role)
            print(issued.code)
            print(f"valid until {issued.expires_at.isoformat(timespec='minutes')}, once", file=sys.stderr)
        elif arguments.command == "list-devices":
            _list_devices(database)
        elif arguments.command == "revoke-device":
            with database.transaction() as session:
                device = auth.revoke_device(session, arguments.device)
            print(f"revoked {device.id} ({_printable(device.name)})")
        elif arguments.command == "clear-audit-mismatch":
            with database.transaction() as session:
                device = auth.clear_audit_mismatch(session, arguments.device)
            print(f"audit trail of {device.id} ({_printable(device.name)}) accepted from seq {device.audit_seq}")
        elif arguments.command == "import-reference":
            document = reference.ReferenceFile.model_validate_json(arguments.file.read_bytes())
            with database.transaction() as session:
                report = reference.import_reference(session, document)
            print(json.dumps(report.counts, ensure_ascii=False))
            for clash in report.clashes:
                print(f"not imported: {clash}", file=sys.stderr)
            if report.clashes:
                return 1  # everything else is imported; the clashes need the city's attention
        elif arguments.command == "restored":
            with database.transaction() as session:
                setting = session.get(ServerSetting, "server_id")
                assert setting is not None
                setting.value = str(uuid.uuid4())
            print(f"new server id {setting.value}: devices will re-read everything and push what they still hold")
        elif arguments.command == "create-supervisor":
            password = _supervisor_password()
            with database.transaction() as session:
                district = _shown_name(arguments.district or "")
                account = accounts.create_supervisor(session, _shown_name(arguments.name), password, district)
                _warn_if_no_station_in(session, account.district)
            print(account.id)
        elif arguments.command == "set-supervisor-district":
            with database.transaction() as session:
                account = accounts.set_district(session, arguments.name, _shown_name(arguments.district))
                _warn_if_no_station_in(session, account.district)
            print(f"{_printable(account.name)}: {account.district or 'the whole city'}")
        elif arguments.command == "reset-supervisor-password":
            password = _supervisor_password()
            with database.transaction() as session:
                ended = accounts.reset_password(session, arguments.name, password)
            print(f"new password for {_printable(arguments.name.strip())}; {ended} session(s) ended")
        elif arguments.command == "remove-supervisor":
            with database.transaction() as session:
                ended = accounts.remove_supervisor(session, arguments.name)
            print(f"removed {_printable(arguments.name.strip())}; {ended} session(s) ended")
        elif arguments.command == "set-district":
            station = _find_station(database, arguments.station)
            with database.transaction() as session:
                session.get(Station, station.id).district = _shown_name(arguments.district) or None
            print(f"{station.name}: {arguments.district.strip() or 'no district'}")
        elif arguments.command == "assign-case":
            station = _find_station(database, arguments.station)
            with database.transaction() as session:
                shared = assignment.assign_case(session, arguments.case, station.id)
            print(f"{station.name} now sees the case and {shared - 1 if shared else 0} of its rows")
    finally:
        database.close()
    return 0


def _warn_if_no_station_in(session: "Session", district: str | None) -> None:
    """A district no station is in yet (a typo, or the stations not put in it yet): the supervisor would see none."""
    if district is not None and not session.scalar(select(Station.id).where(Station.district == district).limit(1)):
        print(f"note: no station is in {district!r} yet; set-district puts stations in it", file=sys.stderr)


SUPERVISOR_PASSWORD_FILE = "HEZE_SERVER_SUPERVISOR_PASSWORD_FILE"


def _supervisor_password() -> str:
    """The new supervisor's password: a file's first line (never the command line, which other users see)."""
    named = os.environ.get(SUPERVISOR_PASSWORD_FILE)
    if named:
        # utf-8-sig: a file saved by Windows Notepad begins with a byte-order mark, which is no part of the password.
        lines = Path(named).read_text(encoding="utf-8-sig").splitlines()
        return lines[0] if lines else ""
    password = getpass.getpass("Password: ")
    if getpass.getpass("Password again: ") != password:
        raise ApiError(422, "passwords_differ", "The two passwords differ; nothing was created.")
    return password


def _shown_name(name: str) -> str:
    """A name the pages, the returns and the stations show (a station, a district, a supervisor): refused with a
    message when it holds control or formatting characters, such as a right-to-left mark that reverses the rest of
    a page's heading ("2026年12月" read as "21月6202")."""
    name = name.strip()
    if any(invisible(character) for character in name):
        raise ApiError(422, "invalid_name", "A name must not hold control or formatting characters (tabs, marks).")
    return name


def _printable(name: str) -> str:
    """A name as one cell of a printed row: control characters shown escaped (names enrolled by an older server
    may hold them), so that none can forge a row or hide the state after it."""
    return "".join(
        character.encode("unicode_escape").decode("ascii") if invisible(character) else character for character in name
    )


def _list_devices(database: Database) -> None:
    with database.transaction() as session:
        rows = session.execute(
            select(Device, Station.name).outerjoin(Station, Station.id == Device.station_id).order_by(Device.created_at)
        ).all()
    print("device_id\trole\tstation\tname\tlast_sync_at\tstate")
    for device, station_name in rows:
        state = f"revoked {device.revoked_at.isoformat(timespec='seconds')}" if device.revoked_at else "active"
        if device.audit_mismatch_since:
            state += f", audit trail altered since {device.audit_mismatch_since.isoformat(timespec='seconds')}"
        last = device.last_sync_at.isoformat(timespec="seconds") if device.last_sync_at else "-"
        print(
            f"{device.id}\t{device.role}\t{_printable(station_name or '-')}\t{_printable(device.name)}\t{last}\t{state}"
        )


def _serve(arguments: argparse.Namespace, settings: Settings) -> int:
    import uvicorn

    from .app import create_app

    database = Database(settings)
    migrations.upgrade(database.engine)
    database.close()
    allowed = arguments.forwarded_allow_ips or settings.forwarded_allow_ips
    options: dict[str, Any] = {
        "host": arguments.host or settings.host,
        "port": arguments.port or settings.port,
        "proxy_headers": bool(allowed),
        "forwarded_allow_ips": allowed or "127.0.0.1",
        "log_level": "warning",
        "access_log": False,  # ours is structured (app.AccessLog)
    }
    if settings.workers > 1:
        # Each worker process builds its own app (and pool) from the same environment: the scale-out of
        # deployment.md on one socket, so that a push's Python work is not held to one core.
        uvicorn.run(f"{__name__}:{worker_app.__name__}", factory=True, workers=settings.workers, **options)
        return 0
    _log_access_to_stderr()
    uvicorn.run(_long_lived(create_app(settings)), **options)
    return 0


def worker_app() -> "FastAPI":
    """The app of one of several worker processes (``HEZE_SERVER_WORKERS``), its settings from the environment."""
    from .app import create_app

    _log_access_to_stderr()
    return _long_lived(create_app(Settings()))


def _long_lived(app: "FastAPI") -> "FastAPI":
    """The app, with every object made so far (modules, routes, schemas: a few hundred thousand) set aside from
    the garbage collector for good. They live as long as the process; left in, each full collection walked them all
    again, about 100 ms every few dozen pushes (up to a quarter of a push's time in the benchmark)."""
    gc.collect()
    gc.freeze()
    return app


def _log_access_to_stderr() -> None:
    """The access log's JSON lines on standard error, one per request (systemd's journal or a container's log)."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(message)s"))
    access = logging.getLogger("heze_station.server.access")
    access.addHandler(handler)
    access.setLevel(logging.INFO)
    access.propagate = False


def openapi_document() -> str:
    from .app import create_app

    # The API's description needs no signing authority (an administrator's may be locked on this machine).
    return json.dumps(create_app(Settings(ca_dir=Path(os.devnull))).openapi(), ensure_ascii=False, indent=2) + "\n"


def main(argv: list[str] | None = None) -> int:
    arguments = _parser().parse_args(sys.argv[1:] if argv is None else argv)
    # The SQLite database, the authority's key and the files the commands write are the server's user's alone.
    os.umask(0o077)
    try:
        return _run(arguments, Settings())
    except ApiError as error:
        print(f"error: {error.message}", file=sys.stderr)
        return 1
    except ca.CaError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except ValidationError as error:
        print(f"error: {_invalid(error)}", file=sys.stderr)
        return 1
    except (OSError, DBAPIError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1


def _invalid(error: ValidationError) -> str:
    """Where a file is wrong and why, without the values: pydantic quotes them, and a clue's are a worker's name
    and phone, which would stay in the terminal or the journal."""
    return "; ".join(
        f"{'.'.join(map(str, problem['loc']))}: {problem['msg']}"
        for problem in error.errors(include_input=False, include_url=False)
    )
