package schema_test

import (
	"bytes"
	"fmt"
	"io/fs"
	"strings"
	"testing"

	"github.com/nest-nyth/nest/assessment"
	"github.com/nest-nyth/nest/examples"
	"github.com/nest-nyth/nest/schema"
)

// decode reads a file as Check does, failing the test on any error.
func decode(t testing.TB, data []byte) *assessment.Assessment {
	t.Helper()
	r := schema.Check("f.yaml", data)
	for _, f := range r.Findings {
		if f.Severity == schema.Error {
			t.Fatalf("%s\n%s", f, data)
		}
	}
	if r.Assessment == nil {
		t.Fatalf("not read:\n%s", data)
	}
	return r.Assessment
}

func exampleFiles(t testing.TB) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := fs.WalkDir(examples.FS, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(examples.FS, path)
		out[path] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(out) < 10 {
		t.Fatalf("only %d example files found", len(out))
	}
	return out
}

// Every example is in canonical form: load, save gives the same bytes, and
// loading that gives the same assessment.
func TestRoundTrip(t *testing.T) {
	for name, data := range exampleFiles(t) {
		t.Run(name, func(t *testing.T) {
			out, err := assessment.Marshal(decode(t, data))
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(out, data) {
				t.Errorf("saving changed the file:\n%s", out)
			}
			again, _ := assessment.Marshal(decode(t, out))
			if !bytes.Equal(out, again) {
				t.Error("load-save-load is not stable")
			}
		})
	}
}

func TestMarshalUnicodeAndMultiline(t *testing.T) {
	a := &assessment.Assessment{
		Nest: 1, Region: "north-wales", Scope: "service", Organisation: "Tŷ Hafan: family support",
		Service: &assessment.Service{Sector: "third-sector"}, Year: 2025, Status: "draft",
		Principles: map[string]*assessment.Response{
			"no_wrong_door":  {NotRated: "Not yet", WorkingWell: "First line.\n\nSecond, in Welsh: Croeso i bawb — ŵ ŷ â.\n", Themes: []string{"welsh-language"}},
			"trusted_adults": {Rating: 2},
		},
	}
	out, err := assessment.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	s := string(out)
	for _, want := range []string{
		"organisation: 'Tŷ Hafan: family support'\n",
		"    working_well: |\n      First line.\n\n      Second, in Welsh: Croeso i bawb — ŵ ŷ â.\n",
		"    themes: [welsh-language]\n",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("output lacks %q:\n%s", want, s)
		}
	}
	// Principles are written in the catalogue's order, not the map's.
	if strings.Index(s, "trusted_adults:") > strings.Index(s, "no_wrong_door:") {
		t.Errorf("principles out of order:\n%s", s)
	}
	if got := decode(t, out).Principles["no_wrong_door"].WorkingWell; got != a.Principles["no_wrong_door"].WorkingWell {
		t.Errorf("text changed in the round trip: %q", got)
	}
}

