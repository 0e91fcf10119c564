"""The audit trail: who did what, in order, in a chain that shows any entry changed, removed or inserted."""

import uuid
from datetime import timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy.exc import DatabaseError

from heze_station.documents.content import DocumentKind
from heze_station.domain import chinatime
from heze_station.domain.accounts import StaffRole
from heze_station.domain.audit import AuditAction
from heze_station.services import accounts, audit, documents
from heze_station.services.accounts import SignInRefused
from heze_station.services.audit import AuditFilter
from heze_station.services.station import StationContext
from tests.factories import intake_form, register
from tests.stations import add_account, open_test_station


def actions(context: StationContext, **wanted: object) -> list[tuple[str, object, str]]:
    """(person, action, subject), oldest first."""
    rows = audit.entries(context, AuditFilter(**wanted))  # type: ignore[arg-type]
    return [(row.user_name, row.action, row.subject) for row in reversed(rows)]


def tamper(context: StationContext, *statements: str) -> None:
    """What someone with the database key and a SQLite shell could do: drop the guards, then edit."""
    with context.database.engine.begin() as connection:
        connection.exec_driver_sql("DROP TRIGGER IF EXISTS audit_entry_no_update")
        connection.exec_driver_sql("DROP TRIGGER IF EXISTS audit_entry_no_delete")
        for statement in statements:
            connection.exec_driver_sql(statement)


def test_a_day_at_the_station_is_in_the_trail_in_order_and_names_each_person(tmp_path: Path) -> None:
    folder = tmp_path / "station"
    admin = open_test_station(folder)
    add_account(admin, "zhang", StaffRole.COORDINATOR)
    accounts.set_lock_minutes(admin, 5)
    admin.close()
    for _ in range(2):
        with pytest.raises(SignInRefused):
            accounts.sign_in(folder, "zhang", "not-the-password")
    with pytest.raises(SignInRefused):
        accounts.sign_in(folder, "nobody", "not-the-password")
    zhang = accounts.sign_in(folder, "zhang", "test-password-2")
    case_id = register(zhang, intake_form(1))
    audit.about_case(zhang, AuditAction.CASE_VIEWED, case_id)
    audit.searched(zhang, "李磊 371724196601011234 13912345678")
    zhang.close()

    admin = open_test_station(folder)
    try:
        trail = actions(admin)
        assert trail == [
            ("王管理", AuditAction.SIGNED_IN, "admin"),
            ("王管理", AuditAction.ACCOUNT_ADDED, "zhang"),
            ("王管理", AuditAction.SETTING_CHANGED, "Idle minutes before the window locks"),
            ("zhang", AuditAction.SIGN_IN_FAILED, "zhang"),
            ("zhang", AuditAction.SIGN_IN_FAILED, "zhang"),
            (trail[5][0], AuditAction.SIGN_IN_FAILED, trail[5][0]),  # not a login here: kept as a digest
            ("zhang的名字", AuditAction.SIGNED_IN, "zhang"),
            ("zhang的名字", AuditAction.CASE_VIEWED, trail[7][2]),
            ("zhang的名字", AuditAction.SEARCHED, "李磊 37**************** 13*********"),
            ("王管理", AuditAction.SIGNED_IN, "admin"),
        ]
        assert trail[5][0].startswith("?")
        assert "nobody" not in (folder / "keyslots.json").read_text()  # a password typed as a login stays off disk
        assert trail[7][2].startswith("菏谐调字")  # the case's number, never a party's name
        assert audit.check(admin).broken_at is None
        assert actions(admin, login="zhang的名字", action=AuditAction.SIGNED_IN) == [trail[6]]
        tomorrow = chinatime.today() + timedelta(days=1)
        assert actions(admin, since=tomorrow) == []
    finally:
        admin.close()


