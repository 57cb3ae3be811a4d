package pii

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzFind checks, for any text, that matches lie in the text on rune
// boundaries, in order, none inside another; that Find gives the same
// answer twice; and that Redact keeps every line break and drops no more
// than it should.
func FuzzFind(f *testing.F) {
	for _, path := range []string{"testdata/corpus.tsv"} {
		for _, ex := range loadCorpus(f, path) {
			f.Add(ex.phrase)
		}
	}
	f.Add("07700\u200b900 123\n\nDOB 3/3/16 jo [at] x [dot] org CF10 1AA AB123456C")
	d := New(helplines)
	f.Fuzz(func(t *testing.T, text string) {
		ms := d.Find(text)
		end := -1
		for i, m := range ms {
			if m.Start < 0 || m.End > len(text) || m.Start >= m.End {
				t.Fatalf("match %d %+v out of range in %q", i, m, text)
			}
			if utf8.ValidString(text) && (!utf8.RuneStart(text[m.Start]) || m.End < len(text) && !utf8.RuneStart(text[m.End])) {
				t.Fatalf("match %d %+v not on rune boundaries in %q", i, m, text)
			}
			if i > 0 && (m.Start < ms[i-1].Start || m.End <= end) {
				t.Fatalf("matches out of order or nested: %+v in %q", ms, text)
			}
			end = max(end, m.End)
		}
		again := d.Find(text)
		if len(again) != len(ms) {
			t.Fatalf("Find is not deterministic on %q", text)
		}
		out, n := Redact(text, ms)
		if strings.Count(out, "\n") != strings.Count(text, "\n") {
			t.Fatalf("Redact lost line breaks: %q -> %q", text, out)
		}
		if len(out) > len(text) || n == 0 && out != text || n > 0 && len(ms) == 0 {
			t.Fatalf("Redact(%q) = %q, %d", text, out, n)
		}
	})
}
