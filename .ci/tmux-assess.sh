#!/usr/bin/env bash
# Drives the full-screen `nest assess` for real: in tmux, in an 80x24
# terminal, typing with send-keys and reading the screen with capture-pane.
# Every key is sent once: a key that got lost would fail the run, not be
# pressed again. Keys go 20-50 ms apart, as a person types; the script looks
# at the screen only where a person would, before starting a page.
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
		sleep 0.05
	done
}
pause() { sleep "0.0$((RANDOM % 31 + 20))"; } # 20 to 50 ms
# keys KEY...: press each key once.
keys() {
	local k
	for k in "$@"; do
		t send-keys -t s "$k"
		pause
	done
}
# say TEXT: type TEXT a character at a time (runes: "Siân" arrives whole).
say() {
	local i
	for ((i = 0; i < ${#1}; i++)); do
		t send-keys -t s -l -- "${1:i:1}"
		pause
	done
}
start() {
	rm -f "$dir/exit"
	t new-session -d -s s -x 80 -y 24 \
		"cd '$dir' && SOURCE_DATE_EPOCH=1730332800 TERM=xterm-256color '$nest' assess $*; echo \$? > '$dir/exit'; sleep 600"
}
# ended: wait for nest to end (5 s at most).
ended() {
	local deadline=$((SECONDS + 5))
	until [ -s "$dir/exit" ]; do
		if ((SECONDS > deadline)); then echo "tmux-assess: nest did not stop" >&2; screen >&2; return 1; fi
		sleep 0.05
	done
	t kill-session -t s
}

# A new service assessment, stopped with Esc on principle 2.
start
wait_for "┃ Which Regional Partnership Board?"
wait_for "esc: save and stop"
keys Down Down Enter # Gwent
keys Down Enter      # a service
say "Tŷ Teulu Siân"
keys Enter Down Down Enter # sector: education
keys Space Enter           # funding: regional integration fund
keys Enter                 # year
keys Enter                 # language of the answers: English, offered first
keys Space Enter           # voices: children and young people
say "A drop-in at the family room."
keys Enter
wait_for "Principle 1 of 6 — Trusted adults"
screen | head -1 | grep -qxF "Principle 1 of 6 — Trusted adults" || { echo "tmux-assess: the title is cut" >&2; screen >&2; exit 1; }
keys 2 3
say "Staff stay with the same families."
keys Enter Enter Enter # concerns and good left empty
keys Space Enter       # themes: keeping staff
keys Enter             # no action or quote: on to principle 2
wait_for "Principle 2 of 6 — Wellbeing across education"
keys 4 Up Up # rating 4 chosen; the cursor moves on the target, nothing chosen
keys Escape
ended
file="$dir/2024-gwent-ty-teulu-sian.yaml"
[ "$(cat "$dir/exit")" = 0 ] || { echo "tmux-assess: exit $(cat "$dir/exit")" >&2; exit 1; }
for want in "organisation: Tŷ Teulu Siân" "  sector: education" "  funding: [regional-integration-fund]" \
	"  children_and_young_people: true" "  how: A drop-in at the family room." "    rating: 2" "    target: 3" \
	"    working_well: Staff stay with the same families." "    themes: [staff-retention]" "status: draft" "    rating: 4"; do
	grep -qxF -- "$want" "$file" || { echo "tmux-assess: $file lacks: $want" >&2; cat "$file" >&2; exit 1; }
done
# The target the cursor rested on is not an answer.
[ "$(grep -c '^    target:' "$file")" = 1 ] || { echo "tmux-assess: a target was taken from the cursor" >&2; cat "$file" >&2; exit 1; }
"$nest" validate "$file" >/dev/null

# Running it again carries on at the first question not answered: the
# target of principle 2. Ctrl-C stops it, and the file keeps its answers.
cp "$file" "$dir/before.yaml"
start "'$file'"
wait_for "Principle 2 of 6 — Wellbeing across education"
wait_for "┃ Rating you aim for next year"
keys C-c
ended
[ "$(cat "$dir/exit")" = 0 ] || { echo "tmux-assess: exit $(cat "$dir/exit") after Ctrl-C" >&2; exit 1; }
cmp "$file" "$dir/before.yaml"
echo "tmux-assess: full-screen form answered once per key, stopped with Esc, saved, carried on at the question, stopped with Ctrl-C: ok"
