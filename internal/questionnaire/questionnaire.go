// Package questionnaire is the interactive self-assessment behind
// nest assess: a huh form with one step for the assessment as a whole and
// one for each principle, which saves the file after every step so that no
// answer is lost. Its words come from the catalogue in package assessment.
package questionnaire

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/huh/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/nest-nyth/nest/assessment"
	"github.com/nest-nyth/nest/schema"
)

// ErrInterrupted means the person stopped (Ctrl-C, Esc) or the input ran
// out; everything answered so far has been saved.
var ErrInterrupted = errors.New("interrupted")

// ErrKeptFinal means the person chose not to change a final file; nothing
// was written.
var ErrKeptFinal = errors.New("final file left as it was")

// Options say how to run the questionnaire.
type Options struct {
	In         io.Reader // answers: a terminal, or lines in accessible mode
	Out        io.Writer // where the form is drawn: standard error
	Accessible bool      // plain line-by-line prompts
	Principle  string    // revise only this principle, then the summary
	Year       int       // the default year of a new assessment
	Today      string    // YYYY-MM-DD, the date a final file is submitted
	// AskFinal asks before changing a final file; without it, a final
	// file is changed (the caller has --force).
	AskFinal bool
	// Save writes the assessment; it is called after every step.
	Save func(a *assessment.Assessment) error
}

// Run asks the questions for a, new or loaded, and saves after every step.
// It returns ErrInterrupted when the person stops before the end.
func Run(a *assessment.Assessment, o Options) error {
	s := &session{a: a, o: o, out: o.Out}
	if o.Accessible {
		s.in = newLineReader(o.In)
		s.out = colorprofile.NewWriter(o.Out, os.Environ())
	}
	if a.Principles == nil {
		a.Principles = map[string]*assessment.Response{}
	}
	if a.Status == assessment.StatusFinal {
		edit := !o.AskFinal
		if o.AskFinal {
			if err := s.ask(page{fields: []huh.Field{yesNo(prompt["final.edit"], &edit)}}); err != nil {
				return ErrKeptFinal
			}
		}
		if !edit {
			return ErrKeptFinal
		}
		// It goes back to draft at the first answer that changes it; a run
		// that changes nothing leaves the file as it was.
		s.unchanged, _ = assessment.Marshal(a)
	}
	s.fresh = a.Region == "" || a.Scope == "" || a.Year == 0
	// The first step is asked again until a principle has been answered,
	// so input that ended inside it, or a file from nest init, leaves
	// nothing unasked; the answers already there are kept by Enter.
	if (s.fresh || !anyComplete(a)) && o.Principle == "" {
		if err := s.step(s.about); err != nil {
			return err
		}
	}
	for i, p := range assessment.Principles {
		if o.Principle != "" && p.Key != o.Principle {
			continue
		}
		if o.Principle == "" && complete(a.Principles[p.Key]) {
			continue
		}
		if err := s.step(func() error { return s.principle(i, p) }); err != nil {
			return err
		}
	}
	return s.step(s.summary)
}

func anyComplete(a *assessment.Assessment) bool {
	for _, r := range a.Principles {
		if complete(r) {
			return true
		}
	}
	return false
}

// complete reports whether a principle is answered: a reason for no
// rating, or a rating with something said behind it (what nest validate
// asks of it too).
func complete(r *assessment.Response) bool {
	return r != nil && (r.NotRated != "" || r.Rating > 0 && r.HasText())
}

type session struct {
	fresh     bool   // a new assessment, not a file loaded
	unchanged []byte // a final file as loaded, until an answer changes it
	a         *assessment.Assessment
	o         Options
	in        *lineReader // accessible mode only
	out       io.Writer
}

