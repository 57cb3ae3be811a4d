package report

import (
	"bytes"
	"errors"
	"fmt"
	"hash/maphash"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/nest-nyth/nest/assessment"
)

// BuildOptions say what report to make of the figures.
type BuildOptions struct {
	Edition   string            // Public (the default) or Internal
	Editorial *Editorial        // what the analysts wrote; nil for the default sections
	Words     *assessment.Words // the report's language; nil for English
	MaxQuotes int               // words shown per principle where the editorial file does not choose (0: 4 in public, every one in internal)
	Published string            // YYYY-MM-DD, when not in the editorial file ("" leaves the report unpublished)
	Format    string            // HTML for the web page's own accessibility statement; "" for the PDF's
	Messages  *assessment.Words // the language of its error messages; nil for Words
}

// langTag is a BCP 47 language tag, as an editorial file may give one.
var langTag = regexp.MustCompile(`^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$`)

// HTML is BuildOptions.Format for a Doc that becomes a web page.
const HTML = "html"

// DefaultQuotes is how many of a principle's words a public edition shows
// when the editorial file does not choose them.
const DefaultQuotes = 4

// Build makes the Doc of a report: its particulars, and its sections in
// reading order, the editorial file's with the figures where its
// directives say, or the default ones. An editorial file that names a
// principle, a quote or a directive nest does not know is an error naming
// its line.
func Build(r *Report, o BuildOptions) (*Doc, error) {
	if o.Words == nil {
		o.Words = assessment.English
	}
	if o.Edition == "" {
		o.Edition = Public
	}
	if o.Messages == nil {
		o.Messages = o.Words
	}
	b := &builder{r: r, o: o, w: o.Words, m: o.Messages, ids: map[string]bool{}}
	b.front()
	if o.Editorial != nil {
		if err := b.editorial(o.Editorial); err != nil {
			return nil, err
		}
	} else {
		b.defaults()
	}
	if b.o.Edition == Internal {
		b.internal()
	}
	b.about()
	return b.doc, nil
}

type builder struct {
	r        *Report
	o        BuildOptions
	w        *assessment.Words
	m        *assessment.Words // the language of the messages
	doc      *Doc
	figures  int
	ids      map[string]bool
	texts    map[string]quotable // every quotable words of the report, by id: see quotable
	placed   map[string]bool     // principles whose figures are placed
	ratings  bool                // the ratings table is placed
	compared bool                // the comparison with the previous round is placed
}

func (b *builder) add(blocks ...Block) { b.doc.Blocks = append(b.doc.Blocks, blocks...) }

// heading adds a heading with an id unique in the Doc.
func (b *builder) heading(level int, text string) {
	id := anchor(text)
	for n := 2; b.ids[id]; n++ {
		id = anchor(text) + "-" + strconv.Itoa(n)
	}
	b.ids[id] = true
	b.add(Heading{Level: level, Text: text, ID: id})
}

func (b *builder) para(text string) { b.add(Plain(text)) }

// national reports whether the report is of the regions.
func (b *builder) national() bool { return b.r.Level == National }

// front fills in the title and the publication's particulars.
func (b *builder) front() {
	r, w := b.r, b.w
	d := &Doc{Lang: w.Lang, Title: r.Title, Edition: b.o.Edition, words: w}
	round := b.round()
	if b.national() {
		d.Subtitle = w.Say("subtitle.national", round)
		d.Front.Publisher = w.Say("front.publisher.national")
		d.Front.Contact = w.Say("front.contact.national")
	} else {
		d.Subtitle = w.Say("subtitle.regional", r.RegionName, round)
		d.Front.Publisher = w.Say("front.publisher.regional", r.RegionName)
	}
	d.Front.Type = w.Say("front.type")
	d.Front.LicenceURL = w.Say("front.licence.url")
	d.Front.Published = b.o.Published
	if e := b.o.Editorial; e != nil {
		f := e.Front
		for _, set := range []struct {
			dst *string
			v   string
		}{{&d.Title, f.Title}, {&d.Subtitle, f.Subtitle}, {&d.Front.Publisher, f.Publisher}, {&d.Front.Published, f.Published},
			{&d.Front.Updated, f.Updated}, {&d.Front.Contact, f.Contact}, {&d.Front.Licence, f.Licence}, {&d.Front.Description, f.Description}} {
			if set.v != "" {
				*set.dst = set.v
			}
		}
	}
	if d.Front.Updated == "" {
		d.Front.Updated = d.Front.Published
	}
	if d.Front.Licence == "" { // Crown copyright of the year it is published
		d.Front.Licence = w.Say("front.licence", yearOf(d.Front.Published, yearOf(r.Date, r.Year)))
	}
	if d.Front.Description == "" {
		d.Front.Description = d.Subtitle
	}
	// What the title page says besides the title.
	if d.Front.Published != "" {
		d.Front.Lines = append(d.Front.Lines, w.Say("front.published", dayWords(w, d.Front.Published)))
		if d.Front.Updated != d.Front.Published {
			d.Front.Lines = append(d.Front.Lines, w.Say("front.updated", dayWords(w, d.Front.Updated)))
		}
	} else {
		d.Front.Lines = append(d.Front.Lines, w.Say("front.unpublished", dayWords(w, r.Date)))
	}
	d.Front.Lines = append(d.Front.Lines, b.counts())
	if b.o.Edition == Internal {
		d.Front.Lines = append(d.Front.Lines, w.Say("front.internal"))
	}
	b.doc = d
}

