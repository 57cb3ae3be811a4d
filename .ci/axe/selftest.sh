#!/usr/bin/env bash
# selftest.sh — proves check.sh: good.html must pass, bad.html must fail with
# the expected findings. Prints "N passed, N failed" and exits non-zero on failure.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="${1:-$(mktemp -d)}"; mkdir -p "$out"
pass=0 fail=0
ok()  { echo "ok   $*"; pass=$((pass+1)); }
bad() { echo "FAIL $*"; fail=$((fail+1)); }

"$here/check.sh" -o "$out" "$here/samples/good.html" >"$out/good.log" 2>&1; rc=$?
[[ $rc -eq 0 ]] && ok "good.html passes (exit 0)" || { bad "good.html exit $rc"; cat "$out/good.log"; }
for f in good-1280.png good-320.png good-1280-dark.png good-axe.json; do
  [[ -s "$out/$f" ]] && ok "wrote $f" || bad "missing $f"
done

"$here/check.sh" -o "$out" "$here/samples/bad.html" >"$out/bad.log" 2>&1; rc=$?
[[ $rc -eq 1 ]] && ok "bad.html fails (exit 1)" || { bad "bad.html exit $rc (want 1)"; cat "$out/bad.log"; }
for want in '\[wcag\] html-has-lang' '\[wcag\] image-alt' '\[wcag\] color-contrast' '\[wcag\] td-has-header' \
            '\[wcag\] svg-img-alt' '\[dark\] color-contrast' 'FAIL reflow' 'table-has-th' 'svg-role' 'FAIL svg-text-contrast'; do
  grep -q "$want" "$out/bad.log" && ok "bad.html reports $want" || bad "bad.html does not report $want"
done
[[ -s "$out/bad-320.png" ]] && ok "wrote bad-320.png" || bad "missing bad-320.png"

echo "$pass passed, $fail failed"
((fail == 0))
