// Package output prints the findings of nest validate in the formats CI
// systems read: text for people, JSON for scripts, GitHub Actions
// annotations, JUnit XML and SARIF. One file a format; the findings
// themselves come from package schema.
package output

import (
	"fmt"
	"io"
	"strings"

	"github.com/nest-nyth/nest/internal/text"
	"github.com/nest-nyth/nest/schema"
)

// Formats are the names accepted by Report.Write.
var Formats = []string{"text", "json", "github", "junit", "sarif"}

// Report is the outcome of checking a set of files, ready to print.
type Report struct {
	Files    []string         // every file checked, and every path that could not be, sorted
	Missing  int              // how many of Files are paths that could not be used (missing, loops)
	Findings []schema.Finding // sorted with Sort
	Strict   bool             // warnings count as failures
	Version  string           // of nest, for SARIF
}

// Counts returns the number of errors and warnings.
func (r *Report) Counts() (errors, warnings int) {
	for _, f := range r.Findings {
		if f.Severity == schema.Error {
			errors++
		} else {
			warnings++
		}
	}
	return errors, warnings
}

// Failed reports whether the files should be rejected: any error, or any
// warning when strict.
func (r *Report) Failed() bool {
	e, w := r.Counts()
	return e > 0 || r.Strict && w > 0
}

// fails reports whether a finding counts as a failure.
func (r *Report) fails(f schema.Finding) bool {
	return f.Severity == schema.Error || r.Strict
}

// Write prints the report in one of Formats. color adds ANSI colour to the
// text format and is ignored by the others.
func (r *Report) Write(w io.Writer, format string, color bool) error {
	switch format {
	case "text":
		return r.writeText(w, color)
	case "json":
		return r.writeJSON(w)
	case "github":
		return r.writeGitHub(w)
	case "junit":
		return r.writeJUnit(w)
	case "sarif":
		return r.writeSARIF(w)
	}
	return fmt.Errorf("unknown format %q: use one of %s", format, strings.Join(Formats, ", "))
}

// Summary is one line saying what was found, for people.
func (r *Report) Summary() string {
	e, w := r.Counts()
	files := text.Plural(len(r.Files)-r.Missing, "file")
	var s string
	switch {
	case e == 0 && w == 0:
		s = fmt.Sprintf("%s checked: all valid", files)
	case e == 0 && r.Strict:
		s = fmt.Sprintf("%s checked: %s, which fail with --strict", files, text.Plural(w, "warning"))
	case e == 0:
		s = fmt.Sprintf("%s checked: valid, with %s", files, text.Plural(w, "warning"))
	default:
		s = fmt.Sprintf("%s checked: %s, %s", files, text.Plural(e, "error"), text.Plural(w, "warning"))
	}
	if r.Missing > 0 {
		s += fmt.Sprintf("; %s could not be read", text.Plural(r.Missing, "path"))
	}
	return s
}
