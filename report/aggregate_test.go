package report

import (
	"bytes"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/nest-nyth/nest/assessment"
	"github.com/nest-nyth/nest/examples"
	"github.com/nest-nyth/nest/schema"
)

// update rewrites the golden files instead of comparing with them:
// go test ./report -update. Other test files of the package use it too.
var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func TestMean(t *testing.T) {
	tests := []struct {
		name   string
		sum, n int
		want   string
	}{
		{"whole", 8, 4, "2.0"},
		{"exact tenth", 21, 10, "2.1"},
		{"quarter rounds half up", 9, 4, "2.3"}, // 2.25: %.1f would print 2.2
		{"half of a tenth up", 47, 20, "2.4"},   // 2.35
		{"sevenths down", 16, 7, "2.3"},         // 2.2857
		{"sixths down", 11, 6, "1.8"},           // 1.8333
		{"sevenths up", 15, 7, "2.1"},           // 2.1428
		{"two thirds", 5, 3, "1.7"},             // 1.6667
		{"one rating", 4, 1, "4.0"},
		{"many", 25001, 10000, "2.5"}, // 2.5001
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Mean(tt.sum, tt.n).String(); got != tt.want {
				t.Errorf("Mean(%d, %d) = %s, want %s", tt.sum, tt.n, got, tt.want)
			}
		})
	}
}

func TestTenths(t *testing.T) {
	tests := []struct {
		name string
		t    Tenths
		want string
	}{
		{"zero", 0, "0.0"},
		{"below one", 5, "0.5"},
		{"one decimal", 23, "2.3"},
		{"whole", 40, "4.0"},
		{"negative", -5, "-0.5"},
		{"negative whole", -12, "-1.2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.t.String(); got != tt.want {
				t.Errorf("String() = %q, want %q", got, tt.want)
			}
			b, err := tt.t.MarshalJSON()
			if err != nil || string(b) != tt.want {
				t.Errorf("MarshalJSON() = %s, %v, want %s", b, err, tt.want)
			}
		})
	}
}

// file is a submission for tests. ratings are in principle order; 0 means
// not rated, with a reason.
func file(region, org string, ratings ...int) Input {
	a := &assessment.Assessment{
		Nest: 1, Region: region, Scope: assessment.ScopeRegion, Organisation: org,
		Year: 2024, Submitted: "2024-10-31", Status: assessment.StatusFinal,
		Principles: map[string]*assessment.Response{},
	}
	for i, p := range assessment.Principles {
		r := &assessment.Response{Rating: ratings[i]}
		if r.Rating == 0 {
			r.NotRated = "Not yet discussed with partners."
		}
		a.Principles[p.Key] = r
	}
	return Input{File: region + ".yaml", Assessment: a}
}

// service is a service's submission in Gwent.
func service(fileName, org, sector string, ratings ...int) Input {
	in := file("gwent", org, ratings...)
	in.File = fileName
	in.Assessment.Scope = assessment.ScopeService
	in.Assessment.Service = &assessment.Service{Sector: sector}
	return in
}

// with changes one principle's response of a submission.
// labelled gives a submission its own theme labels.
func labelled(in Input, labels map[string]string) Input {
	in.Assessment.ThemeLabels = labels
	return in
}

func with(in Input, principle string, change func(*assessment.Response)) Input {
	change(in.Assessment.Principles[principle])
	return in
}

// hearing sets whose voices a submission heard.
func hearing(in Input, v assessment.Voices) Input {
	in.Assessment.Voices = v
	return in
}

