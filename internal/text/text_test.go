package text

import (
	"strings"
	"testing"
)

func TestWords(t *testing.T) {
	tests := []struct{ got, want string }{
		{Plural(0, "file"), "0 files"},
		{Plural(1, "file"), "1 file"},
		{Plural(2, "warning"), "2 warnings"},
		{LowerFirst("Who it came from."), "who it came from"},
		{LowerFirst("Ŵyr and wyresau"), "ŵyr and wyresau"},
		{LowerFirst(""), ""},
		{UpperFirst("ŷd"), "Ŷd"},
		{UpperFirst("the Gwent region"), "The Gwent region"},
		{Short("short"), "short"},
		{FirstSentence("The words. Reports are published."), "The words."},
		{FirstSentence("Who it came from."), "Who it came from."},
		{Short("Tŷ Teulu Tŷ Teulu Tŷ Teulu Tŷ Teulu Tŷ Teulu"), "Tŷ Teulu Tŷ Teulu Tŷ Teulu Tŷ Teulu T..."},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
}

func TestWrap(t *testing.T) {
	got := Wrap("Tŷ Teulu ŵyr abcdefghij klm", 8, Runes)
	want := []string{"Tŷ Teulu", "ŵyr", "abcdefghij", "klm"}
	if len(got) != len(want) {
		t.Fatalf("got %q, want %q", got, want)
	}
	for i := range got {
		if got[i] != want[i] {
			t.Errorf("line %d: got %q, want %q", i, got[i], want[i])
		}
	}
	if got := Wrap("", 10, Runes); len(got) != 0 {
		t.Errorf("empty text wraps to %q", got)
	}
}

func TestSafe(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2024/gwent.yaml", "2024/gwent.yaml"},
		{"Tŷ Teulu", "Tŷ Teulu"},
		{"a\nb.yaml:1:1: error: forged", `a\nb.yaml:1:1: error: forged`},
		{"x\x1b]0;title\x07y", `x\x1b]0;title\x07y`},
		{"clear\x1b[2J", `clear\x1b[2J`},
		{"cr\rnul\x00", `cr\rnul\x00`},
		{"c1\u009bend", `c1\u009bend`},
		{"rtl\u202eevil", `rtl\u202eevil`},
		{"bad\xffbyte", `bad\xffbyte`},
	}
	for _, tt := range tests {
		if got := Safe(tt.in); got != tt.want {
			t.Errorf("Safe(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// A word wider than its room is cut into pieces that fit, a web address
// after its slashes and dots, and nothing is lost or added.
func TestBreak(t *testing.T) {
	for _, c := range []struct {
		word  string
		width float64
		want  []string
	}{
		{"short", 10, []string{"short"}},
		{"Pneumonoultramicroscopic", 10, []string{"Pneumonoul", "tramicrosc", "opic"}},
		{"https://www.example.gov.wales/nest/update", 16, []string{"https://www.", "example.gov.", "wales/nest/", "update"}},
		{"ŵŷŵŷŵŷ", 4, []string{"ŵŷŵŷ", "ŵŷ"}},
		{"abc", 0.5, []string{"a", "b", "c"}},
	} {
		got := Break(c.word, c.width, Runes)
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("Break(%q, %v) = %q, want %q", c.word, c.width, got, c.want)
		}
		if strings.Join(got, "") != c.word {
			t.Errorf("Break(%q) lost or added: %q", c.word, got)
		}
		for _, p := range got {
			if Runes(p) > max(c.width, 1) {
				t.Errorf("Break(%q, %v): %q is wider", c.word, c.width, p)
			}
		}
	}
}
