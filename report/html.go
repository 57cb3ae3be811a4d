package report

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"strconv"
	"strings"
	"sync"
)

// The HTML edition: one self-contained page (CSS and the charts' SVG
// inline, nothing fetched) that lays out the same Doc as the PDF, made
// to meet WCAG 2.2 AA: landmarks, a skip link and a contents list,
// headings in order, tables with captions and header scopes, every chart
// an SVG image with a title and description beside its data table,
// ratings written as numbers (the shading only repeats them), reflow down
// to 320 CSS pixels, a dark palette and a print stylesheet. Every text
// reaches the page through html/template, which escapes it for where it
// stands, and links go only where SafeLink allows.

//go:embed html.tmpl
var htmlSource string

//go:embed html.css
var htmlCSS string

// htmlTemplate is parsed the first time a page is written, not at every
// start of every command (about a millisecond).
var htmlTemplate = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("page").Parse(strings.TrimRight(htmlSource, "\n")))
})

// WriteHTML writes a Doc as one HTML page. The same Doc gives the same
// bytes.
func WriteHTML(w io.Writer, d *Doc) error {
	page := newHTMLPage(d)
	if err := htmlTemplate().Execute(w, page); err != nil {
		return fmt.Errorf("%s: %w", d.words.Say("cli.render.html"), err)
	}
	return nil
}

// htmlPage is what the template lays out: the Doc's blocks grouped into
// sections by their level 1 headings, each id made unique, each text
// split where it breaks lines.
type htmlPage struct {
	Lang, Title, Subtitle string
	Internal              bool
	CSS                   template.CSS
	Skip                  string
	Publisher             []htmlRun
	Type                  string
	Lines                 []string
	Description           string
	Author                string
	Licence               string
	Lead                  []htmlBlock   // blocks before the first section: the contents
	Sections              []htmlSection // one per level 1 heading
	// A bilingual report's second language: its title, subtitle and
	// particulars beside the first's.
	SecondLang, SecondTitle, SecondSubtitle string
	SecondType                              string
	SecondLines                             []string
	PageTitle                               string
}

type htmlSection struct {
	ID, Text         string
	Other, OtherLang string // the heading in a bilingual report's second language
	Blocks           []htmlBlock
}

// htmlBlock is one block; Kind says which of the fields is set.
type htmlBlock struct {
	Kind     string // heading, para, list, table, figure, excerpt, contents; open and close a part in another language
	Lang     string // of a part
	Level    int    // a heading's HTML level: 3 or 4 (the report's title is h1, sections h2)
	ID, Text string
	Class    string
	Runs     []htmlRun
	Ordered  bool
	Items    [][]htmlRun
	Table    *htmlTable
	Figure   *htmlFigure
	Excerpt  *htmlExcerpt
	Contents *htmlContents
}

type htmlRun struct {
	Lines        []string // the text, split where it breaks lines
	Bold, Italic bool
	Href         string
	Lang         string
	ShowURL      bool // a web address that its words do not say: printed after them on paper
}

type htmlTable struct {
	ID, CaptionID, Caption string
	Short                  bool   // a table short enough to keep on one printed page
	LabelledBy             string // when there is no caption: the heading it stands under
	Head                   []htmlCell
	Rows, Foot             [][]htmlCell
}

type htmlCell struct {
	Text    string
	RowHead bool // a row's heading: th scope=row
	Class   string
}

type htmlFigure struct {
	ID, Label, Title, Alt, Source string
	Data, DataCaption             string // the id and caption of its data table
	Chart                         svgChart
}

type htmlExcerpt struct {
	Lead, ID, Lang string
	Paras          [][]string
}

type htmlContents struct {
	ID, Title        string
	Other, OtherLang string // the title in a bilingual report's second language
	Entries          []htmlEntry
}

type htmlEntry struct {
	ID, Text         string
	Other, OtherLang string
	Children         []htmlEntry
}

// ids hands out ids unique in the page.
type ids map[string]bool

func (u ids) take(base string) string {
	if base == "" {
		base = "part"
	}
	id := base
	for n := 2; u[id]; n++ {
		id = base + "-" + strconv.Itoa(n)
	}
	u[id] = true
	return id
}