func TestDecodeProblems(t *testing.T) {
	tests := []struct {
		name       string
		in         string
		rule       string
		line, col  int
		msgContain string
	}{
		{"empty", "", schema.RuleEmpty, 1, 1, "empty"},
		{"only comments", "# nothing here\n", schema.RuleEmpty, 1, 1, "only comments"},
		{"two documents", "nest: 1\n---\nnest: 1\n", schema.RuleDocuments, 2, 1, "more than one"},
		{"tab indent", "voices:\n\tparents_and_carers: true\n", schema.RuleTabs, 2, 1, "tab"},
		{"duplicate key", "nest: 1\nregion: gwent\nregion: powys\n", schema.RuleDuplicateKey, 3, 1, `"region" appears twice (first on line 2)`},
		{"binary", "nest: 1\x00\x01", schema.RuleEncoding, 1, 8, "binary"},
		{"latin-1", "organisation: Ty\xfb\n", schema.RuleEncoding, 1, 17, "UTF-8"},
		{"utf-16", "\xff\xfen\x00", schema.RuleEncoding, 1, 1, "UTF-16"},
		{"utf-32", "\xff\xfe\x00\x00n\x00\x00\x00", schema.RuleEncoding, 1, 1, "UTF-32"},
		{"utf-32 big-endian", "\x00\x00\xfe\xff\x00\x00\x00n", schema.RuleEncoding, 1, 1, "UTF-32"},
		{"alias", "a: &x hi\nb: *x\n", schema.RuleAlias, 1, 4, "anchors"},
		{"syntax", "nest: [1\n", schema.RuleSyntax, 1, 1, "not valid YAML"},
		{"indentation far below its block", "nest: 1\nprinciples:\n  trusted_adults:\n    rating: 2\n    concerns: x\n  no_wrong_door:\n    rating: 2\n   target: 3\n", schema.RuleSyntax, 8, 1, "indented out of step"},
		{"unclosed list", "nest: 1\nprinciples:\n  trusted_adults:\n    themes: [a, b\n    rating: 2\n", schema.RuleSyntax, 4, 1, "is not closed with ]"},
		{"line of only a tab", "nest: 1\nregion: gwent\n\t\nscope: x\n", schema.RuleTabs, 3, 1, "tab"},
		{"unclosed quote", "nest: 1\norganisation: \"unclosed\nscope: region\n", schema.RuleSyntax, 2, 1, "not closed"},
		{"not a mapping", "- nest\n", schema.RuleType, 1, 1, "not a list"},
		{"a CI job called nest", "nest:\n  image: golang\n  script: [go test]\n", schema.RuleNotNest, 1, 1, "not a NEST self-assessment"},
		{"a catalogue with principles in a list", "principles:\n  - key: trusted_adults\nregions: []\n", schema.RuleNotNest, 1, 1, "not a NEST self-assessment"},
		{"principles alone", "principles:\n  trusted_adult:\n    rating: 2\n", schema.RuleUnknownKey, 2, 3, `did you mean "trusted_adults"?`},
		{"unknown key", "nest: 1\nratng: 2\n", schema.RuleUnknownKey, 2, 1, `unknown key "ratng" in the file`},
		{"typo suggestion", "principles:\n  trusted_adults:\n    ratng: 2\n", schema.RuleUnknownKey, 3, 5, `did you mean "rating"?`},
		{"unknown principle", "principles:\n  trusted-adult: {}\n", schema.RuleUnknownKey, 2, 3, `did you mean "trusted_adults"?`},
		{"rating as text", "principles:\n  trusted_adults:\n    rating: two\n", schema.RuleType, 3, 13, `rating should be a whole number, not "two"`},
		{"year as text", "nest: 1\nyear: '2024'\n", schema.RuleType, 2, 7, "whole number"},
		{"text as number", "nest: 1\norganisation: 42\n", schema.RuleType, 2, 15, "should be text, not the number 42"},
		{"voices not bool", "nest: 1\nvoices:\n  practitioners: yes please\n", schema.RuleType, 3, 18, "true or false"},
		{"themes not a list", "principles:\n  no_wrong_door:\n    themes: waiting-lists\n", schema.RuleType, 3, 13, "should be a list"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, ok := firstOf(schema.Check("f.yaml", []byte(tt.in)).Findings, tt.rule)
			if !ok {
				t.Fatalf("no %s finding", tt.rule)
			}
			if p.Rule != tt.rule || p.Line != tt.line || p.Column != tt.col || !strings.Contains(p.Message, tt.msgContain) {
				t.Errorf("got %d:%d %s %q; want %d:%d %s containing %q", p.Line, p.Column, p.Rule, p.Message, tt.line, tt.col, tt.rule, tt.msgContain)
			}
		})
	}
}

// firstOf is the first finding of a rule, in file order.
func firstOf(fs []schema.Finding, rule string) (schema.Finding, bool) {
	schema.Sort(fs)
	for _, f := range fs {
		if f.Rule == rule {
			return f, true
		}
	}
	return schema.Finding{}, false
}

func TestDecodeTooLarge(t *testing.T) {
	big := append([]byte("nest: 1\nregion: "), bytes.Repeat([]byte("x"), assessment.MaxFileSize)...)
	problems := schema.Check("f.yaml", big).Findings
	if len(problems) != 1 || problems[0].Rule != schema.RuleFileTooLarge {
		t.Fatalf("got %v", problems)
	}
}

