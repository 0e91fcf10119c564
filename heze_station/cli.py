"""The ``heze-station`` command: parse the arguments, then start the GUI (or verify a document).

Qt is imported only after the arguments are understood, so ``--version`` and ``--help`` answer instantly and a
machine without a display gets advice instead of Qt's abort.
"""

import argparse
import logging
import os
import sys
from pathlib import Path

from . import __version__, logs, paths

# ``heze-station verify`` exit codes.
VERIFY_GENUINE = 0  # signature valid, document known, unchanged
VERIFY_NOT_CONFIRMED = 1  # at least one of the three failed; the output says which
VERIFY_UNREADABLE = 2  # the file could not be read at all (also argparse's code for wrong arguments)

# A file, not the command line or an environment variable, so the password never shows in `ps` or a shell history.
PASSWORD_FILE_VARIABLE = "HEZE_STATION_PASSWORD_FILE"
CITY_PASSPHRASE_FILE_VARIABLE = "HEZE_CITY_RECOVERY_PASSPHRASE_FILE"

NO_DISPLAY_ADVICE = """heze-station needs a graphical display, and this machine has none (DISPLAY is not set).
Start it under a virtual display instead:

    xvfb-run -a {command}

or, to check that it starts without drawing anything, set QT_QPA_PLATFORM=offscreen.
"""


def parse_arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="heze-station", description="菏谐驿站 labour-dispute mediation desktop")
    parser.add_argument("--data-dir", type=Path, default=None, help="folder of the station database")
    parser.add_argument("--demo", action="store_true", help="open a separate database filled with generated cases")
    parser.add_argument("--lang", choices=["zh_CN", "en"], default="zh_CN", help="language of the interface")
    parser.add_argument(
        "--smoke-test",
        action="store_true",
        help="print 'ready' at the sign-in window and exit; with --user, sign in and print 'loaded' when the main "
        "window shows the station's data",
    )
    parser.add_argument(
        "--user",
        metavar="LOGIN",
        default=None,
        help=f"sign in as LOGIN with the password in the first line of the file named by ${PASSWORD_FILE_VARIABLE}",
    )
    parser.add_argument("--version", action="version", version=f"heze-station {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    checker = commands.add_parser(
        "verify",
        help="check that a PDF document is a genuine, unaltered original of this station or, once it joined the "
        "city, of any station the city certified",
        description="Exit code 0: genuine; 1: not confirmed (the output says which check failed); 2: unreadable.",
    )
    checker.add_argument("file", type=Path, help="the PDF file to check")
    # SUPPRESS: given before or after the command, the option keeps its value.
    checker.add_argument("--data-dir", type=Path, default=argparse.SUPPRESS, help="folder of the station database")
    checker.add_argument("--lang", choices=["zh_CN", "en"], default=argparse.SUPPRESS, help="language of the report")
    made = commands.add_parser(
        "city-recovery-key",
        help="(the city) make the city's recovery key pair: the private key to FILE, the public key printed for "
        "the server's HEZE_SERVER_RECOVERY_PUBLIC_KEY",
    )
    made.add_argument("file", type=Path, help="where to write the private key (encrypted with a passphrase)")
    recovered = commands.add_parser(
        "city-recover",
        help="(the city) print the recovery code of a station whose passwords and recovery sheet are lost, from "
        "its keyslots.json and the city's private key; the station types it into 忘记密码",
    )
    recovered.add_argument("key", type=Path, help="the city's private recovery key file")
    recovered.add_argument("slots", type=Path, help="the station's keyslots.json (in its data folder)")
    reported = commands.add_parser(
        "report",
        help="write the station's return for a period (周调度, 月调度, 季总结) as .xlsx or PDF, signed in as --user "
        f"with the password in the file named by ${PASSWORD_FILE_VARIABLE}",
    )
    reported.add_argument(
        "--period", required=True, help="2026-W48 (a week), 2026-11 (a month), 2026-Q3, 2026, or 2026-11-01..2026-11-15"
    )
    reported.add_argument("--format", choices=["xlsx", "pdf"], default="xlsx", dest="file_format")
    reported.add_argument("--out", type=Path, required=True, help="the file to write")
    reported.add_argument("--data-dir", type=Path, default=argparse.SUPPRESS, help="folder of the station database")
    reported.add_argument("--lang", choices=["zh_CN", "en"], default=argparse.SUPPRESS, help="language of the return")
    reported.add_argument("--demo", action="store_true", default=argparse.SUPPRESS, help="the demo station")
    reported.add_argument("--user", metavar="LOGIN", default=argparse.SUPPRESS, help="the account to sign in as")
    return parser.parse_args(argv)


def _passphrase() -> bytes:
    """The city key's passphrase: the first line of the file named by CITY_PASSPHRASE_FILE_VARIABLE, or asked."""
    name = os.environ.get(CITY_PASSPHRASE_FILE_VARIABLE)
    if name:
        lines = Path(name).read_text(encoding="utf-8").splitlines()
        return (lines[0] if lines else "").encode()
    import getpass

    return getpass.getpass("passphrase of the city's recovery key: ").encode()


def city_recovery_key(file: Path) -> int:
    from .storage import keys

    if file.exists():
        print(f"{file} exists already; the city's recovery key is made once", file=sys.stderr)
        return 1
    public, pem = keys.new_city_recovery_keys(_passphrase())
    file.write_bytes(pem)
    print(public)
    return 0


