package main

import (
	"errors"
	"fmt"
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
// rep. It returns the paths it read, which no output may replace.
func compareWith(s *streams, path string, rep *report.Report, rules report.Rules) ([]string, error) {
	prev, read, err := previousRound(s, path, rep, rules)
	if err != nil {
		return nil, err
	}
	c, err := report.Compare(rep, prev)
	if err != nil {
		return nil, fail(exitUsage, fmt.Sprintf("--compare %s: %v", path, err),
			"name the previous round of the same report: the regions' files (or its JSON) for a national report, the same region's services for a regional one")
	}
	rep.Compare = c
	return read, nil
}

func previousRound(s *streams, path string, rep *report.Report, rules report.Rules) (*report.Report, []string, error) {
	if info, err := os.Stat(path); err == nil && info.Mode().IsRegular() && strings.EqualFold(filepath.Ext(path), ".json") {
		data, err := files.Read(path, nil, maxPreviousJSON)
		if err != nil {
			return nil, nil, fail(exitFailure, fmt.Sprintf("read %s: %v", path, err))
		}
		prev, err := report.ReadJSON(data)
		if err != nil {
			return nil, nil, fail(exitFindings, fmt.Sprintf("--compare %s: %v", path, err),
				"give the JSON that nest aggregate --format json wrote for the previous round, or the folder of its files")
		}
		return prev, []string{path}, nil
	}
	// The same kind of report as this one, of whatever year the files are.
	rules.Level, rules.Region, rules.Year = rep.Level, rep.Region, 0
	choice, found, err := gather(s, []string{path}, rules)
	if err != nil {
		var ce *cmdError
		if errors.As(err, &ce) && ce.msg != "" {
			ce.msg = "the previous round (--compare " + path + "): " + ce.msg
		}
		return nil, nil, err
	}
	opt := report.Options{Level: choice.Level, Region: choice.Region, Year: choice.Year, LeftOut: choice.LeftOut}
	opt.Date = report.Date("", nil, choice.Inputs, choice.Year)
	return report.Aggregate(choice.Inputs, opt), found, nil
}
