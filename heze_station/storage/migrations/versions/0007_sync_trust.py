"""Which calendar years are complete, as data the city publishes; rows pulled that could not be stored; pairs
that two offline laptops may both make are no longer unique.

Until now one setting said how far the official calendar was known, from the seed only. The city now publishes
years (``calendar_year`` rows) and says which are complete; the years the seed covered are complete already.

A worker on a case, an employer on a case and an agreement's arbitral review are made once per laptop by the
services; two offline laptops may each make one. The server keeps both, so the station must too: a unique index
here would refuse the second one at every sync (as 0006 did for single values).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

from heze_station.storage.types import UtcDateTime

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

_PUBLISHED_UNTIL = "calendar_published_until"
_SEED_SOURCE = "chinese-calendar"


def upgrade() -> None:
    years = op.create_table(
        "calendar_year",
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("complete", sa.Boolean(), nullable=False),
        sa.Column("source", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("year", name=op.f("pk_calendar_year")),
    )
    op.create_table(
        "quarantined_row",
        sa.Column("row_id", sa.Uuid(), nullable=False),
        sa.Column("table_name", sa.String(length=63), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("change", sa.Text(), nullable=False),
        sa.Column("reason", sa.String(length=300), nullable=False),
        sa.Column("received_at", UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("row_id", name=op.f("pk_quarantined_row")),
    )
    with op.batch_alter_table("case_claimant") as batch:
        batch.drop_constraint("uq_case_claimant_case_person", type_="unique")
    with op.batch_alter_table("case_respondent") as batch:
        batch.drop_constraint("uq_case_respondent_case_employer", type_="unique")
    with op.batch_alter_table("arbitral_review") as batch:
        batch.drop_constraint("uq_arbitral_review_agreement_id", type_="unique")
        batch.create_index("ix_arbitral_review_agreement_id", ["agreement_id"])
    connection = op.get_bind()
    published = connection.scalar(sa.text("SELECT value FROM setting WHERE key = :key"), {"key": _PUBLISHED_UNTIL})
    first = connection.scalar(sa.text("SELECT min(day) FROM calendar_day"))
    if published and first:
        rows = [
            {"year": year, "complete": True, "source": _SEED_SOURCE}
            for year in range(int(first[:4]), int(published[:4]) + 1)
        ]
        op.bulk_insert(years, rows)
    connection.execute(sa.text("DELETE FROM setting WHERE key = :key"), {"key": _PUBLISHED_UNTIL})


def downgrade() -> None:
    connection = op.get_bind()
    last = connection.scalar(sa.text("SELECT max(year) FROM calendar_year WHERE complete"))
    if last is not None:
        connection.execute(
            sa.text("INSERT INTO setting (key, value) VALUES (:key, :value)"),
            {"key": _PUBLISHED_UNTIL, "value": f"{last}-12-31"},
        )
    op.drop_table("quarantined_row")
    op.drop_table("calendar_year")
    with op.batch_alter_table("arbitral_review") as batch:
        batch.drop_index("ix_arbitral_review_agreement_id")
        batch.create_unique_constraint("uq_arbitral_review_agreement_id", ["agreement_id"])
    with op.batch_alter_table("case_respondent") as batch:
        batch.create_unique_constraint("uq_case_respondent_case_employer", ["case_id", "employer_id"])
    with op.batch_alter_table("case_claimant") as batch:
        batch.create_unique_constraint("uq_case_claimant_case_person", ["case_id", "person_id"])
