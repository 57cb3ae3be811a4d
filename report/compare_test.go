package report

import (
	"bytes"
	"io/fs"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/nest-nyth/nest/examples"
	"github.com/nest-nyth/nest/schema"
)

// The invented 2023 round validates, final and of 2023, one file per
// region but West Wales.
func TestExamples2023(t *testing.T) {
	files, _ := fs.Glob(examples.FS, "2023/regions/*.yaml")
	if len(files) != 6 {
		t.Fatalf("%d files in examples/2023/regions", len(files))
	}
	for _, f := range files {
		data, _ := fs.ReadFile(examples.FS, f)
		res := schema.Check(f, data)
		if !res.Valid() || len(res.Findings) > 0 || res.Assessment.Year != 2023 || res.Assessment.Status != "final" {
			t.Errorf("%s: %v", f, res.Findings)
		}
	}
}

// The 2024 examples against the 2023 ones: each principle's change counted
// over the regions that rated it in both years, every region's change,
// the ten ratings that moved, the themes new and gone, West Wales new.
func TestCompare(t *testing.T) {
	c := compared(t).Compare
	type principle struct {
		before, after, change string
		both                  int
		direction             string
	}
	var got []principle
	for _, p := range c.Principles {
		got = append(got, principle{p.Before.String(), p.After.String(), p.Change.String(), p.Both, p.Direction})
	}
	want := []principle{
		{"1.8", "2.3", "0.5", 6, Up},
		{"1.8", "2.1", "0.3", 6, Up},
		{"1.8", "2.1", "0.3", 6, Up},
		{"2.3", "2.1", "-0.2", 6, Down},
		{"1.7", "1.8", "0.2", 5, Up}, // Cwm Taf Morgannwg did not rate it in 2024
		{"2.4", "2.3", "0.2", 5, Up}, // Powys did not rate it in 2023; West Wales's 1 is new
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("principles\n got %v\nwant %v", got, want)
	}
	if len(c.Rows) != 6 || c.Rows[3].Key != "north-wales" || *c.Rows[3].Changes[3] != -1 || c.Rows[1].Changes[4] != nil || c.Rows[4].Changes[5] != nil {
		t.Errorf("rows %+v", c.Rows)
	}
	if len(c.Moved) != 10 || c.Moved[6] != (Move{Key: "north-wales", Name: "North Wales", Principle: "easy_access_to_expertise", From: 2, To: 1}) {
		t.Errorf("moved %+v", c.Moved)
	}
	if !reflect.DeepEqual(c.Joined, []Named{{Key: "west-wales", Name: "West Wales"}}) || len(c.Left) != 0 {
		t.Errorf("joined %v, left %v", c.Joined, c.Left)
	}
	if p := c.Principles[0]; len(p.ThemesNew) != 0 || len(p.ThemesGone) != 1 || p.ThemesGone[0].Key != "workforce-wellbeing" {
		t.Errorf("trusted adults' themes: new %v, gone %v", p.ThemesNew, p.ThemesGone)
	}

	// Turned round, West Wales is the region that did not submit again.
	r23 := Aggregate(inputs(t, "2023/regions"), Options{Level: National, Year: 2023})
	r24 := Aggregate(inputs(t, "2024/regions"), Options{Level: National, Year: 2024})
	back, err := Compare(r23, r24, nil)
	if err != nil || len(back.Left) != 1 || back.Left[0].Key != "west-wales" || back.Principles[3].Direction != Up {
		t.Errorf("2023 against 2024: %v %+v", err, back)
	}
}

func TestCompareRefuses(t *testing.T) {
	national := Aggregate(inputs(t, "2024/regions"), Options{Level: National, Year: 2024})
	previous := Aggregate(inputs(t, "2023/regions"), Options{Level: National, Year: 2023})
	gwent := Aggregate(inputs(t, "2024/services/gwent"), Options{Level: Regional, Region: "gwent", Year: 2024})
	powys := Aggregate(inputs(t, "2024/services/gwent"), Options{Level: Regional, Region: "powys", Year: 2023})
	for name, c := range map[string][2]*Report{
		"national and regional": {national, gwent},
		"two regions":           {gwent, powys},
		"the same year":         {national, national},
	} {
		if _, err := Compare(c[0], c[1], nil); err == nil {
			t.Errorf("%s: compared", name)
		}
	}
	if _, err := Compare(national, previous, nil); err != nil {
		t.Error(err)
	}
}

func TestAverageChange(t *testing.T) {
	for _, c := range []struct {
		sum, n int
		want   string
		dir    string
	}{
		{0, 3, "0.0", Same}, {1, 2, "0.5", Up}, {-1, 2, "-0.5", Down}, {1, 4, "0.3", Up}, {-1, 4, "-0.3", Down},
		{-1, 6, "-0.2", Down}, {1, 30, "0.0", Same}, {-1, 30, "0.0", Same}, {-3, 20, "-0.2", Down}, {5, 5, "1.0", Up},
	} {
		got, dir := averageChange(c.sum, c.n)
		if got.String() != c.want || dir != c.dir {
			t.Errorf("averageChange(%d, %d) = %s %s, want %s %s", c.sum, c.n, got, dir, c.want, c.dir)
		}
	}
	if got, dir := averageChange(0, 0); got != nil || dir != "" {
		t.Error("a change of nothing")
	}
}

