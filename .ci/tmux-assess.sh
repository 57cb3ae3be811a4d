#!/usr/bin/env bash
# Drives the full-screen `nest assess` for real: in tmux, in an 80x24
# terminal, typing with send-keys and reading the screen with capture-pane.
# Usage: bash .ci/tmux-assess.sh PATH-TO-NEST
set -euo pipefail
nest=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
dir=$(mktemp -d)
sock=nest-ci-$$
t() { tmux -L "$sock" "$@"; }
cleanup() { t kill-server 2>/dev/null || true; rm -rf "$dir"; }
trap cleanup EXIT

screen() { t capture-pane -p -t s; }
# wait_for TEXT: wait until TEXT is on the screen (10 s at most).
wait_for() {
	local deadline=$((SECONDS + 10))
	until screen | grep -qF -- "$1"; do
		if ((SECONDS > deadline)); then
			echo "tmux-assess: timed out waiting for: $1" >&2
			screen >&2
			return 1
		fi
		sleep 0.1
	done
	sleep 0.2 # let the form settle before the next key
}
keys() { t send-keys -t s "$@"; }
# press KEY TEXT: press KEY until TEXT shows. A key sent while one form
# hands over to the next can be lost, so it is pressed again, but only
# after the screen has had time to answer the last press.
press() {
	local key=$1 text=$2 tries=0
	until screen | grep -qF -- "$text"; do
		if ((tries++ >= 8)); then
			echo "tmux-assess: pressing $key never showed: $text" >&2
			screen >&2
			return 1
		fi
		keys "$key"
		local until=$((SECONDS + 2))
		while ((SECONDS <= until)) && ! screen | grep -qF -- "$text"; do sleep 0.1; done
	done
	sleep 0.2
}
say() { t send-keys -t s -l "$1"; } # runes, not bytes: "Siân" arrives whole
start() {
	rm -f "$dir/exit"
	t new-session -d -s s -x 80 -y 24 \
		"cd '$dir' && SOURCE_DATE_EPOCH=1730332800 TERM=xterm-256color '$nest' assess $*; echo \$? > '$dir/exit'; sleep 600"
}
# stop KEY: press KEY (Escape, C-c) until nest ends. A lone Escape can be
# taken for the start of a key sequence if it arrives with other input, so
# it is pressed again after a second, as a person would.
stop() {
	local tries=0
	until [ -s "$dir/exit" ]; do
		if ((tries++ >= 5)); then echo "tmux-assess: nest did not stop on $1" >&2; screen >&2; return 1; fi
		keys "$1"
		local until=$((SECONDS + 1))
		while ((SECONDS <= until)) && [ ! -s "$dir/exit" ]; do sleep 0.1; done
	done
	t kill-session -t s
}

# A new service assessment, stopped with Esc on principle 2.
start
wait_for "┃ Which Regional Partnership Board?"
press Down "> Cwm Taf Morgannwg"
press Down "> Gwent"
press Enter "┃ Is this the region"
press Down "> Service: a service"
press Enter "┃ Name of the service or project"
say "Tŷ Teulu Siân"
wait_for "Tŷ Teulu Siân"
press Enter "┃ Sector"
press Down "> Local authority"
press Down "> Education"
press Enter "┃ Funding (choose any)"
press Space "[•] Regional Integration Fund"
press Enter "┃ Assessment year"
press Enter "┃ Whose voices"
press Space "[•] Children and young people"
press Enter "┃ How were they heard?"
say "A drop-in at the family room."
wait_for "A drop-in at the family room."
press Enter "Principle 1 of 6 — Trusted adults"
wait_for "> Not rated yet"
press Up "> 4 Embedded"
press Up "> 3 Substantial"
press Up "> 2 Early progress"
press Enter "┃ Rating you aim for next year"
press Up "> 4 Embedded"
press Up "> 3 Substantial"
press Enter "┃ What is working well"
say "Staff stay with the same families."
wait_for "Staff stay with the same families."
press Enter "┃ Concerns and barriers"
press Enter "┃ What good would look like"
press Enter "┃ Themes (choose any)"
press Space "[•] Keeping staff"
press Enter "┃ Other themes"
press Enter "Add a planned action?"
press Enter "Add a quote from feedback?"
press Enter "Principle 2 of 6 — Wellbeing across education"
wait_for "> Not rated yet"
press Up "> 4 Embedded"
stop Escape
file="$dir/2024-gwent-ty-teulu-sian.yaml"
[ "$(cat "$dir/exit")" = 0 ] || { echo "tmux-assess: exit $(cat "$dir/exit")" >&2; exit 1; }
for want in "organisation: Tŷ Teulu Siân" "  sector: education" "  funding: [regional-integration-fund]" \
	"  children_and_young_people: true" "  how: A drop-in at the family room." "    rating: 2" "    target: 3" \
	"    working_well: Staff stay with the same families." "    themes: [staff-retention]" "status: draft"; do
	grep -qxF -- "$want" "$file" || { echo "tmux-assess: $file lacks: $want" >&2; cat "$file" >&2; exit 1; }
done
# The answer given on principle 2 before Esc is kept too.
grep -qxF "    rating: 4" "$file" || { echo "tmux-assess: the rating chosen before Esc was lost" >&2; cat "$file" >&2; exit 1; }
"$nest" validate "$file" >/dev/null

# Running it again on the file goes past the answered principles; Ctrl-C
# stops it, and the file keeps its answers.
cp "$file" "$dir/before.yaml"
start "'$file'"
wait_for "Principle 2 of 6 — Wellbeing across education"
stop C-c
[ "$(cat "$dir/exit")" = 0 ] || { echo "tmux-assess: exit $(cat "$dir/exit") after Ctrl-C" >&2; exit 1; }
cmp "$file" "$dir/before.yaml"
echo "tmux-assess: full-screen form answered, stopped with Esc, saved, resumed, stopped with Ctrl-C: ok"
