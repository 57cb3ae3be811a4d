package main

import (
	"bytes"
	"fmt"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/nest-nyth/nest/assessment"
	"github.com/nest-nyth/nest/internal/files"
	"github.com/nest-nyth/nest/report"
	"github.com/nest-nyth/nest/schema"
	"github.com/spf13/cobra"
)

type aggregateOptions struct {
	paths         []string
	output        string
	format        string
	level         string
	region        string
	year          int
	title         string
	date          string
	maxQuotes     int
	includeDrafts bool
	strict        bool
}

func newAggregateCmd(s *streams) *cobra.Command {
	o := &aggregateOptions{}
	cmd := &cobra.Command{
		Use:   "aggregate PATH...",
		Short: "Make the NEST implementation update (PDF or JSON) from a folder of files",
		Long: `Make the regional or national NEST implementation update from
self-assessment files: the average NEST journey rating of each principle,
a chart, every region's or service's ratings, themes, good practice,
concerns, what good would look like, actions and quotes, whose voices were
heard, and the list of submissions.

Every file is validated first. Files with errors are listed and left out
(--strict stops instead); drafts are left out unless --include-drafts; two
final files for the same submission stop the report. Files of scope region
make a national report; the service files of one region a regional one.
Text that looks like personal data is withheld from the report, with a
warning naming the file.

The report's date is --date, else SOURCE_DATE_EPOCH, else the latest date
submitted: the same files always give the same bytes.` + "\n" + exitStatus("report written (files with errors or drafts may have been left out: see the messages)", "no report: files with errors under --strict, a submission in two files, or nothing to report"),
		Example: `  nest aggregate examples/2024/regions -o nest-2024.pdf
  nest aggregate examples/2024/services/gwent -o gwent-2024.pdf
  nest aggregate submissions/2024 --format json > update.json`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usagef("name the files or folders to report on")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			o.paths = args
			if o.format != "pdf" && o.format != "json" {
				return usagef("unknown format %q: use pdf or json", o.format)
			}
			if o.level != "" && o.level != report.National && o.level != report.Regional {
				return usagef("unknown level %q: use national or regional", o.level)
			}
			if o.region != "" {
				if _, ok := assessment.RegionByKey(o.region); !ok {
					return usagef("unknown region %q: use one of %s", o.region, strings.Join(assessment.RegionKeys(), ", "))
				}
			}
			if o.date != "" {
				if _, err := time.Parse(time.DateOnly, o.date); err != nil {
					return usagef("--date %q is not a date: write it as YYYY-MM-DD", o.date)
				}
			}
			if o.maxQuotes < 0 {
				return usagef("--max-quotes must be 0 or more")
			}
			return runAggregate(s, o)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&o.output, "output", "o", "", "file to write (default: nest-national-YEAR.pdf or nest-REGION-YEAR.pdf; standard output for json); - for standard output")
	f.StringVarP(&o.format, "format", "f", "pdf", "pdf or json")
	f.StringVar(&o.level, "level", "", "national or regional (default: from the files)")
	f.StringVar(&o.region, "region", "", "the region of a regional report (default: from the files)")
	f.IntVar(&o.year, "year", 0, "the assessment year (default: the files')")
	f.StringVar(&o.title, "title", "", "the report's title")
	f.StringVar(&o.date, "date", "", "the report's date, YYYY-MM-DD")
	f.IntVar(&o.maxQuotes, "max-quotes", 0, fmt.Sprintf("quotes and examples of each kind shown per principle in the PDF (default %d; the JSON keeps all)", report.DefaultMaxQuotes))
	f.BoolVar(&o.includeDrafts, "include-drafts", false, "include draft files")
	f.BoolVar(&o.strict, "strict", false, "stop when any file has an error, instead of leaving it out")
	return cmd
}

