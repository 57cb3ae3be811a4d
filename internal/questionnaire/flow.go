package questionnaire

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/nest-nyth/nest/assessment"
	"github.com/nest-nyth/nest/schema"
)

// The flow builds the pages from the file format's table
// (assessment.Format) and says which page comes next. Its pages:
//
//	final           a final file: change it?
//	about           the first step: who, which year, whose voices
//	exists          a file for this submission is there already: carry it on?
//	principle:I     one principle: rating, target, texts, themes, and its
//	                actions and quotes as a list to add to, change or remove
//	item:I:LIST:J   one action or quote (J is "new" for a new one)
//	summary         the overview: every principle's state, what to fix,
//	                and where to go next (finish, mark final, any page)

// words are the questionnaire's words in one language: its own prompts
// (the catalogue's prompts: section), and the framework's names.
type words struct{ *assessment.Words }

// p is the prompt key, with args filled in.
func (w words) p(key string, args ...any) string { return w.Say("prompts."+key, args...) }

// or is the prompt key, or fallback when the catalogue has none.
func (w words) or(key, fallback string) string {
	if w.Has("prompts."+key) || assessment.English.Has("prompts."+key) {
		return w.p(key)
	}
	return fallback
}

// principle is a principle's name.
func (w words) principle(key string) string { return w.Label("principles", key) }

// level is a level's number and name: "2 Early progress".
func (w words) level(l assessment.Level) string {
	return fmt.Sprintf("%d %s", l.Rating, w.Label("levels", strconv.Itoa(l.Rating)))
}

// meaning is what a level means.
func (w words) meaning(l assessment.Level) string {
	return w.Say(fmt.Sprintf("levels.%d.meaning", l.Rating))
}

// oneLine are the free texts asked on one line; the others may have several.
var oneLine = map[string]bool{"organisation": true, "not_rated": true, "actions.action": true, "actions.owner": true}

// otherTheme is the theme option that shows a box for themes of one's own.
const otherTheme = "+other"

type flow struct {
	a *assessment.Assessment
	o *Options
	// back returns to the summary after the page being revised.
	back bool
	// fresh is a new assessment with no file yet.
	fresh bool
	// found is the file that holds this submission already, when the
	// first step of a new assessment names one; hold is true until the
	// person chose to carry it on, so that nothing is saved beside it.
	found *Found
	hold  bool
	// end is how the questionnaire ended, when it ended early by a choice:
	// ErrKeptFinal.
	end error
	// adopted is called when the person carries on an existing file.
	adopted func()
	// w are the words of the language asked in.
	w words
	// dropped are the answers a stop could not keep, as they were typed
	// ("Due by: 2025-13"): not valid, so not saved, and said so.
	dropped []string
}

func newFlow(a *assessment.Assessment, o *Options) *flow {
	if a.Principles == nil {
		a.Principles = map[string]*assessment.Response{}
	}
	w := o.Words
	if w == nil {
		w = assessment.English
	}
	return &flow{a: a, o: o, fresh: a.Region == "" || a.Scope == "" || a.Year == 0, w: words{w}}
}

// start is the first page and the question to start on.
func (fl *flow) start() (id, focus string) {
	if fl.a.Status == assessment.StatusFinal && fl.o.AskFinal {
		return "final", ""
	}
	return fl.resume()
}

// resume is where to carry on: the question after the last one answered,
// in the order they are asked. A rating counts only once chosen, so a
// principle stopped on with the cursor moved starts at its rating again.
func (fl *flow) resume() (id, focus string) {
	if fl.o.Principle != "" {
		fl.back = true
		return "principle:" + strconv.Itoa(principleIndex(fl.o.Principle)), ""
	}
	if fl.fresh {
		return "about", ""
	}
	if id, focus := fl.halfWay(); id != "" {
		return id, focus
	}
	last := -1
	for i, pr := range assessment.Principles {
		if answered(fl.a.Principles[pr.Key]) {
			last = i
		}
	}
	if last < 0 {
		pg := fl.page("about")
		if q := after(pg, pg.Load(), fl.aboutAnswered()); q != "" {
			return "about", q
		}
		return "principle:0", ""
	}
	id = "principle:" + strconv.Itoa(last)
	pg := fl.page(id)
	q := after(pg, pg.Load(), principleAnswered(fl.a.Principles[assessment.Principles[last].Key]))
	switch {
	case fl.a.Status == assessment.StatusFinal:
		return "summary", ""
	case q == "list" || q == "":
		// Through to its actions and quotes: most likely stopped after
		// choosing to go on. They are one Ctrl+O away, on the overview.
		return fl.after(last), ""
	}
	return id, q
}

