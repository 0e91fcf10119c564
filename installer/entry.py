"""The frozen program's entry point: the same ``main`` as the ``heze-station`` console script."""

import sys

from heze_station.cli import main

sys.exit(main())
