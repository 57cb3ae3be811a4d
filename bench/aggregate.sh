#!/usr/bin/env bash
# Speed and memory of `nest aggregate`: the seven example regions to a PDF
# (alone, with the editorial file, and in Welsh and English) and to HTML,
# and 10,000 service files of one region to a PDF, to HTML (public and
# internal), to CSV and to JSON.
# Usage, from anywhere in the repository: bash bench/aggregate.sh
# Needs Go, hyperfine and GNU time (bench/run.sh installs them). Everything
# it makes goes under bench/out/.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
OUT=$ROOT/bench/out
mkdir -p "$OUT"
command -v hyperfine >/dev/null || { echo "bench: hyperfine is missing (bash bench/run.sh installs it)" >&2; exit 1; }
/usr/bin/time -v true >/dev/null 2>&1 || { echo "bench: GNU time is missing (bash bench/run.sh installs it)" >&2; exit 1; }

go build -o "$OUT/nest" ./cmd/nest
NEST=$OUT/nest

# 10,000 final service files of Gwent, each another organisation, made from
# the shipped service examples that are final.
CORPUS=$OUT/services-10000
if [ ! -d "$CORPUS" ] || [ "$(ls "$CORPUS" | wc -l)" -ne 10000 ]; then
	rm -rf "$CORPUS"
	mkdir -p "$CORPUS"
	mapfile -t finals < <(grep -l '^status: final' examples/2024/services/gwent/*.yaml)
	for ((i = 1; i <= 10000; i++)); do
		f=${finals[$(((i - 1) % ${#finals[@]}))]}
		sed "s/^organisation: \(.*\)$/organisation: \1 $i/" "$f" >"$CORPUS/s$(printf %05d $i).yaml"
	done
fi
"$NEST" validate "$CORPUS" >/dev/null

peak() { # peak resident memory of a command, in MB, the largest of 3 runs
	local best=0 kb
	for _ in 1 2 3; do
		kb=$(/usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1)
		((kb > best)) && best=$kb
	done
	echo "$((best / 1024))"
}
time_of() { # mean wall time of a command, from hyperfine
	hyperfine -N -w 1 -r "$1" --export-json "$OUT/hf-agg.json" "$2" >/dev/null
	python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]; print("%.0f ms ± %.0f" % (r["mean"]*1000, r["stddev"]*1000))' "$OUT/hf-agg.json" 2>/dev/null ||
		grep -o '"mean": [0-9.]*' "$OUT/hf-agg.json" | head -1
}

regions="$NEST aggregate examples/2024/regions -o $OUT/national.pdf --date 2024-11-30"
services="$NEST aggregate $CORPUS -o $OUT/services.pdf --date 2024-11-30"
servicesjson="$NEST aggregate $CORPUS --format json -o $OUT/services.json --date 2024-11-30"
regionseditorial="$NEST aggregate examples/2024/regions --editorial examples/2024/update.md -o $OUT/national-editorial.pdf --date 2024-11-30"
regionsboth="$NEST aggregate examples/2024/regions --lang cy+en --editorial examples/2024/update.md -o $OUT/national-cy-en.pdf --date 2024-11-30"
regionshtml="$NEST aggregate examples/2024/regions --editorial examples/2024/update.md --format html -o $OUT/national.html --date 2024-11-30"
serviceshtml="$NEST aggregate $CORPUS --format html -o $OUT/services.html --date 2024-11-30"
servicesinternal="$NEST aggregate $CORPUS --format html --edition internal -o $OUT/services-internal.html --date 2024-11-30"
servicescsv="$NEST aggregate $CORPUS --format csv -o $OUT/services.csv --date 2024-11-30"
size() { awk -v b="$(wc -c <"$1")" 'BEGIN { if (b >= 1048576) printf "%.1f MB", b / 1048576; else printf "%.0f KB", b / 1024 }'; }
{
	echo "## nest aggregate: speed and memory"
	echo
	echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs; $(go version | cut -d' ' -f3)."
	echo
	echo "| report | wall | peak RSS | pages or size |"
	echo "|---|---:|---:|---:|"
	echo "| 7 example regions to PDF | $(time_of 20 "$regions") | $(peak $regions) MB | $(pdfinfo "$OUT/national.pdf" 2>/dev/null | sed -n 's/^Pages: *//p') pages |"
	echo "| the same, with the editorial file (the README's first command) | $(time_of 20 "$regionseditorial") | $(peak $regionseditorial) MB | $(pdfinfo "$OUT/national-editorial.pdf" 2>/dev/null | sed -n 's/^Pages: *//p') pages |"
	echo "| the same in Welsh and English (\`--lang cy+en\`) | $(time_of 20 "$regionsboth") | $(peak $regionsboth) MB | $(pdfinfo "$OUT/national-cy-en.pdf" 2>/dev/null | sed -n 's/^Pages: *//p') pages |"
	echo "| 7 example regions to HTML, with the editorial file | $(time_of 20 "$regionshtml") | $(peak $regionshtml) MB | $(size "$OUT/national.html") |"
	echo "| 10,000 Gwent services to PDF | $(time_of 5 "$services") | $(peak $services) MB | $(pdfinfo "$OUT/services.pdf" 2>/dev/null | sed -n 's/^Pages: *//p') pages |"
	echo "| 10,000 Gwent services to HTML | $(time_of 10 "$serviceshtml") | $(peak $serviceshtml) MB | $(size "$OUT/services.html") |"
	echo "| 10,000 Gwent services to HTML, internal edition | $(time_of 5 "$servicesinternal") | $(peak $servicesinternal) MB | $(size "$OUT/services-internal.html") |"
	echo "| 10,000 Gwent services to CSV | $(time_of 5 "$servicescsv") | $(peak $servicescsv) MB | $(size "$OUT/services.csv") |"
	echo "| 10,000 Gwent services to JSON | $(time_of 5 "$servicesjson") | $(peak $servicesjson) MB | $(size "$OUT/services.json") |"
} | tee "$OUT/aggregate.md"
