"""A laptop the city revoked hands what it never sent to another laptop of the station, which sends it (issue 13,
6): by an encrypted file only the exporting administrator opens, taken once."""

import base64
import json
from pathlib import Path

import pytest

from heze_station.domain.accounts import StaffRole
from heze_station.domain.cases import CaseAction
from heze_station.server import auth
from heze_station.services import accounts, case_actions, case_queries, handover, sync
from heze_station.services.access import NotPermitted
from heze_station.services.handover import HandoverRefused
from heze_station.station_sync.failures import FailureReason
from tests.factories import intake_form, register
from tests.server.conftest import Server
from tests.stations import ADMINISTRATOR, add_account, open_test_station

from .conftest import Laptops
from .helpers import cases
from .test_failures import device_id, problem


def test_unsent_changes_reach_the_city_through_another_laptop_exactly_once(
    laptops: Laptops, server: Server, tmp_path: Path
) -> None:
    lost, other = laptops("丢失的笔记本"), laptops("前台")
    shared = register(lost, intake_form(1))
    sync.sync_now(lost)
    sync.sync_now(other)  # the accounts and the case reach the front desk
    typed = register(lost, intake_form(2, employer_serial=7))  # never sent
    case_actions.perform(lost, shared, CaseAction.ACCEPT)  # never sent either
    with server.database.transaction() as session:
        auth.revoke_device(session, device_id(lost))
    assert problem(lost).reason is FailureReason.REVOKED

    file = tmp_path / "未发送的更改.heze"
    with pytest.raises(HandoverRefused, match="password is wrong"):
        handover.export_unsent(lost, file, "wrong-password")
    exported = handover.export_unsent(lost, file, ADMINISTRATOR.password)
    assert exported >= 3
    text = file.read_text(encoding="utf-8")
    assert "工人" not in text  # nothing personal in clear
    assert "工人" not in base64.b64decode(json.loads(text)["data"]).decode("latin-1")

    # At the front desk, the same administrator (his account synced there) takes the file.
    front = accounts.sign_in(other.data_dir, ADMINISTRATOR.login, ADMINISTRATOR.password)
    try:
        assert front.user_id == lost.user_id
        with pytest.raises(HandoverRefused, match="password is wrong"):
            handover.import_unsent(front, file, "wrong-password")
        altered = tmp_path / "altered.heze"
        document = json.loads(text)
        document["changes"] = 1
        altered.write_text(json.dumps(document), encoding="utf-8")
        with pytest.raises(HandoverRefused, match="altered"):
            handover.import_unsent(front, altered, ADMINISTRATOR.password)
        not_ours = tmp_path / "notes.txt"
        not_ours.write_text("备忘", encoding="utf-8")
        with pytest.raises(HandoverRefused, match="not a file of unsent changes"):
            handover.import_unsent(front, not_ours, ADMINISTRATOR.password)
        assert typed not in cases(front)

        assert handover.import_unsent(front, file, ADMINISTRATOR.password) == exported
        with pytest.raises(HandoverRefused, match="imported on this computer already"):
            handover.import_unsent(front, file, ADMINISTRATOR.password)
        assert typed in cases(front)
        sync.sync_now(front)
        assert sync.sync_status(front).pending_changes == 0
    finally:
        front.close()

    third = laptops("移动仲裁庭")
    sync.sync_now(third)
    assert {shared, typed} <= set(cases(third))
    assert case_queries.case_detail(third, shared).status.value == "accepted"
    assert len(case_queries.case_detail(third, typed).claimants) == 2


def test_only_an_administrator_moves_unsent_changes(laptops: Laptops, tmp_path: Path) -> None:
    laptop = laptops("前台")
    add_account(laptop, "zhang", StaffRole.COORDINATOR)
    register(laptop, intake_form(1))
    coordinator = open_test_station(laptop.data_dir, "zhang")
    try:
        with pytest.raises(NotPermitted):
            handover.export_unsent(coordinator, tmp_path / "x.heze", "test-password-2")
    finally:
        coordinator.close()
