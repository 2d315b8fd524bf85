"""The first schema: trainees, sessions, turns, scorecards (report columns + documents) and violations.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

STEPS = ("identity", "reminder", "negotiation", "support", "closing")


def upgrade() -> None:
    op.create_table(
        "trainees",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("name", sa.String(200), nullable=False, unique=True),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "sessions",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("trainee_id", sa.Integer, sa.ForeignKey("trainees.id", ondelete="CASCADE"), nullable=False),
        sa.Column("call_id", sa.String(200), nullable=False),
        sa.Column("persona", sa.String(100)),
        sa.Column("case_id", sa.String(100)),
        sa.Column("difficulty", sa.String(10)),
        sa.Column("seed", sa.BigInteger),
        sa.Column("voice", sa.String(50)),
        sa.Column("language", sa.String(5), nullable=False),
        sa.Column("scenario", sa.Text, nullable=False),
        sa.Column("started_at", sa.DateTime, nullable=False),
        sa.Column("ended_at", sa.DateTime),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("record", sa.Text),
        sa.Column("mood_start", sa.Float),
        sa.Column("mood_end", sa.Float),
        sa.Column("affordable", sa.Float),
        sa.Column("debtor", sa.Text),
        sa.CheckConstraint("status IN ('in_progress', 'complete', 'abandoned')", name="ck_sessions_status"),
    )
    op.create_index("ix_sessions_trainee_started", "sessions", ["trainee_id", "started_at"])
    op.create_table(
        "turns",
        sa.Column("session_id", sa.String(40), sa.ForeignKey("sessions.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("idx", sa.Integer, primary_key=True),
        sa.Column("speaker", sa.String(10), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("intent", sa.String(40)),
        sa.Column("slots", sa.Text),
        sa.Column("at", sa.DateTime, nullable=False),
        sa.Column("latency_ms", sa.Float),
    )
    op.create_table(
        "scorecards",
        sa.Column("session_id", sa.String(40), sa.ForeignKey("sessions.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("trainee_id", sa.Integer, sa.ForeignKey("trainees.id", ondelete="CASCADE"), nullable=False),
        sa.Column("started_at", sa.DateTime, nullable=False),
        sa.Column("score", sa.Integer, nullable=False),
        sa.Column("passed", sa.Integer, nullable=False),
        *(sa.Column(f"step_{name}", sa.Integer) for name in STEPS),
        sa.Column("step_order_ok", sa.Integer, nullable=False),
        sa.Column("violations", sa.Integer, nullable=False),
        sa.Column("critical", sa.Integer, nullable=False),
        sa.Column("tone_level", sa.String(12), nullable=False),
        sa.Column("tone_score", sa.Integer, nullable=False),
        sa.Column("record_accurate", sa.Integer, nullable=False),
        sa.Column("promise_to_pay", sa.Integer, nullable=False),
        sa.Column("promised_amount", sa.Float),
        sa.Column("affordable", sa.Float),
        sa.Column("final_mood", sa.String(10)),
        sa.Column("mood_change", sa.Float),
        sa.Column("scored_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_scorecards_trainee_started", "scorecards", ["trainee_id", "started_at"])
    op.create_table(
        "scorecard_documents",
        sa.Column("session_id", sa.String(40), sa.ForeignKey("sessions.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("card", sa.Text, nullable=False),
    )
    op.create_table(
        "violations",
        sa.Column("session_id", sa.String(40), sa.ForeignKey("sessions.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("idx", sa.Integer, primary_key=True),
        sa.Column("trainee_id", sa.Integer, sa.ForeignKey("trainees.id", ondelete="CASCADE"), nullable=False),
        sa.Column("started_at", sa.DateTime, nullable=False),
        sa.Column("rule", sa.String(60), nullable=False),
        sa.Column("turn", sa.Integer, nullable=False),
        sa.Column("severity", sa.String(10), nullable=False),
    )
    op.create_index("ix_violations_trainee_rule", "violations", ["trainee_id", "rule"])
