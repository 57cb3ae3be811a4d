package report

import (
	"strings"
	"testing"
)

// The editorial file's Markdown becomes blocks: headings, paragraphs with
// emphasis and links, lists, quotes and tables, with the directives where
// they stand.
func TestReadEditorial(t *testing.T) {
	src := "---\ntitle: An update\npublished: 2025-03-31\n---\n# Introduction\n\nSome *emphasis*, some **strong** words and a [link](https://gov.wales).\n\n- one\n- two, with `code`\n\n> A quote people wrote.\n\n| Figure | Value |\n| --- | --- |\n| Enrolled | 147 |\n\n<!-- a note for the writers -->\n\n## Trusted adults\n\n<!-- nest:principle trusted_adults -->\n<!-- nest:quotes a.b.quote1 c.d.working_well -->\n"
	e, err := ReadEditorial("u.md", []byte(src), nil)
	if err != nil {
		t.Fatal(err)
	}
	if e.Front.Title != "An update" || e.Front.Published != "2025-03-31" {
		t.Errorf("front matter %+v", e.Front)
	}
	var kinds []string
	for _, p := range e.Parts {
		switch b := p.Block.(type) {
		case Heading:
			kinds = append(kinds, "h"+string(rune('0'+b.Level)))
		case Para:
			kinds = append(kinds, "p")
			if len(b.Runs) != 7 || !b.Runs[1].Italic || !b.Runs[3].Bold || b.Runs[5].Link != "https://gov.wales" {
				t.Errorf("runs %+v", b.Runs)
			}
		case List:
			kinds = append(kinds, "list")
			if len(b.Items) != 2 || Text(b.Items[1]) != "two, with code" {
				t.Errorf("list %+v", b.Items)
			}
		case Excerpt:
			kinds = append(kinds, "quote")
		case Table:
			kinds = append(kinds, "table")
			if len(b.Head) != 2 || b.Rows[0][1].Text != "147" {
				t.Errorf("table %+v", b)
			}
		case nil:
			kinds = append(kinds, "nest:"+p.Directive.Name+strings.Join(p.Directive.Args, ","))
		}
	}
	want := "h1 p list quote table h2 nest:principletrusted_adults nest:quotesa.b.quote1,c.d.working_well"
	if got := strings.Join(kinds, " "); got != want {
		t.Errorf("got %s\nwant %s", got, want)
	}
	if p := e.Parts[len(e.Parts)-2]; p.Line != 22 || p.Section != "Trusted adults" {
		t.Errorf("the principle's directive is at line %d under %q", p.Line, p.Section)
	}
	if p := e.Parts[len(e.Parts)-1]; p.Line != 23 || p.Section != "Trusted adults" {
		t.Errorf("the last directive is at line %d under %q", p.Line, p.Section)
	}
}

