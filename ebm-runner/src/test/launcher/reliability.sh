#!/usr/bin/env bash
# Bad input through the real launcher: spec mutants and an unusable output directory stop bin/ebm with the
# documented exit code and a message, never a stack trace; bin/ebm schema writes the schema.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../../.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
spec="$root/examples/toy/eight-gaussians-ml.yaml"
fail() { echo "launcher reliability test: $*"; exit 1; }

# expect CODE DESCRIPTION ARGS...: bin/ebm ARGS exits with CODE, and stderr holds no stack trace
expect() {
  local code="$1" what="$2"
  shift 2
  "$root/bin/ebm" "$@" > "$tmp/out" 2> "$tmp/err"
  local got=$?
  [[ "$got" == "$code" ]] || { cat "$tmp/out" "$tmp/err"; fail "$what: exit code $got, expected $code"; }
  if grep -qE '^\s+at |Exception' "$tmp/err"; then
    cat "$tmp/err"; fail "$what: stack trace or exception on stderr"
  fi
}

expect 0 "schema" schema --out "$tmp/spec.schema.json"
grep -q '"sampler.langevin"' "$tmp/spec.schema.json" || fail "schema lacks sampler.langevin"

# spec mutants (a list where a number belongs, a mapping where a list belongs, an unknown type, huge numbers, nulls)
printf 'name: m\ndata: {type: eight-gaussians}\nenergy: {type: mlp, hidden: [8, null]}\nobjective: {type: ml}\n'\
'optimizer: {type: adam, lr: 1.0e400}\ntrain: [1, 2]\nseed: 100000000000000000000000\n' > "$tmp/mutant.yaml"
expect 2 "mutant file" train "$tmp/mutant.yaml" --out "$tmp/m1"
for k in "train:" "energy.hidden\[1\]:" "objective:" "optimizer.lr:" "seed:"; do
  grep -q "$k" "$tmp/err" || { cat "$tmp/err"; fail "mutant file: no problem named at $k"; }
done
expect 2 "overrides" train "$spec" --out "$tmp/m2" --set 'negatives.capacity=[1]' --set sampler.type=langvin
grep -q "negatives.capacity: must be" "$tmp/err" && grep -q "sampler.type: unknown 'langvin'" "$tmp/err" \
  || { cat "$tmp/err"; fail "overrides: problems not named"; }
expect 2 "buffer too large" train "$spec" --out "$tmp/m4" --set negatives.capacity=2000000000
grep -q "negatives.capacity: would allocate about" "$tmp/err" || { cat "$tmp/err"; fail "no memory estimate"; }

# an output directory under a regular file: exit code 4 (output cannot be written)
touch "$tmp/a-file"
expect 4 "output under a file" train "$spec" --out "$tmp/a-file/run" --set train.steps=1
grep -q "cannot prepare the run directory" "$tmp/err" || { cat "$tmp/err"; fail "unclear output error"; }
echo "launcher reliability test passed"
