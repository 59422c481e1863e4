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


# A test may start its subprocess in the C locale (to prove a file is read as UTF-8 whatever the
# locale). Python then decodes the environment as ASCII, and the name of a mutated method (which
# mutmut spells with "ǁ") arrives garbled: no mutant would match, and the test would always see
# the original code. Recover the name from its bytes and hand it to mutmut directly (such a name
# cannot be put back into a C-locale environment).
_ACTIVE = os.environ.get("MUTANT_UNDER_TEST", "")
try:
    _ACTIVE.encode("utf-8")
except UnicodeEncodeError:
    from mutmut.mutation import trampoline as _trampoline

    del os.environ["MUTANT_UNDER_TEST"]
    _trampoline._mutant_under_test = os.fsencode(_ACTIVE).decode("utf-8", "replace")
