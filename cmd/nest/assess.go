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
	"github.com/nest-nyth/nest/schema"
	"github.com/spf13/cobra"
)

type assessOptions struct {
	path       string
	accessible bool
	principle  string
	force      bool
}

func newAssessCmd(s *streams) *cobra.Command {
	o := &assessOptions{}
	cmd := &cobra.Command{
		Use:   "assess [FILE]",
		Short: "Answer the self-assessment questionnaire, saving as you go",
		Long: `Work through the NEST self-assessment: who is assessing and whose voices
informed it, then a page for each of the six principles (rating, target,
what is working well, concerns, what good would look like, themes, planned
actions and quotes), then a summary that can mark the file final.

The file is saved whenever a page is done and when you stop: Esc, Ctrl-C,
closing the terminal or SIGTERM keep what was typed on the page. Ctrl+O
shows the overview, to go back to any page. Run nest assess FILE again to
carry on at the question after the last one answered.

FILE defaults to YEAR-REGION.yaml (YEAR-REGION-SERVICE.yaml for a service);
when that file holds the same submission already, nest assess offers to
carry it on. --principle revises one principle. A final file is changed
only after asking, or with --force when there is no one to ask. A file with
errors is explained and left as it is; a folder that cannot be written is
refused before the first question.

--accessible (or the ACCESSIBLE environment variable) asks one question a
line, printing it with its options before reading the answer, for screen
readers and for answers piped in; without a terminal, nest assess needs it.
Piped answers that do not fit their question stop the run (exit 1).` + "\n" + s.exitStatus("saved, or stopped with every answer saved; or a final file left as it was",
			"the file has errors: it was explained and left as it was; or a piped answer did not fit its question"),
		Example: `  nest assess
  nest assess 2024-gwent.yaml --principle no_wrong_door
  nest assess --accessible 2024-powys.yaml`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 1 {
				return usagef("assess takes one FILE at most")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				o.path = args[0]
			}
			if o.principle != "" {
				if _, ok := assessment.PrincipleByKey(o.principle); !ok {
					return usagef("unknown principle %q: use one of %s", o.principle, strings.Join(assessment.PrincipleKeys(), ", "))
				}
			}
			o.accessible = o.accessible || s.Env("ACCESSIBLE") != ""
			return runAssess(s, o)
		},
	}
	f := cmd.Flags()
	f.BoolVar(&o.accessible, "accessible", false, "plain prompts, one a line, for screen readers and piped answers")
	f.StringVar(&o.principle, "principle", "", "revise one principle: "+strings.Join(assessment.PrincipleKeys(), ", "))
	f.BoolVar(&o.force, "force", false, "change a final file without asking")
	return cmd
}

func runAssess(s *streams, o *assessOptions) error {
	if !o.accessible && !(s.InTTY && s.ErrTTY) {
		return fail(exitFailure, "the full-screen form needs a terminal",
			"use 'nest assess --accessible' for plain prompts (answers may be piped in), or 'nest init' for a template to fill in by hand")
	}
	// Before the first question: answers that cannot be saved are not asked.
	if err := canWrite(o.path); err != nil {
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
		return usagef("--principle revises a principle of an existing file: name the file")
	}
	if a.Status == assessment.StatusFinal && !o.force && !s.InTTY {
		return fail(exitFailure, o.path+" is final, and there is no terminal to ask whether to change it",
			"add --force to change it; it goes back to draft until marked final again")
	}
	now, err := clock(s)
	if err != nil {
		return err
	}
	path := o.path
	wrote := false
	save := func(a *assessment.Assessment) error {
		if a.Region == "" {
			return nil // nothing answered yet
		}
		if path == "" {
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
			return findSubmission(defaultAssessName(a), a, func(name string) { path = name })
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
		sayf(s.Err, "%s is final and was left as it was\n", path)
		return nil
	case errors.As(err, &stopped):
		why := "stopped"
		if stopped.Signal != "" {
			why = "stopped (" + stopped.Signal + ")"
		}
		if !wrote {
			sayf(s.Err, "%s before anything was answered or changed; nothing was saved\n", why)
			return nil
		}
		sayf(s.Err, "%s on %q: every answer so far is saved in %s\n", why, stopped.Page, path)
		sayf(s.Err, "carry on with: nest assess %s\n", path)
		return nil
	case errors.Is(err, questionnaire.ErrBadAnswer):
		hint := "nothing was saved"
		if wrote {
			hint = "the answers before it are saved in " + path + " as a draft; nothing was marked final"
		}
		return fail(exitFindings, err.Error(), hint,
			"nest assess --accessible asks the questions in order: one line for each, a number for a choice")
	case err != nil:
		if wrote {
			return fail(exitFailure, err.Error(), "the answers before it are saved in "+path)
		}
		return err
	}
	if !wrote {
		sayf(s.Err, "%s is unchanged\n", path)
		return nil
	}
	sayf(s.Err, "saved %s (%s)\n", path, a.Status)
	if a.Status != assessment.StatusFinal {
		sayf(s.Err, "carry on with: nest assess %s; check it with: nest validate %s\n", path, path)
	}
	return nil
}

// canWrite checks, before any question, that the file can be saved: its
// folder is there and takes a new file.
func canWrite(path string) error {
	dir := filepath.Dir(path)
	if path == "" {
		dir = "."
	}
	info, err := os.Stat(dir)
	if err == nil && !info.IsDir() {
		err = errors.New("not a folder")
	}
	if err == nil {
		var f *os.File
		if f, err = os.CreateTemp(dir, ".nest-assess-check-*"); err == nil {
			_ = f.Close()
			err = os.Remove(f.Name())
		}
	}
	if err != nil {
		return fail(exitFailure, fmt.Sprintf("cannot save in the folder %s: %s", dir, describeErr(err)),
			"choose a folder you can write to, or create it first; nothing was asked or saved")
	}
	return nil
}

// describeErr says what went wrong with a file in a person's words.
func describeErr(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "there is no such folder"
	case errors.Is(err, fs.ErrPermission):
		return "you may not write there"
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
func findSubmission(name string, a *assessment.Assessment, use func(string)) *questionnaire.Found {
	data, err := files.Read(name, nil, assessment.MaxFileSize)
	if err != nil {
		return nil
	}
	r := schema.Check(name, data)
	if !r.Valid() || assessment.SubmissionKey(r.Assessment) != assessment.SubmissionKey(a) {
		return nil
	}
	answered := 0
	for _, p := range assessment.Principles {
		if resp := r.Assessment.Principles[p.Key]; resp != nil && (resp.Rating > 0 || resp.NotRated != "") {
			answered++
		}
	}
	describe := fmt.Sprintf("a draft, %d of %d principles rated", answered, len(assessment.Principles))
	if r.Assessment.Status == assessment.StatusFinal {
		describe = "final, submitted " + r.Assessment.Submitted
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
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	r := schema.Check(path, data)
	if !r.Valid() {
		for _, f := range r.Findings {
			sayf(s.Err, "%s\n", f)
		}
		return nil, fail(exitFindings, path+" has problems, so it was not opened and nothing was changed",
			"fix them in an editor (nest validate "+path+" lists them), then run nest assess again")
	}
	return r.Assessment, nil
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