// step runs one step and saves, whether it finished or was interrupted:
// answers given before Ctrl-C are answers too.
func (s *session) step(run func() error) error {
	err := run()
	if s.unchanged != nil {
		now, merr := assessment.Marshal(s.a)
		if merr == nil && string(now) == string(s.unchanged) {
			return err // a final file nothing has changed: leave it be
		}
		s.unchanged = nil
		if s.a.Status == assessment.StatusFinal {
			s.a.Status = assessment.StatusDraft
		}
	}
	if serr := s.o.Save(s.a); serr != nil {
		return serr
	}
	return err
}

// page is a group of questions shown together, with an optional condition.
type page struct {
	title, description string
	fields             []huh.Field
	show               func() bool
	check              func() error // validates the answers once more
}

var prompt = assessment.Prompts

// ask shows pages: as one form in full-screen mode, or field by field in
// accessible mode, where huh neither hides pages nor notices the end of
// input by itself.
func (s *session) ask(pages ...page) error {
	if !s.o.Accessible {
		var groups []*huh.Group
		for _, p := range pages {
			g := huh.NewGroup(p.fields...).Title(p.title).Description(p.description)
			if p.show != nil {
				show := p.show
				g = g.WithHideFunc(func() bool { return !show() })
			}
			groups = append(groups, g)
		}
		keys := huh.NewDefaultKeyMap()
		keys.Quit = key.NewBinding(key.WithKeys("ctrl+c", "esc"), key.WithHelp("esc", "save and stop"))
		err := huh.NewForm(groups...).
			WithInput(s.o.In).WithOutput(s.out).
			WithTheme(huh.ThemeFunc(huh.ThemeBase16)).WithKeyMap(keys).WithShowHelp(true).
			Run()
		if errors.Is(err, huh.ErrUserAborted) || errors.Is(err, huh.ErrTimeout) {
			return ErrInterrupted
		}
		return err
	}
	for _, p := range pages {
		if p.show != nil && !p.show() {
			continue
		}
		if p.title != "" {
			fmt.Fprintf(s.out, "\n%s\n", p.title)
			if p.description != "" {
				fmt.Fprintf(s.out, "%s\n", p.description)
			}
		}
		for _, f := range p.fields {
			if _, note := f.(*huh.Note); note {
				if err := huh.NewForm(huh.NewGroup(f)).WithAccessible(true).WithOutput(s.out).Run(); err != nil {
					return err
				}
				continue
			}
			if err := s.askOne(f); err != nil {
				return err
			}
		}
		if p.check != nil {
			if err := p.check(); err != nil {
				return ErrInterrupted // input ended on an answer that is not valid
			}
		}
	}
	return nil
}

func (s *session) askOne(f huh.Field) (err error) {
	if !s.in.more() {
		return ErrInterrupted
	}
	defer func() {
		// huh's accessible select indexes its options with whatever was
		// typed last when input ends; treat that as the end it is.
		if recover() != nil {
			err = ErrInterrupted
		}
	}()
	if err := huh.NewForm(huh.NewGroup(f)).WithAccessible(true).WithInput(s.in).WithOutput(s.out).Run(); err != nil {
		return err
	}
	if s.in.ended {
		return ErrInterrupted
	}
	return nil
}

// keeps lets an empty answer through when there is an answer already: in
// accessible mode Enter keeps it, but huh checks the empty line first.
func keeps(current *string, check func(string) error) func(string) error {
	return func(v string) error {
		if strings.TrimSpace(v) == "" && strings.TrimSpace(*current) != "" {
			return nil
		}
		return check(v)
	}
}

// withDefault adds the value that Enter keeps to a title, in accessible
// mode, where the prompt does not show it.
func (s *session) withDefault(title, value string) string {
	if s.o.Accessible && value != "" {
		return fmt.Sprintf("%s (Enter keeps %s)", title, value)
	}
	return title
}

func yesNo(title string, value *bool) *huh.Confirm {
	return huh.NewConfirm().Title(title).Affirmative(prompt["yes"]).Negative(prompt["no"]).Value(value)
}

