package report

import (
	"fmt"
	"testing"
)

// BenchmarkThemeCount counts the themes of a submission with a very long
// list of them (validate refuses over 50; the count must still be linear).
func BenchmarkThemeCount(b *testing.B) {
	for _, n := range []int{35000, 70000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			in := file("gwent", "Gwent RPB", 2, 2, 2, 2, 2, 2)
			themes := make([]string, n)
			for i := range themes {
				themes[i] = fmt.Sprintf("t%d", i%(n/2)) // each twice
			}
			in.Assessment.Principles["trusted_adults"].Themes = themes
			for b.Loop() {
				r := Aggregate([]Input{in}, Options{Level: National, Year: 2024})
				if len(r.Principles[0].Themes) != n/2 {
					b.Fatal(len(r.Principles[0].Themes))
				}
			}
		})
	}
}

// BenchmarkShownNames names the files of a report given as thousands of
// arguments, as nest aggregate FILE... does.
func BenchmarkShownNames(b *testing.B) {
	for _, n := range []int{8000, 16000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			paths := make([]string, n)
			for i := range paths {
				paths[i] = fmt.Sprintf("submissions/2024/s%05d.yaml", i)
			}
			for b.Loop() {
				ShownNames(paths, paths, nil)
			}
		})
	}
}
