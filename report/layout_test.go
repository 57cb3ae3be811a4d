package report

import (
	"bytes"
	"fmt"
	"io/fs"
	"strings"
	"testing"

	"codeberg.org/go-pdf/fpdf"
	"github.com/nest-nyth/nest/assessment"
	"github.com/nest-nyth/nest/examples"
	"github.com/nest-nyth/nest/schema"
)

// inputs decodes the final example files under dir.
func inputs(t testing.TB, dir string) []Input {
	t.Helper()
	names, _ := fs.Glob(examples.FS, dir+"/*.yaml")
	var in []Input
	for _, n := range names {
		data, _ := fs.ReadFile(examples.FS, n)
		r := schema.Check(n, data)
		if r.Assessment.Status == assessment.StatusFinal {
			in = append(in, Input{File: n, Assessment: r.Assessment})
		}
	}
	return in
}

// services makes n services of Gwent from the examples: the same words
// said again and again, as at scale.
func services(t testing.TB, n int) []Input {
	base := inputs(t, "2024/services/gwent")
	var in []Input
	for i := range n {
		src := base[i%len(base)]
		a := *src.Assessment
		a.Organisation = fmt.Sprintf("%s %d", a.Organisation, i)
		in = append(in, Input{File: fmt.Sprintf("s%04d.yaml", i), Assessment: &a})
	}
	return in
}

