"""The environment of a benchmarked process: bytecode as an installed program has it.

pip compiles a wheel's modules when it installs them and the bundle carries them compiled, so a
clerk's program never compiles its own source at start. The test environment may set
``PYTHONDONTWRITEBYTECODE`` (this machine does), which would make every round of a benchmark
compile the project's modules again while the anchors' libraries, installed by pip, are
compiled: so the variable is dropped for the benchmarked processes, and a warm-up round
(``WARMUP``) writes the bytecode before any round is timed.
"""

import os

WARMUP = 1


def installed_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return {**env, "QT_QPA_PLATFORM": "offscreen", **extra}
