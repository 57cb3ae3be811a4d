package main

import (
	"errors"
	"strings"

	"github.com/nest-nyth/nest/internal/files"
	"github.com/nest-nyth/nest/output"
	"github.com/nest-nyth/nest/report"
	"github.com/nest-nyth/nest/schema"
	"github.com/spf13/pflag"
)

// gather finds and checks the files named, says what is wrong with them,
// and chooses what goes into a report (report.Choose): what every command
// that reports on a set of files starts with. It takes personal data out
// of what it keeps, saying so.
func gather(s *streams, args []string, rules report.Rules) (choice *report.Choice, found []string, err error) {
	w := s.words
	rules.Words = w
	paths, problems := files.Find(args)
	for _, p := range problems {
		sayf(s.Err, "%s: %s: %s [%s]\n", p.Path, w.Say("cli.error"), w.Say("cli.gather.unreadable", s.fileError(p.Err)), schema.RuleRead)
	}
	switch {
	case len(problems) > 0:
		return nil, nil, fail(exitFailure, w.Count("cli.gather.paths", len(problems), len(problems)), w.Say("cli.gather.paths.hint"))
	case len(paths) == 0:
		return nil, nil, fail(exitFailure, w.Say("cli.gather.none", strings.Join(args, ", ")))
	}
	now, err := today(s)
	if err != nil {
		return nil, nil, err
	}
	names, roots := make([]string, len(paths)), make([]string, len(paths))
	for i, p := range paths {
		names[i], roots[i] = p.Path, p.Root
	}
	results := schema.CheckFiles(names, schema.BatchOptions{Read: reader(s), Keep: true, Today: now, Words: w})
	shown, hidden := report.ShownNames(names, roots, w)
	for _, i := range hidden {
		sayf(s.Err, "%s: %s: %s [%s]\n", names[i], w.Say("cli.warning"), w.Say("cli.gather.name.withheld"), schema.RulePersonalData)
	}
	cands := make([]report.Candidate, len(results))
	personal := map[string]bool{}   // files the personal-data rule warned of
	said := output.Report{Words: w} // the errors, and the characters a PDF cannot draw
	for i, r := range results {
		cands[i] = report.Candidate{Path: r.File, Name: shown[i], Assessment: r.Assessment, HasErrors: !r.Valid()}
		for _, f := range r.Findings {
			personal[r.File] = personal[r.File] || f.Rule == schema.RulePersonalData
			if f.Severity == schema.Error || f.Rule == schema.RuleUnprintable {
				said.Findings = append(said.Findings, f)
				cands[i].Duplicate = cands[i].Duplicate || f.Rule == schema.RuleDuplicate
			}
		}
	}
	if err := said.Write(s.Err, "text", false); err != nil {
		return nil, nil, err
	}
	choice, err = report.Choose(cands, rules)
	var ce *report.ChoiceError
	if errors.As(err, &ce) {
		code := exitFindings
		if ce.Kind == report.Ambiguous {
			code = exitUsage
		}
		return nil, nil, fail(code, ce.Message, nonEmpty(ce.Hint)...)
	}
	for _, note := range choice.Notes() {
		sayf(s.Err, "nest: %s\n", note)
	}
	// Withhold scans what the rule scanned, walking the same table: only
	// the files the rule warned of need the second look.
	for _, in := range choice.Inputs {
		if !personal[in.Path] {
			continue
		}
		if w := report.Withhold(in.Assessment); len(w) > 0 {
			sayf(s.Err, "%s: %s: %s [%s]\n", in.Path, s.words.Say("cli.warning"), s.words.Count("cli.gather.withheld", len(w), len(w), in.Path), schema.RulePersonalData)
		}
	}
	return choice, names, nil
}

// choiceFlags are the flags of every command that chooses files for a
// report (aggregate, draft-update, summary): the level, region and year,
// drafts, --strict and, where compare is not nil, --compare.
func (s *streams) choiceFlags(f *pflag.FlagSet, r *report.Rules, compare *string) {
	w := s.words
	r.Words = w
	f.StringVar(&r.Level, "level", "", w.Say("cli.flag.level"))
	f.StringVar(&r.Region, "region", "", w.Say("cli.flag.region"))
	f.IntVar(&r.Year, "year", 0, w.Say("cli.flag.year"))
	f.BoolVar(&r.IncludeDrafts, "include-drafts", false, w.Say("cli.flag.drafts"))
	f.BoolVar(&r.Strict, "strict", false, w.Say("cli.flag.strict"))
	if compare != nil {
		f.StringVar(compare, "compare", "", w.Say("cli.flag.compare"))
	}
}
