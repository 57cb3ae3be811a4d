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
func mayWrite(s *streams, out string, inputs []string, force bool) error {
	w := s.words
	if out == "" || out == files.Stdin {
		return nil
	}
	info, err := os.Stat(out)
	if err == nil && info.IsDir() {
		return fail(exitFailure, w.Say("cli.write.folder", out))
	}
	for _, in := range inputs {
		if in == files.Stdin {
			continue
		}
		if other, err2 := os.Stat(in); err == nil && err2 == nil && os.SameFile(info, other) {
			return fail(exitFailure, w.Say("cli.write.input", out), w.Say("cli.write.another"))
		}
	}
	ext := strings.ToLower(filepath.Ext(out))
	switch {
	case force:
	case files.IsYAML(out):
		return fail(exitFailure, w.Say("cli.write.yaml", out), w.Say("cli.write.yaml.hint"))
	case err == nil && !slices.Contains(reportExts, ext):
		return fail(exitFailure, w.Say("cli.write.other", out), w.Say("cli.write.other.hint"))
	}
	return nil
}

// aggregateFormats are the formats nest aggregate writes.
var aggregateFormats = []string{"pdf", "html", "csv", "json"}

// formatOf is the format a file's name says: its extension, when it is
// one nest writes.
func formatOf(name string) string {
	ext := strings.ToLower(strings.TrimPrefix(filepath.Ext(name), "."))
	if ext == "htm" {
		ext = "html"
	}
	if slices.Contains(aggregateFormats, ext) {
		return ext
	}
	return ""
}
