package pii

import (
	"strings"
	"testing"
)

func TestRedact(t *testing.T) {
	d := New(helplines)
	tests := []struct {
		name, text, want string
		withheld         int
	}{
		{"middle sentence", "We met. Ring 07700 900123 now. Thanks.", "We met. Thanks.", 1},
		{"first sentence", "Ring 07700 900123 now. Thanks. Bye.", "Thanks. Bye.", 1},
		{"last sentence", "We met. Ring 07700 900123 now.", "We met.", 1},
		{"only sentence", "Ring 07700 900123 now.", "", 1},
		{"two sentences", "We met. Mail jo@example.org. Bye. Ring 07700 900123.", "We met. Bye.", 2},
		{"last two sentences", "We met. Mail jo@example.org. Ring 07700 900123.", "We met.", 2},
		{"single letter does not split", "A. Mail jo@example.org. Bye.", "Bye.", 1},
		{"question and exclamation", "Who? Ring 07700 900123! Now.", "Who? Now.", 1},
		{"paragraphs kept", "Para one.\n\nCall 07700 900123 now. Thanks.\nLast line.",
			"Para one.\n\nThanks.\nLast line.", 1},
		{"whole line goes, the line stays", "One.\n  Call 07700 900123.\nThree.", "One.\n\nThree.", 1},
		{"indentation kept", "  Call 07700 900123. Thanks.", "  Thanks.", 1},
		{"dotted number does not split", "Ring 07700.900.123 today. Thanks.", "Thanks.", 1},
		{"e-mail does not split", "Mail jo@example.org today. Or not!", "Or not!", 1},
		{"title does not split", "Contact Dr. Jones on 07700 900123. Thanks.", "Thanks.", 1},
		{"b. does not split", "Child A (b. 03/03/2016) attends. Others too.", "Others too.", 1},
		{"lower case goes on", "It is e.g. 07700 900123 or so. Next.", "Next.", 1},
		{"closing quote", "She said “ring 07700 900123.” Then left.", "Then left.", 1},
		{"match across lines", "Date of birth:\n03/03/2016\nNext.", "\n\nNext.", 2},
		{"helpline kept", "Ring Childline on 0800 1111. Or Meic.", "Ring Childline on 0800 1111. Or Meic.", 0},
		{"Welsh", "Mae’r teulu’n byw yn LL57 2DG. Diolch.", "Diolch.", 1},
		{"windows line ends", "A.\r\nRing 07700 900123.\r\nB.", "A.\r\n\r\nB.", 1},
		{"no matches", "Nothing to see. At all.", "Nothing to see. At all.", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, n := Redact(tt.text, d.Find(tt.text))
			if got != tt.want || n != tt.withheld {
				t.Errorf("Redact(%q) = %q, %d; want %q, %d", tt.text, got, n, tt.want, tt.withheld)
			}
		})
	}
}

func TestRedactMatches(t *testing.T) {
	text := "One. Two. Three. Four."
	at := func(s string) Match {
		i := strings.Index(text, s)
		return Match{Kind: Phone, Start: i, End: i + len(s)}
	}
	tests := []struct {
		name     string
		ms       []Match
		want     string
		withheld int
	}{
		{"unsorted", []Match{at("Four"), at("Two")}, "One. Three.", 2},
		{"overlapping", []Match{at("Two. Three"), at("Three")}, "One. Four.", 2},
		{"nested", []Match{at("One. Two. Three"), at("Two")}, "Four.", 3},
		{"out of range", []Match{{Start: -1, End: 3}, {Start: 5, End: 500}, {Start: 4, End: 4}}, text, 0},
		{"in the space between", []Match{{Start: 4, End: 5}}, text, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ms := append([]Match(nil), tt.ms...)
			got, n := Redact(text, ms)
			if got != tt.want || n != tt.withheld {
				t.Errorf("Redact = %q, %d; want %q, %d", got, n, tt.want, tt.withheld)
			}
			for i := range ms {
				if ms[i] != tt.ms[i] {
					t.Errorf("Redact changed its argument")
				}
			}
		})
	}
}

func TestRedactMarked(t *testing.T) {
	d := New(nil)
	for _, tt := range []struct{ in, want string }{
		{"Ring 07700 900123 now.", "[withheld]"},
		{"She stayed. Ring 07700 900123 now. It helped.", "She stayed. [withheld] It helped."},
		{"She stayed. Ring 07700 900123. Or sian@example.org. It helped.", "She stayed. [withheld] It helped."},
		{"She stayed. Ring 07700 900123 now.", "She stayed. [withheld]"},
		{"First line.\nRing 07700 900123.\nLast line.", "First line.\n[withheld]\nLast line."},
	} {
		got, _ := RedactMarked(tt.in, d.Find(tt.in), "[withheld]")
		if got != tt.want {
			t.Errorf("RedactMarked(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
