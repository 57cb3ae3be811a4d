package questionnaire

import (
	"errors"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/nest-nyth/nest/assessment"
	"github.com/nest-nyth/nest/schema"
)

// Keys, as tokens in the strings tests type: "Siân<enter>".
func keyMsg(tok string) tea.KeyPressMsg {
	switch tok {
	case "<enter>":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "<tab>":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "<shift+tab>":
		return tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}
	case "<down>":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "<up>":
		return tea.KeyPressMsg{Code: tea.KeyUp}
	case "<esc>":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "<space>":
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	case "<ctrl+o>":
		return tea.KeyPressMsg{Code: 'o', Mod: tea.ModCtrl}
	case "<ctrl+j>":
		return tea.KeyPressMsg{Code: 'j', Mod: tea.ModCtrl}
	case "<backspace>":
		return tea.KeyPressMsg{Code: tea.KeyBackspace}
	}
	r := []rune(tok)
	if len(r) != 1 {
		panic("bad key " + tok)
	}
	return tea.KeyPressMsg{Code: r[0], Text: tok}
}

func tokens(s string) []string {
	var out []string
	for s != "" {
		if s[0] == '<' {
			if i := strings.IndexByte(s, '>'); i > 0 {
				out = append(out, s[:i+1])
				s = s[i+1:]
				continue
			}
		}
		r := []rune(s)[0]
		out = append(out, string(r))
		s = s[len(string(r)):]
	}
	return out
}

type harness struct {
	t     *testing.T
	m     *model
	a     *assessment.Assessment
	saves int
}

func newHarness(t *testing.T, a *assessment.Assessment, o Options) *harness {
	h := &harness{t: t, a: a}
	o.Year, o.Today, o.AskFinal = 2024, "2024-10-31", true
	o.Save = func(*assessment.Assessment) error { h.saves++; return nil }
	fl := newFlow(a, &o)
	s := &saver{a: a, o: &o}
	h.m = newModel(fl, s.save)
	h.m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	return h
}

// send types keys; it never runs the commands the model returns, which
// shows that moving between fields and pages does not wait for them.
func (h *harness) send(keys string) {
	h.t.Helper()
	for _, tok := range tokens(keys) {
		if h.m.done {
			h.t.Fatalf("key %q after the end", tok)
		}
		h.m.Update(keyMsg(tok))
	}
}

func (h *harness) focus() string {
	if q := h.m.questionOf[h.m.form.GetFocusedField()]; q != nil {
		return q.Key
	}
	return ""
}

func (h *harness) view() string { return ansi.Strip(h.m.View().Content) }

func (h *harness) response(key string) *assessment.Response { return h.a.Principles[key] }

// firstStep answers the first step as it stands: Cardiff and Vale, a
// region's own, 2024, in English, no voices, nothing said of how.
const firstStep = "<enter><enter><enter><enter><enter><enter>"

func TestRatingCountsOnlyWhenChosen(t *testing.T) {
	h := newHarness(t, &assessment.Assessment{}, Options{})
	h.send(firstStep)
	if h.m.page.ID != "principle:0" || h.focus() != "rating" {
		t.Fatalf("on %s, %s", h.m.page.ID, h.focus())
	}
	if !strings.Contains(h.view(), "> 1 Basic") {
		t.Fatalf("the cursor does not start on level 1:\n%s", h.view())
	}
	h.send("<down><down><esc>")
	if r := h.response("trusted_adults"); r != nil {
		t.Fatalf("a rating the cursor rested on was kept: %+v", r)
	}
	var st *Stopped
	if !errors.As(h.m.err, &st) || !errors.Is(h.m.err, ErrInterrupted) || h.saves != 2 {
		t.Fatalf("ended with %v after %d saves", h.m.err, h.saves)
	}
}