// What WriteJSON wrote, ReadJSON reads back to the same report: the bytes
// written again are the same, and a comparison with it is the same as
// with the report itself.
func TestJSONRoundTrip(t *testing.T) {
	for _, r := range []*Report{
		compared(t),
		Aggregate(inputs(t, "2024/services/gwent"), Options{Level: Regional, Region: "gwent", Year: 2024, Date: "2024-11-30"}),
		Aggregate(inputs(t, "2023/regions"), Options{Level: National, Year: 2023, Date: "2023-11-30"}).ForEdition(Public),
	} {
		var a, b bytes.Buffer
		if err := WriteJSON(&a, r); err != nil {
			t.Fatal(err)
		}
		back, err := ReadJSON(a.Bytes(), nil)
		if err != nil {
			t.Fatal(err)
		}
		if err := WriteJSON(&b, back); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Errorf("%s: the JSON read back writes differently", r.Title)
		}
	}
	now := Aggregate(inputs(t, "2024/regions"), Options{Level: National, Year: 2024})
	prev := Aggregate(inputs(t, "2023/regions"), Options{Level: National, Year: 2023})
	var j bytes.Buffer
	if err := WriteJSON(&j, prev.ForEdition(Public)); err != nil {
		t.Fatal(err)
	}
	fromJSON, err := ReadJSON(j.Bytes(), nil)
	if err != nil {
		t.Fatal(err)
	}
	x, _ := Compare(now, prev, nil)
	y, _ := Compare(now, fromJSON, nil)
	if !reflect.DeepEqual(x, y) {
		t.Error("comparing with the JSON of the previous round differs from comparing with its files")
	}
	for _, bad := range []string{`{}`, `{"level": "national", "year": 2023}`, `[1]`, `{"title": "x", "colour": "red"}`, `not json`} {
		if _, err := ReadJSON([]byte(bad), nil); err == nil {
			t.Errorf("ReadJSON(%s, nil) read it", bad)
		}
	}
}

// The comparison's JSON, held to a golden file.
func TestGoldenCompareJSON(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteJSON(&buf, compared(t)); err != nil {
		t.Fatal(err)
	}
	_, part, _ := strings.Cut(buf.String(), "\n  \"compare\": ")
	golden(t, filepath.Join("testdata", "national-2024-compared.json"), []byte(part))
}

// The comparison goes where nest:compare puts it, or in a section of its
// own when the editorial file has no place for it; each principle's
// section says how its average changed.
func TestBuildPlacesTheComparison(t *testing.T) {
	r := compared(t)
	with := strings.Replace(string(examples.Update2024), "# Conclusion and next steps", "## Since last year\n\n<!-- nest:compare -->\n\n# Conclusion and next steps", 1)
	e, err := ReadEditorial("update.md", []byte(with), nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name  string
		o     BuildOptions
		after string // the heading the comparison's first table comes under
	}{
		{"no editorial file", BuildOptions{}, "Change since 2023"},
		{"nest:compare", BuildOptions{Editorial: e}, "Since last year"},
		{"no nest:compare", BuildOptions{Editorial: editorial(t)}, "Change since 2023"},
	} {
		t.Run(c.name, func(t *testing.T) {
			d, err := Build(r, c.o)
			if err != nil {
				t.Fatal(err)
			}
			heading, found := "", false
			for _, b := range d.Blocks {
				switch b := b.(type) {
				case Heading:
					heading = b.Text
				case Table:
					if b.ID == "compare-table" {
						found = true
						if heading != c.after {
							t.Errorf("the comparison is under %q", heading)
						}
						if len(b.Rows) != 6 || b.Rows[3][3].Text != "−0.2" || b.Rows[3][4].Text != "down 0.2" {
							t.Errorf("the comparison's table %v", b.Rows)
						}
					}
				}
			}
			if !found {
				t.Error("no comparison")
			}
			text := docText(d)
			for _, want := range []string{
				"In 2023 the average was 1.8. The change: up 0.5, counted where 6 regions rated it in both years.",
				"West Wales submitted a self-assessment in 2024 but not in 2023.",
			} {
				if !strings.Contains(text, want) {
					t.Errorf("the report does not say %q", want)
				}
			}
		})
	}
}

// Words are the same to pick when they fold to the same words, as
// strings.Fields and ToLower fold them; pick folds them into a buffer it
// uses again, ASCII a byte at a time.
func TestAppendFolded(t *testing.T) {
	fold := func(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }
	for _, s := range []string{"", " ", "same words", "Same Words", "  same  words ", "same\twords", "same\nwords", "same words ", " same words",
		"Tŷ Teulu", "  Tŷ  Teulu ", "TŶ TEULU", "abc  ŵ", "ABC \n Ŵ x", "ŵ  abc ", "nbsp\u00a0here", "a\u2028b", "x\r\ny", "ÉCOLE",
		"\u0085lead", "lead\u0085", "A\vB\fC", "already folded, with punctuation: yes."} {
		if got, want := string(appendFolded([]byte("kept:"), s)), "kept:"+fold(s); got != want {
			t.Errorf("appendFolded(%q) = %q, want %q", s, got, want)
		}
	}
}
