"""Which voice spoke each debtor turn (``template``, ``local``, ``remote``) and, after a model
voice fell back to the template, why (``"<code>: <detail>"``): the transcript's ``voice`` and
``fallback`` keys (issue 9). Older turns keep NULL: they were all the template voice's.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("turns", sa.Column("voice", sa.String(20)))
    op.add_column("turns", sa.Column("fallback", sa.Text))


def downgrade() -> None:
    with op.batch_alter_table("turns") as batch:  # SQLite: copy-and-move; PostgreSQL: ALTER TABLE
        batch.drop_column("fallback")
        batch.drop_column("voice")
