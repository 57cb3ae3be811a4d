package report_test

import (
	"bytes"
	"fmt"
	"io/fs"
	"testing"

	"github.com/nest-nyth/nest/assessment"
	"github.com/nest-nyth/nest/examples"
	"github.com/nest-nyth/nest/report"
	"github.com/nest-nyth/nest/schema"
)

// load decodes the example files under dir that are final.
func load(t testing.TB, dir string) []report.Input {
	t.Helper()
	names, err := fs.Glob(examples.FS, dir+"/*.yaml")
	if err != nil || len(names) == 0 {
		t.Fatalf("no examples in %s: %v", dir, err)
	}
	var in []report.Input
	for _, name := range names {
		data, _ := fs.ReadFile(examples.FS, name)
		res := schema.Check(name, data)
		if !res.Valid() {
			t.Fatalf("%s: %v", name, res.Findings)
		}
		if res.Assessment.Status == assessment.StatusFinal {
			in = append(in, report.Input{File: name, Assessment: res.Assessment})
		}
	}
	return in
}

func render(t testing.TB, in []report.Input, o report.Options, edition ...string) []byte {
	t.Helper()
	r := report.Aggregate(in, o)
	bo := report.BuildOptions{}
	if len(edition) > 0 {
		bo.Edition = edition[0]
	}
	d, err := report.Build(r, bo)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := report.WritePDF(&buf, d, r.Date); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// The same files give the same bytes, for a report that is published and
// kept in version control.
func TestPDFIsDeterministic(t *testing.T) {
	for _, tc := range []struct {
		dir string
		o   report.Options
	}{
		{"2024/regions", report.Options{Level: report.National, Year: 2024, Date: "2024-11-30"}},
		{"2024/services/gwent", report.Options{Level: report.Regional, Region: "gwent", Year: 2024, Date: "2024-11-30"}},
	} {
		in := load(t, tc.dir)
		a, b := render(t, in, tc.o), render(t, in, tc.o)
		if !bytes.Equal(a, b) {
			t.Errorf("%s: two renderings differ", tc.dir)
		}
		if !bytes.HasPrefix(a, []byte("%PDF-")) || !bytes.Contains(a, []byte("/Outlines")) {
			t.Errorf("%s: not a PDF with an outline", tc.dir)
		}
		// The date is the report's, not the clock's.
		if !bytes.Contains(a, []byte("D:20241130")) {
			t.Errorf("%s: the document's dates are not the report's date", tc.dir)
		}
	}
}

func TestPDFNeedsADate(t *testing.T) {
	in := load(t, "2024/regions")
	o := report.Options{Level: report.National, Year: 2024}
	r := report.Aggregate(in, o)
	d, err := report.Build(r, report.BuildOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if err := report.WritePDF(&bytes.Buffer{}, d, r.Date); err == nil {
		t.Error("a report without a date rendered")
	}
}

// BenchmarkPDF measures the national report of the seven example regions,
// from decoded files to PDF bytes.
func BenchmarkPDF(b *testing.B) {
	in := load(b, "2024/regions")
	o := report.Options{Level: report.National, Year: 2024, Date: "2024-11-30"}
	b.ReportAllocs()
	for b.Loop() {
		render(b, in, o)
	}
}

// BenchmarkRegional10000 measures a regional report of 10,000 services:
// aggregate and render (the table alone runs to about 200 pages).
func BenchmarkRegional10000(b *testing.B) {
	base := load(b, "2024/services/gwent")
	var in []report.Input
	for i := range 10000 {
		src := base[i%len(base)]
		a := *src.Assessment
		a.Organisation = fmt.Sprintf("%s %d", a.Organisation, i)
		in = append(in, report.Input{File: fmt.Sprintf("s%05d.yaml", i), Assessment: &a})
	}
	o := report.Options{Level: report.Regional, Region: "gwent", Year: 2024, Date: "2024-11-30"}
	b.ReportAllocs()
	for b.Loop() {
		render(b, in, o)
	}
}