// about asks who is assessing, for which year, and whose voices were heard.
func (s *session) about() error {
	a := s.a
	if a.Year == 0 {
		a.Year = s.o.Year
	}
	if a.Scope == "" {
		a.Scope = assessment.ScopeRegion
	}
	if a.Region == "" {
		a.Region = assessment.Regions[0].Key
	}
	regions := make([]huh.Option[string], len(assessment.Regions))
	for i, r := range assessment.Regions {
		regions[i] = huh.NewOption(r.Name.EN, r.Key)
	}
	scopes := make([]huh.Option[string], len(assessment.Scopes))
	for i, c := range assessment.Scopes {
		scopes[i] = huh.NewOption(c.Label, c.Key)
	}
	name := ""
	sector := assessment.Sectors[0].Key
	var funding []string
	if a.Service != nil {
		name, sector, funding = a.Organisation, cmp.Or(a.Service.Sector, sector), a.Service.Funding
	}
	year := strconv.Itoa(a.Year)
	heard := []string{}
	for _, g := range assessment.VoiceGroups {
		if a.Voices.Heard(g.Key) {
			heard = append(heard, g.Key)
		}
	}
	voices := make([]huh.Option[string], len(assessment.VoiceGroups))
	for i, g := range assessment.VoiceGroups {
		voices[i] = huh.NewOption(g.Label, g.Key).Selected(slices.Contains(heard, g.Key))
	}
	isService := func() bool { return a.Scope == assessment.ScopeService }
	validYear := func(v string) error {
		y, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil || y < assessment.MinYear || y > assessment.MaxYear {
			return fmt.Errorf("give the year of the assessment round, %d to %d", assessment.MinYear, assessment.MaxYear)
		}
		return nil
	}
	required := nonEmpty("this is needed")
	answers := func() string {
		return fmt.Sprint(a.Region, a.Scope, name, sector, funding, year, heard, a.Voices.How)
	}
	before := answers()
	err := s.ask(
		page{
			title: prompt["about.title"], description: prompt["about.description"],
			fields: []huh.Field{
				huh.NewSelect[string]().Title(prompt["region.title"]).Options(regions...).Value(&a.Region),
				huh.NewSelect[string]().Title(prompt["scope.title"]).Options(scopes...).Value(&a.Scope),
			},
		},
		page{
			title: prompt["about.title"], show: isService,
			fields: []huh.Field{
				huh.NewInput().Title(s.withDefault(prompt["service.name"], name)).Value(&name).Validate(keeps(&name, required)),
				huh.NewSelect[string]().Title(prompt["sector.title"]).Options(choiceOptions(assessment.Sectors)...).Value(&sector),
				huh.NewMultiSelect[string]().Title(prompt["funding.title"]).Options(tagOptions(assessment.FundingStreams, funding)...).Value(&funding).Height(8),
			},
			check: func() error { return required(name) },
		},
		page{
			title: prompt["about.title"],
			fields: []huh.Field{
				huh.NewInput().Title(s.withDefault(prompt["year.title"], year)).Value(&year).Validate(keeps(&year, validYear)),
				huh.NewMultiSelect[string]().Title(prompt["voices.title"]).Options(voices...).Value(&heard).Height(len(voices) + 1),
				huh.NewText().Title(prompt["how.title"]).Value(&a.Voices.How).Lines(3),
			},
			check: func() error { return validYear(year) },
		},
	)
	if err != nil && answers() == before && s.fresh {
		a.Region = "" // stopped before any answer: nothing to save
		return err
	}
	// Keep whatever was answered, even when interrupted.
	if y, yerr := strconv.Atoi(strings.TrimSpace(year)); yerr == nil && validYear(year) == nil {
		a.Year = y
	}
	for _, g := range assessment.VoiceGroups {
		a.Voices.SetHeard(g.Key, slices.Contains(heard, g.Key))
	}
	a.Voices.How = strings.TrimSpace(a.Voices.How)
	if isService() {
		a.Organisation = strings.TrimSpace(name)
		a.Service = &assessment.Service{Sector: sector, Funding: funding}
	} else {
		a.Service = nil
		if r, ok := assessment.RegionByKey(a.Region); ok && (a.Organisation == "" || strings.HasSuffix(a.Organisation, "Regional Partnership Board")) {
			a.Organisation = r.Name.EN + " Regional Partnership Board"
		}
	}
	if a.Nest == 0 {
		a.Nest = assessment.FormatVersion
	}
	if a.Status == "" {
		a.Status = assessment.StatusDraft
	}
	return err
}

