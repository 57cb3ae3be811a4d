package main

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/nest-nyth/nest/internal/files"
	"github.com/nest-nyth/nest/internal/text"
	"github.com/nest-nyth/nest/report"
	"github.com/spf13/cobra"
)

type aggregateOptions struct {
	output, format string
	date, title    string
	rules          report.Rules
	maxQuotes      int
	force          bool
	editorial      string
	edition        string
	table          string
	compare        string
}

// aggregateFormats are the formats nest aggregate writes.
var aggregateFormats = []string{"pdf", "html", "csv", "json"}

func newAggregateCmd(s *streams) *cobra.Command {
	o := &aggregateOptions{}
	cmd := &cobra.Command{
		Use:   "aggregate PATH...",
		Short: "Make the NEST implementation update (PDF, HTML, CSV or JSON) from a folder of files",
		Long: `Make the regional or national NEST implementation update from
self-assessment files: the average NEST journey rating of each principle,
a chart, every region's or service's ratings, themes, good practice,
concerns, what good would look like, actions and quotes, whose voices were
heard, and the list of submissions. The PDF and the accessible HTML page
carry the same content; the CSV is a table for spreadsheets (a row per
submission and principle, or with --table principles a row per
principle); the JSON keeps every figure and every words.

--compare names the previous round, a folder of its files or the JSON
nest aggregate wrote for it: every format then shows what changed, per
principle and per region or service, counted only where both years rated.

Every file is validated first. Files with errors are listed and left out
(--strict stops instead); drafts are left out unless --include-drafts; two
final files for the same submission stop the report. Files of scope region
make a national report; the service files of one region a regional one.
Text that looks like personal data is withheld from the report, with a
warning naming the file.

The report's date is --date, else SOURCE_DATE_EPOCH, else the latest date
submitted: the same files always give the same bytes.` + "\n" + s.exitStatus("report written (files with errors or drafts may have been left out: see the messages)", "no report: files with errors under --strict, a submission in two files, or nothing to report"),
		Example: `  nest aggregate examples/2024/regions -o nest-2024.pdf
  nest aggregate examples/2024/regions --format html -o nest-2024.html
  nest aggregate examples/2024/regions --format csv --table principles
  nest aggregate examples/2024/regions --compare examples/2023/regions -o nest-2024.pdf
  nest aggregate examples/2024/services/gwent -o gwent-2024.pdf
  nest aggregate submissions/2024 --format json > update.json`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usagef("name the files or folders to report on")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := o.rules.Check(); err != nil {
				return usagef("%v", err)
			}
			switch _, err := time.Parse(time.DateOnly, o.date); {
			case !slices.Contains(aggregateFormats, o.format):
				return usagef("unknown format %q: use %s", o.format, strings.Join(aggregateFormats, ", "))
			case o.table != "" && o.format != "csv":
				return usagef("--table is for --format csv")
			case o.table != "" && !slices.Contains(report.CSVTables, o.table):
				return usagef("unknown table %q: use %s", o.table, strings.Join(report.CSVTables, ", "))
			case o.table == report.TableChanges && o.compare == "":
				return usagef("the %s table needs --compare with the previous round", report.TableChanges)
			case o.edition != report.Public && o.edition != report.Internal:
				return usagef("unknown edition %q: use %s (to publish) or %s (for the analysts)", o.edition, report.Public, report.Internal)
			case o.maxQuotes < 0:
				return usagef("--max-quotes must be 0 or more")
			case o.date != "" && err != nil:
				return usagef("--date %q is not a date: write it as YYYY-MM-DD", o.date)
			}
			return runAggregate(s, o, args)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&o.output, "output", "o", "", "file to write (default: nest-national-YEAR.pdf, .html or .csv, or nest-REGION-YEAR...; standard output for json); - for standard output")
	f.StringVarP(&o.format, "format", "f", "pdf", "pdf, html (one accessible page), csv (for spreadsheets) or json")
	f.StringVar(&o.table, "table", "", "the CSV's table: submissions (a row per submission and principle; the default), principles, or changes (with --compare)")
	f.StringVar(&o.compare, "compare", "", "the previous round, to show what changed: a folder of its files, or the JSON nest aggregate wrote for it")
	f.StringVar(&o.rules.Level, "level", "", "national or regional (default: from the files)")
	f.StringVar(&o.rules.Region, "region", "", "the region of a regional report (default: from the files)")
	f.IntVar(&o.rules.Year, "year", 0, "the assessment year (default: the files')")
	f.StringVar(&o.title, "title", "", "the report's title")
	f.StringVar(&o.date, "date", "", "the report's date, YYYY-MM-DD")
	f.IntVar(&o.maxQuotes, "max-quotes", 0, fmt.Sprintf("words shown per principle where the editorial file does not choose them (default %d in the public edition, all in the internal; the JSON keeps all)", report.DefaultQuotes))
	f.BoolVar(&o.rules.IncludeDrafts, "include-drafts", false, "include draft files")
	f.BoolVar(&o.rules.Strict, "strict", false, "stop when any file has an error, instead of leaving it out")
	f.BoolVar(&o.force, "force", false, "replace a file that is not a report of nest's own")
	f.StringVar(&o.editorial, "editorial", "", "the analysts' text: a Markdown file (nest draft-update starts one)")
	f.StringVar(&o.edition, "edition", report.Public, "public (to publish: no file names, no drafts) or internal (for the analysts: everything)")
	return cmd
}

