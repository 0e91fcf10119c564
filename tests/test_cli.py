"""The installed ``heze-station`` command, run as a person would run it: real processes, real data folders."""

import os
import stat
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from heze_station import __version__, paths
from heze_station.domain.accounts import StaffRole
from heze_station.paths import DATABASE_FILE
from heze_station.services import accounts
from heze_station.services.document_index import DOCUMENTS_INDEX
from heze_station.storage.database import create_sqlite_engine
from heze_station.storage.keyslots import SLOTS_FILE
from heze_station.ui.temp_folder import TEMP_DIR
from tests import stations
from tests.stations import ADMINISTRATOR, database_key, set_up

COMMAND = Path(sys.executable).parent / "heze-station"
TIMEOUT = 120


def environment(tmp_path: Path, **extra: str) -> dict[str, str]:
    """The caller's environment without any display, with home and XDG folders inside the test's folder."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"} and not key.startswith("XDG_")
    }
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    env.update(
        HOME=str(home),
        XDG_DATA_HOME=str(home / ".local/share"),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_CACHE_HOME=str(home / ".cache"),
        XDG_RUNTIME_DIR=str(tmp_path / "runtime"),
        PYTHONFAULTHANDLER="1",
    )
    (tmp_path / "runtime").mkdir(mode=0o700, exist_ok=True)
    env.update(extra)
    return env


def run(tmp_path: Path, *arguments: str, **extra_env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(COMMAND), *arguments],
        env=environment(tmp_path, **extra_env),
        cwd=tmp_path,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=TIMEOUT,
        check=False,
    )


def case_count(data_dir: Path, login: str = ADMINISTRATOR.login, password: str = ADMINISTRATOR.password) -> int:
    engine = create_sqlite_engine(data_dir / DATABASE_FILE, key=database_key(data_dir, login, password))
    try:
        with engine.connect() as connection:
            return connection.exec_driver_sql("SELECT count(*) FROM case_file").scalar_one()
    finally:
        engine.dispose()


def test_command_is_installed() -> None:
    assert COMMAND.exists()


def test_version(tmp_path: Path) -> None:
    result = run(tmp_path, "--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"heze-station {__version__}"
    assert result.stderr == ""


def test_help_answers_without_a_display(tmp_path: Path) -> None:
    result = run(tmp_path, "--help")
    assert result.returncode == 0
    assert "--smoke-test" in result.stdout
    assert "--data-dir" in result.stdout


@pytest.mark.skipif(sys.platform != "linux", reason="only Linux can lack a display")
def test_without_a_display_it_gives_advice_instead_of_aborting(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    result = run(tmp_path, "--data-dir", str(data_dir))
    assert result.returncode == 2
    assert "xvfb-run" in result.stderr
    assert "QT_QPA_PLATFORM=offscreen" in result.stderr
    assert "Traceback" not in result.stderr
    assert "qt.qpa" not in result.stderr  # Qt was never started
    assert result.stdout == ""
    assert not data_dir.exists()


@pytest.mark.parametrize(("language", "cases_page"), [("zh_CN", "案件"), ("en", "Cases")])
def test_interface_language_can_be_installed(tmp_path: Path, language: str, cases_page: str) -> None:
    code = (
        "import sys\n"
        "from PySide6.QtCore import QCoreApplication\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from heze_station.ui import i18n\n"
        "application = QApplication(sys.argv[:1])\n"
        "i18n.install(application, sys.argv[1])\n"
        "print(QCoreApplication.translate('MainWindow', 'Cases'))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, language],
        env=environment(tmp_path, QT_QPA_PLATFORM="offscreen"),
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 0
    assert result.stdout.strip() == cases_page


def set_up_station(data_dir: Path) -> None:
    """A station set up with tests/stations.py's details and administrator, and closed: under pytest a copy of the
    run's template, which was set up so (tests/stations.py Templates)."""
    if stations.templates is None:
        set_up(data_dir).context.close()
    else:
        stations.templates.copy_to(data_dir)


def signed_in(tmp_path: Path, data_dir: Path, *arguments: str, password: str = ADMINISTRATOR.password):
    """``--smoke-test --user``: signs in with the password from a file, as a script would."""
    password_file = tmp_path / "password.txt"
    password_file.write_text(password + "\n", encoding="utf-8")
    return run(
        tmp_path,
        "--smoke-test",
        "--data-dir",
        str(data_dir),
        *arguments,
        QT_QPA_PLATFORM="offscreen",
        HEZE_STATION_PASSWORD_FILE=str(password_file),
    )


def moments(result: subprocess.CompletedProcess[str]) -> list[str]:
    """What a smoke test printed, without the figure that changes from run to run."""
    return [line.split()[0] for line in result.stdout.splitlines()]


