"""`python -m bot catalog check FILE`: validate a product file without starting the bot, and
`python -m bot catalog search FILE "➕ line"`: see what a line would be shown.

Exit status of `check`: 0 when every row is good, 1 when some rows would be skipped (so a
CI job or a deploy script can stop a file with mistakes), 2 when the file cannot be read.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from bot.shopping.catalog import CatalogUnreadable, load_catalog
from bot.shopping.ranking import CatalogIndex

USAGE = 'usage: python -m bot catalog check FILE | catalog search FILE "➕ line"'


def catalog_command(argv: Sequence[str]) -> int:
    if (
        len(argv) < 2
        or argv[0] not in ("check", "search")
        or (argv[0] == "search") != (len(argv) == 3)
    ):
        print(USAGE, file=sys.stderr)
        return 2
    try:
        load = load_catalog(argv[1])
    except CatalogUnreadable as exc:
        print(exc, file=sys.stderr)
        return 2
    for problem in load.problems:
        print(problem, file=sys.stderr)
    if argv[0] == "search":
        for match in CatalogIndex(load.products).search(argv[2]):
            product = match.product
            print(f"{match.score:6.2f}  {product.id}  {product.title}  {product.url}")
        return 0
    print(load.summary)
    return 1 if load.problems else 0
