"""`python -m csc_insight.cli` runs the command line."""

import sys

from csc_insight.cli import main

if __name__ == "__main__":  # not when a worker process (store.loader) imports it
    sys.exit(main())
