"""Instant case search: an FTS5 trigram index over names, ID numbers, phones, employers, project and facts.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# Fills the index for cases stored before this revision, in the same shape as storage.search builds it.
_BACKFILL = """
INSERT INTO case_search (case_id, body)
SELECT c.id,
       concat_ws(char(10), c.number, nullif(c.facts, ''), p.name,
                 (SELECT group_concat(concat_ws(char(10), pe.name, pe.id_number, nullif(pe.phone, '')), char(10))
                    FROM case_claimant cc JOIN person pe ON pe.id = cc.person_id
                   WHERE cc.case_id = c.id AND cc.deleted_at IS NULL),
                 (SELECT group_concat(concat_ws(char(10), e.name, e.credit_code, e.id_number), char(10))
                    FROM case_respondent cr JOIN employer e ON e.id = cr.employer_id
                   WHERE cr.case_id = c.id AND cr.deleted_at IS NULL))
  FROM case_file c LEFT JOIN project p ON p.id = c.project_id
 WHERE c.deleted_at IS NULL
"""


def upgrade() -> None:
    op.execute("CREATE VIRTUAL TABLE case_search USING fts5(case_id UNINDEXED, body, tokenize='trigram')")
    op.execute(_BACKFILL)


def downgrade() -> None:
    op.execute("DROP TABLE case_search")
