#!/usr/bin/env bash
# Runs the program in examples/java (public API only) on the module's run-time class path and checks its output: K
# grows to its last value, and the chains move towards the data as the model trains: the mean exact log-density of
# the data at the negatives rises by at least 2 nats from step 50 to step 200 and ends above -6 (measured: -11.7 at
# step 50, -4.1 at step 200).
set -euo pipefail
cp="$1"
ext="${2:-}"
native="${3:-}"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
# shellcheck disable=SC2086
if ! OMP_NUM_THREADS=1 java -Xmx2g -Dorg.bytedeco.javacpp.maxbytes=4G -Dorg.bytedeco.javacpp.platform.extension="$ext" \
    $native -cp "$cp" dev.ebm.examples.GrowingK 200 > "$log" 2>&1; then
  echo "java example: GrowingK failed:"; cat "$log"; exit 1
fi
cat "$log"
grep -qE "^step  200  K 40 " "$log" || { echo "java example: K did not reach 40 at the last step"; exit 1; }
final="$(sed -n 's/^final mean log p_data(x-) = //p' "$log")"
first="$(sed -n 's/^step   50 .* mean log p_data(x-) *//p' "$log")"
[[ -n "$final" && -n "$first" ]] || { echo "java example: no metric at step 50 or at the end"; exit 1; }
awk -v f="$final" -v s="$first" 'BEGIN { exit !(f > -6.0 && f - s >= 2.0) }' \
  || { echo "java example: mean log p_data(x-) went from $first to $final (expected a rise of 2 nats, ending above -6)"; exit 1; }
echo "java example passed: final mean log p_data(x-) = $final"
