"""``python -m simulator.cli``: the same entry point as the ``debtsim`` console script."""

import sys

from simulator.cli import main

sys.exit(main())