func TestDigitsChooseAndTargetsStartAtTheRating(t *testing.T) {
	h := newHarness(t, &assessment.Assessment{}, Options{})
	h.send(firstStep + "3")
	if h.focus() != "target" {
		t.Fatalf("focus on %s after a digit", h.focus())
	}
	v := h.view()
	if strings.Contains(v, "2 Early progress\n") || !strings.Contains(v, "  3 Substantial progress") {
		t.Fatalf("targets below the rating offered:\n%s", v)
	}
	h.send("4<esc>")
	if r := h.response("trusted_adults"); r == nil || r.Rating != 3 || r.Target != 4 {
		t.Fatalf("kept %+v", r)
	}
}

// The rating starts on the rating there already.
func TestRatingStartsOnTheCurrentOne(t *testing.T) {
	a := loaded(t)
	a.Principles["co_produced_innovations"] = &assessment.Response{Rating: 3}
	h := newHarness(t, a, Options{Principle: "co_produced_innovations"})
	if !strings.Contains(h.view(), "> 3 Substantial progress") {
		t.Fatalf("the cursor is not on the rating given:\n%s", h.view())
	}
}

// Shift+Tab from an empty answer that is needed moves back, and never
// leaves the page locked; Enter still refuses the empty answer.
func TestShiftTabNeverLocks(t *testing.T) {
	h := newHarness(t, &assessment.Assessment{}, Options{})
	h.send(firstStep + "0")
	if h.focus() != "not_rated" {
		t.Fatalf("focus on %s", h.focus())
	}
	h.send("<shift+tab>")
	if h.focus() != "rating" || len(h.m.form.Errors()) > 0 {
		t.Fatalf("focus on %s, errors %v", h.focus(), h.m.form.Errors())
	}
	h.send("<enter><enter>")
	if h.focus() != "not_rated" || len(h.m.form.Errors()) == 0 {
		t.Fatalf("an empty reason was taken: focus on %s", h.focus())
	}
	h.send("<shift+tab><shift+tab><tab>0Not yet<enter>")
	if h.focus() != "target" {
		t.Fatalf("locked: focus on %s, errors %v", h.focus(), h.m.form.Errors())
	}
	// The first question of a page: an action's, which is needed.
	h.send("<enter><enter><enter><enter><enter><down><enter>")
	if !strings.HasPrefix(h.m.page.ID, "item:0:actions") {
		t.Fatalf("on %s", h.m.page.ID)
	}
	h.send("<shift+tab><shift+tab>Plan<enter><enter><enter>")
	if r := h.response("trusted_adults"); len(r.Actions) != 1 || r.Actions[0].Action != "Plan" {
		t.Fatalf("actions %+v, on %s, errors %v", r.Actions, h.m.page.ID, h.m.form.Errors())
	}
}

// Keys that come at once, with no time for anything between them, land
// where they were typed: across the end of a page and the start of the next.
func TestKeysTypedOnAcrossPages(t *testing.T) {
	h := newHarness(t, &assessment.Assessment{}, Options{})
	h.send(firstStep + "2<enter>Hello<enter><enter><enter><enter><down><enter>Plan<enter>Me<enter><enter>")
	h.send("<down><down><enter>She said<ctrl+j>so<enter><enter>")
	h.send("<down><down><down><enter><enter>Hi<enter><enter>y<enter>")
	r := h.response("trusted_adults")
	if r.WorkingWell != "Hello" || len(r.Actions) != 1 || r.Actions[0].Owner != "MeHi" || len(r.Feedback) != 1 ||
		r.Feedback[0].Quote != "She said\nso\n" || h.m.page.ID != "principle:1" {
		t.Fatalf("kept %+v, on %s", r, h.m.page.ID)
	}
}

