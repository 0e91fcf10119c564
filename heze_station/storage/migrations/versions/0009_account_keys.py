"""Accounts carry key pairs instead of password hashes: the password now unlocks the database key (storage.keys).

A password hash written by 0008 cannot become a key pair without the password, so those accounts (made only by the
development builds between the two revisions) start without one, like the accounts from before sign-in: the next
start asks for the administrator's password again, and the administrator resets the others.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("staff_user") as batch:
        batch.drop_column("password_hash")
        batch.add_column(sa.Column("public_key", sa.String(length=64), nullable=False, server_default=""))
        batch.add_column(sa.Column("sealed_private_key", sa.String(length=200), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("staff_user") as batch:
        batch.drop_column("sealed_private_key")
        batch.drop_column("public_key")
        batch.add_column(sa.Column("password_hash", sa.String(length=200), nullable=False, server_default=""))
