package report

import (
	"io"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/nest-nyth/nest/assessment"
	"github.com/nest-nyth/nest/internal/text"
)

// TextOptions say how WriteSummary prints.
type TextOptions struct {
	Width int               // columns to fit; 0 for 80
	Color bool              // bold headings and coloured changes: only on a terminal, never with NO_COLOR
	Words *assessment.Words // nil for English
}

// WriteSummary prints the regions (or services) by principles table of a
// report for a terminal, with each principle's average, fitting Width
// columns: principle names wrap onto two lines, names of regions and
// services onto as many as they need. With a comparison, a second table
// gives every change since the previous round, then the ratings that
// moved level, the themes new and gone, and who submitted in one year
// only. Plain text unless Color; every word from a file is made safe to
// print first, so that no file can send the terminal an escape sequence.
func WriteSummary(w io.Writer, r *Report, o TextOptions) error {
	if o.Width <= 0 {
		o.Width = 80
	}
	if o.Words == nil {
		o.Words = assessment.English
	}
	t := &textOut{o: o, w: o.Words}
	b := &builder{r: r, w: o.Words}
	t.line(t.bold(text.Safe(r.Title)))
	t.wrap(b.counts(), "")
	t.line("")

	head := []string{b.whoPlural()}
	for _, p := range assessment.Principles {
		head = append(head, shortName(t.w, p))
	}
	var rows [][]string
	for _, row := range r.Rows {
		cells := []string{text.Safe(row.Name)}
		for j := range r.Principles {
			cells = append(cells, ratingOr(at(row.Ratings, j), t.w.Say("notrated.abbr")))
		}
		rows = append(rows, cells)
	}
	foot := []string{t.w.Say("ratings.average."+r.Level, r.RegionName)}
	for _, p := range r.Principles {
		foot = append(foot, mean(p.Mean, t.w))
	}
	foots := [][]string{foot}
	if c := r.Compare; c != nil {
		prev := []string{t.w.Say("summary.previous", c.PreviousYear)}
		for _, p := range c.Principles {
			prev = append(prev, mean(p.Before, t.w))
		}
		foots = append(foots, prev)
	}
	t.table(head, rows, foots, false)
	t.wrap(t.w.Say("summary.key", t.w.Say("notrated.abbr")), "")

	if c := r.Compare; c != nil {
		t.line("")
		t.line(t.bold(t.w.Say("summary.change", c.PreviousYear)))
		head = append(head, t.w.Say("col.average.change"))
		rows = rows[:0]
		for _, rc := range c.Rows {
			cells := []string{text.Safe(rc.Name)}
			for _, d := range rc.Changes {
				cells = append(cells, plainSigned(d, t.w))
			}
			rows = append(rows, append(cells, signed(rc.Change)))
		}
		foot = []string{t.w.Say("compare.rows.average."+r.Level, r.RegionName)}
		total, count := 0, 0
		for i, p := range c.Principles {
			foot = append(foot, orNone(signed(p.Change), t.w))
			for _, rc := range c.Rows {
				if i < len(rc.Changes) && rc.Changes[i] != nil {
					total, count = total+*rc.Changes[i], count+1
				}
			}
		}
		all, _ := averageChange(total, count)
		t.table(head, rows, [][]string{append(foot, orNone(signed(all), t.w))}, true)
		t.wrap(t.w.Say("summary.change.key", t.w.Say("change.none.abbr")), "")
		if len(c.Moved) > 0 {
			t.line("")
			t.line(t.bold(t.w.Say("summary.moved")))
			for _, m := range c.Moved {
				d := Tenths(10 * (m.To - m.From))
				t.wrap(t.w.Say("summary.moved.item", text.Safe(m.Name), lowerName(r, m.Principle),
					levelWords(t.w, m.From), levelWords(t.w, m.To), changeWords(t.w, &d, direction(int(d)))), "  ")
			}
		} else {
			t.wrap(t.w.Say("compare.moved.none"), "")
		}
		for _, x := range []struct {
			title string
			of    func(PrincipleChange) []Count
		}{
			{"summary.new", func(p PrincipleChange) []Count { return p.ThemesNew }},
			{"summary.gone", func(p PrincipleChange) []Count { return p.ThemesGone }},
		} {
			first := true
			for _, p := range c.Principles {
				if themes := x.of(p); len(themes) > 0 {
					if first {
						t.line("")
						t.line(t.bold(t.w.Say(x.title)))
						first = false
					}
					t.wrap(p.Name+": "+text.Safe(themeList(t.w, themes)), "  ")
				}
			}
		}
		t.line("")
		if len(c.Joined) == 0 && len(c.Left) == 0 {
			t.wrap(t.w.Say("compare.same", unit(t.w, r.Level, len(c.Rows))), "")
		}
		for _, x := range []struct {
			who        []Named
			once, then int
		}{{c.Joined, c.Year, c.PreviousYear}, {c.Left, c.PreviousYear, c.Year}} {
			if len(x.who) > 0 {
				var names []string
				for _, n := range x.who {
					names = append(names, text.Safe(n.Name))
				}
				t.wrap(t.w.Count("compare.joined", len(names), andList(t.w, names), x.once, x.then), "")
			}
		}
	}
	_, err := io.WriteString(w, t.b.String())
	return err
}

