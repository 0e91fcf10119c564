"""The role matrix: every service declares who may call it, and the services refuse everyone else."""

import importlib
import inspect
import pkgutil
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest

import heze_station.demo
import heze_station.services
from heze_station.domain.accounts import StaffRole
from heze_station.domain.backups import Retention
from heze_station.domain.personal import PersonalField
from heze_station.services import (
    accounts,
    after_mediation,
    archive,
    audit,
    backups,
    case_corrections,
    case_queries,
    documents,
    handover,
    sync,
)
from heze_station.services.access import NotPermitted
from heze_station.services.case_queries import CaseFilter
from heze_station.services.station import StationContext
from heze_station.storage.models import StaffUser
from tests.factories import intake_form, register
from tests.stations import OTHER_PASSWORD, add_account, open_test_station


def station_services() -> dict[str, Callable]:
    """Every public function of the services (and of the demo above them) whose first argument is the open station."""
    found = {}
    for package in (heze_station.services, heze_station.demo):
        for module_info in pkgutil.iter_modules(package.__path__):
            module = importlib.import_module(f"{package.__name__}.{module_info.name}")
            for name, function in vars(module).items():
                if inspect.isfunction(function) and function.__module__ == module.__name__ and not name.startswith("_"):
                    parameters = list(inspect.signature(function).parameters)
                    if parameters and parameters[0] == "context":
                        where = module.__name__.removeprefix("heze_station.services.").removeprefix("heze_station.")
                        found[f"{where}.{name}"] = function
    return found


def test_every_service_declares_the_roles_it_needs() -> None:
    services = station_services()
    assert len(services) > 50
    undeclared = [name for name, function in services.items() if not getattr(function, "required_roles", None)]
    assert undeclared == []


ADMINISTRATION = {
    "accounts.list_accounts": lambda c: accounts.list_accounts(c),
    "accounts.add_account": lambda c: accounts.add_account(c, accounts.NewAccount("新人", "new", "new-password-1")),
    "accounts.set_disabled": lambda c: accounts.set_disabled(c, c.user_id, True),
    "accounts.reset_password": lambda c: accounts.reset_password(c, c.user_id, "new-password-1"),
    "accounts.set_lock_minutes": lambda c: accounts.set_lock_minutes(c, 5),
    "documents.set_station_seal": lambda c: documents.set_station_seal(c, Path("seal.png")),
    "after_mediation.save_court_settings": lambda c: after_mediation.save_court_settings(
        c, "菏泽市牡丹区人民法院", "2010"
    ),
    "sync.enrol": lambda c: sync.enrol(c, "https://city.example", "CODE", "笔记本"),
    "sync.complete_enrolment": lambda c: sync.complete_enrolment(c, None),
    "backups.set_folder": lambda c: backups.set_folder(c, Path("backups")),
    "backups.set_retention": lambda c: backups.set_retention(c, Retention()),
    "backups.list_backups": lambda c: backups.list_backups(c),
    "backups.restore": lambda c: backups.restore(c, "2026-01-01_000000"),
    "audit.entries": lambda c: audit.entries(c),
    "audit.people": lambda c: audit.people(c),
    "audit.export": lambda c: audit.export(c, audit.AuditFilter(), Path("audit.xlsx"), [], {}),
    "handover.export_unsent": lambda c: handover.export_unsent(c, Path("unsent.heze"), OTHER_PASSWORD),
    "handover.import_unsent": lambda c: handover.import_unsent(c, Path("unsent.heze"), OTHER_PASSWORD),
    "archive.purge_case": lambda c: archive.purge_case(c, uuid.uuid4()),
    "case_corrections.void_case": lambda c: case_corrections.void_case(c, uuid.uuid4(), "重复登记"),
}


def test_the_administrators_services_are_listed_here() -> None:
    administration = {
        name
        for name, function in station_services().items()
        if function.required_roles == frozenset({StaffRole.ADMINISTRATOR})
    }
    assert administration == set(ADMINISTRATION)


@pytest.fixture(scope="module")
def station_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("roles") / "data"
    context = open_test_station(folder)
    add_account(context, "zhang", StaffRole.COORDINATOR)
    add_account(context, "li", StaffRole.MEDIATOR)
    context.close()
    return folder


@pytest.mark.parametrize("login", ["zhang", "li"])
@pytest.mark.parametrize("service", sorted(ADMINISTRATION))
def test_coordinators_and_mediators_are_refused_administration(station_folder: Path, login: str, service: str) -> None:
    context = open_test_station(station_folder, login)
    try:
        before = _accounts(context)
        with pytest.raises(NotPermitted, match="may not do this"):
            ADMINISTRATION[service](context)
        assert _accounts(context) == before
    finally:
        context.close()


@pytest.mark.parametrize("login", ["zhang", "li"])
def test_coordinators_and_mediators_do_casework(station_folder: Path, login: str) -> None:
    context = open_test_station(station_folder, login)
    try:
        case_id = register(context, intake_form(1, employer_serial=hash(login) % 1000))
        assert case_queries.case_detail(context, case_id).timeline[-1].actor == f"{login}的名字"
        assert case_queries.count_cases(context, CaseFilter()) >= 1
        accounts.change_password(context, "test-password-2", "test-password-2")
    finally:
        context.close()


@pytest.mark.parametrize(("login", "may_see"), [("zhang", {"phone"}), ("li", {"phone", "id_number", "bank_account"})])
def test_only_mediators_and_the_administrator_see_id_numbers_and_bank_accounts_in_full(
    station_folder: Path, login: str, may_see: set[str]
) -> None:
    context = open_test_station(station_folder, login)
    try:
        case_id = register(context, intake_form(1, employer_serial=hash(login) % 1000 + 1))
        for field in PersonalField:
            if field in may_see:
                audit.revealed(context, frozenset({field}), case_id)
            else:
                with pytest.raises(NotPermitted, match="may not see full"):
                    audit.revealed(context, frozenset({field}), case_id)
        assert audit.revealable(context) == may_see
        assert _revealed_by(station_folder, f"{login}的名字") == may_see  # each one shown is recorded
    finally:
        context.close()


@pytest.mark.parametrize(("login", "makes_files"), [("zhang", False), ("li", True)])
def test_everyone_prints_a_document_and_only_those_who_see_id_numbers_make_a_file_of_it(
    station_folder: Path, login: str, makes_files: bool
) -> None:
    context = open_test_station(station_folder, login)
    try:
        case_id = register(context, intake_form(1, employer_serial=hash(login) % 1000 + 2))
        issued = documents.issue_document(context, case_id, documents.issuable(context, case_id)[0])  # application
        documents.record_printed(context, issued.id, 2)
        if makes_files:
            documents.record_exported(context, issued.id, "/home/li/王小五的申请.pdf")
        else:
            with pytest.raises(NotPermitted, match="may not do this"):
                documents.record_exported(context, issued.id, "/home/zhang/王小五的申请.pdf")
    finally:
        context.close()


def _revealed_by(folder: Path, name: str) -> set[str]:
    administrator = open_test_station(folder)
    try:
        entries = audit.entries(administrator, audit.AuditFilter(login=name))
    finally:
        administrator.close()
    kinds = {"ids_revealed": "id_number", "phones_revealed": "phone", "accounts_revealed": "bank_account"}
    return {kinds[entry.action] for entry in entries if entry.action in kinds}


def _accounts(context: StationContext) -> list[tuple[uuid.UUID, str, bool]]:
    with context.database.transaction() as session:
        users = session.query(StaffUser).order_by(StaffUser.id)
        return [(u.id, u.sealed_private_key, u.disabled_at is None) for u in users]
