package report

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"
	"github.com/nest-nyth/nest/internal/fonts"
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

// WritePDF lays out a Doc as an A4 PDF. The same Doc gives the same bytes:
// the document's dates come from its published date (or date) and nothing
// else varies.
func WritePDF(w io.Writer, d *Doc, date string) error {
	_, err := layoutPDF(w, d, date)
	return err
}

// layoutPDF is WritePDF that also says where each block landed.
func layoutPDF(w io.Writer, d *Doc, date string) ([]Placed, error) {
	when, err := time.Parse(time.DateOnly, date)
	if err != nil {
		return nil, fmt.Errorf("report date %q: %w", date, err)
	}
	d = printableDoc(d) // nothing the font cannot draw reaches fpdf
	p := &pdf{f: fpdf.New("P", "mm", "A4", ""), d: d, links: map[string]int{}}
	f := p.f
	f.AddUTF8FontFromBytes(font, "", fonts.Regular)
	f.AddUTF8FontFromBytes(font, "B", fonts.Bold)
	f.AddUTF8FontFromBytes(font, "I", fonts.Italic)
	f.AddUTF8FontFromBytes(font, "BI", fonts.BoldItalic)
	f.SetCreationDate(when)
	f.SetModificationDate(when)
	f.SetCatalogSort(true)
	f.SetTitle(d.Title, true)
	f.SetAuthor(d.Front.Publisher, true)
	f.SetSubject(d.Front.Description, true)
	f.SetCreator("nest", true)
	f.SetLang(d.Lang)
	f.SetMargins(margin, margin, margin)
	f.SetAutoPageBreak(false, bottom) // every break is nest's own
	f.AliasNbPages("{nb}")
	f.SetFooterFunc(p.footer)
	for _, b := range d.Blocks {
		if h, ok := b.(Heading); ok {
			p.links[h.ID] = f.AddLink()
		}
	}

	p.titlePage()
	for _, b := range d.Blocks {
		p.block(b)
	}
	p.fillContents()
	if f.Err() {
		return nil, fmt.Errorf("render PDF: %w", f.Error())
	}
	var buf bytes.Buffer
	if err := f.Output(&buf); err != nil {
		return nil, fmt.Errorf("render PDF: %w", err)
	}
	_, err = w.Write(buf.Bytes())
	return p.placed, err
}

type pdf struct {
	f      *fpdf.Fpdf
	d      *Doc
	links  map[string]int // heading id -> fpdf link
	placed []Placed
	// The contents page: where it starts, how many pages it has, and
	// the headings it lists with the page each landed on.
	contentsPage, contentsPages int
	contents                    []tocEntry
	tables                      int
}

type tocEntry struct {
	level    int
	text, id string
	page     int
}

func (p *pdf) font(style string, size float64) { p.f.SetFont(font, style, size) }

func (p *pdf) color(c [3]int) { p.f.SetTextColor(c[0], c[1], c[2]) }

// room is the height left on the page.
func (p *pdf) room() float64 { return pageH - bottom - p.f.GetY() }