func newHTMLPage(d *Doc) *htmlPage {
	w := d.words
	p := &htmlPage{Lang: d.Lang, Title: d.Title, Subtitle: d.Subtitle, Internal: d.Edition == Internal,
		CSS: template.CSS(htmlCSS), Skip: w.Say("html.skip"), Type: d.Front.Type, Lines: d.Front.Lines,
		Description: d.Front.Description, Author: d.Front.Publisher, Licence: d.Front.Licence, PageTitle: d.Title}
	if s := d.Second; s != nil {
		p.SecondLang, p.SecondTitle, p.SecondSubtitle, p.SecondLines = s.Lang, s.Title, s.Subtitle, s.Lines
		p.SecondType = s.Type
		p.PageTitle = d.Title + " / " + s.Title
	}
	// A Part (a bilingual report's English under each section's Welsh) is
	// laid out as its blocks between an opening and a closing mark.
	type item struct {
		b          Block
		open, shut bool
		lang       string
	}
	var flat []item
	for _, b := range d.Blocks {
		pt, ok := b.(Part)
		if !ok {
			flat = append(flat, item{b: b})
			continue
		}
		flat = append(flat, item{open: true, lang: pt.Lang})
		for _, x := range pt.Blocks {
			flat = append(flat, item{b: x})
		}
		flat = append(flat, item{shut: true})
	}
	words := w // the language of the blocks being laid out
	// The publisher as the title page prints it, a line for each name; the
	// Welsh Government's own is bilingual, Welsh first.
	parts := strings.Split(d.Front.Publisher, " / ")
	// Each name is marked when it is not in the page's language.
	welsh := d.Front.Publisher == w.Say("front.publisher.national") && len(parts) == 2
	for i, part := range parts {
		r := htmlRun{Lines: []string{part}}
		if lang := []string{"cy", "en-GB"}[min(i, 1)]; welsh && !strings.HasPrefix(d.Lang, lang[:2]) {
			r.Lang = lang
		}
		p.Publisher = append(p.Publisher, r)
	}

	// Headings keep the ids Build gave them (links point at them); every
	// other id is made unique around them.
	used := ids{"main": true}
	walkBlocks(d.Blocks, func(b Block) {
		if h, ok := b.(Heading); ok {
			used[h.ID] = true
		}
	})
	// Tables are given their ids first, so that a figure can link to its
	// data table whatever the order.
	tableIDs := map[int]string{}
	captions := map[string]string{}
	for i, it := range flat {
		if t, ok := it.b.(Table); ok {
			id := used.take(orDefault(t.ID, "table"))
			tableIDs[i] = id
			if _, seen := captions[t.ID]; !seen && t.ID != "" {
				captions[t.ID] = id + "\x00" + t.Caption
			}
		}
	}

	var section *htmlSection
	heading := "" // the id of the heading the last block stood under
	add := func(hb htmlBlock) {
		if section == nil {
			p.Lead = append(p.Lead, hb)
			return
		}
		section.Blocks = append(section.Blocks, hb)
	}
	for i, it := range flat {
		switch {
		case it.open:
			words = d.Second.words
			add(htmlBlock{Kind: "open", Lang: it.lang})
		case it.shut:
			words = w
			add(htmlBlock{Kind: "close"})
		}
		switch b := it.b.(type) {
		case Heading:
			heading = b.ID
			if b.Level <= 1 {
				sec := htmlSection{ID: b.ID, Text: b.Text}
				if b.Other != "" && d.Second != nil {
					sec.Other, sec.OtherLang = b.Other, d.Second.Lang
				}
				p.Sections = append(p.Sections, sec)
				section = &p.Sections[len(p.Sections)-1]
				continue
			}
			add(htmlBlock{Kind: "heading", Level: min(b.Level+1, 6), ID: b.ID, Text: b.Text})
		case Para:
			class := ""
			switch b.Style {
			case Note, Lead, Label:
				class = b.Style
			}
			add(htmlBlock{Kind: "para", Class: class, Runs: htmlRuns(b.Runs)})
		case List:
			hb := htmlBlock{Kind: "list", Ordered: b.Ordered}
			for _, it := range b.Items {
				hb.Items = append(hb.Items, htmlRuns(it))
			}
			add(hb)
		case Table:
			add(htmlBlock{Kind: "table", Table: newHTMLTable(b, tableIDs[i], used, heading)})
		case Figure:
			f := &htmlFigure{ID: used.take(orDefault(b.ID, "figure")), Label: words.Say("figure") + " " + strconv.Itoa(b.Number) + ":",
				Title: b.Title, Alt: b.Alt, Source: b.Source}
			if c, ok := captions[b.Data]; ok {
				f.Data, f.DataCaption, _ = strings.Cut(c, "\x00")
				f.DataCaption = words.Say("html.data", f.DataCaption)
			}
			f.Chart = newSVGChart(b.Chart)
			add(htmlBlock{Kind: "figure", Figure: f})
		case Excerpt:
			e := &htmlExcerpt{Lead: b.Lead, ID: b.ID, Lang: b.Lang}
			for _, para := range strings.Split(strings.ReplaceAll(b.Text, "\r\n", "\n"), "\n\n") {
				if para = strings.Trim(para, "\n"); para != "" {
					e.Paras = append(e.Paras, strings.Split(para, "\n"))
				}
			}
			add(htmlBlock{Kind: "excerpt", Excerpt: e})
		case Contents:
			c := &htmlContents{ID: used.take("contents"), Title: b.Title}
			if b.Other != "" && d.Second != nil {
				c.Other, c.OtherLang = b.Other, d.Second.Lang
			}
			for _, x := range d.Blocks {
				h, ok := x.(Heading)
				switch {
				case !ok || h.Level > 2 || h.Level == 2 && d.Second != nil:
				case h.Level <= 1:
					e := htmlEntry{ID: h.ID, Text: h.Text}
					if h.Other != "" && d.Second != nil {
						e.Other, e.OtherLang = h.Other, d.Second.Lang
					}
					c.Entries = append(c.Entries, e)
				case len(c.Entries) > 0:
					last := &c.Entries[len(c.Entries)-1]
					last.Children = append(last.Children, htmlEntry{ID: h.ID, Text: h.Text})
				default:
					c.Entries = append(c.Entries, htmlEntry{ID: h.ID, Text: h.Text})
				}
			}
			add(htmlBlock{Kind: "contents", Contents: c})
		case PageBreak:
		}
	}
	return p
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// htmlRuns are runs as the page shows them: each link checked again, each
// text split where it breaks lines.
func htmlRuns(runs []Run) []htmlRun {
	out := make([]htmlRun, len(runs))
	for i, r := range runs {
		href := SafeLink(r.Link)
		out[i] = htmlRun{Lines: strings.Split(r.Text, "\n"), Bold: r.Bold, Italic: r.Italic, Href: href, Lang: r.Lang,
			ShowURL: strings.HasPrefix(href, "http") && strings.TrimSpace(r.Text) != href}
	}
	return out
}

func newHTMLTable(t Table, id string, used ids, heading string) *htmlTable {
	h := &htmlTable{ID: id, Caption: t.Caption, Short: len(t.Rows)+len(t.Foot) <= 16}
	if t.Caption != "" {
		h.CaptionID = used.take(id + "-caption")
	} else {
		h.LabelledBy = heading // a table of the editorial file with no caption
	}
	numeric := make([]bool, len(t.Head))
	for _, row := range t.Rows {
		for j, c := range row {
			if j < len(numeric) && c.Numeric {
				numeric[j] = true
			}
		}
	}
	for j, text := range t.Head {
		c := htmlCell{Text: text}
		if numeric[j] {
			c.Class = "num"
		}
		h.Head = append(h.Head, c)
	}
	row := func(cells []Cell) []htmlCell {
		out := make([]htmlCell, len(cells))
		for j, c := range cells {
			var class []string
			if c.Numeric {
				class = append(class, "num")
			}
			if c.Level > 0 {
				class = append(class, "lv", "lv"+strconv.Itoa(c.Level))
			}
			out[j] = htmlCell{Text: c.Text, RowHead: j == 0 && t.RowHeads, Class: strings.Join(class, " ")}
		}
		return out
	}
	for _, r := range t.Rows {
		h.Rows = append(h.Rows, row(r))
	}
	for _, r := range t.Foot {
		h.Foot = append(h.Foot, row(r))
	}
	return h
}

// svgChart is a bar chart laid out in the SVG's own units: the names on
// the left, right-aligned; the bars from the bottom of the scale, each
// value written past the bar's end; the points of the scale below, each
// with its name. Text is real text, so it reads, copies and scales.
type svgChart struct {
	Width, Height int
	Grid          []svgLine
	Axis          svgLine
	Bars          []svgBar
	Ticks         []svgTick
}

type svgLine struct{ X1, Y1, X2, Y2 string }

type svgBar struct {
	Label      []svgText // the principle's name, a line each
	X, Y, W, H string
	Value      svgText
	Empty      bool // no value: the words for none instead of a bar
}

type svgText struct{ X, Y, Text string }

type svgTick struct {
	Label svgText
	Name  []svgText
}

const (
	svgWidth   = 720
	svgLabelX  = 246 // the right edge of the names
	svgBarX    = 258 // the bottom of the scale
	svgBarEnd  = 640 // the top of the scale
	svgRowH    = 44
	svgBarH    = 24
	svgTop     = 8
	svgLabelCh = 30 // characters of a name on one line
	svgTickCh  = 14 // characters of a point's name on one line
)

func px(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) }

