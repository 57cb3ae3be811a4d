package report

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/nest-nyth/nest/assessment"
	"github.com/nest-nyth/nest/internal/cymraeg"
)

// Aggregate computes a report from submissions that the caller has already
// validated and chosen (final, one per region or service). It is pure and
// deterministic: the same submissions in any order give the same report,
// because they are sorted first and every list after follows that order or
// the catalogue's. Every list is non-nil, so the JSON says [] rather than
// null; only the means are null, when nothing is rated.
//
// An empty Options.Level is taken as National.
func Aggregate(in []Input, o Options) *Report {
	level := o.Level
	if level == "" {
		level = National
	}
	w := o.Words
	if w == nil {
		w = assessment.English
	}
	regional := level == Regional
	subs := sorted(in, w)

	// Who each submission's words are attributed to: a national report
	// speaks of regions ("Feedback from the Gwent region"), a regional
	// one of its services.
	by, code := make([]string, len(subs)), make([]string, len(subs))
	for i, s := range subs {
		if regional {
			by[i], code[i] = organisation(s.Assessment, w), sourceCode(s.Assessment)
		} else {
			by[i], code[i] = w.Label("regions", s.Assessment.Region), s.Assessment.Region
		}
	}

	r := &Report{
		Words:        o.Words,
		Title:        o.Title,
		Level:        level,
		Year:         o.Year,
		Date:         o.Date,
		Submissions:  submissions(subs, w),
		NotSubmitted: []Named{},
		LeftOut:      append([]LeftOut{}, o.LeftOut...),
		Principles:   make([]PrincipleStats, len(assessment.Principles)),
		Rows:         rows(subs, regional, w),
		Voices:       voices(subs, w),
		How:          []Said{},
	}
	for i, s := range subs {
		r.How = said(r.How, code[i]+"."+assessment.FieldVoices.Key+"."+assessment.FieldHow.Key, by[i], s.Assessment.Language, s.Assessment.Voices.How)
	}
	if r.Title == "" {
		r.Title = defaultTitle(level, o.Region, o.Year, w)
	}
	if regional {
		r.Region, r.RegionName = o.Region, w.Label("regions", o.Region)
	} else {
		r.NotSubmitted = notSubmitted(subs, o.LeftOut, w)
	}
	// Each submission's answers, found in its map once and read from
	// here, rather than looked up twice for each principle.
	answers := make([][]*assessment.Response, len(assessment.Principles))
	for i := range answers {
		answers[i] = make([]*assessment.Response, len(subs))
	}
	for j, s := range subs {
		for i, p := range assessment.Principles {
			answers[i][j] = s.Assessment.Principles[p.Key]
		}
	}
	// The principles are counted side by side, each into its own place:
	// they share nothing but what they read.
	var wg sync.WaitGroup
	for i, p := range assessment.Principles {
		wg.Go(func() { r.Principles[i] = principleStats(p, subs, answers[i], by, code, w) })
	}
	wg.Wait()
	r.Highest, r.Lowest = extremes(r.Principles)
	return r
}

// defaultTitle follows the published update's name, "NYTH/NEST
// implementation update", with the year and, for a region, its name.
func defaultTitle(level, region string, year int, w *assessment.Words) string {
	key := "title"
	if year > 0 {
		key += ".year"
	}
	if level == Regional && region != "" {
		return w.Say(key+".regional", year, w.Label("regions", region))
	}
	return w.Say(key, year)
}

// organisation names who made a submission; a name withheld as personal
// data is said to be so.
func organisation(a *assessment.Assessment, w *assessment.Words) string {
	if a.Organisation == "" {
		return w.Say("withheld." + a.Scope)
	}
	return a.Organisation
}

// regionOrder places a region by the catalogue, unknown keys last.
func regionOrder(key string) int {
	for i, r := range assessment.Regions {
		if r.Key == key {
			return i
		}
	}
	return len(assessment.Regions)
}

