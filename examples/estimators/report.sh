#!/usr/bin/env bash
# Regenerates the tables of docs/experiments/martino-estimators.md: every estimator of log Z on the analytic specs
# of this folder (Gaussians and squared mixtures with offsets, d = 2, 10, 50), R repetitions each, against the exact
# log Z. Prints Markdown on standard output; progress goes to standard error.
#   examples/estimators/report.sh [REPEATS] [SAMPLES] > table.md
# Needs jq. Runs one JVM per spec (one native thread: EBM_THREADS=1).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
repeats="${1:-10}"
samples="${2:-2000}"
export EBM_THREADS="${EBM_THREADS:-1}"
command -v jq > /dev/null || { echo "report.sh needs jq" >&2; exit 2; }

echo "| energy | d | method | exact log Z | mean error | sd | mean stderr | z | evaluations | warnings (of $repeats) |"
echo "|---|---|---|---|---|---|---|---|---|---|"
for kind in gaussian mixture; do
  for d in 2 10 50; do
    spec="$root/examples/estimators/$kind-${d}d.yaml"
    if [[ "$kind" == mixture ]]; then
      proposals=(--proposal mixture:3 --proposal 'mixture:3*1.3')
    else
      proposals=(--proposal gaussian --proposal 'gaussian*1.3')
    fi
    echo "logz $kind d=$d ..." >&2
    start=$(date +%s)
    "$root/bin/ebm" logz "$spec" --method all --repeat "$repeats" --samples "$samples" --chains 100 \
      --temperatures 100 "${proposals[@]}" --json 2> /dev/null \
      | jq -r --arg kind "$kind" --arg d "$d" '.[] | "| \($kind) | \($d) | \(.method) | \(.truth*10000|round/10000) | \(.error*10000|round/10000) | \(.sd*10000|round/10000) | \(.stderr*10000|round/10000) | \(.z*100|round/100) | \(.evaluations) | \(.warnings | to_entries | map("\(.value)× \(.key | .[0:60])") | join("; ")) |"'
    echo "  ($(( $(date +%s) - start )) s)" >&2
  done
done