// need starts a new page unless h mm are left.
func (p *pdf) need(h float64) {
	if p.room() < h {
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
	f.SetY(pageH - bottom + 8)
	p.font("", 9)
	p.color(muted)
	f.SetX(margin)
	f.CellFormat(textW*0.75, 4, p.d.Title, "", 0, "L", false, 0, "")
	f.CellFormat(textW*0.25, 4, p.d.words.Say("pdf.page", f.PageNo(), "{nb}"), "", 0, "R", false, 0, "")
	p.color(ink)
}

func (p *pdf) titlePage() {
	f, d := p.f, p.d
	f.AddPage()
	p.font("B", 12)
	p.color(heading)
	for _, line := range strings.Split(d.Front.Publisher, " / ") {
		f.CellFormat(textW, 6, line, "", 2, "L", false, 0, "")
	}
	f.Ln(4)
	p.font("", 11)
	p.color(muted)
	f.CellFormat(textW, 6, strings.ToUpper(d.Front.Type), "", 2, "L", false, 0, "")
	f.SetY(80)
	p.font("B", 26)
	p.color(heading)
	p.flow(p.runs(d.Title), margin, textW, 12, "B", 26)
	f.Ln(4)
	p.font("", 15)
	p.color(ink)
	p.flow(p.runs(d.Subtitle), margin, textW, 8, "", 15)
	f.SetY(190)
	p.font("", bodySize)
	for _, l := range d.Front.Lines {
		p.flow(p.runs(l), margin, textW, lineH, "", bodySize)
		f.Ln(1)
	}
}

func (p *pdf) runs(s string) []Run { return []Run{{Text: s}} }

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
		p.need(lineH * 2)
		if b.Style == Label || b.Style == Lead {
			p.need(lineH * 5) // with the first lines of what it leads into
		}
		start, y := f.PageNo(), f.GetY()
		p.color(ink)
		if b.Style == Note {
			p.color(muted)
		}
		p.flow(b.Runs, margin, textW, size*0.5, style, size)
		p.color(ink)
		f.Ln(2.5)
		p.place("para", "", start, y)
	case List:
		start, y := f.PageNo(), f.GetY()
		for i, item := range b.Items {
			p.need(lineH * 2)
			p.font("", bodySize)
			mark := "•"
			if b.Ordered {
				mark = fmt.Sprintf("%d.", i+1)
			}
			f.SetXY(margin+2, f.GetY())
			f.CellFormat(6, lineH, mark, "", 0, "L", false, 0, "")
			p.flow(item, margin+8, textW-8, lineH, "", bodySize)
			f.Ln(1)
		}
		f.Ln(2)
		p.place("list", "", start, y)
	case Excerpt:
		p.excerpt(b)
	case Table:
		p.table(b)
	case Figure:
		p.figure(b)
	}
}

// heading draws a heading, kept with the first lines of what follows: a
// heading never ends a page.
func (p *pdf) heading(h Heading) {
	f := p.f
	size, space, keep := 20.0, 8.0, 40.0
	switch h.Level {
	case 2:
		size, space, keep = 15, 5, 32
	case 3:
		size, space, keep = 12.5, 3, 24
	}
	if f.GetY() > margin+1 {
		f.Ln(space)
	}
	p.font("B", size)
	lines := len(p.wrap(h.Text, textW))
	p.need(float64(lines)*size*0.5 + keep)
	start, y := f.PageNo(), f.GetY()
	f.SetLink(p.links[h.ID], y, start)
	f.Bookmark(h.Text, h.Level-1, y)
	p.color(heading)
	p.flow(p.runs(h.Text), margin, textW, size*0.5, "B", size)
	p.color(ink)
	f.Ln(2.5)
	if h.Level <= 2 {
		p.contents = append(p.contents, tocEntry{level: h.Level, text: h.Text, id: h.ID, page: start})
	}
	p.place("heading", h.Text, start, y)
}

// excerpt draws words from a submission: its lead-in, then the words, set
// in from the margin with a rule beside them.
func (p *pdf) excerpt(e Excerpt) {
	f := p.f
	p.font("I", bodySize)
	first := min(len(p.wrapStyled(e.Text, textW-10, "I", bodySize)), 3)
	p.need(lineH*float64(first+1) + 4)
	start, y := f.PageNo(), f.GetY()
	lead := []Run{{Text: e.Lead}}
	if e.ID != "" {
		lead = append(lead, Run{Text: "  [" + e.ID + "]"})
	}
	p.color(ink)
	p.flow(lead, margin, textW, lineH, "", bodySize)
	top, page := f.GetY()+0.5, f.PageNo()
	p.flow([]Run{{Text: e.Text, Italic: true, Lang: e.Lang}}, margin+8, textW-10, lineH, "", bodySize)
	if f.PageNo() == page {
		f.SetDrawColor(barFill[0], barFill[1], barFill[2])
		f.SetLineWidth(0.8)
		f.Line(margin+3, top, margin+3, f.GetY()-0.5)
	}
	f.Ln(3)
	p.place("excerpt", "", start, y)
}

