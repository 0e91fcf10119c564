"""Instant search over cases: names, ID numbers, phones, employers, credit codes, project and facts.

One FTS5 index, ``case_search``, keyed by ``case_file.search_key`` (an explicit column: SQLite may renumber the
implicit rowid of a table keyed by UUID when it is vacuumed). It keeps neither the text (contentless) nor where in
it a token stands (``detail=none``): the text lives only in the case's rows. Its tokens are pieces of each word (run
without white space) of the text (body_text, pieces):

- every three characters that hold a Chinese (or any non-ASCII) character, and within a run of ASCII (an ID number,
  a phone, a credit code) every four characters and the run's last three. Ten digits make only a thousand trigrams,
  which nearly every case holds; four digits name a phone's tail exactly;
- and the last one and two characters of each word and run, so that a token starts at every character. FTS5 keeps
  the prefixes of one and two characters of every token (``prefix='1 2'``): every single character and pair of the
  text, for the one- and two-character queries (a surname, "工资", "-1"), each one prefix of the index. LIKE over the
  text would answer them too, but it reads the whole text for every keystroke (about 200 ms over 100,000 cases).
  FTS5 cuts those prefixes in C: the program makes about half the tokens it made when it cut the characters and
  pairs itself, in a little over half the time (migration 0033).

A query that is one of these tokens, or one of their prefixes of one or two characters, is answered by the index
exactly. A longer one is looked up as all its pieces together, which finds the cases holding them all, side by side
or not; each such candidate is then checked against its text (text_holds), so that a case is found only where the
word stands whole. Chinese pieces almost never meet by chance, and ASCII pieces of four rarely, so the check reads
about as many cases as it keeps: a page of the list reads the cases it shows, an exact count all those that hold the
pieces (about 45 ms for a word 29,000 of 100,000 cases hold). Positions in the index would spare the check, but
cost three times the index (813 bytes a case against 274 on 100,000 cases, a seventh of the file).

The index, and the check, take capitals for small letters in ASCII only (an ID number's "X" is found by "x"); a
full-width or accented capital is found as it was typed, or by its ASCII form (１２３, ＡＢＣ: see _forms).

The text itself is read from the case's rows by searched_fields, to tell why a case matched.

A query of several words matches the cases that contain every one of them (domain.case_search), each word looked
up on its own and the keys intersected. A query's matching keys are applied to the case list by one of two plans,
chosen by how many candidates the index holds: a few are fetched by key and sorted; tens of thousands are found by
walking the list's sort index and testing each case against the set of keys (the index holds the key, so only the
cases shown are read and checked).
"""

import re
import string
import unicodedata
import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence
from itertools import filterfalse
from typing import Any

