#!/usr/bin/env bash
# Set up (first time) and start the window of Báo cáo nhanh.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/python -m assistant "$@"
