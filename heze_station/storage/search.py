"""Instant search over cases: names, ID numbers, phones, employers, credit codes, project and facts.

Two FTS5 indexes share one integer key, ``case_file.search_key`` (an explicit column: SQLite may renumber the
implicit rowid of a table keyed by UUID when it is vacuumed):

- ``case_search``: the text trigram-tokenised, for queries of three or more characters. It keeps no copy of the
  text (contentless): a phrase of trigrams is matched by their positions in the index alone.
- ``case_search_short``: every single character and character pair of that text as tokens (ASCII punctuation
  included), for the one- and two-character queries (a surname, "工资", "-1") that trigrams cannot answer. Each
  query is one token, so the index keeps no positions (``detail=none``). LIKE over the text would answer them too,
  but it reads the whole text for every keystroke (about 200 ms over 100,000 cases).

The text itself lives only in the case's rows; searched_fields reads it from there to tell why a case matched.

A query of several words matches the cases that contain every one of them (domain.case_search), each word looked
up on its own and the keys intersected. A query's matching keys are applied to the case list by one of two plans,
chosen by how many cases match (counted in the index first): a few are fetched by key and sorted; tens of thousands
are found by walking the list's sort index and testing each case against the set of keys (the index holds the
key, so only the cases shown are read).
"""

import operator
import unicodedata
import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import (
    BindParameter,
    ColumnElement,
    CompoundSelect,
    Connection,
    Row,
    Select,
    bindparam,
    func,
    intersect,
    literal_column,
    or_,
    select,
    table,
    text,
    union,
    update,
)
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from ..domain.case_search import SearchField, search_words
from .batches import batches
from .models import Case, CaseClaimant, CaseRespondent, Employer, Person, Project

SHORT_QUERY = 2  # characters; longer queries use the trigram index


def body_text(
    number: str,
    facts: str,
    project_name: str,
    people: Iterable[Sequence[str | None]],
    employers: Iterable[Sequence[str | None]],
) -> str:
    """The searchable text of a case, one field per line so that a phrase never spans two names.

    ``people`` are (name, id_number, phone) of the claimants, ``employers`` (name, credit_code, id_number) of the
    respondents.
    """
    parts: list[str | None] = [number, facts, project_name]
    for row in [*people, *employers]:
        parts.extend(row)
    return "\n".join(part for part in parts if part)


def short_grams(body: str) -> str:
    """Every character and every pair of neighbouring characters of each line, as space-separated tokens (in no
    particular order: the index keeps none)."""
    grams = set(body)
    grams.update(map(operator.add, body, body[1:]))
    return " ".join(gram for gram in grams if "\n" not in gram and not gram.isspace())


def write_entries(connection: Connection, entries: Sequence[tuple[int, str]]) -> None:
    """Add (search_key, body) pairs to both indexes; the bulk path of the benchmark uses this directly."""
    if not entries:
        return  # an empty list would be taken as one execution without parameters
    connection.exec_driver_sql("INSERT INTO case_search (rowid, body) VALUES (?, ?)", entries)
    connection.exec_driver_sql(
        "INSERT INTO case_search_short (rowid, grams) VALUES (?, ?)",
        [(key, short_grams(body)) for key, body in entries],
    )


def next_search_key(session: Session) -> int:
    return (session.scalar(select(func.max(Case.search_key))) or 0) + 1


def _by_case(session: Session, query: Select) -> dict[uuid.UUID, list[tuple]]:
    """Rows of (case id, *values) grouped by case, in the query's order."""
    grouped: dict[uuid.UUID, list[tuple]] = defaultdict(list)
    for case_id, *values in session.execute(query):
        grouped[case_id].append(tuple(values))
    return grouped


