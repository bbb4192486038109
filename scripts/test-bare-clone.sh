#!/usr/bin/env bash
# Run the README's test command (./test.sh) in a fresh clone of this checkout's HEAD, in a temporary
# folder with nothing beside it (no ../shared): the suite must pass on a bare clone. The seed
# acceptance test then reports itself NOT RUN. Uncommitted changes are not in the clone.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
chmod 755 "$tmp"  # the read-only tests run the installed command as user nobody: it must reach it
trap 'rm -rf "$tmp"' EXIT
git clone --quiet --no-hardlinks "$PWD" "$tmp/tadqiq"
[ ! -e "$tmp/shared" ] || { echo "test-bare-clone: $tmp/shared exists" >&2; exit 1; }
echo "== bare clone of $(git rev-parse --short HEAD) in $tmp/tadqiq (nothing beside it)"
cd "$tmp/tadqiq"
bash test.sh "$@"