def test_issued_documents_and_account_changes_are_recorded_with_the_change(station: StationContext) -> None:
    case_id = register(station, intake_form(1))
    documents.issue_document(station, case_id, DocumentKind.APPLICATION)
    add_account(station, "li", StaffRole.MEDIATOR)
    li = next(row for row in accounts.list_accounts(station) if row.login == "li")
    accounts.set_disabled(station, li.id, True)
    accounts.reset_password(station, li.id, "new-password-1")
    trail = actions(station)[-4:]
    assert [action for _who, action, _subject in trail] == [
        AuditAction.DOCUMENT_ISSUED,
        AuditAction.ACCOUNT_ADDED,
        AuditAction.ACCOUNT_DISABLED,
        AuditAction.PASSWORD_RESET,
    ]
    assert trail[0][2].startswith("菏谐调字")
    assert [subject for *_, subject in trail[1:]] == ["li"] * 3


def test_the_program_cannot_change_or_remove_an_entry(station: StationContext) -> None:
    audit.searched(station, "张")
    for statement in ("UPDATE audit_entry SET subject = '李'", "DELETE FROM audit_entry"):
        with pytest.raises(DatabaseError, match="append-only"), station.database.engine.begin() as connection:
            connection.exec_driver_sql(statement)
    assert actions(station)[-1][2] == "张"


@pytest.mark.parametrize(
    ("statement", "broken_at"),
    [
        ("UPDATE audit_entry SET subject = '菏谐调字〔2026〕1号' WHERE seq = 3", 3),
        ("UPDATE audit_entry SET user_name = '别人' WHERE seq = 2", 2),
        ("DELETE FROM audit_entry WHERE seq = 3", 3),
        ("UPDATE audit_entry SET at = at - 86400000000 WHERE seq = 4", 4),  # a day earlier, in microseconds
    ],
)
def test_an_entry_changed_or_removed_behind_the_programs_back_is_found(
    station: StationContext, statement: str, broken_at: int
) -> None:
    for text in ("一", "二", "三", "四"):
        audit.searched(station, text)
    tamper(station, statement)
    state = audit.check(station)
    assert state.broken_at == broken_at
    assert audit.check(station).broken_at == broken_at
    # Found once, recorded once: restarting does not fill the trail with the same alarm.
    alarms = actions(station, action=AuditAction.CHAIN_BROKEN)
    assert alarms == [(station.user_name, AuditAction.CHAIN_BROKEN, str(broken_at))]


def test_a_trail_rebuilt_from_scratch_passes_here_which_is_why_the_city_keeps_the_head(
    station: StationContext,
) -> None:
    audit.searched(station, "一")
    audit.searched(station, "二")
    rows = audit.entries(station)
    tamper(station, "DELETE FROM audit_entry")
    for _row in rows:  # the same number of entries, written again with other content
        audit.searched(station, "别的")
    assert audit.check(station).broken_at is None  # see tests/station_sync/test_audit_head.py


def test_the_export_holds_the_filtered_entries_and_is_itself_recorded(station: StationContext, tmp_path: Path) -> None:
    audit.searched(station, "371724196601011234")
    audit.searched(station, "王")
    path = tmp_path / "审计.xlsx"
    headings = ["序号", "时间", "人员", "操作", "对象", "详情"]
    count = audit.export(station, AuditFilter(action=AuditAction.SEARCHED), path, headings, {"searched": "搜索"})
    assert count == 2
    sheet = load_workbook(path).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == tuple(headings)
    assert [(row[3], row[4]) for row in rows[1:]] == [("搜索", "王"), ("搜索", "37****************")]
    assert "371724196601011234" not in path.read_bytes().decode("latin-1")
    assert actions(station)[-1] == (station.user_name, AuditAction.EXPORTED, "Audit trail")


def test_a_coordinator_cannot_read_the_trail(tmp_path: Path) -> None:
    folder = tmp_path / "station"
    admin = open_test_station(folder)
    add_account(admin, "zhang", StaffRole.COORDINATOR)
    admin.close()
    zhang = open_test_station(folder, "zhang")
    try:
        with pytest.raises(Exception, match="may not do this"):
            audit.entries(zhang)
        audit.about_case(zhang, AuditAction.CASE_VIEWED, uuid.uuid4())  # but every account's actions are recorded
    finally:
        zhang.close()
