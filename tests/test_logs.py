"""The station's log shows what failed and where, never what a record held (PIPL: no ID numbers, names, phones)."""

import io
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from heze_station.logs import PrivateFormatter
from heze_station.storage.database import create_sqlite_engine

ID_NUMBER, NAME = "370102199001011234", "王秘密"


def logged(error: BaseException) -> str:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(PrivateFormatter("%(levelname)s %(message)s"))
    logger = logging.getLogger("test.private")
    logger.addHandler(handler)
    try:
        logger.error("something failed", exc_info=error)
    finally:
        logger.removeHandler(handler)
    return stream.getvalue()


def test_an_exception_is_logged_by_kind_and_place_never_by_its_message() -> None:
    def fail() -> None:
        try:
            {}[ID_NUMBER]
        except KeyError as error:
            raise ValueError(f"{NAME} is not a worker") from error

    with pytest.raises(ValueError, match="not a worker") as raised:
        fail()
    text_logged = logged(raised.value)

    assert "ERROR something failed" in text_logged
    assert "builtins.ValueError (its message is not logged)" in text_logged
    assert "builtins.KeyError (its message is not logged)" in text_logged
    assert "in fail" in text_logged
    assert ID_NUMBER not in text_logged
    assert NAME not in text_logged


def test_a_database_refusal_never_shows_the_values_of_the_row(tmp_path: Path) -> None:
    engine = create_sqlite_engine(tmp_path / "station.sqlite3")
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE person (id_number TEXT UNIQUE)"))
        connection.execute(text("INSERT INTO person VALUES (:number)"), {"number": ID_NUMBER})
    with pytest.raises(IntegrityError) as raised, engine.begin() as connection:
        connection.execute(text("INSERT INTO person VALUES (:number)"), {"number": ID_NUMBER})
    engine.dispose()
    assert ID_NUMBER not in str(raised.value)
    assert "UNIQUE constraint failed: person.id_number" in str(raised.value)


def test_an_exception_nobody_caught_in_the_window_shows_no_personal_data(tmp_path: Path) -> None:
    """Raised in a Qt slot (a result delivered to the window), it went to Python's own hook, which printed its
    message to standard error: a crash of the workbench printed a worker's name and ID number."""
    script = tmp_path / "slot_fails.py"
    script.write_text(
        "import sys\n"
        "from PySide6.QtCore import QTimer\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from heze_station import logs\n"
        "logs.configure()\n"
        "application = QApplication(sys.argv[:1])\n"
        f"QTimer.singleShot(0, lambda: {{}}[{ID_NUMBER!r} + {NAME!r}])\n"
        "QTimer.singleShot(0, application.quit)\n"
        "application.exec()\n",
        encoding="utf-8",
    )
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(Path.cwd())}
    ran = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, env=environment, timeout=60)
    assert "builtins.KeyError (its message is not logged)" in ran.stderr
    assert "in <lambda>" in ran.stderr
    assert ID_NUMBER not in ran.stderr
    assert NAME not in ran.stderr


def test_the_program_writes_no_core_file_when_it_crashes(tmp_path: Path) -> None:
    """A core file would hold the decrypted pages and the database's key, left on the disk of a laptop."""
    probe = (
        "import resource; from heze_station import cli; cli.main(['verify', 'missing.pdf']); "
        "print(resource.getrlimit(resource.RLIMIT_CORE))"
    )
    ran = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=tmp_path, timeout=60,
                         env={**os.environ, "PYTHONPATH": str(Path.cwd())})  # fmt: skip
    assert ran.stdout.strip().splitlines()[-1] == "(0, 0)"