// round names the round of self-assessments: "October 2024", the month
// most were submitted in, else the year.
func (b *builder) round() string {
	months := map[string]int{}
	best := ""
	for _, s := range b.r.Submissions {
		if len(s.Submitted) >= 7 {
			m := s.Submitted[:7]
			months[m]++
			if months[m] > months[best] || months[m] == months[best] && m > best {
				best = m
			}
		}
	}
	if best == "" {
		return strconv.Itoa(b.r.Year)
	}
	return monthWords(b.w, best)
}

func yearOf(date string, fallback int) int {
	if y, err := strconv.Atoi(strings.SplitN(date, "-", 2)[0]); err == nil && y > 0 {
		return y
	}
	return fallback
}

// counts says how many submitted, for the title page and the method.
func (b *builder) counts() string {
	r, w := b.r, b.w
	n := len(r.Submissions)
	if b.national() {
		all := len(assessment.Regions)
		s := w.Count("counts.national", all-len(r.NotSubmitted), all-len(r.NotSubmitted), all)
		if n != all-len(r.NotSubmitted) {
			s = w.Count("counts.national.some", n, all-len(r.NotSubmitted), all, n)
		}
		return s
	}
	return w.Count("counts.regional", n, n, r.RegionName)
}

// source is the line under a figure or table: where its numbers are from.
func (b *builder) source() string {
	return b.w.Say("source", b.round(), len(b.r.Submissions))
}

// defaults adds the sections of a report with no editorial file.
func (b *builder) defaults() {
	r, w := b.r, b.w
	b.add(Contents{Title: w.Say("contents")}, PageBreak{})
	b.heading(1, w.Say("h.introduction"))
	if b.national() {
		b.para(w.Say("intro.national", b.round()))
	} else {
		b.para(w.Say("intro.regional", r.RegionName, b.round()))
	}
	b.para(w.Say("intro.method"))
	b.heading(1, w.Say("h.ratings"))
	b.levels()
	b.summary()
	if r.Compare != nil {
		b.heading(1, w.Say("h.compare", r.Compare.PreviousYear))
		b.compare()
	}
	if b.national() {
		b.heading(1, w.Say("h.perspectives.national"))
	} else {
		b.heading(1, w.Say("h.perspectives.regional"))
	}
	for i := range r.Principles {
		b.heading(2, r.Principles[i].Name)
		b.principle(i)
		if s := Synthesis(r, i, w); len(s) > 0 {
			b.para(strings.Join(s, " "))
		}
		if b.o.Edition == Internal {
			b.themes(i)
		}
		b.chosen(i)
	}
	b.heading(1, w.Say("h.voices"))
	b.voices()
	if b.o.Edition == Internal {
		b.heading(1, w.Say("h.ratings.by", b.whoPlural()))
		b.ratingsTable()
	}
	b.heading(1, w.Say("h.submissions"))
	b.submissions()
}

func (b *builder) whoPlural() string {
	if b.national() {
		return b.w.Say("word.region.title")
	}
	return b.w.Say("word.service.title")
}

