package main

import (
	"bytes"

	"github.com/nest-nyth/nest/report"
	"github.com/spf13/cobra"
)

type summaryOptions struct {
	rules   report.Rules
	compare string
}

func newSummaryCmd(s *streams) *cobra.Command {
	o := &summaryOptions{}
	cmd := &cobra.Command{
		Use:   "summary PATH...",
		Short: "Print the regions' (or services') ratings of every principle, with the averages",
		Long: `Print, for a terminal, the NEST journey rating that each region (or each
service of a region) gave every principle, and each principle's average:
the table at the heart of the NEST implementation update, in 80 columns.

The files are chosen as nest aggregate chooses them: validated first,
files with errors and drafts left out, the level from the files. With
--compare, the previous round (a folder of its files, or the JSON nest
aggregate wrote for it), a second table gives every change since then,
counted only where both years rated, followed by the ratings that moved
level, the themes new and gone, and who submitted in one year only.

Colour only on a terminal, and never with NO_COLOR set; the signs and
words always say what the colours do.` + "\n" + s.exitStatus("the summary printed (files with errors or drafts may have been left out: see the messages)", "no summary: files with errors under --strict, a submission in two files, or nothing to report"),
		Example: `  nest summary examples/2024/regions
  nest summary examples/2024/regions --compare examples/2023/regions
  nest summary examples/2024/services/gwent`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usagef("name the files or folders to summarise")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := o.rules.Check(); err != nil {
				return usagef("%v", err)
			}
			return runSummary(s, o, args)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.rules.Level, "level", "", "national or regional (default: from the files)")
	f.StringVar(&o.rules.Region, "region", "", "the region of a regional summary (default: from the files)")
	f.IntVar(&o.rules.Year, "year", 0, "the assessment year (default: the files')")
	f.BoolVar(&o.rules.IncludeDrafts, "include-drafts", false, "include draft files")
	f.BoolVar(&o.rules.Strict, "strict", false, "stop when any file has an error, instead of leaving it out")
	f.StringVar(&o.compare, "compare", "", "the previous round, to show what changed: a folder of its files, or the JSON nest aggregate wrote for it")
	return cmd
}

func runSummary(s *streams, o *summaryOptions, args []string) error {
	choice, _, err := gather(s, args, o.rules)
	if err != nil {
		return err
	}
	opt := report.Options{Level: choice.Level, Region: choice.Region, Year: choice.Year, LeftOut: choice.LeftOut}
	opt.Date = report.Date("", nil, choice.Inputs, choice.Year)
	rep := report.Aggregate(choice.Inputs, opt)
	if o.compare != "" {
		if _, err := compareWith(s, o.compare, rep, o.rules); err != nil {
			return err
		}
	}
	var buf bytes.Buffer
	color := s.OutTTY && s.Env("NO_COLOR") == "" && s.Env("TERM") != "dumb"
	if err := report.WriteSummary(&buf, rep, report.TextOptions{Width: 80, Color: color}); err != nil {
		return err
	}
	_, err = s.Out.Write(buf.Bytes())
	return err
}
