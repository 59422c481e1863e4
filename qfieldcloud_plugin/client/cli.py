"""Command line interface (being written)."""

import sys
from typing import List, Optional


def main(argv: Optional[List[str]] = None) -> int:
    sys.stderr.write("The CLI is not ready yet.\n")
    return 1
