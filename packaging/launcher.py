"""Entry point of the packaged app: the same as `python -m assistant`."""

import sys

from assistant.cli import main

sys.exit(main())
