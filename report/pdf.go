package report

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"
	"github.com/nest-nyth/nest/assessment"
	"github.com/nest-nyth/nest/internal/fonts"
	"github.com/nest-nyth/nest/internal/tagpdf"
	"github.com/nest-nyth/nest/internal/text"
)

// Page layout, in millimetres on A4, and type sizes in points.
const (
	pageW, pageH = 210.0, 297.0
	margin       = 22.0
	bottom       = 22.0 // the footer sits in it
	textW        = pageW - 2*margin
	font         = fonts.Family // Noto Sans, embedded: Welsh letters print and extract

	bodySize  = 12.0
	noteSize  = 10.0
	tableSize = 10.0
	lineH     = 6.0 // for 12 pt
)

// Colours: text nearly black; headings a dark blue; the levels' shades
// light enough for black text (the rating is always written too, so the
// colour only repeats it).
var (
	ink     = [3]int{11, 12, 12}
	heading = [3]int{22, 50, 92}
	muted   = [3]int{80, 80, 80}
	rule    = [3]int{190, 190, 190}
	barFill = [3]int{29, 112, 184}
	// linkColor is GOV.UK's link blue, 5.2:1 on white.
	linkColor = [3]int{29, 112, 184}
	// levelFill is the shade of a rating's cell: the first for "not rated",
	// then one a level; TestPaletteCoversLevels holds it to the catalogue.
	levelFill = [][3]int{{240, 240, 240}, {253, 224, 221}, {254, 240, 200}, {217, 240, 211}, {198, 219, 239}}
)

// Placed is where a block landed, for tests of the layout: the page and
// height of its first line, and the page of its last.
type Placed struct {
	Kind      string // heading, para, list, table, figure, excerpt
	Text      string // a heading's text
	Page, End int
	Y         float64
}

// WritePDF lays out a Doc as an A4 PDF, tagged: a structure tree gives its
// headings, paragraphs, lists, tables and figures to a screen reader in
// reading order, and marks the page footers as decoration. The same Doc
// gives the same bytes: the document's dates come from its published date
// (or date) and nothing else varies.
func WritePDF(w io.Writer, d *Doc, date string) error {
	_, err := layoutPDF(w, d, date, true)
	return err
}

// layoutPDF is WritePDF that also says where each block landed; untagged
// is for measuring what the tags cost.
func layoutPDF(w io.Writer, d *Doc, date string, tagged bool) ([]Placed, error) {
	when, err := time.Parse(time.DateOnly, date)
	if err != nil {
		return nil, errors.New(d.words.Say("cli.render.date", date))
	}
	d = printableDoc(d) // nothing the font cannot draw reaches fpdf
	p := &pdf{f: fpdf.New("P", "mm", "A4", ""), d: d, links: map[string]int{}, w: d.words, faces: map[string]bool{}}
	f := p.f
	f.SetCreationDate(when)
	f.SetModificationDate(when)
	f.SetCatalogSort(true)
	title := d.Title
	if d.Second != nil {
		title += " / " + d.Second.Title
	}
	p.tag = tagpdf.New(f, tagpdf.Options{Title: title, Lang: d.Lang, Disabled: !tagged})
	f.SetAuthor(d.Front.Publisher, true)
	f.SetSubject(d.Front.Description, true)
	f.SetCreator("nest", true)
	f.SetMargins(margin, margin, margin)
	f.SetAutoPageBreak(false, bottom) // every break is nest's own
	f.AliasNbPages("{nb}")
	p.tag.SetFooterFunc(p.footer)
	walkBlocks(d.Blocks, func(b Block) {
		if h, ok := b.(Heading); ok {
			p.links[h.ID] = f.AddLink()
		}
	})

	p.titlePage()
	p.blocks(d.Blocks)
	p.fillContents()
	if f.Err() {
		return nil, fmt.Errorf("%s: %w", d.words.Say("cli.render.pdf"), f.Error())
	}
	var buf bytes.Buffer
	if err := p.tag.Output(&buf); err != nil {
		return nil, fmt.Errorf("%s: %w", d.words.Say("cli.render.pdf"), err)
	}
	_, err = w.Write(buf.Bytes())
	return p.placed, err
}

type pdf struct {
	f      *fpdf.Fpdf
	tag    *tagpdf.Tagger
	d      *Doc
	links  map[string]int // heading id -> fpdf link
	placed []Placed
	// The contents page: where it starts, how many pages it has, and
	// the headings it lists with the page each landed on.
	contentsPage, contentsPages int
	contents                    []tocEntry
	toc                         tagpdf.Elem // where the entries go in the structure
	tables                      int
	w                           *assessment.Words // the words of the language being laid out
	inPart                      bool              // laying out a Part, in the second language
	rest                        []Block           // the blocks after the one being laid out, for a heading to keep with
	faces                       map[string]bool   // the faces added to the document, by style
}

type tocEntry struct {
	level    int
	text, id string
	page     int
}

// font sets the font, unless it is set already: fpdf writes each
// SetFont into the page, and flow sets one a word.
func (p *pdf) font(style string, size float64) {
	if style == "IB" {
		style = "BI"
	}
	if pt, _ := p.f.GetFontSize(); pt == size && p.f.GetFontStyle() == style && p.f.GetFontFamily() == fontKey {
		return
	}
	// A face is added when first used: reading one, and writing the part
	// of it a report uses, is a fifth of the time of a short report, and
	// many reports have no bold italic.
	if !p.faces[style] {
		p.f.AddUTF8FontFromBytes(font, style, faces[style])
		p.faces[style] = true
	}
	p.f.SetFont(font, style, size)
}

