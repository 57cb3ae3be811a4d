package report

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"
	"github.com/nest-nyth/nest/assessment"
	"github.com/nest-nyth/nest/internal/fonts"
	"github.com/nest-nyth/nest/internal/text"
)

// Page layout, in millimetres on A4.
const (
	pageW, pageH = 210.0, 297.0
	margin       = 20.0
	textW        = pageW - 2*margin
	lineH        = 5.2
	font         = fonts.Family // Noto Sans, embedded: Welsh letters print and extract
)

// Colours of the levels, light enough for black text on them, the first
// for "not rated"; TestPaletteCoversLevels holds it to the catalogue. The
// rating is always written too: colour is never the only sign.
var levelFill = [][3]int{
	{235, 235, 235}, // not rated
	{253, 224, 221},
	{254, 240, 200},
	{217, 240, 211},
	{198, 219, 239},
}

// WritePDF renders the report as an A4 PDF. The same report gives the same
// bytes: the document's dates come from the report's date, and nothing
// else varies.
func WritePDF(w io.Writer, r *Report, o Options) error {
	date, err := time.Parse(time.DateOnly, r.Date)
	if err != nil {
		return fmt.Errorf("report date %q: %w", r.Date, err)
	}
	max := o.MaxQuotes
	if max == 0 {
		max = DefaultMaxQuotes
	}
	r = printable(r) // nothing the font cannot draw reaches fpdf
	p := &pdf{f: fpdf.New("P", "mm", "A4", ""), r: r, max: max}
	f := p.f
	f.AddUTF8FontFromBytes(font, "", fonts.Regular)
	f.AddUTF8FontFromBytes(font, "B", fonts.Bold)
	f.AddUTF8FontFromBytes(font, "I", fonts.Italic)
	f.AddUTF8FontFromBytes(font, "BI", fonts.BoldItalic)
	f.SetCreationDate(date)
	f.SetModificationDate(date)
	f.SetCatalogSort(true)
	f.SetTitle(r.Title, true)
	f.SetSubject("NEST/NYTH self-assessments: average NEST journey ratings, themes, good practice, concerns and feedback", true)
	f.SetCreator("nest", true)
	f.SetLang("en-GB")
	f.SetMargins(margin, margin, margin)
	f.SetAutoPageBreak(true, margin)
	f.AliasNbPages("{nb}")
	f.SetFooterFunc(func() {
		if f.PageNo() == 1 {
			return
		}
		f.SetY(-margin + 6)
		p.font("", 8)
		f.SetTextColor(90, 90, 90)
		f.CellFormat(textW/2, 4, r.Title, "", 0, "L", false, 0, "")
		f.CellFormat(textW/2, 4, fmt.Sprintf("Page %d of {nb}", f.PageNo()), "", 0, "R", false, 0, "")
		f.SetTextColor(0, 0, 0)
	})

	p.titlePage()
	p.summary()
	p.table()
	for i := range r.Principles {
		p.principle(i)
	}
	p.voices()
	p.appendix()

	if f.Err() {
		return fmt.Errorf("render PDF: %w", f.Error())
	}
	var buf bytes.Buffer
	if err := f.Output(&buf); err != nil {
		return fmt.Errorf("render PDF: %w", err)
	}
	_, err = w.Write(buf.Bytes())
	return err
}

type pdf struct {
	f   *fpdf.Fpdf
	r   *Report
	max int
}

func (p *pdf) font(style string, size float64) { p.f.SetFont(font, style, size) }

// wrap breaks text into lines that fit width in the current font; there is
// always one line, empty for empty text.
func (p *pdf) wrap(s string, width float64) []string {
	lines := text.Wrap(s, width, p.f.GetStringWidth)
	if len(lines) == 0 {
		lines = []string{""}
	}
	return lines
}

// heading starts a section with a bookmark for the PDF outline.
func (p *pdf) heading(text string, level int) {
	f := p.f
	size := 16.0
	if level > 0 {
		size = 13
	}
	p.font("B", size)
	if f.GetY()+30 > pageH-margin {
		f.AddPage()
	}
	f.Bookmark(text, level, -1)
	f.MultiCell(textW, size*0.5, text, "", "L", false)
	f.Ln(2)
}

func (p *pdf) para(text string) {
	p.font("", 10)
	p.f.MultiCell(textW, lineH, text, "", "L", false)
	p.f.Ln(1.5)
}

