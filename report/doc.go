// Package report turns a set of self-assessments into the NEST
// implementation update. Choose decides what goes in; Aggregate computes
// the statistics (pure functions over assessment values, no input or
// output); Build puts them, the analysts' editorial text and the fixed
// words of the catalogue together as a Doc, in the edition asked for; the
// renderers write a Doc as PDF or HTML, and the statistics as JSON or CSV.
package report

import (
	"strings"

	"github.com/nest-nyth/nest/assessment"
)

// A Doc is a report as its readers get it: the publication's particulars,
// then blocks in reading order. Build makes it from the figures, the
// editorial file and the edition; every renderer (the PDF, the HTML) lays
// out the same Doc, so the editions and languages say the same in every
// format, and each block knows what it is (a heading, a table, a figure)
// for the accessibility of each.
type Doc struct {
	Lang     string // BCP 47, of the report's own words: en-GB
	Title    string
	Subtitle string
	Edition  string // Public or Internal
	Front    Front
	Blocks   []Block
	words    *assessment.Words // the renderers' own few words: "Figure", "Page 1 of 3"
	// Second is the report's other language in a bilingual Doc (Bilingual):
	// its title, subtitle and particulars, shown beside the first's with
	// the same prominence; nil in a Doc of one language.
	Second *Second
}

// Second is the other language of a bilingual Doc.
type Second struct {
	Lang            string
	Title, Subtitle string
	Type            string // "Publication", beside the first language's
	Lines           []string
	words           *assessment.Words
}

// Front is what a publication says about itself: on its title page, and in
// the PDF's properties.
type Front struct {
	Publisher   string // "Llywodraeth Cymru / Welsh Government"
	Type        string // "Publication"
	Published   string // YYYY-MM-DD
	Updated     string // YYYY-MM-DD
	Contact     string // a mailbox
	Licence     string // the licence's words
	LicenceURL  string
	Description string // one sentence: what the report is
	Lines       []string
}

// Editions of a report.
const (
	Public   = "public"   // for publishing: no file names, no drafts, no command lines
	Internal = "internal" // for the analysts: everything
)

// Block is a part of a Doc.
type Block interface{ block() }

// Heading starts a section. Level 1 is a section of the report (the title
// is above them all), 2 a part of a section, 3 a part of that.
type Heading struct {
	Level int
	Text  string
	ID    string // an anchor, unique in the Doc
	Other string // in a bilingual Doc, the heading in its second language
}

// Para is a paragraph of runs of text.
type Para struct {
	Runs  []Run
	Style string // "" for body text; Note for a smaller aside; Lead for an emphasised opening
}

// Paragraph styles.
const (
	Note  = "note"
	Lead  = "lead"
	Label = "label" // a few words that introduce what follows, and stay with it
)

// Run is text with one style.
type Run struct {
	Text         string
	Bold, Italic bool
	Link         string // an http, https or mailto URL, or #id for a place in the Doc (see SafeLink)
	Lang         string // set when the text is in another language than the Doc
}

// List is a bulleted or numbered list; each item is runs of text.
type List struct {
	Ordered bool
	Items   [][]Run
}

// Table has a caption, a row of column headings, and rows whose first cell
// heads the row when RowHeads is set.
type Table struct {
	ID       string
	Caption  string
	Head     []string
	Rows     [][]Cell
	RowHeads bool
	Foot     [][]Cell // summary rows (averages), after the body
	Widths   []float64
}

// Cell is one cell of a table. Level, from 1 to 4, shades a rating's cell
// (the number is always written too); 0 leaves it plain.
type Cell struct {
	Text    string
	Level   int
	Numeric bool // aligned to the right
}

// Figure is a chart with its number, title, source and a sentence that
// says what it shows, with its figures: the text equivalent that a screen
// reader reads and that the PDF tags as its alternative text.
type Figure struct {
	ID     string
	Number int
	Title  string
	Alt    string
	Source string
	Chart  BarChart
	Data   string // the ID of the Table that holds the chart's figures, "" when none
}

// BarChart is horizontal bars on a scale with named points: the average
// rating of each principle on the NEST journey scale.
type BarChart struct {
	Labels []string
	Values []*Tenths // nil where nothing is rated
	Min    int
	Max    int
	Ticks  []Tick
	Empty  string // what a bar with no value says
}

// Tick is a point of a chart's scale, with its name.
type Tick struct {
	Value int
	Label string
	Name  string
}

// Excerpt is words from a submission, with the words that lead into it.
type Excerpt struct {
	Lead string // "Feedback from the Gwent region:"
	Text string
	Lang string // of the text, when the file says (cy)
	ID   string // shown in the internal edition
	By   string // who said it, when Lead does not say
}

// Contents is where the list of sections goes; renderers fill it from the
// Doc's level 1 headings (the PDF with their pages).
type Contents struct {
	Title string
	Other string // in a bilingual Doc, the title in its second language
}

// Part is blocks in another language than the Doc's: a bilingual Doc's
// English under each section's Welsh.
type Part struct {
	Lang   string
	Blocks []Block
}

// PageBreak starts a new page in a paged format; others ignore it.
type PageBreak struct{}

func (Heading) block()   {}
func (Para) block()      {}
func (List) block()      {}
func (Table) block()     {}
func (Figure) block()    {}
func (Excerpt) block()   {}
func (Contents) block()  {}
func (PageBreak) block() {}
func (Part) block()      {}

// SafeLink is link if a report may link to it, else "": a web page
// (http, https), a mailbox (mailto) or a place in the report (#id). Any
// other scheme (javascript:, data:, file:) could run code or reach into
// the reader's machine from a published report, so its words stay and
// the link goes.
func SafeLink(link string) string {
	l := strings.ToLower(strings.TrimSpace(link))
	for _, ok := range []string{"https://", "http://", "mailto:", "#"} {
		if strings.HasPrefix(l, ok) && len(l) > len(ok) && !strings.ContainsAny(link, "\x00\n\r\t") {
			return strings.TrimSpace(link)
		}
	}
	return ""
}

// walkBlocks calls fn on every block, those in a Part too, in order.
func walkBlocks(blocks []Block, fn func(Block)) {
	for _, b := range blocks {
		fn(b)
		if pt, ok := b.(Part); ok {
			walkBlocks(pt.Blocks, fn)
		}
	}
}

// Plain is a paragraph of plain text.
func Plain(text string) Para { return Para{Runs: []Run{{Text: text}}} }

// Text is the plain text of runs.
func Text(runs []Run) string {
	s := ""
	for _, r := range runs {
		s += r.Text
	}
	return s
}
