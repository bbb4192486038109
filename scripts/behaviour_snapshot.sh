#!/usr/bin/env bash
# Snapshot what Tadqiq produces, to check that a refactoring changes no behaviour:
#   bash scripts/behaviour_snapshot.sh OUT [TADQIQ]      then   diff -r OUT_BEFORE OUT_AFTER
# Builds projects from the demo corpus, the development sets in tests/data/extract and (when it
# is beside the checkout) the seed article with its gold, runs the extractor, scores it, and
# exports every format with --status gold and all. Manifests are kept minus their time stamps.
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(realpath -m "$1"); tq=${2:-.venv/bin/tadqiq}
rm -rf "$out"; mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export TADQIQ_REVIEWER=snapshot
snap() {  # NAME PROJECT: extract, evaluate, export everything
  local name=$1 db=$2
  "$tq" extract "$db" > "$out/$name.extract.txt" 2>&1
  "$tq" stats "$db" --json > "$out/$name.stats.json"
  "$tq" check "$db" > "$out/$name.check.txt" 2>&1 || true
  for status in gold all; do
    for fmt in jsonl oneie dygiepp brat conll acled-csv; do
      local target="$work/exp-$name-$status-$fmt"
      [ "$fmt" = brat ] || target="$target.out"
      "$tq" export "$db" --format "$fmt" --status "$status" -o "$target" > /dev/null 2>&1 || echo "export failed" > "$target.failed"
      mkdir -p "$out/export-$name-$status-$fmt"
      if [ -d "$target" ]; then cp -r "$target"/. "$out/export-$name-$status-$fmt/"; else cp "$target"* "$out/export-$name-$status-$fmt/" 2>/dev/null || true; fi
    done
  done
}
# the demo corpus
"$tq" init "$work/demo.db" > /dev/null
"$tq" import "$work/demo.db" resources/demo > /dev/null 2>&1
snap demo "$work/demo.db"
# each development set: gold imported, extractor run, scored
for gold in tests/data/extract/*.gold.jsonl; do
  name=$(basename "$gold" .gold.jsonl)
  "$tq" init "$work/$name.db" > /dev/null
  "$tq" import "$work/$name.db" "$gold" --gold --reviewer gold > /dev/null 2>&1
  snap "$name" "$work/$name.db"
  "$tq" evaluate "$work/$name.db" --gold reviewer:gold --pred "$("$tq" stats "$work/$name.db" --json | python3 -c 'import json,sys; print([o for o in json.load(sys.stdin)["mentions_by_origin"] if o.startswith("extractor:")][0])')" --json > "$out/$name.evaluate.json" 2>&1 || true
done
seed=../shared/seed/000_aa59fc9b5caee80f
if [ -f "$seed.txt" ]; then
  "$tq" init "$work/seed.db" > /dev/null
  "$tq" import "$work/seed.db" "$seed.gold.jsonl" --gold --reviewer seed > /dev/null 2>&1
  snap seed "$work/seed.db"
  "$tq" evaluate "$work/seed.db" --gold reviewer:seed --pred "$("$tq" stats "$work/seed.db" --json | python3 -c 'import json,sys; print([o for o in json.load(sys.stdin)["mentions_by_origin"] if o.startswith("extractor:")][0])')" --json > "$out/seed.evaluate.json" 2>&1 || true
fi
# manifests carry the time of export and the command's paths: drop those lines
find "$out" -name 'manifest.json' -o -name '*.manifest.json' | while read -r m; do
  python3 - "$m" <<'PY'
import json, sys
p = sys.argv[1]; d = json.load(open(p, encoding="utf-8"))
for k in ("created", "exported_at", "command", "time", "project"):
    d.pop(k, None)
json.dump(d, open(p, "w", encoding="utf-8"), ensure_ascii=False, indent=1, sort_keys=True)
PY
done
echo "snapshot in $out: $(find "$out" -type f | wc -l) files"
