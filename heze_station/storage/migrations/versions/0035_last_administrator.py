"""A station keeps an administrator who can sign in: the database refuses the change that would disable, delete or
demote the last one with keys (an account from before sign-in has none), whether typed here or pulled from the city
(where the sync keeps it aside, with the reason).

The program already refused to disable one's own account; a device that synced a change disabling the station's
only administrator removed that person's key slot on every laptop, and only the recovery sheet let anyone in again.

Revision ID: 0035
Revises: 0034
Create Date: 2026-12-07
"""

from alembic import op

revision = "0035"
down_revision = "0034"
branch_labels = None
depends_on = None

_ENABLED_ADMINISTRATOR = "{row}.role = 'administrator' AND {row}.disabled_at IS NULL AND {row}.deleted_at IS NULL"


def upgrade() -> None:
    op.execute(
        "CREATE TRIGGER IF NOT EXISTS staff_user_last_administrator BEFORE UPDATE ON staff_user "
        f"WHEN {_ENABLED_ADMINISTRATOR.format(row='OLD')} AND NOT ({_ENABLED_ADMINISTRATOR.format(row='NEW')}) "
        f"AND NOT EXISTS (SELECT 1 FROM staff_user AS other WHERE other.id != OLD.id AND other.public_key != '' "
        f"AND {_ENABLED_ADMINISTRATOR.format(row='other')}) "
        "BEGIN SELECT RAISE(ABORT, 'a station keeps an administrator who can sign in'); END"
    )


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS staff_user_last_administrator")