def _parties(
    session: Session, case_ids: Sequence[uuid.UUID], words: Sequence[str] = ()
) -> tuple[dict[uuid.UUID, list[tuple]], dict[uuid.UUID, list[tuple]]]:
    """The (name, id_number, phone) of each case's claimants and (name, credit_code, id_number) of its respondents;
    with ``words``, only those in which one of the words stands (a collective case's other 59 workers are not read)."""

    def containing(*columns: Any) -> list[Any]:
        # instr over the folded column, as domain.case_search folds: an "x" typed finds an ID number's "X".
        return (
            [or_(*(func.instr(func.lower(column), word) > 0 for column in columns for word in words))] if words else []
        )

    people = _by_case(
        session,
        select(CaseClaimant.case_id, Person.name, Person.id_number, Person.phone)
        .join(Person, CaseClaimant.person_id == Person.id)
        .where(
            CaseClaimant.case_id.in_(case_ids),
            CaseClaimant.deleted_at.is_(None),
            *containing(Person.name, Person.id_number, Person.phone),
        )
        .order_by(CaseClaimant.case_id, CaseClaimant.position),
    )
    employers = _by_case(
        session,
        select(CaseRespondent.case_id, Employer.name, Employer.credit_code, Employer.id_number)
        .join(Employer, CaseRespondent.employer_id == Employer.id)
        .where(
            CaseRespondent.case_id.in_(case_ids),
            CaseRespondent.deleted_at.is_(None),
            *containing(Employer.name, Employer.credit_code, Employer.id_number),
        )
        .order_by(CaseRespondent.case_id, CaseRespondent.position),
    )
    return people, employers


def _bodies(session: Session, cases: Sequence[Row]) -> dict[uuid.UUID, str]:
    """The searchable text of each of these cases (rows of id, number, facts, project_id), read with three more
    queries however many cases there are."""
    case_ids = [case.id for case in cases]
    people, employers = _parties(session, case_ids)
    project_ids = {case.project_id for case in cases if case.project_id}
    projects = {
        row.id: row.name for row in session.execute(select(Project.id, Project.name).where(Project.id.in_(project_ids)))
    }
    return {
        case.id: body_text(
            case.number, case.facts, projects.get(case.project_id, ""), people[case.id], employers[case.id]
        )
        for case in cases
    }


def reindex_cases(session: Session, case_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, int]:
    """Replace these cases' entries in both indexes with their current text; returns each case's search key.

    Works in batches of plain statements, so a first sync that brings tens of thousands of cases indexes them at
    bulk speed. A case gets its key on first indexing; the key is this device's bookkeeping, not an edit of the
    case, so it is written past the ORM: no version bump, no update time, no outbox operation. A deleted case
    keeps its key and has no entries.
    """
    keys: dict[uuid.UUID, int] = {}
    columns = Case.__table__.c
    for chunk in batches(list(dict.fromkeys(case_ids))):
        cases = session.execute(
            select(Case.id, Case.search_key, Case.number, Case.facts, Case.project_id, Case.deleted_at).where(
                Case.id.in_(chunk)
            )
        ).all()
        known = {case.id: case.search_key for case in cases}
        unkeyed = [case_id for case_id in chunk if case_id in known and known[case_id] is None]
        if unkeyed:
            first_key = next_search_key(session)
            known.update({case_id: first_key + offset for offset, case_id in enumerate(unkeyed)})
            session.execute(
                update(Case.__table__)
                .where(columns.id == bindparam("case_id"))
                .values(search_key=bindparam("key"), updated_at=columns.updated_at),
                [{"case_id": case_id, "key": known[case_id]} for case_id in unkeyed],
            )
        connection = session.connection()
        stale = [(key,) for key in known.values()]
        if stale:
            connection.exec_driver_sql("DELETE FROM case_search WHERE rowid = ?", stale)
            connection.exec_driver_sql("DELETE FROM case_search_short WHERE rowid = ?", stale)
        bodies = _bodies(session, [case for case in cases if case.deleted_at is None])
        write_entries(connection, [(known[case_id], body) for case_id, body in bodies.items()])
        keys.update(known)
    return keys


