"""Instant search over cases: an FTS5 trigram index of each case's names, ID numbers, phones, employers,
project and facts.

Trigrams need at least three characters; shorter queries (a surname, "工资") fall back to LIKE over the same
indexed text, which the bundled SQLite evaluates correctly against the FTS table.
"""

import unicodedata

from sqlalchemy import CompoundSelect, Select, literal_column, select, table, text, union
from sqlalchemy.orm import Session

from .models import Case, CaseClaimant, CaseRespondent, Employer, Person, Project


def _body(session: Session, case: Case) -> str:
    people = session.execute(
        select(Person.name, Person.id_number, Person.phone)
        .join(CaseClaimant, CaseClaimant.person_id == Person.id)
        .where(CaseClaimant.case_id == case.id, CaseClaimant.deleted_at.is_(None))
    ).all()
    employers = session.execute(
        select(Employer.name, Employer.credit_code, Employer.id_number)
        .join(CaseRespondent, CaseRespondent.employer_id == Employer.id)
        .where(CaseRespondent.case_id == case.id, CaseRespondent.deleted_at.is_(None))
    ).all()
    project = session.get(Project, case.project_id) if case.project_id else None
    parts = [case.number, case.facts, project.name if project else ""]
    for row in [*people, *employers]:
        parts.extend(value for value in row if value)
    # One field per line: a phrase can then never match across the boundary of two names.
    return "\n".join(part for part in parts if part)


def reindex_case(session: Session, case: Case) -> None:
    session.flush()
    key = case.id.hex
    session.execute(text("DELETE FROM case_search WHERE case_id = :id"), {"id": key})
    if case.deleted_at is None:
        session.execute(
            text("INSERT INTO case_search (case_id, body) VALUES (:id, :body)"),
            {"id": key, "body": _body(session, case)},
        )


def _escape_like(query: str) -> str:
    return query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _matching(query: str) -> Select[tuple[str]]:
    if len(query) >= 3:
        # A quoted FTS5 string is a phrase: punctuation and operators in the query lose their meaning.
        phrase = '"' + query.replace('"', '""') + '"'
        condition = text("case_search MATCH :phrase").bindparams(phrase=phrase)
    else:
        condition = text("body LIKE :pattern ESCAPE '\\'").bindparams(pattern=f"%{_escape_like(query)}%")
    return select(literal_column("case_id")).select_from(table("case_search")).where(condition)


def matching_case_ids(query: str) -> Select[tuple[str]] | CompoundSelect:
    """A subquery of the ids of cases whose indexed text contains ``query`` (already cleaned, non-empty).

    Ids are compared as stored: the 32-character hex form that SQLAlchemy's Uuid type uses on SQLite. Digits and
    letters typed in an input method's full-width mode (１２３) also find the ASCII ones stored for ID numbers.
    """
    folded = unicodedata.normalize("NFKC", query)
    if folded == query:
        return _matching(query)
    return union(_matching(query), _matching(folded))