func choiceOptions(cs []assessment.Choice) []huh.Option[string] {
	opts := make([]huh.Option[string], len(cs))
	for i, c := range cs {
		opts[i] = huh.NewOption(c.Label, c.Key)
	}
	return opts
}

// tagOptions offers the suggested tags, then any others already chosen,
// with the chosen ones selected.
func tagOptions(suggested []assessment.Choice, chosen []string) []huh.Option[string] {
	var opts []huh.Option[string]
	for _, c := range suggested {
		opts = append(opts, huh.NewOption(c.Label, c.Key).Selected(slices.Contains(chosen, c.Key)))
	}
	for _, t := range chosen {
		if !assessment.Has(suggested, t) {
			opts = append(opts, huh.NewOption(t, t).Selected(true))
		}
	}
	return opts
}

// principle asks one principle's step.
func (s *session) principle(i int, p assessment.Principle) error {
	r := s.a.Principles[p.Key]
	if r == nil {
		r = &assessment.Response{}
		s.a.Principles[p.Key] = r
	}
	title := fmt.Sprintf(prompt["principle.progress"], i+1, len(assessment.Principles), p.Name.EN)
	ratings := []huh.Option[int]{}
	for _, l := range assessment.Levels {
		ratings = append(ratings, huh.NewOption(fmt.Sprintf("%d %s: %s", l.Rating, l.Name.EN, l.Meaning), l.Rating))
	}
	ratings = append(ratings, huh.NewOption(prompt["rating.not_rated"], 0))
	// Options are numbered as the ratings are, so that in accessible mode
	// typing 3 means 3; "none" comes last.
	targets := []huh.Option[int]{}
	for _, l := range assessment.Levels {
		targets = append(targets, huh.NewOption(fmt.Sprintf("%d %s", l.Rating, l.Name.EN), l.Rating))
	}
	targets = append(targets, huh.NewOption(prompt["target.none"], 0))
	notRated := func() bool { return r.Rating == 0 }
	needReason := func(v string) error {
		if r.Rating == 0 && strings.TrimSpace(v) == "" {
			return errors.New("say why there is no rating yet")
		}
		return nil
	}
	validTarget := func(t int) error {
		if t != 0 && t < r.Rating {
			return fmt.Errorf("aim for %d or higher: the target cannot be below this year's rating", r.Rating)
		}
		return nil
	}
	before := *r // to tell an answer from an unchanged one
	before.Themes = slices.Clone(r.Themes)
	themes := slices.Clone(r.Themes)
	other := ""
	pages := []page{
		page{
			title: title, description: p.Summary,
			fields: []huh.Field{
				huh.NewSelect[int]().Title(prompt["rating.title"]).Options(ratings...).Value(&r.Rating),
			},
		},
		page{
			title: title, show: notRated,
			fields: []huh.Field{huh.NewInput().Title(prompt["not_rated.title"]).Value(&r.NotRated).Validate(keeps(&r.NotRated, needReason))},
			check:  func() error { return needReason(r.NotRated) },
		},
		// One question a page, so that every page fits an 80x24 terminal.
		page{
			title:  title,
			fields: []huh.Field{huh.NewSelect[int]().Title(prompt["target.title"]).Options(targets...).Value(&r.Target).Validate(validTarget)},
			check:  func() error { return validTarget(r.Target) },
		},
	}
	// A page for each free text of the format's table.
	for _, f := range assessment.ResponseTexts() {
		pages = append(pages, page{title: title, fields: []huh.Field{huh.NewText().Title(f.Title()).Description(f.Help()).Value(f.Text(r)).Lines(5)}})
	}
	pages = append(pages,
		page{
			title: title,
			fields: []huh.Field{
				huh.NewMultiSelect[string]().Title(prompt["themes.title"]).Options(tagOptions(assessment.Themes, r.Themes)...).Value(&themes).Height(12),
				huh.NewInput().Title(prompt["themes.other"]).Value(&other),
			},
		},
	)
	err := s.ask(pages...)
	s.tidy(r, before, themes, other)
	if err != nil {
		return err
	}
	if err := s.actions(title, r); err != nil {
		return err
	}
	return s.quotes(title, r)
}

