"""The progress store: trainees, calls, turns, scorecards and trainer reviews.

Why SQLAlchemy 2 Core with Alembic: debtsim runs on SQLite by default (one file in the user
data folder) and on PostgreSQL for a training centre that shares one database across many
terminals. SQLAlchemy Core compiles one set of table definitions and queries (window
functions, upserts, aggregates) to both dialects, so we never hand-write two SQL dialects;
Alembic gives ordered, versioned migrations with a version table we can check (a newer
database is refused, an older one upgraded). Core rather than the ORM: rows here are plain
records turned into dicts by :mod:`simulator.store.converters`; domain objects
(``CallSession``, ``Scorecard``) never know they are stored.

Modules, one job each:

* :mod:`~simulator.store.url` -- ``--db`` / ``DEBTSIM_DB`` / the default file -> a URL
* :mod:`~simulator.store.engine` -- the engine: SQLite pragmas, file checks, reachability
* :mod:`~simulator.store.schema` -- the tables at the head revision
* :mod:`~simulator.store.migrate` and ``migrations/`` -- version checks, ordered upgrades
* :mod:`~simulator.store.core` -- :class:`Store`: open, trainees, transactions
* :mod:`~simulator.store.journal` -- writes each turn of a live call as it happens
* :mod:`~simulator.store.queries` -- sessions, progress and cohort reports (SQL aggregates);
  re-exports the trainer's reads below, so callers need one import
* :mod:`~simulator.store.filters` -- the period / persona / trainee conditions every report shares
* :mod:`~simulator.store.series` -- chart data: a trainee's scores over time, the cohort per day
* :mod:`~simulator.store.assignments` -- a trainer's assignments; "done" is read from the calls
* :mod:`~simulator.store.agreement` -- trainers' reviews against the scorer, per rule
* :mod:`~simulator.store.findings` -- finding keys (``violation:CN-INSULT@6``, ``step:support``, ``tone``)
* :mod:`~simulator.store.demo` -- a seeded cohort of real, scored calls (demos and tests)
* :mod:`~simulator.store.exchange` -- export (JSONL / CSV) and import
* :mod:`~simulator.store.converters` -- rows <-> dicts
* :mod:`~simulator.store.who` -- who is calling (``--trainee``, ``DEBTSIM_TRAINEE``, ...)

Nothing is imported or opened at import time: ``import simulator.store`` costs nothing;
SQLAlchemy loads when a store is opened (``tests/test_import_hygiene.py`` and
``tests/store/test_hygiene.py`` hold ``debtsim --help`` and ``scoring`` to that).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from simulator.store.errors import StoreError

if TYPE_CHECKING:
    from simulator.store.core import Store


def open_store(db: str | None = None) -> Store:
    """Open (creating or migrating) the store named by ``db``, ``DEBTSIM_DB`` or the default file.

    Raises :class:`StoreError` with a one-line, translated message on any problem.
    """
    from simulator.store.core import Store

    return Store.open(db)


__all__ = ["StoreError", "open_store"]