func runAggregate(s *streams, o *aggregateOptions) error {
	// Laying out a PDF makes much short-lived garbage (a compressor for
	// every page); a soft limit keeps a report of 10,000 services under
	// 128 MB at a small cost in time.
	debug.SetMemoryLimit(110 << 20)
	paths, problems := files.Find(o.paths)
	for _, p := range problems {
		fmt.Fprintf(s.Err, "%s: error: cannot read: %v [%s]\n", p.Path, p.Err, schema.RuleRead)
	}
	if len(paths) == 0 {
		fmt.Fprintf(s.Err, "nest: error: no .yaml or .yml files found in %s\n", strings.Join(o.paths, ", "))
		return exitError{exitFailure}
	}
	kept, leftOut, err := gather(s, o, paths)
	if err != nil {
		return err
	}
	opt := report.Options{Level: o.level, Region: o.region, Year: o.year, Title: o.title, MaxQuotes: o.maxQuotes, LeftOut: leftOut}
	found := len(kept)
	if kept, err = choose(kept, &opt); err != nil {
		return err
	}
	if len(kept) == 0 {
		if found == 0 {
			fmt.Fprintln(s.Err, "nest: error: no final, valid self-assessment to report on")
		} else {
			fmt.Fprintf(s.Err, "nest: error: none of the %s is for a %s report of %d%s\n", plural(found, "valid file"), opt.Level, opt.Year, inRegion(opt))
			fmt.Fprintln(s.Err, "nest: hint: a national report takes the regions' own files (scope: region), a regional report one region's services (scope: service); check --level, --region and --year")
		}
		return exitError{exitFindings}
	}
	if n := found - len(kept); n > 0 {
		fmt.Fprintf(s.Err, "nest: note: %s of other years, levels or regions left out\n", plural(n, "file"))
	}
	// Two files for one submission (a draft beside its final, with
	// --include-drafts) would count twice.
	seen := map[string]string{}
	for _, in := range kept {
		key := schema.SubmissionKey(in.Assessment)
		if first, ok := seen[key]; ok {
			fmt.Fprintf(s.Err, "nest: error: %s and %s are the same submission, so its figures would count twice: keep one\n", first, in.File)
			return exitError{exitFindings}
		}
		seen[key] = in.File
	}
	for _, in := range kept {
		if n := withhold(in.Assessment); n > 0 {
			fmt.Fprintf(s.Err, "%s: warning: %s withheld from the report: it looks like personal data (nest validate %s shows where) [%s]\n", in.File, plural(n, "text"), in.File, schema.RulePersonalData)
		}
	}
	opt.Date = reportDate(s, o.date, kept, opt.Year)
	return write(s, o, report.Aggregate(kept, opt), opt, len(kept))
}

// gather validates every file and keeps the valid ones a report may use.
// It lists the files with errors, and stops on a submission in two final
// files, or on any error with --strict; drafts are left out unless asked
// for. What it leaves out it returns too, for the report to say.
func gather(s *streams, o *aggregateOptions, paths []string) ([]report.Input, []report.LeftOut, error) {
	results := schema.CheckFiles(paths, schema.BatchOptions{Stdin: s.In, Keep: true})
	var kept []report.Input
	var leftOut []report.LeftOut
	shown := map[string]bool{}
	invalid, drafts, duplicates := 0, 0, 0
	leave := func(r schema.FileResult, reason string) {
		l := report.LeftOut{File: shownPath(o.paths, r.File), Reason: reason}
		if r.Assessment != nil {
			l.Region = r.Assessment.Region
		}
		leftOut = append(leftOut, l)
	}
	for _, r := range results {
		if !r.Valid() {
			invalid++
			leave(r, "has errors")
			for _, f := range r.Findings {
				if f.Severity == schema.Error {
					fmt.Fprintln(s.Err, f)
					if f.Rule == schema.RuleDuplicate {
						duplicates++
					}
				}
			}
			continue
		}
		a := r.Assessment
		if a.Status != assessment.StatusFinal && !o.includeDrafts {
			drafts++
			leave(r, "draft")
			continue
		}
		// The report names files as they stand under the folder given, so
		// a home folder's name is never published, and the same files give
		// the same report however the path was typed.
		name := shownPath(o.paths, r.File)
		if shown[name] {
			name = r.File // two folders' gwent.yaml: tell them apart
		}
		shown[name] = true
		kept = append(kept, report.Input{File: name, Assessment: a})
	}
	if duplicates > 0 {
		fmt.Fprintln(s.Err, "nest: error: the same submission is in two final files, so its figures would count twice: keep one, or mark the other draft")
		return nil, nil, exitError{exitFindings}
	}
	if invalid > 0 {
		if o.strict {
			fmt.Fprintf(s.Err, "nest: error: %s with errors; nothing was written (--strict)\n", plural(invalid, "file"))
			return nil, nil, exitError{exitFindings}
		}
		fmt.Fprintf(s.Err, "nest: warning: %s with errors left out of the report\n", plural(invalid, "file"))
	}
	if drafts > 0 {
		fmt.Fprintf(s.Err, "nest: note: %s left out as drafts (--include-drafts keeps them)\n", plural(drafts, "file"))
	}
	return kept, leftOut, nil
}

