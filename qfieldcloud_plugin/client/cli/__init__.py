"""`python -m qfieldcloud_plugin.client`: the QFieldCloud command line (argparse).

Same commands, arguments and options as the official `qfieldcloud-cli`, plus `job-wait`.
Unlike it, any error exits non-zero with a one-line message on stderr. Results go to
stdout (`--json`: `json.dumps(..., sort_keys=True, indent=2)`); progress goes to stderr,
and only when stderr is a terminal.
"""

from .main import EXIT_ERROR, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE, build_parser, main

__all__ = ["EXIT_ERROR", "EXIT_INTERRUPTED", "EXIT_OK", "EXIT_USAGE", "build_parser", "main"]
