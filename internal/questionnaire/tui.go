package questionnaire

import (
	"fmt"
	"os"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// The full-screen questionnaire is ONE Bubble Tea program, whose model
// holds the current page's huh.Form as a part of itself and swaps forms
// between pages, so that no terminal reader is handed over between screens
// and no key can be lost. It stores and saves a page when it is completed,
// and when the person stops (Esc, Ctrl-C, a signal).

// signalMsg asks the model to save the page and stop, as Esc does. Run
// sends it from its own signal goroutine: the program runs with
// tea.WithoutSignalHandler, because Bubble Tea's own handling would end the
// program before the model could save.
type signalMsg struct{ sig os.Signal }

type model struct {
	fl   *flow
	save func() error

	page  *page
	draft Draft
	form  *huh.Form

	questionOf map[huh.Field]*question
	text       map[string]*string             // inputs and texts: the live value, as typed
	multi      map[string]*[]string           // multi-selects: the live choice
	selects    map[string]*huh.Select[string] // selects, to read the option under the cursor
	cursorVal  map[string]*string             // selects: bound to the cursor, NOT an answer
	confirms   map[string]*bool               // confirms: bound to the button shown chosen
	choices    map[string][]choice            // selects: the options shown
	multis     map[string]*huh.MultiSelect[string]

	keymap     *huh.KeyMap
	width      int
	height     int
	submitting bool // only while Enter or Tab is being handled by the form

	done bool
	err  error // how it ended: nil (finished), a stop, a failed save
	cmd  tea.Cmd
}

func newModel(fl *flow, save func() error) *model {
	m := &model{fl: fl, save: save, width: 80, height: 24, keymap: keyMap(fl.w)}
	id, focus := fl.start()
	m.cmd = m.open(id, focus)
	return m
}

// stopIfRunning stores and saves the page as Esc does, if the program
// ended without the model hearing of it: after a hang-up a failed read of
// the terminal can end the program before the signal's message arrives.
func (m *model) stopIfRunning(why string) {
	if !m.done {
		m.stop(why)
	}
}

var noKeys = key.NewBinding(key.WithKeys()) // matches nothing, even when enabled again

func keyMap(w words) *huh.KeyMap {
	km := huh.NewDefaultKeyMap()
	km.Quit = noKeys // the model handles Esc and Ctrl-C itself
	// No filtering: "/" would start it, and Esc would be taken to end the
	// whole run. Disabling is not enough: huh enables the keys again.
	km.Select.Filter, km.Select.SetFilter, km.Select.ClearFilter = noKeys, noKeys, noKeys
	km.MultiSelect.Filter, km.MultiSelect.SetFilter, km.MultiSelect.ClearFilter = noKeys, noKeys, noKeys
	km.Text.Editor = noKeys
	km.Input.AcceptSuggestion = noKeys
	km.Select.Next = key.NewBinding(key.WithKeys("enter", "tab"), key.WithHelp("enter", "choose"))
	km.Select.Submit = key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "choose"))
	km.Confirm.Submit = key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "choose"))
	km.Confirm.Next = key.NewBinding(key.WithKeys("enter", "tab"), key.WithHelp("enter", "choose"))
	km.Input.Submit = key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "next"))
	km.Text.Submit = key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "next"))
	km.Text.NewLine = key.NewBinding(key.WithKeys("alt+enter", "ctrl+j"), key.WithHelp("ctrl+j", "new line"))
	km.MultiSelect.Toggle = key.NewBinding(key.WithKeys("space", "x"), key.WithHelp("space", "tick"))
	km.MultiSelect.Submit = key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "next"))
	km.MultiSelect.SelectAll, km.MultiSelect.SelectNone = noKeys, noKeys
	// Every key's help in the language asked in: huh's own words are
	// English.
	for _, b := range []*key.Binding{
		&km.Input.Prev, &km.Input.Next, &km.Input.Submit,
		&km.Text.Prev, &km.Text.Next, &km.Text.Submit, &km.Text.NewLine,
		&km.Select.Prev, &km.Select.Next, &km.Select.Submit, &km.Select.Up, &km.Select.Down,
		&km.Select.HalfPageUp, &km.Select.HalfPageDown, &km.Select.GotoTop, &km.Select.GotoBottom,
		&km.MultiSelect.Prev, &km.MultiSelect.Next, &km.MultiSelect.Submit, &km.MultiSelect.Toggle,
		&km.MultiSelect.Up, &km.MultiSelect.Down, &km.MultiSelect.HalfPageUp, &km.MultiSelect.HalfPageDown,
		&km.MultiSelect.GotoTop, &km.MultiSelect.GotoBottom,
		&km.Confirm.Prev, &km.Confirm.Next, &km.Confirm.Submit, &km.Confirm.Toggle, &km.Confirm.Accept, &km.Confirm.Reject,
	} {
		h := b.Help()
		k, ok := keyHelp[h.Desc]
		if !ok {
			panic("questionnaire: no words for the key help " + h.Desc)
		}
		name := h.Key
		if n, ok := keyNames[name]; ok {
			name = w.p(n)
		}
		b.SetHelp(name, w.p(k))
	}
	return km
}