def test_smoke_test_of_a_new_folder_stops_at_the_setup_step(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    result = run(tmp_path, "--smoke-test", "--data-dir", str(data_dir), QT_QPA_PLATFORM="offscreen")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["ready"]
    assert "Traceback" not in result.stderr
    assert not (data_dir / DATABASE_FILE).exists()  # nothing is made until the setup step is filled in


def test_smoke_test_stops_at_the_sign_in_window(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    set_up_station(data_dir)
    result = run(tmp_path, "--smoke-test", "--data-dir", str(data_dir), QT_QPA_PLATFORM="offscreen")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["ready"]


def test_signs_in_with_the_password_file_and_reuses_the_database(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    set_up_station(data_dir)
    for _ in range(2):
        result = signed_in(tmp_path, data_dir, "--user", "admin")
        assert result.returncode == 0, result.stderr
        assert moments(result) == ["ready", "modules_imported", "signed_in", "sign_in_ms", "peak_rss_kib", "loaded"]
        assert "Traceback" not in result.stderr
    kept = sorted(p.name for p in data_dir.iterdir() if not p.name.endswith(("-wal", "-shm")))
    assert kept == [DOCUMENTS_INDEX, SLOTS_FILE, DATABASE_FILE, TEMP_DIR]
    assert not any((data_dir / TEMP_DIR).iterdir())  # each run's temporary folder went with it
    assert case_count(data_dir) == 0
    # Private to this computer's user: no one else on a shared laptop reads the records.
    assert stat.S_IMODE((data_dir / DATABASE_FILE).stat().st_mode) & 0o077 == 0


def test_a_wrong_password_is_refused_in_chinese(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    set_up_station(data_dir)
    result = signed_in(tmp_path, data_dir, "--user", "admin", password="wrong-password")
    assert result.returncode == 1
    assert "loaded" not in result.stdout
    assert "登录名或密码不正确" in result.stderr
    assert "Traceback" not in result.stderr


def test_user_without_a_password_file_says_what_it_needs(tmp_path: Path) -> None:
    data_dir = str(tmp_path / "data")
    result = run(tmp_path, "--smoke-test", "--user", "admin", "--data-dir", data_dir, QT_QPA_PLATFORM="offscreen")
    assert result.returncode == 1
    assert "HEZE_STATION_PASSWORD_FILE" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.slow(seconds=60)
# About a minute on an idle machine, past 100 s on a loaded one: more than pyproject.toml's two minutes for a stuck
# test must not end it.
@pytest.mark.timeout(240)
def test_demo_uses_its_own_folder_leaves_real_data_alone_and_is_filled_once(tmp_path: Path) -> None:
    # One test, because filling the demo is the slow part (about half a minute): the second start reuses the demo.
    real = tmp_path / "x"
    demo = paths.demo_data_dir(real)
    assert demo == tmp_path / "x-demo"
    result = signed_in(tmp_path, real, "--demo", "--user", "demo", password="demo")
    assert result.returncode == 0, result.stderr
    assert moments(result) == ["ready", "modules_imported", "signed_in", "sign_in_ms", "peak_rss_kib", "loaded"]
    assert not real.exists()
    assert (demo / DATABASE_FILE).is_file()
    filled = case_count(demo, "demo", "demo")
    assert filled > 0

    set_up_station(real)
    before = (real / DATABASE_FILE).read_bytes()
    result = signed_in(tmp_path, real, "--demo", "--user", "demo", password="demo")
    assert result.returncode == 0, result.stderr
    assert (real / DATABASE_FILE).read_bytes() == before
    assert case_count(real) == 0
    assert case_count(demo, "demo", "demo") == filled  # a filled demo is opened as it is, not filled again


def test_damaged_database_is_reported_without_a_traceback(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    set_up_station(data_dir)
    damaged = data_dir / DATABASE_FILE
    garbage = os.urandom(32 * 1024)
    damaged.write_bytes(garbage)
    result = signed_in(tmp_path, data_dir, "--user", "admin")
    assert result.returncode != 0
    assert "损坏" in result.stderr  # in Chinese, the default language
    assert str(damaged) in result.stderr
    assert "Traceback" not in result.stderr
    assert "loaded" not in result.stdout
    assert damaged.read_bytes() == garbage


def test_damaged_database_message_in_english(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    set_up_station(data_dir)
    (data_dir / DATABASE_FILE).write_bytes(b"this is not a database at all " * 100)
    result = signed_in(tmp_path, data_dir, "--lang", "en", "--user", "admin")
    assert result.returncode != 0
    assert "is damaged or is not a heze-station database" in result.stderr
    assert "Traceback" not in result.stderr


def test_database_from_a_newer_version_is_reported_without_a_traceback(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    set_up_station(data_dir)
    database = data_dir / DATABASE_FILE
    engine = create_sqlite_engine(database, key=database_key(data_dir))
    with engine.begin() as connection:
        connection.exec_driver_sql("UPDATE alembic_version SET version_num = '9999'")
    engine.dispose()
    before = database.read_bytes()
    result = signed_in(tmp_path, data_dir, "--lang", "en", "--user", "admin")
    assert result.returncode != 0
    assert "newer version" in result.stderr
    assert "Traceback" not in result.stderr
    assert database.read_bytes() == before


def modules_loaded_by(steps: str, tmp_path: Path, among: tuple[str, ...] = (), prefixes: tuple[str, ...] = ()) -> str:
    """Which modules a fresh interpreter holds after running ``steps``: those named in ``among`` and those whose
    names start with one of ``prefixes``, space-separated ("" for none)."""
    code = (
        f"import sys\n{steps}\n"
        f"print(' '.join(sorted(name for name in sys.modules if name in {among!r} or name.startswith({prefixes!r}))))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], env=environment(tmp_path), capture_output=True, text=True, timeout=TIMEOUT
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_the_window_appears_without_waiting_for_the_database_layer(tmp_path: Path) -> None:
    """Cold start: what the window needs before it is shown loads none of the ORM, the storage or the services
    (they load behind the shown window, ui/app.py); one import slipped into that path costs a visible delay."""
    steps = "import heze_station.cli, heze_station.ui.app"
    layers = ("sqlalchemy", "heze_station.storage", "heze_station.services", "heze_station.ui.views")
    assert modules_loaded_by(steps, tmp_path, prefixes=layers) == ""


def test_the_workbench_loads_without_the_sync_modules(tmp_path: Path) -> None:
    """Cold start: what the session loads before the workbench shows its data (the window's pages, the accounts,
    the start's checks) brings none of the sync: its service, storage, protocol messages (pydantic) and Qt's network
    library load after the first data (main_window: _after_first_load), off the path a person waits on."""
    steps = (
        "import heze_station.cli, heze_station.ui.app\n"
        "from heze_station.ui.main_window import load_station_pages\n"
        "load_station_pages()\n"
        "from heze_station.services import accounts, audit, health"
    )
    sync = ("heze_station.services.sync", "heze_station.storage.replica", "heze_station.sync.schemas")
    assert modules_loaded_by(steps, tmp_path, among=(*sync, "PySide6.QtNetwork"), prefixes=("pydantic",)) == ""


def test_the_workbench_loads_without_the_case_list(tmp_path: Path) -> None:
    """Cold start: the workbench's tiles name the case list's status filter choices (views.status_choice), not
    the case list page itself, which loads with its filter widgets at its first visit."""
    steps = "from heze_station.ui.main_window import load_station_pages\nload_station_pages()"
    page = ("heze_station.ui.views.case_list", "heze_station.ui.kit.inputs")
    assert modules_loaded_by(steps, tmp_path, among=page) == ""


def test_a_sign_in_loads_none_of_the_sync_modules(tmp_path: Path) -> None:
    """Cold start: a coordinator's sign-in asks whether the city revoked this laptop, and that question loads none
    of the sync (services.revocation answers it); the sync loads after the workbench's first data. Nor does it load
    the package the official calendar was seeded from once: the stored days are read."""
    folder = tmp_path / "station"
    station = set_up(folder).context
    accounts.add_account(station, accounts.NewAccount("李协调", "li", "li-password-3", StaffRole.COORDINATOR))
    station.close()
    steps = (
        "from pathlib import Path\n"
        "from heze_station.services import accounts\n"
        f"accounts.sign_in(Path({str(folder)!r}), 'li', 'li-password-3').close()"
    )
    sync = ("heze_station.services.sync", "heze_station.storage.replica", "heze_station.sync.tables")
    assert modules_loaded_by(steps, tmp_path, among=(*sync, "chinese_calendar")) == ""


def test_report_writes_the_monthly_return_signed_in_from_the_password_file(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from tests.factories import intake_form, register

    data_dir = tmp_path / "station"
    context = set_up(data_dir).context
    register(context, intake_form(12, received_on=date(2026, 11, 5)), date(2026, 11, 5))
    context.close()
    password_file = tmp_path / "password.txt"
    password_file.write_text(ADMINISTRATOR.password + "\n", encoding="utf-8")
    out = tmp_path / "2026年11月调度.xlsx"
    arguments = ("report", "--period", "2026-11", "--format", "xlsx", "--out", str(out), "--data-dir", str(data_dir))
    result = run(tmp_path, *arguments, "--user", ADMINISTRATOR.login, HEZE_STATION_PASSWORD_FILE=str(password_file))
    assert result.returncode == 0, result.stderr
    workbook = load_workbook(out)
    assert workbook.sheetnames[0] == "驿站工作指标"
    rows = {row[0]: row[1] for row in workbook["驿站工作指标"].iter_rows(min_row=3, values_only=True)}
    assert (rows["受理投诉"], rows["涉及劳动者"]) == (1, 12)

    wrong = run(
        tmp_path,
        *arguments[:2],
        "2026-13",
        *arguments[3:],
        "--user",
        ADMINISTRATOR.login,
        HEZE_STATION_PASSWORD_FILE=str(password_file),
    )
    assert wrong.returncode == 1
    assert "不是有效的期间" in wrong.stderr
    assert "Traceback" not in wrong.stderr
