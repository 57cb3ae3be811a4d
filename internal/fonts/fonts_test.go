package fonts

import (
	"slices"
	"testing"
)

// Welsh lists every letter Welsh writes, small and capital.
const Welsh = "âêîôûŵŷäëïöüÿáéíóúẃýàèìòùẁỳÂÊÎÔÛŴŶÄËÏÖÜŸÁÉÍÓÚẂÝÀÈÌÒÙẀỲẄẅ"

func TestTheFontDrawsWelsh(t *testing.T) {
	if m := Missing(Welsh + " “quotes” ‘single’ – — £ € …"); len(m) > 0 {
		t.Errorf("Noto Sans lacks %q", string(m))
	}
}

func TestPrintable(t *testing.T) {
	const P = "\uFFFD"
	cases := []struct {
		name, in, want string
		replaced       []rune
	}{
		{"ascii", "Gwent 2024", "Gwent 2024", nil},
		{"welsh unchanged", "Tŷ Teulu, Ŵyr, Siân, 2024–25, “quote”, £1,250", "Tŷ Teulu, Ŵyr, Siân, 2024–25, “quote”, £1,250", nil},
		{"decomposed welsh is composed", "Tw\u0302 y\u0302 W\u0300", "Tŵ ŷ Ẁ", nil},
		{"emoji", "Da iawn 🙂!", "Da iawn " + P + "!", []rune{0x1F642}},
		{"beyond the plane", "a\U00010000b", "a" + P + "b", []rune{0x10000}},
		{"cjk", "中文 text", P + P + " text", []rune{'中', '文'}},
		{"zwj family is one mark", "x👨\u200D👩\u200D👧y", "x" + P + "y", []rune{0x1F468, 0x1F469, 0x1F467}},
		{"skin tone", "👍🏽.", P + ".", []rune{0x1F44D, 0x1F3FD}},
		{"bad bytes", "a\xffb", "a" + P + "b", []rune{0xFFFD}},
		{"soft hyphen and CR dropped", "co\u00ADop\r\nx", "coop\nx", nil},
	}
	for _, c := range cases {
		got, replaced := Printable(c.in)
		if got != c.want || !slices.Equal(replaced, c.replaced) {
			t.Errorf("%s: Printable(%q) = %q %q, want %q %q", c.name, c.in, got, replaced, c.want, c.replaced)
		}
	}
}

func BenchmarkPrintableWelsh(b *testing.B) {
	s := "Mae Tŷ Teulu yn cynnig lle diogel i deuluoedd, ŵyr ac wyresau. "
	Report()
	b.ReportAllocs()
	for b.Loop() {
		Printable(s)
	}
}

func TestMissing(t *testing.T) {
	for in, want := range map[string]string{
		"plain\ttab":           "",
		"no-break\u00a0space":  "",
		"Da iawn 🙂 中":          "🙂中",
		"Tŷ Teulu":             "",
		"minus \u2212 sign":    "",
		"family 👨\u200d👩 here": "👨👩",
	} {
		if got := string(Missing(in)); got != want {
			t.Errorf("Missing(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPrintableTab(t *testing.T) {
	if got, _ := Printable("a\tb"); got != "a b" {
		t.Errorf("a tab printed as %q", got)
	}
}