// A billion-laughs file must be refused quickly, not expanded.
func TestDecodeAliasBomb(t *testing.T) {
	var b strings.Builder
	b.WriteString("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n")
	for i := 1; i < 10; i++ {
		b.WriteString("a" + string(rune('0'+i)) + ": &a" + string(rune('0'+i)) + " [")
		for j := 0; j < 9; j++ {
			if j > 0 {
				b.WriteString(", ")
			}
			b.WriteString("*a" + string(rune('0'+i-1)))
		}
		b.WriteString("]\n")
	}
	problems := schema.Check("f.yaml", []byte(b.String())).Findings
	if len(problems) != 1 || problems[0].Rule != schema.RuleAlias {
		t.Fatalf("got %v", problems)
	}
}

func TestDecodeAllProblemsAtOnce(t *testing.T) {
	in := "nest: 1\nregoin: gwent\nyear: soon\nprinciples:\n  trusted_adults:\n    rating: [2]\n    colour: blue\n"
	var problems []schema.Finding
	for _, f := range schema.Check("f.yaml", []byte(in)).Findings {
		if f.Rule == schema.RuleType || f.Rule == schema.RuleUnknownKey {
			problems = append(problems, f)
		}
	}
	if len(problems) != 4 {
		t.Fatalf("want 4 problems, got %d: %v", len(problems), problems)
	}
}

// Personal data is reported where it stands: inside a block, on a line,
// and in a list whose earlier items are not groups.
func TestPersonalDataPositions(t *testing.T) {
	in := "nest: 1\nprinciples:\n  trusted_adults:\n    rating: 2\n    working_well: |\n      First line.\n      Call 01633 000000 now.\n    concerns: Email a@b.cy please\n" +
		"    actions:\n      - just text\n      - action: Ring 07700 900123\n    feedback:\n      - 5\n      - quote: \"Write to sian@example.org\"\n        from: family\n"
	var got []string
	for _, f := range schema.Check("f.yaml", []byte(in)).Findings {
		if f.Rule == schema.RulePersonalData {
			got = append(got, fmt.Sprintf("%d:%d", f.Line, f.Column))
		}
	}
	want := []string{"7:12", "8:21", "11:22", "14:26"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("personal data at %v, want %v", got, want)
	}
}

func TestClosest(t *testing.T) {
	regions := []string{"cardiff-and-vale", "gwent", "north-wales"}
	for in, want := range map[string]string{
		"Gwent": "gwent", "North Wales": "north-wales", "Cardiff & Vale": "cardiff-and-vale",
		"gwnet": "gwent", "london": "",
	} {
		if got := schema.Closest(in, regions); got != want {
			t.Errorf("Closest(%q) = %q, want %q", in, got, want)
		}
	}
}

// Uncommenting the template's examples gives a valid file.
func TestTemplateExamplesUncomment(t *testing.T) {
	tpl := string(assessment.Template(assessment.TemplateOptions{Region: "gwent", Scope: assessment.ScopeRegion, Year: 2025}))
	for _, ex := range []string{"# - action:", "#   owner:", "#   due:", "# - quote:", "#   from:"} {
		tpl = strings.ReplaceAll(tpl, "      "+ex, "      "+ex[2:])
	}
	r := decode(t, []byte(tpl)).Principles["trusted_adults"]
	if len(r.Actions) != 1 || r.Actions[0].Due != "2025-03" || len(r.Feedback) != 1 || r.Feedback[0].From != "child-or-young-person" {
		t.Errorf("uncommented examples read as %+v %+v", r.Actions, r.Feedback)
	}
}

// Text pasted with spaces at line ends or Windows line breaks is still
// written as a | block, and reads back the same on the next load.
func TestMarshalPastedText(t *testing.T) {
	a := &assessment.Assessment{Nest: 1, Principles: map[string]*assessment.Response{
		"trusted_adults": {Concerns: "First line.  \r\nSecond line.\t\r\n"},
	}}
	out, err := assessment.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(out), "    concerns: |\n      First line.\n      Second line.\n") {
		t.Fatalf("not a block:\n%s", out)
	}
	again, _ := assessment.Marshal(schema.Check("f.yaml", out).Assessment)
	if string(again) != string(out) {
		t.Errorf("not stable:\n%s\n%s", out, again)
	}
}
