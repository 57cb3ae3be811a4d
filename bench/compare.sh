#!/usr/bin/env bash
# Times the 7-region PDF report of this checkout against the same report
# made by older commits, run by turns (A, B, C, A, B, C, ...) so that a
# machine that speeds up or slows down from one minute to the next weighs
# on every build alike. Each build reads its own commit's examples.
# Usage, from anywhere in the repository:
#   bash bench/compare.sh [ROUNDS] COMMIT...     (ROUNDS defaults to 30)
#   bash bench/compare.sh 40 38bfd9d f05c0c9
# Prints the median, quartile and fastest wall time of each, in ms.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
OUT=$ROOT/bench/out/compare
rounds=30
if [[ ${1:-} =~ ^[0-9]+$ ]]; then
	rounds=$1
	shift
fi
rm -rf "$OUT"
mkdir -p "$OUT"
# The older commits are checked out outside the repository (a copy of its
# Go packages inside would be in go test ./...), and removed however the
# script ends.
SRC=$(mktemp -d)
cleanup() {
	for c in "$@"; do
		git -C "$ROOT" worktree remove --force "$SRC/$c" 2>/dev/null || true
	done
	rm -rf "$SRC"
}
trap 'cleanup "$@"' EXIT

names=(now)
go build -o "$OUT/nest-now" ./cmd/nest
cp -r examples/2024/regions "$OUT/regions-now"
for c in "$@"; do
	git -C "$ROOT" worktree add -q --detach "$SRC/$c" "$c"
	(cd "$SRC/$c" && go build -o "$OUT/nest-$c" ./cmd/nest)
	cp -r "$SRC/$c/examples/2024/regions" "$OUT/regions-$c"
	names+=("$c")
done

run() { # one timed run of build $1, in ms
	local start end
	start=$(date +%s%N)
	"$OUT/nest-$1" aggregate "$OUT/regions-$1" -o "$OUT/$1.pdf" >/dev/null 2>&1
	end=$(date +%s%N)
	echo $(((end - start) / 1000))
}
for n in "${names[@]}"; do # warm the page cache
	run "$n" >/dev/null
	run "$n" >/dev/null
done
for ((i = 0; i < rounds; i++)); do
	for n in "${names[@]}"; do
		run "$n" >>"$OUT/$n.times"
	done
done

echo "7 regions to a PDF, $rounds runs each by turns, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs"
printf '%-10s %10s %10s %10s\n' build median quartile fastest
for n in "${names[@]}"; do
	sort -n "$OUT/$n.times" | awk -v n="$n" '{t[NR] = $1} END {
		printf "%-10s %10.1f %10.1f %10.1f\n", n, t[int((NR + 1) / 2)] / 1000, t[int(NR / 4) + 1] / 1000, t[1] / 1000 }'
done