// faces are the font's faces by fpdf's style.
var faces = map[string][]byte{"": fonts.Regular, "B": fonts.Bold, "I": fonts.Italic, "BI": fonts.BoldItalic}

// fontKey is the font's family as fpdf keeps it.
var fontKey = strings.ToLower(font)

func (p *pdf) color(c [3]int) { p.f.SetTextColor(c[0], c[1], c[2]) }

// room is the height left on the page.
func (p *pdf) room() float64 { return pageH - bottom - p.f.GetY() }

// need starts a new page unless h mm are left, or the page has nothing
// on it yet: a new page would have no more room.
func (p *pdf) need(h float64) {
	if p.room() < h && p.f.GetY() > margin+1 {
		p.f.AddPage()
	}
}

func (p *pdf) place(kind, text string, start int, y float64) {
	p.placed = append(p.placed, Placed{Kind: kind, Text: text, Page: start, Y: y, End: p.f.PageNo()})
}

func (p *pdf) footer() {
	f := p.f
	if f.PageNo() == 1 {
		return
	}
	p.font("", 9)
	p.color(muted)
	// A bilingual report's footer is in both languages, one line each.
	lines := []struct {
		title string
		w     *assessment.Words
	}{{p.d.Title, p.d.words}}
	y := pageH - bottom + 8
	if s := p.d.Second; s != nil {
		lines = append(lines, struct {
			title string
			w     *assessment.Words
		}{s.Title, s.words})
		y -= 2
	}
	for i, l := range lines {
		f.SetXY(margin, y+4*float64(i))
		title := l.title
		if p.d.Edition == Internal { // a page printed alone is never taken for the public edition
			title = l.w.Say("pdf.footer.internal", title)
		}
		f.CellFormat(textW*0.75, 4, title, "", 0, "L", false, 0, "")
		f.CellFormat(textW*0.25, 4, l.w.Say("pdf.page", f.PageNo(), "{nb}"), "", 0, "R", false, 0, "")
	}
	p.color(ink)
}

// titlePage draws the cover: who publishes it, what kind of document,
// the title (the document's only first-level heading), the subtitle and
// the particulars.
func (p *pdf) titlePage() {
	f, d := p.f, p.d
	f.AddPage()
	p.color(heading)
	// A publisher named in both languages is written as Welsh Government
	// writes its name, Welsh first: "Llywodraeth Cymru / Welsh Government".
	names := strings.Split(d.Front.Publisher, " / ")
	for i, line := range names {
		var lang tagpdf.Attrs
		if len(names) == 2 && !strings.HasPrefix(d.Lang, []string{"cy", "en"}[i]) {
			lang.Lang = []string{"cy", "en-GB"}[i]
		}
		p.tagged("P", func() { p.flow(p.runs(line), margin, textW, 6, "B", 12) }, lang)
	}
	f.Ln(4)
	p.color(muted)
	kind := p.runs(strings.ToUpper(d.Front.Type))
	if s := d.Second; s != nil && s.Type != "" {
		kind = append(kind, Run{Text: " / "}, Run{Text: strings.ToUpper(s.Type), Lang: s.Lang})
	}
	p.tagged("P", func() { p.flow(kind, margin, textW, 6, "", 11) })
	f.SetY(80)
	p.color(heading)
	// A bilingual report's title is one heading in both languages, each
	// as large as the other; so are its subtitles and particulars.
	title, size, lh := p.runs(d.Title), 26.0, 12.0
	if s := d.Second; s != nil {
		f.SetY(62)
		title = []Run{{Text: d.Title + "\n"}, {Text: s.Title, Lang: s.Lang}}
		size, lh = 22, 10
	}
	p.tagged("H1", func() { p.flow(title, margin, textW, lh, "B", size) })
	f.Ln(4)
	p.color(ink)
	sub, sublh := 15.0, 8.0
	if d.Second != nil {
		sub, sublh = 14, 7
	}
	p.tagged("P", func() { p.flow(p.runs(d.Subtitle), margin, textW, sublh, "", sub) })
	if s := d.Second; s != nil {
		f.Ln(2)
		p.tagged("P", func() { p.flow(p.runs(s.Subtitle), margin, textW, sublh, "", sub) }, tagpdf.Attrs{Lang: s.Lang})
	}
	f.SetY(max(190, f.GetY()+10))
	for _, l := range d.Front.Lines {
		p.tagged("P", func() { p.flow(p.runs(l), margin, textW, lineH, "", bodySize) })
		f.Ln(1)
	}
	if s := d.Second; s != nil {
		f.Ln(2)
		for _, l := range s.Lines {
			p.tagged("P", func() { p.flow(p.runs(l), margin, textW, lineH, "", bodySize) }, tagpdf.Attrs{Lang: s.Lang})
			f.Ln(1)
		}
	}
}

func (p *pdf) runs(s string) []Run { return []Run{{Text: s}} }

// tagged lays out what fn draws as one element of the structure tree.
func (p *pdf) tagged(role string, fn func(), attrs ...tagpdf.Attrs) {
	p.tag.Begin(role, attrs...)
	fn()
	p.tag.End()
}