def reindex_case(session: Session, case: Case) -> None:
    """Replace the case's entries in both indexes with its current text (none for a deleted case)."""
    session.flush()
    set_committed_value(case, "search_key", reindex_cases(session, [case.id])[case.id])


def index_unindexed(session: Session) -> int:
    """Index the cases that have no search entry yet (after an upgrade that added the index); returns how many."""
    cases = session.scalars(select(Case.id).where(Case.search_key.is_(None), Case.deleted_at.is_(None))).all()
    reindex_cases(session, cases)
    return len(cases)


def _phrase(query: str) -> str:
    # A quoted FTS5 string is a phrase: punctuation and operators in the query lose their meaning.
    return '"' + query.replace('"', '""') + '"'


def _value(name: str, value: str) -> BindParameter[str]:
    # Unique: the words of one query, and their full-width forms, are looked up side by side in one statement.
    return bindparam(name, value, unique=True)


def _keys_containing(query: str) -> Select[tuple[int]]:
    index = "case_search" if len(query) > SHORT_QUERY else "case_search_short"
    condition = text(f"{index} MATCH :phrase").bindparams(_value("phrase", _phrase(query)))
    return select(literal_column("rowid")).select_from(table(index)).where(condition)


def _keys_of_word(word: str) -> Select[tuple[int]] | CompoundSelect:
    # Digits and letters typed in an input method's full-width mode (１２３) must also find the ASCII ones.
    folded = unicodedata.normalize("NFKC", word)
    if folded == word:
        return _keys_containing(word)
    return union(_keys_containing(word), _keys_containing(folded))


def _keys(query: str) -> Select[tuple[int]] | CompoundSelect:
    """The keys of the cases containing every word of ``query``."""
    words = search_words(query)
    return _keys_of_word(words[0]) if len(words) == 1 else intersect(*(_keys_of_word(word) for word in words))


def matches(query: str, *, few: bool) -> ColumnElement[bool]:
    """A condition on case_file: its text contains every word of ``query`` (already cleaned and non-empty).

    With ``few`` matches SQLite should fetch them by key and sort them; with many it should walk the list's sort
    index and test each case against the set of keys, which the unary plus (no index on ``+column``) makes it do.
    """
    column = Case.search_key if few else literal_column("+case_file.search_key")
    return column.in_(_keys(query))


def count_matching(session: Session, query: str) -> int:
    """How many live cases contain ``query``, straight from the index (a trigger removes deleted cases' entries)."""
    return session.scalar(select(func.count()).select_from(_keys(query).subquery())) or 0


def searched_fields(
    session: Session, case_ids: Sequence[uuid.UUID], words: Sequence[str]
) -> dict[uuid.UUID, list[tuple[SearchField, str]]]:
    """The searchable fields of these cases (the few on one page of the list) in which one of ``words`` (folded, as
    domain.case_search.folded) may stand, to tell why each matched; the parties that hold none are not read."""
    cases = session.execute(
        select(Case.id, Case.number, Case.facts, Project.name)
        .outerjoin(Project, Project.id == Case.project_id)
        .where(Case.id.in_(case_ids))
    ).all()
    people, employers = _parties(session, case_ids, words)
    fields: dict[uuid.UUID, list[tuple[SearchField, str]]] = {}
    for case_id, number, facts, project in cases:
        found = [(SearchField.NAME, name) for name, _, _ in people[case_id]]
        found += [(SearchField.ID_NUMBER, id_number or "") for _, id_number, _ in people[case_id]]
        found += [(SearchField.PHONE, phone) for _, _, phone in people[case_id]]
        found += [(SearchField.EMPLOYER, name) for name, _, _ in employers[case_id]]
        found += [(SearchField.CREDIT_CODE, code or "") for _, code, _ in employers[case_id]]
        found += [(SearchField.EMPLOYER_ID_NUMBER, id_number or "") for _, _, id_number in employers[case_id]]
        found += [(SearchField.PROJECT, project or ""), (SearchField.NUMBER, number), (SearchField.FACTS, facts)]
        fields[case_id] = found
    return fields
