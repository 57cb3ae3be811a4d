package main

import (
	"bytes"
	"strings"
	"testing"
)

// nest summary colours only a terminal, never with NO_COLOR or TERM=dumb,
// and fits 80 columns whichever.
func TestSummaryColour(t *testing.T) {
	for _, c := range []struct {
		name   string
		tty    bool
		env    map[string]string
		colour bool
	}{
		{"a terminal", true, nil, true},
		{"a terminal with NO_COLOR", true, map[string]string{"NO_COLOR": "1"}, false},
		{"a dumb terminal", true, map[string]string{"TERM": "dumb"}, false},
		{"a pipe", false, nil, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			var out, errs bytes.Buffer
			s := &streams{In: strings.NewReader(""), Out: &out, Err: &errs, OutTTY: c.tty, Env: func(k string) string { return c.env[k] }}
			if code := run([]string{"summary", "../../examples/2024/regions", "--compare", "../../examples/2023/regions"}, s); code != exitOK {
				t.Fatalf("exit %d: %s", code, errs.String())
			}
			if got := strings.Contains(out.String(), "\x1b["); got != c.colour {
				t.Errorf("colour %v, want %v", got, c.colour)
			}
			for _, line := range strings.Split(out.String(), "\n") {
				plain := line
				for _, esc := range []string{"\x1b[1m", "\x1b[0m", "\x1b[32m", "\x1b[31m"} {
					plain = strings.ReplaceAll(plain, esc, "")
				}
				if n := len([]rune(plain)); n > 80 {
					t.Errorf("a line of %d columns: %q", n, plain)
				}
			}
		})
	}
}