// keyHelp are the catalogue's prompts for what huh's keys do, by huh's
// (or keyMap's) English.
var keyHelp = map[string]string{
	"back": "keys.back", "next": "keys.next", "submit": "keys.submit", "choose": "keys.choose",
	"new line": "keys.new_line", "select": "keys.choose", "up": "keys.up", "down": "keys.down",
	"½ page up": "keys.half_page_up", "½ page down": "keys.half_page_down",
	"go to start": "keys.start", "go to end": "keys.end", "confirm": "keys.confirm",
	"tick": "keys.tick", "toggle": "keys.toggle", "Yes": "yes", "No": "no",
}

// keyNames are the keys whose names are words.
var keyNames = map[string]string{"space": "keys.space"}

// open builds the form of page id, focused on the question focus (the
// first when ""), and makes it current. id may carry the focus after a #.
func (m *model) open(id, focus string) tea.Cmd {
	if i := strings.IndexByte(id, '#'); i >= 0 {
		id, focus = id[:i], id[i+1:]
	}
	p := m.fl.page(id)
	m.page, m.draft = p, p.Load()
	m.questionOf = map[huh.Field]*question{}
	m.text, m.multi, m.selects, m.multis = map[string]*string{}, map[string]*[]string{}, map[string]*huh.Select[string]{}, map[string]*huh.MultiSelect[string]{}
	m.cursorVal, m.confirms, m.choices = map[string]*string{}, map[string]*bool{}, map[string][]choice{}

	var fields []huh.Field
	for _, q := range p.Questions {
		var f huh.Field
		switch q.Kind {
		case askSelect:
			v := q.cursor(m.draft)
			m.cursorVal[q.Key] = &v
			m.choices[q.Key] = q.Choices(m.draft)
			s := huh.NewSelect[string]().Key(q.Key).Title(q.Title).Description(q.Help).
				Options(huhOptions(m.choices[q.Key])...).Value(m.cursorVal[q.Key])
			m.selects[q.Key] = s
			f = s
		case askMulti:
			v := m.draft.list(q.Key)
			m.multi[q.Key] = &v
			cs := q.Choices(m.draft)
			ms := huh.NewMultiSelect[string]().Key(q.Key).Title(q.Title).Description(q.Help).Value(&v).
				Options(huhOptions(cs)...).Height(min(len(cs)+1, 9)).Filterable(false)
			m.multis[q.Key] = ms
			f = ms
		case askInput:
			v := m.draft[q.Key]
			m.text[q.Key] = &v
			f = huh.NewInput().Key(q.Key).Title(q.Title).Description(q.Help).Value(&v).CharLimit(0).
				Validate(m.onSubmit(q))
		case askText:
			v := m.draft[q.Key]
			m.text[q.Key] = &v
			f = huh.NewText().Key(q.Key).Title(q.Title).Description(q.Help).Lines(max(q.Lines, 2)).CharLimit(0).
				ExternalEditor(false).ShowLineNumbers(false).Value(&v).Validate(m.onSubmit(q))
		case askConfirm:
			b := q.cursor(m.draft) == "yes"
			m.confirms[q.Key] = &b
			f = huh.NewConfirm().Key(q.Key).Title(q.Title).Description(q.Help).
				Affirmative(q.Yes).Negative(q.No).Value(&b)
		}
		f = &hideable{Field: f, hidden: func() bool { m.collect(); return q.hidden(m.draft) }}
		m.questionOf[f] = q
		fields = append(fields, f)
	}
	m.form = huh.NewForm(huh.NewGroup(fields...)).
		WithTheme(theme).WithKeyMap(m.keymap).WithShowHelp(false).WithShowErrors(false)
	// The model reads form.State after every update; huh must never end
	// the whole program.
	m.form.SubmitCmd, m.form.CancelCmd = nil, nil
	m.size()
	cmds := []tea.Cmd{m.form.Init(), m.drive(tea.WindowSizeMsg{Width: m.width, Height: m.formHeight()}, nil)}
	if focus != "" {
		for range p.Questions {
			if q := m.questionOf[m.form.GetFocusedField()]; q == nil || q.Key == focus || m.done {
				break
			}
			cmds = append(cmds, m.drive(huh.NextField(), nil))
		}
	}
	return tea.Batch(cmds...)
}