// tidy trims answers and gathers themes, the chosen and the typed.
// Text given back as it was is kept exactly as it was, so that revising
// one answer does not rewrite the others.
func (s *session) tidy(r *assessment.Response, before assessment.Response, themes []string, other string) {
	if r.Rating > 0 {
		r.NotRated = ""
	}
	r.NotRated = strings.TrimSpace(r.NotRated)
	for _, f := range assessment.ResponseTexts() {
		now, was := f.Text(r), *f.Text(&before)
		if strings.TrimSpace(*now) == strings.TrimSpace(was) {
			*now = was
		} else {
			*now = paragraphs(*now)
		}
	}
	for _, t := range strings.Split(other, ",") {
		if tag := assessment.TagOf(t); tag != "" && !slices.Contains(themes, tag) {
			themes = append(themes, tag)
		}
	}
	if sameSet(themes, before.Themes) {
		themes = before.Themes // the same choice: keep the file's order
	}
	r.Themes = themes
}

func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for _, x := range a {
		if !slices.Contains(b, x) {
			return false
		}
	}
	return true
}

// paragraphs trims text and ends text of several lines with a newline, so
// it is written as a | block.
func paragraphs(s string) string {
	s = strings.TrimSpace(s)
	if strings.Contains(s, "\n") {
		s += "\n"
	}
	return s
}

// more asks whether to add one more of something (the question names how
// many so far), and while the answer is yes, asks for it with one.
func (s *session) more(title, first, another string, count func() int, one func() error) error {
	for {
		yes := false
		q := first
		if n := count(); n > 0 {
			q = fmt.Sprintf("%s (%d so far)", another, n)
		}
		if err := s.ask(page{title: title, fields: []huh.Field{yesNo(q, &yes)}}); err != nil || !yes {
			return err
		}
		if err := one(); err != nil {
			return err
		}
	}
}

// nonEmpty refuses an empty answer with the given advice.
func nonEmpty(advice string) func(string) error {
	return func(v string) error {
		if strings.TrimSpace(v) == "" {
			return errors.New(advice)
		}
		return nil
	}
}

func (s *session) actions(title string, r *assessment.Response) error {
	needed := nonEmpty("say what will be done")
	month := func(v string) error {
		if v = strings.TrimSpace(v); v != "" && !schema.IsMonth(v) {
			return errors.New("write the month as YYYY-MM, like 2025-03")
		}
		return nil
	}
	return s.more(title, prompt["action.add"], prompt["action.another"], func() int { return len(r.Actions) }, func() error {
		var act assessment.Action
		err := s.ask(page{
			title: title,
			fields: []huh.Field{
				huh.NewInput().Title(prompt["action.title"]).Value(&act.Action).Validate(needed),
				huh.NewInput().Title(prompt["action.owner"]).Value(&act.Owner),
				huh.NewInput().Title(prompt["action.due"]).Value(&act.Due).Validate(month),
			},
			check: func() error { return errors.Join(needed(act.Action), month(act.Due)) },
		})
		act.Action, act.Owner, act.Due = strings.TrimSpace(act.Action), strings.TrimSpace(act.Owner), strings.TrimSpace(act.Due)
		if act.Action != "" && month(act.Due) == nil {
			r.Actions = append(r.Actions, act)
		}
		return err
	})
}

