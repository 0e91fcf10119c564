"""``heze-station-server`` as an administrator uses it: stations, codes, devices, reference data."""

import json
import re
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from heze_station.server.cli import openapi_document
from heze_station.server.config import Settings
from heze_station.server.db import Database
from heze_station.server.models import SupervisorAccount
from heze_station.server.web import accounts

from .client import DeviceClient
from .conftest import run_server_command, serve_in_thread


def test_an_administrator_sets_up_a_station_enrols_a_device_and_revokes_it(settings: Settings, tmp_path: Path) -> None:
    # A right-to-left mark would reverse every heading that shows the name; refused, nothing made.
    code, _, err = run_server_command(settings, "create-station", "\u202e城区驿站")
    assert code != 0
    assert "control or formatting characters" in err
    code, out, err = run_server_command(settings, "create-station", "城区驿站")
    assert code == 0, err
    station_id = out.strip()
    code, out, err = run_server_command(settings, "enrol-code", "城区驿站")
    assert code == 0, err
    enrolment_code = out.strip()
    assert "once" in err

    database = Database(settings)
    running, thread, url = serve_in_thread(settings, database)
    try:
        # A name that would forge a row of the listing below (or hide its state) is refused, and the code kept.
        forged = {"code": enrolment_code, "device_name": "笔记本\t-\tactive\n伪造设备\x1b[8m"}
        refused = httpx.post(f"{url}/v1/enrol", json=forged)
        assert refused.status_code == 422
        assert "control characters" in refused.text
        device = DeviceClient.enrol(url, enrolment_code, "前台电脑")
        assert device.station_id == station_id
        code, listing, err = run_server_command(settings, "list-devices")
        assert device.device_id in listing
        assert "城区驿站" in listing
        assert "active" in listing

        code, out, err = run_server_command(settings, "revoke-device", device.device_id)
        assert code == 0, err
        assert device.http.get("/v1/sync/changes").json()["error"]["code"] == "device_revoked"
        assert "revoked" in run_server_command(settings, "list-devices")[1]
    finally:
        running.should_exit = True
        thread.join()
        database.close()


def test_reference_data_is_imported_from_a_file(settings: Settings, tmp_path: Path) -> None:
    run_server_command(settings, "create-station", "开发区驿站")
    document = {
        "employers": [{"kind": "company", "credit_code": "91371700MA3CXXXX1X", "name": "菏泽建工集团"}],
        "calendar": [{"day": "2027-01-01", "kind": "holiday", "source": "国务院办公厅"}],
        "clues": [{"platform_ref": "GZQX-1", "station": "开发区驿站", "worker_name": "王五", "amount_fen": 100}],
    }
    file = tmp_path / "reference.json"
    file.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")

    code, out, err = run_server_command(settings, "import-reference", str(file))

    assert code == 0, err
    assert json.loads(out) == {
        "employer": 1, "project": 0, "calendar_day": 1, "calendar_year": 0, "document_template": 0, "wage_clue": 1
    }  # fmt: skip


def test_mistakes_are_told_plainly_and_change_nothing(settings: Settings, tmp_path: Path) -> None:
    run_server_command(settings, "create-station", "城区驿站")
    twice = run_server_command(settings, "create-station", "城区驿站")
    unknown = run_server_command(settings, "enrol-code", "没有这个驿站")
    bad_file = tmp_path / "bad.json"
    bad_file.write_text('{"clues": [{"platform_ref": "X", "station": "没有这个驿站"}]}', encoding="utf-8")
    bad_import = run_server_command(settings, "import-reference", str(bad_file))
    bad_id = run_server_command(settings, "revoke-device", "not-a-uuid")
    mistyped = tmp_path / "mistyped.json"
    clue = {"platform_ref": "X", "station": "城区驿站", "worker_name": "王小五", "worker_phone": "13900000000"}
    mistyped.write_text(json.dumps({"clues": clue}, ensure_ascii=False), encoding="utf-8")  # one clue, not a list
    bad_value = run_server_command(settings, "import-reference", str(mistyped))

    assert twice[0] == 1
    assert "exists already" in twice[2]
    assert unknown[0] == 1
    assert "No station named" in unknown[2]
    assert bad_import[0] == 1
    assert "names no known station" in bad_import[2]
    assert bad_id[0] == 2
    assert bad_value[0] == 1
    assert "clues: Input should be a valid array" in bad_value[2]
    assert "王小五" not in bad_value[2], "a worker's data stays out of the terminal and the journal"
    assert "13900000000" not in bad_value[2]
    assert "Traceback" not in twice[2] + unknown[2] + bad_import[2] + bad_id[2]


def test_the_published_openapi_document_is_current() -> None:
    """docs/openapi.json is the contract for client writers: regenerate it with `heze-station-server openapi`."""
    published = Path(__file__).resolve().parents[2] / "docs" / "openapi.json"
    assert published.read_text(encoding="utf-8") == openapi_document()