// sorted returns the submissions by region (catalogue order), then
// organisation, in the alphabet of the report's language (Welsh: ll after
// l, rh after r), then file: the order of the appendix, of the rows and
// of every attributed quote. The caller's slice is left alone.
func sorted(in []Input, w *assessment.Words) []Input {
	subs := slices.Clone(in)
	byName := strings.Compare
	if w.Lang == "cy" {
		byName = cymraeg.Compare
	}
	slices.SortStableFunc(subs, func(a, b Input) int {
		x, y := a.Assessment, b.Assessment
		return cmp.Or(
			cmp.Compare(regionOrder(x.Region), regionOrder(y.Region)),
			cmp.Compare(x.Region, y.Region),
			byName(x.Organisation, y.Organisation),
			cmp.Compare(x.Organisation, y.Organisation),
			cmp.Compare(a.File, b.File),
		)
	})
	return subs
}

func submissions(subs []Input, w *assessment.Words) []Submission {
	out := make([]Submission, len(subs))
	for i, s := range subs {
		a := s.Assessment
		out[i] = Submission{
			File:         s.File,
			Region:       a.Region,
			RegionName:   w.Label("regions", a.Region),
			Scope:        a.Scope,
			Organisation: organisation(a, w),
			Submitted:    a.Submitted,
			Status:       a.Status,
			Language:     a.Language,
		}
		if a.Service != nil {
			out[i].Sector = a.Service.Sector
		}
	}
	return out
}

// notSubmitted lists the catalogue's regions that sent nothing, so a
// national report says who is missing rather than silently averaging
// fewer regions.
func notSubmitted(subs []Input, leftOut []LeftOut, w *assessment.Words) []Named {
	out := []Named{}
	for _, r := range assessment.Regions {
		if !slices.ContainsFunc(subs, func(s Input) bool { return s.Assessment.Region == r.Key }) &&
			!slices.ContainsFunc(leftOut, func(l LeftOut) bool { return l.Region == r.Key }) {
			out = append(out, Named{Key: r.Key, Name: w.Label("regions", r.Key)})
		}
	}
	return out
}

// rows gives each submission's ratings in principle order. The
// submissions are already sorted as the rows should be: by catalogue
// region (national), by organisation (regional, all of one region).
func rows(subs []Input, regional bool, w *assessment.Words) []Row {
	out := make([]Row, len(subs))
	for i, s := range subs {
		a := s.Assessment
		n := len(assessment.Principles)
		row := Row{Key: a.Region, Name: w.Label("regions", a.Region), Ratings: make([]int, n), Targets: make([]int, n), Themes: make([][]string, n)}
		if regional {
			row.Key, row.Name = sourceCode(a), organisation(a, w)
		}
		for j, p := range assessment.Principles {
			row.Themes[j] = []string{}
			resp := a.Principles[p.Key]
			if resp == nil {
				continue
			}
			if validRating(resp.Rating) {
				row.Ratings[j] = resp.Rating
			}
			if validRating(resp.Target) {
				row.Targets[j] = resp.Target
			}
			if len(resp.Themes) > 0 {
				row.Themes[j] = make([]string, 0, len(resp.Themes))
			}
			for _, tag := range resp.Themes {
				if tag != "" && !slices.Contains(row.Themes[j], tag) {
					row.Themes[j] = append(row.Themes[j], tag)
				}
			}
		}
		out[i] = row
	}
	return out
}

// voices counts every group of the catalogue, those no one heard too:
// the report must show whose voices were missing.
func voices(subs []Input, w *assessment.Words) []VoiceCount {
	out := make([]VoiceCount, len(assessment.VoiceGroups))
	for i, g := range assessment.VoiceGroups {
		out[i] = VoiceCount{Key: g.Key, Label: w.Say("fields." + assessment.FieldVoices.Key + "." + g.Key + ".title"), Of: len(subs)}
		for _, s := range subs {
			if s.Assessment.Voices.Heard(g.Key) {
				out[i].Count++
			}
		}
	}
	return out
}

func validRating(r int) bool { return r >= 1 && r <= len(assessment.Levels) }