// decoration draws what fn draws as an artifact: rules, shading, bars
// behind text, nothing a reader needs read out.
func (p *pdf) decoration(fn func()) { p.tag.Artifact(fn) }

// blocks lays out blocks in order, each knowing what follows it.
func (p *pdf) blocks(bs []Block) {
	for i, b := range bs {
		p.rest = bs[i+1:]
		p.block(b)
	}
	p.rest = nil
}

func (p *pdf) block(b Block) {
	f := p.f
	switch b := b.(type) {
	case Contents:
		p.contentsBlock(b)
	case PageBreak:
		f.AddPage()
	case Heading:
		p.heading(b)
	case Para:
		size, style := bodySize, ""
		if b.Style == Note {
			size = noteSize
		}
		p.need(p.lead([]Block{b}))
		start, y := f.PageNo(), f.GetY()
		p.color(ink)
		if b.Style == Note {
			p.color(muted)
		}
		p.tagged("P", func() { p.flow(b.Runs, margin, textW, size*0.5, style, size) })
		p.color(ink)
		f.Ln(2.5)
		p.place("para", "", start, y)
	case List:
		start, y := f.PageNo(), f.GetY()
		numbering := "Disc"
		if b.Ordered {
			numbering = "Decimal"
		}
		p.tag.Begin("L", tagpdf.Attrs{ListNumbering: numbering})
		for i, item := range b.Items {
			p.need(lineH * 2)
			p.tag.Begin("LI")
			p.tagged("Lbl", func() {
				p.font("", bodySize)
				mark := "•"
				if b.Ordered {
					mark = fmt.Sprintf("%d.", i+1)
				}
				f.SetXY(margin+2, f.GetY())
				f.CellFormat(6, lineH, mark+" ", "", 0, "L", false, 0, "")
			})
			p.tagged("LBody", func() { p.flow(item, margin+8, textW-8, lineH, "", bodySize) })
			p.tag.End()
			f.Ln(1)
		}
		p.tag.End()
		f.Ln(2)
		p.place("list", "", start, y)
	case Excerpt:
		p.excerpt(b)
	case Table:
		p.table(b)
	case Figure:
		p.figure(b)
	case Part:
		p.part(b)
	}
}

// headingSize is a heading's type size, the space above it and how much
// of what follows it must fit below it on its page.
func headingSize(level int) (size, space, keep float64) {
	switch level {
	case 2:
		return 15, 5, 32
	case 3:
		return 12.5, 3, 24
	}
	return 20, 8, 40
}

// headingText is a heading as drawn: in both languages in a bilingual Doc.
func (p *pdf) headingText(h Heading) (string, []Run) {
	if h.Other != "" && p.d.Second != nil { // both languages, the same size
		return h.Text + " / " + h.Other, []Run{{Text: h.Text + " / "}, {Text: h.Other, Lang: p.d.Second.Lang}}
	}
	return h.Text, p.runs(h.Text)
}

// headingNeeds is the height of a heading's lines, and what they need
// below them: at least keep, and what the blocks after it (rest) need to
// start on the same page, so that a heading is never left at the foot of
// a page by a heading, a rule and a Part, a table or a figure that will
// not fit under it.
func (p *pdf) headingNeeds(h Heading, rest []Block) (lines, below float64) {
	size, _, keep := headingSize(h.Level)
	text, _ := p.headingText(h)
	p.font("B", size)
	lines = float64(len(p.wrap(text, textW))) * size * 0.5
	return lines, max(keep, 2.5+p.lead(rest))
}

// lead is the height the first of blocks needs on its page to start
// there, as its own layout asks for it: a paragraph's or a list's first
// lines, an excerpt's lead-in and first lines, a table's caption, header
// and first row (a short table whole), a figure whole; a heading its lines
// and what it keeps with; a Part its rule and its first block.
func (p *pdf) lead(blocks []Block) float64 {
	if len(blocks) == 0 {
		return 0
	}
	switch b := blocks[0].(type) {
	case Heading:
		_, space, _ := headingSize(b.Level)
		lines, below := p.headingNeeds(b, blocks[1:])
		return space + lines + below
	case Para:
		if b.Style == Label || b.Style == Lead {
			return lineH * 5 // with the first lines of what it leads into
		}
		return lineH * 2
	case List:
		return lineH * 2
	case Excerpt:
		return p.excerptNeed(b)
	case Table:
		whole, first := p.tableNeeds(b)
		if whole < 100 {
			return whole
		}
		return first
	case Figure:
		return p.figureNeed(b)
	case Part:
		return p.partNeed(b)
	}
	return 0
}

// heading draws a heading, kept with the first lines of what follows: a
// heading never ends a page.
func (p *pdf) heading(h Heading) {
	f := p.f
	size, space, _ := headingSize(h.Level)
	rest := p.rest
	if f.GetY() > margin+1 {
		f.Ln(space)
	}
	text, runs := p.headingText(h)
	lines, below := p.headingNeeds(h, rest)
	p.need(lines + below)
	start, y := f.PageNo(), f.GetY()
	f.SetLink(p.links[h.ID], y, start)
	f.Bookmark(text, h.Level-1, y)
	p.color(heading)
	// The title is the only H1; the Doc's headings sit one level below.
	p.tagged("H"+strconv.Itoa(h.Level+1), func() { p.flow(runs, margin, textW, size*0.5, "B", size) })
	p.color(ink)
	f.Ln(2.5)
	if p.listed(h) {
		p.contents = append(p.contents, tocEntry{level: h.Level, text: text, id: h.ID, page: start})
	}
	p.place("heading", h.Text, start, y)
}

