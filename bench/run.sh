#!/usr/bin/env bash
# Speed and memory of `nest validate` against its peers, on one file and on N files.
# Usage, from anywhere in the repository:  bash bench/run.sh [N]   (default N=10000)
# Everything it makes goes under bench/out/ (git-ignored). See bench/README.md.
set -euo pipefail

N=${1:-10000}
if [[ ! $N =~ ^[1-9][0-9]*$ ]]; then
	echo "usage: bash bench/run.sh [N]   (N: number of files in the corpus, default 10000)" >&2
	exit 2
fi
RUNS_ONE=${RUNS_ONE:-20}     # timed runs for the one-file case
RUNS_MANY=${RUNS_MANY:-10}   # timed runs for the N-file case
TEXT_WIDTH=${TEXT_WIDTH:-54} # free-text lines are cut to this width so files average ~2.4 KB

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
OUT=$ROOT/bench/out
mkdir -p "$OUT"

say() { printf '\n== %s\n' "$*" >&2; }
warn() { printf 'bench: WARNING: %s\n' "$*" >&2; }
die() {
	printf 'bench: FAILED: %s\n' "$*" >&2
	exit 1
}

# ---------------------------------------------------------------- tools
SUDO=
if [[ $(id -u) != 0 ]]; then
	if command -v sudo >/dev/null; then SUDO="sudo -n"; fi
fi
apt_install() { # package...
	command -v apt-get >/dev/null || return 1
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q "$@" >"$OUT/apt.log" 2>&1 && return 0
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get update -q >>"$OUT/apt.log" 2>&1 || true
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q "$@" >>"$OUT/apt.log" 2>&1
}
if ! command -v hyperfine >/dev/null; then
	say "installing hyperfine (apt)"
	apt_install hyperfine || die "hyperfine is missing and could not be installed (see $OUT/apt.log); install it and rerun"
fi
if ! /usr/bin/time -v true >/dev/null 2>&1; then
	say "installing GNU time (apt)"
	apt_install time || die "GNU /usr/bin/time is missing and could not be installed (see $OUT/apt.log)"
fi
command -v go >/dev/null || die "go is not on PATH"

# ---------------------------------------------------------------- nest
say "building nest"
NEST=$OUT/nest
go build -o "$NEST" ./cmd/nest || die "go build failed"
SCHEMA=$OUT/nest.schema.json
"$NEST" schema >"$SCHEMA" || die "nest schema failed"

# ---------------------------------------------------------------- corpus
# Templates: every example, with each line of free text cut to TEXT_WIDTH characters (at a word,
# ending with a full stop) so that the files average ~2.4 KB while keeping every field.
say "generating the corpus ($N files)"
TPL=$OUT/templates
rm -rf "$TPL"
mkdir -p "$TPL"
shopt -s nullglob
srcs=(examples/2024/regions/*.yaml examples/2024/services/gwent/*.yaml)
shopt -u nullglob
((${#srcs[@]} > 0)) || die "no examples found in examples/2024/regions and examples/2024/services/gwent"
i=0
for f in "${srcs[@]}"; do
	i=$((i + 1))
	kind=region
	[[ $f == */services/* ]] && kind=service
	t=$(printf '%s/%02d-%s-%s' "$TPL" "$i" "$kind" "$(basename "$f")")
	awk -v L="$TEXT_WIDTH" '
		function ind(s) { match(s, /^ */); return RLENGTH }
		function cut(s,   t) {
			if (length(s) <= L) return s
			t = substr(s, 1, L); sub(/ +[^ ]*$/, "", t); sub(/[,;:.]$/, "", t)
			return t "."
		}
		BEGIN { blk = -1 }
		{
			line = $0; i = ind(line)
			if (blk >= 0 && (line ~ /^ *$/ || i > blk)) { print cut(line); next }   # block scalar text
			blk = -1
			if (line ~ /: *[|>][-+]?$/) blk = i
			else if (line ~ /^ *(- )?(how|quote|action): [^"'"'"'|>]/) line = cut(line)  # plain free text
			print line
		}' "$f" >"$t"
	grep -q '^organisation: ' "$t" || die "$f has no top-level organisation: line"
