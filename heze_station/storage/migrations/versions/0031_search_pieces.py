"""One search index of pieces, without positions (storage.search): the trigram index and the short one merged.

The trigram index kept where each trigram stood, so that a phrase of them was matched by the index alone: 813
bytes a case on a 100,000-case station, the largest part of the file. Without positions the long pieces take about
275; a query of several pieces is checked against the case's text instead (storage.search.text_holds). Runs of
ASCII (ID numbers, phones, credit codes) are cut in fours, so that a phone's last four digits are one token, not
two trigrams that nearly every case holds. The one- and two-character pieces, which the short index held already
without positions, join them in one table: a case's entry is written and removed once, not twice.

Neither index keeps the text, so the new one cannot be filled from the old: it starts empty, every case loses its
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
_PIECES = f"grams, content='', contentless_delete=1, detail=none, tokenize={_TOKENIZER}"
_TRIGRAMS = "body, content='', contentless_delete=1, tokenize='trigram'"
LEAF_BYTES = 3900  # as 0028 set: a leaf fits one page of the encrypted file


def _create(index: str, columns: str) -> None:
    op.execute(f"CREATE VIRTUAL TABLE {index} USING fts5({columns})")
    op.execute(f"INSERT INTO {index} ({index}, rank) VALUES ('pgsz', {LEAF_BYTES})")


def _deleted_case_leaves(*indexes: str) -> None:
    # The trigger of 0002 (as 0017 left it), naming the indexes there are.
    deletes = " ".join(f"DELETE FROM {index} WHERE rowid = NEW.search_key;" for index in indexes)
    op.execute("DROP TRIGGER case_file_deleted_leaves_search")
    op.execute(
        "CREATE TRIGGER case_file_deleted_leaves_search AFTER UPDATE OF deleted_at ON case_file "
        f"WHEN NEW.deleted_at IS NOT NULL AND NEW.search_key IS NOT NULL BEGIN {deletes} END"
    )


def upgrade() -> None:
    op.execute("DROP TABLE case_search")
    op.execute("DROP TABLE case_search_short")
    _create("case_search", _PIECES)
    _deleted_case_leaves("case_search")
    op.execute("UPDATE case_file SET search_key = NULL")


def downgrade() -> None:
    op.execute("DROP TABLE case_search")
    _create("case_search", _TRIGRAMS)
    _create("case_search_short", _PIECES)
    _deleted_case_leaves("case_search", "case_search_short")
    op.execute("UPDATE case_file SET search_key = NULL")