from sqlalchemy import (
    BindParameter,
    ColumnElement,
    CompoundSelect,
    Connection,
    Row,
    Select,
    and_,
    bindparam,
    exists,
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

SHORT_QUERY = 2  # characters: a query this short is one prefix of the index's tokens; a longer one, its pieces


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


_ASCII_RUN = re.compile(r"[!-~]+")  # printable ASCII without the space: digits, letters, punctuation


def pieces(body: str) -> str:
    """The tokens of a case's text, space-separated (in no particular order: the index keeps none). One starts at
    every character of each word (a run without white space), so that the index's prefixes of one and two characters
    hold every character and pair of the text:

    - every three characters that hold a non-ASCII character;
    - of a run of ASCII, every four characters and its last three, two and one;
    - each word's last two characters and its last one.
    """
    grams: set[str] = set()
    for word in body.split():
        if not word.isascii():
            grams.update(filterfalse(str.isascii, {word[start : start + 3] for start in range(len(word) - 2)}))
        grams.update((word[-2:], word[-1:]))
        for run in _ASCII_RUN.findall(word):
            grams.update(run[start : start + 4] for start in range(len(run) - 3))
            grams.update((run[-3:], run[-2:], run[-1:]))
    return " ".join(grams)


def _long_terms(word: str) -> list[str]:
    """The MATCH terms for a word of three or more characters, as pieces cut the text: its trigrams that hold a
    non-ASCII character, the 4-grams of its ASCII runs, and a run of exactly three as a prefix (it may be the start
    of a 4-gram, or a run's last three)."""
    trigrams = (word[start : start + 3] for start in range(len(word) - 2))
    terms = [_phrase(gram) for gram in filterfalse(str.isascii, trigrams)]
    for run in _ASCII_RUN.findall(word):
        if len(run) == 3:
            terms.append(_phrase(run) + "*")
        elif len(run) > 3:
            terms.extend(_phrase(run[start : start + 4]) for start in range(len(run) - 3))
    return list(dict.fromkeys(terms))


def write_entries(connection: Connection, entries: Sequence[tuple[int, str]]) -> None:
    """Add (search_key, body) pairs to the index; the bulk path of the benchmark uses this directly."""
    if not entries:
        return  # an empty list would be taken as one execution without parameters
    connection.exec_driver_sql(
        "INSERT INTO case_search (rowid, grams) VALUES (?, ?)",
        [(key, pieces(body)) for key, body in entries],
    )


def next_search_key(session: Session) -> int:
    return (session.scalar(select(func.max(Case.search_key))) or 0) + 1


def _by_case(session: Session, query: Select) -> dict[uuid.UUID, list[tuple]]:
    """Rows of (case id, *values) grouped by case, in the query's order."""
    grouped: dict[uuid.UUID, list[tuple]] = defaultdict(list)
    for case_id, *values in session.execute(query):
        grouped[case_id].append(tuple(values))
    return grouped


def _holding(columns: Sequence[Any], words: Sequence[str]) -> ColumnElement[bool]:
    """One of ``words`` stands in one of ``columns``: instr over the column with its ASCII capitals made small
    (SQLite's lower), as the index's tokenizer folds: an "x" typed finds an ID number's "X". The words must have
    small ASCII letters already (domain.case_search.folded, or _ASCII_SMALL)."""
    return or_(*(func.instr(func.lower(column), word) > 0 for column in columns for word in words))


_PERSON_FIELDS = (Person.name, Person.id_number, Person.phone)
_EMPLOYER_FIELDS = (Employer.name, Employer.credit_code, Employer.id_number)


def _parties(
    session: Session, case_ids: Sequence[uuid.UUID], words: Sequence[str] = ()
) -> tuple[dict[uuid.UUID, list[tuple]], dict[uuid.UUID, list[tuple]]]:
    """The (name, id_number, phone) of each case's claimants and (name, credit_code, id_number) of its respondents;
    with ``words``, only those in which one of the words stands (a collective case's other 59 workers are not read)."""
    people = _by_case(
        session,
        select(CaseClaimant.case_id, *_PERSON_FIELDS)
        .join(Person, CaseClaimant.person_id == Person.id)
        .where(
            CaseClaimant.case_id.in_(case_ids),
            CaseClaimant.deleted_at.is_(None),
            *([_holding(_PERSON_FIELDS, words)] if words else []),
        )
        .order_by(CaseClaimant.case_id, CaseClaimant.position),
    )
    employers = _by_case(
        session,
        select(CaseRespondent.case_id, *_EMPLOYER_FIELDS)
        .join(Employer, CaseRespondent.employer_id == Employer.id)
        .where(
            CaseRespondent.case_id.in_(case_ids),
            CaseRespondent.deleted_at.is_(None),
            *([_holding(_EMPLOYER_FIELDS, words)] if words else []),
        )
        .order_by(CaseRespondent.case_id, CaseRespondent.position),
    )
    return people, employers


def text_holds(words: Sequence[str]) -> ColumnElement[bool]:
    """A condition on case_file: one of ``words`` (with small ASCII letters) stands whole in one of the case's searched
    fields, the fields body_text joins. The check of a candidate the index found by pieces."""
    people = exists().where(
        CaseClaimant.case_id == Case.id,
        CaseClaimant.deleted_at.is_(None),
        Person.id == CaseClaimant.person_id,
        _holding(_PERSON_FIELDS, words),
    )
    employers = exists().where(
        CaseRespondent.case_id == Case.id,
        CaseRespondent.deleted_at.is_(None),
        Employer.id == CaseRespondent.employer_id,
        _holding(_EMPLOYER_FIELDS, words),
    )
    project = exists().where(Project.id == Case.project_id, _holding((Project.name,), words))
    return or_(_holding((Case.number, Case.facts), words), project, people, employers)


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
    """Replace these cases' entries in the index with their current text; returns each case's search key.

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
        bodies = _bodies(session, [case for case in cases if case.deleted_at is None])
        write_entries(connection, [(known[case_id], body) for case_id, body in bodies.items()])
        keys.update(known)
    return keys


def reindex_case(session: Session, case: Case) -> None:
    """Replace the case's entries in the index with its current text (none for a deleted case)."""
    session.flush()
    set_committed_value(case, "search_key", reindex_cases(session, [case.id])[case.id])


def index_unindexed(session: Session) -> int:
    """Index the cases that have no search entry yet (after an upgrade that added the index); returns how many."""
    cases = session.scalars(select(Case.id).where(Case.search_key.is_(None), Case.deleted_at.is_(None))).all()
    reindex_cases(session, cases)
    return len(cases)


def _phrase(token: str) -> str:
    # A quoted FTS5 string: punctuation and operators in the query lose their meaning. Each is one token here (the
    # index keeps no positions to match a phrase of several), and several side by side must all be present.
    return '"' + token.replace('"', '""') + '"'


def _value(name: str, value: str) -> BindParameter[str]:
    # Unique: the words of one query, and their full-width forms, are looked up side by side in one statement.
    return bindparam(name, value, unique=True)


def _keys_containing(query: str) -> Select[tuple[int]]:
    """The keys of the cases whose index holds ``query``: exactly when it is one token or the prefix of one (one or
    two characters, by the index's prefixes), else every piece of it."""
    terms = " ".join(_long_terms(query)) if len(query) > SHORT_QUERY else _phrase(query) + "*"
    condition = text("case_search MATCH :terms").bindparams(_value("terms", terms))
    return select(literal_column("rowid")).select_from(table("case_search")).where(condition)


def _forms(word: str) -> list[str]:
    """The word, and its ASCII form when it was typed in an input method's full-width mode (１２３ must also find
    123). A form with white space (NFKC makes "￣" a space and a mark) is no word of the text and is left out."""
    folded = unicodedata.normalize("NFKC", word)
    return [word] if folded == word or any(map(str.isspace, folded)) else [word, folded]


def _keys_of_word(word: str) -> Select[tuple[int]]:
    forms = _forms(word)
    if len(forms) == 1:
        return _keys_containing(word)
    # A union inside INTERSECT must stand as a subquery of its own: SQLite refuses a parenthesised compound there.
    return select(literal_column("rowid")).select_from(union(*map(_keys_containing, forms)).subquery())


def _keys(query: str) -> Select[tuple[int]] | CompoundSelect:
    """The keys of the candidates for ``query``: the cases whose index holds every word of it (see _checks)."""
    words = search_words(query)
    return _keys_of_word(words[0]) if len(words) == 1 else intersect(*(_keys_of_word(word) for word in words))


_ASCII_SMALL = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)