// write renders the report in its format, to memory, and writes it whole.
func write(s *streams, o *aggregateOptions, rep *report.Report, opt report.Options, n int) error {
	var buf bytes.Buffer
	var err error
	if o.format == "json" {
		err = report.WriteJSON(&buf, rep)
	} else {
		err = report.WritePDF(&buf, rep, opt)
	}
	if err != nil {
		return err
	}
	out := o.output
	if out == "" && o.format == "pdf" {
		out = fmt.Sprintf("nest-%s-%d.pdf", opt.Level, opt.Year)
		if opt.Level == report.Regional {
			out = fmt.Sprintf("nest-%s-%d.pdf", opt.Region, opt.Year)
		}
	}
	if out == "" || out == "-" {
		_, err := s.Out.Write(buf.Bytes())
		return err
	}
	if err := files.WriteAtomic(out, buf.Bytes(), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(s.Err, "wrote %s: %s report for %d, from %s\n", out, opt.Level, opt.Year, plural(n, "self-assessment"))
	return nil
}

func inRegion(o report.Options) string {
	if o.Level == report.Regional && o.Region != "" {
		return " in " + o.Region
	}
	return ""
}

// shownPath is how the report names a file: relative to the folder named on
// the command line that holds it, or its base name.
func shownPath(args []string, file string) string {
	for _, a := range args {
		if rel, err := filepath.Rel(a, file); err == nil && rel != "." && !strings.HasPrefix(rel, "..") {
			return filepath.ToSlash(rel)
		}
	}
	return filepath.Base(file)
}

// choose settles the level, region and year, from the flags or the files,
// and keeps the files that belong in that report.
func choose(in []report.Input, o *report.Options) ([]report.Input, error) {
	if o.Year == 0 {
		years := map[int]bool{}
		for _, i := range in {
			years[i.Assessment.Year] = true
		}
		if len(years) > 1 {
			var ys []string
			for y := range years {
				ys = append(ys, strconv.Itoa(y))
			}
			slices.Sort(ys)
			return nil, usagef("the files are for more than one year (%s): choose one with --year", strings.Join(ys, ", "))
		}
		for y := range years {
			o.Year = y
		}
	}
	scopes, regions := map[string]bool{}, map[string]bool{}
	var sameYear []report.Input
	for _, i := range in {
		if i.Assessment.Year == o.Year {
			sameYear = append(sameYear, i)
		}
		// The level is guessed from every file, so a --year that matches
		// none still names the right kind of report.
		scopes[i.Assessment.Scope] = true
		if i.Assessment.Scope == assessment.ScopeService {
			regions[i.Assessment.Region] = true
		}
	}
	if o.Level == "" {
		switch {
		case o.Region != "" || len(scopes) == 1 && scopes[assessment.ScopeService]:
			o.Level = report.Regional
		case len(scopes) == 1 && scopes[assessment.ScopeRegion]:
			o.Level = report.National
		case len(scopes) > 1:
			return nil, usagef("the files mix regions' and services' self-assessments: choose --level national (regions) or --level regional (services)")
		default:
			o.Level = report.National
		}
	}
	if o.Level == report.Regional && o.Region == "" {
		if len(regions) == 0 {
			return nil, nil // no services at all: said by the caller
		}
		if len(regions) != 1 {
			return nil, usagef("a regional report is for one region, and these services are in %d: choose one with --region", len(regions))
		}
		for r := range regions {
			o.Region = r
		}
	}
	var out []report.Input
	for _, i := range sameYear {
		a := i.Assessment
		switch {
		case o.Level == report.National && a.Scope == assessment.ScopeRegion,
			o.Level == report.Regional && a.Scope == assessment.ScopeService && a.Region == o.Region:
			out = append(out, i)
		}
	}
	return out, nil
}

// reportDate is --date, else SOURCE_DATE_EPOCH, else the latest date a
// file was submitted, else the last day of the year: never the clock, so
// the same files give the same report.
func reportDate(s *streams, flag string, in []report.Input, year int) string {
	if flag != "" {
		return flag
	}
	if t, ok := sourceDate(s); ok {
		return t.Format(time.DateOnly)
	}
	latest := ""
	for _, i := range in {
		latest = max(latest, i.Assessment.Submitted)
	}
	if latest != "" {
		return latest
	}
	return fmt.Sprintf("%d-12-31", year)
}

// withhold empties every free text of a that looks like personal data:
// reports are published. It returns how many it emptied.
func withhold(a *assessment.Assessment) int {
	n := 0
	check := func(t *string) {
		if kind, _ := schema.PersonalData(*t); kind != "" {
			*t = ""
			n++
		}
	}
	check(&a.Voices.How)
	for _, r := range a.Principles {
		for _, t := range []*string{&r.NotRated, &r.WorkingWell, &r.Concerns, &r.GoodLooksLike} {
			check(t)
		}
		for i := range r.Actions {
			check(&r.Actions[i].Action)
			check(&r.Actions[i].Owner)
		}
		for i := range r.Feedback {
			check(&r.Feedback[i].Quote)
		}
	}
	return n
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}
