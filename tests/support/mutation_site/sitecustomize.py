"""Loaded only by `make mutation` (on PYTHONPATH): a CLI that a test starts in a subprocess reports
which plugin functions it ran, so that mutmut maps those functions to that test.

mutmut learns which tests reach a function by recording calls in the test process; a call in a
child process is invisible to it, and every mutant of the CLI would count as "no tests".
"""

import atexit
import os

_HITS_FILE = os.environ.get("QFC_MUTATION_HITS")

if _HITS_FILE and os.environ.get("MUTANT_UNDER_TEST") == "stats":

    def _report_hits() -> None:
        from mutmut.state import state

        with open(_HITS_FILE, "a", encoding="utf-8") as hits:
            hits.write("".join(name + "\n" for name in state()._stats))

    atexit.register(_report_hits)
