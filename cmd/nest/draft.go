package main

import (
	"path/filepath"
	"strings"

	"github.com/nest-nyth/nest/assessment"
	"github.com/nest-nyth/nest/internal/files"
	"github.com/nest-nyth/nest/report"
	"github.com/spf13/cobra"
)

type draftOptions struct {
	output string
	rules  report.Rules
}

func newDraftCmd(s *streams) *cobra.Command {
	w := s.words
	o := &draftOptions{}
	cmd := &cobra.Command{
		Use:   "draft-update " + w.Say("cli.help.use.draft-update"),
		Short: w.Say("cli.draft.short"),
		Long:  w.Say("cli.draft.long") + "\n" + s.exitStatus(w.Say("cli.draft.exit.0"), w.Say("cli.draft.exit.1")),
		Example: `  nest draft-update examples/2024/regions -o update.md
  nest draft-update examples/2024/regions --lang cy -o update.cy.md`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usagef("%s", w.Say("cli.draft.no.paths"))
			}
			if o.output == "" {
				return usagef("%s", w.Say("cli.draft.no.output"))
			}
			if err := o.rules.Check(); err != nil {
				return usagef("%v", err)
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error { return runDraft(s, o, args) },
	}
	f := cmd.Flags()
	f.StringVarP(&o.output, "output", "o", "", w.Say("cli.draft.flag.output"))
	s.choiceFlags(f, &o.rules, nil)
	return cmd
}

func runDraft(s *streams, o *draftOptions, args []string) error {
	choice, _, err := gather(s, args, o.rules)
	if err != nil {
		return err
	}
	// One language a file: cy+en writes the Welsh; the English is a
	// second run with --lang en.
	words := s.languages()[0]
	rep := report.Aggregate(choice.Inputs, report.Options{Level: choice.Level, Region: choice.Region, Year: choice.Year, LeftOut: choice.LeftOut, Words: words})
	data := report.DraftEditorial(rep, words)
	if o.output == files.Stdin {
		_, err := s.Out.Write(data)
		return err
	}
	if err := files.CreateAtomic(o.output, data, 0o644); err != nil {
		return fail(exitFailure, s.words.Say("cli.draft.exists", o.output), s.words.Say("cli.draft.exists.hint"))
	}
	// The command that makes the report from it, in its language: a Welsh
	// file is found as the Welsh of an editorial file by its name,
	// NAME.cy.md beside NAME.md.
	lang := ""
	if words != assessment.English {
		lang = " --lang " + langWelsh
	}
	sayf(s.Err, "%s\n", s.words.Say("cli.draft.wrote", o.output, args[0]+lang, o.output))
	if ext := filepath.Ext(o.output); lang != "" && !strings.HasSuffix(o.output, ".cy"+ext) {
		sayf(s.Err, "nest: %s: %s\n", s.words.Say("cli.note"), s.words.Say("cli.draft.welsh.name", o.output, strings.TrimSuffix(o.output, ext)+".cy"+ext))
	}
	return nil
}
