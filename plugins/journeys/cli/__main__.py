"""`python -m journeys.cli`: the `journeys` command, without the console script on the PATH."""

import sys

from journeys.cli.main import main

sys.exit(main())
