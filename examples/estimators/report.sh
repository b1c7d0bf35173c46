#!/usr/bin/env bash
# Regenerates the tables of docs/experiments/martino-estimators.md from the analytic specs of this folder
# (Gaussians and squared mixtures with offsets and temperatures, d = 2, 10, 50):
#   1. every estimator of log Z, R repetitions each, against the exact log Z (bias, spread, cost);
#   2. reverse IS (the harmonic mean) against the proposal's width, beside IS and the bridge;
#   3. the equivalences of the unified view on one set of samples per spec (bin/ebm logz --equivalence).
# Prints Markdown on standard output; progress goes to standard error.
#   examples/estimators/report.sh [REPEATS] [SAMPLES] > tables.md
# Needs jq. Runs one JVM per spec and table, one native thread (EBM_THREADS=1).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
repeats="${1:-10}"
samples="${2:-2000}"
export EBM_THREADS="${EBM_THREADS:-1}"
export OMP_NUM_THREADS="$EBM_THREADS"
command -v jq > /dev/null || { echo "report.sh needs jq" >&2; exit 2; }

proposals() {
  if [[ "$1" == mixture ]]; then
    echo --proposal mixture:3 --proposal 'mixture:3*1.3'
  else
    echo --proposal gaussian --proposal 'gaussian*1.3'
  fi
}

echo "### Estimates against the exact log Z ($repeats repetitions, $samples samples)"
echo
echo "| energy | d | method | exact log Z | mean error | sd | mean stderr | z | evaluations | warnings (of $repeats) |"
echo "|---|---|---|---|---|---|---|---|---|---|"
for kind in gaussian mixture; do
  for d in 2 10 50; do
    spec="$root/examples/estimators/$kind-${d}d.yaml"
    echo "logz $kind d=$d ..." >&2
    start=$(date +%s)
    # shellcheck disable=SC2046
    "$root/bin/ebm" logz "$spec" --method all --repeat "$repeats" --samples "$samples" --chains 100 \
      --temperatures 100 $(proposals "$kind") --json 2> /dev/null \
      | jq -r --arg kind "$kind" --arg d "$d" '.[] | "| \($kind) | \($d) | \(.method) | \(.truth*10000|round/10000 + 0) | \(.error*10000|round/10000 + 0) | \(.sd*10000|round/10000 + 0) | \(.stderr*10000|round/10000 + 0) | \(.z*100|round/100 + 0) | \(.evaluations) | \(.warnings | to_entries | map("\(.value)× \(.key | .[0:60])") | join("; ")) |"'
    echo "  ($(( $(date +%s) - start )) s)" >&2
  done
done

echo
echo "### Reverse IS against the proposal's width (gaussian, d = 10, $repeats repetitions)"
echo
echo "| proposal | method | mean error | sd | mean stderr | z | warnings (of $repeats) |"
echo "|---|---|---|---|---|---|---|"
for p in 'gaussian*0.8' 'gaussian*1.3' 'gaussian*1.6'; do
  echo "logz ris with $p ..." >&2
  "$root/bin/ebm" logz "$root/examples/estimators/gaussian-10d.yaml" --method is,ris,bridge \
    --repeat "$repeats" --samples "$samples" --proposal "$p" --json 2> /dev/null \
    | jq -r --arg p "$p" '.[] | "| \($p) | \(.method) | \(.error*10000|round/10000 + 0) | \(.sd*10000|round/10000 + 0) | \(.stderr*10000|round/10000 + 0) | \(.z*100|round/100 + 0) | \(.warnings | to_entries | map("\(.value)× \(.key | .[0:60])") | join("; ")) |"'
done

echo
echo "### Equivalences on one set of samples ($samples model samples, 2 x $samples draws)"
echo
echo "| energy | d | relation | left | right | left − right | Monte Carlo stderr | right − exact |"
echo "|---|---|---|---|---|---|---|---|"
for kind in gaussian mixture; do
  for d in 2 10 50; do
    spec="$root/examples/estimators/$kind-${d}d.yaml"
    echo "logz --equivalence $kind d=$d ..." >&2
    # shellcheck disable=SC2046
    "$root/bin/ebm" logz "$spec" --equivalence --samples "$samples" $(proposals "$kind") --json 2> /dev/null \
      | jq -r --arg kind "$kind" --arg d "$d" 'def sci: if . == 0 then "0" else (fabs | log10 | floor) as $e
          | ((. / pow(10; $e) * 10 | round / 10 | tostring) + "e" + ($e | tostring)) end;
        .truth as $t | .equivalences[] | "| \($kind) | \($d) | \(.relation) | \(.left) \(.left_log_z*1000000|round/1000000) | \(.right) \(.right_log_z*1000000|round/1000000) | \(.difference | sci) | \(.stderr*10000|round/10000 + 0) | \((.right_log_z - $t)*10000|round/10000 + 0) |"'
  done
done
