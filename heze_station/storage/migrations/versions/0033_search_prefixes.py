"""The search index keeps the prefixes of one and two characters of its tokens (storage.search).

The program cut every single character and pair of a case's text itself, in Python, beside the trigrams: about half
the tokens it made. Now a token starts at every character of each word, and FTS5 keeps each token's first one and
two characters (``prefix='1 2'``), cut in C; a one- or two-character query asks for that prefix. The index takes
8% more room (1% of a 100,000-case file); making a case's tokens takes a little over half the time it took (a first
sync makes thousands).

Like 0031: the index keeps no text to rebuild from, so it starts empty, every case loses its key, and the program
indexes every case again when it opens the file (storage.search.index_unindexed). No case changes, nothing is synced.

Revision ID: 0033
Revises: 0032
Create Date: 2026-12-06
"""

import string

from alembic import op

revision = "0033"
down_revision = "0032"
branch_labels = None
depends_on = None

# As 0031 made it: the ascii tokenizer keeping ASCII punctuation inside tokens, quoted for the tokenizer, then for the
# fts5 option string.
_TOKENCHARS = "ascii tokenchars '" + string.punctuation.replace("'", "''") + "'"
_TOKENIZER = '"' + _TOKENCHARS.replace('"', '""') + '"'
_PIECES = f"grams, content='', contentless_delete=1, detail=none, tokenize={_TOKENIZER}"
LEAF_BYTES = 3900  # as 0028 set: a leaf fits one page of the encrypted file


def _recreate(options: str) -> None:
    op.execute("DROP TABLE case_search")
    op.execute(f"CREATE VIRTUAL TABLE case_search USING fts5({options})")
    op.execute(f"INSERT INTO case_search (case_search, rank) VALUES ('pgsz', {LEAF_BYTES})")
    # The trigger of 0031 names the table it deletes from; it finds the new one under the same name.
    op.execute("UPDATE case_file SET search_key = NULL")


def upgrade() -> None:
    _recreate(f"{_PIECES}, prefix='1 2'")


def downgrade() -> None:
    _recreate(_PIECES)