func TestAggregate(t *testing.T) {
	national := Options{Level: National, Year: 2024, Date: "2024-11-30"}
	regional := Options{Level: Regional, Region: "gwent", Year: 2024, Date: "2024-11-30"}
	tests := []struct {
		name  string
		in    []Input
		o     Options
		check func(t *testing.T, r *Report)
	}{
		{"empty national", nil, national, func(t *testing.T, r *Report) {
			equal(t, "title", r.Title, "NYTH/NEST implementation update 2024")
			equal(t, "level", r.Level, National)
			equal(t, "date", r.Date, "2024-11-30")
			equal(t, "not submitted", len(r.NotSubmitted), len(assessment.Regions))
			equal(t, "first not submitted", r.NotSubmitted[0], Named{"cardiff-and-vale", "Cardiff and Vale"})
			equal(t, "principles", len(r.Principles), len(assessment.Principles))
			for _, p := range r.Principles {
				if p.Mean != nil || p.MeanTarget != nil || p.Rated != 0 || p.Min != 0 || p.Max != 0 {
					t.Errorf("%s: figures without ratings: %+v", p.Key, p)
				}
			}
			equal(t, "highest", r.Highest, []string{})
			equal(t, "lowest", r.Lowest, []string{})
			equal(t, "voices", len(r.Voices), len(assessment.VoiceGroups))
			equal(t, "voices of", r.Voices[0].Of, 0)
		}},
		{"empty regional", nil, regional, func(t *testing.T, r *Report) {
			equal(t, "title", r.Title, "NYTH/NEST implementation update 2024: Gwent region")
			equal(t, "region", r.Region+"/"+r.RegionName, "gwent/Gwent")
			equal(t, "not submitted", r.NotSubmitted, []Named{})
		}},
		{"no level is national", nil, Options{}, func(t *testing.T, r *Report) {
			equal(t, "level", r.Level, National)
			equal(t, "title", r.Title, "NYTH/NEST implementation update")
		}},
		{"title given", nil, Options{Level: Regional, Region: "powys", Title: "Powys NEST update"}, func(t *testing.T, r *Report) {
			equal(t, "title", r.Title, "Powys NEST update")
		}},
		{"one file", []Input{file("gwent", "Gwent RPB", 3, 2, 3, 3, 2, 4)}, national, func(t *testing.T, r *Report) {
			p := r.Principles[0]
			equal(t, "mean", p.Mean.String(), "3.0")
			equal(t, "min max", [2]int{p.Min, p.Max}, [2]int{3, 3})
			equal(t, "at level", p.AtLevel, []int{0, 0, 1, 0})
			equal(t, "rated", [2]int{p.Rated, p.NotRated}, [2]int{1, 0})
			equal(t, "not submitted", len(r.NotSubmitted), len(assessment.Regions)-1)
			equal(t, "rows", r.Rows, []Row{row("gwent", "Gwent", 3, 2, 3, 3, 2, 4)})
			equal(t, "highest", r.Highest, []string{"no_wrong_door"})
			equal(t, "lowest", r.Lowest, []string{"wellbeing_across_education", "safe_and_supportive_communities"})
			equal(t, "submission", r.Submissions[0], Submission{File: "gwent.yaml", Region: "gwent",
				RegionName: "Gwent", Scope: "region", Organisation: "Gwent RPB", Submitted: "2024-10-31", Status: "final"})
		}},
		{"not rated left out of the mean", []Input{
			file("gwent", "Gwent RPB", 3, 2, 3, 3, 2, 4),
			file("powys", "Powys RPB", 0, 2, 3, 3, 2, 4),
			file("west-wales", "West Wales RPB", 1, 2, 3, 3, 2, 4),
		}, national, func(t *testing.T, r *Report) {
			p := r.Principles[0]
			equal(t, "rated", [2]int{p.Rated, p.NotRated}, [2]int{2, 1})
			equal(t, "mean", p.Mean.String(), "2.0")
			equal(t, "min max", [2]int{p.Min, p.Max}, [2]int{1, 3})
			equal(t, "at level", p.AtLevel, []int{1, 0, 1, 0})
			equal(t, "reasons", p.NotRatedReasons, []Said{{"powys.trusted_adults.not_rated", "Powys", "Not yet discussed with partners.", ""}})
			equal(t, "powys row", r.Rows[1], row("powys", "Powys", 0, 2, 3, 3, 2, 4))
		}},
		{"nothing rated", []Input{file("powys", "Powys RPB", 0, 0, 0, 0, 0, 0)}, national, func(t *testing.T, r *Report) {
			for _, p := range r.Principles {
				if p.Mean != nil || p.Rated != 0 || p.NotRated != 1 {
					t.Errorf("%s: %+v", p.Key, p)
				}
			}
			equal(t, "highest", r.Highest, []string{})
			equal(t, "lowest", r.Lowest, []string{})
		}},
		{"ties", []Input{
			file("gwent", "Gwent RPB", 3, 1, 2, 3, 1, 2),
			file("powys", "Powys RPB", 2, 2, 2, 2, 2, 2),
		}, national, func(t *testing.T, r *Report) {
			equal(t, "highest", r.Highest, []string{"trusted_adults", "easy_access_to_expertise"})
			equal(t, "lowest", r.Lowest, []string{"wellbeing_across_education", "safe_and_supportive_communities"})
		}},
		{"ties as printed", []Input{
			// 7/3 = 2.33 and 9/4 = 2.25 both print 2.3: both are highest.
			file("gwent", "Gwent RPB", 3, 3, 1, 1, 1, 1),
			file("powys", "Powys RPB", 2, 2, 1, 1, 1, 1),
			file("west-wales", "West Wales RPB", 2, 2, 1, 1, 1, 1),
			file("north-wales", "North Wales RPB", 0, 2, 1, 1, 1, 1),
		}, national, func(t *testing.T, r *Report) {
			equal(t, "means", []string{r.Principles[0].Mean.String(), r.Principles[1].Mean.String()}, []string{"2.3", "2.3"})
			equal(t, "highest", r.Highest, []string{"trusted_adults", "wellbeing_across_education"})
			equal(t, "lowest", r.Lowest, []string{"co_produced_innovations", "easy_access_to_expertise",
				"safe_and_supportive_communities", "no_wrong_door"})
		}},
		{"targets", []Input{
			with(file("gwent", "Gwent RPB", 2, 2, 2, 2, 2, 2), "trusted_adults", func(r *assessment.Response) { r.Target = 3 }),
			with(file("powys", "Powys RPB", 2, 2, 2, 2, 2, 2), "trusted_adults", func(r *assessment.Response) { r.Target = 4 }),
			file("west-wales", "West Wales RPB", 2, 2, 2, 2, 2, 2),
		}, national, func(t *testing.T, r *Report) {
			equal(t, "targets", r.Principles[0].Targets, 2)
			equal(t, "mean target", r.Principles[0].MeanTarget.String(), "3.5")
			if r.Principles[1].MeanTarget != nil {
				t.Errorf("mean target without targets: %v", r.Principles[1].MeanTarget)
			}
		}},
		{"themes counted per submission", []Input{
			with(file("gwent", "Gwent RPB", 2, 2, 2, 2, 2, 2), "trusted_adults", func(r *assessment.Response) {
				r.Themes = []string{"staff-retention", "staff-retention", "our-own-tag"}
			}),
			labelled(with(file("powys", "Powys RPB", 2, 2, 2, 2, 2, 2), "trusted_adults", func(r *assessment.Response) {
				r.Themes = []string{"short-term-funding", "staff-retention", "ty-teulu"}
			}), map[string]string{"ty-teulu": "Tŷ Teulu", "staff-retention": "Not this one"}),
		}, national, func(t *testing.T, r *Report) {
			equal(t, "themes", r.Principles[0].Themes, []Count{
				{"staff-retention", "Keeping staff, continuity of relationships", 2},
				{"our-own-tag", "Our own tag", 1},
				{"short-term-funding", "Short-term funding", 1},
				{"ty-teulu", "Tŷ Teulu", 1},
			})
			equal(t, "other principle", r.Principles[1].Themes, []Count{})
		}},
		{"voices", []Input{
			hearing(file("gwent", "Gwent RPB", 2, 2, 2, 2, 2, 2), assessment.Voices{ChildrenAndYoungPeople: true, Practitioners: true}),
			hearing(file("powys", "Powys RPB", 2, 2, 2, 2, 2, 2), assessment.Voices{Practitioners: true}),
			file("west-wales", "West Wales RPB", 2, 2, 2, 2, 2, 2),
		}, national, func(t *testing.T, r *Report) {
			equal(t, "voices", r.Voices, []VoiceCount{
				{"children_and_young_people", "Children and young people", 1, 3},
				{"babies_and_younger_children", "Babies and younger children", 0, 3},
				{"parents_and_carers", "Parents and carers", 0, 3},
				{"practitioners", "Practitioners", 2, 3},
			})
		}},
		{"words attributed in region order", []Input{
			with(file("west-wales", "West Wales RPB", 2, 2, 2, 2, 2, 2), "no_wrong_door", func(r *assessment.Response) {
				r.WorkingWell = "  One panel.\n\nFor everyone.\n"
				r.Concerns = "   "
				r.Actions = []assessment.Action{{Action: "Review the panel", Owner: "Board", Due: "2025-03"}, {Action: " "}}
				r.Feedback = []assessment.Quote{{Quote: "It helped.", From: "family"}}
			}),
			with(file("cardiff-and-vale", "Cardiff and Vale RPB", 2, 2, 2, 2, 2, 2), "no_wrong_door", func(r *assessment.Response) {
				r.WorkingWell = "A hub."
				r.GoodLooksLike = "Every door opens."
			}),
		}, national, func(t *testing.T, r *Report) {
			p := r.Principles[5]
			equal(t, "working well", p.Texts["working_well"], []Said{{"cardiff-and-vale.no_wrong_door.working_well", "Cardiff and Vale", "A hub.", ""}, {"west-wales.no_wrong_door.working_well", "West Wales", "One panel.\n\nFor everyone.", ""}})
			equal(t, "concerns", p.Texts["concerns"], []Said{})
			equal(t, "good looks like", p.Texts["good_looks_like"], []Said{{"cardiff-and-vale.no_wrong_door.good_looks_like", "Cardiff and Vale", "Every door opens.", ""}})
			equal(t, "actions", p.Actions, []Action{{"west-wales.no_wrong_door.action1", "West Wales", "Review the panel", "Board", "2025-03", ""}})
			equal(t, "quotes", p.Quotes, []Quote{{"west-wales.no_wrong_door.quote1", "West Wales", "It helped.", "family", ""}})
			equal(t, "rows", []string{r.Rows[0].Key, r.Rows[1].Key}, []string{"cardiff-and-vale", "west-wales"})
		}},
		{"regional", []Input{
			with(service("b.yaml", "Tŷ Teulu", "third-sector", 2, 2, 2, 2, 2, 2), "trusted_adults", func(r *assessment.Response) {
				r.WorkingWell = "Key workers stay."
			}),
			with(service("a.yaml", "Youth Outreach", "youth-and-play", 3, 2, 2, 2, 2, 2), "trusted_adults", func(r *assessment.Response) {
				r.WorkingWell = "Same youth worker."
			}),
		}, regional, func(t *testing.T, r *Report) {
			equal(t, "rows", r.Rows, []Row{
				row("ty-teulu", "Tŷ Teulu", 2, 2, 2, 2, 2, 2),
				row("youth-outreach", "Youth Outreach", 3, 2, 2, 2, 2, 2),
			})
			equal(t, "attributed to services", r.Principles[0].Texts["working_well"], []Said{
				{"ty-teulu.trusted_adults.working_well", "Tŷ Teulu", "Key workers stay.", ""}, {"youth-outreach.trusted_adults.working_well", "Youth Outreach", "Same youth worker.", ""},
			})
			equal(t, "sector", r.Submissions[0].Sector, "third-sector")
			equal(t, "not submitted", r.NotSubmitted, []Named{})
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Aggregate(tt.in, tt.o)
			noNilSlices(t, reflect.ValueOf(r).Elem(), "Report")
			tt.check(t, r)

			// The order of the input does not matter.
			reversed := slices.Clone(tt.in)
			slices.Reverse(reversed)
			if again := Aggregate(reversed, tt.o); !reflect.DeepEqual(r, again) {
				t.Errorf("the report depends on the order of the input")
			}
		})
	}
}