// label names who a piece of text came from, as the 2024 update does.
func (p *pdf) by(name string) string {
	if p.r.Level == National {
		return "the " + name + " region"
	}
	return name
}

func (p *pdf) titlePage() {
	f, r := p.f, p.r
	f.AddPage()
	f.SetY(70)
	p.font("B", 24)
	f.MultiCell(textW, 11, r.Title, "", "L", false)
	f.Ln(6)
	p.font("", 13)
	scope := "National report: the Regional Partnership Boards' self-assessments"
	if r.Level == Regional {
		scope = fmt.Sprintf("Regional report: the self-assessments of services in the %s region", r.RegionName)
	}
	f.MultiCell(textW, 7, scope, "", "L", false)
	f.Ln(3)
	f.MultiCell(textW, 7, fmt.Sprintf("Assessment year %d. Published %s.", r.Year, longDate(r.Date)), "", "L", false)
	f.Ln(3)
	counts := fmt.Sprintf("%s included", text.Plural(len(r.Submissions), "self-assessment"))
	if r.Level == National {
		all := len(assessment.Regions)
		counts = fmt.Sprintf("%d of %d regions submitted; %s in this report", all-len(r.NotSubmitted), all, text.Plural(len(r.Submissions), "self-assessment"))
	}
	drafts := 0
	for _, s := range r.Submissions {
		if s.Status != assessment.StatusFinal {
			drafts++
		}
	}
	if drafts > 0 {
		counts += fmt.Sprintf(", %s among them", text.Plural(drafts, "draft"))
	}
	if len(r.LeftOut) > 0 {
		counts += fmt.Sprintf("; %s left out (see the appendix)", text.Plural(len(r.LeftOut), "file"))
	}
	f.MultiCell(textW, 7, counts+".", "", "L", false)
	f.SetY(200)
	p.font("", 10)
	f.MultiCell(textW, lineH, "Each principle shows the average \"NEST journey rating\" of the self-assessments, on a scale of 1 to 4:", "", "L", false)
	f.Ln(1)
	for _, l := range assessment.Levels {
		f.MultiCell(textW, lineH, fmt.Sprintf("%d  %s: %s.", l.Rating, l.Name.EN, text.LowerFirst(l.Meaning)), "", "L", false)
	}
}

func (p *pdf) summary() {
	f, r := p.f, p.r
	f.AddPage()
	p.heading("Summary", 0)
	p.para("Average NEST journey rating for each principle, with how many self-assessments rated it and the lowest and highest rating given.")

	// The table, which also stands for the chart below it.
	cols := []float64{78, 24, 20, 26, 22}
	head := []string{"Principle", "Average", "Rated", "Not rated", "Range"}
	p.font("B", 9)
	f.SetFillColor(230, 230, 230)
	for i, h := range head {
		f.CellFormat(cols[i], 7, h, "1", 0, "L", true, 0, "")
	}
	f.Ln(-1)
	p.font("", 9)
	for _, s := range r.Principles {
		vals := []string{s.Name, mean(s.Mean), fmt.Sprint(s.Rated), fmt.Sprint(s.NotRated), rangeOf(s)}
		for i, v := range vals {
			f.CellFormat(cols[i], 6.5, v, "1", 0, "L", false, 0, "")
		}
		f.Ln(-1)
	}
	f.Ln(6)
	p.chart()
	f.Ln(4)
	if len(r.Highest) > 0 {
		p.para(fmt.Sprintf("Highest: %s. Lowest: %s.", p.names(r.Highest), p.names(r.Lowest)))
	}
}

func (p *pdf) names(keys []string) string {
	var out []string
	for _, k := range keys {
		for _, s := range p.r.Principles {
			if s.Key == k {
				out = append(out, fmt.Sprintf("%s (%s)", s.Name, mean(s.Mean)))
			}
		}
	}
	return strings.Join(out, ", ")
}