// listed says whether the contents list a heading: the sections and their
// parts; in a bilingual report the sections only, each in both languages.
func (p *pdf) listed(h Heading) bool {
	return h.Level == 1 || h.Level == 2 && p.d.Second == nil && !p.inPart
}

// part lays out blocks in the Doc's second language, marked as such, in
// that language's own words ("Figure", not "Ffigur").
func (p *pdf) part(pt Part) {
	saved := p.w
	if p.d.Second != nil {
		p.w = p.d.Second.words
	}
	p.inPart = true
	// A rule sets the second language apart from the first, on the page
	// where the Part starts.
	p.need(p.partNeed(pt))
	f := p.f
	start, y := f.PageNo(), f.GetY()
	p.decoration(func() {
		f.SetDrawColor(rule[0], rule[1], rule[2])
		f.SetLineWidth(0.4)
		f.Line(margin, f.GetY()+2, margin+textW, f.GetY()+2)
	})
	f.Ln(6)
	p.place("part", pt.Lang, start, y)
	p.tag.Begin("Div", tagpdf.Attrs{Lang: pt.Lang})
	p.blocks(pt.Blocks)
	p.tag.End()
	p.inPart = false
	p.w = saved
}

// partNeed is what a Part needs to start on a page: its rule, and the
// start of its first block.
func (p *pdf) partNeed(pt Part) float64 {
	saved := p.w
	if p.d.Second != nil {
		p.w = p.d.Second.words
	}
	defer func() { p.w = saved }()
	return max(lineH*3, 6+p.lead(pt.Blocks))
}

// excerpt draws words from a submission: its lead-in, then the words, set
// in from the margin with a rule beside them. The words are upright, not
// italic: plain-English publishing guidance (GOV.UK's among it) keeps
// italics out of body text, as harder to read, and a quotation is marked
// by its lead-in, its indent and its rule. A report then needs no italic
// face unless the analysts' own text asks for emphasis, and each face is
// a tenth of the time a short report takes to make.
func (p *pdf) excerpt(e Excerpt) {
	f := p.f
	p.need(p.excerptNeed(e))
	start, y := f.PageNo(), f.GetY()
	lead := []Run{{Text: e.Lead}}
	if e.ID != "" {
		lead = append(lead, Run{Text: "  [" + e.ID + "]"})
	}
	p.color(ink)
	p.tagged("P", func() { p.flow(lead, margin, textW, lineH, "", bodySize) })
	top, page := f.GetY()+0.5, f.PageNo()
	p.tagged("BlockQuote", func() {
		p.flow([]Run{{Text: e.Text}}, margin+8, textW-10, lineH, "", bodySize)
	}, tagpdf.Attrs{Lang: e.Lang})
	if f.PageNo() == page {
		p.decoration(func() {
			f.SetDrawColor(barFill[0], barFill[1], barFill[2])
			f.SetLineWidth(0.8)
			f.Line(margin+3, top, margin+3, f.GetY()-0.5)
		})
	}
	f.Ln(3)
	p.place("excerpt", "", start, y)
}

// excerptNeed is the lead-in (two lines in the internal edition, with
// the words' id) and up to three lines of an excerpt's words: the lead-in
// never stands alone at the foot of a page.
func (p *pdf) excerptNeed(e Excerpt) float64 {
	lead := e.Lead
	if e.ID != "" {
		lead += "  [" + e.ID + "]"
	}
	leadLines := len(p.wrapStyled(lead, textW, "", bodySize))
	first := min(len(p.wrapStyled(e.Text, textW-10, "", bodySize)), 3)
	return lineH*float64(first+leadLines) + 4
}