func huhOptions(cs []choice) []huh.Option[string] {
	var os []huh.Option[string]
	for _, c := range cs {
		os = append(os, huh.NewOption(c.Label, c.Value))
	}
	return os
}

// onSubmit checks an answer only while Enter or Tab is being handled. huh
// also validates when a field loses focus: a plain required check there
// makes Shift+Tab from an empty answer set an error that then refuses every
// move, and the page is locked.
func (m *model) onSubmit(q *question) func(string) error {
	return func(v string) error {
		if !m.submitting {
			return nil
		}
		return q.validate(v, m.draft)
	}
}

// size gives the form the room left by the header and the key bar.
func (m *model) size() {
	m.form.WithWidth(m.width).WithHeight(m.formHeight())
}

func (m *model) formHeight() int {
	chrome := lipgloss.Height(m.header()) + 1 + 2 // header, a blank line; the line for errors and the key bar
	return max(m.height-chrome, 5)
}

func (m *model) Init() tea.Cmd { return m.cmd }

func (m *model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if m.done {
		return m, nil
	}
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.size()
		return m, m.drive(tea.WindowSizeMsg{Width: m.width, Height: m.formHeight()}, nil)
	case signalMsg:
		return m, m.stop(fmt.Sprint(msg.sig))
	case tea.KeyPressMsg:
		switch msg.String() {
		case "esc", "ctrl+c":
			return m, m.stop("")
		case "ctrl+o":
			return m, m.overview()
		}
		return m, m.key(msg)
	}
	return m, m.drive(msg, nil)
}

// key feeds one key press to the form.
func (m *model) key(k tea.KeyPressMsg) tea.Cmd {
	q := m.questionOf[m.form.GetFocusedField()]
	ks := k.String()

	// A digit chooses the option with that value: the select's own keys
	// move there and Enter chooses it, all in this Update.
	if q != nil && q.Kind == askSelect && q.Digits && len(ks) == 1 && ks[0] >= '0' && ks[0] <= '9' {
		n := slices.IndexFunc(m.choices[q.Key], func(c choice) bool { return c.Value == ks })
		if n < 0 {
			return nil
		}
		cmds := []tea.Cmd{m.drive(tea.KeyPressMsg{Code: tea.KeyHome}, nil)}
		for range n {
			cmds = append(cmds, m.drive(tea.KeyPressMsg{Code: tea.KeyDown}, nil))
		}
		return tea.Batch(append(cmds, m.key(tea.KeyPressMsg{Code: tea.KeyEnter}))...)
	}

	// Which keys choose an answer, rather than move past it.
	var choose func()
	if q != nil {
		switch {
		case q.Kind == askSelect && ks == "enter":
			sel := m.selects[q.Key]
			choose = func() {
				if v, ok := sel.Hovered(); ok {
					m.draft[q.Key] = v
				}
			}
		case q.Kind == askConfirm && (ks == "enter" || ks == "y" || ks == "Y" || ks == "n" || ks == "N"):
			b := m.confirms[q.Key]
			choose = func() { m.draft[q.Key] = yesNo(*b) }
		}
	}
	m.submitting = ks == "enter" || ks == "tab"
	return m.drive(k, choose)
}

