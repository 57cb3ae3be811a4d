package schema_test

import (
	"io/fs"
	"strings"
	"testing"

	"github.com/nest-nyth/nest/assessment"
	"github.com/nest-nyth/nest/examples"
	"github.com/nest-nyth/nest/schema"
)

// Every personal-data warning points at the line and column of the data,
// for every free text of the format's table, on one line and inside a
// block of several.
func TestPersonalDataPointsAtTheData(t *testing.T) {
	var keys []string
	var walk func(fs []*assessment.Field)
	walk = func(fs []*assessment.Field) {
		for _, f := range fs {
			if f.FreeText {
				keys = append(keys, f.HelpKey())
			}
			walk(f.Fields)
		}
	}
	walk(assessment.Format)
	data, err := fs.ReadFile(examples.FS, "2024/services/gwent/ty-teulu-family-hub.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, key := range keys {
		for _, planted := range []string{"Ring 07700 900123 after six.", "First line.\nThen ring 07700 900123 after six.\n"} {
			a := schema.Check("f.yaml", data).Assessment
			r := a.Principles["no_wrong_door"]
			r.Actions = append(r.Actions, assessment.Action{Action: "Open a drop-in.", Owner: "Family team"})
			r.Feedback = append(r.Feedback, assessment.Quote{Quote: "They listened.", From: "family"})
			r.Rating, r.Target, r.NotRated, r.GoodLooksLike = 0, 0, "Not yet agreed.", "One door."
			r.Themes = append(r.Themes, "ty-teulu")
			a.ThemeLabels = map[string]string{"ty-teulu": "Tŷ Teulu"}
			done := false
			assessment.FreeTexts(a, func(_ []string, f *assessment.Field, text *string) {
				if !done && f.HelpKey() == key {
					*text, done = planted, true
				}
			})
			if !done {
				t.Fatalf("%s: nowhere to plant", key)
			}
			out, err := assessment.Marshal(a)
			if err != nil {
				t.Fatal(err)
			}
			var found []schema.Finding
			for _, f := range schema.Check("f.yaml", out).Findings {
				if f.Rule == schema.RulePersonalData {
					found = append(found, f)
				}
			}
			if len(found) != 1 {
				t.Errorf("%s: %d personal-data warnings, want 1: %v", key, len(found), found)
				continue
			}
			lines := strings.Split(string(out), "\n")
			f := found[0]
			if f.Line < 1 || f.Line > len(lines) || !strings.HasPrefix(string([]rune(lines[f.Line-1])[f.Column-1:]), "07700") {
				t.Errorf("%s: warning at %d:%d, not at the number:\n%s", key, f.Line, f.Column, out)
			}
		}
	}
}
