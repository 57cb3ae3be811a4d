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
	w := s.words
	o := &summaryOptions{}
	cmd := &cobra.Command{
		Use:   "summary " + w.Say("cli.help.use.summary"),
		Short: w.Say("cli.summary.short"),
		Long:  w.Say("cli.summary.long") + "\n" + s.exitStatus(w.Say("cli.summary.exit.0"), w.Say("cli.summary.exit.1")),
		Example: `  nest summary examples/2024/regions
  nest summary examples/2024/regions --compare examples/2023/regions
  nest summary examples/2024/services/gwent`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usagef("%s", w.Say("cli.summary.no.paths"))
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
	s.choiceFlags(cmd.Flags(), &o.rules, &o.compare)
	return cmd
}

func runSummary(s *streams, o *summaryOptions, args []string) error {
	choice, _, err := gather(s, args, o.rules)
	if err != nil {
		return err
	}
	words := s.languages()[0] // a terminal's table in one language: Welsh for cy+en
	opt := report.Options{Level: choice.Level, Region: choice.Region, Year: choice.Year, LeftOut: choice.LeftOut, Words: words}
	opt.Date = report.Date("", nil, choice.Inputs, choice.Year)
	rep := report.Aggregate(choice.Inputs, opt)
	if o.compare != "" {
		if _, err := compareWith(s, o.compare, []*report.Report{rep}, o.rules); err != nil {
			return err
		}
	}
	var buf bytes.Buffer
	color := s.OutTTY && s.Env("NO_COLOR") == "" && s.Env("TERM") != "dumb"
	if err := report.WriteSummary(&buf, rep, report.TextOptions{Width: 80, Color: color, Words: words}); err != nil {
		return err
	}
	_, err = s.Out.Write(buf.Bytes())
	return err
}
