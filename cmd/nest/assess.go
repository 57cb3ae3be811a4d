package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/nest-nyth/nest/assessment"
	"github.com/nest-nyth/nest/internal/files"
	"github.com/nest-nyth/nest/internal/questionnaire"
	"github.com/nest-nyth/nest/internal/text"
	"github.com/nest-nyth/nest/output"
	"github.com/nest-nyth/nest/schema"
	"github.com/spf13/cobra"
)

type assessOptions struct {
	path       string
	output     string
	accessible bool
	principle  string
	force      bool
}

func newAssessCmd(s *streams) *cobra.Command {
	w := s.words
	o := &assessOptions{}
	cmd := &cobra.Command{
		Use:   "assess " + w.Say("cli.help.use.assess"),
		Short: w.Say("cli.assess.short"),
		Long:  w.Say("cli.assess.long") + "\n" + s.exitStatus(w.Say("cli.assess.exit.0"), w.Say("cli.assess.exit.1")),
		Example: `  nest assess
  nest assess 2024-gwent.yaml --principle no_wrong_door
  nest assess --accessible 2024-powys.yaml
  nest assess --accessible -o 2024-powys.yaml
  nest assess --lang cy`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 1 {
				return usagef("%s", w.Say("cli.assess.args"))
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				o.path = args[0]
			}
			// -o names the file as FILE does (init, aggregate and
			// draft-update take -o too); named twice, it must be one file.
			if o.output != "" {
				if o.path != "" && filepath.Clean(o.path) != filepath.Clean(o.output) {
					return usagef("%s", w.Say("cli.assess.output.both", o.path, o.output))
				}
				o.path = o.output
			}
			if o.principle != "" {
				if _, ok := assessment.PrincipleByKey(o.principle); !ok {
					return usagef("%s", w.Say("cli.assess.principle.unknown", o.principle, strings.Join(assessment.PrincipleKeys(), ", ")))
				}
			}
			o.accessible = o.accessible || s.Env("ACCESSIBLE") != ""
			return runAssess(s, o)
		},
	}
	f := cmd.Flags()
	f.BoolVar(&o.accessible, "accessible", false, w.Say("cli.assess.flag.accessible"))
	f.StringVar(&o.principle, "principle", "", w.Say("cli.assess.flag.principle", strings.Join(assessment.PrincipleKeys(), ", ")))
	f.BoolVar(&o.force, "force", false, w.Say("cli.assess.flag.force"))
	f.StringVarP(&o.output, "output", "o", "", w.Say("cli.assess.flag.output"))
	return cmd
}