// Ctrl+O keeps the page and shows the overview; from there any page can be
// opened again, and after it the overview comes back.
func TestOverviewGoesBack(t *testing.T) {
	h := newHarness(t, &assessment.Assessment{}, Options{})
	h.send(firstStep + "2<enter>Half<ctrl+o>")
	if h.m.page.ID != "summary" || h.response("trusted_adults").WorkingWell != "Half" {
		t.Fatalf("on %s", h.m.page.ID)
	}
	h.send("<down><enter>") // About this self-assessment (it cannot be final yet)
	if h.m.page.ID != "about" {
		t.Fatalf("on %s", h.m.page.ID)
	}
	h.send(firstStep)
	if h.m.page.ID != "summary" {
		t.Fatalf("after the first step again: on %s", h.m.page.ID)
	}
	h.send("<down><down><enter>") // Trusted adults
	if h.m.page.ID != "principle:0" || !strings.Contains(h.view(), "> 2 Early progress") {
		t.Fatalf("on %s:\n%s", h.m.page.ID, h.view())
	}
}

// The bar at the bottom says how to stop, on every page, and fits 80
// columns; the title is never cut.
func TestKeyBarAndTitle(t *testing.T) {
	h := newHarness(t, &assessment.Assessment{}, Options{})
	for _, keys := range []string{"", "<enter><enter>", "<enter><enter>", "2", "<enter>", "<enter><enter><enter>", "<enter>"} {
		h.send(keys)
		lines := strings.Split(h.view(), "\n")
		if len(lines) > 24 {
			t.Fatalf("%d lines on %s:\n%s", len(lines), h.m.page.ID, h.view())
		}
		last := lines[len(lines)-1]
		if !strings.HasPrefix(last, "esc: save and stop") || ansi.StringWidth(last) > 80 {
			t.Fatalf("key bar %q on %s", last, h.m.page.ID)
		}
		if lines[0] != h.m.page.Title {
			t.Fatalf("title %q, want %q", lines[0], h.m.page.Title)
		}
	}
}

// The summary names principles and says what to fix in words.
func TestSummaryInWords(t *testing.T) {
	a := loaded(t)
	a.Principles["safe_and_supportive_communities"] = &assessment.Response{Rating: 2}
	delete(a.Principles, "no_wrong_door")
	a.Principles["co_produced_innovations"] = &assessment.Response{Concerns: "x"}
	text, errs := Summary(a, nil)
	for _, want := range []string{
		"To fix before it can be marked final:",
		"- Co-produced innovations: no rating yet; choose one, or say why it is not rated yet",
		"- Easy access to expertise, No wrong door: not answered yet",
		"Worth a look:",
		"- Safe and supportive communities: rated, but nothing is said behind the rating",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("summary lacks %q:\n%s", want, text)
		}
	}
	if errs != 3 || regexp.MustCompile(`line \d|[a-z]+_[a-z]+`).MatchString(text) {
		t.Errorf("%d errors; keys or lines in:\n%s", errs, text)
	}
}

// The summary in Welsh: the principles by their Welsh names, what to do
// in Welsh, personal data named in Welsh.
func TestSummaryInWelsh(t *testing.T) {
	a := loaded(t)
	a.Principles["safe_and_supportive_communities"] = &assessment.Response{Rating: 2}
	a.Principles["co_produced_innovations"] = &assessment.Response{Concerns: "x"}
	a.Principles["trusted_adults"].WorkingWell = "Ffoniwch 07700 900123."
	text, errs := Summary(a, assessment.Welsh())
	for _, want := range []string{
		"I'w cywiro cyn y gallwch farcio'r ffeil yn derfynol:",
		"- Arloesi wedi'i gyd-gynhyrchu: dim sgôr eto; dewiswch un, neu dywedwch pam nad oes sgôr eto",
		"- Mynediad hawdd at arbenigedd, Dim drws anghywir: heb ei ateb eto",
		"Gwerth edrych arnyn nhw:",
		"- Cymunedau diogel a chefnogol: mae sgôr, ond nid oes dim byd i gefnogi'r sgôr",
		"- Oedolion yr ymddiriedir ynddynt, beth sy'n gweithio'n dda: mae hyn yn edrych fel rhif ffôn: ",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("summary lacks %q:\n%s", want, text)
		}
	}
	if errs != 3 || regexp.MustCompile(`line \d|[a-z]+_[a-z]+|looks like|rated`).MatchString(text) {
		t.Errorf("%d errors; keys, lines or English in:\n%s", errs, text)
	}
}