// flow lays out runs of text in lines no wider than w from x, breaking at
// spaces, with links where runs have them. Each line is drawn whole, and a
// line broken at a space ends with that space drawn, so the text reads
// back with its words apart. A run with a link is a Link element, one in
// another language a Span with its Lang, however many lines it takes.
func (p *pdf) flow(runs []Run, x, w, lh float64, baseStyle string, size float64) {
	f := p.f
	type word struct {
		text  string
		style string
		link  string
		run   int  // which run it is from
		space bool // a space follows it
	}
	var words []word
	for ri, r := range runs {
		style := baseStyle
		if r.Bold && !strings.Contains(style, "B") {
			style += "B"
		}
		if r.Italic && !strings.Contains(style, "I") {
			style += "I"
		}
		if strings.HasPrefix(r.Text, " ") && len(words) > 0 {
			words[len(words)-1].space = true // the space between two runs
		}
		for pi, para := range strings.Split(r.Text, "\n") {
			if pi > 0 {
				words = append(words, word{text: "\n"})
			}
			fields := strings.Fields(para)
			for i, wd := range fields {
				sp := i < len(fields)-1 || strings.HasSuffix(para, " ")
				words = append(words, word{text: wd, style: style, link: r.Link, run: ri, space: sp})
			}
			if len(fields) == 0 && strings.Contains(para, " ") && len(words) > 0 {
				words[len(words)-1].space = true
			}
		}
	}
	width := func(wd word) float64 {
		p.font(wd.style, size)
		return f.GetStringWidth(wd.text)
	}
	// A word wider than the line (a web address, a long name) is cut
	// into pieces that fit, the space after it kept for the last.
	for i := 0; i < len(words); i++ {
		wd := words[i]
		if wd.text == "\n" || width(wd) <= w {
			continue
		}
		pieces := text.Break(wd.text, w, f.GetStringWidth)
		cut := make([]word, len(pieces))
		for k, pc := range pieces {
			cut[k] = wd
			cut[k].text, cut[k].space = pc, k == len(pieces)-1 && wd.space
		}
		words = slices.Replace(words, i, i+1, cut...)
		i += len(cut) - 1
	}
	space := func(style string) float64 {
		p.font(style, size)
		return f.GetStringWidth(" ")
	}
	// The element a run of words is wrapped in, if any: a link (to a
	// heading of the Doc, or a web address) or words in another language.
	open := -1
	wrap := func(ri int) {
		if ri >= 0 && open >= 0 && runs[ri].Link == runs[open].Link && runs[ri].Lang == runs[open].Lang {
			return
		}
		if open >= 0 {
			p.tag.End()
			open = -1
		}
		if ri < 0 || (runs[ri].Link == "" && runs[ri].Lang == "") {
			return
		}
		role := "Span"
		if p.linkable(runs[ri].Link) {
			role = "Link"
		}
		p.tag.Begin(role, tagpdf.Attrs{Lang: runs[ri].Lang})
		open = ri
	}
	y := f.GetY()
	draw := func(line []word, broken bool) {
		// The words of one run on the line are drawn together: a cell
		// for each word made the pages five times as long to write,
		// compress and read.
		cx := x
		for i := 0; i < len(line); {
			j := i + 1
			for j < len(line) && line[j].run == line[i].run {
				j++
			}
			wd := line[i]
			wrap(wd.run)
			p.font(wd.style, size)
			var b strings.Builder
			for k, w := range line[i:j] {
				b.WriteString(w.text)
				if w.space && (i+k < len(line)-1 || broken) {
					b.WriteByte(' ')
				}
			}
			t := b.String()
			tw := f.GetStringWidth(t)
			linked := p.linkable(wd.link)
			var was [3]int
			if linked { // a link looks like one: blue and underlined, as on GOV.WALES
				was[0], was[1], was[2] = f.GetTextColor()
				p.color(linkColor)
			}
			f.SetXY(cx, y)
			f.CellFormat(tw, lh, t, "", 0, "L", false, 0, "")
			if linked {
				p.color(was)
				// The underline is drawn in the link's own marked content:
				// an artifact here would split the link's content in two.
				uw := f.GetStringWidth(strings.TrimRight(t, " "))
				base := y + lh/2 + size*0.3528*0.36 // the baseline of text centred in the line
				x0 := cx + f.GetCellMargin()        // where the cell's text starts
				f.SetDrawColor(linkColor[0], linkColor[1], linkColor[2])
				f.SetLineWidth(size * 0.3528 * 0.06)
				f.Line(x0, base+0.55, x0+uw, base+0.55)
				p.link(cx, y, tw, lh, wd.link, runs[wd.run].Text)
			}
			cx += tw
			i = j
		}
		y += lh
	}
	// The lines first, then where the pages break among them.
	type flowLine struct {
		words  []word
		broken bool // ended by a break, not by the end of the text
	}
	var lines []flowLine
	var line []word
	lineW := 0.0
	end := func(broken bool) {
		lines = append(lines, flowLine{line, broken})
		line, lineW = nil, 0
	}
	for _, wd := range words {
		if wd.text == "\n" { // a line break: its space is drawn, so the words read apart
			if len(line) > 0 {
				line[len(line)-1].space = true
			}
			end(true)
			continue
		}
		ww := width(wd)
		add := ww
		if len(line) > 0 && line[len(line)-1].space {
			add += space(line[len(line)-1].style)
		}
		if len(line) > 0 && lineW+add > w {
			end(true)
			add = ww
		}
		line = append(line, wd)
		lineW += add
	}
	if len(line) > 0 {
		end(false)
	}
	// A page breaks where a line does not fit, and also before a
	// paragraph's first line would stand alone at the foot of a page, or
	// its last line alone at the top of the next (a three-line paragraph
	// that would split so goes whole).
	limit := pageH - bottom
	for k, ln := range lines {
		left := len(lines) - k
		fits := func(n int) bool { return y+float64(n)*lh <= limit }
		if !fits(1) ||
			(k == 0 && y > margin+1 && ((left >= 2 && !fits(2)) || (left == 3 && !fits(3)))) ||
			(k >= 2 && left == 2 && !fits(2)) {
			f.AddPage()
			y = f.GetY()
		}
		draw(ln.words, ln.broken)
	}
	wrap(-1)
	f.SetXY(margin, y)
}

// linkable says whether a run's link leads somewhere: a web address, or
// a heading the Doc has.
func (p *pdf) linkable(link string) bool {
	if id, ok := strings.CutPrefix(link, "#"); ok {
		_, found := p.links[id]
		return found
	}
	return link != ""
}

// link makes the rectangle a link to a heading of the Doc (#id) or a web
// address; what it says is the link's description for assistive tools.
func (p *pdf) link(x, y, w, h float64, link, says string) {
	if id, ok := strings.CutPrefix(link, "#"); ok {
		p.tag.Link(x, y, w, h, p.links[id], "", says)
		return
	}
	p.tag.Link(x, y, w, h, 0, link, says)
}