def city_recover(key_file: Path, slots_file: Path) -> int:
    from .storage import keys, keyslots

    try:
        slots = keyslots.read(slots_file)
        if slots.city is None:
            print(
                f"{slots_file}: no slot for the city (it has not synced since the city's key was set)", file=sys.stderr
            )
            return 1
        print(keys.city_recovery_code(keys.open_city_slot(key_file.read_bytes(), _passphrase(), slots.city[1])))
    except (OSError, keyslots.SlotsUnreadable) as error:
        print(f"{slots_file}: cannot be read ({error})", file=sys.stderr)
        return 1
    except keys.WrongKey:
        print("the passphrase is wrong, or this station's slot was sealed to another city key", file=sys.stderr)
        return 1
    return 0


def verify_file(file: Path, data_dir: Path, language: str) -> int:
    # Imported here: the signing and PDF libraries would otherwise slow every start of the window.
    from PySide6.QtCore import QCoreApplication

    from .documents import trust, verify
    from .services import document_index
    from .ui import i18n

    application = QCoreApplication.instance() or QCoreApplication(sys.argv[:1])
    i18n.install(application, language)
    try:
        pdf = file.read_bytes()
    except OSError as error:
        print(f"{file}: {error.strerror or error}", file=sys.stderr)
        return VERIFY_UNREADABLE
    # pyHanko logs why a signature failed, with tracebacks; the verdict already says it in words.
    logging.getLogger("pyhanko").addHandler(logging.NullHandler())
    logging.getLogger("pyhanko").propagate = False
    # Issued documents as the station recorded them: document id -> SHA-256 of the PDF it issued.
    lookup = document_index.station_lookup(data_dir)
    # The city's roots and revocations as the last sync left them, and this laptop's own key.
    verdict = verify.verify(pdf, lookup, trust.read(data_dir))
    print(file)
    for line in verdict.report(i18n.render):
        print(line)
    return VERIFY_GENUINE if verdict.genuine else VERIFY_NOT_CONFIRMED


def report_file(arguments: argparse.Namespace, data_dir: Path) -> int:
    """`heze-station report`: 0 when the return was written; 1, with the reason, when not."""
    from PySide6.QtCore import QCoreApplication

    from .domain import periods
    from .domain.errors import DomainError
    from .services import accounts, returns
    from .ui import i18n

    application = QCoreApplication.instance() or QCoreApplication(sys.argv[:1])
    i18n.install(application, arguments.lang)
    if arguments.user is None:
        print(f"report: give --user LOGIN and the password file in ${PASSWORD_FILE_VARIABLE}", file=sys.stderr)
        return 1
    try:
        period = periods.parse(arguments.period)
        context = accounts.sign_in(data_dir, arguments.user, _password(arguments.user) or "")
    except DomainError as error:
        print(f"report: {i18n.render(error.message)}", file=sys.stderr)
        return 1
    try:
        result = returns.export_return(
            context, period, returns.ReturnFormat(arguments.file_format), arguments.out, i18n.domain_text
        )
    except DomainError as error:
        print(f"report: {i18n.render(error.message)}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"report: {arguments.out}: {error.strerror or error}", file=sys.stderr)
        return 1
    finally:
        context.close()
    print(f"{arguments.out}: {result.station_name} {period.code}")
    return 0


def _has_display() -> bool:
    if sys.platform != "linux" or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _password(user: str | None) -> str | None:
    """The first line of the password file for ``--user``; exits with a message when there is none."""
    if user is None:
        return None
    name = os.environ.get(PASSWORD_FILE_VARIABLE)
    if not name:
        sys.exit(f"--user {user}: set {PASSWORD_FILE_VARIABLE} to a file whose first line is the password")
    try:
        lines = Path(name).read_text(encoding="utf-8").splitlines()
    except OSError as error:
        sys.exit(f"{PASSWORD_FILE_VARIABLE}: {name}: {error.strerror or error}")
    return lines[0] if lines else ""


def _no_core_dumps() -> None:
    """A crash writes no core file: it would hold the decrypted pages and the database's key (security.md)."""
    try:
        import resource
    except ImportError:  # Windows writes none unless asked to
        return
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def main(argv: list[str] | None = None) -> int:
    arguments = parse_arguments(sys.argv[1:] if argv is None else argv)
    # What this program writes under the data folder (the database, attachments, documents) is for this user alone.
    os.umask(0o077)
    _no_core_dumps()
    logs.configure()
    if arguments.command == "verify":
        data_dir = arguments.data_dir or paths.default_data_dir()
        return verify_file(arguments.file, data_dir, arguments.lang)
    if arguments.command == "city-recovery-key":
        return city_recovery_key(arguments.file)
    if arguments.command == "city-recover":
        return city_recover(arguments.key, arguments.slots)
    if arguments.command == "report":
        data_dir = arguments.data_dir or paths.default_data_dir()
        return report_file(arguments, paths.demo_data_dir(data_dir) if arguments.demo else data_dir)
    if not _has_display():
        sys.stderr.write(NO_DISPLAY_ADVICE.format(command=" ".join(["heze-station", *sys.argv[1:]])))
        return 2
    data_dir = arguments.data_dir or paths.default_data_dir()
    if arguments.demo:
        data_dir = paths.demo_data_dir(data_dir)

    password = _password(arguments.user)

    from .ui.app import run

    return run(
        data_dir=data_dir,
        demo=arguments.demo,
        language=arguments.lang,
        smoke_test=arguments.smoke_test,
        user=arguments.user,
        password=password,
    )
