"""Alembic environment: always run on the connection :mod:`simulator.store.migrate` passes in.

That connection is already inside the transaction that holds the migration lock (SQLite
``BEGIN IMMEDIATE``, a PostgreSQL advisory lock), so all revisions land together or not at all.
"""

from alembic import context

connection = context.config.attributes["connection"]
context.configure(connection=connection, render_as_batch=connection.dialect.name == "sqlite")
with context.begin_transaction():
    context.run_migrations()
