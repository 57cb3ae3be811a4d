package main

import (
	"slices"
	"strings"
	"time"

	"github.com/nest-nyth/nest/internal/files"
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

func newAggregateCmd(s *streams) *cobra.Command {
	w := s.words
	o := &aggregateOptions{}
	cmd := &cobra.Command{
		Use:   "aggregate " + w.Say("cli.help.use.aggregate"),
		Short: w.Say("cli.aggregate.short"),
		Long:  w.Say("cli.aggregate.long") + "\n" + s.exitStatus(w.Say("cli.aggregate.exit.0"), w.Say("cli.aggregate.exit.1")),
		Example: `  nest aggregate examples/2024/regions -o nest-2024.pdf
  nest aggregate examples/2024/regions --format html -o nest-2024.html
  nest aggregate examples/2024/regions --lang cy+en --editorial examples/2024/update.md -o nyth-nest-2024.pdf
  nest aggregate examples/2024/regions --format csv --table principles
  nest aggregate examples/2024/regions --compare examples/2023/regions -o nest-2024.pdf
  nest aggregate examples/2024/services/gwent -o gwent-2024.pdf
  nest aggregate submissions/2024 --format json > update.json`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usagef("%s", w.Say("cli.aggregate.no.paths"))
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := o.rules.Check(); err != nil {
				return usagef("%v", err)
			}
			// The format is the output file's, unless --format says; a
			// --format that another format's file name contradicts is
			// refused, not written under the wrong name.
			named := formatOf(o.output)
			if !cmd.Flags().Changed("format") && named != "" {
				o.format = named
			}
			switch _, err := time.Parse(time.DateOnly, o.date); {
			case named != "" && named != o.format:
				return usagef("%s", w.Say("cli.aggregate.format.mismatch", o.output, o.format))
			case !slices.Contains(aggregateFormats, o.format):
				return usagef("%s", w.Say("cli.aggregate.format.bad", o.format, strings.Join(aggregateFormats, ", ")))
			case o.table != "" && o.format != "csv":
				return usagef("%s", w.Say("cli.aggregate.table.csv"))
			case o.table != "" && !slices.Contains(report.CSVTables, o.table):
				return usagef("%s", w.Say("cli.aggregate.table.unknown", o.table, strings.Join(report.CSVTables, ", ")))
			case o.table == report.TableChanges && o.compare == "":
				return usagef("%s", w.Say("cli.aggregate.table.compare", report.TableChanges))
			case o.edition != report.Public && o.edition != report.Internal:
				return usagef("%s", w.Say("cli.aggregate.edition.bad", o.edition, report.Public, report.Internal))
			case o.maxQuotes < 0:
				return usagef("%s", w.Say("cli.aggregate.quotes.bad"))
			case o.date != "" && err != nil:
				return usagef("%s", w.Say("cli.aggregate.date.bad", o.date))
			}
			return runAggregate(s, o, args)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&o.output, "output", "o", "", w.Say("cli.aggregate.flag.output"))
	f.StringVarP(&o.format, "format", "f", "pdf", w.Say("cli.aggregate.flag.format"))
	f.StringVar(&o.table, "table", "", w.Say("cli.aggregate.flag.table"))
	s.choiceFlags(f, &o.rules, &o.compare)
	f.StringVar(&o.title, "title", "", w.Say("cli.aggregate.flag.title"))
	f.StringVar(&o.date, "date", "", w.Say("cli.aggregate.flag.date"))
	f.IntVar(&o.maxQuotes, "max-quotes", 0, w.Say("cli.aggregate.flag.quotes", report.DefaultQuotes))
	f.BoolVar(&o.force, "force", false, w.Say("cli.aggregate.flag.force"))
	f.StringVar(&o.editorial, "editorial", "", w.Say("cli.aggregate.flag.editorial"))
	f.StringVar(&o.edition, "edition", report.Public, w.Say("cli.aggregate.flag.edition"))
	return cmd
}

func runAggregate(s *streams, o *aggregateOptions, args []string) error {
	w := s.words
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
	if err := mayWrite(s, out, found, o.force); err != nil {
		return err
	}
	// JSON and CSV are tables of one language: a bilingual report's are
	// in Welsh.
	langs := s.languages()
	if o.format == "json" || o.format == "csv" {
		langs = langs[:1]
	}
	var editorials []*report.Editorial
	if o.editorial != "" {
		if editorials, err = readEditorials(s, o.editorial, langs, o.format == "pdf"); err != nil {
			return err
		}
	}
	epoch, _ := sourceDate(s) // read, and found good, by today above
	opt := report.Options{Level: choice.Level, Region: choice.Region, Year: choice.Year, Title: o.title, MaxQuotes: o.maxQuotes, LeftOut: choice.LeftOut}
	opt.Date = report.Date(o.date, epoch, choice.Inputs, choice.Year)
	reps := make([]*report.Report, len(langs))
	for i, lw := range langs {
		opt.Words = lw
		reps[i] = report.Aggregate(choice.Inputs, opt)
	}
	n := len(choice.Inputs)
	choice.Inputs = nil // the reports hold what they need: free the rest before laying them out
	if o.compare != "" {
		read, err := compareWith(s, o.compare, reps, o.rules)
		if err != nil {
			return err
		}
		if err := mayWrite(s, out, read, o.force); err != nil {
			return err
		}
	}
	data, err := render(o, reps, langs, editorials, w)
	if err != nil {
		return err
	}
	if err := writeOut(s, out, data); err != nil || out == "" || out == files.Stdin {
		return err
	}
	sayf(s.Err, "%s\n", w.Count("cli.aggregate.wrote."+opt.Level, n, out, opt.Year, n))
	return nil
}
