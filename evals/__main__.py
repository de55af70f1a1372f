"""``python -m evals``: run the eval cases against a model; ``python -m evals recheck REPORT``."""

import sys

from evals.cli import main

sys.exit(main())