// drive sends msg to the form, then runs huh's navigation commands at once
// (navsync.go). onNext runs when the field accepted msg (it asked to move
// on), before the move, so that the answer it records already counts for
// hidden questions and options that depend on it.
func (m *model) drive(msg tea.Msg, onNext func()) tea.Cmd {
	var out []tea.Cmd
	queue := []tea.Msg{msg}
	for first := true; len(queue) > 0; first = false {
		cur := queue[0]
		queue = queue[1:]
		_, cmd := m.form.Update(cur)
		if first {
			m.submitting = false
		}
		nav, rest := splitCmd(cmd)
		out = append(out, rest...)
		if first && onNext != nil && containsNextField(nav) {
			onNext()
			m.refreshOptions()
		}
		if m.form.State != huh.StateNormal {
			// Completed: finish the page in this Update, so that the very
			// next key goes to the next page.
			return tea.Batch(append(out, m.pageDone())...)
		}
		queue = append(queue, nav...)
	}
	return tea.Batch(out...)
}

func containsNextField(msgs []tea.Msg) bool {
	next := huh.NextField()
	return slices.ContainsFunc(msgs, func(msg tea.Msg) bool { return msg == next })
}

// refreshOptions gives selects whose options depend on other answers their
// new options, at once. huh's OptionsFunc would do it in a command, later,
// racing with the keys typed next.
func (m *model) refreshOptions() {
	m.collect()
	m.page.normalize(m.draft)
	for _, q := range m.page.Questions {
		sel := m.selects[q.Key]
		if sel == nil {
			continue
		}
		cs := q.Choices(m.draft)
		if slices.Equal(cs, m.choices[q.Key]) {
			continue
		}
		m.choices[q.Key] = cs
		*m.cursorVal[q.Key] = q.cursor(m.draft)
		sel.Options(huhOptions(cs)...)
	}
}

// collect copies what was typed and ticked into the draft.
func (m *model) collect() {
	for k, v := range m.text {
		m.draft[k] = *v
	}
	for k, v := range m.multi {
		m.draft[k] = joinList(*v)
	}
}

// pageDone stores and saves the completed page, and opens the next one.
func (m *model) pageDone() tea.Cmd {
	m.collect()
	m.page.normalize(m.draft)
	m.page.store(m.draft, true)
	next := m.page.next(m.draft)
	if !m.fl.hold {
		if err := m.save(); err != nil {
			return m.end(err)
		}
	}
	if next == "" {
		return m.end(m.fl.end)
	}
	return m.open(next, "")
}

// overview keeps what was typed on the page, saves, and shows the summary.
func (m *model) overview() tea.Cmd {
	if m.page.ID == "final" || m.fl.hold || m.fl.fresh {
		return nil
	}
	m.collect()
	m.page.store(m.draft, false)
	if err := m.save(); err != nil {
		return m.end(err)
	}
	return m.open("summary", "")
}

// stop keeps what was typed on the page, saves, and ends.
func (m *model) stop(why string) tea.Cmd {
	m.collect()
	m.done = true
	if !m.fl.hold {
		m.page.store(m.draft, false)
		if err := m.save(); err != nil {
			return m.end(err)
		}
	}
	return m.end(&Stopped{Page: m.page.Title, Signal: why, Dropped: m.fl.dropped})
}

func (m *model) end(err error) tea.Cmd {
	m.done, m.err = true, err
	return tea.Quit
}

var (
	titleStyle = lipgloss.NewStyle().Bold(true)
	barStyle   = lipgloss.NewStyle().Faint(true)
)

func (m *model) header() string {
	h := titleStyle.Render(ansi.Wordwrap(m.page.Title, m.width, ""))
	if m.page.Intro != "" {
		intro := wrapIntro(m.page.Intro, m.width)
		// Leave the form room for its question and a few options.
		if room := max(m.height-lipgloss.Height(h)-12, 2); len(intro) > room {
			intro = append(intro[:room-1], m.fl.w.p("more_lines", len(intro)-room+1))
		}
		h += "\n" + strings.Join(intro, "\n")
	}
	return h
}