func runAggregate(s *streams, o *aggregateOptions, args []string) error {
	choice, found, err := gather(s, args, o.rules)
	if err != nil {
		return err
	}
	out := o.output
	if out == "" && o.format != "json" {
		out = report.FileName(report.Options{Level: choice.Level, Region: choice.Region, Year: choice.Year}, o.format)
		if o.table != "" && o.table != report.TableSubmissions { // nest-national-2024-principles.csv
			out = strings.TrimSuffix(out, ".csv") + "-" + o.table + ".csv"
		}
	}
	if err := mayWrite(out, found, o.force); err != nil {
		return err
	}
	var editorial *report.Editorial
	if o.editorial != "" {
		data, err := files.Read(o.editorial, nil, 4<<20)
		if err != nil {
			return fail(exitFailure, fmt.Sprintf("read %s: %v", o.editorial, err))
		}
		if editorial, err = report.ReadEditorial(o.editorial, data); err != nil {
			return fail(exitFindings, err.Error(), "see the README's part on the editorial file; nest draft-update writes one to start from")
		}
	}
	epoch, _ := sourceDate(s) // read, and found good, by today above
	opt := report.Options{Level: choice.Level, Region: choice.Region, Year: choice.Year, Title: o.title, MaxQuotes: o.maxQuotes, LeftOut: choice.LeftOut}
	opt.Date = report.Date(o.date, epoch, choice.Inputs, choice.Year)
	rep, n := report.Aggregate(choice.Inputs, opt), len(choice.Inputs)
	choice.Inputs = nil // the report holds what it needs: free the rest before laying it out
	if o.compare != "" {
		read, err := compareWith(s, o.compare, rep, o.rules)
		if err != nil {
			return err
		}
		if err := mayWrite(out, read, o.force); err != nil {
			return err
		}
	}
	var buf bytes.Buffer
	switch o.format {
	case "json":
		err = report.WriteJSON(&buf, rep.ForEdition(o.edition))
	case "csv":
		err = report.WriteCSV(&buf, rep.ForEdition(o.edition), report.CSVOptions{Table: o.table, Edition: o.edition})
	default:
		bo := report.BuildOptions{Edition: o.edition, Editorial: editorial, MaxQuotes: o.maxQuotes, Published: o.date}
		if o.format == "html" {
			bo.Format = report.HTML
		}
		doc, berr := report.Build(rep, bo)
		if berr != nil {
			return fail(exitFindings, berr.Error())
		}
		if o.format == "html" {
			err = report.WriteHTML(&buf, doc)
		} else {
			err = report.WritePDF(&buf, doc, rep.Date)
		}
	}
	if err != nil {
		return err
	}
	if err := writeOut(s, out, buf.Bytes()); err != nil || out == "" || out == files.Stdin {
		return err
	}
	sayf(s.Err, "wrote %s: %s report for %d, from %s\n", out, opt.Level, opt.Year, text.Plural(n, "self-assessment"))
	return nil
}