func runAssess(s *streams, o *assessOptions) error {
	w := s.words
	if !o.accessible && !(s.InTTY && s.ErrTTY) {
		return fail(exitFailure, w.Say("cli.assess.terminal"), w.Say("cli.assess.terminal.hint"))
	}
	// Before the first question: answers that cannot be saved are not asked.
	if err := canWrite(s, o.path); err != nil {
		return err
	}
	a := &assessment.Assessment{}
	if o.path != "" {
		loaded, err := loadForAssess(s, o.path)
		if err != nil {
			return err
		}
		if loaded != nil {
			a = loaded
		}
	}
	if o.principle != "" && a.Region == "" {
		return usagef("%s", w.Say("cli.assess.principle.file"))
	}
	if a.Status == assessment.StatusFinal && !o.force && !s.InTTY {
		return fail(exitFailure, w.Say("cli.assess.final.noterminal", o.path), w.Say("cli.assess.final.noterminal.hint"))
	}
	now, err := clock(s)
	if err != nil {
		return err
	}
	path := o.path
	wrote := false
	held := "" // the file that holds this submission, when a stop left it alone
	save := func(a *assessment.Assessment) error {
		if a.Region == "" {
			return nil // nothing answered yet
		}
		if path == "" {
			// Stopped on the first page, before it offered the file that
			// holds this submission already: that file is the one to carry
			// on, not a second one nest aggregate would refuse.
			if f := findSubmission(w, defaultAssessName(a), a, func(string) {}); f != nil {
				held = f.Path
				return nil
			}
			path = freeName(defaultAssessName(a))
		}
		data, err := marshalOver(path, a)
		if err != nil {
			return err
		}
		if err := files.WriteAtomic(path, data, 0o644); err != nil {
			return err
		}
		wrote = true
		return nil
	}
	var existing func(*assessment.Assessment) *questionnaire.Found
	if o.path == "" {
		existing = func(a *assessment.Assessment) *questionnaire.Found {
			return findSubmission(w, defaultAssessName(a), a, func(name string) { path = name })
		}
	}
	signals := make(chan os.Signal, 1)
	signal.Notify(signals, syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP)
	defer signal.Stop(signals)
	err = questionnaire.Run(a, questionnaire.Options{
		In: s.In, Out: s.Err, Accessible: o.accessible, Interactive: s.InTTY, Principle: o.principle,
		Year: now.Year(), Today: now.Format(time.DateOnly), AskFinal: !o.force, Save: save,
		Existing: existing, Signals: signals, Words: s.words, Language: s.lang,
	})
	var stopped *questionnaire.Stopped
	switch {
	case errors.Is(err, questionnaire.ErrKeptFinal):
		sayf(s.Err, "%s\n", w.Say("cli.assess.final.kept", path))
		return nil
	case errors.As(err, &stopped):
		why := w.Say("cli.assess.stopped")
		if stopped.Signal != "" {
			why = w.Say("cli.assess.stopped.signal", stopped.Signal)
		}
		if !wrote {
			if held != "" {
				sayf(s.Err, "%s\n", w.Say("cli.assess.stopped.held", why, held))
				sayf(s.Err, "%s\n", w.Say("cli.assess.carry.on", held))
				return nil
			}
			sayf(s.Err, "%s\n", w.Say("cli.assess.stopped.nothing", why))
			return nil
		}
		if len(stopped.Dropped) > 0 {
			sayf(s.Err, "%s\n", w.Say("cli.assess.stopped.dropped", why, stopped.Page, path, text.Safe(strings.Join(stopped.Dropped, "; "))))
		} else {
			sayf(s.Err, "%s\n", w.Say("cli.assess.stopped.saved", why, stopped.Page, path))
		}
		sayf(s.Err, "%s\n", w.Say("cli.assess.carry.on", path))
		return nil
	case errors.Is(err, questionnaire.ErrBadAnswer):
		hint := w.Say("cli.assess.bad.nothing")
		if wrote {
			hint = w.Say("cli.assess.bad.saved", path)
		}
		return fail(exitFindings, err.Error(), hint, w.Say("cli.assess.bad.hint"))
	case err != nil:
		msg := s.writeError("cli.assess.write.failed", path, err)
		if wrote {
			return fail(exitFailure, msg, w.Say("cli.assess.failed.saved", path))
		}
		return fail(exitFailure, msg)
	}
	if !wrote {
		sayf(s.Err, "%s\n", w.Say("cli.assess.unchanged", path))
		return nil
	}
	sayf(s.Err, "%s\n", w.Say("cli.assess.saved", path, a.Status))
	if a.Status != assessment.StatusFinal {
		sayf(s.Err, "%s\n", w.Say("cli.assess.next", path, path))
	}
	return nil
}

// writeError says why the file at path could not be written: in nest's
// words where it has them (key says it, given the path and why), else
// the system's.
func (s *streams) writeError(key, path string, err error) string {
	msg := err.Error()
	if said := s.fileError(err); said != msg {
		return s.words.Say(key, path, said)
	}
	return msg
}

// canWrite checks, before any question, that the file can be saved: its
// folder is there and takes a new file.
func canWrite(s *streams, path string) error {
	dir := filepath.Dir(path)
	if path == "" {
		dir = "."
	}
	info, err := os.Stat(dir)
	if err == nil && !info.IsDir() {
		err = errNotFolder
	}
	if err == nil {
		var f *os.File
		if f, err = os.CreateTemp(dir, ".nest-assess-check-*"); err == nil {
			_ = f.Close()
			err = os.Remove(f.Name())
		} else if errors.Is(err, fs.ErrNotExist) {
			// The folder is there but takes no new file (/proc, say):
			// it cannot be written to, whatever the system calls it.
			err = fs.ErrPermission
		}
	}
	if err != nil {
		return fail(exitFailure, s.words.Say("cli.assess.folder", dir, describeErr(s.words, err)), s.words.Say("cli.assess.folder.hint"))
	}
	return nil
}