// wrapIntro wraps a page's intro to width; the lines that go on from an
// item of a list ("- …") are indented under its first word.
func wrapIntro(text string, width int) []string {
	var out []string
	for _, line := range strings.Split(text, "\n") {
		if !strings.HasPrefix(line, "- ") || width <= 4 {
			out = append(out, strings.Split(ansi.Wordwrap(line, width, ""), "\n")...)
			continue
		}
		for i, l := range strings.Split(ansi.Wordwrap(line[2:], width-2, ""), "\n") {
			if i == 0 {
				out = append(out, "- "+l)
			} else {
				out = append(out, "  "+l)
			}
		}
	}
	return out
}

// keyBar always starts with how to stop; the focused field's keys follow,
// as many as fit.
func (m *model) keyBar() string {
	w := m.fl.w
	parts := []string{w.p("keys.stop")}
	if m.page.ID != "summary" && m.page.ID != "final" && !m.fl.hold && !m.fl.fresh {
		parts = append(parts, w.p("keys.overview"))
	}
	q := m.questionOf[m.form.GetFocusedField()]
	if q != nil && q.Digits {
		parts = append(parts, w.p("keys.digits"))
	}
	// Enter first; the arrows go without saying.
	seen := map[string]bool{"↑": true, "↓": true}
	binds := m.form.KeyBinds()
	slices.SortStableFunc(binds, func(a, b key.Binding) int {
		return boolInt(b.Help().Key == "enter") - boolInt(a.Help().Key == "enter")
	})
	for _, b := range binds {
		h := b.Help()
		if !b.Enabled() || h.Key == "" || seen[h.Key] {
			continue
		}
		seen[h.Key] = true
		parts = append(parts, h.Key+": "+h.Desc)
	}
	bar := ""
	for _, p := range parts {
		if bar != "" && lipgloss.Width(bar)+3+lipgloss.Width(p) > m.width {
			break
		}
		if bar != "" {
			bar += " · "
		}
		bar += p
	}
	return barStyle.Render(bar)
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

var errorStyle = lipgloss.NewStyle().Bold(true)

// errorLine says what is wrong with the answer just submitted, on one line.
func (m *model) errorLine() string {
	errs := m.form.Errors()
	if len(errs) == 0 {
		return ""
	}
	msg := "! " + errs[0].Error()
	if lipgloss.Width(msg) > m.width {
		msg = string([]rune(msg)[:max(m.width-1, 1)]) + "…"
	}
	return errorStyle.Render(msg)
}

func (m *model) View() tea.View {
	if m.done {
		v := tea.NewView("")
		v.AltScreen = true
		return v
	}
	v := tea.NewView(m.header() + "\n\n" + m.form.View() + "\n" + m.errorLine() + "\n" + m.keyBar())
	v.AltScreen = true
	v.WindowTitle = "nest assess"
	return v
}

// hideable hides a field while hidden() is true: the group skips it and
// draws nothing for it, not even the blank line after it (the theme's
// field separator is empty; each field shown brings its own). It returns
// itself from Update and the With methods, because huh keeps whatever
// those return.
type hideable struct {
	huh.Field
	hidden func() bool
}

func (h *hideable) Skip() bool { return h.hidden() || h.Field.Skip() }
func (h *hideable) View() string {
	if h.hidden() {
		return ""
	}
	return h.Field.View() + "\n\n"
}
func (h *hideable) Update(msg tea.Msg) (huh.Model, tea.Cmd) {
	f, cmd := h.Field.Update(msg)
	h.Field = f.(huh.Field)
	return h, cmd
}
func (h *hideable) WithTheme(t huh.Theme) huh.Field    { h.Field = h.Field.WithTheme(t); return h }
func (h *hideable) WithKeyMap(k *huh.KeyMap) huh.Field { h.Field = h.Field.WithKeyMap(k); return h }
func (h *hideable) WithWidth(w int) huh.Field          { h.Field = h.Field.WithWidth(w); return h }
func (h *hideable) WithHeight(n int) huh.Field         { h.Field = h.Field.WithHeight(n); return h }
func (h *hideable) WithPosition(p huh.FieldPosition) huh.Field {
	h.Field = h.Field.WithPosition(p)
	return h
}