// flow lays out runs of text in lines no wider than w from x, breaking at
// spaces, with links where runs have them. Each line is drawn whole, and a
// line broken at a space ends with that space drawn, so the text reads
// back with its words apart.
func (p *pdf) flow(runs []Run, x, w, lh float64, baseStyle string, size float64) {
	f := p.f
	type word struct {
		text  string
		style string
		link  string
		space bool // a space follows it
	}
	var words []word
	for _, r := range runs {
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
				words = append(words, word{text: wd, style: style, link: r.Link, space: sp})
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
	space := func(style string) float64 {
		p.font(style, size)
		return f.GetStringWidth(" ")
	}
	y := f.GetY()
	var line []word
	lineW := 0.0
	draw := func(broken bool) {
		if y+lh > pageH-bottom {
			f.AddPage()
			y = f.GetY()
		}
		cx := x
		for i, wd := range line {
			p.font(wd.style, size)
			t := wd.text
			if wd.space && (i < len(line)-1 || broken) {
				t += " "
			}
			tw := f.GetStringWidth(t)
			f.SetXY(cx, y)
			f.CellFormat(tw, lh, t, "", 0, "L", false, 0, "")
			if wd.link != "" {
				if strings.HasPrefix(wd.link, "#") {
					if id, ok := p.links[wd.link[1:]]; ok {
						f.Link(cx, y, tw, lh, id)
					}
				} else {
					f.LinkString(cx, y, tw, lh, wd.link)
				}
			}
			cx += tw
		}
		y += lh
		line, lineW = line[:0], 0
	}
	for _, wd := range words {
		if wd.text == "\n" {
			draw(false)
			continue
		}
		ww := width(wd)
		add := ww
		if len(line) > 0 && line[len(line)-1].space {
			add += space(line[len(line)-1].style)
		}
		if len(line) > 0 && lineW+add > w {
			draw(true)
			add = ww
		}
		line = append(line, wd)
		lineW += add
	}
	if len(line) > 0 {
		draw(false)
	}
	f.SetXY(margin, y)
}

// wrap breaks text into lines that fit width in the current font.
func (p *pdf) wrap(s string, width float64) []string {
	lines := text.Wrap(s, width, p.f.GetStringWidth)
	if len(lines) == 0 {
		lines = []string{""}
	}
	return lines
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
		if h, ok := b.(Heading); ok && h.Level <= 2 {
			entries++
		}
	}
	f.AddPage()
	p.contentsPage = f.PageNo()
	const perPage = 31 // lines of 7.5 mm below the heading
	p.contentsPages = max(1, (entries+perPage-1)/perPage)
	p.heading(Heading{Level: 1, Text: c.Title, ID: "contents"})
	p.placed[len(p.placed)-1].Kind = "contents" // its entries come when every page is known
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
		p.font(style, 11.5)
		p.color(ink)
		num := fmt.Sprint(e.page)
		f.SetXY(margin+indent, y)
		f.CellFormat(textW-indent-15, 7.5, e.text, "", 0, "L", false, p.links[e.id], "")
		f.CellFormat(15, 7.5, num, "", 0, "R", false, p.links[e.id], "")
		y += 7.5
	}
	f.SetPage(last)
}

