#!/usr/bin/env bash
# Set everything up (first time only) and open Tadqiq. No argument: the demo project.
#   ./run.sh                 ./run.sh my-project.db            ./run.sh --reviewer amal
set -euo pipefail
cd "$(dirname "$0")"
bash scripts/setup.sh
exec .venv/bin/tadqiq "$@"