done

# gen DIR COUNT QUOTE: COUNT files cycling through the templates, the organisation numbered so
# that no two services' final files collide, and the regions' files drafts (a region's own
# submission is one a year whatever its organisation is called, so copies of it would be
# duplicates); QUOTE=1 writes submitted: "YYYY-MM-DD" (see ajv-cli below).
gen() {
	rm -rf "$1"
	mkdir -p "$1"
	awk -v dir="$1" -v n="$2" -v q="$3" '
		FNR == 1 { t++; name[t] = FILENAME; sub(/.*\//, "", name[t]); sub(/^[0-9]+-/, "", name[t]); sub(/\.ya?ml$/, "", name[t]) }
		{ nl[t] = FNR; line[t, FNR] = $0 }
		END {
			for (i = 1; i <= n; i++) {
				k = (i - 1) % t + 1
				f = sprintf("%s/%06d-%s.yaml", dir, i, name[k])
				region = 0
				for (j = 1; j <= nl[k]; j++) {
					s = line[k, j]
					if (s == "scope: region") region = 1
					if (region && s == "status: final") s = "status: draft"
					if (s ~ /^organisation: /) s = s " " i
					else if (q && s ~ /^submitted: [0-9]/) { sub(/: /, ": \"", s); s = s "\"" }
					print s > f
				}
				close(f)
			}
		}' "$TPL"/*.yaml
}
CN=$OUT/corpus-$N
C1=$OUT/corpus-1
AN=$OUT/corpus-$N-quoted-dates
A1=$OUT/corpus-1-quoted-dates
gen "$CN" "$N" 0
gen "$C1" 1 0
gen "$AN" "$N" 1
gen "$A1" 1 1
ONE=$(ls "$C1"/*.yaml)
ONE_Q=$(ls "$A1"/*.yaml)
BROKEN=$OUT/broken/broken.yaml
BROKEN_Q=$OUT/broken-quoted-dates/broken.yaml
mkdir -p "${BROKEN%/*}" "${BROKEN_Q%/*}"
sed '0,/rating: [0-9]/s//rating: 5/' "$ONE" >"$BROKEN"
sed '0,/rating: [0-9]/s//rating: 5/' "$ONE_Q" >"$BROKEN_Q"
grep -q 'rating: 5' "$BROKEN" || die "could not make a broken file (no rating in $ONE)"
BYTES=$(cat "$CN"/*.yaml | wc -c)
AVG=$((BYTES / N))
ONE_BYTES=$(wc -c <"$ONE")
echo "corpus: $CN, $N files, $BYTES bytes, $AVG bytes a file on average; one file: $ONE ($ONE_BYTES bytes)" >&2

say "checking that nest accepts every generated file"
for d in "$CN" "$C1"; do
	if ! "$NEST" validate "$d" >"$OUT/nest-check.txt" 2>&1; then
		head -n 30 "$OUT/nest-check.txt" >&2
		die "nest does not accept the generated corpus $d (full output: $OUT/nest-check.txt)"
	fi
	tail -n 1 "$OUT/nest-check.txt" >&2
done
if "$NEST" validate "$AN" >"$OUT/nest-check-quoted.txt" 2>&1; then
	tail -n 1 "$OUT/nest-check-quoted.txt" >&2
else
	head -n 10 "$OUT/nest-check-quoted.txt" >&2
	warn "nest rejects the quoted-dates copy of the corpus ($AN), used for ajv-cli"
fi
set +e
"$NEST" validate "$BROKEN" >"$OUT/nest-broken.txt" 2>&1
rc=$?
set -e
[[ $rc == 1 ]] || {
	cat "$OUT/nest-broken.txt" >&2
	die "nest exits $rc (want 1) on $BROKEN, which has rating: 5"
}
sed 's/^/  nest on the broken file: /' "$OUT/nest-broken.txt" >&2

# ---------------------------------------------------------------- peers
PEERS=$OUT/peers
BIN=$PEERS/node_modules/.bin
NOTES=() # problems to show under the table
note() {
	NOTES+=("$*")
	warn "$*"
}
install_peer() { # label package...
	local label=$1 p missing=0
	shift
	for p in "$@"; do [[ -f $PEERS/node_modules/$p/package.json ]] || missing=1; done
	((missing)) || return 0
	if ! command -v npm >/dev/null; then
		note "$label: not installed: npm is not on PATH"
		return 1
	fi
	say "installing $label with npm into $PEERS"
	mkdir -p "$PEERS"
	if ! npm install --prefix "$PEERS" --no-audit --no-fund --loglevel=error "$@" >"$OUT/npm-$label.log" 2>&1; then
		tail -n 15 "$OUT/npm-$label.log" >&2
		note "$label: npm install failed (see $OUT/npm-$label.log)"
		return 1
	fi
}
version_of() { node -p "require('$PEERS/node_modules/$1/package.json').version" 2>/dev/null || echo "?"; }

# check_peer LABEL GOOD BROKEN CMD...: CMD GOOD must succeed and CMD BROKEN must fail.
check_peer() {
	local label=$1 good=$2 bad=$3 rc
	shift 3
	set +e
	"$@" "$good" >"$OUT/check-$label-good.txt" 2>&1
	rc=$?
	set -e
	if [[ $rc != 0 ]]; then
		echo "  $label exits $rc on $good:" >&2
		head -n 20 "$OUT/check-$label-good.txt" | sed 's/^/    /' >&2
		return 1
	fi
	set +e
	"$@" "$bad" >"$OUT/check-$label-bad.txt" 2>&1
	rc=$?
	set -e
	if [[ $rc == 0 ]]; then
		note "$label accepts $bad, which has rating: 5; not timed"
		return 2
	fi
	echo "  $label accepts a generated file and rejects the broken one (exit $rc)" >&2
	return 0
}
# full_check LABEL CMD...: run CMD on the whole corpus once; report if it disagrees with nest.
full_check() {
	local label=$1 rc
	shift
	set +e
	"$@" >"$OUT/check-$label-all.txt" 2>&1
	rc=$?
	set -e
	if [[ $rc != 0 ]]; then
		note "$label DISAGREES with nest: exit $rc on the $N generated files, which nest accepts. First lines: $(head -n 12 "$OUT/check-$label-all.txt" | tr '\n' ' ' | cut -c1-600) (full output: $OUT/check-$label-all.txt)"
		return 1
	fi
}

declare -A ONE_CMD MANY_CMD IGNORE TOOLNOTE
ORDER=()
add_tool() { # label one-file-command many-files-command ignore-failures note
	ORDER+=("$1")
	ONE_CMD[$1]=$2
	MANY_CMD[$1]=$3
	IGNORE[$1]=$4
	TOOLNOTE[$1]=$5
}
q() { printf '%q ' "$@"; } # a command line for hyperfine -N (shell-words quoting)

add_tool "nest validate" "$(q "$NEST" validate "$ONE")" "$(q "$NEST" validate "$CN")" 0 ""

AJV_VERSION= AJV_FORMATS_VERSION= AJV_CORE_VERSION=
if install_peer ajv-cli ajv-cli ajv-formats; then
	AJV_VERSION=$(version_of ajv-cli)
	AJV_FORMATS_VERSION=$(version_of ajv-formats)
	AJV_CORE_VERSION=$(node -p "require(require.resolve('ajv/package.json', {paths: ['$PEERS/node_modules/ajv-cli']})).version" 2>/dev/null || echo "?")
	say "checking ajv-cli $AJV_VERSION (ajv $AJV_CORE_VERSION, ajv-formats $AJV_FORMATS_VERSION)"
	AJV=("$BIN/ajv" validate --spec=draft2020 -c ajv-formats --all-errors -s "$SCHEMA" -d)
	ajv_note=""
	ajv_one=$ONE ajv_dir=$CN
	rc=0
	check_peer ajv-cli "$ONE" "$BROKEN" "${AJV[@]}" || rc=$?
	if [[ $rc == 1 ]]; then
		# ajv-cli reads YAML with js-yaml 3, which turns an unquoted 2024-10-31 into a Date object,
		# so `submitted` fails "type": "string". Count how many generated files it rejects, then
		# time it on a copy of the corpus where the date is quoted (same files otherwise).
		set +e
		"${AJV[@]}" "$CN/*.yaml" >"$OUT/check-ajv-cli-all.txt" 2>&1
		set -e
		bad=$(grep -c ' invalid$' "$OUT/check-ajv-cli-all.txt" || true)
		note "ajv-cli DISAGREES with nest: it rejects $bad of the $N generated files (every file with a submitted date; nest accepts them all) with \"$(grep -m1 -o "instancePath: '[^']*'" "$OUT/check-ajv-cli-good.txt"), $(grep -m1 -o "message: '[^']*'" "$OUT/check-ajv-cli-good.txt")\" (full output: $OUT/check-ajv-cli-all.txt): js-yaml 3 in ajv-cli reads an unquoted YYYY-MM-DD as a timestamp, not a string. ajv-cli is timed on a copy of the corpus with submitted: \"YYYY-MM-DD\" quoted."
		ajv_one=$ONE_Q ajv_dir=$AN ajv_note="timed on the quoted-dates copy"
		rc=0
		check_peer ajv-cli-quoted "$ONE_Q" "$BROKEN_Q" "${AJV[@]}" || rc=$?
		if [[ $rc == 1 ]]; then note "ajv-cli rejects even the quoted-dates file $ONE_Q; not timed"; fi
	fi
	if [[ $rc == 0 ]]; then
		ign=0
		if [[ $ajv_dir == "$AN" ]]; then
			full_check ajv-cli-quoted "${AJV[@]}" "$ajv_dir/*.yaml" || ign=1
		else
			full_check ajv-cli "${AJV[@]}" "$ajv_dir/*.yaml" || ign=1
		fi
		((ign)) && ajv_note="${ajv_note:+$ajv_note; }FAILS on the corpus"
		add_tool "ajv-cli $AJV_VERSION" "$(q "${AJV[@]}" "$ajv_one")" "$(q "${AJV[@]}" "$ajv_dir/*.yaml")" $ign "$ajv_note"
	fi
fi

JS_VERSION=
if install_peer jsonschema @sourcemeta/jsonschema; then
	JS_VERSION=$(version_of @sourcemeta/jsonschema)
	say "checking @sourcemeta/jsonschema $JS_VERSION"
	# -F: assert "format" (date), as ajv-formats does; exhaustive mode (the default) for messages.
	JS=("$BIN/jsonschema" validate -F "$SCHEMA")
	rc=0
	check_peer jsonschema "$ONE" "$BROKEN" "${JS[@]}" || rc=$?
	if [[ $rc == 1 ]]; then
		note "@sourcemeta/jsonschema DISAGREES with nest on $ONE: $(head -n 12 "$OUT/check-jsonschema-good.txt" | tr -s ' \n' ' ' | cut -c1-400); not timed"
	elif [[ $rc == 0 ]]; then
		ign=0
		full_check jsonschema "${JS[@]}" "$CN" || ign=1
		add_tool "@sourcemeta/jsonschema $JS_VERSION (npm command)" "$(q "${JS[@]}" "$ONE")" "$(q "${JS[@]}" "$CN")" $ign \
			"$( ((ign)) && echo "FAILS on the corpus")"
		# The npm command is a Node.js wrapper that spawns a native binary; time the binary too.
		case $(uname -m) in x86_64 | amd64) arch=x86_64 ;; aarch64 | arm64) arch=arm64 ;; *) arch=$(uname -m) ;; esac
		native=$PEERS/node_modules/@sourcemeta/jsonschema/build/github-releases/jsonschema-linux-$arch
		if ldd --version 2>&1 | grep -qi musl; then native=$native-musl; fi
		if [[ -x $native ]] && "$native" validate -F "$SCHEMA" "$ONE" >/dev/null 2>&1; then
			add_tool "@sourcemeta/jsonschema $JS_VERSION (native binary)" "$(q "$native" validate -F "$SCHEMA" "$ONE")" \
				"$(q "$native" validate -F "$SCHEMA" "$CN")" $ign "no Node.js wrapper"
		else
			warn "the native jsonschema binary ($native) did not run; timing only the npm command"
		fi
	fi
fi

add_tool "cat (reading only)" "$(q cat "$ONE")" "$(q find "$CN" -name '*.yaml' -exec cat '{}' +)" 0 "baseline"

# ---------------------------------------------------------------- timing
# Share of the CPUs that something else keeps busy, sampled over one second while this script waits.
cpu_busy() {
	local a b
	a=$(awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9, $5 + $6 }' /proc/stat 2>/dev/null) || { echo 0; return; }
	sleep 1
	b=$(awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9, $5 + $6 }' /proc/stat 2>/dev/null) || { echo 0; return; }
	awk -v a="$a" -v b="$b" 'BEGIN { split(a, x, " "); split(b, y, " "); u = y[1] - x[1]; i = y[2] - x[2]
		printf "%d", (u + i > 0) ? 100 * u / (u + i) : 0 }'
}
BUSY_MAX=0

fmt_time() { # seconds [stddev] -> "12.3 ms ± 0.4"
	awk -v m="$1" -v s="${2:-0}" 'BEGIN {
		if (m < 1) printf "%.1f ms ± %.1f", m * 1000, s * 1000
		else printf "%.2f s ± %.2f", m, s }'
}
mean_of() { awk -F, 'NR == 2 { print $2 }' "$1"; }
sd_of() { awk -F, 'NR == 2 { print $3 }' "$1"; }
slug() { echo "$1" | tr -cs 'a-zA-Z0-9.\n' '-' | sed 's/^-*//; s/-*$//'; }

declare -A T1 TN RSS1 RSSN MEANN
hf() { # id runs ignore command
	local args=(-N --warmup 1 --runs "$2" --export-csv "$OUT/hf-$1.csv" "--command-name=$1")
	[[ $3 == 1 ]] && args+=(-i)
	hyperfine "${args[@]}" "$4" >&2
}
peak_rss_mb() { # command... ; max RSS over 3 runs, in MB (KiB / 1024)
	local max=0 k r
	for r in 1 2 3; do
		/usr/bin/time -v -o "$OUT/time-v.txt" "$@" >/dev/null 2>&1 || true
		k=$(awk -F: '/Maximum resident set size/ { gsub(/ /, "", $2); print $2 }' "$OUT/time-v.txt")
		if [[ -n $k && $k -gt $max ]]; then max=$k; fi
	done
	awk -v k="$max" 'BEGIN { printf "%.1f MB", k / 1024 }'
}

for t in "${ORDER[@]}"; do
	s=$(slug "$t")
	say "timing $t"
	busy=$(cpu_busy)
	if ((busy > BUSY_MAX)); then BUSY_MAX=$busy; fi
	if ((busy > 10)); then warn "the CPUs were $busy% busy with other work just before timing $t: the figures will be inflated"; fi
	hf "$s-one" "$RUNS_ONE" "${IGNORE[$t]}" "${ONE_CMD[$t]}"
	hf "$s-many" "$RUNS_MANY" "${IGNORE[$t]}" "${MANY_CMD[$t]}"
	T1[$t]=$(fmt_time "$(mean_of "$OUT/hf-$s-one.csv")" "$(sd_of "$OUT/hf-$s-one.csv")")
	MEANN[$t]=$(mean_of "$OUT/hf-$s-many.csv")
	TN[$t]=$(fmt_time "${MEANN[$t]}" "$(sd_of "$OUT/hf-$s-many.csv")")
	if [[ $t == cat* ]]; then
		RSS1[$t]="" RSSN[$t]=""
	else
		# shellcheck disable=SC2086 # the commands are quoted with %q and have no spaces of their own
		eval "set -- ${ONE_CMD[$t]}"
		RSS1[$t]=$(peak_rss_mb "$@")
		eval "set -- ${MANY_CMD[$t]}"
		RSSN[$t]=$(peak_rss_mb "$@")
	fi
done

# ---------------------------------------------------------------- report
vcs=$(go version -m "$NEST" 2>/dev/null | awk '$2 == "vcs.revision" { r = substr($3, 1, 12) } $2 == "vcs.modified" && $3 == "true" { m = " (with uncommitted changes)" } END { print r m }')
if [[ -z $vcs ]]; then vcs="commit $(git rev-parse --short HEAD 2>/dev/null || echo '?') (working tree as built)"; fi
nestver=$("$NEST" --version 2>/dev/null | head -n 1 || true)
cpu=$(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)
{
	echo "## nest validate: speed and memory"
	echo
	echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs${cpu:+ ($cpu)}; other work kept the CPUs at most $BUSY_MAX% busy in the second before each tool was timed."
	echo "${nestver:-nest}, $vcs, built with $(go env GOVERSION); Node.js $(node --version 2>/dev/null || echo '-'); $(hyperfine --version)."
	echo "Corpus: $N files, $AVG bytes a file on average ($BYTES bytes), made from examples/2024; one-file case: ${ONE#"$ROOT"/} ($ONE_BYTES bytes)."
	echo "Wall time is hyperfine's mean ± σ (warm-up 1, $RUNS_ONE runs for 1 file, $RUNS_MANY runs for $N files); peak RSS is the largest of 3 runs of /usr/bin/time -v."
	echo
	echo "| Tool | 1 file, wall | $N files, wall | peak RSS, 1 file | peak RSS, $N files | Notes |"
	echo "|---|---:|---:|---:|---:|---|"
	for t in "${ORDER[@]}"; do
		echo "| $t | ${T1[$t]} | ${TN[$t]} | ${RSS1[$t]} | ${RSSN[$t]} | ${TOOLNOTE[$t]} |"
	done
	echo
	nm=${MEANN["nest validate"]}
	for t in "${ORDER[@]}"; do
		[[ $t == "nest validate" || $t == cat* ]] && continue
		awk -v a="${MEANN[$t]}" -v b="$nm" -v t="$t" -v n="$N" 'BEGIN {
			if (a >= b) printf "- On %d files nest is %.2fx faster than %s.\n", n, a / b, t
			else printf "- On %d files nest is %.2fx SLOWER than %s.\n", n, b / a, t }'
	done
	echo "- Versions: ajv-cli ${AJV_VERSION:-not run} (ajv ${AJV_CORE_VERSION:-?}, ajv-formats ${AJV_FORMATS_VERSION:-?}; run as \`ajv validate --spec=draft2020 -c ajv-formats --all-errors -s SCHEMA -d 'DIR/*.yaml'\`), @sourcemeta/jsonschema ${JS_VERSION:-not run} (run as \`jsonschema validate -F SCHEMA DIR\`)."
	if ((${#NOTES[@]})); then
		echo
		echo "Problems:"
		for n in "${NOTES[@]}"; do echo "- ${n//"$ROOT"\//}"; done
	fi
} >"$OUT/results.md"
echo >&2
cat "$OUT/results.md"
echo >&2
echo "written to ${OUT#"$ROOT"/}/results.md" >&2
