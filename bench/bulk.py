"""The benchmark's 100,000-case station database, written in large batches instead of through the services.

The rows are what the services would have stored for the demo generator's cases (parties, claimants,
respondents, evidence, timeline, the search index); building them through intake.save and perform would take
most of an hour. Benchmark-only, so it lives beside the benchmark rather than in the program.
"""

import random
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select

from heze_station.demo.generator import BULK_SEED, DemoCase, DemoEmployer, DemoGenerator, Progress
from heze_station.domain import chinatime
from heze_station.domain.cases import (
    COLLECTIVE_MIN_WORKERS,
    ENDS_WITHOUT_AGREEMENT,
    REGISTERED_EVENT,
    TRANSITIONS,
    CaseAction,
    CaseStatus,
    Employment,
    format_case_number,
)
from heze_station.domain.ids import seeded_uuid7_int
from heze_station.domain.parties import RespondentRole
from heze_station.services import deadlines
from heze_station.services.station import StationContext
from heze_station.storage import search
from heze_station.storage.models import (
    Case,
    CaseClaimant,
    CaseRespondent,
    Employer,
    Evidence,
    Person,
    Project,
    Station,
    TimelineEvent,
)
from heze_station.storage.types import stored_days, stored_microseconds

_BATCH = 2000
_CASE_COLUMNS = (
    "id",
    "created_at",
    "updated_at",
    "deleted_at",
    "version",
    "station_id",
    "year",
    "sequence",
    "number",
    "status",
    "channel",
    "category",
    "registered_at",
    "registered_by_id",
    "received_on",
    "knew_on",
    "decided_on",
    "mediation_started_on",
    "ended_on",
    "closed_on",
    "outcome",
    "status_reason",
    "facts",
    "project_id",
    "is_collective",
    "worker_count",
    "claimed_total_fen",
    "claimant_summary",
    "respondent_summary",
    "search_key",
    "mediation_extended_to",
    "notice_served_on",
    "limitation_restarts_on",
    "employment",
    "employment_ended_on",
    "limitation_suspended_from",
    "limitation_suspended_to",
    "limitation_suspension_reason",
    "first_employer_kind",
)
_SYNC = ("id", "created_at", "updated_at", "deleted_at", "version")
_PERSON_COLUMNS = (*_SYNC, "name", "id_number", "sex", "birth_date", "phone", "address", "ethnicity")
_CLAIMANT_COLUMNS = (
    *_SYNC,
    "case_id",
    "person_id",
    "position",
    "claimed_fen",
    "is_representative",
    "post",
    "service_address",
    "agent_id",
    "agent_authority",
    "application_signed_at",
    "application_signature_id",
    "bank",
    "account_number",
)
_RESPONDENT_COLUMNS = (*_SYNC, "case_id", "employer_id", "position", "role")
_EVIDENCE_COLUMNS = (*_SYNC, "case_id", "position", "description")
_TIMELINE_COLUMNS = (*_SYNC, "case_id", "at", "actor_id", "kind", "detail")
_EMPLOYER_COLUMNS = (
    *_SYNC,
    "kind",
    "name",
    "credit_code",
    "credit_code_override_reason",
    "id_number",
    "legal_representative",
    "address",
    "phone",
)
_PROJECT_COLUMNS = (*_SYNC, "name", "address", "general_contractor_id")


# The bulk path binds values as the column types store them on SQLite (BinaryUuid: 16 bytes; UtcDateTime:
# microseconds since 1970 in UTC; DateAsDays: days since 1970; Boolean: 0/1; enums: their value). Converting a
# hundred thousand cases' values through the types one by one would take most of a minute.


def _stored_day(day: date | None) -> int | None:
    return None if day is None else stored_days(day)


def _insert_sql(table: Any, columns: Sequence[str]) -> str:
    """INSERT for ``columns``, which must be all of the table's: a column added later must not be left NULL."""
    if set(columns) != set(table.c.keys()):
        raise RuntimeError(f"bulk insert into {table.name} out of date with the model: {sorted(table.c.keys())}")
    return f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"