// wrap breaks text into lines that fit width in the current font.
func (p *pdf) wrap(s string, width float64) []string {
	lines, _ := p.wrapJoined(s, width)
	return lines
}

// wrapJoined breaks s into lines no wider than width: at spaces, and a
// word wider than width (a web address, a long name) where text.Break
// cuts it, so that nothing runs past its column or the margin. joined
// says which lines end inside a word, and so take no space after them.
func (p *pdf) wrapJoined(s string, width float64) (lines []string, joined []bool) {
	for _, l := range text.Wrap(s, width, p.f.GetStringWidth) {
		if p.f.GetStringWidth(l) <= width { // a word too wide stands alone
			lines, joined = append(lines, l), append(joined, false)
			continue
		}
		pieces := text.Break(l, width, p.f.GetStringWidth)
		for i, pc := range pieces {
			lines, joined = append(lines, pc), append(joined, i < len(pieces)-1)
		}
	}
	if len(lines) == 0 {
		return []string{""}, []bool{false}
	}
	return lines, joined
}

func (p *pdf) wrapStyled(s string, width float64, style string, size float64) []string {
	p.font(style, size)
	return p.wrap(s, width)
}

// contentsBlock reserves the contents page(s); fillContents writes them
// once every heading's page is known.
func (p *pdf) contentsBlock(c Contents) {
	f := p.f
	entries := 0
	for _, b := range p.d.Blocks {
		if h, ok := b.(Heading); ok && p.listed(h) {
			entries++
		}
	}
	f.AddPage()
	p.contentsPage = f.PageNo()
	const perPage = 31 // lines of 7.5 mm below the heading
	p.contentsPages = max(1, (entries+perPage-1)/perPage)
	p.rest = nil // its entries follow, filled in at the end
	p.heading(Heading{Level: 1, Text: c.Title, Other: c.Other, ID: "contents"})
	p.placed[len(p.placed)-1].Kind = "contents" // its entries come when every page is known
	p.tag.Begin("TOC")
	p.toc = p.tag.Current()
	p.tag.End()
	for i := 1; i < p.contentsPages; i++ {
		f.AddPage()
	}
}

func (p *pdf) fillContents() {
	if p.contentsPage == 0 {
		return
	}
	f := p.f
	last := f.PageNo()
	page := p.contentsPage
	f.SetPage(page)
	y := margin + 20
	// A TOCI a section, holding a TOC of the section's own entries.
	section, nested := false, false
	p.tag.Within(p.toc, func() {
		for _, e := range p.contents {
			if e.id == "contents" {
				continue
			}
			if y+7.5 > pageH-bottom {
				page++
				f.SetPage(page)
				y = margin
			}
			indent, style := 0.0, "B"
			if e.level == 2 {
				indent, style = 8, ""
			}
			own := e.level > 1 && section // an entry in its section's TOC
			if !own {
				if nested {
					p.tag.End()
					nested = false
				}
				if section {
					p.tag.End()
				}
				section = e.level == 1
			} else if !nested {
				p.tag.Begin("TOC")
				nested = true
			}
			p.tag.Begin("TOCI")
			p.tag.Begin("Reference") // what a TOCI may hold; the link inside it
			p.tagged("Link", func() {
				p.font(style, 11.5)
				p.color(ink)
				f.SetXY(margin+indent, y)
				f.CellFormat(textW-indent-15, 7.5, e.text+" ", "", 0, "L", false, 0, "")
				f.CellFormat(15, 7.5, strconv.Itoa(e.page), "", 0, "R", false, 0, "")
				p.tag.Link(margin+indent, y, textW-indent, 7.5, p.links[e.id], "", p.d.words.Say("pdf.go.to", e.text, e.page))
			})
			p.tag.End()
			if !section || own {
				p.tag.End()
			}
			y += 7.5
		}
		if nested {
			p.tag.End()
		}
		if section {
			p.tag.End()
		}
	})
	f.SetPage(last)
}

// tableWidths are the widths of a table's columns, in mm: in proportion
// to t.Widths, but each wide enough for the longest word of its head and
// its cells, set in bold, the width taken from the columns with room to
// spare in proportion to their spare room. (A word wider than its column
// would run into the next: "Co-production" over "Expertise".) When the
// words cannot all fit, the proportions stand.
func (p *pdf) tableWidths(t Table) []float64 {
	widths := make([]float64, len(t.Head))
	total := 0.0
	for i := range t.Head {
		if i < len(t.Widths) {
			widths[i] = t.Widths[i]
		} else {
			widths[i] = 1
		}
		total += widths[i]
	}
	for i := range widths {
		widths[i] *= textW / total
	}
	p.font("B", tableSize)
	need := make([]float64, len(widths))
	fit := func(i int, s string) { // a word wider than two fifths of the page is cut, not given room
		for w := range strings.FieldsSeq(s) {
			need[i] = max(need[i], min(p.f.GetStringWidth(w)+2*tablePad+0.5, textW*2/5))
		}
	}
	for i, h := range t.Head {
		fit(i, h)
	}
	for _, row := range t.Rows {
		for i, c := range row {
			if i < len(need) {
				fit(i, c.Text)
			}
		}
	}
	short, spare := 0.0, 0.0
	for i, w := range widths {
		short += max(0, need[i]-w)
		spare += max(0, w-need[i])
	}
	if short == 0 || spare < short {
		return widths
	}
	for i, w := range widths {
		if need[i] >= w {
			widths[i] = need[i]
		} else {
			widths[i] = w - (w-need[i])*short/spare
		}
	}
	return widths
}

