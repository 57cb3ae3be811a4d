package report

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/nest-nyth/nest/assessment"
	"github.com/nest-nyth/nest/examples"
	"github.com/nest-nyth/nest/internal/tagpdf/pdfcheck"
)

// taggedPDF lays out d and reads the PDF back with pdfcheck, failing on
// every PDF/UA rule it breaks.
func taggedPDF(t *testing.T, d *Doc, date string) *pdfcheck.Doc {
	t.Helper()
	var buf bytes.Buffer
	if _, err := layoutPDF(&buf, d, date, true); err != nil {
		t.Fatal(err)
	}
	got, err := pdfcheck.Read(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range got.Problems {
		t.Error(p)
	}
	return got
}

// elems returns the elements of the tree with one of the roles, in
// reading order.
func elems(d *pdfcheck.Doc, roles ...string) []*pdfcheck.Elem {
	var out []*pdfcheck.Elem
	d.Tree.Walk(func(e *pdfcheck.Elem, _ int) {
		for _, r := range roles {
			if e.Role == r {
				out = append(out, e)
			}
		}
	})
	return out
}

func squash(s string) string { return strings.Join(strings.Fields(s), " ") }

// Every report nest makes is tagged: read back, its structure tree holds
// the Doc's headings, paragraphs, tables and figures in order, every mark
// on a page is in the tree or an artifact, and the rules PDF/UA sets that
// a machine can check hold.
func TestPDFIsTagged(t *testing.T) {
	for _, c := range layoutCases(t) {
		t.Run(c.name, func(t *testing.T) {
			d, err := Build(c.r, c.o)
			if err != nil {
				t.Fatal(err)
			}
			got := taggedPDF(t, d, c.r.Date)
			if got.Title != d.Title || got.Lang != d.Lang {
				t.Errorf("title %q, language %q; want %q, %q", got.Title, got.Lang, d.Title, d.Lang)
			}
			if doc := got.Tree.Kids(); len(doc) != 1 || doc[0].Role != "Document" {
				t.Fatalf("the tree's root holds %v, want one Document", doc)
			}

			// Headings: the title is the one H1, the Doc's headings one
			// level below it, the same words in the same order.
			var want []string
			want = append(want, "H1 "+d.Title)
			var paras, tables []string
			var figures []Figure
			for _, b := range d.Blocks {
				switch b := b.(type) {
				case Heading:
					want = append(want, "H"+string(rune('1'+b.Level))+" "+b.Text)
				case Contents:
					want = append(want, "H2 "+b.Title)
				case Para:
					paras = append(paras, squash(runsText(b.Runs)))
				case Table:
					tables = append(tables, strings.Join(b.Head, "|"))
				case Figure:
					figures = append(figures, b)
				}
			}
			var heads []string
			for _, e := range elems(got, "H1", "H2", "H3", "H4") {
				heads = append(heads, e.Role+" "+squash(e.Text()))
			}
			if strings.Join(heads, "\n") != strings.Join(want, "\n") {
				t.Errorf("headings in the tree:\n%s\nwant:\n%s", strings.Join(heads, "\n"), strings.Join(want, "\n"))
			}

			// Every paragraph of the Doc is a P of the tree, in order.
			ps := elems(got, "P")
			i := 0
			for _, want := range paras {
				for i < len(ps) && squash(ps[i].Text()) != want {
					i++
				}
				if i == len(ps) {
					t.Fatalf("paragraph %.60q is not a P of the tree, in order", want)
				}
			}

			// Tables: a header row of TH with column scope, each body
			// row's first cell a TH with row scope where the Doc says.
			ts := elems(got, "Table")
			if len(ts) != len(tables) {
				t.Fatalf("%d tables in the tree, %d in the Doc", len(ts), len(tables))
			}
			for k, tab := range ts {
				var head []string
				for _, th := range elemsUnder(tab, "THead", "TH") {
					if th.Scope != "Column" {
						t.Errorf("table %d: header cell %q has scope %q", k+1, th.Text(), th.Scope)
					}
					head = append(head, squash(th.Text()))
				}
				if strings.Join(head, "|") != tables[k] {
					t.Errorf("table %d: header %q, want %q", k+1, head, tables[k])
				}
			}

			// Figures: a description that gives the chart's figures.
			fs := elems(got, "Figure")
			if len(fs) != len(figures) {
				t.Fatalf("%d figures in the tree, %d in the Doc", len(fs), len(figures))
			}
			for k, f := range fs {
				if f.Alt != figures[k].Alt {
					t.Errorf("figure %d: Alt %q, want %q", k+1, f.Alt, figures[k].Alt)
				}
			}

			// The page numbers are artifacts, not read out.
			for p, a := range got.Artifacts {
				if p > 0 && !strings.Contains(a, d.words.Say("pdf.page", p+1, "")) {
					t.Errorf("page %d: footer %q not an artifact", p+1, a)
				}
			}
			if len(elems(got, "TOC")) == 0 || len(elems(got, "Link")) == 0 {
				t.Error("no contents (TOC) or no links in the tree")
			}
		})
	}
}

func elemsUnder(e *pdfcheck.Elem, parent, role string) []*pdfcheck.Elem {
	var out []*pdfcheck.Elem
	e.Walk(func(p *pdfcheck.Elem, _ int) {
		if p.Role != parent {
			return
		}
		p.Walk(func(c *pdfcheck.Elem, _ int) {
			if c.Role == role {
				out = append(out, c)
			}
		})
	})
	return out
}

func runsText(runs []Run) string {
	var sb strings.Builder
	for _, r := range runs {
		sb.WriteString(r.Text)
	}
	return sb.String()
}

// Words in Welsh are marked as Welsh, and read back letter for letter.
func TestPDFMarksWelsh(t *testing.T) {
	national := layoutCases(t)[0]
	d, err := Build(national.r, national.o)
	if err != nil {
		t.Fatal(err)
	}
	const quote = "Mae'r gwasanaeth yn gwrando ar bob plentyn: ŵyr, wyres, a'r teulu yn Nhŷ Teulu."
	const words = "Ŷ, ŵ, â, ê, î, ô, û"
	d.Blocks = append(d.Blocks,
		Excerpt{Lead: "A service in Gwent said:", Text: quote, Lang: "cy"},
		Para{Runs: []Run{{Text: "The letters "}, {Text: words, Lang: "cy"}, {Text: " print and read back."}}},
		Para{Runs: []Run{{Text: "The framework: "}, {Text: "NEST", Link: "https://www.gov.wales/nest"}, {Text: "."}}},
	)
	got := taggedPDF(t, d, national.r.Date)
	var welsh []string
	got.Tree.Walk(func(e *pdfcheck.Elem, _ int) {
		if e.Lang == "cy" {
			welsh = append(welsh, e.Role+" "+squash(e.Text()))
		}
	})
	want := []string{"P Llywodraeth Cymru", "BlockQuote " + quote, "Span " + words}
	if strings.Join(welsh, "\n") != strings.Join(want, "\n") {
		t.Errorf("elements in Welsh:\n%s\nwant:\n%s", strings.Join(welsh, "\n"), strings.Join(want, "\n"))
	}
	links := elems(got, "Link")
	last := links[len(links)-1]
	if squash(last.Text()) != "NEST" || len(last.Parts) != 2 || !last.Parts[1].Link {
		t.Errorf("the last link reads %q with parts %+v; want NEST and its annotation", last.Text(), last.Parts)
	}
}

// BenchmarkTagging lays out a regional report of 10,000 services, the
// public edition and the internal one (whose annex lists every entry:
// thousands of pages), with and without tags: what the structure tree
// costs in time, memory and bytes.
func BenchmarkTagging(b *testing.B) {
	r := Aggregate(services(b, 10000), Options{Level: Regional, Region: "gwent", Year: 2024, Date: "2024-11-30"})
	for _, edition := range []string{Public, Internal} {
		d, err := Build(r, BuildOptions{Edition: edition})
		if err != nil {
			b.Fatal(err)
		}
		for _, tagged := range []bool{false, true} {
			name := edition + "/untagged"
			if tagged {
				name = edition + "/tagged"
			}
			b.Run(name, func(b *testing.B) {
				b.ReportAllocs()
				var buf bytes.Buffer
				var placed []Placed
				for b.Loop() {
					buf.Reset()
					if placed, err = layoutPDF(&buf, d, r.Date, tagged); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(buf.Len()), "bytes")
				b.ReportMetric(float64(placed[len(placed)-1].End), "pages")
			})
		}
	}
}

// The update in Welsh, and in both languages: tagged as every report is,
// its language Welsh, and in the bilingual one each section's heading in
// both languages and its English under the Welsh, marked as English, the
// whole no more than twice the pages of one language.
func TestPDFInWelshAndBilingual(t *testing.T) {
	in := inputs(t, "2024/regions")
	o := Options{Level: National, Year: 2024, Date: "2024-11-30"}
	cyEd, err := ReadEditorial("update.cy.md", examples.Update2024Welsh, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := CheckBilingual(cyEd, editorial(t), nil); err != nil {
		t.Fatal(err)
	}
	build := func(w *assessment.Words, e *Editorial) *Doc {
		o.Words = w
		d, err := Build(Aggregate(in, o), BuildOptions{Words: w, Editorial: e})
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	cy, en := build(assessment.Welsh(), cyEd), build(assessment.English, editorial(t))

	got := taggedPDF(t, cy, "2024-11-30")
	if got.Lang != "cy" || got.Title != "Diweddariad ar weithredu NYTH/NEST 2024" {
		t.Errorf("Welsh PDF: language %q, title %q", got.Lang, got.Title)
	}
	var heads []string
	for _, e := range elems(got, "H2") {
		heads = append(heads, squash(e.Text()))
	}
	if !slices.Contains(heads, "Safbwyntiau rhanbarthol") || !slices.Contains(heads, "Ynglŷn â'r cyhoeddiad hwn") {
		t.Errorf("Welsh headings: %q", heads)
	}

	both, err := Bilingual(cy, en)
	if err != nil {
		t.Fatal(err)
	}
	got = taggedPDF(t, both, "2024-11-30")
	if got.Title != "Diweddariad ar weithredu NYTH/NEST 2024 / NYTH/NEST implementation update 2024" {
		t.Errorf("bilingual title %q", got.Title)
	}
	h1 := elems(got, "H1")
	if len(h1) != 1 || squash(h1[0].Text()) != "Diweddariad ar weithredu NYTH/NEST 2024 NYTH/NEST implementation update 2024" {
		t.Errorf("the title heading: %q", h1[0].Text())
	}
	intro := elems(got, "H2")[1] // after the contents
	if squash(intro.Text()) != "Cyflwyniad / Introduction" || len(intro.Kids()) != 1 || intro.Kids()[0].Lang != "en-GB" {
		t.Errorf("a section's heading: %q, kids %v", intro.Text(), intro.Kids())
	}
	// The kind of document is said in both languages, the English marked.
	kind := false
	for _, e := range elems(got, "P") {
		if squash(e.Text()) == "CYHOEDDIAD / PUBLICATION" && len(e.Kids()) == 1 && e.Kids()[0].Lang == "en-GB" {
			kind = true
		}
	}
	if !kind {
		t.Error("the title page does not say what the document is in both languages")
	}
	parts := 0
	got.Tree.Walk(func(e *pdfcheck.Elem, _ int) {
		if e.Role == "Div" && e.Lang == "en-GB" {
			parts++
		}
	})
	if parts == 0 {
		t.Error("no part of the bilingual report is marked as English")
	}
	pages := func(d *Doc) int {
		var buf bytes.Buffer
		placed, err := layoutPDF(&buf, d, "2024-11-30", false)
		if err != nil {
			t.Fatal(err)
		}
		return placed[len(placed)-1].End
	}
	if n, one := pages(both), max(pages(cy), pages(en)); n > 2*one {
		t.Errorf("the bilingual report has %d pages, one language %d", n, one)
	}
}