func (s *session) quotes(title string, r *assessment.Response) error {
	needed := nonEmpty("type the quote")
	return s.more(title, prompt["quote.add"], prompt["quote.another"], func() int { return len(r.Feedback) }, func() error {
		quote := assessment.Quote{From: assessment.Sources[0].Key}
		err := s.ask(page{
			title: title,
			fields: []huh.Field{
				huh.NewText().Title(prompt["quote.title"]).Value(&quote.Quote).Lines(3).Validate(needed),
				huh.NewSelect[string]().Title(prompt["quote.from"]).Options(choiceOptions(assessment.Sources)...).Value(&quote.From),
			},
			check: func() error { return needed(quote.Quote) },
		})
		quote.Quote = paragraphs(quote.Quote)
		if quote.Quote != "" {
			r.Feedback = append(r.Feedback, quote)
		}
		return err
	})
}

// Summary describes an assessment for the last step: each principle's
// rating or what is missing, then what nest validate would report.
func Summary(a *assessment.Assessment, findings []schema.Finding) string {
	var b strings.Builder
	for _, p := range assessment.Principles {
		r := a.Principles[p.Key]
		switch {
		case r == nil:
			fmt.Fprintf(&b, "%-32s not answered yet\n", p.Name.EN)
		case r.Rating > 0:
			l, _ := assessment.LevelByRating(r.Rating)
			fmt.Fprintf(&b, "%-32s %d %s\n", p.Name.EN, r.Rating, l.Name.EN)
		case r.NotRated != "":
			fmt.Fprintf(&b, "%-32s not rated: %s\n", p.Name.EN, r.NotRated)
		default:
			fmt.Fprintf(&b, "%-32s no rating yet\n", p.Name.EN)
		}
	}
	if len(findings) == 0 {
		b.WriteString("\nnest validate finds no problems: it can be marked final.\n")
		return b.String()
	}
	b.WriteString("\nWere it marked final now, nest validate would report:\n")
	schema.Sort(findings)
	for _, f := range findings {
		fmt.Fprintf(&b, "- line %d: %s: %s\n", f.Line, f.Severity, f.Message)
	}
	return b.String()
}

// check returns the findings nest validate would report for a once saved.
func check(a *assessment.Assessment) ([]schema.Finding, error) {
	data, err := assessment.Marshal(a)
	if err != nil {
		return nil, err
	}
	return schema.Check("", data).Findings, nil
}

// summary shows where the assessment stands and, when it has no errors,
// offers to mark it final.
func (s *session) summary() error {
	a := s.a
	// Ask as if final, so that what a submission lacks shows now; the
	// date submitted is filled in when it is marked final, so its lack is
	// not one.
	status := a.Status
	a.Status = assessment.StatusFinal
	all, err := check(a)
	a.Status = status
	if err != nil {
		return err
	}
	var findings []schema.Finding
	for _, f := range all {
		if f.Rule == schema.RuleFinal && a.Submitted == "" && strings.Contains(f.Message, "date it was submitted") {
			continue
		}
		findings = append(findings, f)
	}
	errs := 0
	for _, f := range findings {
		if f.Severity == schema.Error {
			errs++
		}
	}
	note := huh.NewNote().Title(prompt["summary.title"]).Description(Summary(a, findings))
	if errs > 0 || a.Status == assessment.StatusFinal {
		return s.ask(page{fields: []huh.Field{note.Next(true)}})
	}
	final := false
	if err := s.ask(page{fields: []huh.Field{note, yesNo(prompt["summary.final"], &final)}}); err != nil {
		return err
	}
	if final {
		a.Status = assessment.StatusFinal
		if a.Submitted == "" {
			a.Submitted = s.o.Today
		}
	}
	return nil
}
