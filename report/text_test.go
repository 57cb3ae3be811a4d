package report

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func summary(t *testing.T, r *Report, o TextOptions) string {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteSummary(&buf, r, o); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// The terminal summaries of the examples, held to golden files.
func TestGoldenSummary(t *testing.T) {
	for _, c := range []struct {
		name string
		r    *Report
	}{
		{"national-2024", Aggregate(inputs(t, "2024/regions"), Options{Level: National, Year: 2024})},
		{"national-2024-compared", compared(t)},
		{"regional-gwent-2024", Aggregate(inputs(t, "2024/services/gwent"), Options{Level: Regional, Region: "gwent", Year: 2024})},
	} {
		t.Run(c.name, func(t *testing.T) {
			golden(t, filepath.Join("testdata", c.name+".txt"), []byte(summary(t, c.r, TextOptions{})))
		})
	}
}

// Every line fits 80 columns, with long names and 500 services too; the
// plain text has no escape sequence, the coloured one only colour and
// bold, and a name from a file cannot send the terminal its own.
func TestSummaryFits80Columns(t *testing.T) {
	big := Aggregate(services(t, 500), Options{Level: Regional, Region: "gwent", Year: 2024})
	big.Rows[0].Name = "A service with a very long name indeed, longer than any column could hold: Gwasanaeth Cwnsela Ysgolion Blaenau Gwent\x1b]0;pwned\x07\x1b[2J"
	for name, r := range map[string]*Report{"compared": compared(t), "500 services": big} {
		for _, color := range []bool{false, true} {
			out := summary(t, r, TextOptions{Color: color})
			for i, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
				if w := ansi.StringWidth(line); w > 80 {
					t.Errorf("%s: line %d is %d columns: %q", name, i+1, w, line)
				}
			}
			plain := ansi.Strip(out)
			if strings.ContainsAny(plain, "\x1b\x07") {
				t.Errorf("%s: a control character reached the terminal", name)
			}
			if !color && plain != out {
				t.Errorf("%s: escape sequences in plain text", name)
			}
			if color && (!strings.Contains(out, "\x1b[1m") || name == "compared" && !strings.Contains(out, "\x1b[32m+1\x1b[0m")) {
				t.Errorf("%s: no colour on a terminal", name)
			}
		}
	}
	if got := headLines("Co-production", 2); strings.Join(got, "|") != "Co-|production" {
		t.Errorf("headLines(Co-production) = %q", got)
	}
	if got := headLines("No wrong door", 2); strings.Join(got, "|") != "No wrong|door" {
		t.Errorf("headLines(No wrong door) = %q", got)
	}
	if got := headLines("Oedolion yr ymddiriedir ynddynt", 3); strings.Join(got, "|") != "Oedolion yr|ymddiriedir|ynddynt" {
		t.Errorf("headLines(Oedolion yr ymddiriedir ynddynt, 3) = %q", got)
	}
}