// sourceCode names a service in ids: its organisation's name folded
// ("ty-teulu-family-hub"), which one region's report has once.
func sourceCode(a *assessment.Assessment) string {
	if c := assessment.TagOf(a.Organisation); c != "" {
		return c
	}
	return "service"
}

// principleStats gathers one principle's figures and words; answers[i]
// is subs[i]'s answer to it (nil for none), by[i] who subs[i] is
// attributed to, code[i] the start of the ids of its words:
// gwent.trusted_adults.working_well, gwent.trusted_adults.quote2.
func principleStats(p assessment.Principle, subs []Input, answers []*assessment.Response, by, code []string, w *assessment.Words) PrincipleStats {
	s := PrincipleStats{
		Key:             p.Key,
		Name:            w.Label("principles", p.Key),
		AtLevel:         make([]int, len(assessment.Levels)),
		Themes:          []Count{},
		Texts:           map[string][]Said{},
		NotRatedReasons: []Said{},
		Actions:         []Action{},
		Quotes:          []Quote{},
	}
	// Each list is made once at the size it will have: growing lists of
	// 10,000 services' words by doubling copied them over and over.
	texts := assessment.ResponseTexts()
	sizes := make([]int, len(texts))
	var reasons, actions, quotes int
	for _, resp := range answers {
		if resp == nil {
			continue
		}
		for j, f := range texts {
			if strings.TrimSpace(*f.Text(resp)) != "" {
				sizes[j]++
			}
		}
		if strings.TrimSpace(resp.NotRated) != "" {
			reasons++
		}
		actions += len(resp.Actions)
		quotes += len(resp.Feedback)
	}
	lists := make([][]Said, len(texts)) // by texts, put in s.Texts at the end
	for j := range texts {
		lists[j] = make([]Said, 0, sizes[j])
	}
	s.NotRatedReasons = make([]Said, 0, reasons)
	s.Actions, s.Quotes = make([]Action, 0, actions), make([]Quote, 0, quotes)
	var sum, targetSum int
	raised := map[string]int{} // theme tag -> submissions that raised it
	labels := map[string]string{}
	for i, sub := range subs {
		resp := answers[i]
		if resp == nil {
			continue // a final file has all six; a missing one counts as neither
		}
		switch {
		case validRating(resp.Rating):
			if s.Rated == 0 || resp.Rating < s.Min {
				s.Min = resp.Rating
			}
			s.Max = max(s.Max, resp.Rating)
			s.Rated++
			sum += resp.Rating
			s.AtLevel[resp.Rating-1]++
		case strings.TrimSpace(resp.NotRated) != "":
			s.NotRated++
		}
		if validRating(resp.Target) {
			s.Targets++
			targetSum += resp.Target
		}

		// A tag written twice in one submission is still one submission
		// raising it: the count is of voices, not of words. A file has a
		// few tags, where looking back beats a map; a long list gets one.
		var once map[string]bool
		if len(resp.Themes) > 16 {
			once = make(map[string]bool, len(resp.Themes))
		}
		for j, tag := range resp.Themes {
			first := once == nil && !slices.Contains(resp.Themes[:j], tag) || once != nil && !once[tag]
			if once != nil {
				once[tag] = true
			}
			if tag != "" && first {
				raised[tag]++
				if l := sub.Assessment.ThemeLabels[tag]; l != "" && labels[tag] == "" {
					labels[tag] = l // the first submission's words for its own theme
				}
			}
		}

		id := code[i] + "." + p.Key + "."
		lang := sub.Assessment.Language
		for j, f := range texts {
			lists[j] = said(lists[j], id+f.Key, by[i], lang, *f.Text(resp))
		}
		s.NotRatedReasons = said(s.NotRatedReasons, id+assessment.FieldNotRated.Key, by[i], lang, resp.NotRated)
		for n, a := range resp.Actions {
			if text := strings.TrimSpace(a.Action); text != "" {
				s.Actions = append(s.Actions, Action{ID: id + "action" + strconv.Itoa(n+1), By: by[i], Action: text,
					Owner: strings.TrimSpace(a.Owner), Due: strings.TrimSpace(a.Due), Lang: lang})
			}
		}
		for n, q := range resp.Feedback {
			// A quote kept half-way in a draft (who said it not given yet)
			// is not reported: it would be credited to someone.
			if text := strings.TrimSpace(q.Quote); text != "" && q.From != "" {
				s.Quotes = append(s.Quotes, Quote{ID: id + "quote" + strconv.Itoa(n+1), By: by[i], Quote: text, From: q.From, Lang: lang})
			}
		}
	}
	for j, f := range texts {
		s.Texts[f.Key] = lists[j]
	}
	if s.Rated > 0 {
		m := Mean(sum, s.Rated)
		s.Mean = &m
	}
	if s.Targets > 0 {
		m := Mean(targetSum, s.Targets)
		s.MeanTarget = &m
	}
	s.Themes = themeCounts(raised, labels, w)
	return s
}

