"""`python -m hjem` runs the same command as the `hjem` script."""

import sys

from hjem.cli import main

sys.exit(main())
