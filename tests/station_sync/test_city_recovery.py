"""A station whose passwords and recovery sheet are all lost: the city, which holds the recovery key every station
seals its database key to at sync, reads out a code that opens it (issue 13, 3)."""

import json
from pathlib import Path

import pytest

from heze_station import cli
from heze_station.domain.audit import AuditAction
from heze_station.server.config import Settings
from heze_station.services import accounts, audit, sync
from heze_station.storage.keyslots import SLOTS_FILE
from tests.factories import intake_form, register

from .conftest import Laptops
from .helpers import cases


@pytest.fixture
def city_key(tmp_path: Path, monkeypatch, capsys) -> Path:
    """The city's key pair, made with `heze-station city-recovery-key`: the private key file; its passphrase in the
    file the command reads."""
    passphrase = tmp_path / "passphrase"
    passphrase.write_text("菏泽市局恢复口令\n", encoding="utf-8")
    monkeypatch.setenv(cli.CITY_PASSPHRASE_FILE_VARIABLE, str(passphrase))
    key = tmp_path / "city-recovery.pem"
    assert cli.main(["city-recovery-key", str(key)]) == 0
    key.with_suffix(".pub").write_text(capsys.readouterr().out.strip())
    assert b"ENCRYPTED PRIVATE KEY" in key.read_bytes()
    assert cli.main(["city-recovery-key", str(key)]) == 1  # made once: never overwritten
    return key


@pytest.fixture
def settings(settings: Settings, city_key: Path) -> Settings:
    return settings.model_copy(update={"recovery_public_key": city_key.with_suffix(".pub").read_text()})


def _sealings(context) -> list[str]:
    wanted = {AuditAction.CITY_KEY_SEALED, AuditAction.CITY_KEY_CHANGED}
    return [row.action for row in sorted(audit.entries(context), key=lambda row: row.seq) if row.action in wanted]


def test_a_changed_city_key_is_in_the_audit_trail(laptops: Laptops, tmp_path: Path, capsys) -> None:
    """Whoever holds the key a station is sealed to can open it: a server that sends another key is not refused
    (a city may have to replace a lost key) but the change is an entry the administrator reads."""
    laptop = laptops("前台")
    sync.sync_now(laptop)
    other = tmp_path / "another-key.pem"
    capsys.readouterr()
    assert cli.main(["city-recovery-key", str(other)]) == 0
    accounts.seal_for_city(laptop, capsys.readouterr().out.strip())
    assert _sealings(laptop) == [AuditAction.CITY_KEY_SEALED, AuditAction.CITY_KEY_CHANGED]


def test_the_city_opens_a_station_whose_passwords_and_recovery_sheet_are_lost(
    laptops: Laptops, city_key: Path, tmp_path: Path, monkeypatch, capsys
) -> None:
    laptop = laptops("前台")
    case_id = register(laptop, intake_form(1))
    folder = laptop.data_dir
    slots = folder / SLOTS_FILE
    assert json.loads(slots.read_text())["city"] is None
    sync.sync_now(laptop)  # the city's key comes with the handshake: the station's key is sealed to it
    city = json.loads(slots.read_text())["city"]
    assert city[0] == city_key.with_suffix(".pub").read_text()
    sync.sync_now(laptop)
    assert json.loads(slots.read_text())["city"] == city  # sealed once per key
    assert _sealings(laptop) == [AuditAction.CITY_KEY_SEALED]  # told to the administrator, once
    laptop.close()

    # The administrator brings keyslots.json (nothing in it opens without a key) to the city.
    brought = tmp_path / "从驿站带来的.json"
    brought.write_bytes(slots.read_bytes())
    capsys.readouterr()
    assert cli.main(["city-recover", str(city_key), str(brought)]) == 0
    code = capsys.readouterr().out.strip()
    assert code.startswith("CITY-")

    context = accounts.recover(folder, code, "admin", "new-password-1")  # typed into 忘记密码
    try:
        assert case_id in cases(context)
    finally:
        context.close()
    accounts.sign_in(folder, "admin", "new-password-1").close()

    wrong = tmp_path / "wrong"
    wrong.write_text("not the passphrase\n", encoding="utf-8")
    monkeypatch.setenv(cli.CITY_PASSPHRASE_FILE_VARIABLE, str(wrong))
    assert cli.main(["city-recover", str(city_key), str(brought)]) == 1
    assert "passphrase is wrong" in capsys.readouterr().err
