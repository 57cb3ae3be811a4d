package schema_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/nest-nyth/nest/examples"
	"github.com/nest-nyth/nest/schema"
)

// The shapes of input that once took time growing with the square of their
// size. Each benchmark runs at two sizes; time per op that doubles with the
// size (not quadruples) is what holds them linear.

// BenchmarkLongFlowList is a 1 MiB file of one flow list of tags: refused
// as too long, having read it once.
func BenchmarkLongFlowList(b *testing.B) {
	for _, n := range []int{20000, 40000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			var sb strings.Builder
			sb.WriteString("nest: 1\nregion: gwent\nprinciples:\n  trusted_adults:\n    themes: [")
			for i := range n {
				fmt.Fprintf(&sb, "t%d, ", i)
			}
			sb.WriteString("x]\n")
			data := []byte(sb.String())
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				schema.Check("f.yaml", data)
			}
		})
	}
}

// BenchmarkBlankLinesBeforeData is a | block of many blank lines before a
// phone number: its position is found in one pass.
func BenchmarkBlankLinesBeforeData(b *testing.B) {
	base, err := examples.FS.ReadFile("2024/regions/gwent.yaml")
	if err != nil {
		b.Fatal(err)
	}
	for _, n := range []int{40000, 80000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			block := "    working_well: |\n" + strings.Repeat("\n", n) + "      Call 07700 900123 now.\n"
			data := []byte(strings.Replace(string(base), "    working_well: |\n", block, 1))
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				r := schema.Check("f.yaml", data)
				if len(r.Findings) == 0 {
					b.Fatal("no finding")
				}
			}
		})
	}
}
