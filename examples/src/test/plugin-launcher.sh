#!/usr/bin/env bash
# The example plugin through the real launcher (bin/ebm, built by ebm-runner): its jar in a plugin directory beside a
# broken jar; `plugins` lists its four providers and names the broken jar; its spec trains with --plugins and ends
# with a finite KL on the eight gaussians below a bound.
set -euo pipefail
jar="$1"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
fail() { echo "plugin launcher test: $1"; [[ -f "${2:-}" ]] && cat "$2"; exit 1; }
[[ -s "$jar" ]] || fail "no plugin jar at $jar"
mkdir -p "$tmp/plugins" "$tmp/broken/META-INF/services"
cp "$jar" "$tmp/plugins/"
# a broken plugin jar: its service file names a provider class that is not there
echo com.example.missing.GoneProvider > "$tmp/broken/META-INF/services/dev.ebm.api.plugin.EnergyProvider"
jar cf "$tmp/plugins/broken-plugin.jar" -C "$tmp/broken" .

rc=0
"$root/bin/ebm" plugins --plugins "$tmp/plugins" > "$tmp/plugins.log" 2>&1 || rc=$?
[[ $rc == 1 ]] || fail "'ebm plugins' exited with $rc, expected 1 (a jar did not load)" "$tmp/plugins.log"
for id in rbf precond-langevin persistent-data hinge; do
  grep -qE "^  $id +dev\.ebm\.example\.plugin +1\.0\.0 +ebm-plugin-example-1\.0\.0\.jar$" "$tmp/plugins.log" \
    || fail "provider '$id' not listed with its module, version and jar" "$tmp/plugins.log"
done
grep -q "^  mlp " "$tmp/plugins.log" || fail "the built-in plugins are missing" "$tmp/plugins.log"
grep -qF "! broken-plugin.jar: energy provider: com.example.missing.GoneProvider not found" "$tmp/plugins.log" \
  || fail "the broken jar is not named with its reason" "$tmp/plugins.log"

spec="$root/examples/plugin-example/eight-gaussians-plugin.yaml"
# explain classifies the run from the plugins' declared traits, as the spec's '# explain:' line says
want="$(sed -n 's/^# explain: *//p' "$spec")"
"$root/bin/ebm" explain "$spec" --plugins "$tmp/plugins" --json > "$tmp/explain.json" 2> "$tmp/explain.log" \
  || fail "explain failed" "$tmp/explain.log"
grep -q "\"code\" : \"$want\"" "$tmp/explain.json" || fail "explain's code is not '$want'" "$tmp/explain.json"
"$root/bin/ebm" train "$spec" --plugins "$tmp/plugins" --out "$tmp/run" --set train.steps=100 --set train.evalPoints=5000 \
  --set train.evalGrid=120 > "$tmp/train.log" 2>&1 || fail "train failed" "$tmp/train.log"
kl="$(sed -n 's/^ *"kl" *: *\([-0-9.eE+]*\).*/\1/p' "$tmp/run/eval.json")"
[[ -n "$kl" ]] || fail "no kl in eval.json" "$tmp/run/eval.json"
awk -v kl="$kl" 'BEGIN { exit !(kl > 0 && kl < 0.5) }' || fail "kl = $kl, expected in (0, 0.5)" "$tmp/train.log"
grep -q '"rbf"' "$tmp/run/provenance.json" || fail "provenance.json does not name the plugin" "$tmp/run/provenance.json"
echo "plugin launcher test passed: kl $kl"