// tablePad is the space inside a table's cells, in mm.
const tablePad = 1.6

// tableRowH is the height of a row of a table in the style given.
func (p *pdf) tableRowH(widths []float64, cells []Cell, style string) float64 {
	h := 0.0
	for i, c := range cells {
		n := len(p.wrapStyled(c.Text, widths[i]-2*tablePad, style, tableSize))
		h = max(h, float64(n)*5+2*tablePad-1)
	}
	return h
}

// tableNeeds is the height of a table whole (at least 100 mm for any
// longer), and of its start: the caption, the header row and the first
// row, which a page must hold.
func (p *pdf) tableNeeds(t Table) (whole, first float64) {
	widths := p.tableWidths(t)
	heads := make([]Cell, len(t.Head))
	for i, h := range t.Head {
		heads[i] = Cell{Text: h}
	}
	p.font("B", 11)
	caption := float64(len(p.wrap(t.Caption, textW)))*5.5 + p.tableRowH(widths, heads, "B") + 2
	// Whole is measured only as far as a short table's 100 mm: a longer
	// one runs on over pages, and its thousands of rows need not be
	// measured twice.
	whole = caption
	for _, row := range t.Rows {
		if whole >= 100 {
			break
		}
		whole += p.tableRowH(widths, row, "")
	}
	for _, row := range t.Foot {
		if whole >= 100 {
			break
		}
		whole += p.tableRowH(widths, row, "B")
	}
	first = caption
	if len(t.Rows) > 0 {
		first += p.tableRowH(widths, t.Rows[0], "")
	}
	return whole, first
}

// table draws a table with its caption, a header row repeated on every
// page it runs onto, and summary rows at the foot.
func (p *pdf) table(t Table) {
	f := p.f
	p.tables++
	widths := p.tableWidths(t)
	const pad = tablePad
	rowH := func(cells []Cell, style string) float64 { return p.tableRowH(widths, cells, style) }
	// drawRow draws a row as a TR of the structure; a header row drawn
	// again at the top of a page is only decoration, read once.
	const (
		body  = iota
		head  // the header row
		again // the header row at the top of a later page
	)
	drawRow := func(cells []Cell, style string, fill [3]int, filled bool, kind int) {
		h := rowH(cells, style)
		y := f.GetY()
		x := margin
		// The shading and the rule below, one artifact a row.
		p.decoration(func() {
			cx := x
			for i, c := range cells {
				if c.Level > 0 && c.Level < len(levelFill) {
					fc := levelFill[c.Level]
					f.SetFillColor(fc[0], fc[1], fc[2])
					f.Rect(cx, y, widths[i], h, "F")
				} else if filled {
					f.SetFillColor(fill[0], fill[1], fill[2])
					f.Rect(cx, y, widths[i], h, "F")
				}
				cx += widths[i]
			}
			f.SetDrawColor(rule[0], rule[1], rule[2])
			f.SetLineWidth(0.2)
			f.Line(margin, y+h, margin+textW, y+h)
		})
		if kind != again {
			p.tag.Begin("TR")
		}
		for i, c := range cells {
			st := style
			if i == 0 && t.RowHeads && style == "" {
				st = "B"
			}
			align := "L"
			if c.Numeric {
				align = "C"
			}
			p.font(st, tableSize)
			lines, joined := p.wrapJoined(c.Text, widths[i]-2*pad)
			cell := func() {
				for j, l := range lines {
					if j < len(lines)-1 && !joined[j] {
						l += " " // so the words of the lines read apart
					}
					f.SetXY(x+pad, y+pad+float64(j)*5)
					f.CellFormat(widths[i]-2*pad, 5, l, "", 0, align, false, 0, "")
				}
			}
			switch {
			case kind == again:
				p.decoration(cell)
			case kind == head:
				p.tagged("TH", cell, tagpdf.Attrs{Scope: "Column"})
			case i == 0 && t.RowHeads:
				p.tagged("TH", cell, tagpdf.Attrs{Scope: "Row"})
			default:
				p.tagged("TD", cell)
			}
			x += widths[i]
		}
		if kind != again {
			p.tag.End()
		}
		f.SetXY(margin, y+h)
	}
	heads := make([]Cell, len(t.Head))
	for i, h := range t.Head {
		heads[i] = Cell{Text: h}
	}
	header := func(kind int) { drawRow(heads, "B", [3]int{228, 234, 242}, true, kind) }
	whole, first := p.tableNeeds(t)
	if whole < 100 {
		p.need(whole) // a short table stays whole
	}
	p.need(first)
	start, y := f.PageNo(), f.GetY()
	p.color(ink)
	p.tag.Begin("Table")
	if t.Caption != "" {
		p.tagged("Caption", func() { p.flow([]Run{{Text: t.Caption, Bold: true}}, margin, textW, 5.5, "", 11) })
		f.Ln(1)
	}
	p.tagged("THead", func() { header(head) })
	p.tag.Begin("TBody")
	for _, row := range t.Rows {
		if h := rowH(row, ""); p.room() < h {
			f.AddPage()
			header(again)
		}
		drawRow(row, "", [3]int{}, false, body)
	}
	p.tag.End()
	if len(t.Foot) > 0 {
		p.tag.Begin("TFoot")
		for _, row := range t.Foot {
			if h := rowH(row, "B"); p.room() < h {
				f.AddPage()
				header(again)
			}
			drawRow(row, "B", [3]int{242, 242, 242}, true, body)
		}
		p.tag.End()
	}
	p.tag.End()
	f.Ln(5)
	p.place("table", t.Caption, start, y)
}

