"""Entry point of the packaged app: the same as `python -m assistant`."""

import sys

from assistant.cli import main

# Piped output (CI, a script) would otherwise be in the Windows code page, which has no
# Vietnamese letters; a console is UTF-8 already. The window's program has no streams at all.
for stream in (sys.stdout, sys.stderr):
    if stream is not None:
        stream.reconfigure(encoding="utf-8")

sys.exit(main())
