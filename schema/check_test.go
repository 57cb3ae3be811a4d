package schema_test

import (
	"io/fs"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/nest-nyth/nest/examples"
	"github.com/nest-nyth/nest/schema"
)

// base is a small valid final file; each case changes one thing in it.
const base = `nest: 1
region: gwent
scope: region
organisation: Gwent Regional Partnership Board
year: 2024
submitted: 2024-10-31
status: final
voices:
  children_and_young_people: true
  babies_and_younger_children: false
  parents_and_carers: true
  practitioners: true
principles:
  trusted_adults:
    rating: 2
    target: 3
    working_well: Staff keep the same families for years.
    actions:
      - action: Write trusted adult principles into job descriptions
        owner: Workforce group
        due: 2025-03
    themes: [staff-retention]
    feedback:
      - quote: She stayed with us the whole way through.
        from: parent-or-carer
  wellbeing_across_education:
    rating: 2
    concerns: Childcare is not yet involved.
  co_produced_innovations:
    rating: 3
    working_well: A youth forum shapes every plan.
  easy_access_to_expertise:
    rating: 2
    working_well: Consultation line for teachers.
  safe_and_supportive_communities:
    not_rated: Partners will agree a rating in spring.
  no_wrong_door:
    rating: 2
    working_well: One front door for families.
`

func findings(name, in string) []string {
	r := schema.Check(name, []byte(in))
	var out []string
	for _, f := range r.Findings {
		out = append(out, f.String())
	}
	return out
}

func TestBaseIsValid(t *testing.T) {
	if got := findings("gwent.yaml", base); len(got) > 0 {
		t.Fatalf("base has findings: %v", got)
	}
}

