package report

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/nest-nyth/nest/assessment"
)

// cand is a valid file: a region's own (org "") or a service's.
func cand(name, region, org string, year int, status string) Candidate {
	a := &assessment.Assessment{Nest: 1, Region: region, Scope: assessment.ScopeRegion, Organisation: region + " RPB", Year: year, Status: status}
	if org != "" {
		a.Scope, a.Organisation = assessment.ScopeService, org
	}
	return Candidate{Path: "in/" + name, Name: name, Assessment: a}
}

func TestChoose(t *testing.T) {
	final, draft := assessment.StatusFinal, assessment.StatusDraft
	bad := cand("bad.yaml", "powys", "", 2024, final)
	bad.HasErrors = true
	dup := cand("dup.yaml", "gwent", "", 2024, final)
	dup.HasErrors, dup.Duplicate = true, true
	tests := []struct {
		name  string
		in    []Candidate
		rules Rules
		// want: the files kept, level, region, year; or the error's kind
		// and a part of its message.
		kept           string
		level, region  string
		year           int
		errKind        ChoiceErrorKind
		errText, notes string
	}{
		{name: "regions make a national report", in: []Candidate{cand("gwent.yaml", "gwent", "", 2024, final), cand("powys.yaml", "powys", "", 2024, final)},
			kept: "gwent.yaml powys.yaml", level: National, year: 2024},
		{name: "one region's services make a regional report", in: []Candidate{cand("a.yaml", "gwent", "Hub", 2024, final), cand("b.yaml", "gwent", "Club", 2024, final)},
			kept: "a.yaml b.yaml", level: Regional, region: "gwent", year: 2024},
		{name: "files with errors are left out", in: []Candidate{cand("gwent.yaml", "gwent", "", 2024, final), bad},
			kept: "gwent.yaml", level: National, year: 2024, notes: "warning: 1 file with errors left out of the report"},
		{name: "strict refuses files with errors", in: []Candidate{cand("gwent.yaml", "gwent", "", 2024, final), bad}, rules: Rules{Strict: true},
			errKind: Refused, errText: "1 file with errors; nothing was written"},
		{name: "drafts are left out", in: []Candidate{cand("gwent.yaml", "gwent", "", 2024, final), cand("powys.yaml", "powys", "", 2024, draft)},
			kept: "gwent.yaml", level: National, year: 2024, notes: "note: 1 file left out as drafts (--include-drafts keeps them)"},
		{name: "drafts included", in: []Candidate{cand("gwent.yaml", "gwent", "", 2024, final), cand("powys.yaml", "powys", "", 2024, draft)}, rules: Rules{IncludeDrafts: true},
			kept: "gwent.yaml powys.yaml", level: National, year: 2024},
		{name: "a draft beside its final counts twice", in: []Candidate{cand("gwent.yaml", "gwent", "", 2024, final), cand("gwent-draft.yaml", "gwent", "", 2024, draft)}, rules: Rules{IncludeDrafts: true},
			errKind: Refused, errText: "in/gwent.yaml and in/gwent-draft.yaml are the same submission"},
		{name: "two finals refuse the report", in: []Candidate{cand("gwent.yaml", "gwent", "", 2024, final), dup},
			errKind: Refused, errText: "the same submission is in two final files"},
		{name: "regions and services mixed", in: []Candidate{cand("gwent.yaml", "gwent", "", 2024, final), cand("a.yaml", "gwent", "Hub", 2024, final)},
			errKind: Ambiguous, errText: "mix regions' and services'"},
		{name: "mixed, with a level", in: []Candidate{cand("gwent.yaml", "gwent", "", 2024, final), cand("a.yaml", "gwent", "Hub", 2024, final)}, rules: Rules{Level: Regional},
			kept: "a.yaml", level: Regional, region: "gwent", year: 2024, notes: "note: 1 file of other years, levels or regions left out"},
		{name: "services of two regions", in: []Candidate{cand("a.yaml", "gwent", "Hub", 2024, final), cand("b.yaml", "powys", "Club", 2024, final)},
			errKind: Ambiguous, errText: "these services are in 2"},
		{name: "services of two regions, one chosen", in: []Candidate{cand("a.yaml", "gwent", "Hub", 2024, final), cand("b.yaml", "powys", "Club", 2024, final)}, rules: Rules{Region: "powys"},
			kept: "b.yaml", level: Regional, region: "powys", year: 2024, notes: "note: 1 file of other years, levels or regions left out"},
		{name: "two years", in: []Candidate{cand("a.yaml", "gwent", "", 2023, final), cand("b.yaml", "gwent", "", 2024, final)},
			errKind: Ambiguous, errText: "more than one year (2023, 2024)"},
		{name: "two years, one chosen", in: []Candidate{cand("a.yaml", "gwent", "", 2023, final), cand("b.yaml", "gwent", "", 2024, final)}, rules: Rules{Year: 2023},
			kept: "a.yaml", level: National, year: 2023, notes: "note: 1 file of other years, levels or regions left out"},
		{name: "a year with no files", in: []Candidate{cand("a.yaml", "gwent", "", 2024, final)}, rules: Rules{Year: 2030},
			errKind: Refused, errText: "none of the 1 valid file is for a national report of 2030"},
		{name: "nothing valid", in: []Candidate{bad},
			errKind: Refused, errText: "no final, valid self-assessment"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Choose(tt.in, tt.rules)
			if tt.errText != "" {
				var ce *ChoiceError
				if !errors.As(err, &ce) || ce.Kind != tt.errKind || !strings.Contains(ce.Message, tt.errText) {
					t.Fatalf("got %v (%+v), want a %v error with %q", err, ce, tt.errKind, tt.errText)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var kept []string
			for _, in := range c.Inputs {
				kept = append(kept, in.File)
			}
			if got := strings.Join(kept, " "); got != tt.kept || c.Level != tt.level || c.Region != tt.region || c.Year != tt.year {
				t.Errorf("kept %q %s %q %d; want %q %s %q %d", got, c.Level, c.Region, c.Year, tt.kept, tt.level, tt.region, tt.year)
			}
			if got := strings.Join(c.Notes(), "; "); got != tt.notes {
				t.Errorf("notes %q, want %q", got, tt.notes)
			}
		})
	}
}

func TestRulesCheck(t *testing.T) {
	for _, r := range []Rules{{Level: "county"}, {Region: "london"}} {
		if r.Check() == nil {
			t.Errorf("%+v passes", r)
		}
	}
	if err := (Rules{Level: Regional, Region: "powys"}).Check(); err != nil {
		t.Error(err)
	}
}

func TestShownNames(t *testing.T) {
	for _, tt := range []struct {
		paths, roots, want []string
	}{
		{[]string{"/home/sian/2024/gwent.yaml"}, []string{"/home/sian/2024"}, []string{"gwent.yaml"}},
		{[]string{"2024/services/hub.yaml"}, []string{"2024"}, []string{"services/hub.yaml"}},
		{[]string{"2024/gwent.yaml"}, []string{"2024/gwent.yaml"}, []string{"gwent.yaml"}},
		// The same name in two folders: told apart by the folders' names,
		// the same however the paths were typed.
		{[]string{"/x/a/gwent.yaml", "/y/b/gwent.yaml"}, []string{"/x/a", "/y/b"}, []string{"a/gwent.yaml", "b/gwent.yaml"}},
		{[]string{"a/gwent.yaml", "../y/b/gwent.yaml"}, []string{"a", "../y/b"}, []string{"a/gwent.yaml", "b/gwent.yaml"}},
		{[]string{"a/gwent.yaml", "b/gwent.yaml"}, []string{"a/gwent.yaml", "b/gwent.yaml"}, []string{"a/gwent.yaml", "b/gwent.yaml"}},
	} {
		if got, _ := ShownNames(tt.paths, tt.roots, nil); strings.Join(got, " ") != strings.Join(tt.want, " ") {
			t.Errorf("ShownNames(%v, %v, nil) = %q, want %q", tt.paths, tt.roots, got, tt.want)
		}
	}
}

// A file's name that looks like personal data is not published.
func TestShownNamesWithholdPersonalData(t *testing.T) {
	got, withheld := ShownNames([]string{"in/gwent.yaml", "in/sian-07700-900123.yaml"}, []string{"in", "in"}, nil)
	if strings.Join(got, "|") != "gwent.yaml|file 2 (name withheld)" || len(withheld) != 1 || withheld[0] != 1 {
		t.Errorf("got %q %v", got, withheld)
	}
}

func TestDate(t *testing.T) {
	in := []Input{{Assessment: &assessment.Assessment{Submitted: "2024-10-28"}}, {Assessment: &assessment.Assessment{Submitted: "2024-10-31"}}}
	epoch := time.Date(2025, 1, 15, 23, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		given string
		epoch *time.Time
		in    []Input
		want  string
	}{
		{"2025-02-01", &epoch, in, "2025-02-01"},
		{"", &epoch, in, "2025-01-15"},
		{"", nil, in, "2024-10-31"},
		{"", nil, nil, "2024-12-31"},
	} {
		if got := Date(tt.given, tt.epoch, tt.in, 2024); got != tt.want {
			t.Errorf("Date(%q, %v) = %q, want %q", tt.given, tt.epoch, got, tt.want)
		}
	}
}

// Withhold takes out every sentence that looks like personal data, the
// organisation's name and tags whole, and nothing else.
func TestWithhold(t *testing.T) {
	a := &assessment.Assessment{Organisation: "Call Sian on 07700 900123 Family Hub", Voices: assessment.Voices{How: "A workshop."},
		ThemeLabels: map[string]string{"ty-teulu": "Tŷ Teulu", "sian": "sian@example.org"},
		Principles: map[string]*assessment.Response{"trusted_adults": {
			WorkingWell: "Staff stay. Ring the NSPCC on 0808 800 5000.", Concerns: "Waiting lists. Email sian@example.org for the list. Transport.",
			Actions:  []assessment.Action{{Action: "Plan", Owner: "DOB 03/04/2012"}},
			Feedback: []assessment.Quote{{Quote: "She stayed.", From: "family"}},
			Themes:   []string{"waiting-lists", "07700-900123"},
		}}}
	got := Withhold(a)
	var paths []string
	for _, w := range got {
		paths = append(paths, strings.Join(w.Path, "."))
	}
	want := "organisation principles.trusted_adults.concerns principles.trusted_adults.actions.0.owner theme_labels.sian principles.trusted_adults.themes.07700-900123"
	if strings.Join(paths, " ") != want {
		t.Errorf("withheld %v, want %s", paths, want)
	}
	r := a.Principles["trusted_adults"]
	mark := assessment.Prompts["report.withheld"]
	for _, c := range []struct{ got, want string }{
		{a.Organisation, ""},
		{r.Concerns, "Waiting lists. " + mark + " Transport."},
		{r.Actions[0].Owner, mark},
		{r.WorkingWell, "Staff stay. Ring the NSPCC on 0808 800 5000."}, // a public helpline
		{a.Voices.How, "A workshop."},
		{r.Feedback[0].Quote, "She stayed."},
		{strings.Join(r.Themes, " "), "waiting-lists"},
		{fmt.Sprint(a.ThemeLabels), "map[ty-teulu:Tŷ Teulu]"},
	} {
		if c.got != c.want {
			t.Errorf("after withholding: %q, want %q", c.got, c.want)
		}
	}
}
