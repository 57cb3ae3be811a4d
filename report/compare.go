package report

import (
	"errors"
	"slices"
	"strconv"
	"strings"

	"github.com/nest-nyth/nest/assessment"
)

// Comparison is what changed between the previous round of
// self-assessments and this one: "are we better than last year?". A change
// is counted only where a region (national) or service (regional) rated a
// principle in both rounds, so that a region that joined, left or gave no
// rating one year does not move the figures by its absence.
type Comparison struct {
	Year         int               `json:"year"`          // this round
	PreviousYear int               `json:"previous_year"` // the round compared with
	Principles   []PrincipleChange `json:"principles"`
	Rows         []RowChange       `json:"rows"`   // each region or service in both rounds, in this round's order
	Moved        []Move            `json:"moved"`  // ratings that moved from one level to another
	Joined       []Named           `json:"joined"` // submitted this round and not the previous one
	Left         []Named           `json:"left"`   // submitted the previous round and not this one
}

// PrincipleChange is a principle's average in each round and the change.
type PrincipleChange struct {
	Key    string  `json:"key"`
	Name   string  `json:"name"`
	Before *Tenths `json:"before"` // the previous round's average; null when none rated it
	After  *Tenths `json:"after"`  // this round's
	Both   int     `json:"both"`   // how many rated it in both rounds
	// Change is the average change of those that rated it in both rounds,
	// halves rounded away from zero; null when none did. It can differ
	// from After less Before when some rated it in one round only.
	Change     *Tenths `json:"change"`
	Direction  string  `json:"direction"`   // Up, Down or Same; "" when Change is null
	ThemesNew  []Count `json:"themes_new"`  // raised this round and not the previous one, with this round's counts
	ThemesGone []Count `json:"themes_gone"` // raised the previous round and not this one, with that round's counts
}

// RowChange is one region's or service's ratings in both rounds.
type RowChange struct {
	Key     string  `json:"key"`
	Name    string  `json:"name"`
	Before  Ratings `json:"before"`  // the previous round's ratings, null where not rated
	After   Ratings `json:"after"`   // this round's
	Changes []*int  `json:"changes"` // each principle's change, null where not rated in both rounds
	// Change is the average of Changes, halves rounded away from zero;
	// null when no principle was rated in both rounds.
	Change    *Tenths `json:"change"`
	Direction string  `json:"direction"`
}

// Move is a rating that moved from one level to another.
type Move struct {
	Key       string `json:"key"`       // the region or service
	Name      string `json:"name"`      // its name
	Principle string `json:"principle"` // the principle's key
	From      int    `json:"from"`
	To        int    `json:"to"`
}

// Directions of a change.
const (
	Up   = "up"
	Down = "down"
	Same = "same"
)

// Compare says what changed from prev, the previous round, to r. Both must
// be reports of the same kind (national, or the same region's services)
// and of different years.
//
// Its errors are in the language of w (nil for English).
func Compare(r, prev *Report, w *assessment.Words) (*Comparison, error) {
	if w == nil {
		w = assessment.English
	}
	switch {
	case r.Level != prev.Level:
		return nil, errors.New(w.Say("cli.compare.level", prev.Level, r.Level))
	case r.Level == Regional && r.Region != prev.Region:
		return nil, errors.New(w.Say("cli.compare.region", prev.RegionName, r.RegionName))
	case r.Year == prev.Year:
		return nil, errors.New(w.Say("cli.compare.year", r.Year))
	case len(r.Principles) != len(prev.Principles):
		return nil, errors.New(w.Say("cli.compare.principles", len(prev.Principles), len(r.Principles)))
	}
	for i := range r.Principles {
		if r.Principles[i].Key != prev.Principles[i].Key {
			return nil, errors.New(w.Say("cli.compare.principle", i+1, prev.Principles[i].Key, r.Principles[i].Key))
		}
	}
	c := &Comparison{Year: r.Year, PreviousYear: prev.Year, Principles: make([]PrincipleChange, len(r.Principles)),
		Rows: []RowChange{}, Moved: []Move{}, Joined: []Named{}, Left: []Named{}}
	before := map[string]Row{}
	for _, row := range prev.Rows {
		before[row.Key] = row
	}
	now := map[string]bool{}
	sum, n := make([]int, len(r.Principles)), make([]int, len(r.Principles))
	for _, row := range r.Rows {
		now[row.Key] = true
		old, ok := before[row.Key]
		if !ok {
			c.Joined = append(c.Joined, Named{Key: row.Key, Name: row.Name})
			continue
		}
		rc := RowChange{Key: row.Key, Name: row.Name, Before: padded(old.Ratings, len(r.Principles)), After: row.Ratings,
			Changes: make([]*int, len(r.Principles))}
		total, count := 0, 0
		for i := range r.Principles {
			a, b := at(row.Ratings, i), at(old.Ratings, i)
			if a == 0 || b == 0 {
				continue
			}
			d := a - b
			rc.Changes[i] = &d
			total, count = total+d, count+1
			sum[i], n[i] = sum[i]+d, n[i]+1
			if d != 0 {
				c.Moved = append(c.Moved, Move{Key: row.Key, Name: row.Name, Principle: r.Principles[i].Key, From: b, To: a})
			}
		}
		rc.Change, rc.Direction = averageChange(total, count)
		c.Rows = append(c.Rows, rc)
	}
	for _, row := range prev.Rows {
		if !now[row.Key] {
			c.Left = append(c.Left, Named{Key: row.Key, Name: row.Name})
		}
	}
	for i, p := range r.Principles {
		q := prev.Principles[i]
		pc := PrincipleChange{Key: p.Key, Name: p.Name, Before: q.Mean, After: p.Mean, Both: n[i],
			ThemesNew: themesNotIn(p.Themes, q.Themes), ThemesGone: themesNotIn(q.Themes, p.Themes)}
		pc.Change, pc.Direction = averageChange(sum[i], n[i])
		c.Principles[i] = pc
	}
	return c, nil
}