// Where carrying on starts.
func TestResume(t *testing.T) {
	for _, c := range []struct {
		name     string
		change   func(a *assessment.Assessment)
		id, want string
	}{
		{"inside a principle, after its last answer", func(a *assessment.Assessment) {
			a.Principles["co_produced_innovations"] = &assessment.Response{Rating: 2, WorkingWell: "x"}
		}, "principle:2", "concerns"},
		{"a rating chosen, nothing else", func(a *assessment.Assessment) {
			a.Principles["co_produced_innovations"] = &assessment.Response{Rating: 2}
		}, "principle:2", "target"},
		{"not rated: the reason given", func(a *assessment.Assessment) {
			a.Principles["co_produced_innovations"] = &assessment.Response{NotRated: "later"}
		}, "principle:2", "target"},
		{"through a principle: the next", func(a *assessment.Assessment) {
			a.Principles["co_produced_innovations"] = &assessment.Response{Rating: 2, Actions: []assessment.Action{{Action: "x"}}}
		}, "principle:3", ""},
		{"all six through: the summary", func(a *assessment.Assessment) {
			for _, p := range assessment.Principles {
				a.Principles[p.Key] = &assessment.Response{Rating: 2, WorkingWell: "x", Themes: []string{"housing"}}
			}
		}, "summary", ""},
		{"a quote kept half-way: at what it lacks", func(a *assessment.Assessment) {
			a.Principles["co_produced_innovations"] = &assessment.Response{Rating: 2, Feedback: []assessment.Quote{{Quote: "x", From: "family"}, {Quote: "y"}}}
		}, "item:2:feedback:1", "feedback.from"},
		{"only the first step, its language and voices not given", func(a *assessment.Assessment) {
			a.Principles = nil
			a.Voices = assessment.Voices{}
		}, "about", "language"},
		{"only the first step, its voices not given", func(a *assessment.Assessment) {
			a.Principles = nil
			a.Voices = assessment.Voices{}
			a.Language = "cy"
		}, "about", "voices"},
	} {
		t.Run(c.name, func(t *testing.T) {
			a := loaded(t)
			for k := range a.Principles {
				if k != "trusted_adults" && k != "wellbeing_across_education" {
					delete(a.Principles, k)
				}
			}
			c.change(a)
			fl := newFlow(a, &Options{Year: 2024})
			if id, focus := fl.resume(); id != c.id || focus != c.want {
				t.Errorf("resumes at %s %q, want %s %q", id, focus, c.id, c.want)
			}
		})
	}
}

// loaded is the draft of the end-to-end scripts: principles 1 and 2
// answered.
func loaded(t *testing.T) *assessment.Assessment {
	t.Helper()
	return &assessment.Assessment{Nest: 1, Region: "gwent", Scope: "region", Organisation: "Gwent Regional Partnership Board",
		Year: 2024, Status: "draft", Voices: assessment.Voices{ChildrenAndYoungPeople: true, How: "Workshops."},
		Principles: map[string]*assessment.Response{
			"trusted_adults":             {Rating: 2, WorkingWell: "Staff stay."},
			"wellbeing_across_education": {NotRated: "Not yet"},
		}}
}

// TestNavCmdNamesMatchHuh fails when a huh upgrade renames the navigation
// commands that navsync.go runs at once.
func TestNavCmdNamesMatchHuh(t *testing.T) {
	if !isNavCmd(huh.NextField) || !isNavCmd(huh.PrevField) {
		t.Fatalf("NextField is %q", funcName(huh.NextField))
	}
	var v string
	f := huh.NewForm(huh.NewGroup(huh.NewInput().Value(&v)))
	f.Init()
	f.Update(keyMsg("x"))
	_, cmd := f.Update(keyMsg("<enter>"))
	for step := 0; f.State == huh.StateNormal; step++ {
		nav, _ := splitCmd(cmd)
		if len(nav) != 1 || step > 2 {
			t.Fatalf("step %d: %d navigation messages; did huh rename its commands?", step, len(nav))
		}
		_, cmd = f.Update(nav[0])
	}
	if f.State != huh.StateCompleted || v != "x" {
		t.Fatalf("state %v, value %q", f.State, v)
	}
}

