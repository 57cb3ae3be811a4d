package schema_test

import (
	"bytes"
	"io/fs"
	"strings"
	"testing"

	"github.com/nest-nyth/nest/assessment"
	"github.com/nest-nyth/nest/examples"
	"github.com/nest-nyth/nest/schema"
)

// commentedFile has comments above, beside and below keys in every section.
const commentedFile = `# yaml-language-server: $schema=https://raw.githubusercontent.com/nest-nyth/nest/main/schema/nest.schema.json
# Gwent's return: agreed at board 12 Sept
nest: 1
region: gwent # the RPB, not the health board
scope: region
organisation: Gwent Regional Partnership Board
year: 2024
status: draft
# who we listened to
voices:
  children_and_young_people: true # the youth forum
  babies_and_younger_children: false
  parents_and_carers: true
  practitioners: true
  # ask the family centres next year
  how: Two workshops.
principles:
  # the most important section
  trusted_adults:
    rating: 2 # was 1 last year
    working_well: Staff stay. # from the workforce survey
    actions:
      # owner to confirm
      - action: Write job descriptions
        owner: Workforce group # HR
        due: 2025-03
    themes: [staff-retention] # more to come
    feedback:
      - quote: She stayed with us. # permission given
        from: parent-or-carer
    # end of trusted adults
  no_wrong_door:
    # not agreed yet
    not_rated: Partners meet in March.
theme_labels:
  ty-teulu: Tŷ Teulu # as the hub writes it
`

// Saving over a file keeps every comment, wherever it stands, while the
// answers change.
func TestMarshalOverKeepsComments(t *testing.T) {
	r := schema.Check("f.yaml", []byte(commentedFile))
	if r.Assessment == nil || !r.Valid() {
		t.Fatalf("%v", r.Findings)
	}
	a := r.Assessment
	ta := a.Principles["trusted_adults"]
	ta.Rating = 3
	ta.Concerns = "Turnover.\nShort contracts.\n"
	ta.Actions[0].Due = "2025-06"
	ta.Actions = append(ta.Actions, assessment.Action{Action: "Train supervisors"})
	a.Principles["no_wrong_door"].NotRated = "Partners meet in April."
	a.Principles["co_produced_innovations"] = &assessment.Response{Rating: 2, WorkingWell: "A youth panel."}
	a.Voices.How = ""
	out, err := assessment.MarshalOver([]byte(commentedFile), a)
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(commentedFile, "\n") {
		if i := strings.Index(line, "#"); i >= 0 && !strings.Contains(string(out), strings.TrimSpace(line[i:])) {
			t.Errorf("the comment %q is lost:\n%s", line[i:], out)
		}
	}
	again := schema.Check("f.yaml", out)
	if !again.Valid() {
		t.Fatalf("%v\n%s", again.Findings, out)
	}
	b := again.Assessment
	got := b.Principles["trusted_adults"]
	if got.Rating != 3 || got.Concerns != "Turnover.\nShort contracts.\n" || got.Actions[0].Due != "2025-06" || len(got.Actions) != 2 ||
		b.Principles["no_wrong_door"].NotRated != "Partners meet in April." || b.Principles["co_produced_innovations"].WorkingWell != "A youth panel." ||
		b.Voices.How != "" || b.ThemeLabels["ty-teulu"] != "Tŷ Teulu" {
		t.Errorf("the answers did not change as they should:\n%s", out)
	}
	// The new principle goes where the format puts it.
	if strings.Index(string(out), "co_produced_innovations:") > strings.Index(string(out), "no_wrong_door:") {
		t.Errorf("a new principle out of order:\n%s", out)
	}
}

// A file nest wrote, saved again over itself, is the same bytes: the
// canonical form is kept.
func TestMarshalOverCanonical(t *testing.T) {
	err := fs.WalkDir(examples.FS, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, _ := fs.ReadFile(examples.FS, path)
		out, err := assessment.MarshalOver(data, schema.Check(path, data).Assessment)
		if err != nil {
			return err
		}
		if !bytes.Equal(out, data) {
			t.Errorf("%s changed when saved over itself:\n%s", path, out)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// A nest init template keeps its help when the first answers are saved.
func TestMarshalOverTemplate(t *testing.T) {
	tpl := assessment.Template(assessment.TemplateOptions{Region: "powys", Scope: assessment.ScopeRegion, Year: 2024})
	a := schema.Check("t.yaml", tpl).Assessment
	a.Principles["trusted_adults"].Rating = 2
	a.Principles["trusted_adults"].WorkingWell = "Key workers stay."
	out, err := assessment.MarshalOver(tpl, a)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"# NEST journey rating: How far along", "    rating: 2", "    working_well: Key workers stay.", "# Principle 6 of 6: No wrong door.", "#   owner: The team or role that will do it"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("the saved template lacks %q:\n%s", want, out)
		}
	}
	if r := schema.Check("t.yaml", out); r.Assessment == nil || r.Assessment.Principles["trusted_adults"].Rating != 2 {
		t.Errorf("%v", r.Findings)
	}
}
