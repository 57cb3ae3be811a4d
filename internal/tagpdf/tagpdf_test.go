package tagpdf_test

import (
	"bytes"
	"io"
	"slices"
	"strings"
	"testing"
	"time"

	"codeberg.org/go-pdf/fpdf"
	"github.com/nest-nyth/nest/internal/fonts"
	"github.com/nest-nyth/nest/internal/tagpdf"
	"github.com/nest-nyth/nest/internal/tagpdf/pdfcheck"
)

func newDoc(t *testing.T) (*fpdf.Fpdf, *tagpdf.Tagger) {
	t.Helper()
	f := fpdf.New("P", "mm", "A4", "")
	f.AddUTF8FontFromBytes("noto", "", fonts.Regular)
	f.SetCatalogSort(true)
	f.SetAutoPageBreak(false, 20)
	tg := tagpdf.New(f, tagpdf.Options{Title: "A test: ŵ", Lang: "en-GB"})
	tg.SetFooterFunc(func() {
		f.SetXY(20, 280)
		f.CellFormat(100, 5, "footer", "", 0, "L", false, 0, "")
	})
	f.AddPage()
	f.SetFont("noto", "", 12)
	return f, tg
}

func read(t *testing.T, tg *tagpdf.Tagger) (*pdfcheck.Doc, []byte) {
	t.Helper()
	var buf bytes.Buffer
	if err := tg.Output(&buf); err != nil {
		t.Fatal(err)
	}
	d, err := pdfcheck.Read(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	return d, buf.Bytes()
}

func text(f *fpdf.Fpdf, y float64, s string) {
	f.SetXY(20, y)
	f.CellFormat(150, 6, s, "", 0, "L", false, 0, "")
}

func roles(d *pdfcheck.Doc) []string {
	var out []string
	d.Tree.Walk(func(e *pdfcheck.Elem, depth int) {
		if depth > 0 {
			out = append(out, strings.Repeat(" ", depth-1)+e.Role+" "+e.Text())
		}
	})
	return out
}

// A paragraph broken across pages is one P, its text on both pages; the
// footers between are artifacts; the document passes every check.
func TestElementAcrossPages(t *testing.T) {
	f, tg := newDoc(t)
	tg.Begin("H1")
	text(f, 20, "Tŷ")
	tg.End()
	tg.Begin("P")
	text(f, 30, "one ")
	f.AddPage()
	text(f, 20, "two")
	tg.End()
	d, _ := read(t, tg)
	if len(d.Problems) > 0 {
		t.Fatal(d.Problems)
	}
	want := []string{" H1 Tŷ", " P one two"}
	if got := roles(d)[1:]; !slices.Equal(got, want) {
		t.Errorf("tree %q, want %q", got, want)
	}
	if len(d.Artifacts) != 2 || d.Artifacts[0] != "footer" || d.Artifacts[1] != "footer" {
		t.Errorf("artifacts %q, want a footer a page", d.Artifacts)
	}
	if d.Title != "A test: ŵ" || d.Lang != "en-GB" {
		t.Errorf("title %q, lang %q", d.Title, d.Lang)
	}
}

// Content drawn outside every element and artifact is found.
func TestStrayContentIsFound(t *testing.T) {
	f, tg := newDoc(t)
	tg.Begin("P")
	text(f, 20, "tagged")
	tg.End()
	text(f, 30, "stray")
	f.Line(20, 40, 100, 40)
	d, _ := read(t, tg)
	if len(d.Problems) != 1 || !strings.Contains(d.Problems[0], "2 mark(s) neither tagged nor an artifact") {
		t.Errorf("problems %q, want the two stray marks", d.Problems)
	}
}

// What PDF/UA asks of headings, tables and figures is checked.
func TestStructureRules(t *testing.T) {
	f, tg := newDoc(t)
	tg.Begin("H1")
	text(f, 20, "Title")
	tg.End()
	tg.Begin("H3") // skips H2
	text(f, 30, "Skipped")
	tg.End()
	tg.Begin("Table")
	tg.Begin("TR")
	tg.Begin("TD")
	text(f, 40, "no header")
	tg.End()
	tg.End()
	tg.End()
	tg.Begin("Table")
	tg.Begin("TR")
	tg.Begin("TH")
	text(f, 50, "no scope")
	tg.End()
	tg.End()
	tg.End()
	tg.Begin("Figure")
	f.Line(20, 60, 100, 60)
	tg.End()
	d, _ := read(t, tg)
	want := []string{
		"a heading skips a level: H3 follows H1",
		"a Table has no TH cells",
		`a TH cell ("no scope") has no /Scope`,
		"a Figure has no /Alt",
	}
	if !slices.Equal(d.Problems, want) {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(d.Problems, "\n"), strings.Join(want, "\n"))
	}
}

