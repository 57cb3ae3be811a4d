package schema

import (
	"fmt"
	"github.com/nest-nyth/nest/assessment"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nest-nyth/nest/examples"
	"go.yaml.in/yaml/v3"
)

// sameTree reports the first difference between two node trees in what
// nest reads: kind, tag, value, style and position. Comments are ignored.
func sameTree(a, b *yaml.Node, path string) error {
	if a.Kind != b.Kind || a.Tag != b.Tag || a.Value != b.Value || a.Style != b.Style || a.Line != b.Line || a.Column != b.Column || len(a.Content) != len(b.Content) {
		return fmt.Errorf("%s: fast {kind %v tag %s value %q style %v at %d:%d, %d children} but yaml.v3 {kind %v tag %s value %q style %v at %d:%d, %d children}",
			path, a.Kind, a.Tag, a.Value, a.Style, a.Line, a.Column, len(a.Content), b.Kind, b.Tag, b.Value, b.Style, b.Line, b.Column, len(b.Content))
	}
	for i := range a.Content {
		if err := sameTree(a.Content[i], b.Content[i], fmt.Sprintf("%s/%d", path, i)); err != nil {
			return err
		}
	}
	return nil
}

// agree checks that wherever the fast parser answers, it answers exactly
// as yaml.v3 does; it reports whether it answered.
func agree(t *testing.T, data []byte) bool {
	t.Helper()
	fast, release, ok := fastParse(data)
	if !ok {
		return false
	}
	defer release()
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		t.Fatalf("fast parser accepted what yaml.v3 rejects (%v):\n%s", err, data)
	}
	if len(doc.Content) == 0 {
		t.Fatalf("fast parser read a document yaml.v3 finds empty:\n%s", data)
	}
	if err := sameTree(fast, doc.Content[0], ""); err != nil {
		t.Fatalf("%v\n%s", err, data)
	}
	return true
}

// The examples are what nest writes, so the fast parser must read them all.
func TestFastParseExamples(t *testing.T) {
	n := 0
	err := fs.WalkDir(examples.FS, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, _ := fs.ReadFile(examples.FS, path)
		if !agree(t, data) {
			t.Errorf("%s: the fast parser gave up on a file nest wrote", path)
		}
		// The same file saved on Windows.
		if !agree(t, []byte(strings.ReplaceAll(string(data), "\n", "\r\n"))) {
			t.Errorf("%s: the fast parser gave up on the file with Windows line ends", path)
		}
		n++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n == 0 {
		t.Fatal("no examples")
	}
}

// nest init's templates, full of empty values and comments, take the fast
// path too.
func TestFastParseTemplates(t *testing.T) {
	for _, o := range []assessment.TemplateOptions{{Region: "gwent", Scope: assessment.ScopeRegion, Year: 2025}, {Scope: assessment.ScopeService, Year: 2025}} {
		if !agree(t, assessment.Template(o)) {
			t.Errorf("the fast parser gave up on the %s template", o.Scope)
		}
	}
}

func TestFastParseAgrees(t *testing.T) {
	cases := []string{
		"a: 1\nb: -2\nc: 007\nd: 1.5\ne: 2024-10-31\nf: 2024-02-30\ng: 2025-03\nh: true\ni: ~\nj: yes\nk: No\n",
		"a: 'it''s'\nb: '' # c\nc: 'x' y\nd: 'open\n",
		"a: |\n  one\n\n  two\n\n\nb: |-\n  x\n    y\nc: x\n",
		"a: |\n  # not a comment\n  x\n# a comment\nb: 1\n",
		"a: [x, y z, 3, 2024-10-31]\nb: []\nc: [ ]\nd: {}\ne: [a, [b]]\nf: {a: 1}\n",
		"a:\n  - b: 1\n    c: two\n  - d\n  - e: |\n      text\n    f: 3\nb:\n- x\n- y\n",
		"a: b: c\n", "a: x # comment\n", "a: x#y\n", "a: -x\n", "a: - x\n", "a: 10:30\n",
		"a: x\n  y\n", "- a\n", "  a: 1\n", "a:\n", "a: 1\n---\nb: 2\n", "%YAML 1.2\n---\na: 1\n",
		"a: Tŷ Hafan\nb: [ŵ, ŷ]\n", "a: \"quoted\"\n", "a: &x 1\nb: *x\n", "a: x\na: y\n",
		"true: 1\n", "a: @x\n", "a: .5\n", "a: +1\n", "a: 0x10\n", "a: |+\n  x\n\n",
		"a: |\n  x\n y\n", "a: |\n   \n  x\n", "a:\n  b: 1\n c: 2\n",
		"a: ''\nb: 'x'' '\n", "a: [x,y]\n", "a: [x, ]\n", "a: [ x ]\n",
		"a:\nb: # c\nc:   \nd:\n  e:\n- x\n", "a: |\r\n  x\r\n  y\r\nb: 1\r\n", "a: x\r\nb: y\rc\n", "a: 'x\r\n  y'\r\n", "a: \"x y\"\nb: \"it's\" # c\nc: \"a\\\"b\"\nd: \"x\"y\n",
	}
	for _, c := range cases {
		agree(t, []byte(c))
	}
}

// FuzzFastParse holds the fast parser to yaml.v3 on arbitrary input seeded
// with the examples: go test ./schema -fuzz FuzzFastParse
func FuzzFastParse(f *testing.F) {
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
	// The validator's fuzz corpus holds many near-NEST files.
	if files, err := filepath.Glob("testdata/fuzz/FuzzCheck/*"); err == nil {
		for _, name := range files {
			raw, err := os.ReadFile(name)
			if err != nil {
				continue
			}
			if v, ok := corpusBytes(string(raw)); ok {
				f.Add(v)
			}
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		agree(t, data)
	})
}

// corpusBytes reads the []byte value of a "go test fuzz v1" file.
func corpusBytes(s string) ([]byte, bool) {
	_, rest, ok := strings.Cut(s, "\n")
	if !ok {
		return nil, false
	}
	rest = strings.TrimSpace(rest)
	if !strings.HasPrefix(rest, "[]byte(") || !strings.HasSuffix(rest, ")") {
		return nil, false
	}
	var v string
	if _, err := fmt.Sscanf(rest[len("[]byte("):len(rest)-1], "%q", &v); err != nil {
		return nil, false
	}
	return []byte(v), true
}