class _CaseRows:
    """The rows of one batch of cases, table by table, as tuples in the order of the column lists above."""

    def __init__(self, context: StationContext, rng: random.Random) -> None:
        self.station = context.station_id.bytes
        self.user = context.user_id.bytes
        self.rng = rng
        self.cases: list[tuple[Any, ...]] = []
        self.people: list[tuple[Any, ...]] = []
        self.claimants: list[tuple[Any, ...]] = []
        self.respondents: list[tuple[Any, ...]] = []
        self.evidence: list[tuple[Any, ...]] = []
        self.timeline: list[tuple[Any, ...]] = []
        self.search: list[tuple[int, str]] = []

    def _key(self, milliseconds: int) -> bytes:
        return seeded_uuid7_int(milliseconds, self.rng).to_bytes(16)

    def add(self, demo: DemoCase, number: str, year: int, sequence: int, search_key: int) -> None:
        registered = stored_microseconds(demo.registered_at)
        ms = int(demo.registered_at.timestamp() * 1000)
        case_id = self._key(ms)
        # The status machine as case_actions.perform applies it, step by step.
        status = CaseStatus.REGISTERED
        decided = started = ended = closed = None
        outcome: CaseStatus | None = None
        status_reason = ""
        for step in demo.steps:
            day = chinatime.local_date(step.at)
            status = TRANSITIONS[step.action].target
            if step.action is CaseAction.ACCEPT or step.action is CaseAction.REFUSE:
                decided = day
            elif step.action is CaseAction.START_MEDIATION:
                started = day
            if status.is_end_state:
                ended = day
                outcome = status
                status_reason = step.reason
            if status is CaseStatus.CLOSED:
                closed = day
        step_stamps = [stored_microseconds(step.at) for step in demo.steps]
        respondents = demo.respondents
        representatives_first = sorted(demo.workers, key=lambda worker: not worker.representative)
        self.cases.append(
            (
                case_id,
                registered,
                step_stamps[-1] if step_stamps else registered,
                None,
                1 + len(demo.steps),  # the ORM bumps the version on every update
                self.station,
                year,
                sequence,
                number,
                status.value,
                demo.channel.value,
                demo.category.value,
                registered,
                self.user,
                stored_days(demo.received_on),
                stored_days(demo.knew_on),
                _stored_day(decided),
                _stored_day(started),
                _stored_day(ended),
                _stored_day(closed),
                outcome.value if outcome else None,
                status_reason,
                demo.facts,
                demo.project.id.bytes if demo.project else None,
                int(len(demo.workers) >= COLLECTIVE_MIN_WORKERS),
                len(demo.workers),
                sum(worker.claimed_fen for worker in demo.workers),
                representatives_first[0].name,
                "、".join(employer.name for employer in respondents),
                search_key,
                None,  # no extensions: a bulk case's mediation runs its 15 days
                # As the services record them: a refusal's notice served the day it was decided, and the
                # limitation running again from an ending without agreement.
                _stored_day(decided) if outcome is CaseStatus.REFUSED else None,
                _stored_day(ended) if outcome in ENDS_WITHOUT_AGREEMENT else None,
                # As the demo's intake says: the workers left the job the day they found the pay missing.
                Employment.ENDED.value,
                stored_days(demo.knew_on),
                None,
                None,
                "",
                respondents[0].kind.value if respondents else None,  # as intake.refresh_listing keeps it
            )
        )
        for position, worker in enumerate(demo.workers):
            person_id = self._key(ms)
            self.people.append(
                (
                    person_id,
                    registered,
                    registered,
                    None,
                    1,
                    worker.name,
                    worker.id_number,
                    worker.sex.value,
                    stored_days(worker.birth_date),
                    worker.phone,
                    "",
                    "",
                )
            )
            self.claimants.append(
                (
                    self._key(ms),
                    registered,
                    registered,
                    None,
                    1,
                    case_id,
                    person_id,
                    position,
                    worker.claimed_fen,
                    int(worker.representative),
                    "",
                    "",
                    None,
                    "",
                    None,
                    None,
                    "",
                    "",
                )
            )
        for position, employer in enumerate(respondents):
            role = RespondentRole.EMPLOYER if position == 0 else RespondentRole.GENERAL_CONTRACTOR
            self.respondents.append(
                (self._key(ms), registered, registered, None, 1, case_id, employer.id.bytes, position, role.value)
            )
        for position, description in enumerate(demo.evidence):
            self.evidence.append((self._key(ms), registered, registered, None, 1, case_id, position, description))
        self.timeline.append((self._key(ms), registered, registered, None, 1, case_id, registered, self.user,
                              REGISTERED_EVENT, ""))  # fmt: skip
        for step, stamp in zip(demo.steps, step_stamps, strict=True):
            key = self._key(int(step.at.timestamp() * 1000))
            self.timeline.append(
                (key, stamp, stamp, None, 1, case_id, stamp, self.user, step.action.value, step.reason)
            )
        body = search.body_text(
            number,
            demo.facts,
            demo.project.name if demo.project else "",
            [(worker.name, worker.id_number, worker.phone) for worker in demo.workers],
            [(employer.name, employer.credit_code, employer.id_number) for employer in respondents],
        )
        self.search.append((search_key, body))

    def write(self, connection: Any) -> None:
        for table, columns, rows in (
            (Case.__table__, _CASE_COLUMNS, self.cases),
            (Person.__table__, _PERSON_COLUMNS, self.people),
            (CaseClaimant.__table__, _CLAIMANT_COLUMNS, self.claimants),
            (CaseRespondent.__table__, _RESPONDENT_COLUMNS, self.respondents),
            (Evidence.__table__, _EVIDENCE_COLUMNS, self.evidence),
            (TimelineEvent.__table__, _TIMELINE_COLUMNS, self.timeline),
        ):
            if rows:
                connection.exec_driver_sql(_insert_sql(table, columns), rows)
        if self.search:
            search.write_entries(connection, self.search)