func equal[T any](t *testing.T, what string, got, want T) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s:\n got %+v\nwant %+v", what, got, want)
	}
}

// noNilSlices fails for any nil slice in v: the JSON must say [], not null.
func noNilSlices(t *testing.T, v reflect.Value, at string) {
	t.Helper()
	switch v.Kind() {
	case reflect.Slice:
		if v.IsNil() {
			t.Errorf("%s is nil; want an empty list", at)
		}
		for i := 0; i < v.Len(); i++ {
			noNilSlices(t, v.Index(i), fmt.Sprintf("%s[%d]", at, i))
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			noNilSlices(t, v.Field(i), at+"."+v.Type().Field(i).Name)
		}
	}
}

func TestSelect(t *testing.T) {
	type item struct{ source, text string }
	var three []item // 3 sources with 5 items each, one source after another
	for _, s := range []string{"a", "b", "c"} {
		for i := 1; i <= 5; i++ {
			three = append(three, item{s, fmt.Sprint(s, i)})
		}
	}
	mixed := []item{{"b", "b1"}, {"a", "a1"}, {"b", "b2"}, {"b", "b3"}, {"c", "c1"}, {"a", "a2"}}
	tests := []struct {
		name  string
		items []item
		n     int
		want  []string
		rest  int
	}{
		{"one of each source, then the first's second", three, 4, []string{"a1", "a2", "b1", "c1"}, 11},
		{"fewer than the sources", three, 2, []string{"a1", "b1"}, 13},
		{"two rounds", three, 6, []string{"a1", "a2", "b1", "b2", "c1", "c2"}, 9},
		{"sources in order of first appearance", mixed, 4, []string{"b1", "a1", "b2", "c1"}, 2},
		{"a source runs out", mixed, 5, []string{"b1", "a1", "b2", "c1", "a2"}, 1},
		{"no limit", mixed, 0, []string{"b1", "a1", "b2", "b3", "c1", "a2"}, 0},
		{"negative is no limit", mixed, -1, []string{"b1", "a1", "b2", "b3", "c1", "a2"}, 0},
		{"limit above the count", mixed, 10, []string{"b1", "a1", "b2", "b3", "c1", "a2"}, 0},
		{"limit equal to the count", mixed, 6, []string{"b1", "a1", "b2", "b3", "c1", "a2"}, 0},
		{"nothing", nil, 3, nil, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			shown, rest := Select(tt.items, func(it item) string { return it.source }, tt.n)
			var got []string
			for _, it := range shown {
				got = append(got, it.text)
			}
			equal(t, "shown", got, tt.want)
			equal(t, "rest", rest, tt.rest)
		})
	}
}

