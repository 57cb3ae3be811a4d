package report

import (
	"encoding/csv"
	"errors"
	"io"
	"regexp"
	"strconv"
	"strings"

	"github.com/nest-nyth/nest/assessment"
)

// CSV tables: WriteCSV writes one of them.
const (
	// TableSubmissions has a row per submission and principle: its rating,
	// target, the reason it gave for no rating, and its themes.
	TableSubmissions = "submissions"
	// TablePrinciples has a row per principle: its statistics.
	TablePrinciples = "principles"
	// TableChanges has a row per region or service and principle of either
	// round, when the report is compared with a previous one.
	TableChanges = "changes"
)

// CSVTables are the tables WriteCSV can write, the default first.
var CSVTables = []string{TableSubmissions, TablePrinciples, TableChanges}

// CSVOptions say which table to write, in which edition.
type CSVOptions struct {
	Table   string            // one of CSVTables; "" for TableSubmissions
	Edition string            // Public (the default): no file names, no status; Internal: both
	Words   *assessment.Words // for the columns in words; nil for English
}

// WriteCSV writes a table of the report for spreadsheets and analysts: RFC
// 4180 with CRLF line ends, UTF-8 with a byte order mark so that common
// spreadsheet programs open Welsh letters intact. The columns are fixed
// keys (documented in the README), one value a cell; numbers are written
// as numbers (2.3, +0.2), and a cell of text that a spreadsheet would take
// for a formula (it starts with =, +, -, @, a tab or a carriage return) is
// prefixed with an apostrophe, as OWASP recommends.
func WriteCSV(w io.Writer, r *Report, o CSVOptions) error {
	if o.Words == nil {
		o.Words = assessment.English
	}
	if o.Edition == "" {
		o.Edition = Public
	}
	var table func(*Report, CSVOptions, func([]string) error) error
	switch o.Table {
	case "", TableSubmissions:
		if len(r.Rows) != len(r.Submissions) {
			return errors.New(o.Words.Say("cli.csv.rows", len(r.Rows), len(r.Submissions)))
		}
		table = submissionRows
	case TablePrinciples:
		table = principleRows
	case TableChanges:
		if r.Compare == nil {
			return errors.New(o.Words.Say("cli.aggregate.table.compare", TableChanges))
		}
		table = changeRows
	default:
		return errors.New(o.Words.Say("cli.aggregate.table.unknown", o.Table, strings.Join(CSVTables, ", ")))
	}
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return err
	}
	// Rows are written as they are made: 10,000 services are 60,000 rows.
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	err := table(r, o, func(row []string) error {
		for i := range row {
			row[i] = neutralise(row[i])
		}
		return cw.Write(row)
	})
	if err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

// number is a cell that is a number, which a spreadsheet reads as one.
var number = regexp.MustCompile(`^[+-]?[0-9]+(\.[0-9]+)?$`)

// neutralise keeps a spreadsheet from running a cell as a formula: text
// that starts with =, +, -, @, a tab or a carriage return gets a leading
// apostrophe (OWASP, CSV injection). Numbers are left as they are.
func neutralise(s string) string {
	if s == "" || number.MatchString(s) || !strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return s
	}
	return "'" + s
}

