#!/usr/bin/env bash
# check.sh — accessibility gate for nest's self-contained HTML reports (.ci/axe/README.md).
#
#   check.sh [-o OUTDIR] FILE.html...
#
# For each file: opens it via file:// in headless Debian Chromium, runs axe-core
# with tags wcag2a,wcag2aa,wcag21a,wcag21aa,wcag22aa (any violation fails),
# reports best-practice separately (never fails), checks reflow at 320 CSS px
# (documentElement.scrollWidth > viewport fails), re-runs color-contrast under
# prefers-color-scheme: dark, blocks and fails any external request, and writes
# OUTDIR/NAME-1280.png, NAME-320.png, NAME-1280-dark.png, NAME-320-dark.png
# (full page), NAME-print.pdf (as the browser prints it) and NAME-axe.json.
#
# Installs what it needs, idempotently:
#   * apt: chromium + fonts-liberation, only if /usr/bin/chromium is missing
#   * npm: exact versions from package-lock.json (npm ci) into
#     $NEST_AXE_CACHE (default ${XDG_CACHE_HOME:-~/.cache}/nest-axe/<lock hash>)
#
# Exit: 0 clean, 1 violations, 2 usage/tool/install error.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="${OUTDIR:-$PWD/a11y-out}"

usage() { sed -n '2,20p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2; }
args=()
while (($#)); do
  case "$1" in
    -o|--out) [[ $# -ge 2 ]] || usage; out="$2"; shift 2 ;;
    --out=*) out="${1#--out=}"; shift ;;
    -h|--help) usage ;;
    --) shift; args+=("$@"); break ;;
    -*) echo "check.sh: unknown option $1" >&2; usage ;;
    *) args+=("$1"); shift ;;
  esac
done
((${#args[@]})) || usage

log() { printf 'check.sh: %s\n' "$*" >&2; }
t_start=$(date +%s.%N)

# --- 1. chromium from Debian (never a browser download) --------------------
export CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
if [[ ! -x "$CHROMIUM" ]]; then
  if [[ $(id -u) -ne 0 ]]; then log "$CHROMIUM missing and not root: apt-get install -y chromium"; exit 2; fi
  log "installing chromium from apt…"
  export DEBIAN_FRONTEND=noninteractive
  # Another apt/dpkg may hold the lock (unattended installs, parallel jobs): wait for it.
  apt_opts=(-o DPkg::Lock::Timeout=600 -o Dpkg::Use-Pty=0 -y -q --no-install-recommends)
  if ! apt-get "${apt_opts[@]}" install chromium fonts-liberation </dev/null >&2; then
    log "apt-get install failed; running apt-get update and retrying"
    apt-get -o DPkg::Lock::Timeout=600 -q update </dev/null >&2
    apt-get "${apt_opts[@]}" install chromium fonts-liberation </dev/null >&2
  fi
  [[ -x "$CHROMIUM" ]] || { log "chromium still missing after apt"; exit 2; }
fi

# --- 2. npm packages, pinned by package-lock.json, cached by its hash -------
lock_hash=$(cat "$here/package.json" "$here/package-lock.json" | sha256sum | cut -c1-16)
cache="${NEST_AXE_CACHE:-${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/nest-axe}/$lock_hash"
if [[ ! -f "$cache/.installed" ]]; then
  log "installing npm packages into $cache…"
  tmp="$cache.tmp.$$"
  rm -rf "$tmp"; mkdir -p "$tmp"
  cp "$here/package.json" "$here/package-lock.json" "$tmp/"
  # PUPPETEER_SKIP_DOWNLOAD / PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: belt and braces —
  # playwright-core has no install script, and --ignore-scripts stops any other.
  ( cd "$tmp" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 PUPPETEER_SKIP_DOWNLOAD=1 \
      npm ci --ignore-scripts --no-audit --no-fund --loglevel=error </dev/null >&2 )
  touch "$tmp/.installed"
  # A half install is never used; if a parallel run won the race, keep its copy.
  if [[ -f "$cache/.installed" ]]; then rm -rf "$tmp"; else rm -rf "$cache"; mv "$tmp" "$cache"; fi
fi
export NEST_AXE_HOME="$cache"

# --- 3. run --------------------------------------------------------------------
mkdir -p "$out"
rc=0
# Hard ceiling so a wedged browser can never eat CI's time budget.
timeout --kill-after=15 "${NEST_AXE_TIMEOUT:-600}" \
  node "$here/check.mjs" --out "$out" --chromium "$CHROMIUM" "${args[@]}" </dev/null || rc=$?
if ((rc == 124 || rc == 137)); then log "timed out after ${NEST_AXE_TIMEOUT:-600}s"; rc=2; fi
t_end=$(date +%s.%N)
log "$(awk -v a="$t_start" -v b="$t_end" -v rc="$rc" -v o="$out" 'BEGIN{printf "done in %.1fs (exit %d); screenshots and JSON in %s", b-a, rc, o}')"
exit "$rc"