// load decodes example files matching pattern; with finalOnly, drafts are
// left out as nest aggregate leaves them out.
func load(t testing.TB, pattern string, finalOnly bool) []Input {
	t.Helper()
	names, err := fs.Glob(examples.FS, pattern)
	if err != nil || len(names) == 0 {
		t.Fatalf("no examples match %s (%v)", pattern, err)
	}
	var in []Input
	for _, name := range names {
		data, err := fs.ReadFile(examples.FS, name)
		if err != nil {
			t.Fatal(err)
		}
		res := schema.Check(name, data)
		if !res.Valid() {
			t.Fatalf("%s: %v", name, res.Findings)
		}
		if finalOnly && res.Assessment.Status != assessment.StatusFinal {
			continue
		}
		// Named as from the repository's root, as nest aggregate names them.
		in = append(in, Input{File: path.Join("examples", name), Assessment: res.Assessment})
	}
	return in
}

// The seven regions' example files reproduce the published October 2024
// national averages.
func TestAggregateReproducesThe2024Update(t *testing.T) {
	r := Aggregate(load(t, "2024/regions/*.yaml", true), Options{Level: National, Year: 2024})
	var got []string
	for _, p := range r.Principles {
		got = append(got, p.Mean.String())
	}
	equal(t, "means", got, []string{"2.3", "2.1", "2.1", "2.1", "1.8", "2.3"})
	equal(t, "lowest", r.Lowest, []string{"safe_and_supportive_communities"})
	equal(t, "not submitted", r.NotSubmitted, []Named{})
	// Cwm Taf Morgannwg gave a reason instead of a rating for safe and
	// supportive communities; the other principles are rated by all seven.
	var rated, notRated []int
	for _, p := range r.Principles {
		rated, notRated = append(rated, p.Rated), append(notRated, p.NotRated)
	}
	equal(t, "rated", rated, []int{7, 7, 7, 7, 6, 7})
	equal(t, "not rated", notRated, []int{0, 0, 0, 0, 1, 0})
}

