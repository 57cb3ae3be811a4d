package main

import (
	"github.com/nest-nyth/nest/schema"
	"github.com/spf13/cobra"
)

func newSchemaCmd(s *streams) *cobra.Command {
	return &cobra.Command{
		Use:   "schema",
		Short: "Print the JSON Schema of the file format",
		Long: `Print the JSON Schema (draft 2020-12) of the NEST file format, as built
into this nest. Editors use it for completion and help: save it, and name
it in the first line of each file:

  # yaml-language-server: $schema=nest.schema.json` + "\n" + s.exitStatus("the schema printed", ""),
		Args: s.noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			_, err := s.Out.Write(schema.JSON)
			return err
		},
	}
}