// figure draws a bar chart on the NEST journey scale, with its number,
// title, source and the sentence that says what it shows. Grid lines are
// drawn first and each value on a white ground, so no line strikes
// through a label.
func (p *pdf) figure(fig Figure) {
	f := p.f
	c := fig.Chart
	labelW := 58.0
	barX := margin + labelW
	barW := textW - labelW - 14
	steps := float64(c.Max - c.Min)
	unit := barW / steps
	rowH := figureRowH
	chartH := rowH*float64(len(c.Labels)) + 4
	p.need(p.figureNeed(fig))
	start, y := f.PageNo(), f.GetY()
	p.color(ink)
	p.tagged("P", func() {
		p.flow([]Run{{Text: fmt.Sprintf("%s %d: %s", p.figureWord(), fig.Number, fig.Title), Bold: true}}, margin, textW, 5.5, "", 11)
	})
	top := f.GetY() + 2
	// The points of the scale, named below it, each name in the width
	// between points (over two lines where it needs them).
	type tick struct {
		x, w  float64
		names []string
	}
	ticks := make([]tick, len(c.Ticks))
	p.font("", 9)
	nameLines := 1
	for i, t := range c.Ticks {
		x := barX + float64(t.Value-c.Min)*unit
		w := min(unit, 2*(pageW-margin-x)) - 1
		if t.Value == c.Min {
			w = min(unit, 2*(x-margin)) - 1
		}
		ticks[i] = tick{x, w, p.wrap(t.Name, w)}
		nameLines = max(nameLines, len(ticks[i].names))
	}
	sy := top + chartH + 1
	bottomY := sy + 6 + float64(nameLines)*3.8
	// The chart is one Figure whose Alt says what it shows, with every
	// figure in it.
	p.tagged("Figure", func() {
		// The scale: grid lines at each point of it.
		f.SetDrawColor(rule[0], rule[1], rule[2])
		f.SetLineWidth(0.25)
		for _, t := range ticks {
			f.Line(t.x, top, t.x, top+chartH)
		}
		f.SetDrawColor(muted[0], muted[1], muted[2])
		f.Line(barX, top, barX, top+chartH)
		for i, label := range c.Labels {
			ry := top + 2 + float64(i)*rowH
			p.font("", noteSize)
			p.color(ink)
			lines := p.wrap(label, labelW-3)
			lh := 4.2
			ly := ry + (rowH-2-float64(len(lines))*lh)/2
			for j, l := range lines {
				f.SetXY(margin, ly+float64(j)*lh)
				f.CellFormat(labelW-3, lh, l, "", 0, "R", false, 0, "")
			}
			v := c.Values[i]
			if v == nil {
				f.SetXY(barX+2, ry)
				f.SetFillColor(255, 255, 255)
				f.CellFormat(f.GetStringWidth(c.Empty)+2, rowH-2, c.Empty, "", 0, "L", true, 0, "")
				continue
			}
			bw := (float64(*v)/10 - float64(c.Min)) * unit
			f.SetFillColor(barFill[0], barFill[1], barFill[2])
			f.Rect(barX, ry+1, bw, rowH-4, "F")
			p.font("B", noteSize)
			txt := v.String()
			tw := f.GetStringWidth(txt) + 2
			f.SetFillColor(255, 255, 255)
			f.SetXY(barX+bw+1, ry+0.8)
			f.CellFormat(tw, rowH-3.6, txt, "", 0, "C", true, 0, "")
		}
		p.font("", 9)
		p.color(ink)
		for i, t := range ticks {
			f.SetXY(t.x-t.w/2, sy)
			f.CellFormat(t.w, 4, c.Ticks[i].Label, "", 0, "C", false, 0, "")
			for j, l := range t.names {
				f.SetXY(t.x-t.w/2, sy+4+float64(j)*3.8)
				f.CellFormat(t.w, 3.8, l, "", 0, "C", false, 0, "")
			}
		}
	}, tagpdf.Attrs{Alt: fig.Alt, BBox: &[4]float64{margin, top, textW, bottomY - top}})
	f.SetXY(margin, bottomY)
	p.color(muted)
	p.tagged("P", func() { p.flow([]Run{{Text: fig.Source}}, margin, textW, 4.8, "", 9) })
	f.Ln(1)
	p.color(ink)
	p.tagged("P", func() { p.flow([]Run{{Text: fig.Alt}}, margin, textW, 5, "", noteSize) })
	f.Ln(4)
	p.place("figure", fig.Title, start, y)
}

// figureRowH is the height of a bar of a chart, in mm.
const figureRowH = 9.0

// figureNeed is the height of a figure whole, which stays on one page.
func (p *pdf) figureNeed(fig Figure) float64 {
	chartH := figureRowH*float64(len(fig.Chart.Labels)) + 4
	p.font("", noteSize)
	altLines := len(p.wrap(fig.Alt, textW))
	return 12 + chartH + 16 + float64(altLines)*5 + 8
}

func (p *pdf) figureWord() string { return p.w.Say("figure") }

// printableDoc is a copy of d whose every text the font can draw.
func printableDoc(d *Doc) *Doc {
	c := *d
	cleanAll(&c)
	return &c
}