func ratingOr(n int, none string) string {
	if n == 0 {
		return none
	}
	return strconv.Itoa(n)
}

func orNone(s string, w *assessment.Words) string {
	if s == "" {
		return w.Say("change.none.abbr")
	}
	return s
}

// plainSigned is a change of a rating with an ASCII sign, for a terminal.
func plainSigned(d *int, w *assessment.Words) string {
	if d == nil {
		return w.Say("change.none.abbr")
	}
	return signedRating(d)
}

type textOut struct {
	o TextOptions
	w *assessment.Words
	b strings.Builder
}

func (t *textOut) line(s string) { t.b.WriteString(strings.TrimRight(s, " ") + "\n") }

func (t *textOut) bold(s string) string {
	if !t.o.Color {
		return s
	}
	return "\x1b[1m" + s + "\x1b[0m"
}

// wrap prints a paragraph in lines of the width, the lines after the
// first set in by indent (and the first too, when indent is given).
func (t *textOut) wrap(s, indent string) {
	width := t.o.Width - ansi.StringWidth(indent)
	for i, l := range wrapWidth(s, width) {
		if i > 0 && indent == "" {
			t.line(l)
			continue
		}
		if i > 0 {
			t.line(indent + "  " + l)
			continue
		}
		t.line(indent + l)
	}
}

