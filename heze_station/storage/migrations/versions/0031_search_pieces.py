"""The long-query search index keeps no positions, and cuts runs of ASCII in fours (storage.search.long_grams).

The trigram index kept where each trigram stood, so that a phrase of them was matched by the index alone: 813
bytes a case on a 100,000-case station, the largest part of the file. Without positions it takes about 275; a
query of several pieces is checked against the case's text instead (storage.search.text_holds). Runs of ASCII (ID
numbers, phones, credit codes) are cut in fours, so that a phone's last four digits are one token, not two
trigrams that nearly every case holds.

Neither index keeps the text, so the new one cannot be filled from the old: both start empty, every case loses its
key, and the program indexes every case again when it opens the file (storage.search.index_unindexed, as when
search came in 0002), about a second for a few thousand cases, once. The keys are this device's bookkeeping: no
case changes, nothing is synced.

Revision ID: 0031
Revises: 0030
Create Date: 2026-12-06
"""

import string

from alembic import op

revision = "0031"
down_revision = "0030"
branch_labels = None
depends_on = None

# The ascii tokenizer (white space separates tokens) keeping ASCII punctuation inside them, quoted for the tokenizer,
# then for the fts5 option string; as 0021 made it for the short index.
_TOKENCHARS = "ascii tokenchars '" + string.punctuation.replace("'", "''") + "'"
_TOKENIZER = '"' + _TOKENCHARS.replace('"', '""') + '"'
_CONTENTLESS = "content='', contentless_delete=1"
LEAF_BYTES = 3900  # as 0028 set: a leaf fits one page of the encrypted file


def _recreate(case_search: str, case_search_short: str) -> None:
    # case_file's trigger names both tables; it finds the new ones under the same names.
    for index, columns in (("case_search", case_search), ("case_search_short", case_search_short)):
        op.execute(f"DROP TABLE {index}")
        op.execute(f"CREATE VIRTUAL TABLE {index} USING fts5({columns})")
        op.execute(f"INSERT INTO {index} ({index}, rank) VALUES ('pgsz', {LEAF_BYTES})")
    op.execute("UPDATE case_file SET search_key = NULL")


def upgrade() -> None:
    _recreate(
        f"grams, {_CONTENTLESS}, detail=none, tokenize={_TOKENIZER}",
        f"grams, {_CONTENTLESS}, detail=none, tokenize={_TOKENIZER}",
    )


def downgrade() -> None:
    _recreate(f"body, {_CONTENTLESS}, tokenize='trigram'", f"grams, {_CONTENTLESS}, detail=none, tokenize={_TOKENIZER}")
