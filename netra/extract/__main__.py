"""``python -m netra.extract ...`` (the same as ``netra extract ...``)."""

import sys

from netra.extract.cli import main

sys.exit(main())
