#!/usr/bin/env bash
# Runs the real launcher against the freshly built distribution: Surefire's own path layout hides missing
# opens, reads and modules, so the build checks the command users run.
set -euo pipefail
dist="$1"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../../.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
out="$("$root/bin/ebm" plugins)"
for id in mlp langevin replay-buffer ml energy-l2 adam eight-gaussians; do
  grep -q -- "$id" <<< "$out" || { echo "launcher smoke test: plugin '$id' missing from 'ebm plugins':"; echo "$out"; exit 1; }
done
"$root/bin/ebm" train "$root/examples/toy/eight-gaussians-ml.yaml" --out "$tmp/run" \
  --set train.steps=4 --set train.evalGrid=40 --set train.evalPoints=500 --set train.checkpointEvery=2 > "$tmp/log" 2>&1 \
  || { echo "launcher smoke test: train failed:"; cat "$tmp/log"; exit 1; }
for f in spec.resolved.yaml metrics.jsonl provenance.json eval.json plots/loss.png plots/density.png; do
  [[ -s "$tmp/run/$f" ]] || { echo "launcher smoke test: $f missing"; cat "$tmp/log"; exit 1; }
done
echo "launcher smoke test passed"
