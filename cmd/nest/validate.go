package main

import (
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"strings"

	"github.com/nest-nyth/nest/internal/files"
	"github.com/nest-nyth/nest/internal/text"
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
	o := &validateOptions{}
	cmd := &cobra.Command{
		Use:   "validate [PATH...]",
		Short: "Check self-assessment files against the schema and rules",
		Long: `Check NEST self-assessment files against the published schema and the
rules beyond it. PATH is a file, a folder (searched for *.yaml and *.yml
files, recursively) or - for standard input; the default is the current
folder.

Every problem in every file is reported, one a line, sorted:

  FILE:LINE:COLUMN: SEVERITY: MESSAGE [RULE]

Formats: text (for people), json (for scripts), github (GitHub Actions
annotations), junit (JUnit XML for GitLab and other CI), sarif (SARIF
2.1.0 for code scanning). Findings go to standard output, the summary to
standard error.` + "\n" + s.exitStatus("every file is valid (warnings allowed unless --strict)", "problems found in the files"),
		Example: `  nest validate submissions/2024
  nest validate --strict --format github submissions
  cat gwent.yaml | nest validate -`,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.paths = args
			if len(o.paths) == 0 {
				o.paths = []string{"."}
			}
			if !slices.Contains(output.Formats, o.format) {
				return usagef("unknown format %q: use one of %s", o.format, strings.Join(output.Formats, ", "))
			}
			if cmd.Flags().Changed("jobs") && o.jobs < 1 {
				return usagef("-j %d: check at least 1 file at once (leave -j out for one per CPU)", o.jobs)
			}
			return runValidate(s, o)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&o.format, "format", "f", "text", "output format: "+strings.Join(output.Formats, ", "))
	f.BoolVar(&o.strict, "strict", false, "treat warnings as failures")
	f.IntVarP(&o.jobs, "jobs", "j", 0, "files checked at once (default: one per CPU)")
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
	results := schema.CheckFiles(names, schema.BatchOptions{Read: reader(s), Workers: o.jobs, Today: now})
	report := output.Report{Strict: o.strict, Version: version()}
	report.Missing = len(problems)
	for _, p := range problems {
		report.Files = append(report.Files, p.Path)
		report.Findings = append(report.Findings, schema.Finding{File: p.Path, Line: 1, Column: 1, Severity: schema.Error, Rule: schema.RuleRead, Message: "cannot read: " + p.Err.Error()})
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
		return fmt.Errorf("write findings: %w", err)
	}
	if len(report.Files) == 0 {
		return fail(exitFailure, "no .yaml or .yml files found in "+strings.Join(o.paths, ", "),
			"name the folder that holds the submissions, or the files themselves")
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
			sayf(s.Err, "nest: note: skipped %s: none of its %s is a NEST self-assessment\n", d, text.Plural(f.other, "YAML file"))
		}
	}
	return kept
}
