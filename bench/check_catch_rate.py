"""Print how many labelled bad answers each deterministic check catches.

Run by hand from the repository root: ``python bench/check_catch_rate.py [--json]``.
``catch_rates`` is re-exported so this file can also be imported.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

# Run as a script, sys.path starts at bench/; the evals package lives one level up.
ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from evals.catch_rate import catch_rates, format_table  # noqa: E402
from evals.labelled import DEFAULT_DIR  # noqa: E402

__all__ = ["catch_rates", "main"]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--path", type=Path, default=DEFAULT_DIR, help="labelled answers")
    args = parser.parse_args(argv)
    rows = catch_rates(path=args.path)
    print(json.dumps(rows, indent=2, ensure_ascii=False) if args.json else format_table(rows))
    # Non-zero when a labelled break is missed or a good answer is flagged, so the
    # script can gate a CI step too.
    broken = any(r["missed"] or r["false_alarms"] for r in rows)
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
