"""debtsim's simulator: everything a trainee or trainer touches (catalog, call, debtor, store, app).

Importing this package is free: heavy modules (pydantic models, Textual, torch) load only
when a command needs them, so ``debtsim --help`` starts in well under 0.3 s.
"""

__version__ = "0.1.0"
