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
	o := &initOptions{}
	cmd := &cobra.Command{
		Use:   "init",
		Short: "Write a commented template to fill in by hand",
		Long: `Write a commented self-assessment template, for people who prefer to
fill it in with an editor. Every key is there, with what it means and
the values it takes. An existing file is never overwritten without --force.

The file name is YEAR-REGION.yaml (YEAR-REGION-service.yaml for a
service) unless -o names one; -o - prints the template.` + "\n" + s.exitStatus("template written", ""),
		Example: `  nest init --region gwent
  nest init --region powys --scope service -o youth-project.yaml`,
		Args: s.noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if o.region != "" {
				if _, ok := assessment.RegionByKey(o.region); !ok {
					return usagef("unknown region %q: use one of %s", o.region, strings.Join(assessment.RegionKeys(), ", "))
				}
			}
			if !assessment.Has(assessment.Scopes, o.scope) {
				return usagef("unknown scope %q: use region or service", o.scope)
			}
			if o.year == 0 {
				o.year = time.Now().Year()
			}
			if o.year < assessment.MinYear || o.year > assessment.MaxYear {
				return usagef("--year %d is not an assessment round: use %d to %d", o.year, assessment.MinYear, assessment.MaxYear)
			}
			return runInit(s, o)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&o.output, "output", "o", "", "file to write, or - for standard output")
	f.StringVar(&o.region, "region", "", "region key: "+strings.Join(assessment.RegionKeys(), ", "))
	f.StringVar(&o.scope, "scope", assessment.ScopeRegion, "region or service")
	f.IntVar(&o.year, "year", 0, "assessment year (default: this year)")
	f.BoolVar(&o.force, "force", false, "overwrite an existing file")
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
	data := assessment.Template(assessment.TemplateOptions{Region: o.region, Scope: o.scope, Year: o.year})
	if o.output == files.Stdin {
		_, err := s.Out.Write(data)
		return err
	}
	path := o.output
	if path == "" {
		path = defaultFileName(o.year, o.region, o.scope)
	}
	if info, err := os.Stat(path); err == nil && info.IsDir() {
		return fmt.Errorf("%s is a folder: name a file with -o", path)
	}
	write := files.CreateAtomic
	if o.force {
		write = files.WriteAtomic
	}
	if err := write(path, data, 0o644); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return fail(exitFailure, path+" already exists; nothing was written", "choose another name with -o, or replace it with --force")
		}
		return err
	}
	sayf(s.Err, "wrote %s: fill it in, then check it with: nest validate %s\n", path, path)
	return nil
}