func newSVGChart(c BarChart) svgChart {
	s := svgChart{Width: svgWidth}
	steps := float64(max(c.Max-c.Min, 1))
	unit := float64(svgBarEnd-svgBarX) / steps
	bottom := float64(svgTop + svgRowH*len(c.Labels))
	for _, t := range c.Ticks {
		x := px(svgBarX + float64(t.Value-c.Min)*unit)
		s.Grid = append(s.Grid, svgLine{x, px(svgTop), x, px(bottom)})
	}
	s.Axis = svgLine{px(svgBarX), px(svgTop), px(svgBarX), px(bottom)}
	for i, label := range c.Labels {
		y := float64(svgTop + svgRowH*i)
		mid := y + svgRowH/2
		var b svgBar
		lines := wrapChars(label, svgLabelCh)
		for j, l := range lines {
			b.Label = append(b.Label, svgText{X: px(svgLabelX), Y: px(mid + 5 + 17*(float64(j)-float64(len(lines)-1)/2)), Text: l})
		}
		var v *Tenths
		if i < len(c.Values) {
			v = c.Values[i]
		}
		if v == nil {
			b.Empty = true
			b.Value = svgText{X: px(svgBarX + 8), Y: px(mid + 5), Text: c.Empty}
		} else {
			w := (float64(*v)/10 - float64(c.Min)) * unit
			b.X, b.Y, b.W, b.H = px(svgBarX), px(mid-svgBarH/2), px(max(w, 0)), px(svgBarH)
			b.Value = svgText{X: px(svgBarX + max(w, 0) + 8), Y: px(mid + 5), Text: v.String()}
		}
		s.Bars = append(s.Bars, b)
	}
	names := 1
	for _, t := range c.Ticks {
		x := svgBarX + float64(t.Value-c.Min)*unit
		tk := svgTick{Label: svgText{X: px(x), Y: px(bottom + 20), Text: t.Label}}
		lines := wrapChars(t.Name, svgTickCh)
		names = max(names, len(lines))
		for j, l := range lines {
			tk.Name = append(tk.Name, svgText{X: px(x), Y: px(bottom + 38 + 17*float64(j)), Text: l})
		}
		s.Ticks = append(s.Ticks, tk)
	}
	s.Height = int(bottom) + 30 + 17*names
	return s
}

// wrapChars breaks text at spaces into lines of about n characters.
func wrapChars(text string, n int) []string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(text) {
		switch {
		case line == "":
			line = word
		case len([]rune(line))+1+len([]rune(word)) <= n:
			line += " " + word
		default:
			lines = append(lines, line)
			line = word
		}
	}
	if line != "" || len(lines) == 0 {
		lines = append(lines, line)
	}
	return lines
}
