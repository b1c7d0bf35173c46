#!/usr/bin/env bash
# The experiment of docs/experiments/xiao-generator-view.md: runs the sweep examples/sweeps/generator-view.yaml
# (maximum likelihood with short-run noise-free and noisy Langevin chains on three toys, three seeds; one run at a
# time), evaluates every run's checkpoints along training with bin/ebm eval (the generator view is part of each
# run's evaluation: eval.generator in the spec), and prints the report's tables as Markdown.
#   examples/generator/report.sh [OUT_DIR] > tables.md        # OUT_DIR default: runs/generator-view
# Running it again continues where it stopped (finished runs and evaluations are kept). Needs jq.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="${1:-runs/generator-view}"
export EBM_THREADS="${EBM_THREADS:-1}"
export OMP_NUM_THREADS="$EBM_THREADS"
command -v jq > /dev/null || { echo "report.sh needs jq" >&2; exit 2; }

"$root/bin/ebm" sweep "$root/examples/sweeps/generator-view.yaml" --workers 1 --threads "$EBM_THREADS" --out "$out" \
  >&2 || { code=$?; [[ $code == 5 ]] || exit $code; echo "some runs failed; tables from the finished ones" >&2; }

for run in "$out"/runs/*/; do
  [[ -f "$run/eval.json" ]] || continue
  last="$(jq .step "$run/eval.json")"
  for ck in "$run"checkpoints/step-*/; do
    step="${ck%/}"; step="${step##*step-}"
    [[ "$step" == "$last" || -f "$run/eval/step-$step/eval.json" ]] && continue
    echo "eval $run step $step ..." >&2
    "$root/bin/ebm" eval "${ck%/}" > /dev/null 2>&1 || echo "  eval failed: $run step $step" >&2
  done
done

# one JSON object per (run, evaluated step)
rows() {
  for run in "$out"/runs/*/; do
    [[ -f "$run/eval.json" ]] || continue
    name="$(basename "$run")"
    for f in "$run"eval/step-*/eval.json "$run"eval.json; do
      [[ -f "$f" ]] || continue
      jq -c --arg name "$name" '{case: ($name | sub("-seed[0-9]+$"; "")), seed: ($name | sub(".*-seed"; "") | tonumber),
        step, kl, nll, border: .border_mass, g: .generator}' "$f"
    done
  done
}
rows | jq -s -r '
  def r(n): if . == null then "–" else (. * pow(10; n) | round / pow(10; n) + 0 | tostring) end;
  def ms(f; n): [.[] | f | select(. != null)] as $v | ($v | length) as $k
    | if $k == 0 then "–" else ($v | add / $k) as $m
      | (if $k > 1 then ($v | map((. - $m) * (. - $m)) | add / ($k - 1) | sqrt) else null end) as $s
      | ($m | r(n)) + (if $s == null then "" else " ± " + ($s | r(n)) end) end;
  (map(.step) | max) as $final
  | "### At the end of training (step \($final); mean ± sd over seeds)\n",
    "| case | runs | KL(p_data‖p_θ) | noise-free: KL(q_K‖p_data) exact | k-NN | KL(q_K‖p_θ) | entropy of q_K | max h·λ_max | run’s sampler: k-NN KL(q‖p_data) | data floor (k-NN) |",
    "|---|---|---|---|---|---|---|---|---|---|",
    (map(select(.step == $final)) | group_by(.case)[] | "| \(.[0].case) | \(length) | \(ms(.kl; 3)) | \(ms(.g.noise_free.kl_data; 3)) | \(ms(.g.noise_free.knn_kl_data; 3)) | \(ms(.g.noise_free.kl_model; 3)) | \(ms(.g.noise_free.entropy; 3)) | \(ms(.g.noise_free.max_h_lambda; 3)) | \(ms(.g.sampler.knn_kl_data; 3)) | \(ms(.g.data_floor.knn_kl_data; 3)) |"),
    "",
    "### During training (mean ± sd over seeds)\n",
    "| case | step | KL(p_data‖p_θ) | noise-free: KL(q_K‖p_data) exact | k-NN | KL(q_K‖p_θ) | run’s sampler: k-NN | MMD² noise-free ×10³ | MMD² run’s sampler ×10³ |",
    "|---|---|---|---|---|---|---|---|---|",
    (group_by(.case)[] | group_by(.step)[] | "| \(.[0].case) | \(.[0].step) | \(ms(.kl; 3)) | \(ms(.g.noise_free.kl_data; 3)) | \(ms(.g.noise_free.knn_kl_data; 3)) | \(ms(.g.noise_free.kl_model; 3)) | \(ms(.g.sampler.knn_kl_data; 3)) | \(ms(.g.noise_free.mmd_data * 1000; 3)) | \(ms(.g.sampler.mmd_data * 1000; 3)) |"),
    "",
    "### The k-NN estimate against the exact KL(q_K‖p_data), every evaluation of the noise-free generator\n",
    "| toy | evaluations | mean exact | mean k-NN | mean (k-NN − exact) | correlation |",
    "|---|---|---|---|---|---|",
    (map(select(.g.noise_free.kl_data != null)) | group_by(.case | sub("-(gd|langevin)$"; ""))[]
      | [.[] | .g.noise_free | {e: .kl_data, k: .knn_kl_data}] as $p | ($p | length) as $n
      | ($p | map(.e) | add / $n) as $me | ($p | map(.k) | add / $n) as $mk
      | ($p | map((.e - $me) * (.k - $mk)) | add) as $c
      | ($p | map((.e - $me) * (.e - $me)) | add | sqrt) as $se | ($p | map((.k - $mk) * (.k - $mk)) | add | sqrt) as $sk
      | "| \(.[0].case | sub("-(gd|langevin)$"; "")) | \($n) | \($me | r(3)) | \($mk | r(3)) | \(($mk - $me) | r(3)) | \(if $se * $sk > 0 then ($c / ($se * $sk) | r(2)) else "–" end) |")
'