// wrapWidth breaks text at spaces (and after hyphens, when a word is too
// long) into lines no wider than width, where words allow.
func wrapWidth(s string, width int) []string {
	var words []string
	for _, word := range strings.Fields(s) {
		words = append(words, splitHyphens(word, width)...)
	}
	var lines []string
	line := ""
	for _, word := range words {
		sep := " "
		if strings.HasSuffix(line, "-") && !strings.HasSuffix(line, " -") {
			sep = "" // the rest of a word broken after its hyphen
		}
		switch {
		case line == "":
			line = word
		case ansi.StringWidth(line)+len(sep)+ansi.StringWidth(word) <= width:
			line += sep + word
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

// splitHyphens breaks a word wider than width after its hyphens:
// "Co-production" into "Co-", "production".
func splitHyphens(word string, width int) []string {
	if ansi.StringWidth(word) <= width || !strings.Contains(word, "-") {
		return []string{word}
	}
	parts := strings.SplitAfter(word, "-")
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return out
}

// headLines wraps a column's heading onto at most two lines, as narrow as
// it can be: its width is that of its widest line.
func headLines(h string, most int) []string {
	widest := 0
	for _, w := range strings.Fields(h) {
		for _, p := range strings.SplitAfter(w, "-") {
			widest = max(widest, ansi.StringWidth(p))
		}
	}
	for width := max(widest, 1); ; width++ {
		if lines := wrapWidth(h, width); len(lines) <= most || width >= ansi.StringWidth(h) {
			return lines
		}
	}
}

// table prints a table: the first column names, the others values in
// the middle of their columns; the headings over two lines; the foot
// after a rule. Changes are coloured when the options allow: a plus green,
// a minus red (the sign always says it too).
func (t *textOut) table(head []string, rows, foot [][]string, changes bool) {
	n := len(head)
	var heads [][]string
	var widths []int
	gap := 2
	rest := func() int {
		w := t.o.Width
		for j := 1; j < n; j++ {
			w -= widths[j] + gap
		}
		return w
	}
	// Headings over two lines, or more where long words (Welsh ones) would
	// not leave the names' column room.
	all := append(append([][]string{}, rows...), foot...)
	for most := 2; most <= 4; most++ {
		heads, widths, gap = make([][]string, n), make([]int, n), 2
		for j := 1; j < n; j++ {
			heads[j] = headLines(head[j], most)
			for _, l := range heads[j] {
				widths[j] = max(widths[j], ansi.StringWidth(l))
			}
			for _, row := range all {
				if j < len(row) {
					widths[j] = max(widths[j], ansi.StringWidth(row[j]))
				}
			}
		}
		if rest() < 16 {
			gap = 1
		}
		if rest() >= 8 {
			break
		}
	}
	widths[0] = max(rest(), 8)
	heads[0] = wrapWidth(head[0], widths[0])
	lines := 0
	for _, h := range heads {
		lines = max(lines, len(h))
	}
	pad := func(s string, w int, centre bool) string {
		space := max(w-ansi.StringWidth(s), 0)
		if !centre {
			return s + strings.Repeat(" ", space)
		}
		return strings.Repeat(" ", space-space/2) + s + strings.Repeat(" ", space/2)
	}
	sep := strings.Repeat(" ", gap)
	// Headings sit on the last lines, so that one-line headings line up
	// with the second line of two-line ones.
	for i := range lines {
		var b strings.Builder
		for j := range n {
			cell := ""
			if k := i - (lines - len(heads[j])); k >= 0 {
				cell = heads[j][k]
			}
			if j > 0 {
				b.WriteString(sep)
			}
			b.WriteString(pad(cell, widths[j], j > 0))
		}
		t.line(t.bold(strings.TrimRight(b.String(), " ")))
	}
	total := 0
	for _, w := range widths {
		total += w
	}
	rule := strings.Repeat("-", min(total+gap*(n-1), t.o.Width))
	t.line(rule)
	printRow := func(row []string) {
		names := wrapWidth(row[0], widths[0])
		for i, name := range names {
			var b strings.Builder
			b.WriteString(pad(name, widths[0], false))
			if i == 0 {
				for j := 1; j < n; j++ {
					cell := ""
					if j < len(row) {
						cell = row[j]
					}
					b.WriteString(sep)
					b.WriteString(t.colour(pad(cell, widths[j], true), cell, changes))
				}
			}
			t.line(b.String())
		}
	}
	for _, row := range rows {
		printRow(row)
	}
	if len(foot) > 0 {
		t.line(rule)
		for _, row := range foot {
			printRow(row)
		}
	}
}

// colour colours a change's cell (padded) by its sign, when allowed.
func (t *textOut) colour(padded, cell string, changes bool) string {
	if !t.o.Color || !changes {
		return padded
	}
	switch {
	case strings.HasPrefix(cell, "+"):
		return strings.Replace(padded, cell, "\x1b[32m"+cell+"\x1b[0m", 1)
	case strings.HasPrefix(cell, "-"):
		return strings.Replace(padded, cell, "\x1b[31m"+cell+"\x1b[0m", 1)
	}
	return padded
}
