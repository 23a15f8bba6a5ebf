#!/usr/bin/env bash
# Set up everything the tests need, then lint and run the whole test suite (CI runs exactly this).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
.venv/bin/ruff check assistant tests scripts
.venv/bin/python -m pytest "$@"