def _employer_row(employer: DemoEmployer, stamp: str) -> tuple[Any, ...]:
    return (
        employer.id.bytes,
        stamp,
        stamp,
        None,
        1,
        employer.kind.value,
        employer.name,
        employer.credit_code,
        None,
        employer.id_number,
        employer.legal_representative,
        employer.address,
        employer.phone,
    )


def bulk_cases(
    context: StationContext,
    count: int,
    seed: int = BULK_SEED,
    *,
    years: int = 5,
    now: datetime | None = None,
    progress: Progress | None = None,
) -> None:
    """Write ``count`` generated cases spread over the last ``years`` years straight into the tables.

    For the benchmark and load tests: the rows (parties, claimants, respondents, evidence, timeline, search
    index) are what the services would have stored, written with executemany in one transaction. Identifiers
    already in the database are avoided, and case numbers continue the station's sequence.
    """
    now = now or chinatime.now()
    with context.database.transaction() as session:
        taken_ids = set(session.scalars(select(Person.id_number).where(Person.id_number.is_not(None))))
        taken_ids.update(session.scalars(select(Employer.id_number).where(Employer.id_number.is_not(None))))
        taken_codes = set(session.scalars(select(Employer.credit_code).where(Employer.credit_code.is_not(None))))
        case_word = session.get_one(Station, context.station_id).case_word
        search_key = search.next_search_key(session) - 1
        sequences: dict[int, int] = dict(
            session.execute(  # type: ignore[arg-type]
                select(Case.year, func.max(Case.sequence))
                .where(Case.station_id == context.station_id)
                .group_by(Case.year)
            ).all()
        )
    generator = DemoGenerator(
        seed,
        now,
        context.calendar,
        count=count,
        window_days=365 * years,
        taken_id_numbers=taken_ids,
        taken_credit_codes=taken_codes,
    )
    cases = generator.cases()
    first = stored_microseconds(cases[0].registered_at if cases else now)
    employers = [*generator.contractors, *generator.labour_firms, *generator.bosses]
    employers += [firm for firms in generator.firms.values() for firm in firms]
    projects = [
        (project.id.bytes, first, first, None, 1, project.name, project.address, project.contractor.id.bytes)
        for project in generator.projects
    ]
    rows_rng = random.Random(seed + 2)
    with context.database.engine.begin() as connection:
        connection.exec_driver_sql(
            _insert_sql(Employer.__table__, _EMPLOYER_COLUMNS), [_employer_row(e, first) for e in employers]
        )
        connection.exec_driver_sql(_insert_sql(Project.__table__, _PROJECT_COLUMNS), projects)
        for start in range(0, len(cases), _BATCH):
            rows = _CaseRows(context, rows_rng)
            for demo in cases[start : start + _BATCH]:
                year = chinatime.local_date(demo.registered_at).year
                sequence = sequences[year] = sequences.get(year, 0) + 1
                search_key += 1
                rows.add(demo, format_case_number(case_word, year, sequence), year, sequence, search_key)
            rows.write(connection)
            if progress:
                progress(min(start + _BATCH, len(cases)), len(cases))
    with context.database.transaction() as session:
        deadlines.refresh(session)  # what the workbench reads of the open cases' clocks