// halfWay is the first action or quote of a draft kept half-way (someone
// stopped before giving all it needs), and the question it lacks: where
// to carry on.
func (fl *flow) halfWay() (id, focus string) {
	if fl.a.Status == assessment.StatusFinal {
		return "", ""
	}
	for i, pr := range assessment.Principles {
		r := fl.a.Principles[pr.Key]
		if r == nil {
			continue
		}
		for _, lf := range assessment.FieldPrinciples.Fields {
			if lf.Kind != assessment.KindList {
				continue
			}
			for j := range lf.Len(r) {
				for _, f := range lf.Fields {
					if f.Required && strings.TrimSpace(*f.Text(lf.Index(r, j))) == "" {
						return fmt.Sprintf("item:%d:%s:%d", i, lf.Key, j), f.HelpKey()
					}
				}
			}
		}
	}
	return "", ""
}

// after is the first question of pg shown after the last one answered,
// or, before it, one the file needs that is not answered (a service's name
// and sector, stopped before they were given).
func after(pg *page, d Draft, answered map[string]bool) string {
	lastAt := -1
	for i, q := range pg.Questions {
		if answered[q.Key] {
			lastAt = i
		}
	}
	for _, q := range pg.Questions[:lastAt+1] {
		if q.Required != "" && !answered[q.Key] && !q.hidden(d) {
			return q.Key
		}
	}
	for _, q := range pg.Questions[lastAt+1:] {
		if !q.hidden(d) {
			return q.Key
		}
	}
	return ""
}

func (fl *flow) aboutAnswered() map[string]bool {
	pg := fl.page("about")
	d := pg.Load()
	done := map[string]bool{}
	for _, q := range pg.Questions {
		done[q.Key] = d[q.Key] != ""
	}
	return done
}

// principleAnswered says which of a principle's questions have an answer;
// with actions or quotes, the list counts as reached.
func principleAnswered(r *assessment.Response) map[string]bool {
	done := map[string]bool{}
	if r == nil {
		return done
	}
	for _, f := range assessment.FieldPrinciples.Fields {
		switch f.Kind {
		case assessment.KindRating:
			done[f.Key] = *f.Number(r) > 0 || f == assessment.FieldRating && r.NotRated != ""
		case assessment.KindText:
			done[f.Key] = *f.Text(r) != ""
		case assessment.KindTags:
			done[f.Key] = done[f.Key] || len(*f.TagList(r)) > 0
		case assessment.KindList:
			if f.Len(r) > 0 {
				done[assessment.FieldThemes.Key] = true
			}
		}
	}
	return done
}

func answered(r *assessment.Response) bool {
	for _, v := range principleAnswered(r) {
		if v {
			return true
		}
	}
	return false
}

// complete reports whether a principle is answered as nest validate asks:
// a reason for no rating, or a rating with something said behind it.
func complete(r *assessment.Response) bool {
	return r != nil && (r.NotRated != "" || r.Rating > 0 && r.HasText())
}

func principleIndex(key string) int {
	return slices.IndexFunc(assessment.Principles, func(p assessment.Principle) bool { return p.Key == key })
}