func TestGoldenJSON(t *testing.T) {
	tests := []struct {
		name    string
		pattern string
		o       Options
	}{
		{"national-2024", "2024/regions/*.yaml", Options{Level: National, Year: 2024, Date: "2024-11-30"}},
		{"regional-gwent-2024", "2024/services/gwent/*.yaml", Options{Level: Regional, Region: "gwent", Year: 2024, Date: "2024-11-30"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := WriteJSON(&buf, Aggregate(load(t, tt.pattern, true), tt.o)); err != nil {
				t.Fatal(err)
			}
			golden(t, filepath.Join("testdata", tt.name+".json"), buf.Bytes())
		})
	}
}

// row is a row of ratings with no targets and no themes, as the test
// files give.
func row(key, name string, ratings ...int) Row {
	r := Row{Key: key, Name: name, Ratings: ratings, Targets: make(Ratings, len(ratings)), Themes: make([][]string, len(ratings))}
	for i := range r.Themes {
		r.Themes[i] = []string{}
	}
	return r
}

// golden compares got with the golden file, or rewrites it under -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(name)
	if err != nil {
		t.Fatalf("%v (run go test ./report -update to create it)", err)
	}
	if bytes.Equal(got, want) {
		return
	}
	g, w := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	line := 0
	for line < len(g) && line < len(w) && g[line] == w[line] {
		line++
	}
	at := func(lines []string) string {
		if line < len(lines) {
			return lines[line]
		}
		return "(end of file)"
	}
	t.Errorf("%s differs from line %d:\n got %s\nwant %s\nif the change is intended, run go test ./report -update and review it with git diff report/%s",
		name, line+1, at(g), at(w), filepath.ToSlash(name))
}

