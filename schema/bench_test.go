package schema_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/nest-nyth/nest/assessment"
	"github.com/nest-nyth/nest/examples"
	"github.com/nest-nyth/nest/schema"
)

// BenchmarkCheck measures checking one typical file (a region's, about
// 4 KB): parse, decode, every rule.
func BenchmarkCheck(b *testing.B) {
	data, err := examples.FS.ReadFile("2024/regions/gwent.yaml")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if r := schema.Check("gwent.yaml", data); !r.Valid() {
			b.Fatal(r.Findings)
		}
	}
}

// BenchmarkCheckWelsh is BenchmarkCheck with the findings' words in
// Welsh: the words are looked up only for a finding, so it costs the same.
func BenchmarkCheckWelsh(b *testing.B) {
	data, err := examples.FS.ReadFile("2024/regions/gwent.yaml")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	o := schema.Options{Words: assessment.Welsh()}
	for b.Loop() {
		if r := o.Check("gwent.yaml", data); !r.Valid() {
			b.Fatal(r.Findings)
		}
	}
}

// BenchmarkCheckHandEdited measures the same file written in a way the
// fast parser leaves to yaml.v3 (a --- document marker), as a file edited
// by hand may be.
func BenchmarkCheckHandEdited(b *testing.B) {
	data, err := examples.FS.ReadFile("2024/regions/gwent.yaml")
	if err != nil {
		b.Fatal(err)
	}
	data = bytes.Replace(data, []byte("\nnest: 1\n"), []byte("\n---\nnest: 1\n"), 1)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if r := schema.Check("gwent.yaml", data); !r.Valid() {
			b.Fatal(r.Findings)
		}
	}
}

// BenchmarkCheckFiles measures a batch of files on disk, read and checked
// on every CPU, as nest validate does: the figure per op is for 1,000
// files.
func BenchmarkCheckFiles(b *testing.B) {
	dir := b.TempDir()
	names, err := examples.FS.ReadDir("2024/regions")
	if err != nil {
		b.Fatal(err)
	}
	var files []string
	for i := range 1000 {
		name := names[i%len(names)].Name()
		data, err := examples.FS.ReadFile("2024/regions/" + name)
		if err != nil {
			b.Fatal(err)
		}
		path := filepath.Join(dir, fmt.Sprintf("%04d-%s", i, name))
		// A region submits once a year: the copies are its drafts, so none
		// is a second final submission.
		data = bytes.Replace(data, []byte("\nstatus: final\n"), []byte("\nstatus: draft\n"), 1)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			b.Fatal(err)
		}
		files = append(files, path)
	}
	b.ReportAllocs()
	for b.Loop() {
		results := schema.CheckFiles(files, schema.BatchOptions{Read: os.ReadFile})
		for _, r := range results {
			if len(r.Findings) > 0 {
				b.Fatal(r.Findings)
			}
		}
	}
}