// at is the i-th rating, 0 when a shorter list has none.
func at(rs Ratings, i int) int {
	if i < len(rs) {
		return rs[i]
	}
	return 0
}

func padded(rs Ratings, n int) Ratings {
	out := make(Ratings, n)
	copy(out, rs)
	return out
}

// averageChange is sum/n to one decimal, halves rounded away from zero so
// that a fall reads as a rise does, and its direction.
func averageChange(sum, n int) (*Tenths, string) {
	if n == 0 {
		return nil, ""
	}
	m := Mean(sum, n)
	if sum < 0 {
		m = -Mean(-sum, n)
	}
	return &m, direction(int(m))
}

func direction(d int) string {
	switch {
	case d > 0:
		return Up
	case d < 0:
		return Down
	}
	return Same
}

// themesNotIn are the themes of a that b does not have, in a's order.
func themesNotIn(a, b []Count) []Count {
	out := []Count{}
	for _, t := range a {
		if !slices.ContainsFunc(b, func(u Count) bool { return u.Key == t.Key }) {
			out = append(out, t)
		}
	}
	return out
}

// The comparison in a report: Build calls these where the editorial file
// places nest:compare, or in a section of its own.

// compare adds what changed since the previous round: each principle's
// average then and now and the change, every region's or service's change
// of every rating, the ratings that moved level, the themes new and gone,
// and who submitted in one year only.
func (b *builder) compare() {
	c, r, w := b.r.Compare, b.r, b.w
	if c == nil {
		return
	}
	b.compared = true
	then, now := strconv.Itoa(c.PreviousYear), strconv.Itoa(c.Year)
	b.para(w.Say("compare.intro", c.Year, c.PreviousYear, unitWord(w, r.Level, 1)))

	t := Table{ID: "compare-table", Caption: w.Say("compare.caption", c.PreviousYear, c.Year), RowHeads: true,
		Head:   []string{w.Say("col.principle"), then, now, w.Say("col.change"), w.Say("col.words"), w.Say("col.both")},
		Widths: []float64{34, 10, 10, 12, 18, 16}}
	for _, p := range c.Principles {
		t.Rows = append(t.Rows, []Cell{{Text: p.Name}, {Text: mean(p.Before, w), Numeric: true}, {Text: mean(p.After, w), Numeric: true},
			{Text: signedTenths(p.Change, w), Numeric: true}, {Text: changeWords(w, p.Change, p.Direction)},
			{Text: w.Say("of", p.Both, len(c.Rows)), Numeric: true}})
	}
	b.add(t)

	if len(c.Rows) > 0 {
		// The principles' short names take most of the width: each is one
		// word or two, and a word cannot wrap.
		head := []string{b.whoPlural()}
		widths := []float64{16}
		for _, p := range assessment.Principles {
			head = append(head, shortName(w, p))
			widths = append(widths, 72/float64(len(assessment.Principles)))
		}
		head, widths = append(head, w.Say("col.average.change")), append(widths, 12)
		rows := Table{ID: "compare-rows-table", Caption: w.Say("compare.rows.caption", c.PreviousYear, lowerFirstWord(b.whoPlural())),
			Head: head, RowHeads: true, Widths: widths}
		sum, n := make([]int, len(c.Principles)), make([]int, len(c.Principles))
		for _, row := range c.Rows {
			cells := []Cell{{Text: row.Name}}
			for i, d := range row.Changes {
				cells = append(cells, Cell{Text: signedInt(d, w), Numeric: true})
				if d != nil {
					sum[i], n[i] = sum[i]+*d, n[i]+1
				}
			}
			rows.Rows = append(rows.Rows, append(cells, Cell{Text: signedTenths(row.Change, w), Numeric: true}))
		}
		foot := []Cell{{Text: w.Say("compare.rows.average."+r.Level, r.RegionName)}}
		total, count := 0, 0
		for i, p := range c.Principles {
			foot = append(foot, Cell{Text: signedTenths(p.Change, w), Numeric: true})
			total, count = total+sum[i], count+n[i]
		}
		all, _ := averageChange(total, count)
		rows.Foot = [][]Cell{append(foot, Cell{Text: signedTenths(all, w), Numeric: true})}
		b.para(w.Say("compare.rows.key", c.PreviousYear, w.Say("change.none.abbr")))
		b.add(rows)
	}

	if len(c.Moved) == 0 {
		b.para(w.Say("compare.moved.none"))
	} else {
		moved := Table{ID: "compare-moved-table", Caption: w.Say("compare.moved.caption", c.PreviousYear), RowHeads: true,
			Head:   []string{b.whoPlural(), w.Say("col.principle"), then, now, w.Say("col.change")},
			Widths: []float64{24, 28, 18, 18, 12}}
		for _, m := range c.Moved {
			d := Tenths(10 * (m.To - m.From))
			moved.Rows = append(moved.Rows, []Cell{{Text: m.Name}, {Text: principleName(r, m.Principle)},
				{Text: levelWords(w, m.From), Level: m.From}, {Text: levelWords(w, m.To), Level: m.To},
				{Text: changeWords(w, &d, direction(int(d)))}})
		}
		b.add(moved)
	}

	themes := Table{ID: "compare-themes-table", Caption: w.Say("compare.themes.caption", c.Year, c.PreviousYear), RowHeads: true,
		Head:   []string{w.Say("col.principle"), w.Say("col.themes.new", c.Year), w.Say("col.themes.gone", c.PreviousYear)},
		Widths: []float64{30, 35, 35}}
	changed := false
	for _, p := range c.Principles {
		changed = changed || len(p.ThemesNew) > 0 || len(p.ThemesGone) > 0
		themes.Rows = append(themes.Rows, []Cell{{Text: p.Name}, {Text: themeList(w, p.ThemesNew)}, {Text: themeList(w, p.ThemesGone)}})
	}
	if changed {
		b.add(themes)
	} else {
		b.para(w.Say("compare.themes.same"))
	}

	if len(c.Joined) == 0 && len(c.Left) == 0 {
		b.para(w.Say("compare.same", unit(w, r.Level, len(c.Rows))))
	}
	for _, x := range []struct {
		who       []Named
		once, not int
	}{{c.Joined, c.Year, c.PreviousYear}, {c.Left, c.PreviousYear, c.Year}} {
		if len(x.who) > 0 {
			var names []string
			for _, n := range x.who {
				names = append(names, n.Name)
			}
			b.para(w.Count("compare.joined", len(names), andList(w, names), x.once, x.not))
		}
	}
}

