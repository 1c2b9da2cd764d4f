"""The `hjem` subcommands, one module each; `hjem.cli` builds the parser from them.

Each module offers `add(commands)` to register its subparser; its handler takes the parsed
arguments and returns the exit status, or raises CommandFailed. Heavy modules are imported
inside the handlers.
"""

import argparse
from typing import Any, Protocol


class Subcommands(Protocol):
    """What `add(commands)` receives: argparse names the type of add_subparsers() only
    privately, so the one method the commands use is said here."""

    def add_parser(self, name: str, **kwargs: Any) -> argparse.ArgumentParser: ...


EXIT_OK, EXIT_FOUND_PROBLEMS, EXIT_CANNOT = 0, 1, 2


class CommandFailed(Exception):
    """The command cannot be done: `hjem.cli` prints the reason (if any is left to say) to
    stderr and exits with EXIT_CANNOT."""

    def __init__(self, reason: str = ""):
        super().__init__(reason)
        self.reason = reason
