#!/usr/bin/env bash
# Set everything up (first time only) and run the whole test suite: layer contracts, lint, tests.
set -euo pipefail
cd "$(dirname "$0")"
bash scripts/setup.sh
export QT_QPA_PLATFORM=offscreen
echo "== layer contracts (import-linter, on the folders laid out as they install)"
.venv/bin/python scripts/lint_layers.py
echo "== lint (ruff)"
.venv/bin/ruff check .
echo "== tests (pytest)"
exec .venv/bin/python -m pytest "$@"