// levels lists the four levels of the NEST journey rating.
func (b *builder) levels() {
	w := b.w
	b.para(w.Say("levels.intro", len(assessment.Levels)))
	var items [][]Run
	for _, l := range assessment.Levels {
		n := strconv.Itoa(l.Rating)
		items = append(items, []Run{{Text: n + " ", Bold: true}, {Text: w.Say("levels.item", w.Label("levels", n), lowerFirstWord(strings.TrimSuffix(w.Say("levels."+n+".meaning"), ".")))}})
	}
	b.add(List{Ordered: false, Items: items})
}

// summary is the table and chart of the averages, and a sentence on them.
func (b *builder) summary() {
	r, w := b.r, b.w
	t := Table{ID: "summary-table", Caption: w.Say("summary.caption", b.round()), RowHeads: true,
		Head: []string{w.Say("col.principle"), w.Say("col.average"), w.Say("col.rated"), w.Say("col.range")}, Widths: []float64{50, 16, 18, 16}}
	chart := BarChart{Min: 1, Max: len(assessment.Levels), Empty: w.Say("chart.empty")}
	var alt []string
	for _, s := range r.Principles {
		rng := "-"
		if s.Rated > 0 {
			rng = w.Say("range", s.Min, s.Max)
		}
		t.Rows = append(t.Rows, []Cell{{Text: s.Name}, {Text: mean(s.Mean, w), Numeric: true}, {Text: w.Say("of", s.Rated, s.Rated+s.NotRated), Numeric: true}, {Text: rng, Numeric: true}})
		chart.Labels = append(chart.Labels, s.Name)
		chart.Values = append(chart.Values, s.Mean)
		alt = append(alt, w.Say("chart.alt.item", s.Name, mean(s.Mean, w)))
	}
	for _, l := range assessment.Levels {
		chart.Ticks = append(chart.Ticks, Tick{Value: l.Rating, Label: strconv.Itoa(l.Rating), Name: w.Label("levels", strconv.Itoa(l.Rating))})
	}
	b.add(t)
	b.figures++
	b.add(Figure{ID: "figure-" + strconv.Itoa(b.figures), Number: b.figures, Title: w.Say("chart.title"),
		Alt: w.Say("chart.alt", strings.Join(alt, w.Say("list.semicolon"))), Source: b.source(), Chart: chart, Data: t.ID})
	if len(r.Highest) > 0 {
		b.para(w.Say("summary.extremes", b.named(r.Highest), r.highMean().String(), b.named(r.Lowest), r.lowMean().String()))
	}
}

func (b *builder) named(keys []string) string {
	var names []string
	for _, k := range keys {
		names = append(names, lowerName(b.r, k))
	}
	return andList(b.w, names)
}

func mean(t *Tenths, w *assessment.Words) string {
	if t == nil {
		return w.Say("notrated.short")
	}
	return t.String()
}

// principle adds a principle's figures: its average, then how many rated
// it, from what to what and at which levels, and who did not rate it and
// why (by name when there are few).
func (b *builder) principle(i int) {
	r, w := b.r, b.w
	s := r.Principles[i]
	if b.national() {
		b.add(Para{Style: Lead, Runs: []Run{{Text: w.Say("average.national", mean(s.Mean, w)), Bold: true}}})
	} else {
		b.add(Para{Style: Lead, Runs: []Run{{Text: w.Say("average.regional", r.RegionName, mean(s.Mean, w)), Bold: true}}})
	}
	var figures []string
	if s.Rated > 0 {
		var at []string
		for l, n := range s.AtLevel {
			if n > 0 {
				at = append(at, w.Count("synth.at", n, n, lowerFirstWord(w.Label("levels", strconv.Itoa(l+1)))))
			}
		}
		if s.Min == s.Max {
			figures = append(figures, w.Count("synth.all", s.Rated, s.Rated, unitWord(w, r.Level, s.Rated), s.Min))
		} else {
			figures = append(figures, w.Say("synth.range", capital(unit(w, r.Level, s.Rated)), s.Min, s.Max, andList(w, at)))
		}
	}
	// A reason is the file's words, marked with its language when that is
	// not the report's.
	var reasons []Run
	switch n := len(s.NotRatedReasons); {
	case n == 0:
	case n <= 3:
		for _, reason := range s.NotRatedReasons {
			said := w.Say("synth.notrated.why", capital(who(w, r.Level, reason.By)), "\x00")
			before, after, _ := strings.Cut(said, "\x00")
			reasons = append(reasons, Run{Text: " " + before}, Run{Text: sentence(reason.Text), Lang: b.otherLang(reason.Lang)}, Run{Text: after})
		}
	default:
		figures = append(figures, w.Count("synth.notrated.many", n, n, unitWord(w, r.Level, n)))
	}
	var change []Run
	if c := b.principleChange(i); c != "" {
		change = []Run{{Text: " " + c}}
	}
	if runs := append(append([]Run{{Text: strings.Join(figures, " ")}}, reasons...), change...); Text(runs) != "" {
		if runs[0].Text == "" {
			runs = runs[1:]
			runs[0].Text = strings.TrimPrefix(runs[0].Text, " ")
		}
		b.add(Para{Runs: runs})
	}
	if b.placed == nil {
		b.placed = map[string]bool{}
	}
	b.placed[s.Key] = true
}