// Every prompt the questionnaire names is in the catalogue: a missing one
// would show as an empty question.
func TestPromptsAreInTheCatalogue(t *testing.T) {
	n := 0
	for _, name := range []string{"flow.go", "summary.go", "tui.go", "lineprompt.go"} {
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, u := range regexp.MustCompile(`\.p\("([a-z_.]+)"`).FindAllStringSubmatch(string(src), -1) {
			n++
			for _, w := range []*assessment.Words{assessment.English, assessment.Welsh()} {
				if !w.Has("prompts." + u[1]) {
					t.Errorf("%s: prompt %q is not in the %s catalogue", name, u[1], w.Lang)
				}
			}
		}
	}
	for _, k := range keyHelp {
		if !assessment.Welsh().Has("prompts." + k) {
			t.Errorf("key help %q is not in the catalogue", k)
		}
	}
	// Those made from the table's keys.
	for _, f := range assessment.FieldPrinciples.Fields {
		if f.Kind == assessment.KindList {
			for _, k := range []string{".add", ".item", ".new", ".change", ".keep"} {
				if assessment.Prompts[f.Key+k] == "" {
					t.Errorf("no prompt %s%s for the list %s", f.Key, k, f.Key)
				}
			}
			for _, w := range []*assessment.Words{assessment.English, assessment.Welsh()} {
				if k := "prompts.finding.item_incomplete." + f.Key; !w.Has(k) {
					t.Errorf("no %s in the %s catalogue", k, w.Lang)
				}
			}
		}
	}
	if n < 40 {
		t.Fatalf("only %d prompts found: the pattern is stale", n)
	}
}

// BenchmarkPrinciplePage is the model's own time for one principle typed
// through: a rating, a target, a sentence, and on to the next page (the
// file written is a no-op here). A person types a key every 100 ms or so.
func BenchmarkPrinciplePage(b *testing.B) {
	keys := tokens("23Staff stay with the same families.<enter><enter><enter><space><enter><enter>")
	for b.Loop() {
		b.StopTimer()
		h := newHarness(&testing.T{}, &assessment.Assessment{}, Options{})
		h.send(firstStep)
		b.StartTimer()
		for _, k := range keys {
			h.m.Update(keyMsg(k))
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*len(keys)), "µs/key")
}

