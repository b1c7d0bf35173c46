#!/usr/bin/env bash
# Runs the Spark engine through the real launcher (bin/ebm --engine spark): the engine's jars on the class path
# beside the runner's module path, which Surefire's class-path layout does not exercise.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../../.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
export EBM_THREADS=1 OMP_NUM_THREADS=1
export EBM_JAVA_OPTS="${EBM_JAVA_OPTS:--Xmx1g -Dorg.bytedeco.javacpp.maxbytes=3G -Dorg.bytedeco.javacpp.maxphysicalbytes=4G}"
fail() { echo "spark launcher smoke test: $1"; shift; for f in "$@"; do echo "--- $f"; cat "$f"; done; exit 1; }

# without --engine nothing of Spark is on the paths
"$root/bin/ebm" plugins --verbose > "$tmp/plugins.log" 2>&1 || fail "plugins failed" "$tmp/plugins.log"
if grep -qE "ebm-spark|org\.apache\.spark|Apache Spark" "$tmp/plugins.log"; then
  fail "plain bin/ebm has Spark on its paths" "$tmp/plugins.log"
fi
EBM_ENGINE=spark "$root/bin/ebm" plugins > "$tmp/plugins-spark.log" 2>&1 || fail "EBM_ENGINE=spark plugins" "$tmp/plugins-spark.log"
grep -qE "^  spark +Apache Spark 4" "$tmp/plugins-spark.log" || fail "no spark engine listed" "$tmp/plugins-spark.log"

# a sweep of two tiny runs, each a Spark task on local[2] starting its child through the launcher
cat > "$tmp/tiny.yaml" <<YAML
base: $root/examples/toy/eight-gaussians-ml.yaml
grid:
  train.steps: [4]
  train.checkpointEvery: [2]
  train.evalGrid: [30]
  train.evalPoints: [300]
  energy.hidden: [[8]]
  sampler.epsilon: [0.1, 0.05]
seeds: [1]
YAML
"$root/bin/ebm" sweep "$tmp/tiny.yaml" --out "$tmp/sweep" --engine spark --master 'local[2]' \
    > "$tmp/sweep.out" 2> "$tmp/sweep.err" \
  || fail "sweep --engine spark failed" "$tmp/sweep.out" "$tmp/sweep.err" "$tmp"/sweep/runs/*/console.log
grep -q '"done" : 2' "$tmp/sweep/sweep.json" || fail "sweep.json" "$tmp/sweep/sweep.json"
for f in summary.csv summary.md plots/kl.png runs/epsilon=0.1-seed1/eval.json runs/epsilon=0.05-seed1/eval.json; do
  [[ -s "$tmp/sweep/$f" ]] || fail "sweep: $f missing" "$tmp/sweep.err"
done
grep -q "started (Spark job" "$tmp/sweep/sweep.log" || fail "the runs were not Spark jobs" "$tmp/sweep/sweep.log"
# Logback stays in charge: no Log4j output, no Spark INFO lines on the terminal
if grep -E "INFO +(SparkContext|Executor|BlockManager|DAGScheduler|Utils)|log4j|StatusLogger" "$tmp/sweep.err" > /dev/null; then
  fail "Spark's logging reached the terminal" "$tmp/sweep.err"
fi
(( $(wc -l < "$tmp/sweep.err") <= 20 )) || fail "too many diagnostic lines for a two-run sweep" "$tmp/sweep.err"
# data-parallel training: two workers of a barrier stage on local[2], worker 1's chains in the checkpoints
"$root/bin/ebm" train "$root/examples/toy/eight-gaussians-ml.yaml" --out "$tmp/dp" --engine spark \
    --set train.steps=6 --set train.checkpointEvery=3 --set train.evalGrid=30 --set train.evalPoints=300 \
    --set 'train.distributed={engine: spark, workers: 2, exchange: socket}' > "$tmp/dp.out" 2> "$tmp/dp.err" \
  || fail "data-parallel train failed" "$tmp/dp.out" "$tmp/dp.err"
for f in eval.json metrics.jsonl plots/loss.png checkpoints/step-6/worker1.negatives/samples.npy; do
  [[ -s "$tmp/dp/$f" ]] || fail "data-parallel train: $f missing" "$tmp/dp.err"
done
grep -q "data-parallel training: 2 workers on spark local\[2\]" "$tmp/dp/run.log" || fail "run.log" "$tmp/dp/run.log"
grep -q "ms per step in the gradient all-gather" "$tmp/dp/run.log" || fail "no exchange timing" "$tmp/dp/run.log"
echo "spark launcher smoke test passed"