func rating(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

func tenths(t *Tenths) string {
	if t == nil {
		return ""
	}
	return t.String()
}

// signed writes a change with an ASCII sign, as a spreadsheet reads it.
func signed(t *Tenths) string {
	if t == nil {
		return ""
	}
	if *t > 0 {
		return "+" + t.String()
	}
	return t.String()
}

func signedRating(d *int) string {
	if d == nil {
		return ""
	}
	if *d > 0 {
		return "+" + strconv.Itoa(*d)
	}
	return strconv.Itoa(*d)
}

// labels names themes by their labels, joined by "; ".
func labels(tags []string, label map[string]string) string {
	out := make([]string, len(tags))
	for i, t := range tags {
		out[i] = label[t]
		if out[i] == "" {
			out[i] = assessment.ThemeLabel(t, nil)
		}
	}
	return strings.Join(out, "; ")
}

func submissionRows(r *Report, o CSVOptions, emit func([]string) error) error {
	head := []string{"region", "region_name", "scope", "organisation", "year", "principle", "principle_name", "rating", "target", "not_rated", "themes"}
	internal := o.Edition == Internal
	if internal {
		head = append(head, "file", "status")
	}
	var before map[string]Row
	if c := r.Compare; c != nil {
		head = append(head, "previous_rating", "change", "change_in_words")
		before = map[string]Row{}
		for _, rc := range c.Rows {
			before[rc.Key] = Row{Key: rc.Key, Ratings: rc.Before}
		}
	}
	reasons := map[string]string{}
	label := map[string]string{}
	for _, p := range r.Principles {
		for _, s := range p.NotRatedReasons {
			reasons[s.ID] = s.Text
		}
		for _, t := range p.Themes {
			label[t.Key] = t.Label
		}
	}
	if err := emit(head); err != nil {
		return err
	}
	for i, s := range r.Submissions {
		row := r.Rows[i]
		for j, p := range r.Principles {
			var themes []string
			if j < len(row.Themes) {
				themes = row.Themes[j]
			}
			cells := []string{s.Region, s.RegionName, s.Scope, s.Organisation, strconv.Itoa(r.Year), p.Key, p.Name,
				rating(at(row.Ratings, j)), rating(at(row.Targets, j)), reasons[row.Key+"."+p.Key+"."+assessment.FieldNotRated.Key], labels(themes, label)}
			if internal {
				cells = append(cells, s.File, s.Status)
			}
			if before != nil {
				old, ok := before[row.Key]
				prev, d := 0, (*int)(nil)
				if ok {
					prev = at(old.Ratings, j)
					if a := at(row.Ratings, j); a > 0 && prev > 0 {
						v := a - prev
						d = &v
					}
				}
				cells = append(cells, rating(prev), signedRating(d), intWords(o.Words, d))
			}
			if err := emit(cells); err != nil {
				return err
			}
		}
	}
	return nil
}

// intWords says a change of a rating in words; "" when there is none.
func intWords(w *assessment.Words, d *int) string {
	if d == nil {
		return ""
	}
	t := Tenths(10 * *d)
	return changeWords(w, &t, direction(*d))
}

func principleRows(r *Report, o CSVOptions, emit func([]string) error) error {
	head := []string{"principle", "principle_name", "rated", "not_rated", "mean", "min", "max", "at_1", "at_2", "at_3", "at_4", "targets", "mean_target", "themes"}
	c := r.Compare
	if c != nil {
		head = append(head, "previous_mean", "rated_in_both_years", "change", "change_in_words", "themes_new", "themes_gone")
	}
	if err := emit(head); err != nil {
		return err
	}
	for i, p := range r.Principles {
		themes := make([]string, len(p.Themes))
		for k, t := range p.Themes {
			themes[k] = o.Words.Say("theme.count", t.Label, t.Count)
		}
		cells := []string{p.Key, p.Name, strconv.Itoa(p.Rated), strconv.Itoa(p.NotRated), tenths(p.Mean), rating(p.Min), rating(p.Max)}
		for l := range len(assessment.Levels) {
			n := 0
			if l < len(p.AtLevel) {
				n = p.AtLevel[l]
			}
			cells = append(cells, strconv.Itoa(n))
		}
		cells = append(cells, strconv.Itoa(p.Targets), tenths(p.MeanTarget), strings.Join(themes, "; "))
		if c != nil && i < len(c.Principles) {
			pc := c.Principles[i]
			words := ""
			if pc.Change != nil {
				words = changeWords(o.Words, pc.Change, pc.Direction)
			}
			cells = append(cells, tenths(pc.Before), strconv.Itoa(pc.Both), signed(pc.Change), words,
				themeCells(o.Words, pc.ThemesNew), themeCells(o.Words, pc.ThemesGone))
		}
		if err := emit(cells); err != nil {
			return err
		}
	}
	return nil
}

func themeCells(w *assessment.Words, themes []Count) string {
	parts := make([]string, len(themes))
	for i, t := range themes {
		parts[i] = w.Say("theme.count", t.Label, t.Count)
	}
	return strings.Join(parts, "; ")
}

func changeRows(r *Report, o CSVOptions, emit func([]string) error) error {
	c, w := r.Compare, o.Words
	var err error
	out := func(row []string) {
		if err == nil {
			err = emit(row)
		}
	}
	out([]string{"key", "name", "principle", "principle_name", "rounds", "previous_rating", "rating", "change", "change_in_words"})
	both := w.Say("csv.rounds.both", c.PreviousYear, c.Year)
	for _, rc := range c.Rows {
		for j, p := range r.Principles {
			var d *int
			if j < len(rc.Changes) {
				d = rc.Changes[j]
			}
			out([]string{rc.Key, rc.Name, p.Key, p.Name, both, rating(at(rc.Before, j)), rating(at(rc.After, j)), signedRating(d), intWords(w, d)})
		}
	}
	now := map[string]Row{}
	for _, row := range r.Rows {
		now[row.Key] = row
	}
	for _, n := range c.Joined {
		for j, p := range r.Principles {
			out([]string{n.Key, n.Name, p.Key, p.Name, w.Say("csv.rounds.one", c.Year), "", rating(at(now[n.Key].Ratings, j)), "", ""})
		}
	}
	for _, n := range c.Left {
		for _, p := range r.Principles {
			out([]string{n.Key, n.Name, p.Key, p.Name, w.Say("csv.rounds.one", c.PreviousYear), "", "", "", ""})
		}
	}
	return err
}