// errNotFolder is a folder's name that is a file's.
var errNotFolder = errors.New("not a folder")

// describeErr says what went wrong with a folder in a person's words.
func describeErr(w *assessment.Words, err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return w.Say("cli.assess.folder.missing")
	case errors.Is(err, fs.ErrPermission):
		return w.Say("cli.assess.folder.permission")
	case errors.Is(err, errNotFolder):
		return w.Say("cli.assess.folder.notfolder")
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// marshalOver writes a over the file at path as it is now, keeping the
// comments people wrote there (and a template's help), or anew.
func marshalOver(path string, a *assessment.Assessment) ([]byte, error) {
	previous, err := files.Read(path, nil, assessment.MaxFileSize)
	if err != nil {
		return assessment.Marshal(a)
	}
	return assessment.MarshalOver(previous, a)
}

// findSubmission is the file named name when it holds the same submission
// as a (region, scope, organisation and year) and can be carried on; use
// is called with its name when the person chooses to.
func findSubmission(w *assessment.Words, name string, a *assessment.Assessment, use func(string)) *questionnaire.Found {
	data, err := files.Read(name, nil, assessment.MaxFileSize)
	if err != nil {
		return nil
	}
	r := schema.Options{Words: w}.Check(name, data)
	if !r.Valid() || assessment.SubmissionKey(r.Assessment) != assessment.SubmissionKey(a) {
		return nil
	}
	answered := 0
	for _, p := range assessment.Principles {
		if resp := r.Assessment.Principles[p.Key]; resp != nil && (resp.Rating > 0 || resp.NotRated != "") {
			answered++
		}
	}
	describe := w.Say("cli.assess.found.draft", answered, len(assessment.Principles))
	if r.Assessment.Status == assessment.StatusFinal {
		describe = w.Say("cli.assess.found.final", r.Assessment.Submitted)
	}
	return &questionnaire.Found{Path: name, Describe: describe, Assessment: r.Assessment, Use: func() { use(name) }}
}

// loadForAssess reads an existing file to carry on with. A file with
// errors is explained and left alone: the form could not show its answers
// without losing some of them.
func loadForAssess(s *streams, path string) (*assessment.Assessment, error) {
	if _, err := os.Lstat(path); errors.Is(err, fs.ErrNotExist) {
		return nil, nil // a new file
	}
	data, err := files.Read(path, nil, assessment.MaxFileSize)
	if err != nil {
		return nil, fail(exitFailure, s.words.Say("cli.read.failed", path, s.fileError(err)))
	}
	r := schema.Options{Words: s.words}.Check(path, data)
	if !r.Valid() && !(r.Assessment != nil && onlyUnanswered(r.Findings)) {
		schema.Sort(r.Findings)
		findings := output.Report{Findings: r.Findings, Words: s.words}
		if err := findings.Write(s.Err, "text", false); err != nil {
			return nil, err
		}
		return nil, fail(exitFindings, s.words.Say("cli.assess.problems", path), s.words.Say("cli.assess.problems.hint", path))
	}
	return r.Assessment, nil
}

// onlyUnanswered reports whether a file's only errors are answers it
// lacks, as one saved when its first page was stopped half-way has: the
// form asks them, and loses nothing.
func onlyUnanswered(findings []schema.Finding) bool {
	for _, f := range findings {
		if f.Severity == schema.Error && f.Rule != schema.RuleRequired {
			return false
		}
	}
	return true
}

// defaultAssessName is YEAR-REGION.yaml, or YEAR-REGION-SERVICE.yaml.
func defaultAssessName(a *assessment.Assessment) string {
	name := fmt.Sprintf("%d-%s", a.Year, a.Region)
	if a.Scope == assessment.ScopeService {
		if tag := assessment.TagOf(a.Organisation); tag != "" {
			name += "-" + tag
		} else {
			name += "-service"
		}
	}
	return name + ".yaml"
}

// freeName returns name, or name with a number added when a file of that
// name exists already: a new assessment never replaces another.
func freeName(name string) string {
	base := strings.TrimSuffix(name, ".yaml")
	for i := 2; ; i++ {
		if _, err := os.Lstat(name); errors.Is(err, fs.ErrNotExist) {
			return name
		}
		name = fmt.Sprintf("%s-%d.yaml", base, i)
	}
}
