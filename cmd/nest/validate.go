package main

import (
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"strings"

	"github.com/nest-nyth/nest/internal/files"
	"github.com/nest-nyth/nest/output"
	"github.com/nest-nyth/nest/schema"
	"github.com/spf13/cobra"
)

type validateOptions struct {
	paths  []string
	format string
	strict bool
	jobs   int
}

func newValidateCmd(s *streams) *cobra.Command {
	w := s.words
	o := &validateOptions{}
	cmd := &cobra.Command{
		Use:   "validate " + w.Say("cli.help.use.validate"),
		Short: w.Say("cli.validate.short"),
		Long:  w.Say("cli.validate.long") + "\n" + s.exitStatus(w.Say("cli.validate.exit.0"), w.Say("cli.validate.exit.1")),
		Example: `  nest validate submissions/2024
  nest validate --strict --format github submissions
  cat gwent.yaml | nest validate -`,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.paths = args
			if len(o.paths) == 0 {
				o.paths = []string{"."}
			}
			if !slices.Contains(output.Formats, o.format) {
				return usagef("%s", w.Say("cli.validate.format.bad", o.format, strings.Join(output.Formats, ", ")))
			}
			if cmd.Flags().Changed("jobs") && o.jobs < 1 {
				return usagef("%s", w.Say("cli.validate.jobs.bad", o.jobs))
			}
			return runValidate(s, o)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&o.format, "format", "f", "text", w.Say("cli.validate.flag.format", strings.Join(output.Formats, ", ")))
	f.BoolVar(&o.strict, "strict", false, w.Say("cli.validate.flag.strict"))
	f.IntVarP(&o.jobs, "jobs", "j", 0, w.Say("cli.validate.flag.jobs"))
	return cmd
}

func runValidate(s *streams, o *validateOptions) error {
	paths, problems := files.Find(o.paths)
	now, err := today(s)
	if err != nil {
		return err
	}
	names := make([]string, len(paths))
	for i, p := range paths {
		names[i] = p.Path
	}
	w := s.words
	results := schema.CheckFiles(names, schema.BatchOptions{Read: reader(s), Workers: o.jobs, Today: now, Words: w})
	report := output.Report{Strict: o.strict, Version: version(), Words: w}
	report.Missing = len(problems)
	for _, p := range problems {
		report.Files = append(report.Files, p.Path)
		report.Findings = append(report.Findings, schema.Finding{File: p.Path, Line: 1, Column: 1, Severity: schema.Error, Rule: schema.RuleRead, Message: w.Say("messages.read", s.fileError(p.Err))})
	}
	results = skipOtherTools(s, paths, results)
	for _, r := range results {
		report.Files = append(report.Files, r.File)
		report.Findings = append(report.Findings, r.Findings...)
		if slices.ContainsFunc(r.Findings, func(f schema.Finding) bool { return f.Rule == schema.RuleRead }) {
			report.Missing++
		}
	}
	slices.Sort(report.Files)
	schema.Sort(report.Findings)

	// CI keeps what a format writes as an artefact: even with no file to
	// check, it is a valid (empty) document.
	color := o.format == "text" && s.OutTTY && s.Env("NO_COLOR") == ""
	if err := report.Write(s.Out, o.format, color); err != nil {
		return fmt.Errorf("%s: %w", w.Say("cli.validate.write"), err)
	}
	if len(report.Files) == 0 {
		return fail(exitFailure, w.Say("cli.validate.none", strings.Join(o.paths, ", ")), w.Say("cli.validate.none.hint"))
	}
	// The summary goes to standard error whatever the format, so that CI
	// logs show the count beside the annotations or report files.
	fmt.Fprintln(s.Err, report.Summary())
	switch {
	case report.Missing > 0:
		return exit(exitFailure) // a path could not be read: not a verdict on it
	case report.Failed():
		return exit(exitFindings)
	}
	return nil
}

// skipOtherTools drops, from a folder walked, the files of folders that
// hold no NEST file at all (another tool's YAML: a CI setup, a catalogue),
// saying which folders were skipped. A file named on the command line is
// always reported.
func skipOtherTools(s *streams, paths []files.File, results []schema.FileResult) []schema.FileResult {
	type folder struct{ nest, other int }
	folders := map[string]*folder{}
	notNest := func(r schema.FileResult) bool {
		return len(r.Findings) == 1 && r.Findings[0].Rule == schema.RuleNotNest
	}
	for i, r := range results {
		if paths[i].Path == paths[i].Root {
			continue
		}
		d := filepath.Dir(paths[i].Path)
		if folders[d] == nil {
			folders[d] = &folder{}
		}
		if notNest(r) {
			folders[d].other++
		} else {
			folders[d].nest++
		}
	}
	var kept []schema.FileResult
	for i, r := range results {
		if f := folders[filepath.Dir(paths[i].Path)]; paths[i].Path != paths[i].Root && f.nest == 0 && notNest(r) {
			continue
		}
		kept = append(kept, r)
	}
	for _, d := range slices.Sorted(maps.Keys(folders)) {
		if f := folders[d]; f.nest == 0 {
			sayf(s.Err, "nest: %s: %s\n", s.words.Say("cli.note"), s.words.Count("cli.validate.skipped", f.other, d, f.other))
		}
	}
	return kept
}