// themes says which themes the submissions raised under a principle.
func (b *builder) themes(i int) {
	s, w := b.r.Principles[i], b.w
	if len(s.Themes) == 0 {
		return
	}
	var parts []string
	for _, t := range s.Themes {
		parts = append(parts, w.Say("theme.count", lowerFirstWord(t.Label), t.Count))
	}
	b.add(Para{Runs: []Run{{Text: w.Say("themes.label"), Bold: true}, {Text: " " + sentence(strings.Join(parts, w.Say("list.semicolon")))}}})
}

// quotable is words a report may quote: any free text of a submission.
type quotable struct {
	id, by, text, lead string
	principle          int
	lang               string // the language its file says it is in
}

// quotable finds words of the report by id. The index of every words is
// made the first time one is asked for (an editorial file's nest:quotes,
// the internal edition's entries): a public edition without an editorial
// file never needs it, and with 10,000 services it is large.
func (b *builder) quotable(id string) (quotable, bool) {
	if b.texts == nil {
		b.texts = b.r.texts()
	}
	q, ok := b.texts[id]
	return q, ok
}

// texts indexes every quotable words of the report by id, with the words
// that lead into each.
func (r *Report) texts() map[string]quotable {
	m := map[string]quotable{}
	for i, p := range r.Principles {
		for _, f := range assessment.ResponseTexts() {
			lead := "lead." + f.Key
			for _, s := range p.Texts[f.Key] {
				m[s.ID] = saidQuotable(s, lead, i)
			}
		}
		for _, s := range p.NotRatedReasons {
			m[s.ID] = quotable{s.ID, s.By, s.Text, "lead.not_rated", i, s.Lang}
		}
		for _, a := range p.Actions {
			m[a.ID] = quotable{a.ID, a.By, a.Action, "lead.action", i, a.Lang}
		}
		for _, q := range p.Quotes {
			m[q.ID] = quoteQuotable(q, i)
		}
	}
	return m
}

// saidQuotable is s, led in by the words at lead ("lead.working_well").
func saidQuotable(s Said, lead string, principle int) quotable {
	return quotable{s.ID, s.By, s.Text, lead, principle, s.Lang}
}

func quoteQuotable(q Quote, principle int) quotable {
	lead, ok := quoteLeads[q.From]
	if !ok {
		lead = "lead.quote." + q.From
	}
	return quotable{q.ID, q.By, q.Quote, lead, principle, q.Lang}
}

// quoteLeads are the words that lead into a quote from each of the
// catalogue's sources, made once rather than for every quote.
var quoteLeads = func() map[string]string {
	m := map[string]string{}
	for _, c := range assessment.Sources {
		m[c.Key] = "lead.quote." + c.Key
	}
	return m
}()

// otherLang is the language to mark words in when it is not the
// report's: cy in an English report, en in a Welsh one; "" when it is the
// report's, or both, or not known.
func (b *builder) otherLang(lang string) string {
	if (lang == "cy" || lang == "en") && !strings.HasPrefix(b.w.Lang, lang) {
		return lang
	}
	return ""
}