def test_a_supervisor_account_is_made_from_a_password_file_and_signs_in_to_the_city_page(
    settings: Settings, tmp_path: Path, monkeypatch
) -> None:
    run_server_command(settings, "create-station", "城区驿站")
    secret = tmp_path / "password"
    secret.write_bytes("督导的密码 2026 winter\r\n".encode("utf-8-sig"))  # as Windows Notepad saves it
    monkeypatch.setenv("HEZE_SERVER_SUPERVISOR_PASSWORD_FILE", str(secret))
    code, _, err = run_server_command(settings, "create-supervisor", "市局督导")
    assert code == 0, err
    assert "exists already" in run_server_command(settings, "create-supervisor", "市局督导")[2]
    secret.write_text("short\n", encoding="utf-8")
    assert "at least 12 characters" in run_server_command(settings, "create-supervisor", "另一位")[2]
    secret.write_text("qwertyuiop123\n", encoding="utf-8")  # long enough, and among a thief's first guesses
    code, _, err = run_server_command(settings, "create-supervisor", "另一位")
    assert code != 0
    assert "one of the passwords people use most" in err
    code, _, err = run_server_command(settings, "set-district", "城区驿站", "牡丹区")
    assert code == 0, err
    secret.write_text("督导的密码 2026 winter\n", encoding="utf-8")
    code, _, err = run_server_command(settings, "create-supervisor", "区局督导", "--district", "牡丹去")  # a typo
    assert "no station is in '牡丹去' yet" in err
    code, out, err = run_server_command(settings, "set-supervisor-district", "区局督导", "牡丹区")
    assert (code, out.strip()) == (0, "区局督导: 牡丹区"), err  # what the district scope does: test_hostile_web

    database = Database(settings)
    running, thread, url = serve_in_thread(settings, database)
    try:
        with httpx.Client(base_url=url) as browser:
            form = browser.get("/city/sign-in")
            csrf = re.search(r'name="csrf" value="([^"]+)"', form.text)[1]
            signed = browser.post(
                "/city/sign-in", data={"csrf": csrf, "name": "市局督导", "password": "督导的密码 2026 winter"}
            )
            assert signed.status_code == 303
            cookie = signed.headers["set-cookie"]
            assert "HttpOnly" in cookie
            assert "SameSite=strict" in cookie
            stations = browser.get("/city/")
            assert "牡丹区" in stations.text
        with database.transaction() as session:
            assert sorted(session.scalars(select(SupervisorAccount.district)), key=str) == [None, "牡丹区"]
    finally:
        running.should_exit = True
        thread.join()
        database.close()


def test_a_supervisors_leaked_password_is_replaced_and_one_who_left_is_removed_their_sessions_ending(
    settings: Settings, tmp_path: Path, monkeypatch
) -> None:
    secret = tmp_path / "password"
    secret.write_text("督导的密码 2026 winter\n", encoding="utf-8")
    monkeypatch.setenv("HEZE_SERVER_SUPERVISOR_PASSWORD_FILE", str(secret))
    for name in ("市局督导", "牡丹区督导"):
        assert run_server_command(settings, "create-supervisor", name)[0] == 0
    database = Database(settings)
    try:

        def session_of(name: str, password: str) -> str | None:
            with database.transaction() as session:
                signed = accounts.sign_in(session, name, password)
            return signed[0] if signed else None

        def live(token: str) -> bool:
            with database.transaction() as session:
                return accounts.signed_in(session, token) is not None

        leaked, left = (
            session_of("市局督导", "督导的密码 2026 winter"),
            session_of("牡丹区督导", "督导的密码 2026 winter"),
        )
        secret.write_text("another long pass phrase 9\n", encoding="utf-8")
        code, out, err = run_server_command(settings, "reset-supervisor-password", "市局督导")
        assert code == 0, err
        assert "1 session(s) ended" in out
        assert not live(leaked)
        assert session_of("市局督导", "督导的密码 2026 winter") is None
        assert session_of("市局督导", "another long pass phrase 9") is not None
        code, _, err = run_server_command(settings, "reset-supervisor-password", "市局督导")  # the same one again
        assert code != 0
        assert "the password the account has now" in err

        code, out, err = run_server_command(settings, "remove-supervisor", "牡丹区督导")
        assert code == 0, err
        assert not live(left)
        assert session_of("牡丹区督导", "督导的密码 2026 winter") is None
        code, _, err = run_server_command(settings, "remove-supervisor", "牡丹区督导")
        assert code != 0
        assert "There is no supervisor named '牡丹区督导'" in err
    finally:
        database.close()


@pytest.mark.parametrize("backend", ["sqlite"])
def test_the_servers_database_and_folder_are_readable_by_its_user_alone(settings: Settings) -> None:
    """Whatever the umask of the shell or the service that starts it: the database holds the stations' cases."""
    code, _, err = run_server_command(settings, "create-station", "城区驿站")
    assert code == 0, err
    written = [settings.data_dir, *settings.data_dir.rglob("*")]
    assert any(path.suffix == ".sqlite3" for path in written)
    assert {oct(path.stat().st_mode & 0o077) for path in written} == {"0o0"}
