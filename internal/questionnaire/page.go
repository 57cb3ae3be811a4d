package questionnaire

import (
	"errors"
	"slices"
	"strings"
)

// The questionnaire is described once, as pages of questions (flow.go
// builds them by walking the file format's table), and shown by two
// renderers: the full-screen program (tui.go) and the line prompter for
// screen readers and piped answers (lineprompt.go). Both keep a page's
// answers in a Draft and hand it back to the page to store.

// qkind is how a question is asked.
type qkind int

const (
	askSelect  qkind = iota // one of a list
	askMulti                // any of a list
	askInput                // one line of text
	askText                 // text of several lines
	askConfirm              // yes or no
)

// choice is one option of a select or multi-select question. Key is what
// a person types for it in the line prompter: its number in the list when
// empty.
type choice struct {
	Value, Label, Key string
}

// Draft holds a page's answers by question key, as text. A select's answer
// is there only once it was chosen (Enter, a digit, a number typed), never
// because the cursor rests on it; a multi-select's values are joined by
// commas (tags never hold one).
type Draft map[string]string

func (d Draft) list(key string) []string {
	if d[key] == "" {
		return nil
	}
	return strings.Split(d[key], ",")
}

func joinList(vs []string) string { return strings.Join(vs, ",") }

// question is one field of a page.
type question struct {
	Key, Title, Help string
	Kind             qkind
	// Required is the advice given when the answer is empty; "" when it
	// may be left empty. It is checked only when the answer is submitted
	// (Enter), never when the person moves back.
	Required string
	// Check validates a submitted answer that is not empty.
	Check func(v string, d Draft) error
	// Choices are a select's options; they may depend on other answers.
	Choices func(d Draft) []choice
	// Start is where a select's cursor starts when nothing is chosen yet.
	Start func(d Draft) string
	// Unchosen is a select whose answer is the person's to give: with
	// nothing chosen yet, Enter on a blank line in the line prompter
	// leaves it unchosen (or, when Required, asks for it) rather than
	// take the option the cursor starts on (a rating, a sector, who said
	// a quote). The others' Start is a default the person is told of.
	Unchosen bool
	// Digits lets a digit choose the option with that value at once.
	Digits bool
	// Hidden questions are neither shown nor asked.
	Hidden func(d Draft) bool
	// Yes and No label a confirm's buttons.
	Yes, No string
	// Lines is a text's height on screen.
	Lines int
}

func (q *question) hidden(d Draft) bool { return q.Hidden != nil && q.Hidden(d) }

// cursor is the value a select's cursor starts on: the answer, else Start.
func (q *question) cursor(d Draft) string {
	if v := d[q.Key]; v != "" && q.Kind == askSelect {
		return v
	}
	if q.Start != nil {
		return q.Start(d)
	}
	return ""
}

// validate checks a submitted answer.
func (q *question) validate(v string, d Draft) error {
	if strings.TrimSpace(v) == "" {
		if q.Required != "" {
			return errors.New(q.Required)
		}
		return nil
	}
	if q.Check != nil {
		return q.Check(v, d)
	}
	return nil
}

// page is one screen of the full-screen form, one section of the line
// prompter's questions.
type page struct {
	ID, Title, Intro string
	Questions        []*question
	load             func() Draft
	// store writes the answers into the assessment; finished is false
	// when the person stopped on the page (Esc, a signal, the end of
	// input), and then keeps what was typed but acts on no choice.
	store func(d Draft, finished bool)
	// next is the page after this one, given its answers: "" when the
	// questionnaire is done.
	next func(d Draft) string
}

// Load returns the page's answers as they stand.
func (p *page) Load() Draft {
	d := p.load()
	p.normalize(d)
	return d
}

// normalize drops a select's answer that is no longer among its options
// (a target below a rating just chosen).
func (p *page) normalize(d Draft) {
	for _, q := range p.Questions {
		if q.Kind != askSelect || d[q.Key] == "" {
			continue
		}
		if !slices.ContainsFunc(q.Choices(d), func(c choice) bool { return c.Value == d[q.Key] }) {
			delete(d, q.Key)
		}
	}
}
