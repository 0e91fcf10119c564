"""Core tables of the station database: parties, cases, timeline, calendar, settings.

Revision ID: 0001
Revises:
Create Date: 2026-11-27
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "calendar_day",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum("holiday", "makeup_workday", name="daykind", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("source", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("day", name=op.f("pk_calendar_day")),
    )
    op.create_table(
        "employer",
        sa.Column(
            "kind",
            sa.Enum("company", "natural_person", name="employerkind", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("credit_code", sa.String(length=18), nullable=True),
        sa.Column("credit_code_override_reason", sa.String(length=200), nullable=True),
        sa.Column("id_number", sa.String(length=18), nullable=True),
        sa.Column("legal_representative", sa.String(length=50), nullable=False),
        sa.Column("address", sa.String(length=200), nullable=False),
        sa.Column("phone", sa.String(length=20), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_employer")),
    )
    with op.batch_alter_table("employer", schema=None) as batch_op:
        batch_op.create_index("ix_employer_name", ["name"], unique=False)
        batch_op.create_index(
            "uq_employer_credit_code",
            ["credit_code"],
            unique=True,
            sqlite_where=sa.text("deleted_at IS NULL"),
        )

    op.create_table(
        "person",
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column("id_number", sa.String(length=18), nullable=True),
        sa.Column("sex", sa.Enum("male", "female", name="sex", native_enum=False, length=32), nullable=True),
        sa.Column("birth_date", sa.Date(), nullable=True),
        sa.Column("phone", sa.String(length=11), nullable=False),
        sa.Column("address", sa.String(length=200), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person")),
    )
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.create_index(
            "uq_person_id_number", ["id_number"], unique=True, sqlite_where=sa.text("deleted_at IS NULL")
        )

    op.create_table(
        "setting",
        sa.Column("key", sa.String(length=60), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_setting")),
    )
    op.create_table(
        "station",
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("case_word", sa.String(length=20), nullable=False),
        sa.Column("address", sa.String(length=200), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_station")),
    )
    op.create_table(
        "project",
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("address", sa.String(length=200), nullable=False),
        sa.Column("general_contractor_id", sa.Uuid(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["general_contractor_id"], ["employer.id"], name=op.f("fk_project_general_contractor_id_employer")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_project")),
    )
    with op.batch_alter_table("project", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_project_name"), ["name"], unique=False)

    op.create_table(
        "staff_user",
        sa.Column("station_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column("login", sa.String(length=50), nullable=False),
        sa.Column(
            "role",
            sa.Enum("coordinator", "mediator", "administrator", name="staffrole", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["station_id"], ["station.id"], name=op.f("fk_staff_user_station_id_station")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff_user")),
        sa.UniqueConstraint("login", name=op.f("uq_staff_user_login")),
    )
    op.create_table(
        "case_file",
        sa.Column("station_id", sa.Uuid(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=40), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "registered",
                "accepted",
                "refused",
                "in_mediation",
                "agreement",
                "mediation_failed",
                "withdrawn",
                "referred_arbitration",
                "referred_inspection",
                "closed",
                name="casestatus",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column(
            "channel",
            sa.Enum(
                "letter",
                "online",
                "visit",
                "phone",
                "on_site",
                "platform",
                name="intakechannel",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column(
            "category",
            sa.Enum(
                "wages",
                "overtime_pay",
                "social_insurance",
                "termination",
                "work_injury",
                "other",
                name="category",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("registered_at", sa.DateTime(), nullable=False),
        sa.Column("registered_by_id", sa.Uuid(), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("knew_on", sa.Date(), nullable=False),
        sa.Column("decided_on", sa.Date(), nullable=True),
        sa.Column("mediation_started_on", sa.Date(), nullable=True),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column(
            "outcome",
            sa.Enum(
                "registered",
                "accepted",
                "refused",
                "in_mediation",
                "agreement",
                "mediation_failed",
                "withdrawn",
                "referred_arbitration",
                "referred_inspection",
                "closed",
                name="casestatus",
                native_enum=False,
                length=32,
            ),
            nullable=True,
        ),
        sa.Column("status_reason", sa.Text(), nullable=False),
        sa.Column("facts", sa.Text(), nullable=False),
        sa.Column("project_id", sa.Uuid(), nullable=True),
        sa.Column("is_collective", sa.Boolean(), nullable=False),
        sa.Column("worker_count", sa.Integer(), nullable=False),
        sa.Column("claimed_total_fen", sa.Integer(), nullable=False),
        sa.Column("claimant_summary", sa.String(length=100), nullable=False),
        sa.Column("respondent_summary", sa.String(length=200), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["project_id"], ["project.id"], name=op.f("fk_case_file_project_id_project")),
        sa.ForeignKeyConstraint(
            ["registered_by_id"], ["staff_user.id"], name=op.f("fk_case_file_registered_by_id_staff_user")
        ),
        sa.ForeignKeyConstraint(["station_id"], ["station.id"], name=op.f("fk_case_file_station_id_station")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_file")),
        sa.UniqueConstraint("number", name=op.f("uq_case_file_number")),
        sa.UniqueConstraint("station_id", "year", "sequence", name="uq_case_file_station_year_sequence"),
    )
    with op.batch_alter_table("case_file", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_case_file_project_id"), ["project_id"], unique=False)
        batch_op.create_index(
            "ix_case_file_registered_at", ["registered_at"], unique=False, sqlite_where=sa.text("deleted_at IS NULL")
        )
        batch_op.create_index("ix_case_file_status_registered_at", ["status", "registered_at"], unique=False)
        batch_op.create_index("ix_case_file_year_sequence", ["year", "sequence"], unique=False)

    op.create_table(
        "case_claimant",
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("claimed_fen", sa.Integer(), nullable=False),
        sa.Column("is_representative", sa.Boolean(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["case_file.id"], name=op.f("fk_case_claimant_case_id_case_file")),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], name=op.f("fk_case_claimant_person_id_person")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_claimant")),
        sa.UniqueConstraint("case_id", "person_id", name="uq_case_claimant_case_person"),
    )
    with op.batch_alter_table("case_claimant", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_case_claimant_case_id"), ["case_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_case_claimant_person_id"), ["person_id"], unique=False)

    op.create_table(
        "case_respondent",
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("employer_id", sa.Uuid(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column(
            "role",
            sa.Enum("employer", "general_contractor", name="respondentrole", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["case_file.id"], name=op.f("fk_case_respondent_case_id_case_file")),
        sa.ForeignKeyConstraint(["employer_id"], ["employer.id"], name=op.f("fk_case_respondent_employer_id_employer")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_respondent")),
        sa.UniqueConstraint("case_id", "employer_id", name="uq_case_respondent_case_employer"),
    )
    with op.batch_alter_table("case_respondent", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_case_respondent_case_id"), ["case_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_case_respondent_employer_id"), ["employer_id"], unique=False)

    op.create_table(
        "evidence",
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("description", sa.String(length=200), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["case_file.id"], name=op.f("fk_evidence_case_id_case_file")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evidence")),
    )
    with op.batch_alter_table("evidence", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_evidence_case_id"), ["case_id"], unique=False)

    op.create_table(
        "timeline_event",
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["actor_id"], ["staff_user.id"], name=op.f("fk_timeline_event_actor_id_staff_user")),
        sa.ForeignKeyConstraint(["case_id"], ["case_file.id"], name=op.f("fk_timeline_event_case_id_case_file")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_timeline_event")),
    )
    with op.batch_alter_table("timeline_event", schema=None) as batch_op:
        batch_op.create_index("ix_timeline_event_case_id_at", ["case_id", "at"], unique=False)
        batch_op.create_index("ix_timeline_event_at", ["at"], unique=False)

    # The timeline is append-only evidence of who did what: refuse changes at the lowest level.
    for verb in ("UPDATE", "DELETE"):
        op.execute(
            f"CREATE TRIGGER timeline_event_no_{verb.lower()} BEFORE {verb} ON timeline_event "
            "BEGIN SELECT RAISE(ABORT, 'timeline entries are append-only'); END"
        )


def downgrade() -> None:
    with op.batch_alter_table("timeline_event", schema=None) as batch_op:
        batch_op.drop_index("ix_timeline_event_at")
        batch_op.drop_index("ix_timeline_event_case_id_at")

    op.drop_table("timeline_event")
    with op.batch_alter_table("evidence", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_evidence_case_id"))

    op.drop_table("evidence")
    with op.batch_alter_table("case_respondent", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_case_respondent_employer_id"))
        batch_op.drop_index(batch_op.f("ix_case_respondent_case_id"))

    op.drop_table("case_respondent")
    with op.batch_alter_table("case_claimant", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_case_claimant_person_id"))
        batch_op.drop_index(batch_op.f("ix_case_claimant_case_id"))

    op.drop_table("case_claimant")
    with op.batch_alter_table("case_file", schema=None) as batch_op:
        batch_op.drop_index("ix_case_file_year_sequence")
        batch_op.drop_index("ix_case_file_status_registered_at")
        batch_op.drop_index("ix_case_file_registered_at")
        batch_op.drop_index(batch_op.f("ix_case_file_project_id"))

    op.drop_table("case_file")
    op.drop_table("staff_user")
    with op.batch_alter_table("project", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_project_name"))

    op.drop_table("project")
    op.drop_table("station")
    op.drop_table("setting")
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_index("uq_person_id_number", sqlite_where=sa.text("deleted_at IS NULL"))

    op.drop_table("person")
    with op.batch_alter_table("employer", schema=None) as batch_op:
        batch_op.drop_index("uq_employer_credit_code", sqlite_where=sa.text("deleted_at IS NULL"))
        batch_op.drop_index("ix_employer_name")

    op.drop_table("employer")
    op.drop_table("calendar_day")