// In Welsh every word on the screen is Welsh: titles, options, the key
// bar (huh's own key help too), and the language offered first is Welsh.
func TestWelshScreens(t *testing.T) {
	h := newHarness(t, &assessment.Assessment{}, Options{Words: assessment.Welsh()})
	bar := func() string { lines := strings.Split(h.view(), "\n"); return lines[len(lines)-1] }
	v := h.view()
	for _, want := range []string{"Am yr hunanasesiad hwn", "Pa Fwrdd Partneriaeth Rhanbarthol?", "> Caerdydd a'r Fro", "enter: dewis"} {
		if !strings.Contains(v, want) {
			t.Errorf("no %q on the first page:\n%s", want, v)
		}
	}
	if !strings.HasPrefix(bar(), "esc: cadw a stopio") {
		t.Errorf("key bar %q", bar())
	}
	h.send("<enter><enter><enter>")
	if h.focus() != "language" || !strings.Contains(h.view(), "> Cymraeg") {
		t.Fatalf("focus on %s:\n%s", h.focus(), h.view())
	}
	h.send("<enter><space>")
	if !strings.Contains(bar(), "bylchwr: ticio") {
		t.Errorf("key bar on voices %q", bar())
	}
	h.send("<enter><enter>")
	v = h.view()
	for _, want := range []string{"Egwyddor 1 o 6 — Oedolion yr ymddiriedir ynddynt", "> 1 Sylfaenol: Mae'r egwyddor", "  Dim sgôr eto", "1-4: sgôr"} {
		if !strings.Contains(v, want) {
			t.Errorf("no %q on principle 1:\n%s", want, v)
		}
	}
	if h.a.Language != "cy" || !h.a.Voices.ChildrenAndYoungPeople {
		t.Errorf("language %q, voices %+v", h.a.Language, h.a.Voices)
	}
	for _, english := range []string{"back", "choose", "next", "toggle", "submit", "Principle", "rating"} {
		if strings.Contains(bar(), english) {
			t.Errorf("English %q in the key bar %q", english, bar())
		}
	}
	h.send("2<enter>Staff.<enter><enter><enter><enter><ctrl+o>")
	v = h.view()
	for _, want := range []string{"Crynodeb", "Beth nesaf?", "Oedolion yr ymddiriedir ynddynt: 2 Cynnydd cynnar", "heb ei ateb eto", "Am yr hunanasesiad hwn: Caerdydd a'r Fro, 2024"} {
		if !strings.Contains(v, want) {
			t.Errorf("no %q on the summary:\n%s", want, v)
		}
	}
}

// The principles not answered yet are named in the framework's order, not
// in the alphabetical order of their keys, and the line that goes on from
// that item of the list is indented under it.
func TestSummaryInFrameworkOrder(t *testing.T) {
	a := loaded(t)
	a.Principles = map[string]*assessment.Response{}
	text, _ := Summary(a, nil)
	want := "- Trusted adults, Wellbeing across education, Co-produced innovations, Easy access to expertise, Safe and supportive communities, No wrong door: not answered yet"
	if !strings.Contains(text, want) {
		t.Errorf("summary lacks %q:\n%s", want, text)
	}
	text, _ = Summary(a, assessment.Welsh())
	var at []int
	for _, pr := range assessment.Principles {
		at = append(at, strings.Index(text, words{assessment.Welsh()}.principle(pr.Key)))
	}
	if !slices.IsSorted(at) || at[0] < 0 {
		t.Errorf("in Welsh, the principles at %v:\n%s", at, text)
	}

	h := newHarness(t, &assessment.Assessment{}, Options{})
	h.send(firstStep + "<ctrl+o>")
	if h.m.page.ID != "summary" {
		t.Fatalf("on %s", h.m.page.ID)
	}
	lines := strings.Split(h.view(), "\n")
	for i, l := range lines {
		if !strings.HasPrefix(l, "- Trusted adults, ") {
			continue
		}
		if i+1 == len(lines) || !strings.HasPrefix(lines[i+1], "  ") || strings.HasPrefix(lines[i+1], "   ") {
			t.Fatalf("the item goes on unindented:\n%s", h.view())
		}
		return
	}
	t.Fatalf("no list of principles not answered yet:\n%s", h.view())
}

