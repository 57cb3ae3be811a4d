package pii

import (
	"strings"
	"testing"
	"time"
)

const mib = 1 << 20

// fill repeats unit until the text reaches size bytes.
func fill(unit string, size int) string {
	return strings.Repeat(unit, size/len(unit)+1)[:size]
}

// shape is one input the benchmarks and TestLinearTime run on.
type shape struct{ name, text string }

// shapes are the inputs that made the old detector slow, and the paths
// through this one: 1 MiB of 80,000 blank lines; 70,000 short tokens that
// each start a partial match, run together (long number chains) and as a
// YAML list (about 1 MiB); a megabyte of digits, zeros, '@' signs, "[at]"s
// or cue words; plain prose (the fast path); and Welsh text with personal
// data in every sentence (the normalising path).
var shapes = func() []shape {
	var tokens strings.Builder
	parts := strings.Fields(`07700 900 123 +44 (0) 29 born on the 3rd of March 2016 DOB
		1/2/16 jo@ex.org a@b [at] x [dot] org at dot CF10 1AA cf10 AB 12 34 56 C b. 943 476
		5919 0808 800 5000 ０７７ 1,234 £5 2023-24 Y7 2nd`)
	for i := 0; i < 70000; i++ {
		tokens.WriteString(parts[i%len(parts)])
		tokens.WriteByte(" \n"[min(i%17, 1)^1])
	}
	welsh := "Mae’r teulu’n byw yn LL57 2DG ers mis Medi; ffoniwch Siân ar 07700–900–254. " +
		"Dywedodd un person ifanc: ‘Dw i’n teimlo’n saff yma’. Ganwyd Elis ar 5 Mehefin 2014. " +
		"Cafodd 1,020 o blant gymorth yn 2023–24, ac mae 3 o’r 7 bwrdd wedi cyflwyno.\n"
	prose := "Trusted adults in school made the biggest difference, and the young people " +
		"asked for a quiet room; waiting lists are long and the bus only runs twice a day.\n"
	blank := "Ring 07700 900123.\n" + strings.Repeat("            \n", 80000) + "Or 01632 960731."
	var list strings.Builder
	for i := 0; i < 70000; i++ {
		list.WriteString("        - ")
		list.WriteString(parts[i%len(parts)])
		list.WriteByte('\n')
	}
	return []shape{
		{"blank-lines", blank},
		{"short-tokens", tokens.String()},
		{"yaml-list", list.String()},
		{"digit-chain", fill("1 ", mib)},
		{"zero-chain", fill("0 ", mib)},
		{"at-signs", fill("a@b.", mib)},
		{"spelt-at", fill("x [at] y ", mib)},
		{"cue-words", fill("born on the DOB b. ", mib)},
		{"prose", fill(prose, mib)},
		{"welsh-mixed", fill(welsh, mib)},
	}
}()

func BenchmarkFind(b *testing.B) {
	d := New(helplines)
	for _, sh := range shapes {
		b.Run(sh.name, func(b *testing.B) {
			b.SetBytes(int64(len(sh.text)))
			for b.Loop() {
				d.Find(sh.text)
			}
		})
	}
}

func BenchmarkRedact(b *testing.B) {
	d := New(helplines)
	for _, sh := range shapes {
		// At least one match, so that every shape is split into sentences.
		ms := append(d.Find(sh.text), Match{Kind: Phone, Start: len(sh.text) - 1, End: len(sh.text)})
		b.Run(sh.name, func(b *testing.B) {
			b.SetBytes(int64(len(sh.text)))
			for b.Loop() {
				Redact(sh.text, ms)
			}
		})
	}
}

// TestLinearTime guards against a quadratic pattern coming back: the old
// detector took 16 s on many blank lines. Each shape must take well under a
// second even on a slow, shared machine (they take a few milliseconds).
func TestLinearTime(t *testing.T) {
	d := New(helplines)
	for _, sh := range shapes {
		start := time.Now()
		ms := d.Find(sh.text)
		Redact(sh.text, ms)
		if el := time.Since(start); el > time.Second {
			t.Errorf("%s (%d bytes): Find and Redact took %v", sh.name, len(sh.text), el)
		}
	}
}

func TestShapeSizes(t *testing.T) {
	for _, sh := range shapes {
		t.Logf("%s: %d bytes, %d lines", sh.name, len(sh.text), strings.Count(sh.text, "\n"))
	}
}