// page builds the page with the given id.
func (fl *flow) page(id string) *page {
	parts := strings.Split(id, ":")
	switch parts[0] {
	case "final":
		return fl.finalPage()
	case "about":
		return fl.aboutPage()
	case "exists":
		return fl.existsPage()
	case "principle":
		i, _ := strconv.Atoi(parts[1])
		return fl.principlePage(i)
	case "item":
		i, _ := strconv.Atoi(parts[1])
		return fl.itemPage(i, parts[2], parts[3])
	case "summary":
		return fl.summaryPage()
	}
	panic("questionnaire: unknown page " + id)
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

func (fl *flow) finalPage() *page {
	w := fl.w
	return &page{
		ID: "final", Title: w.p("final.title"),
		Questions: []*question{{
			Key: "edit", Kind: askConfirm, Title: w.p("final.edit"), Yes: w.p("yes"), No: w.p("no"),
			Start: func(Draft) string { return "no" },
		}},
		load:  func() Draft { return Draft{} },
		store: func(Draft, bool) {},
		next: func(d Draft) string {
			if d["edit"] != "yes" {
				fl.end = ErrKeptFinal
				return ""
			}
			id, _ := fl.resume()
			return id
		},
	}
}

// aboutPage is the first step, walked from the top of the format's table:
// region and scope, the service's name, sector and funding, the year, and
// the language the answers are written in (optional: the language asked
// in is offered first), and whose voices were heard.
func (fl *flow) aboutPage() *page {
	a, w := fl.a, fl.w
	isService := func(d Draft) bool { return d[assessment.FieldScope.Key] == assessment.ScopeService }
	notService := func(d Draft) bool { return !isService(d) }
	var qs []*question
	var load []func(Draft)
	var store []func(Draft, bool)
	for _, f := range assessment.Format {
		switch {
		case f == assessment.FieldOrganisation:
			qs = append(qs, &question{Key: f.Key, Kind: askInput, Title: w.p("service.name"), Required: w.p("service.name.needed"), Hidden: notService})
			load = append(load, func(d Draft) {
				if a.Scope == assessment.ScopeService {
					d[f.Key] = a.Organisation
				}
			})
			store = append(store, func(d Draft, _ bool) {
				if isService(d) && strings.TrimSpace(d[f.Key]) != "" {
					a.Organisation = strings.TrimSpace(d[f.Key])
				}
			})
		case f.Kind == assessment.KindChoice && f != assessment.FieldStatus:
			q := fl.choiceQuestion(f, f.Key)
			if f == assessment.FieldLanguage {
				// Optional in the file; the cursor starts on the
				// language asked in.
				q.Start = func(Draft) string { return fl.language() }
			}
			qs = append(qs, q)
			load = append(load, func(d Draft) { d[f.Key] = *f.Text(a) })
			store = append(store, func(d Draft, _ bool) {
				if d[f.Key] != "" {
					*f.Text(a) = d[f.Key]
				}
			})
		case f == assessment.FieldService:
			for _, sf := range f.Fields {
				key := sf.HelpKey()
				switch sf.Kind {
				case assessment.KindChoice:
					q := fl.choiceQuestion(sf, key)
					q.Hidden = notService
					if sf.Required {
						q.Required = w.or(key+".needed", w.p("answer.needed"))
					}
					qs = append(qs, q)
					load = append(load, func(d Draft) {
						if g := f.Group(a, false); g != nil {
							d[key] = *sf.Text(g)
						}
					})
					store = append(store, func(d Draft, _ bool) {
						if isService(d) && d[key] != "" {
							*sf.Text(f.Group(a, true)) = d[key]
						}
					})
				case assessment.KindTags:
					qs = append(qs, &question{Key: key, Kind: askMulti, Title: w.or(key+".title", sf.TitleIn(w.Words)), Hidden: notService,
						Choices: func(d Draft) []choice { return fl.tagChoices("funding", assessment.FundingStreams, d.list(key), nil) }})
					load = append(load, func(d Draft) {
						if g := f.Group(a, false); g != nil {
							d[key] = joinList(*sf.TagList(g))
						}
					})
					store = append(store, func(d Draft, _ bool) {
						if isService(d) {
							*sf.TagList(f.Group(a, true)) = d.list(key)
						}
					})
				}
			}
			store = append(store, func(d Draft, _ bool) {
				if a.Scope == assessment.ScopeRegion {
					a.Service = nil
				}
			})
		case f.Kind == assessment.KindYear:
			qs = append(qs, &question{Key: f.Key, Kind: askInput, Title: w.or(f.Key+".title", f.TitleIn(w.Words)), Required: w.p("year.needed"),
				Check: func(v string, _ Draft) error {
					if y, err := strconv.Atoi(strings.TrimSpace(v)); err != nil || y < assessment.MinYear || y > assessment.MaxYear {
						return errors.New(w.p("year.range", assessment.MinYear, assessment.MaxYear))
					}
					return nil
				}})
			load = append(load, func(d Draft) {
				y := *f.Number(a)
				if y == 0 {
					y = fl.o.Year
				}
				d[f.Key] = strconv.Itoa(y)
			})
			store = append(store, func(d Draft, _ bool) {
				if y, err := strconv.Atoi(strings.TrimSpace(d[f.Key])); err == nil && y >= assessment.MinYear && y <= assessment.MaxYear {
					*f.Number(a) = y
				}
			})
		case f == assessment.FieldVoices:
			// The yes-or-no groups are one question: whose voices; then how.
			qs = append(qs, &question{Key: f.Key, Kind: askMulti, Title: w.p("voices.title"),
				Choices: func(Draft) []choice { return fl.tagChoices("", fl.voiceGroups(), nil, nil) }})
			load = append(load, func(d Draft) {
				var heard []string
				for _, g := range assessment.VoiceGroups {
					if a.Voices.Heard(g.Key) {
						heard = append(heard, g.Key)
					}
				}
				d[f.Key] = joinList(heard)
			})
			store = append(store, func(d Draft, _ bool) {
				for _, g := range assessment.VoiceGroups {
					a.Voices.SetHeard(g.Key, slices.Contains(d.list(f.Key), g.Key))
				}
			})
			for _, vf := range f.Fields {
				if vf.Kind == assessment.KindText {
					key := vf.HelpKey()
					q := fl.textQuestion(vf, key)
					qs = append(qs, q)
					load = append(load, func(d Draft) { d[key] = *vf.Text(&a.Voices) })
					store = append(store, func(d Draft, _ bool) { setText(vf.Text(&a.Voices), d[key]) })
				}
			}
		}
	}
	return &page{
		ID: "about", Title: w.p("about.title"), Intro: w.p("about.description"), Questions: qs,
		load: func() Draft {
			d := Draft{}
			for _, l := range load {
				l(d)
			}
			if d[assessment.FieldScope.Key] == "" && a.Region != "" {
				d[assessment.FieldScope.Key] = assessment.ScopeRegion
			}
			return d
		},
		store: func(d Draft, finished bool) {
			if d[assessment.FieldRegion.Key] == "" && a.Region == "" {
				return // stopped before choosing a region: nothing to keep
			}
			if d[assessment.FieldScope.Key] == "" {
				d[assessment.FieldScope.Key] = assessment.ScopeRegion
			}
			for _, s := range store {
				s(d, finished)
			}
			if a.Scope == assessment.ScopeRegion {
				if r, ok := assessment.RegionByKey(a.Region); ok && (a.Organisation == "" || strings.HasSuffix(a.Organisation, "Regional Partnership Board")) {
					a.Organisation = r.Name.EN + " Regional Partnership Board"
				}
			}
			if a.Year == 0 {
				a.Year = fl.o.Year
			}
			if a.Nest == 0 {
				a.Nest = assessment.FormatVersion
			}
			if a.Status == "" {
				a.Status = assessment.StatusDraft
			}
		},
		next: func(Draft) string {
			if fl.fresh && fl.o.Existing != nil {
				fl.fresh = false
				if found := fl.o.Existing(fl.a); found != nil {
					fl.found, fl.hold = found, true
					return "exists"
				}
			}
			fl.fresh, fl.hold = false, false
			return fl.after(-1)
		},
	}
}

// language is the file's language to offer first: the one asked in.
func (fl *flow) language() string {
	if l := fl.o.Language; assessment.Has(assessment.Languages, l) {
		return l
	}
	if strings.HasPrefix(fl.w.Lang, "cy") {
		return "cy"
	}
	return "en"
}

// after is the page after principle i (-1: after the first step).
func (fl *flow) after(i int) string {
	if fl.back || i+1 >= len(assessment.Principles) {
		fl.back = fl.o.Principle != ""
		return "summary"
	}
	return "principle:" + strconv.Itoa(i+1)
}

func (fl *flow) choiceQuestion(f *assessment.Field, key string) *question {
	cs := f.ChoicesIn(fl.w.Words)
	// The first page's region and scope start on a default the person is
	// told of (and the language on the one asked in); a service's sector
	// and who said a quote are chosen by the person, never for them.
	told := f == assessment.FieldRegion || f == assessment.FieldScope || f == assessment.FieldLanguage
	return &question{Key: key, Kind: askSelect, Title: fl.w.or(key+".title", f.TitleIn(fl.w.Words)),
		Choices:  func(Draft) []choice { return fl.tagChoices("", cs, nil, nil) },
		Start:    func(Draft) string { return cs[0].Key },
		Unchosen: !told}
}

func (fl *flow) textQuestion(f *assessment.Field, key string) *question {
	w := fl.w
	q := &question{Key: key, Kind: askText, Title: w.or(key+".title", f.TitleIn(w.Words)), Help: w.or(key+".help", f.HelpIn(w.Words)), Lines: 3}
	if oneLine[key] {
		q.Kind = askInput
	}
	return q
}

// setText stores typed text: trimmed, and ending with a newline when it
// has several lines (so it is written as a | block); text given back as
// it was is kept exactly as it was.
func setText(to *string, typed string) {
	if strings.TrimSpace(typed) == strings.TrimSpace(*to) {
		return
	}
	s := strings.TrimSpace(typed)
	if strings.Contains(s, "\n") {
		s += "\n"
	}
	*to = s
}

// tagChoices offers the suggested tags, labelled from the catalogue's
// list (as they are when list is ""), then the chosen ones that are not
// among them, labelled from labels.
func (fl *flow) tagChoices(list string, suggested []assessment.Choice, chosen []string, labels map[string]string) []choice {
	var cs []choice
	for _, c := range suggested {
		label := c.Label
		if list != "" {
			label = fl.w.Label(list, c.Key)
		}
		cs = append(cs, choice{Value: c.Key, Label: label})
	}
	for _, t := range chosen {
		if !slices.ContainsFunc(cs, func(c choice) bool { return c.Value == t }) {
			cs = append(cs, choice{Value: t, Label: assessment.ThemeLabel(t, labels)})
		}
	}
	return cs
}

// voiceGroups are the groups whose voices may be heard, in the words
// of the language asked in.
func (fl *flow) voiceGroups() []assessment.Choice {
	var cs []assessment.Choice
	for _, f := range assessment.FieldVoices.Fields {
		if f.Kind == assessment.KindBool {
			cs = append(cs, assessment.Choice{Key: f.Key, Label: f.TitleIn(fl.w.Words)})
		}
	}
	return cs
}

func (fl *flow) existsPage() *page {
	f, w := fl.found, fl.w
	return &page{
		ID: "exists", Title: w.p("exists.title"),
		Intro: w.p("exists.intro", f.Path, f.Describe),
		Questions: []*question{{
			Key: "exists", Kind: askSelect, Title: w.p("exists.question"),
			Choices: func(Draft) []choice {
				return []choice{
					{Value: "carry", Label: w.p("exists.carry", f.Path)},
					{Value: "change", Label: w.p("exists.change")},
				}
			},
			Start: func(Draft) string { return "carry" },
		}},
		load:  func() Draft { return Draft{} },
		store: func(Draft, bool) {},
		next: func(d Draft) string {
			if d["exists"] != "carry" {
				fl.fresh = true
				return "about"
			}
			*fl.a = *f.Assessment
			if fl.a.Principles == nil {
				fl.a.Principles = map[string]*assessment.Response{}
			}
			fl.hold = false
			f.Use()
			if fl.adopted != nil {
				fl.adopted()
			}
			id, focus := fl.start()
			if focus != "" {
				id += "#" + focus
			}
			return id
		},
	}
}

// principlePage asks one principle, walking the table's fields for a
// principle: the rating (or why not), the target, the texts, the themes,
// then the lists (actions, quotes) as one question: add, change, or go on.
func (fl *flow) principlePage(i int) *page {
	pr := assessment.Principles[i]
	a, w := fl.a, fl.w
	r := func(create bool) *assessment.Response {
		if v := assessment.FieldPrinciples.Entry(a, pr.Key, create); v != nil {
			return v.(*assessment.Response)
		}
		return nil
	}
	rating := func(d Draft) int { n, _ := strconv.Atoi(d[assessment.FieldRating.Key]); return n }
	var qs []*question
	var lists []*assessment.Field
	for _, f := range assessment.FieldPrinciples.Fields {
		switch {
		case f == assessment.FieldRating:
			qs = append(qs, &question{Key: f.Key, Kind: askSelect, Title: w.p("rating.title"), Digits: true,
				Choices: func(Draft) []choice {
					var cs []choice
					for _, l := range assessment.Levels {
						cs = append(cs, choice{Value: strconv.Itoa(l.Rating), Key: strconv.Itoa(l.Rating), Label: w.level(l) + ": " + w.meaning(l)})
					}
					return append(cs, choice{Value: "0", Key: "0", Label: w.p("rating.not_rated")})
				},
				// The cursor starts on level 1, but no rating is
				// chosen for the person.
				Start: func(Draft) string { return "1" }, Unchosen: true})
		case f == assessment.FieldNotRated:
			qs = append(qs, &question{Key: f.Key, Kind: askInput, Title: w.p("not_rated.title"), Required: w.p("not_rated.needed"),
				Hidden: func(d Draft) bool { return d[assessment.FieldRating.Key] != "0" }})
		case f.Kind == assessment.KindRating:
			qs = append(qs, &question{Key: f.Key, Kind: askSelect, Title: w.p("target.title"), Digits: true,
				Choices: func(d Draft) []choice {
					var cs []choice
					for _, l := range assessment.Levels {
						if l.Rating >= rating(d) {
							cs = append(cs, choice{Value: strconv.Itoa(l.Rating), Key: strconv.Itoa(l.Rating), Label: w.level(l)})
						}
					}
					return append(cs, choice{Value: "0", Key: "0", Label: w.p("target.none")})
				},
				// No target unless one is chosen: Enter on a blank
				// line keeps none, and adds nothing to the file.
				Start: func(Draft) string { return "0" }, Unchosen: true})
		case f.Kind == assessment.KindText:
			qs = append(qs, fl.textQuestion(f, f.Key))
		case f.Kind == assessment.KindTags:
			key := f.Key
			qs = append(qs, &question{Key: key, Kind: askMulti, Title: w.p("themes.title"),
				Choices: func(d Draft) []choice {
					cs := fl.tagChoices("themes", assessment.Themes, fl.ownThemes(d.list(key)), a.ThemeLabels)
					return append(cs, choice{Value: otherTheme, Label: w.p("themes.add_own")})
				}})
			qs = append(qs, &question{Key: key + ".other", Kind: askInput, Title: w.p("themes.other"),
				Hidden: func(d Draft) bool { return !slices.Contains(d.list(key), otherTheme) }})
		case f.Kind == assessment.KindList:
			lists = append(lists, f)
		}
	}
	qs = append(qs, &question{Key: "list", Kind: askSelect, Title: w.p("list.title"),
		Choices: func(Draft) []choice { return fl.listChoices(i, r(false), lists) },
		Start:   func(Draft) string { return "done" }})

	return &page{
		ID:        "principle:" + strconv.Itoa(i),
		Title:     w.p("principle.progress", i+1, len(assessment.Principles), w.principle(pr.Key)),
		Intro:     w.Say("principles." + pr.Key + ".summary"),
		Questions: qs,
		load: func() Draft {
			d := Draft{}
			rr := r(false)
			if rr == nil {
				return d
			}
			for _, f := range assessment.FieldPrinciples.Fields {
				switch f.Kind {
				case assessment.KindRating:
					if n := *f.Number(rr); n > 0 {
						d[f.Key] = strconv.Itoa(n)
					}
				case assessment.KindText:
					d[f.Key] = *f.Text(rr)
				case assessment.KindTags:
					d[f.Key] = joinList(*f.TagList(rr))
				}
			}
			if rr.Rating == 0 && rr.NotRated != "" {
				d[assessment.FieldRating.Key] = "0"
			}
			return d
		},
		store: func(d Draft, finished bool) {
			if !answeredDraft(d) && r(false) == nil {
				return
			}
			rr := r(true)
			for _, f := range assessment.FieldPrinciples.Fields {
				switch f.Kind {
				case assessment.KindRating:
					if v, ok := d[f.Key]; ok { // chosen, or as loaded
						*f.Number(rr), _ = strconv.Atoi(v)
					}
				case assessment.KindText:
					setText(f.Text(rr), d[f.Key])
				case assessment.KindTags:
					fl.storeThemes(f.TagList(rr), d.list(f.Key), d[f.Key+".other"])
				}
			}
			if rr.Rating > 0 {
				rr.NotRated = ""
			}
			// A target the new rating has passed is not offered on the
			// page (targets run from the rating up) and would make a file
			// that could not be opened again: it goes, as the page showed.
			if rr.Target > 0 && rr.Target < rr.Rating {
				rr.Target = 0
			}
		},
		next: func(d Draft) string {
			switch v := d["list"]; {
			case strings.HasPrefix(v, "add:"):
				return fmt.Sprintf("item:%d:%s:new", i, strings.TrimPrefix(v, "add:"))
			case strings.HasPrefix(v, "edit:"):
				return fmt.Sprintf("item:%d:%s", i, strings.TrimPrefix(v, "edit:"))
			}
			return fl.after(i)
		},
	}
}

func answeredDraft(d Draft) bool {
	for k, v := range d {
		if v != "" && k != "list" {
			return true
		}
	}
	return false
}

// ownThemes are the themes of this file that are not suggested ones: the
// chosen, those named in theme_labels, and those of other principles, so
// that a theme typed once can be chosen again.
func (fl *flow) ownThemes(chosen []string) []string {
	var own []string
	add := func(t string) {
		if t != otherTheme && !assessment.Has(assessment.Themes, t) && !slices.Contains(own, t) {
			own = append(own, t)
		}
	}
	for _, t := range chosen {
		add(t)
	}
	for _, pr := range assessment.Principles {
		if r := fl.a.Principles[pr.Key]; r != nil {
			for _, t := range r.Themes {
				add(t)
			}
		}
	}
	for _, t := range slices.Sorted(maps.Keys(fl.a.ThemeLabels)) {
		add(t)
	}
	return own
}

// storeThemes keeps the chosen themes, in the file's order where they were
// there already, and adds the typed ones: "Tŷ Teulu" is the tag ty-teulu
// with the label Tŷ Teulu.
func (fl *flow) storeThemes(to *[]string, chosen []string, typed string) {
	chosen = slices.DeleteFunc(slices.Clone(chosen), func(t string) bool { return t == otherTheme })
	var themes []string
	for _, t := range *to {
		if slices.Contains(chosen, t) {
			themes = append(themes, t)
		}
	}
	for _, t := range chosen {
		if !slices.Contains(themes, t) {
			themes = append(themes, t)
		}
	}
	for _, label := range strings.Split(typed, ",") {
		label = strings.Join(strings.Fields(label), " ")
		tag := assessment.TagOf(label)
		if tag == "" {
			continue
		}
		if !slices.Contains(themes, tag) {
			themes = append(themes, tag)
		}
		if label != tag && !assessment.Has(assessment.Themes, tag) {
			if fl.a.ThemeLabels == nil {
				fl.a.ThemeLabels = map[string]string{}
			}
			fl.a.ThemeLabels[tag] = label
		}
	}
	*to = themes
}

// listChoices is the last question of a principle's page: go on, add an
// action or a quote, or change or remove one already there.
func (fl *flow) listChoices(i int, r *assessment.Response, lists []*assessment.Field) []choice {
	w := fl.w
	next := w.p("list.done_summary")
	if !fl.back && i+1 < len(assessment.Principles) {
		next = w.p("list.done_next", w.principle(assessment.Principles[i+1].Key))
	}
	cs := []choice{{Value: "done", Label: next}}
	for _, lf := range lists {
		cs = append(cs, choice{Value: "add:" + lf.Key, Label: w.p(lf.Key + ".add")})
	}
	if r == nil {
		return cs
	}
	for _, lf := range lists {
		for j := range lf.Len(r) {
			cs = append(cs, choice{Value: fmt.Sprintf("edit:%s:%d", lf.Key, j), Label: w.p(lf.Key+".item", j+1, fl.itemLabel(lf, lf.Index(r, j)))})
		}
	}
	return cs
}

// itemLabel shows an action or quote in a line: its fields, with a choice
// by its label.
func (fl *flow) itemLabel(lf *assessment.Field, item any) string {
	var parts []string
	for _, f := range lf.Fields {
		v := *f.Text(item)
		if f.Kind == assessment.KindChoice {
			for _, c := range f.ChoicesIn(fl.w.Words) {
				if c.Key == v {
					v = c.Label
				}
			}
		}
		if v = strings.Join(strings.Fields(v), " "); v != "" {
			parts = append(parts, v)
		}
	}
	return strings.Join(parts, " · ")
}

// itemPage asks one action or quote: its fields from the table, and for
// one already there whether to keep it.
func (fl *flow) itemPage(i int, listKey, at string) *page {
	pr, w := assessment.Principles[i], fl.w
	lf := assessment.Lookup(assessment.FieldPrinciples.Fields, listKey)
	r := assessment.FieldPrinciples.Entry(fl.a, pr.Key, true).(*assessment.Response)
	j, err := strconv.Atoi(at)
	isNew := err != nil || j >= lf.Len(r)
	var qs []*question
	for _, f := range lf.Fields {
		key := f.HelpKey()
		var q *question
		switch f.Kind {
		case assessment.KindChoice:
			q = fl.choiceQuestion(f, key)
		case assessment.KindMonth:
			q = &question{Key: key, Kind: askInput, Title: w.or(key+".title", f.TitleIn(w.Words)),
				Check: func(v string, _ Draft) error {
					if !schema.IsMonth(strings.TrimSpace(v)) {
						return errors.New(w.p("month.format"))
					}
					return nil
				}}
		default:
			q = fl.textQuestion(f, key)
			q.Help = w.or(key+".help", "")
		}
		if f.Required {
			q.Required = w.or(key+".needed", w.p("answer.needed"))
		}
		qs = append(qs, q)
	}
	title := w.p(listKey+".new", w.principle(pr.Key))
	if !isNew {
		title = w.p(listKey+".change", j+1, w.principle(pr.Key))
		qs = append(qs, &question{Key: "keep", Kind: askConfirm, Title: w.p(listKey + ".keep"), Yes: w.p("keep"), No: w.p("remove"),
			Start: func(Draft) string { return "yes" }})
	}
	back := fmt.Sprintf("principle:%d#list", i)
	return &page{
		ID: fmt.Sprintf("item:%d:%s:%s", i, listKey, at), Title: title,
		Questions: qs,
		load: func() Draft {
			d := Draft{}
			if !isNew {
				for _, f := range lf.Fields {
					d[f.HelpKey()] = *f.Text(lf.Index(r, j))
				}
			}
			return d
		},
		store: func(d Draft, finished bool) {
			if !isNew && finished && d["keep"] == "no" {
				lf.Remove(r, j)
				return
			}
			// An item whose required answers are there, and only the
			// answers that are valid: a file saved here always opens
			// again. Stopped half-way, a new item with anything typed
			// (its words, who owns it, a month) is kept without what it
			// lacks (a draft may hold it so, with a warning, and the
			// summary asks for the rest before the file can be final): no
			// typed answer is lost. An item already there, stopped with
			// a required answer cleared, stays as it was.
			whole, typed := true, false
			for _, f := range lf.Fields {
				v := strings.TrimSpace(d[f.HelpKey()])
				if f.Required && v == "" {
					whole = false
				}
				if f.Kind != assessment.KindChoice && v != "" {
					typed = true
				}
			}
			if !whole && (finished || !isNew || !typed) {
				return
			}
			item := any(nil)
			if isNew {
				item = lf.Add(r)
				isNew = false
				j = lf.Len(r) - 1
			} else {
				item = lf.Index(r, j)
			}
			for _, f := range lf.Fields {
				q := qs[slices.IndexFunc(qs, func(q *question) bool { return q.Key == f.HelpKey() })]
				v := d[q.Key]
				switch {
				case q.Kind == askSelect && v == "":
					if *f.Text(item) == "" && !q.Unchosen { // never chosen for the person
						*f.Text(item) = q.cursor(d)
					}
				case q.validate(v, d) != nil:
					if !finished && strings.TrimSpace(v) != "" {
						fl.dropped = append(fl.dropped, q.Title+": "+strings.TrimSpace(v))
					}
				case f.Kind == assessment.KindText:
					setText(f.Text(item), v)
				default:
					*f.Text(item) = strings.TrimSpace(v)
				}
			}
		},
		next: func(Draft) string { return back },
	}
}