func editorial(t testing.TB) *Editorial {
	e, err := ReadEditorial("update.md", examples.Update2024, nil)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

type layoutCase struct {
	name string
	r    *Report
	o    BuildOptions
}

func layoutCases(t testing.TB) []layoutCase {
	national := Aggregate(inputs(t, "2024/regions"), Options{Level: National, Year: 2024, Date: "2024-11-30"})
	regional := Aggregate(services(t, 500), Options{Level: Regional, Region: "gwent", Year: 2024, Date: "2024-11-30"})
	return []layoutCase{
		{"national, public, editorial", national, BuildOptions{Editorial: editorial(t)}},
		{"national, public", national, BuildOptions{}},
		{"national, internal, editorial", national, BuildOptions{Edition: Internal, Editorial: editorial(t)}},
		{"regional of 500, public", regional, BuildOptions{}},
		{"regional of 500, internal", regional, BuildOptions{Edition: Internal}},
	}
}

// bilingualDoc is the 2024 national update with its editorial files, in
// Welsh then English (--lang cy+en).
func bilingualDoc(t testing.TB) *Doc {
	t.Helper()
	in := inputs(t, "2024/regions")
	cyEd, err := ReadEditorial("update.cy.md", examples.Update2024Welsh, nil)
	if err != nil {
		t.Fatal(err)
	}
	build := func(w *assessment.Words, e *Editorial) *Doc {
		d, err := Build(Aggregate(in, Options{Level: National, Year: 2024, Date: "2024-11-30", Words: w}), BuildOptions{Words: w, Editorial: e})
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	d, err := Bilingual(build(assessment.Welsh(), cyEd), build(assessment.English, editorial(t)))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// No heading ends a page: what follows a heading starts on its page. In
// the bilingual report too, where a section's heading may be followed by
// another heading, and a Part (its rule, then the English) may follow the
// Welsh: the rule that starts a Part is on the page its English starts.
func TestNoHeadingEndsAPage(t *testing.T) {
	type doc struct {
		name string
		d    func(t *testing.T) *Doc
	}
	var docs []doc
	for _, c := range layoutCases(t) {
		docs = append(docs, doc{c.name, func(t *testing.T) *Doc {
			d, err := Build(c.r, c.o)
			if err != nil {
				t.Fatal(err)
			}
			return d
		}})
	}
	docs = append(docs, doc{"national, public, editorial, cy+en", func(t *testing.T) *Doc { return bilingualDoc(t) }})
	for _, c := range docs {
		t.Run(c.name, func(t *testing.T) {
			placed, err := layoutPDF(&bytes.Buffer{}, c.d(t), "2024-11-30", true)
			if err != nil {
				t.Fatal(err)
			}
			headings := 0
			for i, p := range placed {
				if p.Kind == "part" && i+1 < len(placed) && placed[i+1].Page != p.Page {
					t.Errorf("the rule before the %s part ends page %d", p.Text, p.Page)
				}
				if p.Kind != "heading" {
					continue
				}
				headings++
				if i+1 < len(placed) && placed[i+1].Page != p.Page {
					t.Errorf("the heading %q ends page %d", p.Text, p.Page)
				}
				if p.Y > pageH-bottom-20 {
					t.Errorf("the heading %q sits at the foot of page %d (%.0f mm)", p.Text, p.Page, p.Y)
				}
			}
			if headings < 10 {
				t.Errorf("only %d headings placed", headings)
			}
		})
	}
}

// docText is every text of a Doc, its particulars included.
func docText(d *Doc) string {
	var b strings.Builder
	b.WriteString(d.Title + "\n" + d.Subtitle + "\n" + strings.Join(d.Front.Lines, "\n") + "\n")
	for _, bl := range d.Blocks {
		switch bl := bl.(type) {
		case Heading:
			b.WriteString(bl.Text)
		case Para:
			b.WriteString(Text(bl.Runs))
		case List:
			for _, it := range bl.Items {
				b.WriteString(Text(it) + "\n")
			}
		case Table:
			b.WriteString(bl.Caption + "\n" + strings.Join(bl.Head, " "))
			for _, row := range append(bl.Rows, bl.Foot...) {
				for _, c := range row {
					b.WriteString(c.Text + " ")
				}
			}
		case Figure:
			b.WriteString(bl.Title + "\n" + bl.Alt + "\n" + bl.Source)
		case Excerpt:
			b.WriteString(bl.Lead + " " + bl.ID + " " + bl.Text)
		}
		b.WriteString("\n")
	}
	return b.String()
}

// The public edition names no file, no draft, no command line; the
// internal one has them.
func TestPublicEditionHasNoFilesDraftsOrCommands(t *testing.T) {
	in := inputs(t, "2024/regions")
	left := []LeftOut{{File: "gwent-draft.yaml", Region: "gwent", Reason: LeftDraft}, {File: "powys-old.yaml", Region: "powys", Reason: LeftErrors}}
	r := Aggregate(in, Options{Level: National, Year: 2024, Date: "2024-11-30", LeftOut: left})
	for _, ed := range []*Editorial{nil, editorial(t)} {
		pub, err := Build(r, BuildOptions{Editorial: ed})
		if err != nil {
			t.Fatal(err)
		}
		text := docText(pub)
		for _, bad := range []string{".yaml", "gwent-draft", "powys-old", "--", "nest aggregate", "nest validate", "gwent.trusted_adults"} {
			if strings.Contains(text, bad) {
				t.Errorf("the public edition says %q", bad)
			}
		}
		internal, err := Build(r, BuildOptions{Edition: Internal, Editorial: ed})
		if err != nil {
			t.Fatal(err)
		}
		text = docText(internal)
		for _, want := range []string{"regions/gwent.yaml", "gwent-draft.yaml (Gwent): it is a draft", "powys-old.yaml (Powys): it has errors", "gwent.trusted_adults.quote1"} {
			if !strings.Contains(text, want) {
				t.Errorf("the internal edition lacks %q", want)
			}
		}
	}
}

// At scale, a principle shows its words spread across services, never the
// same words twice, and says how many said them.
func TestQuotesAtScale(t *testing.T) {
	r := Aggregate(services(t, 500), Options{Level: Regional, Region: "gwent", Year: 2024, Date: "2024-11-30"})
	d, err := Build(r, BuildOptions{})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	many := 0
	for _, b := range d.Blocks {
		e, ok := b.(Excerpt)
		if !ok {
			continue
		}
		if seen[e.Text] {
			t.Errorf("shown twice: %q", e.Text)
		}
		seen[e.Text] = true
		if strings.HasPrefix(e.Lead, "Said by ") && strings.Contains(e.Lead, " services:") {
			many++
		}
	}
	if many == 0 {
		t.Error("no words said by many services were counted")
	}
	if len(seen) < 10 {
		t.Errorf("only %d words shown", len(seen))
	}
}

// No word of a table runs past its column: each column is at least as
// wide as the longest word of its head and its cells, set in bold, up to
// two fifths of the page; a longer word (a web address) is cut into
// lines that fit; and the columns still fill the text width.
func TestNoWordOverrunsItsColumn(t *testing.T) {
	var docs []*Doc
	for _, c := range layoutCases(t) {
		d, err := Build(c.r, c.o)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
	}
	docs = append(docs, bilingualDoc(t))
	long := Table{Caption: "Long words", Head: []string{"Region", "Where", "Note", "Rating"},
		Rows: [][]Cell{{{Text: "Cwm Taf Morgannwg"}, {Text: "https://www.ctmregionalpartnershipboard.org.uk/nest/reports/2024/update"},
			{Text: "Pneumonoultramicroscopicsilicovolcanoconiosis and Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch"}, {Text: "2", Numeric: true}}}}
	docs = append(docs, &Doc{Blocks: []Block{long}})
	p := &pdf{f: fpdf.New("P", "mm", "A4", ""), faces: map[string]bool{}}
	tables := 0
	for _, d := range docs {
		walkBlocks(d.Blocks, func(b Block) {
			tb, ok := b.(Table)
			if !ok {
				return
			}
			tables++
			widths := p.tableWidths(tb)
			total := 0.0
			for _, w := range widths {
				total += w
			}
			if total < textW-0.01 || total > textW+0.01 {
				t.Errorf("%q: columns %.1f mm wide in all, not %.1f", tb.Caption, total, textW)
			}
			p.font("B", tableSize)
			for _, row := range append([][]Cell{cellsOf(tb.Head)}, tb.Rows...) {
				for i, c := range row {
					lines, _ := p.wrapJoined(c.Text, widths[i]-2*tablePad)
					if got := strings.Join(strings.Fields(strings.Join(lines, "")), ""); got != strings.Join(strings.Fields(c.Text), "") {
						t.Errorf("%q: %q wrapped to %q", tb.Caption, c.Text, lines)
					}
					for _, l := range lines {
						if lw := p.f.GetStringWidth(l) + 2*tablePad; lw > widths[i]+0.01 {
							t.Errorf("%q: %q is %.1f mm, its column %.1f mm", tb.Caption, l, lw, widths[i])
						}
					}
				}
			}
		})
	}
	if tables < 10 {
		t.Errorf("only %d tables", tables)
	}
}

func cellsOf(texts []string) []Cell {
	cs := make([]Cell, len(texts))
	for i, s := range texts {
		cs[i] = Cell{Text: s}
	}
	return cs
}

// A draft may keep a quote whose source is not said yet (nest assess
// stopped half-way); a report that takes drafts in leaves it out, rather
// than credit it to anyone.
func TestQuoteWithoutSource(t *testing.T) {
	in := inputs(t, "2024/regions")
	a := *in[0].Assessment
	a.Status = assessment.StatusDraft
	p := *a.Principles["trusted_adults"]
	p.Feedback = []assessment.Quote{{Quote: "The youth club is the one safe place."}}
	a.Principles = map[string]*assessment.Response{"trusted_adults": &p}
	in[0] = Input{File: in[0].File, Assessment: &a}
	r := Aggregate(in, Options{Level: National, Year: 2024, Date: "2024-11-30"})
	d, err := Build(r, BuildOptions{Edition: Internal})
	if err != nil {
		t.Fatal(err)
	}
	text := docText(d)
	if strings.Contains(text, "The youth club is the one safe place.") {
		t.Errorf("the quote without a source is reported:\n%s", text)
	}
}

// A word wider than the page (a web address in the analysts' text) is cut
// into lines that fit, not drawn past the margin on one line.
func TestLongWordIsCutToTheLine(t *testing.T) {
	url := "https://www.example.gov.wales/" + strings.Repeat("nest-self-assessment-", 12) + "2024.pdf"
	var ys []float64
	for _, pl := range placedParas(t, Para{Runs: []Run{{Text: "See " + url + " for more."}}}, Para{Runs: []Run{{Text: "After."}}}) {
		ys = append(ys, pl.Y)
	}
	// The address is about four lines' width at 12 pt: cut, the paragraph
	// takes four lines or more; drawn whole, it would take three ("See",
	// the address past the margin, "for more.").
	if len(ys) != 2 || ys[1]-ys[0] < 4*lineH {
		t.Errorf("the paragraphs start at %v mm: fewer than four lines", ys)
	}
}

// A paragraph split over two pages leaves at least two of its lines on
// each: its first line never stands alone at the foot of a page, nor its
// last alone at the top of the next. Paragraphs of five lines, after more
// and more one-line ones, meet the foot of the page at every line.
func TestNoLineStandsAlone(t *testing.T) {
	split := 0
	for sentences := 3; sentences <= 9; sentences++ {
		long := strings.Repeat("Every region is building trusted adult principles into how they recruit. ", sentences)
		for filler := 28; filler < 42; filler++ {
			var blocks []Block
			for range filler {
				blocks = append(blocks, Para{Runs: []Run{{Text: "A line."}}})
			}
			blocks = append(blocks, Para{Runs: []Run{{Text: long}}}, Para{Runs: []Run{{Text: "After."}}})
			paras := placedParas(t, blocks...)
			p, next := paras[len(paras)-2], paras[len(paras)-1]
			if p.End == p.Page {
				continue // not split
			}
			split++
			if before := int((pageH - bottom - p.Y) / lineH); before < 2 {
				t.Errorf("%d sentences after %d lines: %d line at the foot of page %d", sentences, filler, before, p.Page)
			}
			if after := int((next.Y - margin) / lineH); next.Page == p.End && after < 2 {
				t.Errorf("%d sentences after %d lines: %d line at the top of page %d", sentences, filler, after, p.End)
			}
		}
	}
	if split < 15 {
		t.Errorf("only %d paragraphs split over two pages", split)
	}
}

// placedParas lays out a Doc of blocks, untagged, and says where each of
// its paragraphs landed.
func placedParas(t *testing.T, blocks ...Block) []Placed {
	t.Helper()
	d := &Doc{Title: "T", words: assessment.English, Blocks: blocks}
	placed, err := layoutPDF(&bytes.Buffer{}, d, "2024-11-30", false)
	if err != nil {
		t.Fatal(err)
	}
	var paras []Placed
	for _, pl := range placed {
		if pl.Kind == "para" {
			paras = append(paras, pl)
		}
	}
	return paras
}
