// Package text holds the small helpers for words that every part of nest
// shares: counting nouns, cutting long values short, and capitals that work
// for Welsh letters (Ŵ, Ŷ) as well as English ones.
package text

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Plural is "1 file", "2 files": n and the noun, with s for more than one.
func Plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

// Short cuts s to 40 characters (runes, never inside a letter), for quoting
// a value in a message.
func Short(s string) string {
	if utf8.RuneCountInString(s) <= 40 {
		return s
	}
	r := []rune(s)
	return string(r[:37]) + "..."
}

// LowerFirst lowers the first letter of s and drops a final full stop, to
// set a sentence inside another: "Who it came from." becomes "who it came
// from".
func LowerFirst(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if size == 0 {
		return s
	}
	s = string(unicode.ToLower(r)) + s[size:]
	if n := len(s); n > 0 && s[n-1] == '.' {
		s = s[:n-1]
	}
	return s
}

// UpperFirst raises the first letter of s: "ŵyr" becomes "Ŵyr".
func UpperFirst(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if size == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[size:]
}

// FirstSentence is s up to and including its first full stop followed by a
// space, or all of s.
func FirstSentence(s string) string {
	if i := strings.Index(s, ". "); i >= 0 {
		return s[:i+1]
	}
	return s
}

// Wrap breaks s into lines no wider than width, at spaces, as measure
// sizes a line: in characters for a text file, in millimetres for a page.
// A word wider than width stands on a line of its own.
func Wrap(s string, width float64, measure func(string) float64) []string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(s) {
		try := w
		if line != "" {
			try = line + " " + w
		}
		if line != "" && measure(try) > width {
			lines = append(lines, line)
			line = w
			continue
		}
		line = try
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

// Break cuts a word wider than width into pieces that each fit, for a
// page where nothing may run past its column: after the last slash,
// hyphen, dot, underscore, question mark, ampersand or equals sign of a
// piece when that keeps at least half of it (a web address breaks between
// its parts), else at the last character that fits. Each piece has at
// least one character. A word that fits is one piece. measure sizes one
// character at a time, so a word of any length costs one pass.
func Break(word string, width float64, measure func(string) float64) []string {
	var pieces []string
	start, w := 0, 0.0
	soft := -1 // where the piece may break after a mark
	for i, r := range word {
		rw := measure(string(r))
		if w+rw > width && i > start {
			cut := i
			if soft > start && soft-start >= (i-start)/2 {
				cut = soft
			}
			pieces = append(pieces, word[start:cut])
			start, soft = cut, -1
			w = measure(word[start:i])
		}
		w += rw
		if strings.ContainsRune("/-._?&=", r) {
			soft = i + utf8.RuneLen(r)
		}
	}
	return append(pieces, word[start:])
}

// Runes measures text in characters, for Wrap: Welsh letters count as one.
func Runes(s string) float64 { return float64(utf8.RuneCountInString(s)) }

// Safe makes text from outside (a file name, a value from a file) safe to
// print to a terminal or a log: control characters (a newline that would
// forge another finding, an escape sequence that clears the screen or sets
// the window title, a bell, C1 codes) and the invisible characters that
// reorder or hide text are shown as escapes (\n, \x1b, \u202e) instead of
// acting. Everything else is kept, Welsh letters included.
func Safe(s string) string {
	clean := utf8.ValidString(s)
	for _, r := range s {
		if !clean || unsafeRune(r) {
			clean = false
			break
		}
	}
	if clean {
		return s // the common case: no copy
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == utf8.RuneError && size == 1: // not UTF-8: show the byte
			fmt.Fprintf(&b, `\x%02x`, s[i-1])
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x80 && unsafeRune(r):
			fmt.Fprintf(&b, `\x%02x`, r)
		case unsafeRune(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// unsafeRune reports whether r acts on a terminal or hides text rather than
// showing itself.
func unsafeRune(r rune) bool {
	switch {
	case r < 0x20, r == 0x7f, r >= 0x80 && r < 0xa0: // C0, DEL, C1
		return true
	case r == 0x2028, r == 0x2029: // line and paragraph separators
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e, r == 0x200f, r == 0x061c: // bidirectional controls
		return true
	}
	return false
}
