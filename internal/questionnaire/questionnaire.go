// Package questionnaire is the interactive self-assessment behind nest
// assess. One description of its pages, built by walking the file format's
// table (flow.go), is shown either as one full-screen Bubble Tea program
// holding huh forms (tui.go) or, for screen readers and piped answers, by a
// line prompter that prints each question before it reads the answer
// (lineprompt.go). The file is saved whenever a page is completed and when
// the person stops. Its words come from the catalogue in package assessment.
package questionnaire

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"

	tea "charm.land/bubbletea/v2"
	"github.com/nest-nyth/nest/assessment"
)

// ErrInterrupted is what a *Stopped error is: the person stopped (Esc,
// Ctrl-C, a signal) or the input ran out, and what was answered is saved.
var ErrInterrupted = errors.New("interrupted")

// ErrKeptFinal means the person chose not to change a final file; nothing
// was written.
var ErrKeptFinal = errors.New("final file left as it was")

// ErrBadAnswer is wrapped by the error for a piped answer that does not
// fit its question: the run stops there rather than take the next line as
// a second try, which would shift every later answer.
var ErrBadAnswer = errors.New("an answer does not fit its question")

// Stopped is the error of a run stopped before its end, everything
// answered saved.
type Stopped struct {
	Page   string // the title of the page stopped on
	Signal string // the signal that stopped it, if one did
	Input  bool   // the input ran out
	// Dropped are answers typed on the page that were not valid, so not
	// saved ("Due by: 2025-13").
	Dropped []string
}

func (s *Stopped) Error() string        { return "stopped on " + s.Page }
func (s *Stopped) Is(target error) bool { return target == ErrInterrupted }

// Options say how to run the questionnaire.
type Options struct {
	In  io.Reader // a terminal, or lines of answers
	Out io.Writer // where the form is drawn or the questions printed: standard error
	// Accessible asks one question a line (the line prompter).
	Accessible bool
	// Interactive is true when a person answers at a terminal: in the
	// line prompter an answer that does not fit is asked again, where
	// piped answers stop with ErrBadAnswer.
	Interactive bool
	Principle   string // revise only this principle, then the summary
	Year        int    // the year of a new assessment
	Today       string // YYYY-MM-DD, the date a file marked final is submitted
	// AskFinal asks before changing a final file; without it a final
	// file is changed (the caller has --force).
	AskFinal bool
	// Save writes the assessment; it is called whenever a page is
	// completed, and when the person stops.
	Save func(a *assessment.Assessment) error
	// Existing is asked, once the first step of a new assessment is
	// answered, for the file that holds this submission already, if any.
	Existing func(a *assessment.Assessment) *Found
	// Signals stop the run as Esc does: the page is saved first.
	Signals <-chan os.Signal
	// Words are the language every question, option, help and message is
	// in; nil is English.
	Words *assessment.Words
	// Language is the file's language offered first (cy, en or cy+en);
	// "" is the language of Words.
	Language string
}

// Found is a file that holds the submission a new assessment is for.
type Found struct {
	Path       string
	Describe   string // "a draft, 3 of 6 principles answered"
	Assessment *assessment.Assessment
	Use        func() // the person carries it on: save there
}

// Run asks the questions for a, new or loaded, and saves as it goes. It
// returns nil at the end, a *Stopped error (ErrInterrupted) when the person
// stopped, ErrKeptFinal, an error wrapping ErrBadAnswer, or the error of a
// save or of the terminal.
func Run(a *assessment.Assessment, o Options) error {
	fl := newFlow(a, &o)
	s := &saver{a: a, o: &o}
	s.baseline()
	fl.adopted = s.baseline
	if o.Accessible {
		lp := &linePrompter{fl: fl, save: s.save, in: o.In, out: o.Out, interactive: o.Interactive, signals: o.Signals}
		return lp.run()
	}
	m := newModel(fl, s.save)
	prog := tea.NewProgram(m, tea.WithInput(o.In), tea.WithOutput(o.Out), tea.WithoutSignalHandler())
	done := make(chan struct{})
	defer close(done)
	go func() {
		for {
			select {
			case sig := <-o.Signals:
				prog.Send(signalMsg{sig})
			case <-done:
				return
			}
		}
	}()
	_, err := prog.Run()
	if err != nil && !errors.Is(err, tea.ErrProgramKilled) {
		m.stopIfRunning("")
		if m.err == nil || errors.Is(m.err, ErrInterrupted) {
			return fmt.Errorf("%s: %w", fl.w.p("terminal.failed"), err)
		}
		return m.err
	}
	m.stopIfRunning("")
	return m.err
}

// saver saves through Options.Save, and keeps a final file as it was until
// an answer changes it; then it goes back to draft until marked final again.
type saver struct {
	a         *assessment.Assessment
	o         *Options
	unchanged []byte // a final file as loaded, until an answer changes it
}

func (s *saver) baseline() {
	s.unchanged = nil
	if s.a.Status == assessment.StatusFinal {
		s.unchanged, _ = assessment.Marshal(s.a)
	}
}

func (s *saver) save() error {
	if s.unchanged != nil {
		now, err := assessment.Marshal(s.a)
		if err == nil && bytes.Equal(now, s.unchanged) {
			return nil // a final file nothing has changed: leave it be
		}
		s.unchanged = nil
		if s.a.Status == assessment.StatusFinal {
			s.a.Status = assessment.StatusDraft
		}
	}
	return s.o.Save(s.a)
}