// Markdown's escapes and character references are resolved, as any
// Markdown viewer shows them, except in code.
func TestEditorialEscapes(t *testing.T) {
	src := "# Tŷ \\#1 &amp; more\n\n5 \\* 3, AT&amp;T, &copy; Crown, &#8212; a \\| b, \\_x\\_ and `a\\*b &amp;`.\n\n| Col \\| A | B |\n| --- | --- |\n| x &amp; y | \\<tag> |\n"
	e, err := ReadEditorial("u.md", []byte(src), nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range e.Parts {
		switch b := p.Block.(type) {
		case Heading:
			got = append(got, b.Text)
		case Para:
			got = append(got, Text(b.Runs))
		case Table:
			got = append(got, strings.Join(b.Head, "/"), b.Rows[0][0].Text+"/"+b.Rows[0][1].Text)
		}
	}
	want := []string{"Tŷ #1 & more", "5 * 3, AT&T, © Crown, — a | b, _x_ and a\\*b &amp;.", "Col | A/B", "x & y/<tag>"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

// Mistakes in an editorial file name the file and the line.
func TestEditorialErrors(t *testing.T) {
	national := Aggregate(inputs(t, "2024/regions"), Options{Level: National, Year: 2024, Date: "2024-11-30"})
	all := ""
	for _, p := range national.Principles {
		all += "<!-- nest:principle " + p.Key + " -->\n\n"
	}
	for _, tc := range []struct{ name, src, want string }{
		{"unknown directive", "# A\n\n<!-- nest:chart -->\n", "u.md:3: unknown directive nest:chart"},
		{"misspelt directive", "# A\n\n<!-- nest principle x -->\n\n<!--nest:bad one-->x\n", "u.md:"},
		{"bad front matter", "---\ntitel: x\n---\n", "u.md: front matter"},
		{"unclosed front matter", "---\ntitle: x\n", "u.md:1: the front matter that starts with --- has no closing"},
		{"bad date", "---\npublished: 31/03/2025\n---\n", `u.md: published "31/03/2025" is not a date`},
		{"unknown principle", "# A\n\n<!-- nest:principle trusted_adult -->\n", "u.md:3: nest:principle trusted_adult: no such principle"},
		{"unknown quote", "# A\n\n## B\n\n" + all + "<!-- nest:quotes gwent.trusted_adults.quote9 -->\n", "no words with the id gwent.trusted_adults.quote9"},
		{"a principle left out", "# A\n\n<!-- nest:principle trusted_adults -->\n", "u.md: no nest:principle for wellbeing_across_education"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e, err := ReadEditorial("u.md", []byte(tc.src), nil)
			if err == nil {
				_, err = Build(national, BuildOptions{Editorial: e})
			}
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %v, want an error with %q", err, tc.want)
			}
		})
	}
}

// The example editorial file makes the update with the published one's
// sections, in its order.
func TestExampleEditorialFollowsThe2024Update(t *testing.T) {
	national := Aggregate(inputs(t, "2024/regions"), Options{Level: National, Year: 2024, Date: "2024-11-30"})
	d, err := Build(national, BuildOptions{Editorial: editorial(t)})
	if err != nil {
		t.Fatal(err)
	}
	var h1 []string
	for _, b := range d.Blocks {
		if h, ok := b.(Heading); ok && h.Level == 1 {
			h1 = append(h1, h.Text)
		}
	}
	want := "Introduction|National implementation|NEST across Welsh Government|Regional perspectives|Conclusion and next steps|The self-assessments|About this publication"
	if got := strings.Join(h1, "|"); got != want {
		t.Errorf("sections %s\nwant %s", got, want)
	}
	if d.Front.Published != "2025-03-31" || d.Front.Publisher != "Llywodraeth Cymru / Welsh Government" || d.Front.Contact != "nest.mentalhealth@gov.wales" {
		t.Errorf("front %+v", d.Front)
	}
	if !strings.Contains(docText(d), "Average NEST journey rating across all regions: 1.8.") {
		t.Error("no principle's figures")
	}
}

// A starter editorial file from draft-update reads back, and makes a
// report.
func TestDraftEditorialReadsBack(t *testing.T) {
	for _, r := range []*Report{
		Aggregate(inputs(t, "2024/regions"), Options{Level: National, Year: 2024, Date: "2024-11-30"}),
		Aggregate(services(t, 300), Options{Level: Regional, Region: "gwent", Year: 2024, Date: "2024-11-30"}),
	} {
		data := DraftEditorial(r, nil)
		e, err := ReadEditorial("draft.md", data, nil)
		if err != nil {
			t.Fatalf("%v\n%s", err, data)
		}
		if _, err := Build(r, BuildOptions{Editorial: e}); err != nil {
			t.Fatal(err)
		}
		if n := strings.Count(string(data), "<!-- nest:quotes "); n > len(r.Principles)*MaxDraftQuotes {
			t.Errorf("a starter file offers %d words", n)
		}
	}
}

func TestRowsWriteNullForNotRated(t *testing.T) {
	b, err := Ratings{2, 0, 3}.MarshalJSON()
	if err != nil || string(b) != "[2,null,3]" {
		t.Errorf("got %s, %v", b, err)
	}
}

// An editorial table's figures in a column aligned right are set as
// nest's own figures, and its columns are as wide as what is in them.
func TestEditorialTableShape(t *testing.T) {
	src := "| Project | Spend | Notes |\n| --- | ---: | --- |\n| Youth club | £1,250 | Open three evenings a week in the two market towns, with transport home |\n| Forum | 15% | Monthly |\n"
	e, err := ReadEditorial("u.md", []byte(src), nil)
	if err != nil {
		t.Fatal(err)
	}
	tb, ok := e.Parts[0].Block.(Table)
	if !ok {
		t.Fatalf("not a table: %+v", e.Parts[0].Block)
	}
	if tb.Rows[0][0].Numeric || !tb.Rows[0][1].Numeric || !tb.Rows[1][1].Numeric || tb.Rows[1][2].Numeric {
		t.Errorf("figures: %+v", tb.Rows)
	}
	if !(tb.Widths[1] < tb.Widths[0] && tb.Widths[0] < tb.Widths[2]) {
		t.Errorf("widths %v: the figures' column should be the narrowest, the notes' the widest", tb.Widths)
	}
}
