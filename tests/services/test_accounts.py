"""The setup step, signing in with growing waits after wrong passwords, and the administrator's accounts."""

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from heze_station.documents.content import DocumentKind
from heze_station.domain import chinatime
from heze_station.domain.accounts import StaffRole
from heze_station.domain.cases import CaseAction
from heze_station.domain.errors import DomainError, InvalidInput, ValidationFailed
from heze_station.paths import DATABASE_FILE
from heze_station.services import accounts, case_actions, case_queries, documents
from heze_station.services.accounts import NewAccount, SignInRefused, State, StationDetails
from heze_station.services.case_queries import CaseFilter
from heze_station.services.station import ATTACHMENTS_DIR, StationContext
from heze_station.storage import keys, keyslots
from heze_station.storage.blobs import sha256_hex
from heze_station.storage.database import is_plain
from heze_station.storage.keyslots import SLOTS_FILE
from heze_station.storage.models import StaffUser
from tests.factories import intake_form, register
from tests.stations import ADMINISTRATOR, DETAILS, TEST_KDF, add_account, plain_station, set_up

from .agreement_steps import mediating
from .test_documents import pdftotext


def test_a_new_folder_is_set_up_and_its_administrator_signed_in(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    assert accounts.state(folder) is State.NEW
    made = set_up(folder)
    context = made.context
    try:
        signed_in = (context.user_login, context.user_role, context.station_name)
        assert signed_in == ("admin", StaffRole.ADMINISTRATOR, "菏谐驿站")
        with context.database.transaction() as session:
            sealed = session.scalars(select(StaffUser.sealed_private_key)).one()
    finally:
        context.close()
    assert sealed
    assert ADMINISTRATOR.password not in sealed
    assert accounts.state(folder) is State.READY
    assert len(made.recovery_key.split("-")) == 13
    with pytest.raises(DomainError, match="set up already"):
        set_up(folder)


def test_a_recovery_key_not_yet_checked_opens_only_with_its_administrators_password_until_copied(
    tmp_path: Path,
) -> None:
    """The program closed at the recovery-key step: the key stays sealed to the administrator until a copy of it
    is checked (shown again at their sign-in); never in clear, never to anyone else; gone once copied or used."""
    folder = tmp_path / "data"
    made = accounts.set_up(folder, DETAILS, ADMINISTRATOR, kdf=TEST_KDF)
    add_account(made.context, "zhang", StaffRole.COORDINATOR, password="zhang-password")
    made.context.close()
    slots_text = (folder / SLOTS_FILE).read_text(encoding="utf-8")
    assert made.recovery_key not in slots_text
    assert "".join(made.recovery_key.split("-")) not in slots_text

    def shown(login: str, password: str) -> str | None:
        context = accounts.sign_in(folder, login, password)
        try:
            return accounts.unconfirmed_recovery_key(context, password)
        finally:
            context.close()

    assert shown("admin", ADMINISTRATOR.password) == made.recovery_key
    assert shown("zhang", "zhang-password") is None
    accounts.recovery_key_copied(folder)
    assert keyslots.load(folder).unconfirmed_recovery_key is None
    assert shown("admin", ADMINISTRATOR.password) is None

    # The key used to recover a forgotten password: its account has new keys, the sealed copy is gone.
    other = tmp_path / "other"
    again = accounts.set_up(other, DETAILS, ADMINISTRATOR, kdf=TEST_KDF)
    again.context.close()
    accounts.recover(other, again.recovery_key, "admin", "new-password-3").close()
    assert keyslots.load(other).unconfirmed_recovery_key is None


def test_a_sealed_recovery_key_nobody_can_open_any_more_is_forgotten(tmp_path: Path) -> None:
    """Another administrator reset the first one's password (a new key pair) before the key was copied: it can be
    shown to nobody, and is not kept; a key sealed by someone else than this computer's setup is never shown."""
    folder = tmp_path / "data"
    accounts.set_up(folder, DETAILS, ADMINISTRATOR, kdf=TEST_KDF).context.close()
    slots = keyslots.load(folder)
    admin_slot = slots.for_login("admin")[0]
    forged = keys.seal_to(admin_slot.public_key, keys.new_recovery_key().encode("ascii"))
    slots.unconfirmed_recovery_key = [admin_slot.user_id, forged]
    keyslots.save(folder, slots)
    context = accounts.sign_in(folder, "admin", ADMINISTRATOR.password)
    try:
        assert accounts.unconfirmed_recovery_key(context, ADMINISTRATOR.password) is None
    finally:
        context.close()
    assert keyslots.load(folder).unconfirmed_recovery_key is None

    other = tmp_path / "other"
    made = accounts.set_up(other, DETAILS, ADMINISTRATOR, kdf=TEST_KDF)
    add_account(made.context, "boss", StaffRole.ADMINISTRATOR, password="boss-password-1")
    made.context.close()
    boss = accounts.sign_in(other, "boss", "boss-password-1")
    try:
        admin_id = next(row.id for row in accounts.list_accounts(boss) if row.login == "admin")
        accounts.reset_password(boss, admin_id, "new-password-4")
    finally:
        boss.close()
    context = accounts.sign_in(other, "admin", "new-password-4")
    try:
        assert accounts.unconfirmed_recovery_key(context, "new-password-4") is None
    finally:
        context.close()
    assert keyslots.load(other).unconfirmed_recovery_key is None


def test_setup_refuses_what_is_missing_or_wrong_field_by_field(tmp_path: Path) -> None:
    with pytest.raises(ValidationFailed) as failed:
        accounts.set_up(
            tmp_path / "data",
            StationDetails(name=" ", address="", mediation_committee="", arbitration_committee=""),
            NewAccount("王管理", "王", "short"),
            kdf=TEST_KDF,
        )
    assert set(failed.value.by_field()) == {"name", "arbitration_committee", "login", "password"}
    assert accounts.state(tmp_path / "data") is State.NEW


def test_documents_name_the_committees_given_at_setup(tmp_path: Path) -> None:
    details = StationDetails("单县驿站", "单县园区路1号", "单县园区劳动争议调解委员会", "单县劳动人事争议仲裁委员会")
    context = accounts.set_up(tmp_path / "data", details, ADMINISTRATOR, kdf=TEST_KDF).context
    try:
        failed = mediating(context, intake_form(1), None)
        case_actions.perform(context, failed, CaseAction.REFER_ARBITRATION, "调解期满未达成协议。")
        referral = documents.issue_document(context, failed, DocumentKind.REFERRAL)
        shown = pdftotext(documents.pdf_of(context, referral.id), tmp_path).replace(" ", "")
    finally:
        context.close()
    assert "单县园区劳动争议调解委员会" in shown
    assert "单县劳动人事争议仲裁委员会" in shown
    assert "菏泽市劳动人事争议仲裁委员会" not in shown


def test_sign_in_opens_as_the_account_and_a_wrong_password_says_nothing_more(station: StationContext) -> None:
    add_account(station, "zhang", StaffRole.COORDINATOR, password="zhang-password")
    folder = station.database.path.parent
    zhang = accounts.sign_in(folder, " Zhang ", "zhang-password")
    try:
        assert (zhang.user_login, zhang.user_role) == ("zhang", StaffRole.COORDINATOR)
    finally:
        zhang.close()
    for login, password in (("zhang", "wrong-password"), ("nobody", "zhang-password")):
        with pytest.raises(SignInRefused, match="login or the password is wrong"):
            accounts.sign_in(folder, login, password)


def test_wrong_passwords_make_the_next_try_wait_longer_but_never_for_ever(station: StationContext) -> None:
    folder = station.database.path.parent
    start = chinatime.now()
    for attempt in range(3):
        with pytest.raises(SignInRefused, match="wrong"):
            accounts.sign_in(folder, "admin", f"guess-{attempt}", now=start)
    # The right password is refused too until the wait is over: the wait is what makes guessing slow.
    with pytest.raises(SignInRefused, match="try again in 4 seconds"):
        accounts.sign_in(folder, "admin", ADMINISTRATOR.password, now=start + timedelta(seconds=1))
    with pytest.raises(SignInRefused, match="wrong"):
        accounts.sign_in(folder, "admin", "guess-3", now=start + timedelta(seconds=6))
    with pytest.raises(SignInRefused, match="try again in 10 seconds"):
        accounts.sign_in(folder, "admin", ADMINISTRATOR.password, now=start + timedelta(seconds=6))
    later = start + timedelta(hours=1)
    for attempt in range(20):
        with pytest.raises(SignInRefused, match="wrong"):
            accounts.sign_in(folder, "admin", f"guess-{attempt}", now=later + timedelta(minutes=6 * attempt))
    # Twenty more wrong passwords: the administrator waits five minutes, not for ever.
    after = later + timedelta(minutes=6 * 19 + 5, seconds=1)
    accounts.sign_in(folder, "admin", ADMINISTRATOR.password, now=after).close()
    # A success starts the count again.
    with pytest.raises(SignInRefused, match="wrong"):
        accounts.sign_in(folder, "admin", "guess", now=after)
    accounts.sign_in(folder, "admin", ADMINISTRATOR.password, now=after).close()


def test_wrong_passwords_typed_while_the_clock_was_a_year_ahead_make_no_longer_wait(station: StationContext) -> None:
    folder = station.database.path.parent
    ahead = chinatime.now() + timedelta(days=365)
    for attempt in range(4):
        with pytest.raises(SignInRefused, match="wrong"):
            accounts.sign_in(folder, "admin", f"guess-{attempt}", now=ahead)
    corrected = chinatime.now()
    with pytest.raises(SignInRefused, match="try again in 5 seconds"):  # the wait after four, not a year
        accounts.sign_in(folder, "admin", ADMINISTRATOR.password, now=corrected)
    accounts.sign_in(folder, "admin", ADMINISTRATOR.password, now=corrected + timedelta(seconds=5)).close()


def test_the_administrator_disables_enables_and_resets_accounts(station: StationContext) -> None:
    add_account(station, "li", StaffRole.MEDIATOR, password="li-password-1")
    folder = station.database.path.parent
    li = next(row for row in accounts.list_accounts(station) if row.login == "li")
    accounts.set_disabled(station, li.id, True)
    assert [row.login for row in accounts.list_accounts(station)] == ["admin", "li"]
    assert accounts.list_accounts(station)[-1].disabled
    with pytest.raises(SignInRefused, match="disabled"):
        accounts.sign_in(folder, "li", "li-password-1")
    accounts.set_disabled(station, li.id, False)
    with pytest.raises(InvalidInput, match="Repeated characters"):  # the administrator's choice is judged too
        accounts.reset_password(station, li.id, "li888888")
    accounts.reset_password(station, li.id, "li-password-2")
    with pytest.raises(SignInRefused, match="wrong"):
        accounts.sign_in(folder, "li", "li-password-1")
    accounts.sign_in(folder, "li", "li-password-2").close()
    with pytest.raises(DomainError, match="your own account"):
        accounts.set_disabled(station, station.user_id, True)
    with pytest.raises(InvalidInput, match="The login li is taken") as taken:
        accounts.add_account(station, NewAccount("另一个李", "LI", "li-password-3", StaffRole.COORDINATOR))
    assert taken.value.field == "login"


def test_everyone_changes_their_own_password_knowing_the_current_one(station: StationContext) -> None:
    with pytest.raises(InvalidInput, match="current password is wrong") as wrong:
        accounts.change_password(station, "not-the-password", "new-password-1")
    assert wrong.value.field == "current_password"
    # The station's name (城区驿站) with a year is among a thief's first guesses: refused, the old password kept.
    with pytest.raises(ValidationFailed) as guessable:
        accounts.change_password(station, ADMINISTRATOR.password, f"{station.station_name}2026")
    assert guessable.value.errors[0].field == "new_password"
    assert "station's name" in guessable.value.errors[0].message.render()
    accounts.sign_in(station.database.path.parent, "admin", ADMINISTRATOR.password).close()
    accounts.change_password(station, ADMINISTRATOR.password, "new-password-1")
    accounts.sign_in(station.database.path.parent, "admin", "new-password-1").close()


def test_lock_minutes_default_to_ten_and_stay_between_one_and_sixty(station: StationContext) -> None:
    assert accounts.lock_minutes(station) == 10
    accounts.set_lock_minutes(station, 3)
    assert accounts.lock_minutes(station) == 3
    with pytest.raises(DomainError, match="between 1 and 60"):
        accounts.set_lock_minutes(station, 0)
    assert accounts.lock_minutes(station) == 3


def test_the_demo_station_has_its_documented_accounts(tmp_path: Path) -> None:
    accounts.set_up_demo(tmp_path / "demo", kdf=TEST_KDF).close()
    for login, role in (
        ("demo", StaffRole.ADMINISTRATOR),
        ("zhang", StaffRole.COORDINATOR),
        ("li", StaffRole.MEDIATOR),
    ):
        context = accounts.sign_in(tmp_path / "demo", login, "demo")
        assert context.user_role is role
        context.close()


def test_the_recovery_key_opens_the_station_when_the_key_file_is_lost(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    made = set_up(folder)
    register(made.context, intake_form(1))
    made.context.close()
    (folder / SLOTS_FILE).unlink()
    with pytest.raises(SignInRefused, match="key file is missing or damaged"):
        accounts.sign_in(folder, "admin", ADMINISTRATOR.password)
    # A wrong key, or a typo in the right one, opens nothing and changes nothing.
    before = (folder / DATABASE_FILE).read_bytes()
    wrong = keys.new_recovery_key()
    misread = "0" + made.recovery_key[1:]  # handwriting: an O taken for a zero
    for typed, said in (
        (wrong, "not the recovery key of this computer"),
        (made.recovery_key[:-1], "51 were typed"),
        (misread, "no 0, 1, I or O"),
    ):
        with pytest.raises(ValidationFailed, match=said) as refused:
            accounts.recover(folder, typed, "admin", "new-password-9")
        assert set(refused.value.by_field()) == {"recovery_key"}
    assert (folder / DATABASE_FILE).read_bytes() == before
    # Typed from paper: lower case, spaces instead of dashes; or with an input method in full-width mode.
    full_width = "".join(chr(ord(character) + 0xFEE0) for character in made.recovery_key)
    assert accounts.same_recovery_key(full_width, made.recovery_key)
    typed = made.recovery_key.lower().replace("-", " ")
    context = accounts.recover(folder, typed, "admin", "new-password-9")
    try:
        assert case_queries.count_cases(context, CaseFilter()) == 1
    finally:
        context.close()
    accounts.sign_in(folder, "admin", "new-password-9").close()
    with pytest.raises(SignInRefused, match="wrong"):
        accounts.sign_in(folder, "admin", ADMINISTRATOR.password)


def test_a_plain_station_from_an_earlier_version_is_encrypted_at_setup_keeping_its_records(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    station_id = plain_station(folder)
    # A scan attached by that version: kept as it came, under its hash.
    scan = "身份证扫描 王建军 371702198506150078".encode()
    digest = sha256_hex(scan)
    stored = folder / ATTACHMENTS_DIR / digest[:2] / digest[2:4] / digest
    stored.parent.mkdir(parents=True)
    stored.write_bytes(scan)
    assert accounts.state(folder) is State.NOT_ENCRYPTED
    context = set_up(folder).context
    try:
        assert context.station_id == station_id
        assert context.station_name == "菏谐驿站"  # the names given at setup
        register(context, intake_form(1))
        # Encrypted like the records (it stayed readable on the laptop, and every backup copied it so).
        assert b"371702198506150078" not in stored.read_bytes()
        assert context.blobs.get(digest) == scan
        # One left plain (an upgrade cut short, or made by an earlier build) is read, and sealed as it is.
        stored.write_bytes(scan)
        assert context.blobs.get(digest) == scan
        assert b"371702198506150078" not in stored.read_bytes()
    finally:
        context.close()
    assert not is_plain(folder / DATABASE_FILE)
    assert accounts.state(folder) is State.READY
    assert sorted(path.name for path in folder.iterdir() if "sqlite3" in path.name) == [DATABASE_FILE]
    # The old operating-system account stays for the timeline, and cannot sign in.
    with pytest.raises(SignInRefused, match="wrong"):
        accounts.sign_in(folder, "root", "")


def test_a_cost_lowered_in_the_slot_file_does_not_cheapen_new_passwords(tmp_path: Path) -> None:
    """The slot file is plain JSON anyone with the disk may edit: a thief who lowers its Argon2 cost before handing the
    laptop back must not get cheap keys for the accounts made or passwords changed after, which sync would spread."""
    station_cost = keys.KdfParams(time_cost=2, memory_kib=64, parallelism=1)
    made = accounts.set_up(tmp_path / "data", DETAILS, ADMINISTRATOR, kdf=station_cost)
    context = made.context
    slots = keyslots.load(context.data_dir)
    slots.kdf = TEST_KDF.text()  # 1 pass over 8 KiB
    keyslots.save(context.data_dir, slots)

    add_account(context, "zhang", StaffRole.COORDINATOR, password="zhang-password")
    accounts.change_password(context, ADMINISTRATOR.password, "a new long password 2026")
    with context.database.transaction() as session:
        costs = {keys.sealed_kdf(sealed) for sealed in session.scalars(select(StaffUser.sealed_private_key))}
    assert costs == {station_cost}
    context.close()
