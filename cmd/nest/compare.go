package main

import (
	"errors"
	"os"
	"path/filepath"
	"strings"

	"github.com/nest-nyth/nest/internal/files"
	"github.com/nest-nyth/nest/report"
)

// maxPreviousJSON is the largest JSON of a previous round nest reads: the
// JSON of 10,000 services, every text kept, is about 35 MB.
const maxPreviousJSON = 256 << 20

// compareWith reads the previous round that --compare names, as a folder
// (or files) of self-assessments, chosen as this round's are, or as the
// JSON that nest aggregate --format json wrote, and puts what changed into
// each of reps (the same report in each of its languages). It returns the
// paths it read, which no output may replace.
func compareWith(s *streams, path string, reps []*report.Report, rules report.Rules) ([]string, error) {
	w := s.words
	var read []string
	for _, rep := range reps {
		prev, files, err := previousRound(s, path, rep, rules)
		if err != nil {
			return nil, err
		}
		read = files
		c, err := report.Compare(rep, prev, w)
		if err != nil {
			return nil, fail(exitUsage, "--compare "+path+": "+err.Error(), w.Say("cli.compare.hint"))
		}
		rep.Compare = c
	}
	return read, nil
}

// previousRound is the previous round's report, in the language of rep's
// names: the words are the ones rep was made with.
func previousRound(s *streams, path string, rep *report.Report, rules report.Rules) (*report.Report, []string, error) {
	w := s.words
	if info, err := os.Stat(path); err == nil && info.Mode().IsRegular() && strings.EqualFold(filepath.Ext(path), ".json") {
		data, err := files.Read(path, nil, maxPreviousJSON)
		if err != nil {
			return nil, nil, fail(exitFailure, w.Say("cli.read.failed", path, s.fileError(err)))
		}
		prev, err := report.ReadJSON(data, w)
		if err != nil {
			return nil, nil, fail(exitFindings, "--compare "+path+": "+err.Error(), w.Say("cli.compare.json.hint"))
		}
		return prev, []string{path}, nil
	}
	// The same kind of report as this one, of whatever year the files are.
	rules.Level, rules.Region, rules.Year = rep.Level, rep.Region, 0
	choice, found, err := gather(s, []string{path}, rules)
	if err != nil {
		var ce *cmdError
		if errors.As(err, &ce) && ce.msg != "" {
			ce.msg = w.Say("cli.compare.previous", path, ce.msg)
		}
		return nil, nil, err
	}
	opt := report.Options{Level: choice.Level, Region: choice.Region, Year: choice.Year, LeftOut: choice.LeftOut, Words: rep.Words}
	opt.Date = report.Date("", nil, choice.Inputs, choice.Year)
	return report.Aggregate(choice.Inputs, opt), found, nil
}
