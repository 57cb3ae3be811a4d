package pii

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// TestMayBeDigitSound checks the fast path against every rune: any rune
// whose NFKC form holds an ASCII digit must count as a digit, and any that
// becomes '@' must be one of the two prescan knows.
func TestMayBeDigitSound(t *testing.T) {
	if testing.Short() {
		t.Skip("walks every rune")
	}
	for r := rune(utf8.RuneSelf); r <= utf8.MaxRune; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue
		}
		n := norm.NFKC.String(string(r))
		if strings.ContainsAny(n, "0123456789") && !mayBeDigit(r) {
			t.Errorf("%U normalises to %q but mayBeDigit is false", r, n)
		}
		if strings.Contains(n, "@") && r != 0xFF20 && r != 0xFE6B {
			t.Errorf("%U normalises to %q but prescan does not know it", r, n)
		}
	}
}

// tricky runes for building random texts.
var tricky = []string{
	"a", "b", "Z", "0", "7", " ", ".", "-", "@", "(", ")", "\n",
	"\u0301", "\u0308", "e\u0301", "é", "ŵ", "â", "’", "“",
	"\u00a0", "\u2009", "\u202f", "\u3000", "\u2013", "\u2014", "\u2212", "\u00b7",
	"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u034f", "\ufe0f",
	"０", "９", "＠", "Ａ", "．", "ﬁ", "½", "①", "²", "㋀", "가", "\u1100\u1161", "\U0001D7D8",
}

func randomText(rng *rand.Rand, n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString(tricky[rng.IntN(len(tricky))])
	}
	return b.String()
}

// foldAll is the reference: NFKC of the whole text, then fold.
func foldAll(text string) string {
	var b strings.Builder
	for _, r := range norm.NFKC.String(text) {
		if f, keep := fold(r); keep {
			b.WriteRune(f)
		}
	}
	return b.String()
}

// TestNormaliseIsNFKC checks that normalising stretch by stretch gives what
// normalising the whole text gives.
func TestNormaliseIsNFKC(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 5000; i++ {
		text := randomText(rng, rng.IntN(20))
		if got, want := normalise(text, 0).s, foldAll(text); got != want {
			t.Fatalf("normalise(%+q) = %+q, want %+q", text, got, want)
		}
	}
}

// TestOffsetMapping checks that every normalised byte maps back to a span of
// the original on rune boundaries, in order, that normalises to text holding
// that byte.
func TestOffsetMapping(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for i := 0; i < 3000; i++ {
		text := randomText(rng, 1+rng.IntN(20))
		n := normalise(text, 0)
		prevStart := 0
		for p := 0; p < len(n.s); p++ {
			a, b := n.orig(p, false), n.orig(p, true)
			if a < prevStart || a >= b || b > len(text) {
				t.Fatalf("%+q: byte %d of %+q maps to [%d,%d)", text, p, n.s, a, b)
			}
			if !utf8.RuneStart(text[a]) || b < len(text) && !utf8.RuneStart(text[b]) {
				t.Fatalf("%+q: byte %d maps to [%d,%d), not on rune boundaries", text, p, a, b)
			}
			// The original span normalises to something holding the byte
			// (a combining mark may compose differently on its own, so
			// compare the byte's rune only when it is ASCII).
			if c := n.s[p]; c < utf8.RuneSelf && !strings.Contains(foldAll(text[a:b]), string(c)) {
				t.Fatalf("%+q: byte %d %q maps to %+q", text, p, c, text[a:b])
			}
			prevStart = a
		}
	}
}

func TestSpanExamples(t *testing.T) {
	tests := []struct{ text, norm string }{
		{"07700\u00a0900\u200b123", "07700 900123"},
		{"０７７００", "07700"},
		{"jo\u00ad@example．org", "jo@example.org"},
		{"a\u2013b\u2014c\u2212d", "a-b-c-d"},
		{"x\u00b7y", "x.y"},
	}
	for _, tt := range tests {
		n := normalise(tt.text, 0)
		if n.s != tt.norm {
			t.Errorf("normalise(%+q) = %+q, want %+q", tt.text, n.s, tt.norm)
		}
		if a, b := n.span(0, len(n.s)); a != 0 || b != len(tt.text) {
			t.Errorf("%+q: whole span maps to [%d,%d), want [0,%d)", tt.text, a, b, len(tt.text))
		}
	}
	// A span inside the text: "900" of "07700\u00a0900\u200b123".
	text := "07700\u00a0900\u200b123"
	n := normalise(text, 0)
	i := strings.Index(n.s, "900")
	a, b := n.span(i, i+3)
	if text[a:b] != "900" {
		t.Errorf("span of 900 = %+q", text[a:b])
	}
}

func TestPrescan(t *testing.T) {
	tests := []struct {
		text         string
		worth, ascii bool
	}{
		{"", false, true},
		{"no digits at all", false, true},
		{"one digit 7", false, true},
		{"two 7 digits 8", true, true},
		{"jo@example", true, true},
		{"name [at] example", true, true},
		{"name ( AT ) example", true, true},
		{"jo dot bloggs", true, true},
		{"dotty anecdote", false, true},
		{"Mae’r teulu’n byw", false, false},
		{"full-width ０ and １", true, false},
		{"owen＠example", true, false},
		{"superscript ² and ³", true, false},
		{"one circled ⑩", true, false},
		{"zero-width\u200b space", true, false},
	}
	for _, tt := range tests {
		h := prescan(tt.text)
		if w, a := h.worth(), h.nonASCII == 0; w != tt.worth || a != tt.ascii {
			t.Errorf("prescan(%q) = %+v: worth %v, ASCII %v; want %v, %v", tt.text, h, w, a, tt.worth, tt.ascii)
		}
	}
}