// excerpt is a quotable's words as a block, led in as the 2024 update
// does ("Feedback from the Gwent region:"), its id shown in the internal
// edition.
func (b *builder) excerpt(q quotable, count int) Excerpt {
	w := b.w
	lead := q.lead
	if !w.Has(lead) {
		lead = "lead.quote.region"
	}
	e := Excerpt{Lead: capital(w.Say(lead, who(w, b.r.Level, q.by))), Text: q.text}
	if count > 1 {
		e.Lead = capital(w.Count("lead.many", count, count, unitWord(w, b.r.Level, count)))
	}
	e.Lang = b.otherLang(q.lang)
	if b.o.Edition == Internal {
		e.ID = q.id
	}
	return e
}

// chosen adds a principle's words where no one chose them: in turn from
// each region or service, the same words never twice (said by many, they
// are shown once, saying so), the rest counted.
func (b *builder) chosen(i int) {
	s, w := b.r.Principles[i], b.w
	keys := []string{"working_well", "good_looks_like"}
	pool := make([]quotable, 0, len(s.Quotes)+len(s.Texts[keys[0]])+len(s.Texts[keys[1]]))
	for _, q := range s.Quotes {
		pool = append(pool, quoteQuotable(q, i))
	}
	for _, key := range keys {
		lead := "lead." + key
		for _, t := range s.Texts[key] {
			pool = append(pool, saidQuotable(t, lead, i))
		}
	}
	max := b.o.MaxQuotes
	if max == 0 {
		max = DefaultQuotes
	}
	shown, counts, rest := pick(pool, max)
	if len(shown) == 0 {
		return
	}
	b.add(Para{Style: Label, Runs: []Run{{Text: w.Say("said.label"), Bold: true}}})
	for k, q := range shown {
		b.add(b.excerpt(q, counts[k]))
	}
	if rest > 0 {
		if b.o.Edition == Internal {
			b.para(w.Count("said.more.internal", rest, rest))
		} else {
			b.para(w.Count("said.more", rest, rest))
		}
	}
}

// pick takes up to n of items, spread across who said them (the first of
// each, then the second of each, ...), the same words once with how many
// said them; rest is how many different words were left.
func pick(items []quotable, n int) (shown []quotable, counts []int, rest int) {
	type group struct {
		q        quotable
		count    int
		from, to int // its words folded: folded[from:to]
	}
	// Each distinct words' folded form is kept once, in one piece, and
	// found again by its hash.
	var groups []*group
	byText := map[uint64][]*group{} // more than one only when two words' hashes meet
	seed := maphash.MakeSeed()
	var folded, scratch []byte
outer:
	for _, q := range items {
		scratch = appendFolded(scratch[:0], q.text)
		k := maphash.Bytes(seed, scratch)
		for _, g := range byText[k] {
			if bytes.Equal(folded[g.from:g.to], scratch) {
				g.count++
				continue outer
			}
		}
		g := &group{q: q, count: 1, from: len(folded), to: len(folded) + len(scratch)}
		folded = append(folded, scratch...)
		byText[k] = append(byText[k], g)
		groups = append(groups, g)
	}
	// Said by many first: what many share is what a reader should see.
	slices.SortStableFunc(groups, func(a, b *group) int { return b.count - a.count })
	distinct := make([]quotable, len(groups))
	for i, g := range groups {
		distinct[i] = g.q
	}
	chosen, left := Select(distinct, func(q quotable) string { return q.by }, n)
	count := map[string]int{}
	for _, g := range groups {
		count[g.q.id] = g.count
	}
	for _, q := range chosen {
		shown = append(shown, q)
		counts = append(counts, count[q.id])
	}
	return shown, counts, left
}

// Words are the same to pick when they fold the same: lower case, runs of
// spaces and new lines one space, no space at the ends, as
// strings.ToLower(strings.Join(strings.Fields(s), " ")) makes them, but
// into one buffer used again and again (see appendFolded), not a new
// string for each words of 10,000 services.

// folder reads words one folded letter at a time.
type folder struct {
	s       string
	i       int
	started bool // a letter has been read: spaces after it count
	space   bool // spaces were read since the last letter
}