// chart draws the averages as horizontal bars on the 1 to 4 scale, with
// the levels named under it: vectors and real text, no image.
func (p *pdf) chart() {
	f, r := p.f, p.r
	labelW, barX := 62.0, margin+62.0
	barW := textW - labelW - 8
	unit := barW / 4
	top := f.GetY()
	rowH := 9.0
	height := rowH*float64(len(r.Principles)) + 4
	if top+height+16 > pageH-margin {
		f.AddPage()
		top = f.GetY()
	}
	p.font("B", 10)
	f.SetXY(margin, top)
	f.CellFormat(textW, 6, "Average NEST journey rating", "", 1, "L", false, 0, "")
	top += 8
	// Grid lines at each level.
	f.SetDrawColor(170, 170, 170)
	f.SetLineWidth(0.2)
	for l := 0; l <= 4; l++ {
		x := barX + float64(l)*unit
		f.Line(x, top, x, top+height)
	}
	for i, s := range r.Principles {
		y := top + 2 + float64(i)*rowH
		p.font("", 9)
		f.SetXY(margin, y)
		f.CellFormat(labelW-2, rowH-2, s.Name, "", 0, "R", false, 0, "")
		if s.Mean != nil {
			w := float64(*s.Mean) / 10 * unit
			f.SetFillColor(70, 110, 160)
			f.Rect(barX, y+1, w, rowH-4, "F")
			p.font("B", 9)
			f.SetXY(barX+w+1.5, y)
			f.CellFormat(12, rowH-2, mean(s.Mean), "", 0, "L", false, 0, "")
		} else {
			f.SetXY(barX+1.5, y)
			f.CellFormat(30, rowH-2, "not rated", "", 0, "L", false, 0, "")
		}
	}
	// The scale, with the level names.
	y := top + height + 1
	p.font("", 7.5)
	f.SetXY(barX-unit/2, y)
	f.CellFormat(unit, 4, "0", "", 0, "C", false, 0, "")
	for _, l := range assessment.Levels {
		x := barX + float64(l.Rating)*unit
		f.SetXY(x-unit/2, y)
		f.CellFormat(unit, 4, fmt.Sprintf("%d", l.Rating), "", 0, "C", false, 0, "")
		f.SetXY(x-unit/2, y+3.5)
		f.CellFormat(unit, 4, l.Name.EN, "", 0, "C", false, 0, "")
	}
	f.SetXY(margin, y+10)
}

// table lists every region's or service's rating of every principle,
// numbers in every cell.
func (p *pdf) table() {
	f, r := p.f, p.r
	f.AddPage()
	who := "Region"
	title := "Ratings by region"
	if r.Level == Regional {
		who, title = "Service", "Ratings by service"
	}
	p.heading(title, 0)
	p.para("Each self-assessment's NEST journey rating of each principle (1 basic, 2 early progress, 3 substantial progress, 4 embedded; NR: not rated). The columns are the principles:")
	for i, s := range r.Principles {
		p.font("", 9)
		f.CellFormat(textW, 4.6, fmt.Sprintf("%d  %s", i+1, s.Name), "", 1, "L", false, 0, "")
	}
	f.Ln(3)
	const cellW, rowH = 12.0, 4.6
	nameW := textW - float64(len(r.Principles))*cellW
	header := func() {
		p.font("B", 9)
		f.SetFillColor(230, 230, 230)
		f.CellFormat(nameW, 7, who, "1", 0, "L", true, 0, "")
		for i := range r.Principles {
			f.CellFormat(cellW, 7, fmt.Sprint(i+1), "1", 0, "C", true, 0, "")
		}
		f.Ln(-1)
	}
	header()
	for _, row := range r.Rows {
		p.font("", 8)
		lines := p.wrap(row.Name, nameW-2)
		h := rowH * float64(len(lines))
		if f.GetY()+h > pageH-margin {
			f.AddPage()
			header()
			p.font("", 8)
		}
		x, y := f.GetX(), f.GetY()
		f.Rect(x, y, nameW, h, "D")
		for j, l := range lines {
			f.SetXY(x, y+rowH*float64(j))
			f.CellFormat(nameW, rowH, l, "", 0, "L", false, 0, "")
		}
		f.SetXY(x+nameW, y)
		for _, v := range row.Ratings {
			fill := levelFill[v]
			f.SetFillColor(fill[0], fill[1], fill[2])
			text := "NR"
			if v > 0 {
				text = fmt.Sprint(v)
			}
			f.CellFormat(cellW, h, text, "1", 0, "C", true, 0, "")
		}
		f.SetXY(x, y+h)
	}
}