// principleChange is the sentence on a principle's change, for its
// section; "" when there is no comparison.
func (b *builder) principleChange(i int) string {
	c, w := b.r.Compare, b.w
	if c == nil || i >= len(c.Principles) {
		return ""
	}
	p := c.Principles[i]
	if p.Change == nil {
		return w.Say("compare.principle.none", c.PreviousYear, mean(p.Before, w), unitWord(w, b.r.Level, 1))
	}
	return w.Say("compare.principle", c.PreviousYear, mean(p.Before, w), changeWords(w, p.Change, p.Direction), unit(w, b.r.Level, p.Both))
}

// signedTenths writes a change with its sign, the minus a true minus
// sign: +0.2, −0.3, 0.0; n/a when there is none.
func signedTenths(t *Tenths, w *assessment.Words) string {
	if t == nil {
		return w.Say("change.none.abbr")
	}
	switch {
	case *t > 0:
		return "+" + t.String()
	case *t < 0:
		return "−" + (-*t).String()
	}
	return t.String()
}

func signedInt(d *int, w *assessment.Words) string {
	if d == nil {
		return w.Say("change.none.abbr")
	}
	switch {
	case *d > 0:
		return "+" + strconv.Itoa(*d)
	case *d < 0:
		return "−" + strconv.Itoa(-*d)
	}
	return "0"
}

// changeWords says a change in words: up 0.2, down 1, no change.
func changeWords(w *assessment.Words, t *Tenths, dir string) string {
	if t == nil {
		return w.Say("change.none")
	}
	size := t.String()
	if *t < 0 {
		size = (-*t).String()
	}
	if *t%10 == 0 {
		size = strconv.Itoa(int(*t) / 10)
		if *t < 0 {
			size = strconv.Itoa(int(-*t) / 10)
		}
	}
	switch dir {
	case Up:
		return w.Say("change.up", size)
	case Down:
		return w.Say("change.down", size)
	}
	return w.Say("change.same")
}

// levelWords is a rating with its level's name: 2 Early progress.
func levelWords(w *assessment.Words, rating int) string {
	if _, ok := assessment.LevelByRating(rating); !ok {
		return strconv.Itoa(rating)
	}
	return w.Say("compare.level", rating, w.Label("levels", strconv.Itoa(rating)))
}

func principleName(r *Report, key string) string {
	for _, p := range r.Principles {
		if p.Key == key {
			return p.Name
		}
	}
	return key
}

// themeList names themes with how many raised them: Welsh language (2);
// housing (1). "none" for none.
func themeList(w *assessment.Words, themes []Count) string {
	if len(themes) == 0 {
		return w.Say("compare.none")
	}
	parts := make([]string, len(themes))
	for i, t := range themes {
		parts[i] = w.Say("theme.count", t.Label, t.Count)
	}
	return strings.Join(parts, w.Say("list.semicolon"))
}