// next is the next folded letter, ' ' for a run of spaces between words;
// false at the end.
func (f *folder) next() (rune, bool) {
	for f.i < len(f.s) {
		r, size := rune(f.s[f.i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(f.s[f.i:])
		}
		if r == ' ' || '\t' <= r && r <= '\r' || r >= utf8.RuneSelf && unicode.IsSpace(r) {
			f.i += size
			f.space = f.started
			continue
		}
		if f.space {
			f.space = false
			return ' ', true
		}
		f.i += size
		f.started = true
		switch {
		case 'A' <= r && r <= 'Z':
			r += 'a' - 'A'
		case r >= utf8.RuneSelf:
			r = unicode.ToLower(r)
		}
		return r, true
	}
	return 0, false
}

// appendFolded appends s folded to b. ASCII is folded a byte at a time;
// from the first letter that is not, a letter at a time.
func appendFolded(b []byte, s string) []byte {
	space, started := false, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= utf8.RuneSelf:
			f := folder{s: s, i: i, started: started, space: space}
			for r, ok := f.next(); ok; r, ok = f.next() {
				b = utf8.AppendRune(b, r)
			}
			return b
		case c == ' ' || '\t' <= c && c <= '\r':
			space = started
			continue
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		}
		if space {
			b = append(b, ' ')
			space = false
		}
		b = append(b, c)
		started = true
	}
	return b
}

// voices says whose voices informed the self-assessments, and how.
func (b *builder) voices() {
	r, w := b.r, b.w
	t := Table{ID: "voices-table", Caption: w.Say("voices.caption"), RowHeads: true, Head: []string{w.Say("col.group"), w.Say("col.heard")}, Widths: []float64{60, 40}}
	var missing, few []string
	for _, v := range r.Voices {
		t.Rows = append(t.Rows, []Cell{{Text: v.Label}, {Text: w.Say("of", v.Count, v.Of), Numeric: true}})
		switch {
		case v.Count == 0:
			missing = append(missing, lowerFirstWord(v.Label))
		case 2*v.Count < v.Of:
			few = append(few, w.Say("of.named", lowerFirstWord(v.Label), v.Count, v.Of))
		}
	}
	b.add(t)
	if len(missing) > 0 {
		b.para(w.Say("voices.missing", andList(w, missing)))
	}
	if len(few) > 0 {
		b.para(w.Say("voices.few", andList(w, few)))
	}
	hows := make([]quotable, 0, len(r.How))
	for _, h := range r.How {
		hows = append(hows, quotable{id: h.ID, by: h.By, text: h.Text, lead: "lead.how", lang: h.Lang})
	}
	max := b.o.MaxQuotes
	if max == 0 && b.o.Edition == Public {
		max = DefaultQuotes
	}
	if b.o.Edition == Internal && b.o.MaxQuotes == 0 {
		max = len(hows)
	}
	shown, counts, rest := pick(hows, max)
	if len(shown) > 0 {
		b.add(Para{Style: Label, Runs: []Run{{Text: w.Say("voices.how"), Bold: true}}})
		for k, q := range shown {
			b.add(b.excerpt(q, counts[k]))
		}
		if rest > 0 {
			b.para(w.Count("said.more", rest, rest))
		}
	}
}

// shortName is a principle's short name, for a table's heading, in the
// report's language.
func shortName(w *assessment.Words, p assessment.Principle) string {
	return w.Say("principles." + p.Key + ".short")
}

// ratingsTable is every region's or service's rating of every principle,
// headed by the principles' short names, with the average of each.
func (b *builder) ratingsTable() {
	r, w := b.r, b.w
	b.ratings = true
	head := []string{b.whoPlural()}
	widths := []float64{40}
	for _, p := range assessment.Principles {
		head = append(head, shortName(w, p))
		widths = append(widths, 60/float64(len(assessment.Principles)))
	}
	t := Table{ID: "ratings-table", Caption: w.Say("ratings.caption", lowerFirstWord(b.whoPlural()), b.round()), Head: head, RowHeads: true, Widths: widths}
	for _, row := range r.Rows {
		cells := []Cell{{Text: row.Name}}
		for _, v := range row.Ratings {
			c := Cell{Text: w.Say("notrated.abbr"), Numeric: true}
			if v > 0 {
				c = Cell{Text: strconv.Itoa(v), Level: v, Numeric: true}
			}
			cells = append(cells, c)
		}
		t.Rows = append(t.Rows, cells)
	}
	avg := []Cell{{Text: w.Say("ratings.average."+r.Level, r.RegionName)}}
	for _, s := range r.Principles {
		avg = append(avg, Cell{Text: mean(s.Mean, w), Numeric: true})
	}
	t.Foot = [][]Cell{avg}
	b.para(w.Say("ratings.key", w.Say("notrated.abbr")))
	b.add(t)
}

