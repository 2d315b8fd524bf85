"""Assignments (a trainer sets a persona + case to a trainee or to everyone); the persona copied
into the report tables so the cohort dashboard can filter by it without a join.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

REPORT_TABLES = ("scorecards", "violations")


def upgrade() -> None:
    sessions = sa.table("sessions", sa.column("id", sa.String), sa.column("persona", sa.String))
    for name in REPORT_TABLES:
        op.add_column(name, sa.Column("persona", sa.String(100)))
        table = sa.table(name, sa.column("session_id", sa.String), sa.column("persona", sa.String))
        # Backfill from the session each row belongs to (one correlated UPDATE, both dialects).
        op.execute(table.update().values(persona=sa.select(sessions.c.persona)
                                         .where(sessions.c.id == table.c.session_id).scalar_subquery()))
    op.create_table(
        "assignments",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("persona", sa.String(100), nullable=False),
        sa.Column("case_id", sa.String(100), nullable=False),
        sa.Column("difficulty", sa.String(10)),
        sa.Column("trainee_id", sa.Integer, sa.ForeignKey("trainees.id", ondelete="CASCADE")),
        sa.Column("trainer", sa.String(200), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("due", sa.Date),
        sa.Column("note", sa.Text, nullable=False),
    )
    op.create_index("ix_assignments_trainee_id", "assignments", ["trainee_id"])


def downgrade() -> None:
    op.drop_index("ix_assignments_trainee_id", table_name="assignments")
    op.drop_table("assignments")
    for name in REPORT_TABLES:
        with op.batch_alter_table(name) as batch:  # SQLite: copy-and-move; PostgreSQL: ALTER TABLE
            batch.drop_column("persona")
