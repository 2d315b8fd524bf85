"""``python -m simulator`` is the same as ``debtsim``."""

import sys

from simulator.cli import main

sys.exit(main())
