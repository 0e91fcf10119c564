"""The station's log shows what failed and where, never what a record held (PIPL: no ID numbers, names, phones)."""

import io
import logging
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
