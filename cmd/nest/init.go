package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"time"

	"github.com/nest-nyth/nest/assessment"
	"github.com/nest-nyth/nest/internal/files"
	"github.com/spf13/cobra"
)

type initOptions struct {
	output string
	region string
	scope  string
	year   int
	force  bool
}

func newInitCmd(s *streams) *cobra.Command {
	w := s.words
	o := &initOptions{}
	cmd := &cobra.Command{
		Use:   "init",
		Short: w.Say("cli.init.short"),
		Long:  w.Say("cli.init.long") + "\n" + s.exitStatus(w.Say("cli.init.exit.0"), ""),
		Example: `  nest init --region gwent
  nest init --region powys --scope service -o youth-project.yaml
  nest init --region gwent --lang cy`,
		Args: s.noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if o.region != "" {
				if _, ok := assessment.RegionByKey(o.region); !ok {
					return usagef("%s", w.Say("cli.init.region.unknown", o.region, strings.Join(assessment.RegionKeys(), ", ")))
				}
			}
			if !assessment.Has(assessment.Scopes, o.scope) {
				return usagef("%s", w.Say("cli.init.scope.unknown", o.scope))
			}
			if o.year == 0 {
				o.year = time.Now().Year()
			}
			if o.year < assessment.MinYear || o.year > assessment.MaxYear {
				return usagef("%s", w.Say("cli.init.year.bad", o.year, assessment.MinYear, assessment.MaxYear))
			}
			return runInit(s, o)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&o.output, "output", "o", "", w.Say("cli.init.flag.output"))
	f.StringVar(&o.region, "region", "", w.Say("cli.init.flag.region", strings.Join(assessment.RegionKeys(), ", ")))
	f.StringVar(&o.scope, "scope", assessment.ScopeRegion, w.Say("cli.init.flag.scope"))
	f.IntVar(&o.year, "year", 0, w.Say("cli.init.flag.year"))
	f.BoolVar(&o.force, "force", false, w.Say("cli.init.flag.force"))
	return cmd
}

// defaultFileName is YEAR-REGION.yaml, the name nest assess uses too.
func defaultFileName(year int, region, scope string) string {
	if region == "" {
		region = "nest"
	}
	name := fmt.Sprintf("%d-%s", year, region)
	if scope == assessment.ScopeService {
		name += "-service"
	}
	return name + ".yaml"
}

func runInit(s *streams, o *initOptions) error {
	w := s.words
	data := assessment.Template(assessment.TemplateOptions{Region: o.region, Scope: o.scope, Year: o.year, Words: w})
	if o.output == files.Stdin {
		_, err := s.Out.Write(data)
		return err
	}
	path := o.output
	if path == "" {
		path = defaultFileName(o.year, o.region, o.scope)
	}
	if info, err := os.Stat(path); err == nil && info.IsDir() {
		return fail(exitFailure, w.Say("cli.init.folder", path))
	}
	write := files.CreateAtomic
	if o.force {
		write = files.WriteAtomic
	}
	if err := write(path, data, 0o644); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return fail(exitFailure, w.Say("cli.init.exists", path), w.Say("cli.init.exists.hint"))
		}
		return fail(exitFailure, s.writeError("cli.init.write.failed", path, err))
	}
	sayf(s.Err, "%s\n", w.Say("cli.init.wrote", path, path))
	return nil
}