// said appends text attributed to by, unless it is blank. Only the ends
// are trimmed: the blank lines between paragraphs are the writer's.
func said(list []Said, id, by, lang, text string) []Said {
	if text = strings.TrimSpace(text); text == "" {
		return list
	}
	return append(list, Said{ID: id, By: by, Text: text, Lang: lang})
}

// themeCounts sorts themes most raised first, then by tag so that equal
// counts keep a fixed order. Tags the catalogue does not suggest are
// people's own, labelled as their files name them, or with the tag's
// words ("cross-border" is "Cross border"): a reader never meets a slug.
func themeCounts(raised map[string]int, labels map[string]string, w *assessment.Words) []Count {
	out := make([]Count, 0, len(raised))
	for tag, n := range raised {
		label := labels[tag]
		switch {
		case assessment.Has(assessment.Themes, tag):
			label = w.Label("themes", tag)
		case label == "":
			label = capital(strings.ReplaceAll(tag, "-", " "))
		}
		out = append(out, Count{Key: tag, Label: label, Count: n})
	}
	slices.SortFunc(out, func(a, b Count) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Key, b.Key))
	})
	return out
}

// extremes names the principles with the highest and the lowest mean,
// every one of them when several tie. Means are compared as printed, to
// one decimal: a report that shows two principles at 2.3 must not call
// only one of them the highest.
func extremes(ps []PrincipleStats) (highest, lowest []string) {
	highest, lowest = []string{}, []string{}
	var hi, lo Tenths
	for _, p := range ps {
		if p.Mean == nil {
			continue
		}
		switch m := *p.Mean; {
		case len(highest) == 0 || m > hi:
			hi, highest = m, []string{p.Key}
		case m == hi:
			highest = append(highest, p.Key)
		}
		switch m := *p.Mean; {
		case len(lowest) == 0 || m < lo:
			lo, lowest = m, []string{p.Key}
		case m == lo:
			lowest = append(lowest, p.Key)
		}
	}
	return highest, lowest
}

// Select picks at most n of items to show, spread across their sources so
// that, with ten thousand services, a principle's page is not filled by
// the first few: it takes the first item of each source (by, in order of
// first appearance), then the second of each, and so on, until it has n.
// The chosen items come back in their original order, so that a source's
// words stay together and a longer list reads the same as a shorter one;
// rest is how many were left out. n <= 0 means no limit.
func Select[T any](items []T, by func(T) string, n int) (shown []T, rest int) {
	if n <= 0 || n >= len(items) {
		return items, 0
	}
	// queues[k] holds the indices of the k-th source's items, in order;
	// the map only finds a source's queue, it is never iterated.
	var queues [][]int
	source := map[string]int{}
	for i, it := range items {
		key := by(it)
		k, ok := source[key]
		if !ok {
			k = len(queues)
			source[key] = k
			queues = append(queues, nil)
		}
		queues[k] = append(queues[k], i)
	}
	picked := make([]bool, len(items))
	for count, round := 0, 0; count < n; round++ {
		for _, q := range queues {
			if round < len(q) && count < n {
				picked[q[round]] = true
				count++
			}
		}
	}
	shown = make([]T, 0, n)
	for i, it := range items {
		if picked[i] {
			shown = append(shown, it)
		}
	}
	return shown, len(items) - n
}