func TestRules(t *testing.T) {
	tests := []struct {
		name     string
		old, new string // replace old with new in base
		want     []string
	}{
		{"rating out of range", "    rating: 2\n    target: 3", "    rating: 5\n    target: 3",
			[]string{"f.yaml:15:13: error: rating 5 is out of range: use 1 (basic) to 4 (embedded) [rating-range]"}},
		{"rating zero", "    rating: 3\n    working_well: A youth", "    rating: 0\n    working_well: A youth",
			[]string{"f.yaml:30:13: error: rating 0 is out of range: use 1 (basic) to 4 (embedded) [rating-range]"}},
		{"target out of range", "target: 3", "target: 7",
			[]string{"f.yaml:16:13: error: target 7 is out of range: use 1 (basic) to 4 (embedded) [rating-range]"}},
		{"target below rating", "target: 3", "target: 1",
			[]string{"f.yaml:16:13: error: target 1 is below this year's rating of 2: aim for 2 or higher [target-below-rating]"}},
		{"unknown region", "region: gwent", "region: Gwent Region",
			[]string{`f.yaml:2:9: error: region "Gwent Region" is not one of the allowed values: use one of cardiff-and-vale, cwm-taf-morgannwg, gwent, north-wales, powys, west-glamorgan, west-wales [unknown-value]`}},
		{"region spelt as a name", "region: gwent", "region: North Wales",
			[]string{`f.yaml:2:9: error: region "North Wales" is not one of the allowed values: did you mean "north-wales"? [unknown-value]`}},
		{"missing organisation", "organisation: Gwent Regional Partnership Board\n", "",
			[]string{"f.yaml:1:1: error: organisation is missing: add organisation: (who is assessing: the Regional Partnership Board, or the service or project and who runs it) [required]"}},
		{"empty organisation", "organisation: Gwent Regional Partnership Board", "organisation: ''",
			[]string{"f.yaml:4:15: error: organisation is missing: add organisation: (who is assessing: the Regional Partnership Board, or the service or project and who runs it) [required]"}},
		{"format version", "nest: 1", "nest: 2",
			[]string{"f.yaml:1:7: error: this file is in format version 2, but this nest reads version 1: update nest, or write nest: 1 [format-version]"}},
		{"year range", "year: 2024", "year: 1999",
			[]string{"f.yaml:5:7: error: year 1999 is out of range: use the year of the assessment round, 2020 to 2100 [year-range]"}},
		{"bad submitted date", "submitted: 2024-10-31", "submitted: 31/10/2024",
			[]string{`f.yaml:6:12: error: submitted "31/10/2024" is not a date: write it as YYYY-MM-DD, like 2024-10-31 [date-format]`}},
		{"impossible date", "submitted: 2024-10-31", "submitted: 2024-02-30",
			[]string{`f.yaml:6:12: error: submitted "2024-02-30" is not a date: write it as YYYY-MM-DD, like 2024-10-31 [date-format]`}},
		{"final without date", "submitted: 2024-10-31\n", "",
			[]string{"f.yaml:6:9: error: a final file needs the date it was submitted: add submitted: YYYY-MM-DD, or set status: draft [final-incomplete]"}},
		{"draft without date", "submitted: 2024-10-31\nstatus: final", "status: draft", nil},
		{"final missing a principle", "  no_wrong_door:\n    rating: 2\n    working_well: One front door for families.\n", "",
			[]string{"f.yaml:13:1: error: a final file needs every principle: no_wrong_door (No wrong door) is missing [final-incomplete]"}},
		{"draft missing a principle", "status: final\n", "status: draft\n", nil},
		{"rating and reason", "    not_rated: Partners will agree a rating in spring.", "    rating: 2\n    not_rated: Partners will agree a rating in spring.",
			[]string{"f.yaml:37:5: error: safe_and_supportive_communities has both a rating and a reason for not rating it: keep one [not-rated]",
				"f.yaml:35:3: warning: safe_and_supportive_communities is rated 2 but says nothing behind it: add what is working well, concerns or actions [no-evidence]"}},
		{"neither rating nor reason in a final", "    not_rated: Partners will agree a rating in spring.\n", "    concerns: Not discussed yet.\n",
			[]string{"f.yaml:35:3: error: safe_and_supportive_communities has no rating: give a rating from 1 to 4, or say why in not_rated [not-rated]"}},
		{"neither rating nor reason in a draft", "status: final\n", "status: draft\n", nil},
		{"service block on a region", "year: 2024\n", "service:\n  sector: health\nyear: 2024\n",
			[]string{"f.yaml:5:1: error: service: is only for files of scope service: remove it, or set scope: service [service-scope]"}},
		{"service scope without service", "scope: region", "scope: service",
			[]string{"f.yaml:3:8: error: a file of scope service needs a service: group with its sector [service-scope]"}},
		{"unknown sector", "scope: region\norganisation: Gwent Regional Partnership Board\n", "scope: service\norganisation: Gwent Counselling\nservice:\n  sector: NHS\n  funding: [Regional Integration Fund]\n",
			[]string{`f.yaml:6:11: error: sector "NHS" is not one of the allowed values: use one of health, local-authority, education, childcare, third-sector, youth-and-play, housing, police, other [unknown-value]`,
				`f.yaml:7:13: error: funding tag "Regional Integration Fund" should be lowercase words joined by hyphens, like "regional-integration-fund" [tag-format]`}},
		{"bad theme", "themes: [staff-retention]", "themes: [Staff retention]",
			[]string{`f.yaml:22:14: error: theme tag "Staff retention" should be lowercase words joined by hyphens, like "staff-retention" [tag-format]`}},
		{"bad due month", "due: 2025-03", "due: 2025-13",
			[]string{`f.yaml:21:14: error: due "2025-13" is not a month: write it as YYYY-MM, like 2025-03 [date-format]`}},
		{"action without text", "      - action: Write trusted adult principles into job descriptions\n        owner", "      - owner",
			[]string{"f.yaml:19:9: error: each action needs action: (what will be done) [required]"}},
		{"quote from unknown", "from: parent-or-carer", "from: teacher",
			[]string{`f.yaml:25:15: error: from "teacher" is not one of the allowed values: use one of region, child-or-young-person, parent-or-carer, family, practitioner, partner [unknown-value]`}},
		{"quote without from", "\n        from: parent-or-carer", "",
			[]string{"f.yaml:24:9: error: each feedback item needs from: (who it came from: region, child-or-young-person, parent-or-carer, family, practitioner, partner) [required]"}},
		{"no children's voice", "children_and_young_people: true", "children_and_young_people: false",
			[]string{"f.yaml:8:1: warning: no children's or young people's voice is recorded: NEST asks that they shape the assessment; record it under voices: once they have [no-children-voice]"}},
		{"babies count as children's voice", "children_and_young_people: true\n  babies_and_younger_children: false", "children_and_young_people: false\n  babies_and_younger_children: true", nil},
		{"rated with no text", "    rating: 2\n    concerns: Childcare is not yet involved.\n", "    rating: 2\n",
			[]string{"f.yaml:26:3: warning: wellbeing_across_education is rated 2 but says nothing behind it: add what is working well, concerns or actions [no-evidence]"}},
		{"email in text", "Staff keep the same families for years.", "Ask sian.jones@example.org for details.",
			[]string{"f.yaml:17:23: warning: this looks like an e-mail address: reports are published, so remove anything that identifies a person [personal-data]"}},
		{"phone in quote", "She stayed with us the whole way through.", "Ring her on 07700 900123, she stayed.",
			[]string{"f.yaml:24:28: warning: this looks like a phone number: reports are published, so remove anything that identifies a person [personal-data]"}},
		{"postcode", "Childcare is not yet involved.", "The family at NP20 2UH moved.",
			[]string{"f.yaml:28:29: warning: this looks like a postcode: reports are published, so remove anything that identifies a person [personal-data]"}},
		{"NHS number", "One front door for families.", "Child 943 476 5919 was seen.",
			[]string{"f.yaml:39:25: warning: this looks like an NHS number: reports are published, so remove anything that identifies a person [personal-data]"}},
		{"date of birth", "A youth forum shapes every plan.", "A boy, DOB 03/04/2012, joined.",
			[]string{"f.yaml:31:26: warning: this looks like a date of birth: reports are published, so remove anything that identifies a person [personal-data]"}},
		{"own theme labels", "    working_well: One front door for families.\n", "    working_well: One front door for families.\ntheme_labels:\n  ty-teulu: Tŷ Teulu\n  Tŷ Bach: Call 07700 900123\n  hub: [a]\n",
			[]string{
				"f.yaml:42:3: error: theme tag \"Tŷ Bach\" should be lowercase words joined by hyphens, like \"ty-bach\" [tag-format]",
				"f.yaml:42:17: warning: this looks like a phone number: reports are published, so remove anything that identifies a person [personal-data]",
				"f.yaml:43:8: error: theme_labels hub should be text, not a list [wrong-type]",
			}},
		{"submitted long after the year", "submitted: 2024-10-31", "submitted: 2999-12-31",
			[]string{"f.yaml:6:12: error: submitted 2999-12-31 is far from the assessment year 2024: a round's files are submitted from 2023 to 2025 [date-range]"}},
		{"a reason of only spaces", "    not_rated: Partners will agree a rating in spring.", "    not_rated: \"   \"",
			[]string{"f.yaml:35:3: error: safe_and_supportive_communities has no rating: give a rating from 1 to 4, or say why in not_rated [not-rated]"}},
		{"numbers that are not personal", "One front door for families.", "In 2024 we answered 1,250 calls within 10 days; 3 of 7 councils.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !strings.Contains(base, tt.old) {
				t.Fatalf("base lacks %q", tt.old)
			}
			got := findings("f.yaml", strings.Replace(base, tt.old, tt.new, 1))
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestEveryExampleValidates(t *testing.T) {
	n := 0
	err := fs.WalkDir(examples.FS, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(examples.FS, path)
		if err != nil {
			return err
		}
		n++
		r := schema.Check(path, data)
		for _, f := range r.Findings {
			t.Errorf("%s", f)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 11 {
		t.Fatalf("only %d examples", n)
	}
}

func TestRulesAreDocumented(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range schema.Rules {
		if seen[r.ID] {
			t.Errorf("rule %s listed twice", r.ID)
		}
		seen[r.ID] = true
		if r.Summary == "" || (r.Severity != schema.Error && r.Severity != schema.Warning) {
			t.Errorf("rule %s is incomplete", r.ID)
		}
	}
	// The README's table of rules names every rule, and no other.
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	documented := map[string]bool{}
	for _, m := range regexp.MustCompile("(?m)^\\| `([a-z-]+)` \\| (error|warning)").FindAllStringSubmatch(string(readme), -1) {
		documented[m[1]] = true
		if !seen[m[1]] {
			t.Errorf("README documents a rule %s that nest does not have", m[1])
		}
	}
	for id := range seen {
		if !documented[id] {
			t.Errorf("rule %s is not in the README's table of rules", id)
		}
	}
}

// A date submitted after today is refused when the caller says what day it
// is, and not otherwise: nothing below the command reads the clock.
func TestSubmittedAfterToday(t *testing.T) {
	in := strings.Replace(base, "submitted: 2024-10-31", "submitted: 2025-06-30", 1)
	if got := findings("f.yaml", in); len(got) > 0 {
		t.Errorf("without a today: %v", got)
	}
	r := schema.Options{Today: "2025-01-15"}.Check("f.yaml", []byte(in))
	if len(r.Findings) != 1 || r.Findings[0].Rule != schema.RuleDateRange || !strings.Contains(r.Findings[0].Message, "after today (2025-01-15)") {
		t.Errorf("with today 2025-01-15: %v", r.Findings)
	}
}

// A list far longer than any assessment needs is refused at once, without
// reading its items.
func TestTooMany(t *testing.T) {
	in := strings.Replace(base, "    themes: [staff-retention]", "    themes: ["+strings.Repeat("waiting-lists, ", 60)+"staff-retention]", 1)
	got := findings("f.yaml", in)
	if len(got) != 1 || !strings.Contains(got[0], "themes holds 61 items, more than the 50 a self-assessment may have") || !strings.Contains(got[0], "[too-many]") {
		t.Errorf("got %v", got)
	}
}

// Text cut short by a # is pointed out, at the #; quoted text and a block
// are not. (A comment after a whole text is pointed out too: nest cannot
// tell it from a cut, and moving it above the key says the same.)
func TestCommentInText(t *testing.T) {
	in := strings.Replace(base, "    concerns: Childcare is not yet involved.", "    concerns: We were ranked #1 in Wales, but turnover is high.", 1)
	got := findings("f.yaml", in)
	want := "f.yaml:28:30: warning: concerns is read as \"We were ranked\": the rest of the line, from #, is a comment in YAML; put the whole text in quotes, or write it as a | block [comment-in-text]"
	if len(got) != 1 || got[0] != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
	for _, ok := range []string{
		"    concerns: \"We were ranked #1 in Wales\"",
		"    concerns: |\n      We were ranked #1 in Wales.",
		"    concerns: 'We were ranked #1 in Wales'",
	} {
		in := strings.Replace(base, "    concerns: Childcare is not yet involved.", ok, 1)
		if got := findings("f.yaml", in); len(got) > 0 {
			t.Errorf("%q: %v", ok, got)
		}
	}
}

// A draft may keep an action or a quote not yet whole, as nest assess
// keeps what was typed when someone stops half-way: a warning there, an
// error in a final file.
func TestIncompleteItemInADraft(t *testing.T) {
	noFrom := strings.Replace(base, "\n        from: parent-or-carer", "", 1)
	draft := strings.Replace(strings.Replace(noFrom, "status: final", "status: draft", 1), "submitted: 2024-10-31\n", "", 1)
	want := "f.yaml:23:9: warning: each feedback item needs from: (who it came from: region, child-or-young-person, parent-or-carer, family, practitioner, partner) [required]"
	if got := findings("f.yaml", draft); len(got) != 1 || got[0] != want {
		t.Errorf("draft: %q\nwant %q", got, want)
	}
	if got := findings("f.yaml", noFrom); len(got) != 1 || !strings.Contains(got[0], "error: each feedback item needs from") {
		t.Errorf("final: %q", got)
	}
}