func (p *pdf) principle(i int) {
	f, s := p.f, p.r.Principles[i]
	f.AddPage()
	p.heading(fmt.Sprintf("%d. %s", i+1, s.Name), 0)
	p.font("B", 11)
	f.MultiCell(textW, 6, fmt.Sprintf("Average NEST journey rating: %s.", mean(s.Mean)), "", "L", false)
	p.font("", 10)
	detail := fmt.Sprintf("%s rated it", text.Plural(s.Rated, "self-assessment"))
	if s.Rated > 0 {
		detail += fmt.Sprintf(", from %d to %d", s.Min, s.Max)
	}
	if s.NotRated > 0 {
		detail += fmt.Sprintf("; %d did not rate it yet", s.NotRated)
	}
	if s.MeanTarget != nil {
		detail += fmt.Sprintf(". The average target for next year is %s (%d set one)", s.MeanTarget, s.Targets)
	}
	f.MultiCell(textW, lineH, detail+".", "", "L", false)
	var dist []string
	for l, n := range s.AtLevel {
		dist = append(dist, fmt.Sprintf("%d %s: %d", l+1, strings.ToLower(assessment.Levels[l].Name.EN), n))
	}
	f.MultiCell(textW, lineH, "Ratings given: "+strings.Join(dist, "; ")+".", "", "L", false)
	f.Ln(3)

	if len(s.Themes) > 0 {
		p.subheading("Themes raised")
		var parts []string
		for _, t := range s.Themes {
			parts = append(parts, fmt.Sprintf("%s (%d)", t.Label, t.Count))
		}
		p.para(strings.Join(parts, "; ") + ".")
	}
	for _, f := range assessment.ResponseTexts() {
		p.saids(f.Title(), s.Texts[f.Key])
	}
	if len(s.Actions) > 0 {
		p.subheading("Planned actions")
		shown, rest := Select(s.Actions, func(a Action) string { return a.By }, p.max)
		for _, a := range shown {
			line := a.Action
			var extra []string
			if a.Owner != "" {
				extra = append(extra, a.Owner)
			}
			if a.Due != "" {
				extra = append(extra, "by "+a.Due)
			}
			if len(extra) > 0 {
				line += " (" + strings.Join(extra, ", ") + ")"
			}
			p.item(text.UpperFirst(p.by(a.By)), line)
		}
		p.more(rest)
	}
	if len(s.Quotes) > 0 {
		p.subheading("Feedback")
		shown, rest := Select(s.Quotes, func(q Quote) string { return q.By }, p.max)
		for _, q := range shown {
			p.font("", 10)
			f.MultiCell(textW, lineH, fmt.Sprintf("Feedback from %s (%s):", p.by(q.By), sourceLabel(q.From)), "", "L", false)
			p.font("I", 10)
			f.SetX(margin + 6)
			f.MultiCell(textW-6, lineH, strings.TrimSpace(q.Quote), "", "L", false)
			f.Ln(2)
		}
		p.more(rest)
	}
}

func (p *pdf) subheading(text string) {
	if p.f.GetY()+20 > pageH-margin {
		p.f.AddPage()
	}
	p.font("B", 11)
	p.f.MultiCell(textW, 6, text, "", "L", false)
	p.f.Ln(1)
}

func (p *pdf) saids(title string, items []Said) {
	if len(items) == 0 {
		return
	}
	p.subheading(title)
	shown, rest := Select(items, func(s Said) string { return s.By }, p.max)
	for _, s := range shown {
		p.item(text.UpperFirst(p.by(s.By)), s.Text)
	}
	p.more(rest)
}

// item prints attributed text: who, in bold, then what they said.
func (p *pdf) item(by, text string) {
	f := p.f
	p.font("B", 10)
	f.MultiCell(textW, lineH, by+":", "", "L", false)
	p.font("", 10)
	f.SetX(margin + 6)
	f.MultiCell(textW-6, lineH, strings.TrimSpace(text), "", "L", false)
	f.Ln(2)
}

func (p *pdf) more(rest int) {
	if rest == 0 {
		return
	}
	p.font("I", 9)
	p.f.MultiCell(textW, lineH, fmt.Sprintf("And %d more, in the report's JSON (nest aggregate --format json).", rest), "", "L", false)
	p.f.Ln(2)
}