// table draws a table with its caption, a header row repeated on every
// page it runs onto, and summary rows at the foot.
func (p *pdf) table(t Table) {
	f := p.f
	p.tables++
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
	const pad = 1.6
	rowH := func(cells []Cell, style string) float64 {
		h := 0.0
		for i, c := range cells {
			n := len(p.wrapStyled(c.Text, widths[i]-2*pad, style, tableSize))
			h = max(h, float64(n)*5+2*pad-1)
		}
		return h
	}
	drawRow := func(cells []Cell, style string, fill [3]int, filled bool) {
		h := rowH(cells, style)
		y := f.GetY()
		x := margin
		for i, c := range cells {
			st := style
			if i == 0 && t.RowHeads && style == "" {
				st = "B"
			}
			if c.Level > 0 && c.Level < len(levelFill) {
				fc := levelFill[c.Level]
				f.SetFillColor(fc[0], fc[1], fc[2])
				f.Rect(x, y, widths[i], h, "F")
			} else if filled {
				f.SetFillColor(fill[0], fill[1], fill[2])
				f.Rect(x, y, widths[i], h, "F")
			}
			align := "L"
			if c.Numeric {
				align = "C"
			}
			lines := p.wrapStyled(c.Text, widths[i]-2*pad, st, tableSize)
			for j, l := range lines {
				f.SetXY(x+pad, y+pad+float64(j)*5)
				f.CellFormat(widths[i]-2*pad, 5, l, "", 0, align, false, 0, "")
			}
			x += widths[i]
		}
		f.SetDrawColor(rule[0], rule[1], rule[2])
		f.SetLineWidth(0.2)
		f.Line(margin, y+h, margin+textW, y+h)
		f.SetXY(margin, y+h)
	}
	head := make([]Cell, len(t.Head))
	for i, h := range t.Head {
		head[i] = Cell{Text: h}
	}
	header := func() { drawRow(head, "B", [3]int{228, 234, 242}, true) }
	first := 0.0
	if len(t.Rows) > 0 {
		first = rowH(t.Rows[0], "")
	}
	p.font("B", 11)
	capLines := len(p.wrap(t.Caption, textW))
	whole := float64(capLines)*5.5 + rowH(head, "B") + 2
	for _, row := range t.Rows {
		whole += rowH(row, "")
	}
	for _, row := range t.Foot {
		whole += rowH(row, "B")
	}
	if whole < 100 {
		p.need(whole) // a short table stays whole
	}
	p.need(float64(capLines)*5.5 + rowH(head, "B") + first + 2)
	start, y := f.PageNo(), f.GetY()
	p.color(ink)
	p.flow([]Run{{Text: t.Caption, Bold: true}}, margin, textW, 5.5, "", 11)
	f.Ln(1)
	header()
	for _, row := range t.Rows {
		if h := rowH(row, ""); p.room() < h {
			f.AddPage()
			header()
		}
		drawRow(row, "", [3]int{}, false)
	}
	for _, row := range t.Foot {
		if h := rowH(row, "B"); p.room() < h {
			f.AddPage()
			header()
		}
		drawRow(row, "B", [3]int{242, 242, 242}, true)
	}
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
	rowH := 9.0
	chartH := rowH*float64(len(c.Labels)) + 4
	p.font("", noteSize)
	altLines := len(p.wrap(fig.Alt, textW))
	p.need(12 + chartH + 16 + float64(altLines)*5 + 8)
	start, y := f.PageNo(), f.GetY()
	p.color(ink)
	p.flow([]Run{{Text: fmt.Sprintf("%s %d: %s", p.figureWord(), fig.Number, fig.Title), Bold: true}}, margin, textW, 5.5, "", 11)
	top := f.GetY() + 2
	// The scale: grid lines at each point of it.
	f.SetDrawColor(rule[0], rule[1], rule[2])
	f.SetLineWidth(0.25)
	for _, t := range c.Ticks {
		x := barX + float64(t.Value-c.Min)*unit
		f.Line(x, top, x, top+chartH)
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
	// The points of the scale, named, each name in the width between
	// points (over two lines where it needs them).
	sy := top + chartH + 1
	p.font("", 9)
	p.color(ink)
	nameLines := 1
	for _, t := range c.Ticks {
		x := barX + float64(t.Value-c.Min)*unit
		w := min(unit, 2*(pageW-margin-x)) - 1
		if t.Value == c.Min {
			w = min(unit, 2*(x-margin)) - 1
		}
		f.SetXY(x-w/2, sy)
		f.CellFormat(w, 4, t.Label, "", 0, "C", false, 0, "")
		lines := p.wrap(t.Name, w)
		nameLines = max(nameLines, len(lines))
		for j, l := range lines {
			f.SetXY(x-w/2, sy+4+float64(j)*3.8)
			f.CellFormat(w, 3.8, l, "", 0, "C", false, 0, "")
		}
	}
	f.SetXY(margin, sy+6+float64(nameLines)*3.8)
	p.color(muted)
	p.flow([]Run{{Text: fig.Source}}, margin, textW, 4.8, "", 9)
	f.Ln(1)
	p.color(ink)
	p.flow([]Run{{Text: fig.Alt}}, margin, textW, 5, "", noteSize)
	f.Ln(4)
	p.place("figure", fig.Title, start, y)
}

func (p *pdf) figureWord() string { return p.d.words.Say("figure") }

// printableDoc is a copy of d whose every text the font can draw.
func printableDoc(d *Doc) *Doc {
	c := *d
	cleanAll(&c)
	return &c
}
