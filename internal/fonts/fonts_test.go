package fonts

import (
	"slices"
	"testing"
	"unicode"

	"golang.org/x/image/font/sfnt"
)

// Welsh lists every letter Welsh writes, small and capital.
const Welsh = "âêîôûŵŷäëïöüÿáéíóúẃýàèìòùẁỳÂÊÎÔÛŴŶÄËÏÖÜŸÁÉÍÓÚẂÝÀÈÌÒÙẀỲẄẅ"

func TestTheFontDrawsWelsh(t *testing.T) {
	if m := Missing(Welsh + " “quotes” ‘single’ – — £ € …"); len(m) > 0 {
		t.Errorf("Noto Sans lacks %q", string(m))
	}
}

// The faces are cut to the scripts a Welsh public-service report is
// written in (subset.sh): they draw Europe's Latin letters, Greek,
// Cyrillic and the usual signs, and not historic letters.
func TestTheFontDrawsTheScriptsItKeeps(t *testing.T) {
	for _, s := range []string{
		"Zażółć gęślą jaźń", "Příliš žluťoučký kůň", "Işık, ğüşöç, İ", "Șș Țț", "Tiếng Việt", "Fáilte, Dún Éideann",
		"Καλημέρα κόσμε", "Привіт: ґанок, їжак, єнот; Здравствуйте",
		"№ ™ © ® ± ½ ⅓ ² ³ ° × ÷ € £ $ ¥ • … ‰ † ‡ « » ‹ › ﬁ ﬂ \uFFFD",
	} {
		if m := Missing(s); len(m) > 0 {
			t.Errorf("Noto Sans as cut lacks %q of %q", string(m), s)
		}
	}
	for _, r := range []rune{0xA779, 0x1F00, 0x2E3A, 0xA640} { // insular D, polytonic alpha, two-em dash, Old Cyrillic
		if m := Missing(string(r)); len(m) != 1 {
			t.Errorf("U+%04X: subset.sh leaves it out, yet the font has it", r)
		}
	}
}

// Signs Noto Sans lacks that have a look-alike print as it, and are not
// missing.
func TestSignsWithLookAlikes(t *testing.T) {
	if got, _ := Printable("≥ 3, ≤ 4, a → b ← c"); got != ">= 3, <= 4, a -> b <- c" {
		t.Errorf("Printable = %q", got)
	}
	if m := Missing("≥≤→←"); len(m) > 0 {
		t.Errorf("missing %q", string(m))
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

// The characters read range by range from the cmap are those a font
// answers for one by one (sfnt's lookup, which chooses its own subtable),
// for every face.
func TestCoverageAsSfntReadsIt(t *testing.T) {
	for name, face := range map[string][]byte{"regular": Regular, "bold": Bold, "italic": Italic, "bold italic": BoldItalic} {
		got, err := coverageOne(face)
		if err != nil {
			t.Fatal(err)
		}
		f, err := sfnt.Parse(face)
		if err != nil {
			t.Fatal(err)
		}
		var buf sfnt.Buffer
		want := &Coverage{}
		for r := rune(1); r <= 0xFFFF; r++ {
			if r >= 0xD800 && r <= 0xDFFF || r == 0xFFFE || r == 0xFFFF || unicode.IsControl(r) {
				continue
			}
			if gi, err := f.GlyphIndex(&buf, r); err != nil {
				t.Fatal(err)
			} else if gi != 0 {
				want.set(r)
			}
		}
		if got.bits != want.bits {
			for r := rune(0); r <= 0xFFFF; r++ {
				if got.Has(r) != want.Has(r) {
					t.Errorf("%s: U+%04X: read %v, sfnt says %v", name, r, got.Has(r), want.Has(r))
					break
				}
			}
		}
		if got.Count() < 1800 { // subset.sh keeps 1,822
			t.Errorf("%s: only %d characters", name, got.Count())
		}
	}
}

// A cmap whose characters are found through its glyph array (Noto Sans
// maps every range by a delta): a character the array gives glyph 0 is
// not drawn.
func TestCoverageThroughTheGlyphArray(t *testing.T) {
	be := func(vs ...int) []byte {
		var b []byte
		for _, v := range vs {
			b = append(b, byte(v>>8), byte(v))
		}
		return b
	}
	// format 4, two segments: A-C through the array (glyphs 5, 0, 7),
	// and the closing 0xFFFF one.
	sub := be(4, 0, 0, 4, 4, 1, 0, 0x43, 0xFFFF, 0, 0x41, 0xFFFF, 0, 1, 4, 0, 5, 0, 7)
	sub[2], sub[3] = 0, byte(len(sub))
	cmap := append(be(0, 1, 3, 1, 0, 12), sub...)
	tables := []string{"cmap", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "name", "post"}
	font := be(1, 0, len(tables), 0, 0, 0)
	at := 12 + 16*len(tables)
	for _, name := range tables {
		size := 0
		if name == "cmap" {
			size = len(cmap)
		}
		font = append(font, name...)
		font = append(font, be(0, 0, at>>16, at, 0, size)...)
	}
	font = append(font, cmap...)
	c, err := coverageOne(font)
	if err != nil {
		t.Fatal(err)
	}
	if !c.Has('A') || c.Has('B') || !c.Has('C') || c.Has('D') || c.Count() != 2 {
		t.Errorf("covered A %v, B %v, C %v, D %v, %d in all; want A and C only", c.Has('A'), c.Has('B'), c.Has('C'), c.Has('D'), c.Count())
	}
}

// A font whose first cmap record points outside it is refused, not read
// past its end.
func TestCoverageOfABrokenCmapRecord(t *testing.T) {
	font := slices.Clone(Regular)
	copy(font[12:], "cmap")
	font[12+8], font[12+9], font[12+10], font[12+11] = 0x40, 0, 0, 0 // offset 1 GB
	if _, err := CoverageOf(font); err == nil {
		t.Error("a cmap record past the end of the font was read")
	}
}