func (p *pdf) voices() {
	f, r := p.f, p.r
	f.AddPage()
	p.heading("Whose voices were heard", 0)
	p.para("How many self-assessments say each group helped to shape them.")
	p.font("B", 9)
	f.SetFillColor(230, 230, 230)
	f.CellFormat(100, 7, "Group", "1", 0, "L", true, 0, "")
	f.CellFormat(40, 7, "Self-assessments", "1", 1, "L", true, 0, "")
	p.font("", 9)
	var missing, few []string
	for _, v := range r.Voices {
		f.CellFormat(100, 6.5, v.Label, "1", 0, "L", false, 0, "")
		f.CellFormat(40, 6.5, fmt.Sprintf("%d of %d", v.Count, v.Of), "1", 1, "L", false, 0, "")
		switch {
		case v.Count == 0:
			missing = append(missing, strings.ToLower(v.Label))
		case 2*v.Count < v.Of:
			few = append(few, fmt.Sprintf("%s (%d of %d)", strings.ToLower(v.Label), v.Count, v.Of))
		}
	}
	f.Ln(4)
	if len(missing) > 0 {
		p.para("No self-assessment records hearing from: " + strings.Join(missing, "; ") + ".")
	}
	if len(few) > 0 {
		p.para("Heard in fewer than half of the self-assessments: " + strings.Join(few, "; ") + ".")
	}
}

func (p *pdf) appendix() {
	f, r := p.f, p.r
	f.AddPage()
	p.heading("Appendix: the self-assessments", 0)
	p.para(fmt.Sprintf("The %s in this report, with the date each was submitted and its file.", text.Plural(len(r.Submissions), "self-assessment")))
	// A few submissions get a plain list; many (a regional report may
	// list thousands) two columns of small type.
	const gap = 6.0
	colW, size, lineH, cols := textW, 9.0, 4.6, 1
	if len(r.Submissions) > 40 {
		colW, size, lineH, cols = (textW-gap)/2, 7, 3.1, 2
	}
	p.font("", size)
	top, col := f.GetY(), 0
	for _, s := range r.Submissions {
		line := s.Organisation
		if r.Level == National {
			line = s.RegionName + ": " + s.Organisation
		}
		if s.Submitted != "" {
			line += ", " + longDate(s.Submitted)
		}
		if s.Status != assessment.StatusFinal {
			line += ", DRAFT"
		}
		lines := p.wrap(line+" ("+s.File+")", colW)
		h := lineH * float64(len(lines))
		if f.GetY()+h > pageH-margin {
			if col+1 < cols {
				col++
			} else {
				f.AddPage()
				top, col = f.GetY(), 0
			}
			f.SetY(top)
		}
		x := margin + float64(col)*(colW+gap)
		for _, l := range lines {
			f.SetX(x)
			f.CellFormat(colW, lineH, l, "", 2, "L", false, 0, "")
		}
		f.SetY(f.GetY() + 0.6)
	}
	f.SetX(margin)
	if len(r.LeftOut) > 0 {
		f.Ln(3)
		p.subheading("Files left out of this report")
		p.font("", 9)
		for _, l := range r.LeftOut {
			what := l.File
			if l.Region != "" {
				what += " (" + assessment.RegionName(l.Region) + ")"
			}
			reason := "it has errors: nest validate lists them"
			if l.Reason == "draft" {
				reason = "it is a draft"
			}
			f.MultiCell(textW, 4.8, what+": "+reason+".", "", "L", false)
		}
	}
	if r.Level == National && len(r.NotSubmitted) > 0 {
		f.Ln(3)
		p.subheading("Regions that did not submit")
		var names []string
		for _, n := range r.NotSubmitted {
			names = append(names, n.Name)
		}
		p.para(strings.Join(names, ", ") + ".")
	}
}

func mean(t *Tenths) string {
	if t == nil {
		return "not rated"
	}
	return t.String()
}

func rangeOf(s PrincipleStats) string {
	if s.Rated == 0 {
		return "-"
	}
	return fmt.Sprintf("%d to %d", s.Min, s.Max)
}

func sourceLabel(key string) string {
	for _, c := range assessment.Sources {
		if c.Key == key {
			return strings.ToLower(c.Label)
		}
	}
	return key
}

func longDate(d string) string {
	t, err := time.Parse(time.DateOnly, d)
	if err != nil {
		return d
	}
	return t.Format("2 January 2006")
}
