"""Smaller search indexes: no second copy of every case's text, and no word positions where no query needs them.

- ``case_search`` becomes contentless (``content=''``): a trigram phrase query is answered from the index alone
  (its positions say the trigrams stand side by side), so the text it kept beside the index was never read but by
  the LIKE of a short query with ASCII punctuation, which the short index now answers itself.
- ``case_search_short`` keeps no positions (``detail=none``): every query of it is one token, a character or a
  pair. Its tokenizer now keeps ASCII punctuation inside tokens, so "-1" or "(" is a token like "工资".

Both are rebuilt from the text the old trigram table held, under the same keys; the short index's grams are made as
the program made them for every new case then (short_grams; 0033 left the short grams to FTS5's prefixes).

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-04
"""

import operator
import string

from alembic import op
from sqlalchemy import text

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None

_BATCH = 2000
# The ascii tokenizer's tokenchars option, quoted for the tokenizer, then for the fts5 option string.
_TOKENCHARS = "ascii tokenchars '" + string.punctuation.replace("'", "''") + "'"
SHORT_TOKENIZER = '"' + _TOKENCHARS.replace('"', '""') + '"'


def short_grams(body: str) -> str:
    """Every character and every pair of neighbouring characters of each line, as space-separated tokens."""
    grams = set(body)
    grams.update(map(operator.add, body, body[1:]))
    return " ".join(gram for gram in grams if "\n" not in gram and not gram.isspace())


def _create(trigram_options: str, short_options: str) -> None:
    op.execute(f"CREATE VIRTUAL TABLE case_search USING fts5(body, {trigram_options}tokenize='trigram')")
    op.execute(
        f"CREATE VIRTUAL TABLE case_search_short USING fts5(grams, content='', contentless_delete=1, {short_options})"
    )


def upgrade() -> None:
    # The text is kept aside in an ordinary table of the encrypted file (a TEMP table could spill to a clear file).
    op.execute("CREATE TABLE search_text_0021 AS SELECT rowid AS search_key, body FROM case_search")
    # case_file's trigger names both tables; it finds the new ones under the same names.
    op.execute("DROP TABLE case_search")
    op.execute("DROP TABLE case_search_short")
    _create("content='', contentless_delete=1, ", f"detail=none, tokenize={SHORT_TOKENIZER}")
    op.execute("INSERT INTO case_search (rowid, body) SELECT search_key, body FROM search_text_0021")
    connection = op.get_bind()
    last = -1
    while rows := connection.execute(
        text("SELECT search_key, body FROM search_text_0021 WHERE search_key > :last ORDER BY search_key LIMIT :n"),
        {"last": last, "n": _BATCH},
    ).all():
        connection.exec_driver_sql(
            "INSERT INTO case_search_short (rowid, grams) VALUES (?, ?)",
            [(key, short_grams(body)) for key, body in rows],
        )
        last = rows[-1][0]
    op.execute("DROP TABLE search_text_0021")


def downgrade() -> None:
    # The contentless index cannot give its text back: the old tables start empty and every case is indexed again
    # when the program opens the file (storage.search.index_unindexed).
    op.execute("DROP TABLE case_search")
    op.execute("DROP TABLE case_search_short")
    _create("", "tokenize='ascii'")
    op.execute("UPDATE case_file SET search_key = NULL")
