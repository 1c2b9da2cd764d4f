"""The `hjem` subcommands, one module each; `hjem.cli` builds the parser from them.

Each module offers `add(commands)` to register its subparser; its handler takes the parsed
arguments and returns the exit status. Heavy modules are imported inside the handlers.
"""

EXIT_OK, EXIT_FOUND_PROBLEMS, EXIT_CANNOT = 0, 1, 2
