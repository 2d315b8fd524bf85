"""Trainer reviews (a trainer overturns or upholds a finding, with a comment); a status index.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "reviews",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("session_id", sa.String(40), sa.ForeignKey("sessions.id", ondelete="CASCADE"), nullable=False),
        sa.Column("finding", sa.String(120), nullable=False),
        sa.Column("verdict", sa.String(12), nullable=False),
        sa.Column("comment", sa.Text, nullable=False),
        sa.Column("trainer", sa.String(200), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_reviews_session_id", "reviews", ["session_id"])
    op.create_index("ix_sessions_status", "sessions", ["status"])