// submissions lists the self-assessments in the report, and the regions
// that sent none; the internal edition names their files too, and what
// was left out and why.
func (b *builder) submissions() {
	r, w := b.r, b.w
	var items [][]Run
	for _, s := range r.Submissions {
		// The organisation's name is its file's words, marked with the
		// file's language where that is not the report's: a mark stands
		// for it until the line is made.
		name := "\x00"
		if b.national() {
			name = w.Say("submission.region", s.RegionName, name)
		}
		line := name
		if s.Submitted != "" {
			line = w.Say("submission.when", name, dayWords(w, s.Submitted))
		}
		if s.Status != assessment.StatusFinal {
			line += w.Say("submission.draft")
		}
		if b.o.Edition == Internal && s.File != "" {
			line += w.Say("submission.file", s.File)
		}
		before, after, _ := strings.Cut(line, "\x00")
		runs := []Run{{Text: before}, {Text: s.Organisation, Lang: b.otherLang(s.Language)}, {Text: after}}
		items = append(items, slices.DeleteFunc(runs, func(r Run) bool { return r.Text == "" }))
	}
	b.para(w.Say("submissions.intro", unit(w, r.Level, len(r.Submissions))))
	b.add(List{Items: items})
	if b.national() && len(r.NotSubmitted) > 0 {
		var names []string
		for _, n := range r.NotSubmitted {
			names = append(names, n.Name)
		}
		b.para(w.Count("submissions.missing", len(names), andList(w, names)))
	}
	var withErrors []string
	for _, l := range r.LeftOut {
		if l.Reason == LeftErrors && l.Region != "" && b.national() {
			withErrors = append(withErrors, w.Label("regions", l.Region))
		}
	}
	if len(withErrors) > 0 && b.o.Edition == Public {
		b.para(w.Count("submissions.errors", len(withErrors), andList(w, withErrors)))
	}
}

// internal adds what only the analysts see: every entry of every
// principle with its id, the ratings, the files, and what was left out.
func (b *builder) internal() {
	r, w := b.r, b.w
	b.heading(1, w.Say("h.entries"))
	b.para(w.Say("entries.intro"))
	for i, s := range r.Principles {
		b.heading(2, s.Name)
		kinds := []struct {
			title string
			ids   []string
		}{}
		for _, f := range assessment.ResponseTexts() {
			var ids []string
			for _, t := range s.Texts[f.Key] {
				ids = append(ids, t.ID)
			}
			kinds = append(kinds, struct {
				title string
				ids   []string
			}{f.Title(), ids})
		}
		var reasons, actions, quotes []string
		for _, t := range s.NotRatedReasons {
			reasons = append(reasons, t.ID)
		}
		for _, a := range s.Actions {
			actions = append(actions, a.ID)
		}
		for _, q := range s.Quotes {
			quotes = append(quotes, q.ID)
		}
		kinds = append(kinds,
			struct {
				title string
				ids   []string
			}{assessment.FieldNotRated.Title(), reasons},
			struct {
				title string
				ids   []string
			}{assessment.FieldActions.Title(), actions},
			struct {
				title string
				ids   []string
			}{assessment.FieldFeedback.Title(), quotes})
		for _, k := range kinds {
			if len(k.ids) == 0 {
				continue
			}
			b.heading(3, k.title)
			for _, id := range k.ids {
				q, _ := b.quotable(id)
				e := b.excerpt(q, 1)
				if a := b.action(i, id); a != "" {
					e.Text += " " + a
				}
				b.add(e)
			}
		}
	}
	if !b.ratings {
		b.heading(1, w.Say("h.ratings.by", b.whoPlural()))
		b.ratingsTable()
	}
	if len(r.LeftOut) > 0 {
		b.heading(1, w.Say("h.leftout"))
		var items [][]Run
		for _, l := range r.LeftOut {
			reason := w.Say("leftout.errors")
			if l.Reason == LeftDraft {
				reason = w.Say("leftout.draft")
			}
			name := l.File
			if l.Region != "" {
				name = w.Say("leftout.region", l.File, w.Label("regions", l.Region))
			}
			items = append(items, []Run{{Text: w.Say("leftout.item", name, reason)}})
		}
		b.add(List{Items: items})
	}
}