// Content laid out later, as a contents page is once every page number
// is known, takes its place in the reading order where it was begun.
func TestWithin(t *testing.T) {
	f, tg := newDoc(t)
	tg.Begin("TOC")
	toc := tg.Current()
	tg.End()
	tg.Begin("P")
	text(f, 40, "after")
	tg.End()
	f.AddPage()
	tg.Begin("P")
	text(f, 20, "page two")
	tg.End()
	f.SetPage(1)
	tg.Within(toc, func() {
		tg.Begin("TOCI")
		tg.Begin("Link")
		text(f, 20, "page two, 2")
		tg.Link(20, 20, 150, 6, f.AddLink(), "", "page two, page 2")
		tg.End()
		tg.End()
	})
	f.SetPage(2)
	d, _ := read(t, tg)
	if len(d.Problems) > 0 {
		t.Fatal(d.Problems)
	}
	want := []string{" TOC page two, 2", "  TOCI page two, 2", "   Link page two, 2", " P after", " P page two"}
	if got := roles(d)[1:]; !slices.Equal(got, want) {
		t.Errorf("tree:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// A link made behind the Tagger's back would be an annotation outside
// the tree: Output refuses rather than write it.
func TestLinkOutsideTheTaggerFails(t *testing.T) {
	f, tg := newDoc(t)
	tg.Begin("P")
	f.CellFormat(40, 10, "link", "", 0, "L", false, 0, "https://example.org")
	tg.End()
	if err := tg.Output(io.Discard); err == nil || !strings.Contains(err.Error(), "annotations") {
		t.Fatalf("want an error about annotations, got %v", err)
	}
}

func TestElementLeftOpenFails(t *testing.T) {
	f, tg := newDoc(t)
	tg.Begin("P")
	text(f, 20, "open")
	if err := tg.Output(io.Discard); err == nil || !strings.Contains(err.Error(), "not ended") {
		t.Fatalf("want an error about an element not ended, got %v", err)
	}
}

// The same layout gives the same bytes, and the untagged baseline from
// the same calls has no structure at all.
func TestDeterministicAndDisabled(t *testing.T) {
	build := func(disabled bool) []byte {
		f := fpdf.New("P", "mm", "A4", "")
		f.AddUTF8FontFromBytes("noto", "", fonts.Regular)
		f.SetCatalogSort(true)
		// fpdf dates a document now unless told: two runs a second apart
		// would differ there, as a report never does (it sets its date).
		when := time.Date(2025, 3, 31, 0, 0, 0, 0, time.UTC)
		f.SetCreationDate(when)
		f.SetModificationDate(when)
		f.SetCompression(false) // the marked-content operators show
		tg := tagpdf.New(f, tagpdf.Options{Title: "t", Lang: "cy", Disabled: disabled})
		f.AddPage()
		f.SetFont("noto", "", 12)
		tg.Begin("P", tagpdf.Attrs{Lang: "en"})
		text(f, 20, "Croeso")
		tg.End()
		var buf bytes.Buffer
		if err := tg.Output(&buf); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	if a, b := build(false), build(false); !bytes.Equal(a, b) {
		t.Error("two runs gave different bytes")
	}
	if tagged := build(false); !bytes.Contains(tagged, []byte("/P <</MCID 0>> BDC")) {
		t.Error("the tagged build has no marked content")
	}
	plain := build(true)
	if bytes.Contains(plain, []byte("BDC")) {
		t.Error("the untagged baseline has marked content")
	}
	if d, err := pdfcheck.Read(plain); err != nil || d.Tree != nil {
		t.Errorf("the untagged baseline has a structure tree (%v)", err)
	}
}

// The Tagger compresses the pages itself (fpdf's way costs a megabyte a
// page): what it writes must be, byte for byte, what fpdf would have, over
// several pages, one of them long.
func TestPagesCompressedAsFpdfWould(t *testing.T) {
	build := func(tagger bool) []byte {
		f := fpdf.New("P", "mm", "A4", "")
		f.AddUTF8FontFromBytes("noto", "", fonts.Regular)
		f.SetCatalogSort(true)
		when := time.Date(2025, 3, 31, 0, 0, 0, 0, time.UTC)
		f.SetCreationDate(when)
		f.SetModificationDate(when)
		var tg *tagpdf.Tagger
		if tagger {
			tg = tagpdf.New(f, tagpdf.Options{Disabled: true})
		}
		f.SetFont("noto", "", 12)
		for page := range 3 {
			f.AddPage()
			for line := range 40 * (page + 1) {
				text(f, 10+float64(line%45)*6, strings.Repeat("Ŵ ", line+1))
			}
		}
		var buf bytes.Buffer
		var err error
		if tagger {
			err = tg.Output(&buf)
		} else {
			err = f.Output(&buf)
		}
		if err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	want, got := build(false), build(true)
	if !bytes.Contains(got, []byte("/Filter /FlateDecode")) {
		t.Fatal("the pages were not compressed")
	}
	if !bytes.Equal(got, want) {
		i := 0
		for i < min(len(got), len(want)) && got[i] == want[i] {
			i++
		}
		t.Errorf("the Tagger's pages differ from fpdf's at byte %d of %d: %q, want %q", i, len(want),
			got[max(0, i-40):min(len(got), i+40)], want[max(0, i-40):min(len(want), i+40)])
	}
}

// A tagged document with its pages compressed is still read back whole:
// the xref the Tagger rewrote leads to every object.
func TestCompressedTaggedReadsBack(t *testing.T) {
	f, tg := newDoc(t)
	for page := range 3 {
		if page > 0 {
			f.AddPage()
		}
		tg.Begin("P", tagpdf.Attrs{})
		text(f, 30, "page "+strings.Repeat("ŵ", page+1))
		tg.End()
	}
	d, b := read(t, tg)
	if n := bytes.Count(b, []byte("/Filter /FlateDecode /Length")); n < 3 {
		t.Errorf("%d compressed streams, want the 3 pages at least", n)
	}
	if got := roles(d); !slices.Equal(got, []string{"Document page ŵpage ŵŵpage ŵŵŵ", " P page ŵ", " P page ŵŵ", " P page ŵŵŵ"}) {
		t.Errorf("structure read back: %q", got)
	}
}
