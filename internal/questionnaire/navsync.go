package questionnaire

import (
	"reflect"
	"runtime"
	"strings"

	tea "charm.land/bubbletea/v2"
)

// huh moves between fields and groups with commands: a field answers Enter
// with the command huh.NextField, the group answers the resulting message with
// nextGroup, and the form answers that by completing. Bubble Tea runs every
// command in its own goroutine and feeds the result back through the same
// channel as the keyboard, so keys that are already queued (typed quickly,
// pasted, or read in one chunk from the terminal) are handled BEFORE the move:
// they land in the field that was just left (a Confirm ignores them: "Hello"
// typed right after "y" becomes "ello"), or they are thrown away because
// Form.Update ignores everything once Form.State != StateNormal.
//
// The parent therefore runs these few navigation commands itself, at once and
// in order, inside the same Update that handled the key. They are recognised
// by the name of their function; every other command (cursor blink, window
// size requests, ...) goes to Bubble Tea as usual. navsync_test.go checks that
// the names still match the huh version in go.mod.
var huhNavCmds = map[string]bool{
	"charm.land/huh/v2.NextField": true,
	"charm.land/huh/v2.PrevField": true,
	"charm.land/huh/v2.nextGroup": true,
	"charm.land/huh/v2.prevGroup": true,
}

// navSync can be turned off by a test, to watch keys go astray without it.
var navSync = true

const teaCompact = "charm.land/bubbletea/v2.compactCmds["

func funcName(c tea.Cmd) string {
	return runtime.FuncForPC(reflect.ValueOf(c).Pointer()).Name()
}

// isNavCmd reports whether c is one of huh's navigation commands.
func isNavCmd(c tea.Cmd) bool { return c != nil && huhNavCmds[funcName(c)] }

// splitCmd splits c into navigation messages (obtained by running those
// instant commands now) and the remaining commands for Bubble Tea. Batches
// (tea.Batch) are opened: running a batch command only returns the list of
// its commands. Sequences are left alone as a whole, to keep their order.
func splitCmd(c tea.Cmd) (nav []tea.Msg, rest []tea.Cmd) {
	if c == nil {
		return nil, nil
	}
	if !navSync {
		return nil, []tea.Cmd{c}
	}
	name := funcName(c)
	switch {
	case huhNavCmds[name]:
		return []tea.Msg{c()}, nil
	case strings.HasPrefix(name, teaCompact):
		msg := c()
		batch, ok := msg.(tea.BatchMsg)
		if !ok { // a sequence: hand it back unchanged
			return nil, []tea.Cmd{func() tea.Msg { return msg }}
		}
		for _, sub := range batch {
			n, r := splitCmd(sub)
			nav = append(nav, n...)
			rest = append(rest, r...)
		}
		return nav, rest
	}
	return nil, []tea.Cmd{c}
}
