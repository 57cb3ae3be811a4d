package schema_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/nest-nyth/nest/assessment"
	"github.com/nest-nyth/nest/schema"
	"github.com/rogpeppe/go-internal/txtar"
)

// welshInputs are files that, between them, break every single-file rule:
// the files of nest validate's scripts, and a few more.
func welshInputs(t *testing.T) map[string][]byte {
	t.Helper()
	in := map[string][]byte{
		"empty.yaml":     nil,
		"comments.yaml":  []byte("# nothing here\n"),
		"two.yaml":       []byte("nest: 1\n---\nnest: 1\n"),
		"tab.yaml":       []byte("voices:\n\tparents_and_carers: true\n"),
		"dup.yaml":       []byte("nest: 1\nregion: gwent\nregion: powys\n"),
		"binary.yaml":    []byte("nest: 1\x00\x01"),
		"latin1.yaml":    []byte("organisation: Ty\xfb\n"),
		"utf16.yaml":     []byte("\xff\xfen\x00"),
		"utf32.yaml":     []byte("\xff\xfe\x00\x00n\x00\x00\x00"),
		"alias.yaml":     []byte("a: &x hi\nb: *x\n"),
		"syntax.yaml":    []byte("nest: [1\n"),
		"indent.yaml":    []byte("nest: 1\nprinciples:\n  trusted_adults:\n    rating: 2\n    concerns: x\n  no_wrong_door:\n    rating: 2\n   target: 3\n"),
		"colon.yaml":     []byte("nest: 1\norganisation: a: b\n"),
		"at.yaml":        []byte("nest: 1\norganisation: @home\n"),
		"quote.yaml":     []byte("nest: 1\norganisation: \"unclosed\nscope: region\n"),
		"list.yaml":      []byte("- nest\n"),
		"ci.yaml":        []byte("nest:\n  image: golang\n  script: [go test]\n"),
		"keys.yaml":      []byte("nest: 1\nratng: 2\n[a]: 1\nvoices: [x]\n"),
		"large.yaml":     []byte("nest: 1\norganisation: " + strings.Repeat("x", assessment.MaxFileSize) + "\n"),
		"missing.yaml":   []byte("nest: 1\nregion: gwent\n"),
		"noversion.yaml": []byte("region: gwent\n"),
		"labels.yaml":    []byte("nest: 1\ntheme_labels: [a]\nprinciples:\n  trusted_adults:\n    themes: [\"---\", ok, [x], ~, jo@example.com]\n    actions: [text]\n    feedback: [{quote: hi}]\n"),
		"labels2.yaml":   []byte("nest: 1\ntheme_labels:\n  [x]: y\n  ty-teulu: 3\n"),
		"printable.yaml": []byte("nest: 1\norganisation: Tŷ Teulu 🦉 07700 900123\nprinciples:\n  trusted_adults:\n    concerns: We were ranked #1 in Wales\n"),
		"future.yaml":    []byte(strings.Replace(base, "submitted: 2024-10-31", "submitted: 2026-06-30", 1)),
		"far.yaml":       []byte(strings.Replace(base, "submitted: 2024-10-31", "submitted: 2020-06-30", 1)),
		"many.yaml":      []byte(strings.Replace(base, "    themes: [staff-retention]", "    themes: ["+strings.Repeat("waiting-lists, ", 60)+"staff-retention]", 1)),
		"noevidence.yaml": []byte(strings.Replace(strings.Replace(base, "    working_well: One front door for families.\n", "", 1),
			"  children_and_young_people: true\n", "  children_and_young_people: false\n", 1)),
	}
	scripts, err := filepath.Glob("../cmd/nest/testdata/script/validate_*.txtar")
	if err != nil || len(scripts) == 0 {
		t.Fatal("no scripts", err)
	}
	for _, s := range scripts {
		a, err := txtar.ParseFile(s)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range a.Files {
			if strings.HasSuffix(f.Name, ".yaml") || strings.HasSuffix(f.Name, ".yml") {
				in[filepath.Base(s)+"/"+f.Name] = f.Data
			}
		}
	}
	return in
}