// Stopped on a new quote before choosing who said it, the words typed are
// kept (a draft holds the quote so, and the summary asks for the rest);
// who said it is never chosen for the person. An action with nothing
// typed is not kept.
func TestStoppedHalfWayKeepsTheWords(t *testing.T) {
	for _, key := range []string{"<esc>", "<ctrl+o>"} {
		a := &assessment.Assessment{}
		h := newHarness(t, a, Options{})
		h.send(firstStep)
		h.m.open("item:0:feedback:new", "")
		if h.focus() != "feedback.quote" {
			t.Fatalf("focus on %q", h.focus())
		}
		h.send("The youth club is safe" + key)
		r := h.response("trusted_adults")
		if r == nil || len(r.Feedback) != 1 || r.Feedback[0].Quote != "The youth club is safe" || r.Feedback[0].From != "" {
			t.Fatalf("%s: feedback kept: %+v", key, r)
		}
		text, errs := Summary(a, nil)
		if errs == 0 || !strings.Contains(text, "a quote is not finished") {
			t.Errorf("%s: the summary does not ask for the rest:\n%s", key, text)
		}
	}
	h := newHarness(t, &assessment.Assessment{}, Options{})
	h.send(firstStep)
	h.m.open("item:0:actions:new", "")
	h.send("<esc>")
	if r := h.response("trusted_adults"); r != nil && len(r.Actions) > 0 {
		t.Errorf("an empty action was kept: %+v", r.Actions)
	}
	// An action already there, its words cleared, then Esc: it stays as it was.
	a := loaded(t)
	a.Principles["trusted_adults"].Actions = []assessment.Action{{Action: "Write job descriptions", Owner: "HR lead"}}
	h = newHarness(t, a, Options{})
	h.m.open("item:0:actions:0", "")
	h.send(strings.Repeat("<backspace>", 30) + "<esc>")
	if got := a.Principles["trusted_adults"].Actions; len(got) != 1 || got[0].Action != "Write job descriptions" || got[0].Owner != "HR lead" {
		t.Errorf("the action already there became %+v", got)
	}
}

// A rating raised past the target, then Esc: the target the page no
// longer offered goes, and the file saved is one nest opens again.
func TestRatingRaisedPastTheTarget(t *testing.T) {
	a := loaded(t)
	a.Principles["trusted_adults"] = &assessment.Response{Rating: 2, Target: 3, WorkingWell: "Staff stay."}
	h := newHarness(t, a, Options{})
	h.m.open("principle:0", "")
	h.send("4<esc>")
	r := h.response("trusted_adults")
	if r.Rating != 4 || r.Target != 0 {
		t.Fatalf("rating %d, target %d", r.Rating, r.Target)
	}
	data, err := assessment.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range schema.Check("a.yaml", data).Findings {
		if f.Severity == schema.Error {
			t.Errorf("saved with an error: %s", f)
		}
	}
}

// A file of a past round is not offered to be marked final on a date
// nest validate would reject: the summary checks the date it would write.
func TestNoFinalOnADateValidateRejects(t *testing.T) {
	a := loaded(t) // year 2024
	for _, p := range assessment.Principles {
		a.Principles[p.Key] = &assessment.Response{Rating: 2, WorkingWell: "x"}
	}
	for _, c := range []struct {
		today string
		final bool
	}{{"2024-10-31", true}, {"2026-12-02", false}} {
		fl := newFlow(a, &Options{Year: 2024, Today: c.today})
		pg := fl.page("summary")
		offered := slices.ContainsFunc(pg.Questions[0].Choices(Draft{}), func(ch choice) bool { return ch.Value == "final" })
		if offered != c.final {
			t.Errorf("today %s: final offered %v, want %v:\n%s", c.today, offered, c.final, pg.Intro)
		}
	}
}

// Stopped with an answer that does not fit its question (a month
// 2025-13), the answer is not saved, and the stop says which it was.
func TestStopSaysWhatItDropped(t *testing.T) {
	a := loaded(t)
	a.Principles["trusted_adults"].Actions = []assessment.Action{{Action: "Write job descriptions", Owner: "HR lead"}}
	h := newHarness(t, a, Options{})
	h.m.open("item:0:actions:0", "")
	h.send("<tab><tab>")
	if h.focus() != "actions.due" {
		t.Fatalf("focus on %q", h.focus())
	}
	h.send("2025-13<esc>")
	var st *Stopped
	if !errors.As(h.m.err, &st) || len(st.Dropped) != 1 || !strings.Contains(st.Dropped[0], "2025-13") {
		t.Fatalf("stopped with %#v", h.m.err)
	}
	if got := a.Principles["trusted_adults"].Actions[0]; got.Due != "" || got.Action != "Write job descriptions" {
		t.Errorf("action saved as %+v", got)
	}
}