// action is an action's owner and month due, in words, for its entry.
func (b *builder) action(i int, id string) string {
	for _, a := range b.r.Principles[i].Actions {
		if a.ID != id {
			continue
		}
		var extra []string
		if a.Owner != "" {
			extra = append(extra, a.Owner)
		}
		if a.Due != "" {
			extra = append(extra, b.w.Say("action.due", monthWords(b.w, a.Due)))
		}
		if len(extra) > 0 {
			return "(" + strings.Join(extra, b.w.Say("list.comma")) + ")"
		}
	}
	return ""
}

// about is the publication's own section: who publishes it, when, whom to
// contact, its licence, and how accessible it is.
func (b *builder) about() {
	d, w := b.doc, b.w
	b.heading(1, w.Say("h.about"))
	b.para(w.Say("about.publisher", d.Front.Publisher))
	if d.Front.Contact != "" {
		b.add(Para{Runs: []Run{{Text: w.Say("about.contact") + " "}, {Text: d.Front.Contact, Link: "mailto:" + d.Front.Contact}}})
	}
	b.add(Para{Runs: []Run{{Text: d.Front.Licence + " "}, {Text: d.Front.LicenceURL, Link: d.Front.LicenceURL}}})
	if b.o.Format == HTML {
		b.para(w.Say("about.accessibility.html"))
	} else {
		b.para(w.Say("about.accessibility"))
	}
	b.para(w.Say("about.made"))
}

// editorial lays out the analysts' file, putting the figures where its
// directives say.
func (b *builder) editorial(e *Editorial) error {
	r, w := b.r, b.w
	if !slices.ContainsFunc(e.Parts, func(p EditorialPart) bool { return p.Directive.Name == "contents" }) {
		b.add(Contents{Title: w.Say("contents")}, PageBreak{})
	}
	for _, p := range e.Parts {
		if p.Block != nil {
			if h, ok := p.Block.(Heading); ok {
				b.heading(h.Level, h.Text)
				continue
			}
			b.add(p.Block)
			continue
		}
		where := fmt.Sprintf("%s:%d", e.File, p.Line)
		switch d := p.Directive; d.Name {
		case "contents":
			b.add(Contents{Title: w.Say("contents")}, PageBreak{})
		case "levels":
			b.levels()
		case "summary":
			b.summary()
		case "principle":
			if len(d.Args) != 1 {
				return errors.New(b.m.Say("cli.editorial.principle.args", where, assessment.Principles[0].Key))
			}
			i := slices.IndexFunc(r.Principles, func(s PrincipleStats) bool { return s.Key == d.Args[0] })
			if i < 0 {
				return errors.New(b.m.Say("cli.editorial.principle.unknown", where, d.Args[0], strings.Join(assessment.PrincipleKeys(), ", ")))
			}
			b.principle(i)
			b.themes(i)
		case "quotes":
			if len(d.Args) == 0 {
				return errors.New(b.m.Say("cli.editorial.quotes.args", where))
			}
			lang := ""
			for _, id := range d.Args {
				if l, ok := strings.CutPrefix(id, "lang="); ok {
					if !langTag.MatchString(l) {
						return errors.New(b.m.Say("cli.editorial.quotes.lang", where, id))
					}
					lang = l // the language of the words named after it
					continue
				}
				q, ok := b.quotable(id)
				if !ok {
					return errors.New(b.m.Say("cli.editorial.quotes.unknown", where, id, p.Section))
				}
				e := b.excerpt(q, 1)
				if lang != "" {
					e.Lang = lang
				}
				b.add(e)
			}
		case "ratings":
			b.ratingsTable()
		case "voices":
			b.voices()
		case "submissions":
			b.submissions()
		case "compare":
			b.compare()
		}
	}
	if r.Compare != nil && !b.compared { // asked for on the command line: never left out
		b.heading(1, w.Say("h.compare", r.Compare.PreviousYear))
		b.compare()
	}
	var missing []string
	for _, s := range r.Principles {
		if !b.placed[s.Key] {
			missing = append(missing, s.Key)
		}
	}
	if len(missing) > 0 {
		return errors.New(b.m.Say("cli.editorial.principle.missing", e.File, strings.Join(missing, ", ")))
	}
	return nil
}
