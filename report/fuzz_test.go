package report_test

import (
	"bytes"
	"io/fs"
	"testing"
	"time"

	"github.com/nest-nyth/nest/assessment"
	"github.com/nest-nyth/nest/examples"
	"github.com/nest-nyth/nest/report"
	"github.com/nest-nyth/nest/schema"
)

// FuzzAggregate runs the path of nest aggregate, from files to the PDF and
// JSON, on the seven example regions with one of them replaced by
// arbitrary bytes: nothing may panic or stall, a report is made or refused
// with a reason, and no personal data reaches the JSON.
// Run it with: go test ./report -run X -fuzz FuzzAggregate
func FuzzAggregate(f *testing.F) {
	names, _ := fs.Glob(examples.FS, "2024/regions/*.yaml")
	var files [][]byte
	for _, n := range names {
		data, _ := fs.ReadFile(examples.FS, n)
		files = append(files, data)
		f.Add(data)
	}
	f.Add([]byte("nest: 1\nregion: cardiff-and-vale\nscope: region\norganisation: Call 07700 900123 🙂\nyear: 2024\nstatus: final\nsubmitted: 2024-10-31\n"))
	f.Add([]byte("principles: {trusted_adults: {themes: [a, b, c]}}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		start := time.Now()
		var cands []report.Candidate
		for i, d := range append([][]byte{data}, files[1:]...) {
			r := schema.Options{Today: "2025-01-01"}.Check(names[i], d)
			cands = append(cands, report.Candidate{Path: names[i], Name: names[i], Assessment: r.Assessment, HasErrors: !r.Valid()})
		}
		choice, err := report.Choose(cands, report.Rules{})
		if err != nil {
			if _, ok := err.(*report.ChoiceError); !ok {
				t.Fatalf("refused without a reason: %v", err)
			}
			return
		}
		for _, in := range choice.Inputs {
			report.Withhold(in.Assessment)
		}
		opt := report.Options{Level: choice.Level, Region: choice.Region, Year: choice.Year, Date: "2024-11-30", LeftOut: choice.LeftOut}
		rep := report.Aggregate(choice.Inputs, opt)
		var js, pdf bytes.Buffer
		if err := report.WriteJSON(&js, rep); err != nil {
			t.Fatal(err)
		}
		if kind, at := assessment.PersonalData(js.String()); kind != "" {
			t.Fatalf("the JSON publishes %s: %q", kind, js.String()[at:min(js.Len(), at+40)])
		}
		for _, edition := range []string{report.Public, report.Internal} {
			doc, err := report.Build(rep, report.BuildOptions{Edition: edition})
			if err != nil {
				t.Fatal(err)
			}
			if err := report.WritePDF(&pdf, doc, rep.Date); err != nil {
				t.Fatal(err)
			}
		}
		if d := time.Since(start); d > 5*time.Second {
			t.Fatalf("took %v", d)
		}
	})
}
