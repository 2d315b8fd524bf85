"""The tables at the head revision, for queries. Migrations in ``migrations/versions`` own the DDL.

Timestamps are naive UTC (``DateTime`` without a zone) so SQLite and PostgreSQL store the
same thing; :mod:`converters` hands them out as aware UTC. Flags that reports average
(step done, pass, promise) are integers 0/1 because PostgreSQL cannot ``avg()`` a boolean;
a step that did not apply is NULL, which ``avg()`` skips, so a completion rate counts only
the calls where the step applied.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

STATUSES = ("in_progress", "complete", "abandoned")
STEPS = ("identity", "reminder", "negotiation", "support", "closing")

metadata = MetaData()

trainees = Table(
    "trainees", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(200), nullable=False, unique=True),
    Column("created_at", DateTime, nullable=False),
)

sessions = Table(
    "sessions", metadata,
    Column("id", String(40), primary_key=True),
    Column("trainee_id", Integer, ForeignKey("trainees.id", ondelete="CASCADE"), nullable=False),
    Column("call_id", String(200), nullable=False),  # the transcript's own id (case-persona-lang-seed)
    Column("persona", String(100)),
    Column("case_id", String(100)),
    Column("difficulty", String(10)),
    Column("seed", BigInteger),
    Column("voice", String(50)),
    Column("language", String(5), nullable=False),
    Column("scenario", Text, nullable=False),  # JSON, TRANSCRIPT.md's scenario block
    Column("started_at", DateTime, nullable=False),
    Column("ended_at", DateTime),
    Column("status", String(12), nullable=False),
    Column("record", Text),  # JSON, TRANSCRIPT.md's record block
    Column("mood_start", Float),
    Column("mood_end", Float),
    Column("affordable", Float),  # the debtor's lump sum now: what a good agent could have agreed
    Column("debtor", Text),  # JSON: the debtor's hidden state at the end
    CheckConstraint("status IN ('in_progress', 'complete', 'abandoned')", name="ck_sessions_status"),
    Index("ix_sessions_trainee_started", "trainee_id", "started_at"),
)

turns = Table(
    "turns", metadata,
    Column("session_id", String(40), ForeignKey("sessions.id", ondelete="CASCADE"), primary_key=True),
    Column("idx", Integer, primary_key=True),
    Column("speaker", String(10), nullable=False),
    Column("text", Text, nullable=False),
    Column("intent", String(40)),
    Column("slots", Text),  # JSON
    Column("at", DateTime, nullable=False),
    Column("latency_ms", Float),  # agent turn kept -> debtor reply kept
    Column("voice", String(20)),  # revision 0004: the voice whose words were kept (debtor turns)
    Column("fallback", Text),  # revision 0004: "<code>: <detail>" when the template stood in
)

# The report columns of each scorecard, with the few session facts reports filter and
# group by (trainee, start time, persona, mood change, affordable amount) copied in when
# the card is written: progress and cohort reports then read one narrow table, not a join
# of two wide ones (benchmarks/store_speed.py: the cohort query went from ~70 ms to ~20 ms;
# the persona filter of revision 0003 costs ~5 ms as a column against ~14 ms as a join).
scorecards = Table(
    "scorecards", metadata,
    Column("session_id", String(40), ForeignKey("sessions.id", ondelete="CASCADE"), primary_key=True),
    Column("trainee_id", Integer, ForeignKey("trainees.id", ondelete="CASCADE"), nullable=False),
    Column("started_at", DateTime, nullable=False),
    Column("persona", String(100)),  # revision 0003
    Column("score", Integer, nullable=False),
    Column("passed", Integer, nullable=False),
    *(Column(f"step_{name}", Integer) for name in STEPS),
    Column("step_order_ok", Integer, nullable=False),
    Column("violations", Integer, nullable=False),
    Column("critical", Integer, nullable=False),
    Column("tone_level", String(12), nullable=False),
    Column("tone_score", Integer, nullable=False),
    Column("record_accurate", Integer, nullable=False),
    Column("promise_to_pay", Integer, nullable=False),
    Column("promised_amount", Float),
    Column("affordable", Float),
    Column("final_mood", String(10)),
    Column("mood_change", Float),
    Column("scored_at", DateTime, nullable=False),
    Index("ix_scorecards_trainee_started", "trainee_id", "started_at"),
)

# The whole scorecard JSON, apart from the report columns so report scans stay narrow.
scorecard_documents = Table(
    "scorecard_documents", metadata,
    Column("session_id", String(40), ForeignKey("sessions.id", ondelete="CASCADE"), primary_key=True),
    Column("card", Text, nullable=False),
)

violations = Table(
    "violations", metadata,
    Column("session_id", String(40), ForeignKey("sessions.id", ondelete="CASCADE"), primary_key=True),
    Column("idx", Integer, primary_key=True),
    Column("trainee_id", Integer, ForeignKey("trainees.id", ondelete="CASCADE"), nullable=False),
    Column("started_at", DateTime, nullable=False),
    Column("persona", String(100)),  # revision 0003
    Column("rule", String(60), nullable=False),
    Column("turn", Integer, nullable=False),
    Column("severity", String(10), nullable=False),
    Index("ix_violations_trainee_rule", "trainee_id", "rule"),
)

# Revision 0002.
reviews = Table(
    "reviews", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("session_id", String(40), ForeignKey("sessions.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("finding", String(120), nullable=False),  # "violation:CN-INSULT@6", "step:support", "tone"
    Column("verdict", String(12), nullable=False),  # "overturn" | "uphold"
    Column("comment", Text, nullable=False),
    Column("trainer", String(200), nullable=False),
    Column("created_at", DateTime, nullable=False),
)
Index("ix_sessions_status", sessions.c.status)

# Revision 0003. ``trainee_id`` NULL: assigned to everyone, trainees who join later included.
# Whether an assignment is done is never stored: it is read from the trainee's scored calls.
assignments = Table(
    "assignments", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("persona", String(100), nullable=False),
    Column("case_id", String(100), nullable=False),
    Column("difficulty", String(10)),  # NULL: any difficulty counts
    Column("trainee_id", Integer, ForeignKey("trainees.id", ondelete="CASCADE"), index=True),
    Column("trainer", String(200), nullable=False),
    Column("created_at", DateTime, nullable=False),
    Column("due", Date),
    Column("note", Text, nullable=False),
)