// unfilled finds what a message should never hold: a key the catalogue
// lacks ("[messages.x]"), or a value fmt could not fill in ("%!d(...)").
var unfilled = regexp.MustCompile(`\[(messages|cli|fields|personal_data|levels|principles|regions)\.[^\]]*\]|%!|%[a-z]`)

// A Welsh check finds what an English check finds, at the same lines and
// columns, by the same rules, each said in Welsh: every rule, every
// message filled in.
func TestWelshFindings(t *testing.T) {
	rules := map[string]bool{}
	check := func(name string, en, cy []schema.Finding) {
		t.Helper()
		if len(en) != len(cy) {
			t.Errorf("%s: %d findings in English, %d in Welsh:\n%v\n%v", name, len(en), len(cy), en, cy)
			return
		}
		for i := range en {
			e, c := en[i], cy[i]
			rules[e.Rule] = true
			if e.File != c.File || e.Line != c.Line || e.Column != c.Column || e.Rule != c.Rule || e.Severity != c.Severity {
				t.Errorf("%s: English %s, Welsh %s", name, e, c)
			}
			if e.Message == c.Message && !strings.HasPrefix(e.Message, "cannot read") {
				t.Errorf("%s: the Welsh says what the English says: %s", name, c)
			}
			for _, m := range []string{e.Message, c.Message} {
				if unfilled.MatchString(m) {
					t.Errorf("%s: unfilled: %q", name, m)
				}
			}
		}
	}
	for name, data := range welshInputs(t) {
		en := schema.Options{Today: "2025-06-01"}.Check(name, data).Findings
		cy := schema.Options{Today: "2025-06-01", Words: assessment.Welsh()}.Check(name, data).Findings
		schema.Sort(en)
		schema.Sort(cy)
		check(name, en, cy)
	}
	// What only a batch finds: a file that cannot be read, or is too
	// large to read, and two final files for one submission.
	files := map[string][]byte{"a.yaml": []byte(base), "b.yaml": []byte(base), "c.yaml": []byte(strings.Replace(base, "scope: region", "scope: service\nservice:\n  sector: health", 1))}
	files["d.yaml"] = files["c.yaml"]
	read := func(name string) ([]byte, error) {
		switch name {
		case "gone.yaml":
			return nil, os.ErrNotExist
		case "huge.yaml":
			return nil, schema.ErrTooLarge
		}
		return files[name], nil
	}
	names := []string{"a.yaml", "b.yaml", "c.yaml", "d.yaml", "gone.yaml", "huge.yaml"}
	en := schema.CheckFiles(names, schema.BatchOptions{Read: read})
	cy := schema.CheckFiles(names, schema.BatchOptions{Read: read, Words: assessment.Welsh()})
	for i := range en {
		check(names[i], en[i].Findings, cy[i].Findings)
	}
	if m := cy[0].Findings; len(m) != 1 || !strings.Contains(m[0].Message, "(rhanbarth Gwent, ar gyfer 2024) yn y ffeil b.yaml") {
		t.Errorf("a region's twin in Welsh: %v", m)
	}
	if m := cy[4].Findings; len(m) != 1 || !strings.HasPrefix(m[0].Message, "methu darllen: ") {
		t.Errorf("a file that cannot be read, in Welsh: %v", m)
	}
	for _, r := range schema.Rules {
		if !rules[r.ID] {
			t.Errorf("no input breaks rule %s: add one", r.ID)
		}
		if cy := r.Say(assessment.Welsh()); cy == r.Summary || unfilled.MatchString(cy) {
			t.Errorf("rule %s in Welsh: %q", r.ID, cy)
		}
		if r.Say(nil) != r.Summary || r.Summary == "" {
			t.Errorf("rule %s: Say(nil) %q, Summary %q", r.ID, r.Say(nil), r.Summary)
		}
	}
}

// Welsh errors keep English's: nothing of the check changes but its words.
func TestWelshSameErrors(t *testing.T) {
	for name, data := range welshInputs(t) {
		en := schema.Check(name, data)
		cy := schema.Options{Words: assessment.Welsh()}.Check(name, data)
		if en.Valid() != cy.Valid() || (en.Assessment == nil) != (cy.Assessment == nil) {
			t.Errorf("%s: valid %v in English, %v in Welsh", name, en.Valid(), cy.Valid())
		}
	}
}