def _one_piece(word: str) -> bool:
    """Whether ``word`` is itself one token of the index (answered exactly): up to three characters, or four of
    ASCII. A longer word whose pieces are all alike ("0000000000") is looked up by one term, yet is not one."""
    return len(word) <= 3 or (len(word) == 4 and _ASCII_RUN.fullmatch(word) is not None)


def _checks(query: str) -> list[ColumnElement[bool]]:
    """The text checks the candidates of ``query`` need: one for each word the index found by its pieces."""
    checks = []
    for word in search_words(query):
        forms = _forms(word)
        if not all(map(_one_piece, forms)):
            checks.append(text_holds([form.translate(_ASCII_SMALL) for form in forms]))
    return checks


def matches(query: str, *, few: bool) -> ColumnElement[bool]:
    """A condition on case_file: its text contains every word of ``query`` (already cleaned and non-empty).

    With ``few`` candidates SQLite should fetch them by key, check and sort them; with many it should walk the list's
    sort index and test each case against the set of keys, which the unary plus (no index on ``+column``) makes it
    do: only the cases that fill the page are checked.
    """
    column = Case.search_key if few else literal_column("+case_file.search_key")
    return and_(column.in_(_keys(query)), *_checks(query))


def count_candidates(session: Session, query: str) -> int:
    """How many live cases the index holds for ``query`` (a trigger removes deleted cases' entries), without the
    text checks: at least as many as match, and what decides the plan of matches (about a millisecond)."""
    return session.scalar(select(func.count()).select_from(_keys(query).subquery())) or 0


def count_matching(session: Session, query: str) -> int:
    """How many live cases contain ``query``: straight from the index when each word is one token, else its
    candidates checked."""
    checks = _checks(query)
    if not checks:
        return count_candidates(session, query)
    return session.scalar(select(func.count()).select_from(Case).where(Case.search_key.in_(_keys(query)), *checks)) or 0


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