func TestWriteJSON(t *testing.T) {
	r := Aggregate([]Input{file("cardiff-and-vale", "Cardiff & Vale <RPB>", 2, 2, 2, 2, 2, 0)}, Options{Level: Regional, Region: "cardiff-and-vale"})
	var buf bytes.Buffer
	if err := WriteJSON(&buf, r); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{
		"{\n  \"title\": ",             // two-space indent, struct order
		`"by": "Cardiff & Vale <RPB>"`, // no HTML escaping
		`"mean": 2.0,`,                 // tenths as a number
		`"mean": null,`,                // not rated anywhere
		`"not_submitted": [],`,         // empty lists are lists
	} {
		if !strings.Contains(out, want) {
			t.Errorf("JSON lacks %q:\n%s", want, out)
		}
	}
	if !strings.HasSuffix(out, "}\n") {
		t.Errorf("JSON does not end with a newline")
	}
}

// BenchmarkAggregate is the regional report of a large region: 10,000
// services, made from the Gwent examples under other names.
func BenchmarkAggregate(b *testing.B) {
	base := load(b, "2024/services/gwent/*.yaml", true)
	in := make([]Input, 10000)
	for i := range in {
		x := base[i%len(base)]
		a := *x.Assessment
		a.Organisation = fmt.Sprintf("%s %05d", a.Organisation, i)
		in[i] = Input{File: fmt.Sprintf("services/%05d.yaml", i), Assessment: &a}
	}
	o := Options{Level: Regional, Region: "gwent", Year: 2024, Date: "2024-11-30"}
	b.ReportAllocs()
	for b.Loop() {
		Aggregate(in, o)
	}
}

func ExampleMean() {
	fmt.Println(Mean(9, 4), Mean(47, 20), Mean(11, 6))
	// Output: 2.3 2.4 1.8
}

func ExampleSelect() {
	quotes := []Quote{
		{By: "Gwent", Quote: "First"}, {By: "Gwent", Quote: "Second"}, {By: "Gwent", Quote: "Third"},
		{By: "Powys", Quote: "Fourth"},
	}
	shown, rest := Select(quotes, func(q Quote) string { return q.By }, 2)
	for _, q := range shown {
		fmt.Println(q.By+":", q.Quote)
	}
	fmt.Println("and", rest, "more")
	// Output:
	// Gwent: First
	// Powys: Fourth
	// and 2 more
}

// A report in Welsh orders organisations by the Welsh alphabet (ll after
// l, rh after r), and names regions, principles and levels in Welsh.
func TestAggregateInWelsh(t *testing.T) {
	var in []Input
	for i, org := range []string{"Rhyl Hub", "Ruthin Group", "Llanelli Centre", "Lyn Youth"} {
		in = append(in, service(fmt.Sprintf("s%d.yaml", i), org, "health", 2, 2, 2, 2, 2, 2))
	}
	names := func(r *Report) string {
		var out []string
		for _, row := range r.Rows {
			out = append(out, row.Name)
		}
		return strings.Join(out, ", ")
	}
	o := Options{Level: Regional, Region: "gwent", Year: 2024}
	if got := names(Aggregate(in, o)); got != "Llanelli Centre, Lyn Youth, Rhyl Hub, Ruthin Group" {
		t.Errorf("in English: %s", got)
	}
	o.Words = assessment.Welsh()
	r := Aggregate(in, o)
	if got := names(r); got != "Lyn Youth, Llanelli Centre, Ruthin Group, Rhyl Hub" {
		t.Errorf("in Welsh: %s", got)
	}
	if r.Principles[0].Name != "Oedolion yr ymddiriedir ynddynt" || r.RegionName != "Gwent" || r.Title != "Diweddariad ar weithredu NYTH/NEST 2024: rhanbarth Gwent" {
		t.Errorf("Welsh names: %q, %q, %q", r.Principles[0].Name, r.RegionName, r.Title)
	}
}
