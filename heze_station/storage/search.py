"""Instant search over cases: names, ID numbers, phones, employers, credit codes, project and facts.

Two FTS5 indexes share one integer key, ``case_file.search_key`` (an explicit column: SQLite may renumber the
implicit rowid of a table keyed by UUID when it is vacuumed):

- ``case_search``: the text itself, trigram-tokenised, for queries of three or more characters;
- ``case_search_short``: every single character and character pair of that text as tokens, for the one- and
  two-character queries (a surname, "工资") that trigrams cannot answer. LIKE could answer them too, but it
  reads the whole index for every keystroke (about 200 ms over 100,000 cases); it is kept only for the rare
  short query of ASCII punctuation, which this index has no tokens for.

A query's matching keys are applied to the case list by one of two plans, chosen by how many cases match
(counted in the index first): a few are fetched by key and sorted; tens of thousands are found by walking the
list's sort index and testing each case against the set of keys.
"""

import unicodedata
from collections.abc import Iterable, Sequence

from sqlalchemy import (
    ColumnElement,
    CompoundSelect,
    Connection,
    Select,
    func,
    inspect,
    literal_column,
    select,
    table,
    text,
    union,
    update,
)
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

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
    """Every character and every pair of neighbouring characters of each line, as space-separated tokens."""
    grams: dict[str, None] = {}
    for line in body.split("\n"):
        for start in range(len(line)):
            grams[line[start]] = None
            if start + 1 < len(line):
                grams[line[start : start + 2]] = None
    return " ".join(gram for gram in grams if not gram.isspace())


def write_entries(connection: Connection, entries: Sequence[tuple[int, str]]) -> None:
    """Add (search_key, body) pairs to both indexes; the bulk path of the benchmark uses this directly."""
    connection.exec_driver_sql("INSERT INTO case_search (rowid, body) VALUES (?, ?)", entries)
    connection.exec_driver_sql(
        "INSERT INTO case_search_short (rowid, grams) VALUES (?, ?)",
        [(key, short_grams(body)) for key, body in entries],
    )


def next_search_key(session: Session) -> int:
    return (session.scalar(select(func.max(Case.search_key))) or 0) + 1


def _body(session: Session, case: Case) -> str:
    people = session.execute(
        select(Person.name, Person.id_number, Person.phone)
        .join(CaseClaimant, CaseClaimant.person_id == Person.id)
        .where(CaseClaimant.case_id == case.id, CaseClaimant.deleted_at.is_(None))
        .order_by(CaseClaimant.position)
    ).all()
    employers = session.execute(
        select(Employer.name, Employer.credit_code, Employer.id_number)
        .join(CaseRespondent, CaseRespondent.employer_id == Employer.id)
        .where(CaseRespondent.case_id == case.id, CaseRespondent.deleted_at.is_(None))
        .order_by(CaseRespondent.position)
    ).all()
    project = session.get(Project, case.project_id) if case.project_id else None
    return body_text(case.number, case.facts, project.name if project else "", people, employers)


def _assign_key(session: Session, case: Case) -> None:
    key = next_search_key(session)
    if inspect(case).persistent:
        # The key is this device's bookkeeping, not an edit of the case: it must not bump the version (or the
        # update time) that merging with other devices relies on, so it bypasses the ORM's versioning.
        columns = Case.__table__.c
        session.execute(
            update(Case.__table__).where(columns.id == case.id).values(search_key=key, updated_at=columns.updated_at)
        )
        set_committed_value(case, "search_key", key)
    else:
        case.search_key = key


def reindex_case(session: Session, case: Case) -> None:
    """Replace the case's entries in both indexes with its current text (none for a deleted case)."""
    if case.search_key is None:
        _assign_key(session, case)
    session.flush()
    key = {"key": case.search_key}
    session.execute(text("DELETE FROM case_search WHERE rowid = :key"), key)
    session.execute(text("DELETE FROM case_search_short WHERE rowid = :key"), key)
    if case.deleted_at is None:
        write_entries(session.connection(), [(case.search_key, _body(session, case))])


def index_unindexed(session: Session) -> int:
    """Index the cases that have no search entry yet (after an upgrade that added the index); returns how many."""
    cases = session.scalars(select(Case).where(Case.search_key.is_(None), Case.deleted_at.is_(None))).all()
    for case in cases:
        reindex_case(session, case)
    return len(cases)


def _phrase(query: str) -> str:
    # A quoted FTS5 string is a phrase: punctuation and operators in the query lose their meaning.
    return '"' + query.replace('"', '""') + '"'


def _keys_containing(query: str) -> Select[tuple[int]]:
    if len(query) > SHORT_QUERY:
        condition = text("case_search MATCH :phrase").bindparams(phrase=_phrase(query))
        return select(literal_column("rowid")).select_from(table("case_search")).where(condition)
    if all(character.isalnum() or not character.isascii() for character in query):
        condition = text("case_search_short MATCH :phrase").bindparams(phrase=_phrase(query))
        return select(literal_column("rowid")).select_from(table("case_search_short")).where(condition)
    # ASCII punctuation or spaces split tokens in the short index, which cannot match them literally: the rare
    # slow path, a scan of the text.
    escaped = query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    condition = text("body LIKE :pattern ESCAPE '\\'").bindparams(pattern=f"%{escaped}%")
    return select(literal_column("rowid")).select_from(table("case_search")).where(condition)


def _keys(query: str) -> Select[tuple[int]] | CompoundSelect:
    # Digits and letters typed in an input method's full-width mode (１２３) must also find the ASCII ones.
    folded = unicodedata.normalize("NFKC", query)
    if folded == query:
        return _keys_containing(query)
    return union(_keys_containing(query), _keys_containing(folded))


def matches(query: str, *, few: bool) -> ColumnElement[bool]:
    """A condition on case_file: its text contains ``query`` (already cleaned and non-empty).

    With ``few`` matches SQLite should fetch them by key and sort them; with many it should walk the list's sort
    index and test each case against the set of keys, which the unary plus (no index on ``+column``) makes it do.
    """
    column = Case.search_key if few else literal_column("+case_file.search_key")
    return column.in_(_keys(query))


def count_matching(session: Session, query: str) -> int:
    """How many live cases contain ``query``, straight from the index (a trigger removes deleted cases' entries)."""
    return session.scalar(select(func.count()).select_from(_keys(query).subquery())) or 0
