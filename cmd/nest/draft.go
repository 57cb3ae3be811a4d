package main

import (
	"github.com/nest-nyth/nest/internal/files"
	"github.com/nest-nyth/nest/report"
	"github.com/spf13/cobra"
)

type draftOptions struct {
	output string
	rules  report.Rules
}

func newDraftCmd(s *streams) *cobra.Command {
	o := &draftOptions{}
	cmd := &cobra.Command{
		Use:   "draft-update PATH... -o FILE",
		Short: "Write a starter editorial file for nest aggregate, from the figures",
		Long: `Write a starter editorial file (Markdown) for the NEST implementation
update of the self-assessments in PATH: the sections of the published
update, a first synthesis of each principle in plain sentences made from
the figures, and every words each principle could quote, each with its id,
so that you delete the ones you do not want. Edit it, then make the report
with: nest aggregate PATH --editorial FILE.

It chooses files as nest aggregate does (--level, --region, --year,
--include-drafts, --strict), and never replaces a file.` + "\n" + s.exitStatus("the file written", "no report could be made of the files: see the messages"),
		Example: `  nest draft-update examples/2024/regions -o update.md`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usagef("name the files or folders of the self-assessments")
			}
			if o.output == "" {
				return usagef("name the file to write with -o, such as -o update.md")
			}
			if err := o.rules.Check(); err != nil {
				return usagef("%v", err)
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error { return runDraft(s, o, args) },
	}
	f := cmd.Flags()
	f.StringVarP(&o.output, "output", "o", "", "the file to write (never replaced); - for standard output")
	f.StringVar(&o.rules.Level, "level", "", "national or regional (default: from the files)")
	f.StringVar(&o.rules.Region, "region", "", "the region of a regional report (default: from the files)")
	f.IntVar(&o.rules.Year, "year", 0, "the assessment year (default: the files')")
	f.BoolVar(&o.rules.IncludeDrafts, "include-drafts", false, "include draft files")
	f.BoolVar(&o.rules.Strict, "strict", false, "stop when any file has an error, instead of leaving it out")
	return cmd
}

func runDraft(s *streams, o *draftOptions, args []string) error {
	choice, _, err := gather(s, args, o.rules)
	if err != nil {
		return err
	}
	rep := report.Aggregate(choice.Inputs, report.Options{Level: choice.Level, Region: choice.Region, Year: choice.Year, LeftOut: choice.LeftOut})
	data := report.DraftEditorial(rep, nil)
	if o.output == files.Stdin {
		_, err := s.Out.Write(data)
		return err
	}
	if err := files.CreateAtomic(o.output, data, 0o644); err != nil {
		return fail(exitFailure, o.output+" exists; nothing was written (your editorial file is never replaced)", "name a new file with -o")
	}
	sayf(s.Err, "wrote %s: edit it, then make the report with: nest aggregate %s --editorial %s\n", o.output, args[0], o.output)
	return nil
}
