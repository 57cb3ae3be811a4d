package schema_test

import (
	"bytes"
	"io/fs"
	"testing"

	"github.com/nest-nyth/nest/assessment"
	"github.com/nest-nyth/nest/examples"
	"github.com/nest-nyth/nest/schema"
)

// FuzzCheck feeds the loader and the validator arbitrary bytes, seeded with
// the examples. Nothing may panic; every finding must be well formed; and a
// valid file must save to a canonical form that is still valid and stable.
// Run it with: go test ./schema -fuzz FuzzCheck
func FuzzCheck(f *testing.F) {
	err := fs.WalkDir(examples.FS, ".", func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			data, _ := fs.ReadFile(examples.FS, path)
			f.Add(data)
		}
		return nil
	})
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range []string{"", "---\n---\n", "a: &a [*a]\n", "nest: 1\n\tregion: x\n", "principles: {trusted_adults: {rating: 9}}\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		r := schema.Check("f.yaml", data)
		for _, fd := range r.Findings {
			if _, ok := schema.RuleByID(fd.Rule); !ok || fd.File != "f.yaml" || fd.Line < 0 || fd.Column < 0 || fd.Message == "" ||
				(fd.Severity != schema.Error && fd.Severity != schema.Warning) {
				t.Fatalf("malformed finding %+v", fd)
			}
		}
		if r.Assessment == nil || !r.Valid() {
			return
		}
		saved, err := assessment.Marshal(r.Assessment)
		if err != nil {
			t.Fatalf("a valid file cannot be saved: %v", err)
		}
		again := schema.Check("f.yaml", saved)
		if !again.Valid() {
			t.Fatalf("a valid file is invalid once saved: %v\n%s", again.Findings, saved)
		}
		resaved, err := assessment.Marshal(again.Assessment)
		if err != nil || !bytes.Equal(saved, resaved) {
			t.Fatalf("saving is not stable:\n%s\n---\n%s", saved, resaved)
		}
	})
}
