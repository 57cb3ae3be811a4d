package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/nest-nyth/nest/internal/files"
)

// writeOut writes what a command made to the file named, whole and
// atomically, or to standard output when the name is "" or "-".
func writeOut(s *streams, name string, data []byte) error {
	if name == "" || name == files.Stdin {
		_, err := s.Out.Write(data)
		return err
	}
	return files.WriteAtomic(name, data, 0o644)
}

// reportExts are the kinds of file nest writes reports as: a file of
// another kind is not replaced without --force.
var reportExts = []string{".pdf", ".html", ".csv", ".json"}

// mayWrite refuses an output that would destroy someone's work: one of the
// files read (nest aggregate . -o gwent.yaml), whatever --force says; a
// folder; or, without force, an existing file that is not a report of
// nest's kinds, or a name for a submission (.yaml, .yml).
func mayWrite(out string, inputs []string, force bool) error {
	if out == "" || out == files.Stdin {
		return nil
	}
	info, err := os.Stat(out)
	if err == nil && info.IsDir() {
		return fail(exitFailure, out+" is a folder: name a file to write the report to")
	}
	for _, in := range inputs {
		if in == files.Stdin {
			continue
		}
		if other, err2 := os.Stat(in); err == nil && err2 == nil && os.SameFile(info, other) {
			return fail(exitFailure, out+" is one of the files being reported on; nothing was written", "name another file with -o")
		}
	}
	ext := strings.ToLower(filepath.Ext(out))
	switch {
	case force:
	case files.IsYAML(out):
		return fail(exitFailure, out+" is a name for a self-assessment, not a report; nothing was written", "name a .pdf, .html, .csv or .json file with -o, or add --force")
	case err == nil && !slices.Contains(reportExts, ext):
		return fail(exitFailure, out+" exists and is not a report nest wrote; nothing was written", "name another file with -o, or replace it with --force")
	}
	return nil
}
