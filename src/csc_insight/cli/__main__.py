"""`python -m csc_insight.cli` runs the command line."""

import sys

from csc_insight.cli import main

sys.exit(main())
