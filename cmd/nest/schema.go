package main

import (
	"github.com/nest-nyth/nest/schema"
	"github.com/spf13/cobra"
)

func newSchemaCmd(s *streams) *cobra.Command {
	w := s.words
	return &cobra.Command{
		Use:   "schema",
		Short: w.Say("cli.schema.short"),
		Long:  w.Say("cli.schema.long") + "\n" + s.exitStatus(w.Say("cli.schema.exit.0"), ""),
		Args:  s.noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			_, err := s.Out.Write(schema.JSON)
			return err
		},
	}
}
